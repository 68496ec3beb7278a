package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestIncrementalEqualsFull edits a site step by step, rebuilding into
// memory with the list of changed files each time, and checks after every
// step that the result equals a full build from scratch.
func TestIncrementalEqualsFull(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, sitetest.Site("https://example.org/"))
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
		{name: "edit body", write: map[string]string{"content/cases/c1.md": strings.Replace(sitetest.Case(1, "江门市", "台山市", "共同缔造", "资金共担"), "第1号小区的改造", "第一号小区的全面改造", 1)}},
		{name: "change date reorders lists", write: map[string]string{"content/cases/c2.md": strings.Replace(sitetest.Case(2, "江门市", "台山市", "共同缔造"), "2023-03-03", "2024-12-31", 1)}},
		{name: "change practices", write: map[string]string{"content/cases/c3.md": sitetest.Case(3, "江门市", "恩平市", "EPCO模式")}},
		{name: "new case in a new region", write: map[string]string{"content/cases/c9/index.md": sitetest.Case(9, "韶关市", "乐昌市", "党建引领")}},
		{name: "delete case", remove: []string{"content/cases/c4.md"}},
		{name: "edit practice text", write: map[string]string{"content/practices/party.md": "---\ntitle: 党建引领\nsummary: 新摘要。\n---\n新正文。\n"}},
		{name: "edit plain page title", write: map[string]string{"content/pages/about.md": "---\ntitle: 关于本站\n---\n[案例一](/cases/c1/)\n"}},
		{name: "edit config", write: map[string]string{"site.yaml": "title: 新站名\nbase_url: https://example.org/\nprovince: 广东省\npage_size: 2\n"}},
		{name: "draft hides a case", write: map[string]string{"content/cases/c5.md": strings.Replace(sitetest.Case(5, "江门市", "台山市", "党建引领"), "status: completed", "status: completed\ndraft: true", 1)}},
	}
	for _, st := range steps {
		sitetest.Write(t, dir, st.write)
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
