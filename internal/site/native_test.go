package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/gen"
	"github.com/guangdong-renovation/showcase/internal/markdown"
	"github.com/guangdong-renovation/showcase/internal/render"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestNativesActive checks that the Go renderers of native.go are in use
// for the built-in theme: when a template they mirror changes, they stop
// being used (the site stays right, and slow) and this test says what to
// update.
func TestNativesActive(t *testing.T) {
	opts := Options{SiteDir: repo, Site: os.DirFS(repo), Theme: os.DirFS(repo)}
	tpl := loadExampleTemplates(t, opts)
	for _, n := range []struct {
		name   string
		page   string
		source []string
		want   uint64
	}{
		{"case-card", "", render.CardSource, nativeCardSource},
		{"case", "case", render.PageSources, nativeCaseSource},
		{"cases", "cases", render.PageSources, nativeCasesSource},
		{"practice", "practice", render.PageSources, nativePracticeSource},
		{"region", "region", render.PageSources, nativeRegionSource},
		{"scope", "scope", render.PageSources, nativeScopeSource},
	} {
		if !tpl.NativeActive(n.name) {
			t.Errorf("the Go renderer of %q is not in use: the theme's %v changed (fingerprint %#x, native.go has %#x). Update native.go to write what the templates now write (TestNatives compares them), then set its fingerprint.",
				n.name, n.source, tpl.Fingerprint(n.page, n.source...), n.want)
		}
	}
}

// TestNativesOff checks that a site that overrides a definition a Go
// renderer covers gets its own template's output.
func TestNativesOff(t *testing.T) {
	dir := t.TempDir()
	files := sitetest.Site("https://example.org/")
	files["templates/_mine.html"] = `{{define "case-card"}}<li>{{.Case.Title}}</li>{{end}}`
	sitetest.Write(t, dir, files)
	tpl := loadExampleTemplates(t, Options{SiteDir: dir, Site: os.DirFS(dir), Theme: os.DirFS(repo)})
	if tpl.NativeActive("case-card") || tpl.NativeActive("case") {
		t.Fatal("a site with its own templates uses the built-in theme's Go renderers")
	}
	mem := NewMemory()
	if _, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem}); err != nil {
		t.Fatal(err)
	}
	page, _ := mem.Get("cases/index.html")
	if !regexp.MustCompile(`<li>第\d+号小区改造</li>`).Match(page) {
		t.Errorf("the site's own case-card is not used:\n%s", page)
	}
}

func loadExampleTemplates(t *testing.T, opts Options) *render.Templates {
	t.Helper()
	lib, probs := content.Load(opts.Site, content.Options{NewRenderer: func(cfg content.Config) content.BodyRenderer {
		return bodyRenderer{markdown.New(markdown.Options{})}
	}})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tpl, tprobs := loadTemplates(opts, assemble(lib, false))
	if len(tprobs) > 0 {
		t.Fatal(tprobs)
	}
	return tpl
}

// awkward is a case whose every field shown on its page holds what the
// escapers treat specially.
const awkward = `---
title: "A<b>&'\"+ 小区%zz%4"
summary: "<script>alert('x')</script> & + \"q\""
date: 2023-05-06
updated: 2024-01-02
region: {city: "江门市", county: "台<山>&'+"}
status: under-construction
period: {end: 2022}
figures: {households: 12, residents: 34}
figures_note: "约 & <估计>"
funding: {government: 1000000, residents: 2500}
practices: ["共同<缔造>&+"]
scope: [基础类, 完善类]
tags: ["a&b", "<i>", "'q'+"]
sites:
  - {name: "点<位>", address: "路&'\"+号"}
  - {name: 无地址}
gallery:
  - {image: img/a b+c.png, caption: "说明<&>", alt: ""}
  - {before: img/x.png, after: "img/y.png", alt: "前<后>"}
contact: {org: "局<&>", phone: "+86 0750-1234%zz", email: "a+b&c@example.org"}
sources:
  - {title: "来源<1>&", url: "https://example.org/a b?c=d&e+f%zz%41'", date: 2022-03-04}
  - {title: "无链接'\"", url: "HTTP://Example.org/ſ"}
  - {title: 无日期}
---

正文 <b>不</b> & + '。
`

// TestNatives builds whole sites with the Go renderers and with the
// templates only, and requires every file to be the same: the fixture in
// two languages, an awkward case, the example site and a generated one.
func TestNatives(t *testing.T) {
	fixture := sitetest.Site("https://example.org/sub/")
	fixture["site.yaml"] = strings.Replace(fixture["site.yaml"], "page_size: 3", "page_size: 3\nlanguages: [en]", 1)
	fixture["content/cases/c1.en.md"] = strings.Replace(sitetest.Case(1, "Jiangmen", "Taishan", "党建引领"), "第1号小区改造", "Community <1> & 'one'+", 1)
	fixture["content/cases/awkward.md"] = awkward
	fixture["content/pages/about.md"] = strings.Replace(fixture["content/pages/about.md"], "(/cases/c1/)", "(/sub/cases/c1/)", 1)
	fixture["static/img/a b+c.png"] = ""
	fixture["static/img/x.png"] = ""
	fixture["static/img/y.png"] = ""
	fixtureDir := t.TempDir()
	sitetest.Write(t, fixtureDir, fixture)

	generated := filepath.Join(t.TempDir(), "gen")
	if _, err := gen.Write(generated, gen.Options{Cases: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{fixtureDir, repo, generated} {
		if tpl := loadExampleTemplates(t, Options{SiteDir: dir, Site: os.DirFS(dir), Theme: os.DirFS(repo)}); !tpl.NativeActive("case") || !tpl.NativeActive("case-card") {
			t.Fatalf("%s: the Go renderers are not in use (see TestNativesActive)", dir)
		}
		build := func(templatesOnly bool) *Memory {
			mem := NewMemory()
			_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem, TemplatesOnly: templatesOnly})
			if err != nil {
				t.Fatal(err)
			}
			return mem
		}
		native, templates := build(false), build(true)
		cases := 0
		for _, p := range templates.Paths() {
			want, _ := templates.Get(p)
			got, ok := native.Get(p)
			if !ok {
				t.Errorf("%s: %s missing", dir, p)
				continue
			}
			if strings.HasPrefix(p, "cases/") || strings.HasPrefix(p, "en/cases/") {
				cases++
			}
			if !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s: %s differs at byte %d:\nGo:       %q\ntemplate: %q", dir, p, i,
					got[max(0, i-120):min(len(got), i+120)], want[max(0, i-120):min(len(want), i+120)])
			}
		}
		if len(native.Paths()) != len(templates.Paths()) {
			t.Errorf("%s: %d files with the Go renderers, %d with templates", dir, len(native.Paths()), len(templates.Paths()))
		}
		if cases < 2 {
			t.Errorf("%s: only %d case files compared", dir, cases)
		}
	}
}
