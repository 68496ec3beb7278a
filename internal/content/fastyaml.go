package content

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// fastYAML parses the plain kind of YAML that front matter is written in
// and returns the node tree yaml.v3 would build for it, the same in every
// field the decoder reads (Kind, Tag, Value, Line, Column, Content) and in
// Style, which yaml.v3's own Node.Decode of params reads. Comments are not
// kept. yaml.v3's general event machine took about a third of the CPU
// time of loading a generated 10,000-case site; this takes less than half
// its time and allocations per front matter (BenchmarkFrontMatter), and
// about 40% of its CPU time within a whole load, where fewer
// allocations also mean less garbage collection.
//
// It handles only this subset, each construct on one line:
//
//   - block mappings nested by indentation (spaces only) with plain keys;
//   - block sequences ("- item", "- key: v" starting a mapping item, an
//     indentless sequence under a key at the key's own indentation);
//   - plain scalars, single- and double-quoted scalars (with yaml.v3's
//     escapes), empty values (null);
//   - flow sequences of such scalars: [a, "b", 1.5] and [];
//   - blank lines, full-line comments and trailing " # comments".
//
// Anything else, and anything it is not sure how yaml.v3 reads, makes it
// return ok == false: tabs, anchors, aliases, tags, block scalars, flow
// mappings, multi-line scalars, document markers, directives, quoted or
// complex keys, unusual characters, odd indentation, and every syntax
// error. parseYAML then parses with yaml.v3 as before, so that every error
// message and position comes from yaml.v3 alone.
//
// An empty document, or one of comments only, gives (nil, true), as
// yaml.v3 gives no node for it.
func fastYAML(src []byte) (root *yaml.Node, ok bool) {
	return (&fastParser{}).parse(src)
}

// parse parses src. A fastParser may parse one document after another,
// reusing its buffers: the nodes of the last document are overwritten, so
// they must be no longer in use (a loader worker decodes each file's
// nodes before it parses the next file).
func (p *fastParser) parse(src []byte) (root *yaml.Node, ok bool) {
	p.i, p.extra = 0, 0
	// The lines are read in place, not copied: every node's value is
	// copied out of them (plainNode, quoted), so no node points into src,
	// which a loader worker reuses for its next file.
	if !p.split(unsafe.String(unsafe.SliceData(src), len(src))) {
		return nil, false
	}
	if len(p.lines) == 0 {
		return nil, true
	}
	// Most lines have a key and a value; flow sequences have a node more
	// and an item more per comma; a "- key: v" line has a mapping more.
	nodes := 2*len(p.lines) + p.extra + 2
	p.slab = reuse(p.slab, nodes)
	p.ptrs = reuse(p.ptrs, nodes)
	p.stack = reuse(p.stack, nodes)
	root, ok = p.block(0)
	if !ok || p.i != len(p.lines) {
		return nil, false
	}
	return root, true
}

// fyLine is one line with content: not blank, not only a comment.
type fyLine struct {
	num  int    // 1-based line number
	text string // the line without its line break
	ind  int    // where the content starts: spaces before it, so also its column-1
}

type fastParser struct {
	lines []fyLine
	i     int          // the next line to parse
	extra int          // about how many nodes more than two a line
	slab  []yaml.Node  // nodes are allocated from here, many at a time
	ptrs  []*yaml.Node // and the Content of collections from here
	stack []*yaml.Node // children of the collections being parsed
}

// maxFastDepth bounds nesting; deeper documents go to yaml.v3.
const maxFastDepth = 64

// maxFastKey keeps keys well under yaml.v3's limit of 1024 characters
// between a simple key's start and its ':'.
const maxFastKey = 512

// split checks every character and collects the lines with content. It
// refuses tabs, line breaks other than LF (NEL, LS, PS), a byte-order mark,
// characters yaml.v3 rejects as control characters, and document markers.
func (p *fastParser) split(s string) bool {
	p.lines = reuse(p.lines, strings.Count(s, "\n")+1)
	num := 0
	for len(s) > 0 {
		num++
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		for i := 0; i < len(line); {
			c := line[i]
			if c < utf8.RuneSelf {
				if c < 0x20 || c == 0x7f {
					return false
				}
				if c == ',' || c == '[' {
					p.extra++
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(line[i:])
			if size == 1 || !(r >= 0xA0 && r <= 0xD7FF && r != 0x2028 && r != 0x2029 ||
				r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF ||
				r >= 0x10000 && r <= 0x10FFFF) {
				return false // size 1: not UTF-8
			}
			i += size
		}
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") {
			return false
		}
		ind := 0
		for ind < len(line) && line[ind] == ' ' {
			ind++
		}
		if ind == len(line) || line[ind] == '#' {
			continue
		}
		if isEntry(line, ind) {
			p.extra++
		}
		p.lines = append(p.lines, fyLine{num: num, text: line, ind: ind})
	}
	return true
}

func (p *fastParser) node(kind yaml.Kind, style yaml.Style, tag, value string, line, col int) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 16)
	}
	p.slab = p.slab[:len(p.slab)+1]
	n := &p.slab[len(p.slab)-1]
	*n = yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: line, Column: col}
	return n
}

// reuse returns s emptied, or a new slice when s has room for fewer than
// n elements.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// content returns the nodes pushed on the stack since base, as a slice of
// their own, and pops them.
func (p *fastParser) content(base int) []*yaml.Node {
	n := len(p.stack) - base
	if n == 0 {
		return nil
	}
	if len(p.ptrs)+n > cap(p.ptrs) {
		p.ptrs = make([]*yaml.Node, 0, max(n, 16))
	}
	c := append(p.ptrs[len(p.ptrs):len(p.ptrs):len(p.ptrs)+n], p.stack[base:]...)
	p.ptrs = p.ptrs[:len(p.ptrs)+n]
	p.stack = p.stack[:base]
	return c
}

// plainNode is a plain scalar, tagged by yaml.v3's own resolver. A plain
// "<<" is a merge key, which yaml.v3's parser tags itself; it is left to
// yaml.v3 (nil).
//
// Values are copied out of the document, as yaml.v3 does, so that a page
// keeping its title does not keep the whole front matter alive.
func (p *fastParser) plainNode(value string, line, col int) *yaml.Node {
	if value == "<<" {
		return nil
	}
	n := p.node(yaml.ScalarNode, 0, "", strings.Clone(value), line, col)
	n.Tag = plainTag(value)
	if n.Tag == "" {
		n.Tag = n.ShortTag()
	}
	return n
}

// plainTag is the tag yaml.v3 resolves a plain scalar to, for the forms
// most front matter holds, or "" for yaml.v3 to decide: a value whose
// first byte hints at no other type (Chinese text, most words) is a
// string; digits without a leading zero are an int; such digits, a point
// and more digits are a float. yaml.v3's resolver reaches the same
// answers after trying a timestamp, a number in every base and a regular
// expression, a fifth of the time it took to read a case's front matter.
func plainTag(v string) string {
	if v == "" {
		return ""
	}
	switch c := v[0]; {
	case c >= 0x80, c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		if strings.IndexByte("yYnNtTfFoO", c) < 0 {
			return "!!str"
		}
		return ""
	case c < '0' || c > '9':
		return ""
	}
	digits := func(s string) int {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	i := digits(v)
	if i > 15 || (v[0] == '0' && i > 1) {
		return ""
	}
	if i == len(v) {
		return "!!int"
	}
	if v[i] != '.' {
		return ""
	}
	if f := digits(v[i+1:]); f > 0 && f <= 15 && i+1+f == len(v) {
		return "!!float"
	}
	return ""
}

// isEntry reports whether text at i starts a block sequence entry: "-"
// followed by a space or the end of the line.
func isEntry(text string, i int) bool {
	return i < len(text) && text[i] == '-' && (i+1 == len(text) || text[i+1] == ' ')
}

// col is the 1-based column, in characters as yaml.v3 counts, of byte i.
func col(text string, i int) int {
	return utf8.RuneCountInString(text[:i]) + 1
}

// block parses the block mapping or sequence that starts on the current
// line.
func (p *fastParser) block(depth int) (*yaml.Node, bool) {
	l := &p.lines[p.i]
	if isEntry(l.text, l.ind) {
		return p.sequence(l.ind, depth)
	}
	return p.mapping(l.ind, depth)
}

// open starts a collection of kind whose lines start at column ind+1, on
// the current line, and returns it with the height of the stack where its
// children will start; nil when nested too deep.
func (p *fastParser) open(kind yaml.Kind, tag string, ind, depth int) (*yaml.Node, int) {
	if depth > maxFastDepth {
		return nil, 0
	}
	return p.node(kind, 0, tag, "", p.lines[p.i].num, ind+1), len(p.stack)
}

// next returns the next line of the collection at column ind+1, nil at
// its end: no more lines, or one indented less. A line indented more is
// returned too, and refused by mapping and sequence, as they find a space
// at column ind+1: yaml.v3 would take it into a multi-line scalar or
// reject it.
func (p *fastParser) next(ind int) *fyLine {
	if p.i == len(p.lines) || p.lines[p.i].ind < ind {
		return nil
	}
	return &p.lines[p.i]
}

// mapping parses the block mapping whose keys start at column ind+1, from
// the current line, until a line indented less.
func (p *fastParser) mapping(ind, depth int) (*yaml.Node, bool) {
	m, base := p.open(yaml.MappingNode, "!!map", ind, depth)
	if m == nil {
		return nil, false
	}
	for l := p.next(ind); l != nil; l = p.next(ind) {
		end, colon, ok := scanPlain(l.text, ind, false)
		if !ok || !colon || end-ind > maxFastKey || !plainKey(l.text[ind:end]) {
			return nil, false
		}
		key := p.plainNode(l.text[ind:end], l.num, ind+1)
		if key == nil {
			return nil, false
		}
		v := end + 1 // after the ':'
		pos := skipSpaces(l.text, v)
		var val *yaml.Node
		if pos == len(l.text) || l.text[pos] == '#' {
			// No value on this line: a nested block, an indentless
			// sequence, or null.
			p.i++
			if p.i < len(p.lines) && (p.lines[p.i].ind > ind || p.lines[p.i].ind == ind && isEntry(p.lines[p.i].text, ind)) {
				if val, ok = p.block(depth + 1); !ok {
					return nil, false
				}
			} else {
				val = p.node(yaml.ScalarNode, 0, "!!null", "", l.num, col(l.text, v))
			}
		} else {
			if val, ok = p.inline(l, pos); !ok {
				return nil, false
			}
			p.i++
		}
		p.stack = append(p.stack, key, val)
	}
	m.Content = p.content(base)
	return m, true
}

// sequence parses the block sequence whose "-" are at column ind+1.
func (p *fastParser) sequence(ind, depth int) (*yaml.Node, bool) {
	s, base := p.open(yaml.SequenceNode, "!!seq", ind, depth)
	if s == nil {
		return nil, false
	}
	// A line that is no entry ends the sequence: the next key after an
	// indentless sequence, or an error that the caller finds.
	for l := p.next(ind); l != nil && isEntry(l.text, ind); l = p.next(ind) {
		pos := skipSpaces(l.text, ind+1)
		var item *yaml.Node
		var ok bool
		switch {
		case pos == len(l.text) || l.text[pos] == '#':
			p.i++
			if p.i < len(p.lines) && p.lines[p.i].ind > ind {
				item, ok = p.block(depth + 1)
			} else {
				item, ok = p.node(yaml.ScalarNode, 0, "!!null", "", l.num, ind+2), true
			}
		case isEntry(l.text, pos):
			return nil, false // "- - x": a sequence starting on an entry's line
		case l.text[pos] != '"' && l.text[pos] != '\'' && l.text[pos] != '[' && startsKey(l.text, pos):
			// "- key: v": a mapping whose keys are at column pos+1; the
			// line now starts there for mapping.
			l.ind = pos
			item, ok = p.mapping(pos, depth+1)
		default:
			item, ok = p.inline(l, pos)
			p.i++
		}
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, item)
	}
	s.Content = p.content(base)
	return s, true
}

// startsKey reports whether the plain text at i is a mapping key.
func startsKey(text string, i int) bool {
	_, colon, ok := scanPlain(text, i, false)
	return ok && colon
}

// plainKey refuses keys the scanner might read otherwise than as one
// plain scalar.
func plainKey(k string) bool {
	return !strings.ContainsAny(k, "#,[]{}\"'") && !strings.HasSuffix(k, " ")
}

func skipSpaces(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}
