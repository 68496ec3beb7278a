package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading anchors that keep Chinese text readable:
// "## 工作 思路" gets id "工作-思路". goldmark's own generator drops every
// non-ASCII character, which leaves Chinese headings as "heading-1",
// "heading-2". One headingIDs serves one document.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs {
	used := map[string]bool{}
	for _, id := range reservedIDs {
		used[id] = true
	}
	return &headingIDs{used: used}
}

// reservedIDs are ids the theme's pages use; a heading that would take one
// gets a suffix instead ("main-1"), so anchors stay unique on the page.
var reservedIDs = []string{"main", "top", "content", "footer", "search", "search-form", "search-q", "search-results", "search-status", "search-text", "search-pager"}

func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var out []rune
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			out = append(out, unicode.ToLower(r))
		default:
			dash = true
		}
	}
	id := string(out)
	if id == "" {
		id = "section"
	}
	base := id
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
