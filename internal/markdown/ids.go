package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading anchors that keep Chinese text readable:
// "## 工作 思路" gets id "工作-思路". goldmark's own generator drops every
// non-ASCII character, which leaves Chinese headings as "heading-1",
// "heading-2". One headingIDs serves one document.
//
// A document has a handful of headings, so the ids given out are kept in
// a list until there are many: a map per document, seeded with the
// reserved ids, and three allocations per heading were 50 MB of a
// 10,000-case build's garbage; now each heading costs its id only.
type headingIDs struct {
	used [][]byte        // the ids given out or put, while there are few
	set  map[string]bool // all of them, once there are many
	buf  []byte
}

// manyIDs is how many ids a list holds before a map takes over.
const manyIDs = 32

func newHeadingIDs() *headingIDs { return &headingIDs{} }

// reservedIDs are ids the theme's pages use; a heading that would take one
// gets a suffix instead ("main-1"), so anchors stay unique on the page.
var reservedIDs = []string{"main", "top", "content", "footer", "search", "search-form", "search-q", "search-results", "search-status", "search-text", "search-pager"}

func (s *headingIDs) taken(id []byte) bool {
	if slices.Contains(reservedIDs, string(id)) {
		return true
	}
	if s.set != nil {
		return s.set[string(id)]
	}
	for _, u := range s.used {
		if bytes.Equal(u, id) {
			return true
		}
	}
	return false
}

// take records id, which the caller must not change afterwards.
func (s *headingIDs) take(id []byte) {
	if s.set != nil {
		s.set[string(id)] = true
		return
	}
	s.used = append(s.used, id)
	if len(s.used) > manyIDs {
		s.set = make(map[string]bool, 2*len(s.used))
		for _, u := range s.used {
			s.set[string(u)] = true
		}
		s.used = nil
	}
}

func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := s.buf[:0]
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && len(id) > 0 {
				id = append(id, '-')
			}
			dash = false
			id = utf8.AppendRune(id, unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if len(id) == 0 {
		id = append(id, "section"...)
	}
	if s.taken(id) {
		base := len(id)
		for i := 1; ; i++ {
			id = strconv.AppendInt(append(id[:base], '-'), int64(i), 10)
			if !s.taken(id) {
				break
			}
		}
	}
	s.buf = id[:0]
	out := bytes.Clone(id)
	s.take(out)
	return out
}

func (s *headingIDs) Put(value []byte) {
	if !s.taken(value) {
		s.take(bytes.Clone(value))
	}
}
