package search_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guangdong-renovation/showcase/internal/search"
	"github.com/guangdong-renovation/showcase/internal/site"
)

// manyDocs returns the fixture site's documents, repeated n times with
// other slugs, so the index has several parts.
func manyDocs(t *testing.T, n int) []search.Doc {
	t.Helper()
	base, err := site.SearchDocs(site.Options{SiteDir: "testdata/site", Theme: os.DirFS(repo)})
	if err != nil {
		t.Fatal(err)
	}
	var docs []search.Doc
	for i := 0; i < n; i++ {
		for _, d := range base {
			d.Slug = fmt.Sprintf("%s-%d", d.Slug, i)
			d.Body = strings.Repeat(fmt.Sprintf("第%d批。", i), i%7) + d.Body
			docs = append(docs, d)
		}
	}
	return docs
}

// The index files do not depend on the number of workers.
func TestDeterministic(t *testing.T) {
	docs := manyDocs(t, 60)
	l := search.NewLayout(docs, "v")
	l.Shards = 8 // more than one, whatever the size
	want := search.Build(docs, l, 1).Files(docs)
	for _, w := range []int{2, 3, 8} {
		got := search.Build(docs, l, w).Files(docs)
		if len(got) != len(want) {
			t.Fatalf("%d workers: %d files, want %d", w, len(got), len(want))
		}
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("%d workers: %s differs", w, name)
			}
		}
	}
}

// A query finds the same pages however the index is cut.
func TestLayouts(t *testing.T) {
	docs := manyDocs(t, 30)
	var first []search.Hit
	for _, shape := range [][2]int{{1, len(docs)}, {4, 1}, {16, 7}, {64, 256}} {
		l := search.NewLayout(docs, "v")
		l.Shards, l.Group = shape[0], shape[1]
		fsys := fstest.MapFS{}
		for name, b := range search.Build(docs, l, 2).Files(docs) {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		e, err := search.Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := e.Search(search.Query{Text: "加装电梯 第3批"})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Fatalf("layout %v: nothing found", shape)
		}
		if first == nil {
			first = hits
		} else if fmt.Sprint(hits) != fmt.Sprint(first) {
			t.Errorf("layout %v: %v, want %v", shape, hits, first)
		}
		for _, h := range hits[:3] {
			d, err := e.Doc(h.Doc)
			if err != nil || d.Slug != docs[h.Doc].Slug {
				t.Errorf("layout %v: document %d is %q (%v), want %q", shape, h.Doc, d.Slug, err, docs[h.Doc].Slug)
			}
		}
	}
}

// A damaged shard is an error, not a crash.
func TestCorruptShard(t *testing.T) {
	docs := manyDocs(t, 2)
	l := search.NewLayout(docs, "v")
	files := search.Build(docs, l, 1).Files(docs)
	for _, cut := range []int{1, 5, 40, len(files["t/0.bin"]) - 1} {
		fsys := fstest.MapFS{}
		for name, b := range files {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		fsys["t/0.bin"] = &fstest.MapFile{Data: files["t/0.bin"][:cut]}
		e, err := search.Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Search(search.Query{Text: "加装电梯"}); err == nil {
			t.Errorf("shard cut at %d: no error", cut)
		}
	}
}
