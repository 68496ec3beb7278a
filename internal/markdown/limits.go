package markdown

import (
	"bytes"
	"fmt"
)

// Limits bound what one body may ask of the renderer. goldmark's time grows
// faster than linearly with the depth of nested lists and block quotes (a
// thousand levels of indented lists take seconds, ten thousand take hours),
// so a body beyond these limits is refused before it is parsed.
const (
	MaxNesting      = 64  // nested lists and block quotes
	MaxTableColumns = 256 // columns of a table
)

// LimitError says where a body goes beyond a limit. Line is 1-based within
// the body.
type LimitError struct {
	Line int
	Msg  string
}

func (e *LimitError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// checkLimits scans src line by line for nesting and table width.
func checkLimits(src []byte) error {
	line := 0
	for len(src) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			l, src = src, nil
		}
		if d := nesting(l); d > MaxNesting {
			return &LimitError{Line: line, Msg: fmt.Sprintf("lists and quotes nested %d levels deep; at most %d are allowed", d, MaxNesting)}
		}
		if c := delimiterColumns(l); c > MaxTableColumns {
			return &LimitError{Line: line, Msg: fmt.Sprintf("table has %d columns; at most %d are allowed", c, MaxTableColumns)}
		}
	}
	return nil
}

// nesting estimates how many containers a line opens or continues: each
// block-quote marker and list marker at its start, and every two columns
// of indentation (which is how nested list items are written).
func nesting(l []byte) int {
	depth, indent := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return depth + indent/2
		default:
			return depth + indent/2
		}
	}
	return depth + indent/2
}

// delimiterColumns returns the number of cells of a GFM table delimiter
// row (|---|:--:|), or 0 when l is not one.
func delimiterColumns(l []byte) int {
	l = bytes.TrimSpace(l)
	if len(l) == 0 || bytes.IndexByte(l, '-') < 0 {
		return 0
	}
	for _, c := range l {
		switch c {
		case '|', '-', ':', ' ', '\t':
		default:
			return 0
		}
	}
	l = bytes.Trim(l, "|")
	return bytes.Count(l, []byte("|")) + 1
}

// LineInBody returns the line, so that callers outside this package can
// place the error in the file.
func (e *LimitError) LineInBody() int { return e.Line }

// Message returns the error without its line.
func (e *LimitError) Message() string { return e.Msg }
