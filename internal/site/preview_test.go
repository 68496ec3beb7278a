package site

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestPreview saves cases one at a time, previewing each save and then
// building it: a preview must give the edited page exactly the bytes a
// full build gives it, touch nothing else, and refuse every change whose
// effect it cannot vouch for; the build after it must equal a full build.
func TestPreview(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, sitetest.Site("https://example.org/"))
	mem := NewMemory()
	b := NewBuilder(Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem})
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	c1 := sitetest.Case(1, "江门市", "台山市", "共同缔造", "资金共担")
	steps := []struct {
		name    string
		file    string
		body    string
		preview bool // whether Preview may act
	}{
		{"edit body", "content/cases/c1.md", strings.Replace(c1, "第1号小区的改造", "第一号小区的全面改造", 1), true},
		{"edit title", "content/cases/c1.md", strings.Replace(c1, "title: 第1号小区改造", "title: 新标题", 1), true},
		{"edit a case in a briefing", "content/cases/c2.md", strings.Replace(sitetest.Case(2, "梅州市", "丰顺县", "资金共担", "党建引领"), "包括", "还包括", 1), true},
		{"add a link", "content/cases/c1.md", c1 + "\n[关于](/about/)\n", false},
		{"add a heading", "content/cases/c1.md", c1 + "\n## 新的一节\n", false},
		{"change the date", "content/cases/c1.md", strings.Replace(c1, "2023-02-02", "2025-01-01", 1), false},
		{"change practices", "content/cases/c1.md", sitetest.Case(1, "江门市", "台山市", "共同缔造"), false},
		{"change figures", "content/cases/c1.md", strings.Replace(c1, "zones: 1,", "zones: 7,", 1), false},
		{"broken case", "content/cases/c1.md", "---\ntitle: [坏\n---\n", false},
		{"fix after a failed build", "content/cases/c1.md", c1 + "修好了。\n", false},
		{"edit after the good build", "content/cases/c1.md", c1 + "又改了。\n", true},
		{"not a case", "content/pages/about.md", "---\ntitle: 关于我们\n---\n[案例一](/cases/c1/)\n", false},
	}
	for _, st := range steps {
		sitetest.Write(t, dir, map[string]string{st.file: st.body})
		before := map[string][]byte{}
		for _, p := range mem.Paths() {
			before[p], _ = mem.Get(p)
		}
		paths, ok := b.Preview([]string{st.file})
		if ok != st.preview {
			t.Fatalf("%s: Preview acted: %v, want %v", st.name, ok, st.preview)
		}
		full := NewMemory()
		_, fullErr := NewBuilder(Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: full}).Build(context.Background(), nil)
		if ok {
			if fullErr != nil {
				t.Fatalf("%s: previewed, but a full build fails: %v", st.name, fullErr)
			}
			if len(paths) == 0 {
				t.Errorf("%s: preview changed nothing", st.name)
			}
			for _, p := range mem.Paths() {
				got, _ := mem.Get(p)
				if slices.Contains(paths, p) {
					if want, _ := full.Get(p); !bytes.Equal(got, want) {
						t.Errorf("%s: previewed %s differs from a full build", st.name, p)
					}
				} else if !bytes.Equal(got, before[p]) {
					t.Errorf("%s: %s changed but was not listed", st.name, p)
				}
			}
		} else if len(paths) > 0 {
			t.Errorf("%s: preview refused but lists %v", st.name, paths)
		}
		_, err := b.Build(context.Background(), []string{st.file})
		if (err == nil) != (fullErr == nil) {
			t.Fatalf("%s: build error %v, full build error %v", st.name, err, fullErr)
		}
		if err == nil {
			comparePaths(t, st.name, mem, full)
		}
	}
}
