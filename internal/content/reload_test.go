package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestReloadEqualsLoad edits a site through one Loader, naming the changed
// files, and checks after each step that it loads what a new Loader
// does: the same pages and the same problems, whether or not the last
// walk of content/ could be reused.
func TestReloadEqualsLoad(t *testing.T) {
	fsys := fstest.MapFS{}
	put := func(name, body string) {
		fsys[name] = &fstest.MapFile{Data: []byte(body), Mode: 0o644, ModTime: time.Unix(0, 0)}
	}
	put("site.yaml", "title: 示例\nprovince: 广东省\n")
	put("content/cases/a.md", validCase)
	put("content/cases/b/index.md", strings.Replace(validCase, "---\n\n", "gallery: [{image: before.jpg}]\n---\n\n", 1))
	put("content/cases/c.md", strings.Replace(validCase, "---\n\n", "gallery: [{image: missing.jpg}]\n---\n\n", 1))
	put("content/notes.txt", "not a page")
	l := NewLoader(fsys, Options{})
	l.Load(nil)
	steps := []struct {
		name   string
		edit   func()
		change []string
	}{
		{"body edit", func() { put("content/cases/a.md", validCase+"新的一段。\n") }, []string{"content/cases/a.md"}},
		{"gallery image added to the bundle", func() { put("content/cases/b/before.jpg", "x") }, []string{"content/cases/b/before.jpg"}},
		{"broken case", func() { put("content/cases/c.md", "---\ntitle: [坏\n---\n") }, []string{"content/cases/c.md"}},
		{"fixed case", func() { put("content/cases/c.md", validCase) }, []string{"content/cases/c.md"}},
		{"new case", func() { put("content/cases/d.md", validCase) }, []string{"content/cases/d.md"}},
		{"removed case", func() { delete(fsys, "content/cases/d.md") }, []string{"content/cases/d.md"}},
		{"template only", func() {}, []string{"templates/case.html"}},
	}
	for _, st := range steps {
		st.edit()
		got, gotProbs := l.Load(st.change)
		want, wantProbs := NewLoader(fsys, Options{}).Load(nil)
		if g, w := fmt.Sprint(gotProbs), fmt.Sprint(wantProbs); g != w {
			t.Errorf("%s: problems\n%s\nwant\n%s", st.name, g, w)
		}
		if len(got.Cases) != len(want.Cases) {
			t.Fatalf("%s: %d cases, want %d", st.name, len(got.Cases), len(want.Cases))
		}
		for i := range want.Cases {
			g, w := got.Cases[i], want.Cases[i]
			if g.Path != w.Path || g.Version != w.Version || fmt.Sprint(g.Gallery) != fmt.Sprint(w.Gallery) {
				t.Errorf("%s: case %s differs from a new load:\n%+v\n%+v", st.name, w.Path, g, w)
			}
		}
		if fmt.Sprint(got.Assets) != fmt.Sprint(want.Assets) {
			t.Errorf("%s: assets %v, want %v", st.name, got.Assets, want.Assets)
		}
	}
}
