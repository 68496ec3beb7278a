package content

// The scalars and flow sequences of fastYAML's subset, on one line.

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// inline parses the value that starts at byte pos of line l and must end
// the line (but for a comment): a quoted scalar, a flow sequence or a
// plain scalar.
func (p *fastParser) inline(l *fyLine, pos int) (*yaml.Node, bool) {
	text := l.text
	var n *yaml.Node
	var end int
	var ok bool
	switch text[pos] {
	case '"', '\'':
		n, end, ok = p.quoted(l, pos)
	case '[':
		n, end, ok = p.flowSequence(l, pos)
	default:
		var colon bool
		end, colon, ok = scanPlain(text, pos, false)
		if !ok || colon {
			return nil, false
		}
		n = p.plainNode(text[pos:end], l.num, col(text, pos))
		ok = n != nil
	}
	if !ok || !restIsComment(text, end) {
		return nil, false
	}
	return n, true
}

// restIsComment reports whether text from i is spaces, then the end of the
// line or a comment after at least one space.
func restIsComment(text string, i int) bool {
	j := skipSpaces(text, i)
	return j == len(text) || text[j] == '#' && j > i
}

// plainStart reports whether a plain scalar may start at text[i]. It
// refuses every indicator, and "-" unless a digit, letter, "." or a
// non-ASCII character follows (as in -1 or -x).
func plainStart(text string, i int) bool {
	switch c := text[i]; c {
	case '-':
		if i+1 == len(text) {
			return false
		}
		d := text[i+1]
		return d >= '0' && d <= '9' || d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d == '.' || d >= utf8.RuneSelf
	case ' ', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// scanPlain scans the one-line plain scalar at text[i] and returns where
// it ends, trailing spaces excluded. colon reports that it ends at a
// mapping ":" (followed by a space or the end of the line); otherwise it
// ends at the end of the line or before " #". In a flow sequence (flow) it
// ends at "," or "]", and it refuses characters whose meaning there
// differs between YAML versions and parsers.
func scanPlain(text string, i int, flow bool) (end int, colon, ok bool) {
	if i >= len(text) || !plainStart(text, i) {
		return 0, false, false
	}
	end = i
	for j := i; j < len(text); j++ {
		switch c := text[j]; c {
		case ' ':
			if j+1 < len(text) && text[j+1] == '#' {
				return end, false, !flow
			}
			continue
		case ':':
			if flow {
				return 0, false, false
			}
			if j+1 == len(text) || text[j+1] == ' ' {
				return end, true, true
			}
		case ',', ']':
			if flow {
				return end, false, true
			}
		case '[', '{', '}', '?', '#':
			if flow {
				return 0, false, false
			}
		}
		end = j + 1
	}
	return end, false, !flow
}

// flowSequence parses a flow sequence of scalars that closes on its line.
func (p *fastParser) flowSequence(l *fyLine, pos int) (*yaml.Node, int, bool) {
	text := l.text
	s := p.node(yaml.SequenceNode, yaml.FlowStyle, "!!seq", "", l.num, col(text, pos))
	base := len(p.stack)
	i := skipSpaces(text, pos+1)
	if i < len(text) && text[i] == ']' {
		return s, i + 1, true
	}
	for i < len(text) {
		var item *yaml.Node
		var end int
		ok := true
		switch text[i] {
		case '"', '\'':
			item, end, ok = p.quoted(l, i)
		default:
			end, _, ok = scanPlain(text, i, true)
			if ok {
				item = p.plainNode(text[i:end], l.num, col(text, i))
				ok = item != nil
			}
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, item)
		i = skipSpaces(text, end)
		if i == len(text) {
			break
		}
		switch text[i] {
		case ']':
			s.Content = p.content(base)
			return s, i + 1, true
		case ',':
			i = skipSpaces(text, i+1)
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false // not closed on this line, or "[a, ]"
}

// quoted parses a single- or double-quoted scalar that closes on its line.
func (p *fastParser) quoted(l *fyLine, pos int) (*yaml.Node, int, bool) {
	text := l.text
	q := text[pos]
	style := yaml.SingleQuotedStyle
	if q == '"' {
		style = yaml.DoubleQuotedStyle
	}
	var b *strings.Builder // only when the value differs from the text
	start := pos + 1
	for i := start; i < len(text); i++ {
		c := text[i]
		switch {
		case c == q && q == '\'' && i+1 < len(text) && text[i+1] == '\'':
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(text[start : i+1])
			i++
			start = i + 1
		case c == q:
			v := text[start:i]
			if b != nil {
				b.WriteString(v)
				v = b.String()
			} else {
				v = strings.Clone(v)
			}
			return p.node(yaml.ScalarNode, style, "!!str", v, l.num, col(text, pos)), i + 1, true
		case c == '\\' && q == '"':
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(text[start:i])
			n, ok := unescape(b, text, i+1)
			if !ok {
				return nil, 0, false
			}
			i = n - 1
			start = n
		}
	}
	return nil, 0, false // multi-line
}

// unescape writes the escape sequence whose letter is at text[i] to b, as
// yaml.v3 reads it, and returns where the sequence ends.
func unescape(b *strings.Builder, text string, i int) (int, bool) {
	if i >= len(text) {
		return 0, false // an escaped line break
	}
	size := 0
	switch c := text[i]; c {
	case '0':
		b.WriteByte(0)
	case 'a':
		b.WriteByte('\a')
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'v':
		b.WriteByte('\v')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case 'e':
		b.WriteByte(0x1b)
	case ' ', '"', '\'', '\\':
		b.WriteByte(c)
	case 'N':
		b.WriteString("\u0085")
	case '_':
		b.WriteString("\u00a0")
	case 'L':
		b.WriteString("\u2028")
	case 'P':
		b.WriteString("\u2029")
	case 'x':
		size = 2
	case 'u':
		size = 4
	case 'U':
		size = 8
	default:
		return 0, false
	}
	if size == 0 {
		return i + 1, true
	}
	if i+1+size > len(text) {
		return 0, false
	}
	r := 0
	for _, c := range []byte(text[i+1 : i+1+size]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | int(c-'A'+10)
		default:
			return 0, false
		}
	}
	if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
		return 0, false
	}
	b.WriteRune(rune(r))
	return i + 1 + size, true
}
