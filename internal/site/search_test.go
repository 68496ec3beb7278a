package site

import (
	"testing"

	"github.com/guangdong-renovation/showcase/internal/search"
)

// A search result links to base + section + slug + "/": a page found at
// any other URL must stay out of the index, or its result would be a
// broken link.
func TestLinkable(t *testing.T) {
	enping := &search.Doc{Kind: search.Case, Slug: "enping"}
	tests := []struct {
		url, base string
		doc       *search.Doc
		want      bool
	}{
		{"/cases/enping/", "/", enping, true},
		{"/gd/cases/enping/", "/gd/", enping, true},
		{"/cases/enping/", "/gd/", enping, false},
		{"/cases/enping", "/", enping, false},
		{"/cases/enpingx/", "/", enping, false},
		{"/cases/enpin/", "/", enping, false},
		{"/cases/enping/x/", "/", enping, false},
		{"/practices/enping/", "/", enping, false},
		{"/practices/lift/", "/", &search.Doc{Kind: search.Practice, Slug: "lift"}, true},
		{"/about/", "/", &search.Doc{Kind: search.Page, Slug: "about"}, search.Page.Section() == ""},
	}
	for _, tt := range tests {
		want := tt.url == tt.base+tt.doc.Path()
		if want != tt.want {
			t.Fatalf("test table is wrong for %q: Path gives %q", tt.url, tt.base+tt.doc.Path())
		}
		if got := linkable(tt.url, tt.base, tt.doc); got != tt.want {
			t.Errorf("linkable(%q, %q, %s) = %v, want %v", tt.url, tt.base, tt.doc.Path(), got, tt.want)
		}
	}
}
