package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/search"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestSearchIndexesBodyText builds a site to disk, where each case's HTML
// is let go once its page is written, and requires the index to find
// words that only a case's body holds (in a table, a list, a footnote),
// and its fragment to carry the body as a reader sees it.
func TestSearchIndexesBodyText(t *testing.T) {
	dir := t.TempDir()
	files := sitetest.Site("https://example.org/")
	files["content/cases/c9.md"] = `---
title: 第九号小区
date: 2023-05-05
region: {city: 江门市, county: 恩平市}
status: completed
---

改造前，
楼道**昏暗**。

| 项目 | 内容 |
|---|---|
| 电梯 | 加装睦邻电梯 |

- 雨污分流[^1]
- 光纤入户 &amp; 安防

[^1]: 由街道统筹。
`
	sitetest.Write(t, dir, files)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), Out: out}); err != nil {
		t.Fatal(err)
	}
	eng, err := search.Open(os.DirFS(filepath.Join(out, "search")))
	if err != nil {
		t.Fatal(err)
	}
	find := func(q string) search.Doc {
		t.Helper()
		hits, err := eng.Search(search.Query{Text: q})
		if err != nil || len(hits) == 0 {
			t.Fatalf("search %q: %d hits, %v", q, len(hits), err)
		}
		d, err := eng.Doc(hits[0].Doc)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, q := range []string{"睦邻", "统筹", "光纤入户"} {
		if d := find(q); d.Slug != "c9" {
			t.Errorf("search %q found %s first, want c9", q, d.Slug)
		}
	}
	want := "改造前，楼道昏暗。\n项目\n内容\n电梯\n加装睦邻电梯\n雨污分流\n光纤入户 & 安防\n由街道统筹。"
	if d := find("睦邻"); d.Body != want {
		t.Errorf("stored body %q, want %q", d.Body, want)
	}
	if d := find("介绍"); d.Kind != search.Briefing || d.Body != "介绍。" {
		t.Errorf("briefing body: %+v", d)
	}
}

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
