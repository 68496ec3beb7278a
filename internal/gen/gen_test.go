package gen_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/guangdong-renovation/showcase"
	"github.com/guangdong-renovation/showcase/internal/gen"
	"github.com/guangdong-renovation/showcase/internal/site"
)

// tree reads every file under dir: slash path -> bytes.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func write(t *testing.T, opts gen.Options) (string, *gen.Stats) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	st, err := gen.Write(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

func sameTrees(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
	for p, x := range a {
		y, ok := b[p]
		if !ok {
			t.Errorf("%s written once only", p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, hugo := range []bool{false, true} {
		// different worker counts must not change a byte
		d1, _ := write(t, gen.Options{Cases: 300, Seed: 7, Hugo: hugo, Workers: 1})
		d2, _ := write(t, gen.Options{Cases: 300, Seed: 7, Hugo: hugo, Workers: 4})
		a, b := tree(t, d1), tree(t, d2)
		sameTrees(t, a, b)
		d3, _ := write(t, gen.Options{Cases: 300, Seed: 8, Hugo: hugo})
		c := tree(t, d3)
		differ := 0
		for p, x := range a {
			if !bytes.Equal(x, c[p]) {
				differ++
			}
		}
		if differ < len(a)/2 {
			t.Errorf("hugo=%v: another seed changed only %d of %d files", hugo, differ, len(a))
		}
	}
}

// TestPrefix: case i does not depend on the number of cases.
func TestPrefix(t *testing.T) {
	d1, s1 := write(t, gen.Options{Cases: 50, Seed: 3})
	d2, _ := write(t, gen.Options{Cases: 120, Seed: 3})
	a, b := tree(t, d1), tree(t, d2)
	for _, p := range s1.CaseFiles {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between a 50-case and a 120-case site", p)
		}
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir, _ := write(t, gen.Options{Cases: 3, Seed: 1})
	if _, err := gen.Write(dir, gen.Options{Cases: 3, Seed: 1}); err == nil {
		t.Error("wrote into a folder that was not empty")
	}
}

// TestSiteBuilds: a generated site has no problem at all, not even a
// warning, and its cases look like real ones.
func TestSiteBuilds(t *testing.T) {
	dir, st := write(t, gen.Options{Cases: 200, Seed: 1})
	res, err := site.Build(context.Background(), site.Options{SiteDir: dir, Theme: showcase.Theme, DryRun: true})
	if err != nil {
		t.Fatalf("generated site does not build:\n%v", err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings:\n%v", res.Warnings)
	}
	if got, want := res.Pages["case"], st.Cases-st.Drafts; got != want {
		t.Errorf("%d case pages, want %d", got, want)
	}
	if st.Bundles == 0 || st.Briefings == 0 || st.Drafts == 0 {
		t.Errorf("want some bundles, briefings and drafts: %+v", st)
	}
	files := tree(t, dir)
	for _, p := range []string{"site.yaml", "content/_index.md", "content/pages/about.md", "content/practices/party-building.md"} {
		if files[p] == nil {
			t.Errorf("no %s", p)
		}
	}
	cities := map[string]bool{}
	for _, p := range st.CaseFiles {
		src := files[p]
		i := bytes.Index(src[4:], []byte("\n---\n"))
		if i < 0 {
			t.Fatalf("%s: no front matter", p)
		}
		body := string(src[i+9:])
		if n := len(body); n < 2000 || n > 5000 {
			t.Errorf("%s: body of %d bytes, want 2–5 kB", p, n)
		}
		for _, want := range []string{"\n## ", "\n- ", "\n| --- |", "\n> "} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: body lacks %q", p, want)
			}
		}
		var fm struct {
			Region    struct{ City, County string }
			Practices []string
			Figures   map[string]float64
		}
		if err := yaml.Unmarshal(src[4:i+4], &fm); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		cities[fm.Region.City] = true
		if fm.Region.County == "" || len(fm.Practices) < 1 || len(fm.Practices) > 4 || len(fm.Figures) != 6 {
			t.Errorf("%s: county %q, %d practices, %d figures", p, fm.Region.County, len(fm.Practices), len(fm.Figures))
		}
		if strings.HasSuffix(p, "/index.md") {
			for _, img := range []string{"before.png", "after.png"} {
				b := files[strings.TrimSuffix(p, "index.md")+img]
				if !bytes.HasPrefix(b, []byte("\x89PNG")) || len(b) > 2048 {
					t.Errorf("%s: %s is not a tiny PNG (%d bytes)", p, img, len(b))
				}
			}
		}
	}
	if len(cities) != 10 {
		t.Errorf("cases in %d cities, want 10", len(cities))
	}
}

// TestHugoForm: Hugo's form keeps the taxonomies at the top level as
// lists, and the figures and period as params.
func TestHugoForm(t *testing.T) {
	dir, st := write(t, gen.Options{Cases: 40, Seed: 1, Hugo: true})
	files := tree(t, dir)
	for _, p := range []string{"hugo.yaml", "layouts/_default/single.html", "layouts/_default/baseof.html", "layouts/index.html", "static/style.css"} {
		if files[p] == nil {
			t.Errorf("no %s", p)
		}
	}
	for p := range files {
		if strings.HasPrefix(p, "content/") && !strings.HasPrefix(p, "content/cases/") {
			t.Errorf("%s: the Hugo form has cases only", p)
		}
	}
	for _, p := range st.CaseFiles {
		src := files[p]
		i := bytes.Index(src[4:], []byte("\n---\n"))
		var fm map[string]any
		if err := yaml.Unmarshal(src[4:i+4], &fm); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, k := range []string{"cities", "counties", "statuses", "practices", "scopes"} {
			l, ok := fm[k].([]any)
			if !ok || len(l) == 0 {
				t.Errorf("%s: %s is %v, want a list at the top level", p, k, fm[k])
			}
		}
		for _, k := range []string{"title", "date", "draft"} {
			if _, ok := fm[k]; !ok {
				t.Errorf("%s: no %s", p, k)
			}
		}
		figs, _ := fm["figures"].(map[string]any)
		if len(figs) != 6 {
			t.Errorf("%s: figures %v", p, fm["figures"])
		}
		if _, ok := fm["period"].(map[string]any); !ok {
			t.Errorf("%s: period %v", p, fm["period"])
		}
		if _, ok := fm["region"]; ok {
			t.Errorf("%s: region is not Hugo's form", p)
		}
	}
}

// TestSameCases: both forms hold the same cases with the same bodies.
func TestSameCases(t *testing.T) {
	d1, s1 := write(t, gen.Options{Cases: 30, Seed: 5})
	d2, s2 := write(t, gen.Options{Cases: 30, Seed: 5, Hugo: true})
	a, b := tree(t, d1), tree(t, d2)
	for i, p := range s1.CaseFiles {
		if s2.CaseFiles[i] != p {
			t.Fatalf("case %d: %s and %s", i, p, s2.CaseFiles[i])
		}
		body := func(src []byte) []byte { return src[bytes.Index(src[4:], []byte("\n---\n"))+9:] }
		if !bytes.Equal(body(a[p]), body(b[p])) {
			t.Errorf("%s: bodies differ", p)
		}
	}
}

func TestFloor(t *testing.T) {
	dir, st := write(t, gen.Options{Cases: 30, Seed: 1})
	out := filepath.Join(t.TempDir(), "out")
	res, err := gen.Floor(dir, out, 2)
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != st.Cases {
		t.Errorf("floor rendered %d pages, want %d", res.Pages, st.Cases)
	}
	slug := strings.TrimPrefix(st.CaseFiles[0], "content/cases/")
	slug = strings.TrimSuffix(strings.TrimSuffix(slug, "/index.md"), ".md")
	html, err := os.ReadFile(filepath.Join(out, slug+".html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte("<table>")) || bytes.Contains(html, []byte("figures:")) {
		t.Errorf("floor output is not the rendered body:\n%s", html)
	}
}
