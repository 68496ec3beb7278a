package brief

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/site"
)

// TestServeBasePath serves a site built for base_url
// https://example.org/showcase/ and checks that the printed page finds its
// stylesheets under the base path, as the browser asks for them.
func TestServeBasePath(t *testing.T) {
	dir := t.TempDir()
	for rel, body := range map[string]string{
		"site.yaml":                  "title: t\nbase_url: https://example.org/showcase/\n",
		"content/cases/a.md":         "---\ntitle: 甲\ndate: 2023-01-02\nregion: {city: 江门市}\nstatus: completed\n---\n正文。\n",
		"content/briefings/visit.md": "---\ntitle: 观摩\ndate: 2023-10-19\ncases: [a]\n---\n",
	} {
		p := dir + "/" + rel
		if err := os.MkdirAll(p[:strings.LastIndex(p, "/")], 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mem := site.NewMemory()
	if _, err := site.Build(context.Background(), site.Options{SiteDir: dir, Theme: os.DirFS("../.."), Memory: mem}); err != nil {
		t.Fatal(err)
	}
	page, _ := mem.Get("briefings/visit/index.html")
	base := basePath(page, "visit")
	if base != "/showcase/" {
		t.Fatalf("base path %q, want /showcase/", base)
	}
	if got := basePath([]byte("<html><head></head><body></body></html>"), "visit"); got != "/" {
		t.Errorf("base path of a page without a canonical link: %q", got)
	}
	srv, err := serve(mem, base)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.close()
	for _, tc := range []struct {
		path   string
		status int
		ctype  string
		body   string
	}{
		{"/showcase/briefings/visit/", 200, "text/html; charset=utf-8", "观摩"},
		{"/showcase/css/brief.css", 200, "text/css; charset=utf-8", "@page"},
		{"/showcase/css/site.css", 200, "text/css; charset=utf-8", ""},
		{"/showcase", 200, "text/html; charset=utf-8", ""},
		{"/css/brief.css", 404, "text/html; charset=utf-8", ""},
		{"/showcase/nope/", 404, "text/html; charset=utf-8", ""},
	} {
		resp, err := http.Get(srv.url(tc.path))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != tc.ctype || !strings.Contains(string(body), tc.body) {
			t.Errorf("GET %s: %d %s, want %d %s with %q", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, tc.ctype, tc.body)
		}
	}
}

// TestCountPages counts the pages of a minimal PDF, whose page tree node
// (/Type /Pages) must not count.
func TestCountPages(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>> endobj\n" +
		"3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n")
	if n := CountPages(pdf); n != 2 {
		t.Errorf("CountPages = %d, want 2", n)
	}
}
