package site

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
	"github.com/guangdong-renovation/showcase/internal/xsscheck"
)

// hostile is the XSS corpus: strings that try to become markup or script
// wherever content lands (text, attributes, URLs, feeds, search data).
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	`</title><script>alert(1)</script>`,
	`{{.Site}}`,
	`&#106;avascript:alert(1)`,
	`<a href="javascript:alert(1)">x</a>`,
	"\u2028\u2029</script>",
}

// hostileBody is Markdown that tries every way to smuggle script through a
// body: raw HTML, dangerous link and image URLs (plain, mixed case,
// entity-encoded, with control characters), and autolinks.
const hostileBody = `
<script>alert("raw")</script>

<img src=x onerror=alert(2)>

<a href="javascript:alert(3)">raw link</a>

[plain](javascript:alert(4))
[mixed](JaVaScRiPt:alert(5))
[entity](&#106;avascript:alert(6))
[hex entity](&#x6A;avascript:alert(7))
[tab](java	script:alert(8))
[vb](vbscript:msgbox(9))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)
![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTEpPg==)
![png](data:image/png;base64,AAAA)
<javascript:alert(12)>
<vbscript:alert(13)>
[ok](/cases/x/)

<div onclick="alert(14)">div</div>

<style>body{background:url(javascript:alert(15))}</style>

<iframe src="javascript:alert(16)"></iframe>
`

// markupInData finds markup in a non-HTML output (feed, sitemap, search
// data): content there must be escaped (&lt; in XML, \u003c in JSON).
var markupInData = regexp.MustCompile(`(?i)<\s*/?\s*(script|img|svg|iframe|a|style|b)\b`)

func hostileSite() map[string]string {
	files := map[string]string{
		"site.yaml": "title: 测试\nbase_url: https://example.org/\n",
	}
	for i, h := range hostile {
		q := strings.ReplaceAll(strings.ReplaceAll(h, `\`, `\\`), `"`, `\"`)
		files[fmt.Sprintf("content/cases/x%d.md", i)] = fmt.Sprintf(`---
title: "%[1]s"
summary: "%[1]s"
date: 2023-10-%02[2]d
region: {province: "%[1]s", city: "%[1]s", county: "%[1]s"}
status: completed
figures_note: "%[1]s"
practices: ["%[1]s"]
tags: ["%[1]s"]
sites: [{name: "%[1]s", address: "%[1]s"}]
contact: {org: "%[1]s", phone: "%[1]s"}
sources: [{title: "%[1]s", url: "https://example.org/?q=%%22%%3E%%3Cscript%%3E"}]
gallery: [{image: a.png, caption: "%[1]s", alt: "%[1]s"}]
---
%[3]s
`, q, i+1, hostileBody)
	}
	files["content/cases/x/index.md"] = "---\ntitle: x\ndate: 2023-01-01\nregion: {city: 江门市}\nstatus: planned\n---\n"
	files["static/a.png"] = "not really a png"
	files["content/pages/p.md"] = "---\ntitle: \"<script>alert(1)</script>\"\n---\n" + hostileBody
	files["content/practices/p.md"] = "---\ntitle: \"<b onmouseover=alert(1)>做法</b>\"\n---\n" + hostileBody
	files["content/briefings/b.md"] = "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2023-10-19\nplace: \"<script>alert(1)</script>\"\ncases: [x0]\nagenda: [{title: \"<script>x</script>\", case: x0, speakers: [\"<img src=x onerror=alert(1)>\"]}]\n---\n" + hostileBody
	return files
}

// TestNoScriptReachesOutput builds a site whose every field and body is
// hostile and scans every output file, pages, feed, sitemap and search
// data alike.
func TestNoScriptReachesOutput(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, hostileSite())
	mem := NewMemory()
	_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	scanned := 0
	for _, p := range mem.Paths() {
		if strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".svg") || strings.HasSuffix(p, ".css") || strings.HasPrefix(p, "js/") {
			continue // theme files, not content
		}
		data, _ := mem.Get(p)
		scanned++
		if strings.HasSuffix(p, ".html") {
			for _, b := range xsscheck.HTML(data) {
				t.Errorf("%s: %s", p, b)
			}
			continue
		}
		if loc := markupInData.FindIndex(data); loc != nil {
			lo, hi := max(0, loc[0]-60), min(len(data), loc[1]+60)
			t.Errorf("%s holds unescaped markup %q in …%s…", p, data[loc[0]:loc[1]], data[lo:hi])
		}
	}
	if scanned < 10 {
		t.Fatalf("scanned only %d files", scanned)
	}
}

// TestUnsafeHTMLOptIn checks the one way raw HTML gets through: the site
// asks for it.
func TestUnsafeHTMLOptIn(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.yaml":          "title: t\nunsafe_html: true\n",
		"content/cases/a.md": "---\ntitle: a\ndate: 2023-01-01\nregion: {city: c}\nstatus: planned\n---\n<b class=\"raw\">粗体</b>\n",
	})
	mem := NewMemory()
	if _, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem}); err != nil {
		t.Fatal(err)
	}
	page, _ := mem.Get("cases/a/index.html")
	if !strings.Contains(string(page), `<b class="raw">粗体</b>`) {
		t.Error("unsafe_html: true did not render raw HTML")
	}
}

// TestBadSourceURLIsAnError checks that a javascript: URL in front matter
// is refused, not published.
func TestBadSourceURLIsAnError(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"content/cases/a.md": "---\ntitle: a\ndate: 2023-01-01\nregion: {city: c}\nstatus: planned\nsources: [{title: s, url: \"javascript:alert(1)\"}]\n---\n",
	})
	_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true})
	probs, ok := err.(content.Problems)
	if !ok || !strings.Contains(probs.Error(), "content/cases/a.md:6:27: sources[0].url must be an absolute http or https URL") {
		t.Errorf("got %v", err)
	}
}
