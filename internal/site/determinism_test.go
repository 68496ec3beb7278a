package site

import (
	"bytes"
	"context"
	"html"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/markdown"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
	"io/fs"
	"os"
	"runtime"
	"testing"
)

// shuffledFS lists every folder in reverse order, as a disk may list files
// in any order.
type shuffledFS struct{ fs.FS }

func (s shuffledFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(s.FS, name)
	for i, j := 0, len(entries)-1; i < j; i, j = i+1, j-1 {
		entries[i], entries[j] = entries[j], entries[i]
	}
	return entries, err
}

// TestDeterministicOutput builds the same site sequentially (GOMAXPROCS=1,
// one worker) and in parallel with folders listed in another order, and
// requires every output file to be byte-identical.
func TestDeterministicOutput(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, sitetest.Site("https://example.org/"))
	build := func(fsys fs.FS, workers int) *Memory {
		mem := NewMemory()
		if _, err := Build(context.Background(), Options{SiteDir: dir, Site: fsys, Theme: os.DirFS(repo), Memory: mem, Workers: workers}); err != nil {
			t.Fatal(err)
		}
		return mem
	}
	prev := runtime.GOMAXPROCS(1)
	sequential := build(os.DirFS(dir), 1)
	runtime.GOMAXPROCS(max(prev, 2))
	parallel := build(shuffledFS{os.DirFS(dir)}, 8)
	runtime.GOMAXPROCS(prev)
	comparePaths(t, "sequential vs parallel", parallel, sequential)
	if len(sequential.Paths()) < 20 {
		t.Fatalf("only %d files built", len(sequential.Paths()))
	}
}

// TestPretranslatedTemplates renders every page of a two-language site
// with the templates pre-translated for its language and with the
// templates as written (tr at run time), and requires the same bytes.
func TestPretranslatedTemplates(t *testing.T) {
	dir := t.TempDir()
	files := sitetest.Site("https://example.org/")
	files["site.yaml"] = strings.Replace(files["site.yaml"], "page_size: 3", "page_size: 3\nlanguages: [en]", 1)
	files["content/cases/c1.en.md"] = strings.Replace(sitetest.Case(1, "Jiangmen", "Taishan", "党建引领"), "第1号小区改造", "Community 1", 1)
	files["content/pages/about.en.md"] = "---\ntitle: About\n---\nAbout us.\n"
	sitetest.Write(t, dir, files)
	opts := Options{SiteDir: dir, Site: os.DirFS(dir), Theme: os.DirFS(repo)}
	lib, probs := content.Load(opts.Site, content.Options{NewRenderer: func(cfg content.Config) content.BodyRenderer {
		return bodyRenderer{markdown.New(markdown.Options{})}
	}})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	cat := assemble(lib, false)
	tpl, tprobs := loadTemplates(opts, cat)
	if len(tprobs) > 0 {
		t.Fatal(tprobs)
	}
	pl := newPlan(cat, lib, opts.Site, opts.Theme)
	pl.pages()
	langs := map[string]int{}
	for _, j := range pl.jobs {
		if !j.html || j.kind == "search" {
			continue
		}
		p := j.page
		fast, err1 := tpl.RenderLang(j.tmpl, p.Lang, p)
		slow, err2 := tpl.Render(j.tmpl, p)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		// html/template writes + as &#43; where html.EscapeString leaves
		// it: compare what a browser reads.
		fast, slow = []byte(html.UnescapeString(string(fast))), []byte(html.UnescapeString(string(slow)))
		if !bytes.Equal(fast, slow) {
			i := 0
			for i < len(fast) && i < len(slow) && fast[i] == slow[i] {
				i++
			}
			t.Errorf("%s (%s): pre-translated output differs at byte %d:\n%q\n%q", j.rel, p.Lang, i, fast[max(0, i-80):min(len(fast), i+80)], slow[max(0, i-80):min(len(slow), i+80)])
		}
		langs[p.Lang]++
	}
	if langs["en"] < 2 || langs["zh-CN"] < 10 {
		t.Errorf("pages per language: %v", langs)
	}
}
