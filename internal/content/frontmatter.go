package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// A document is one content file split into its front matter and body.
// Line ends are normalised to LF and a byte-order mark is dropped, without
// moving any line: front matter line n is line n+1 of the file (after the
// opening ---), and the body starts at BodyLine.
type document struct {
	FrontMatter []byte // YAML between the --- lines; nil when the file has none
	Body        []byte
	BodyLine    int // 1-based line of the file where Body starts
}

var bom = []byte("\xEF\xBB\xBF")

// splitDocument splits src. The only errors are an invalid UTF-8 sequence
// and front matter that is opened but never closed; they are returned as a
// Problem without Path.
func splitDocument(src []byte) (document, *Problem) {
	if !utf8.Valid(src) {
		off := invalidUTF8Offset(src)
		line, col := lineCol(src, off)
		return document{}, &Problem{Line: line, Col: col,
			Message: fmt.Sprintf("invalid UTF-8 at byte offset %d: save the file as UTF-8", off)}
	}
	src = bytes.TrimPrefix(src, bom)
	src = normalizeNewlines(src)
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.Equal(bytes.TrimRight(src, " \t"), []byte("---")) {
		return document{Body: src, BodyLine: 1}, nil
	}
	// Find the closing line: "---" alone (trailing spaces allowed).
	pos := 4
	line := 2
	for pos <= len(src) {
		end := bytes.IndexByte(src[pos:], '\n')
		var l []byte
		next := len(src) + 1
		if end < 0 {
			l = src[pos:]
		} else {
			l = src[pos : pos+end]
			next = pos + end + 1
		}
		if string(bytes.TrimRight(l, " \t")) == "---" {
			body := []byte{}
			if next <= len(src) {
				body = src[next:]
			}
			return document{FrontMatter: src[4:pos], Body: body, BodyLine: line + 1}, nil
		}
		pos = next
		line++
	}
	return document{}, &Problem{Line: 1, Col: 1, Message: "front matter opened with --- is never closed: add a line --- after the last field"}
}

// normalizeNewlines turns CRLF and lone CR into LF, keeping the line count.
func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
			continue
		}
		out = append(out, b[i])
	}
	return out
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// lineCol returns the 1-based line and column (in characters) of byte
// offset off in b.
func lineCol(b []byte, off int) (int, int) {
	if off > len(b) {
		off = len(b)
	}
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, utf8.RuneCount(b[start:off]) + 1
}
