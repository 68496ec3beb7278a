package links

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	c := New("/")
	c.AddPage("index.html", []byte(`<a href="/cases/a/">a</a><a href="/cases/b/">b</a><a href="#top">t</a><a href="#nope">n</a><img src="/img/x.png"><a href="cases/a/#s">s</a>`),
		Source{Path: "content/_index.md", Markdown: []byte("见[b](/cases/b/)\n和[n](#nope)"), BodyLine: 4})
	c.AddPage("cases/a/index.html", []byte(`<h2 id="s">s</h2><p id="top"></p><a href="../../">up</a>`), Source{Path: "content/cases/a.md"})
	c.AddFile("img/x.png")
	got := c.Check().Error()
	want := []string{
		`content/_index.md:4:6: broken link "/cases/b/": no page or file at /cases/b/`,
		`content/_index.md:5:6: broken link "#nope": no element with id "nope" on that page`,
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "/cases/a/") || strings.Contains(got, "img/x.png") {
		t.Errorf("a good link was reported:\n%s", got)
	}
	if !strings.Contains(got, `broken link "#top"`) {
		t.Errorf("a broken anchor from a template was not reported:\n%s", got)
	}
}

func TestBasePath(t *testing.T) {
	c := New("/showcase/")
	c.AddPage("index.html", []byte(`<a href="/showcase/cases/">c</a><a href="/other/">o</a>`), Source{Path: "p"})
	c.AddPage("cases/index.html", nil, Source{})
	got := c.Check().Error()
	if !strings.Contains(got, `link "/other/" is outside the site`) || strings.Contains(got, "/showcase/cases/") {
		t.Errorf("got %s", got)
	}
}

func TestScanEntitiesAndComments(t *testing.T) {
	refs, ids := Scan([]byte(`<!-- <a href="/hidden/"> --><a href="/a/?x=1&amp;y=2" id="i&amp;j">x</a><script>var s = '<a href="/in-script/">';</script><link rel="canonical" href="https://x/">`))
	if strings.Join(refs, ",") != "/a/?x=1&y=2" || strings.Join(ids, ",") != "i&j" {
		t.Errorf("refs %v ids %v", refs, ids)
	}
}

func TestExternal(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
		case "/nohead":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
			}
		case "/slow":
			time.Sleep(time.Second)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := New("/")
	c.AddPage("index.html", []byte(`<a href="`+srv.URL+`/ok">1</a><a href="`+srv.URL+`/nohead">2</a><a href="`+srv.URL+`/gone">3</a><a href="`+srv.URL+`/slow">4</a>`), Source{Path: "content/_index.md"})
	probs := c.External(context.Background(), srv.Client(), 300*time.Millisecond)
	got := probs.Error()
	if len(probs) != 2 || !strings.Contains(got, "/gone: status 404 Not Found") || !strings.Contains(got, "/slow: ") {
		t.Errorf("got %d problems:\n%s", len(probs), got)
	}
	for _, p := range probs {
		if !p.Warning || p.Path != "content/_index.md" {
			t.Errorf("want a warning on content/_index.md, got %+v", p)
		}
	}
}
