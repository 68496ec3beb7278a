package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/search"
	"github.com/guangdong-renovation/showcase/internal/site"
)

// repo is the repository root: the example site and the built-in theme.
const repo = "../.."

// buildSite builds the site in dir with the built-in theme and returns
// the output folder.
func buildSite(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), site.Options{SiteDir: dir, Theme: os.DirFS(repo), Out: out}); err != nil {
		t.Fatalf("build of %s failed:\n%v", dir, err)
	}
	return out
}

func openIndex(t testing.TB, out string) *search.Engine {
	t.Helper()
	e, err := search.Open(os.DirFS(filepath.Join(out, "search")))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// paths runs q and returns the page paths of the hits, best first.
func paths(t *testing.T, e *search.Engine, q search.Query) []string {
	t.Helper()
	hits, err := e.Search(q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	var out []string
	for _, h := range hits {
		d, err := e.Doc(h.Doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, "/"+d.Path())
	}
	return out
}

// TestRanking runs queries on the fixture site (testdata/site) and checks
// the results, in order. want lists the first results exactly; a result
// in not must not be found at all.
func TestRanking(t *testing.T) {
	e := openIndex(t, buildSite(t, "testdata/site"))
	tests := []struct {
		name string
		q    search.Query
		want []string
		not  []string
		all  bool // want is every result
	}{
		{name: "street name", q: search.Query{Text: "东门金融街"}, want: []string{"/cases/enping/"}, all: true},
		// 廉江 has 金融 and 街 but not 金融街.
		{name: "part of a street name", q: search.Query{Text: "金融街"}, want: []string{"/cases/enping/"}, all: true},
		// practice title, then a case listing the practice, then a body mention.
		{name: "practice", q: search.Query{Text: "三线整治"}, want: []string{"/practices/three-lines/", "/cases/fengshun/", "/cases/lianjiang/"}, all: true},
		// title before body
		{name: "title above body", q: search.Query{Text: "加装电梯"}, want: []string{"/cases/yuexiu-elevator/", "/cases/lianjiang/"}, all: true},
		{name: "county", q: search.Query{Text: "当阳"}, want: []string{"/cases/dangyang/"}, all: true},
		{name: "one character", q: search.Query{Text: "梯"}, want: []string{"/cases/yuexiu-elevator/", "/cases/lianjiang/"}, all: true},
		{name: "Latin word", q: search.Query{Text: "EPCO"}, want: []string{"/practices/epco/", "/cases/huidong/"}, all: true},
		{name: "Latin word folded", q: search.Query{Text: "ｅｐｃｏ"}, want: []string{"/practices/epco/", "/cases/huidong/"}, all: true},
		{name: "number", q: search.Query{Text: "758"}, want: []string{"/cases/lianjiang/"}, all: true},
		{name: "figure as shown", q: search.Query{Text: "8.25亿元"}, want: []string{"/cases/enping/"}},
		{name: "figure in digits", q: search.Query{Text: "825000000"}, want: []string{"/cases/enping/"}, all: true},
		// all terms before some: 丰顺 and 三线整治 only together in fengshun.
		{name: "all terms first", q: search.Query{Text: "丰顺 三线整治"}, want: []string{"/cases/fengshun/", "/practices/three-lines/", "/cases/lianjiang/"}, all: true},
		// typed without spaces: no page has it all; two thirds of the keys will do.
		{name: "long query", q: search.Query{Text: "恩平东门金融街改造"}, want: []string{"/cases/enping/"}},
		{name: "region in meta", q: search.Query{Text: "惠州"}, want: []string{"/cases/huidong/"}, all: true},
		{name: "no match", q: search.Query{Text: "火星基地"}, want: nil, all: true},
		{name: "html is text", q: search.Query{Text: "onerror"}, want: []string{"/cases/xss/"}, all: true},
		// filters
		{name: "city filter", q: search.Query{Text: "电梯", City: "广州市"}, want: []string{"/cases/yuexiu-elevator/"}, all: true},
		{name: "status filter", q: search.Query{Text: "小区", Status: "planned"}, want: []string{"/cases/huidong/", "/cases/xss/"}, all: true},
		{name: "practice filter alone", q: search.Query{Practice: "共同缔造"}, want: []string{"/cases/enping/", "/cases/dangyang/", "/cases/yuexiu-elevator/"}, all: true},
		{name: "filters combine", q: search.Query{Practice: "共同缔造", Status: "completed"}, want: []string{"/cases/dangyang/", "/cases/yuexiu-elevator/"}, all: true},
		{name: "unknown filter", q: search.Query{City: "火星市"}, want: nil, all: true},
		{name: "nothing asked", q: search.Query{}, want: nil, all: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paths(t, e, tt.q)
			if len(got) < len(tt.want) || (tt.all && len(got) != len(tt.want)) {
				t.Fatalf("%+v found %q, want %q", tt.q, got, tt.want)
			}
			for i, w := range tt.want {
				if got[i] != w {
					t.Fatalf("%+v found %q, want %q first", tt.q, got, tt.want)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if g == n {
						t.Errorf("%+v found %s", tt.q, n)
					}
				}
			}
		})
	}
}

// TestDownload checks that a query reads only the shards of its keys and
// the fragment files of the results it shows.
func TestDownload(t *testing.T) {
	e := openIndex(t, buildSite(t, "testdata/site"))
	if _, err := e.Search(search.Query{Text: "加装电梯"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range e.Read() {
		if strings.HasPrefix(name, "f/") {
			t.Errorf("ranking read fragment file %s", name)
		}
	}
}

// TestExampleSite searches this repository's own site.
func TestExampleSite(t *testing.T) {
	e := openIndex(t, buildSite(t, repo))
	for q, want := range map[string]string{
		"恩平": "/cases/enping/", "东门金融街": "/cases/enping/", "党建引领": "/practices/party-building/",
		"EPCO": "/practices/epco/", "观摩": "/briefings/2023-enping-site-visit/",
	} {
		got := paths(t, e, search.Query{Text: q})
		if len(got) == 0 || got[0] != want {
			t.Errorf("%s found %q, want %s first", q, got, want)
		}
	}
}

// TestSearchPage checks the search page: the numbers search.js reads
// agree with meta.json, and without JavaScript it says so and links on.
func TestSearchPage(t *testing.T) {
	out := buildSite(t, repo)
	page, err := os.ReadFile(filepath.Join(out, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	l := openIndex(t, out).Layout()
	for _, want := range []string{
		`<form class="search-form" id="search-form" action="/search/" method="get" role="search"`,
		`data-index="/search/"`,
		fmt.Sprintf(`data-format="%d" data-version="%s"`, search.Format, l.Version),
		fmt.Sprintf(`data-docs="%d" data-shards="%d" data-group="%d"`, l.Docs, l.Shards, l.Group),
		`<label for="search-q">`, `<input type="search" id="search-q" name="q"`,
		`<option value="江门市">`, `<option value="党建引领">`, `<option value="under-construction">`,
		`<noscript>`, `<a href="/cases/">`, `<a href="/regions/">`,
		`<script src="/js/search.js" defer>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("search page lacks %s", want)
		}
	}
}

// A rebuild into memory of an unchanged site does not build the index
// again (the dev server rebuilds on every save).
func TestRebuildKeepsIndex(t *testing.T) {
	mem := site.NewMemory()
	b := site.NewBuilder(site.Options{SiteDir: "testdata/site", Theme: os.DirFS(repo), Memory: mem})
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	index := 0
	for _, p := range mem.Paths() {
		if strings.HasPrefix(p, "search/") {
			index++
		}
	}
	res, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Changed {
		if strings.HasPrefix(p, "search/") {
			t.Errorf("rebuild changed %s", p)
		}
	}
	// Other pages may be produced again; the index's files are not.
	if res.Rendered >= index {
		t.Errorf("rebuild of an unchanged site produced %d files; the index alone has %d", res.Rendered, index)
	}
}
