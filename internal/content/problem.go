package content

import (
	"fmt"
	"sort"
	"strings"
)

// A Problem is one thing wrong with the publisher's input, pinned to the
// place in the file where it can be fixed.
type Problem struct {
	Path    string // slash-separated, relative to the site folder
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Col     int    // 1-based; 0 when unknown
	Message string
	Warning bool // reported, but does not fail the build
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found in one load or build. As an error it
// prints one problem per line, sorted by file and position, so the output of
// two runs over the same input is the same.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps.Sorted() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Sorted returns the problems ordered by path, line, column and message.
func (ps Problems) Sorted() Problems {
	out := append(Problems(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
	return out
}

// Errors returns the problems that fail a build (not warnings).
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem fails the build.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}
