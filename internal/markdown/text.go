package markdown

import (
	"html"
	"strings"
	"unsafe"
)

// Text returns the plain text a reader sees in HTML that Render wrote, for
// search: tags dropped, character references decoded, every block on a
// line of its own, and a line break inside a paragraph read as a space
// (Render has already dropped the ones between Chinese characters). An
// image counts as its alt text; footnote reference numbers and back links,
// scripts, styles and comments count as nothing; code blocks keep their
// lines.
//
// Render keeps no text of its own because a site's pages hold their HTML
// until they are written anyway: deriving the text when the search index
// needs it, instead of holding it beside the HTML, took 350 MB off the
// peak of a 100,000-case build.
func Text(h string) string {
	b := AppendText(make([]byte, 0, len(h)), h)
	if len(b) == 0 {
		return ""
	}
	// The text is a quarter shorter than its HTML: copying it out at
	// its size would allocate it twice.
	return unsafe.String(&b[0], len(b))
}

// AppendText appends Text(h) to dst and returns the extended buffer: the
// search index derives every page's text into one reused buffer.
func AppendText(dst []byte, h string) []byte {
	t := textWriter{out: dst, start: len(dst)}
	t.write(h, true)
	t.newline()
	// Trim the white space at both ends (a code block's indent, say).
	n := len(t.out)
	for n > t.start && isSpace(t.out[n-1]) {
		n--
	}
	k := t.start
	for k < n && isSpace(t.out[k]) {
		k++
	}
	return append(t.out[:t.start], t.out[k:n]...)
}

// write writes the text of h: HTML when markup is set, else an attribute's
// raw value, whose < is a character like any other.
func (t *textWriter) write(h string, markup bool) {
	run := 0 // start of the characters not yet written
	for i := 0; i < len(h); {
		c := h[i]
		if !special[c] || c == '<' && !markup {
			i++
			continue
		}
		t.chars(h[run:i])
		switch c {
		case '<':
			i = t.tag(h, i)
		case '&':
			i = t.reference(h, i)
		case '\n':
			t.lineBreak()
			i++
		}
		run = i
	}
	t.chars(h[run:])
}

// special marks the bytes Text stops at; between them, characters are
// copied as they are.
var special = [256]bool{'<': true, '&': true, '\n': true}

type textWriter struct {
	out   []byte
	start int // where this text starts in out
	pre   int // depth of <pre> elements: their line breaks are kept
}

// chars writes characters that need no decoding.
func (t *textWriter) chars(s string) {
	if len(s) == 0 {
		return
	}
	if t.pre == 0 && (len(t.out) == t.start || t.out[len(t.out)-1] == '\n') {
		s = strings.TrimLeft(s, " ") // after a checkbox, say
	}
	t.out = append(t.out, s...)
}

// lineBreak writes a line break of the HTML source: one inside <pre>, a
// space between words elsewhere.
func (t *textWriter) lineBreak() {
	switch {
	case t.pre > 0:
		t.out = append(t.out, '\n')
	case len(t.out) > t.start && t.out[len(t.out)-1] != '\n':
		t.out = append(t.out, ' ')
	}
}

// reference writes the character reference at s[i] ('&') decoded, or the
// & itself when none starts there, and returns where the text after it
// starts.
func (t *textWriter) reference(s string, i int) int {
	end := strings.IndexByte(s[i:], ';')
	if end < 0 || end > 32 || strings.ContainsAny(s[i:i+end], " \n<") {
		t.out = append(t.out, '&')
		return i + 1
	}
	t.out = append(t.out, html.UnescapeString(s[i:i+end+1])...)
	return i + end + 1
}

// newline ends the current line, if there is one, without the spaces at
// its end (a footnote's no-break space before its back link, say).
func (t *textWriter) newline() {
	n := len(t.out)
	for {
		if n > t.start && t.out[n-1] == ' ' {
			n--
		} else if n > t.start+1 && t.out[n-2] == 0xC2 && t.out[n-1] == 0xA0 {
			n -= 2
		} else {
			break
		}
	}
	if t.out = t.out[:n]; n > t.start && t.out[n-1] != '\n' {
		t.out = append(t.out, '\n')
	}
}

// tag handles the markup at h[i] ('<') and returns where the text after it
// starts.
func (t *textWriter) tag(h string, i int) int {
	if strings.HasPrefix(h[i:], "<!--") {
		return skipPast(h, i+4, "-->")
	}
	if i+1 == len(h) || !(isASCIILetter(h[i+1]) || h[i+1] == '/' || h[i+1] == '!' || h[i+1] == '?') {
		t.out = append(t.out, '<') // a < that starts no tag (in raw HTML)
		return i + 1
	}
	end := tagEnd(h, i)
	tg := h[i:end]
	closing := tg[1] == '/'
	name := tagName(tg)
	switch {
	case name == "br":
		t.newline()
	case name == "img":
		t.write(attr(tg, "alt"), false)
	case name == "script" || name == "style":
		if !closing {
			return skipPast(h, end, "</"+name)
		}
	case name == "a" && !closing && strings.Contains(attr(tg, "class"), "footnote-"):
		return skipPast(h, end, "</a>")
	case name == "pre":
		if closing {
			t.pre = max(t.pre-1, 0)
		} else {
			t.pre++
		}
		t.newline()
	case isBlock(name):
		t.newline()
	}
	return end
}

// tagEnd returns the index just past the '>' that ends the tag at h[i],
// past quoted attribute values, or len(h).
func tagEnd(h string, i int) int {
	var quote byte
	for j := i + 1; j < len(h); j++ {
		c := h[j]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		if c == '>' {
			return j + 1
		}
		if c == '"' || c == '\'' {
			quote = c
		}
	}
	return len(h)
}

// tagName returns the lower-case element name of a tag, or "" when tg is
// not a start or end tag.
func tagName(tg string) string {
	j := 1
	if j < len(tg) && tg[j] == '/' {
		j++
	}
	k, upper := j, false
	for ; k < len(tg); k++ {
		c := tg[k]
		if 'A' <= c && c <= 'Z' {
			upper = true
		} else if !('a' <= c && c <= 'z' || k > j && '0' <= c && c <= '9') {
			break
		}
	}
	if upper {
		return strings.ToLower(tg[j:k])
	}
	return tg[j:k]
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// attr returns the raw value of a tag's quoted attribute (its character
// references not decoded), or "".
func attr(tg, name string) string {
	for i := 0; ; {
		j := strings.Index(tg[i:], name+"=")
		if j < 0 {
			return ""
		}
		j += i
		i = j + len(name) + 1
		if tg[j-1] != ' ' || i >= len(tg) || (tg[i] != '"' && tg[i] != '\'') {
			continue
		}
		end := strings.IndexByte(tg[i+1:], tg[i])
		if end < 0 {
			return ""
		}
		return tg[i+1 : i+1+end]
	}
}

// skipPast returns the index just past the first end, in any case of
// ASCII letters, at or after i (past its closing '>' too, when end opens
// a tag), or len(h).
func skipPast(h string, i int, end string) int {
	for ; i+len(end) <= len(h); i++ {
		j := strings.IndexByte(h[i:], end[0])
		if j < 0 || i+j+len(end) > len(h) {
			break
		}
		i += j
		if strings.EqualFold(h[i:i+len(end)], end) {
			if end[0] == '<' {
				return tagEnd(h, i)
			}
			return i + len(end)
		}
	}
	return len(h)
}

// isBlock reports whether an element starts and ends a line of text.
func isBlock(name string) bool {
	switch name {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
		"blockquote", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
		"hr", "div", "section", "article", "aside", "header", "footer", "nav", "main",
		"figure", "figcaption", "details", "summary", "address", "fieldset", "form":
		return true
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
