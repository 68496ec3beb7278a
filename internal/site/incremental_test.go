package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files (slash paths) under dir.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fixtureCase(i int, city, county string, practices ...string) string {
	return fmt.Sprintf(`---
title: 第%d号小区改造
date: 2023-%02d-%02d
region: {city: %s, county: %s}
status: completed
figures: {zones: %d, buildings: %d, residents: %d, area_m2: %d, investment_cny: %d}
practices: [%s]
scope: [基础类]
---

第%d号小区的改造，
包括加装电梯和三线整治。
`, i, 1+i%12, 1+i%28, city, county, i, 10*i, 1000*i, 10000*i, 1000000*i, strings.Join(practices, ", "), i)
}

func fixtureSite() map[string]string {
	files := map[string]string{
		"site.yaml":                  "title: 测试站\nbase_url: https://example.org/\nprovince: 广东省\npage_size: 3\ntargets: {communities: 100}\nprogress: [{date: 2023-09-30, communities: 40}]\n",
		"content/_index.md":          "---\ntitle: 首页\n---\n欢迎。\n",
		"content/practices/party.md": "---\ntitle: 党建引领\nsummary: 党组织带头。\n---\n正文。\n",
		"content/pages/about.md":     "---\ntitle: 关于\n---\n[案例一](/cases/c1/)\n",
		"content/briefings/visit.md": "---\ntitle: 观摩\ndate: 2023-10-19\ncases: [c1, c2]\nagenda: [{title: 参观, case: c1}]\n---\n介绍。\n",
	}
	cities := [][2]string{{"江门市", "恩平市"}, {"江门市", "台山市"}, {"梅州市", "丰顺县"}}
	pr := []string{"党建引领", "共同缔造", "资金共担"}
	for i := 1; i <= 8; i++ {
		c := cities[i%3]
		files[fmt.Sprintf("content/cases/c%d.md", i)] = fixtureCase(i, c[0], c[1], pr[i%3], pr[(i+1)%3])
	}
	return files
}

// TestIncrementalEqualsFull edits a site step by step, rebuilding into
// memory with the list of changed files each time, and checks after every
// step that the result equals a full build from scratch.
func TestIncrementalEqualsFull(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, fixtureSite())
	mem := NewMemory()
	b := NewBuilder(Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem})
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		write  map[string]string
		remove []string
	}{
		{name: "edit body", write: map[string]string{"content/cases/c1.md": strings.Replace(fixtureCase(1, "江门市", "台山市", "共同缔造", "资金共担"), "第1号小区的改造", "第一号小区的全面改造", 1)}},
		{name: "change date reorders lists", write: map[string]string{"content/cases/c2.md": strings.Replace(fixtureCase(2, "江门市", "台山市", "共同缔造"), "2023-03-03", "2024-12-31", 1)}},
		{name: "change practices", write: map[string]string{"content/cases/c3.md": fixtureCase(3, "江门市", "恩平市", "EPCO模式")}},
		{name: "new case in a new region", write: map[string]string{"content/cases/c9/index.md": fixtureCase(9, "韶关市", "乐昌市", "党建引领")}},
		{name: "delete case", remove: []string{"content/cases/c4.md"}},
		{name: "edit practice text", write: map[string]string{"content/practices/party.md": "---\ntitle: 党建引领\nsummary: 新摘要。\n---\n新正文。\n"}},
		{name: "edit plain page title", write: map[string]string{"content/pages/about.md": "---\ntitle: 关于本站\n---\n[案例一](/cases/c1/)\n"}},
		{name: "edit config", write: map[string]string{"site.yaml": "title: 新站名\nbase_url: https://example.org/\nprovince: 广东省\npage_size: 2\n"}},
		{name: "draft hides a case", write: map[string]string{"content/cases/c5.md": strings.Replace(fixtureCase(5, "江门市", "台山市", "党建引领"), "status: completed", "status: completed\ndraft: true", 1)}},
	}
	for _, st := range steps {
		writeSite(t, dir, st.write)
		var changed []string
		for rel := range st.write {
			changed = append(changed, rel)
		}
		for _, rel := range st.remove {
			if err := os.Remove(filepath.Join(dir, rel)); err != nil {
				t.Fatal(err)
			}
			changed = append(changed, rel)
		}
		res, err := b.Build(context.Background(), changed)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		full := NewMemory()
		if _, err := NewBuilder(Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: full}).Build(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		comparePaths(t, st.name, mem, full)
		t.Logf("%s: rendered %d of %d", st.name, res.Rendered, len(full.Paths()))
		if st.name == "edit body" {
			// Pages that do not show case 1 are not rendered again.
			for _, p := range res.RenderedPaths {
				switch p {
				case "about/index.html", "cases/c8/index.html", "css/site.css", "404.html", "regions/梅州市/index.html":
					t.Errorf("%s: rendered %s, which does not show the case", st.name, p)
				}
			}
		}
	}
}

func comparePaths(t *testing.T, step string, got, want *Memory) {
	t.Helper()
	gp, wp := got.Paths(), want.Paths()
	if strings.Join(gp, "\n") != strings.Join(wp, "\n") {
		t.Errorf("%s: incremental build has files\n%v\nfull build has\n%v", step, gp, wp)
		return
	}
	for _, p := range wp {
		a, _ := got.Get(p)
		b, _ := want.Get(p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: %s differs from a full build", step, p)
		}
	}
}
