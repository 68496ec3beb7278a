package site

import (
	"context"
	"flag"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// copyTree copies the folder src into a new temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("problems differ from %s (go test -update rewrites it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// TestBrokenSiteMessages checks the exact message of every bad input the
// content contract and the issues name, each at its line and column.
func TestBrokenSiteMessages(t *testing.T) {
	dir := copyTree(t, "testdata/broken")
	// What git cannot hold: a folder named like a page, symbolic links that
	// leave the site or loop.
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content/cases/folder.md"), 0o755))
	// A non-ASCII file name, kept out of git, whose listings quote such names.
	bad, rerr := os.ReadFile(filepath.Join(dir, "content/cases/Bad Slug.md"))
	must(rerr)
	must(os.WriteFile(filepath.Join(dir, "content/cases/恩平.md"), bad, 0o644))
	must(os.Symlink("/etc/passwd", filepath.Join(dir, "content/cases/outside.md")))
	must(os.Symlink("../../../../secret.md", filepath.Join(dir, "content/cases/up.md")))
	must(os.Symlink("loop-b.md", filepath.Join(dir, "content/cases/loop-a.md")))
	must(os.Symlink("loop-a.md", filepath.Join(dir, "content/cases/loop-b.md")))
	_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true})
	if err == nil {
		t.Fatal("broken site built")
	}
	golden(t, "broken.golden", strings.TrimSpace(err.Error())+"\n")
}

// TestBrokenRenderMessages checks problems found only when pages are
// rendered: a template calling an undefined field, and broken links.
func TestBrokenRenderMessages(t *testing.T) {
	dir := copyTree(t, "testdata/broken-render")
	_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true})
	if err == nil {
		t.Fatal("broken site built")
	}
	golden(t, "broken-render.golden", strings.TrimSpace(err.Error())+"\n")

	// With the template fixed, the broken links in Markdown are reported
	// at their line in the case file.
	if err := os.Remove(filepath.Join(dir, "templates/case.html")); err != nil {
		t.Fatal(err)
	}
	_, err = Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true})
	if err == nil {
		t.Fatal("site with broken links built")
	}
	golden(t, "broken-links.golden", strings.TrimSpace(err.Error())+"\n")
}

// TestFixtureGolden builds testdata/fixture (served under a base path,
// with a page bundle, pagination and a briefing) and compares key output
// files with testdata/golden/; go test -update rewrites them after a
// deliberate change to the theme or the pipeline.
func TestFixtureGolden(t *testing.T) {
	mem := NewMemory()
	if _, err := Build(context.Background(), Options{SiteDir: "testdata/fixture", Theme: os.DirFS(repo), Memory: mem}); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{
		"index.html",
		"cases/index.html",
		"cases/page/2/index.html",
		"cases/enping/index.html",
		"cases/taishan/index.html",
		"practices/party/index.html",
		"regions/江门市/index.html",
		"briefings/visit/index.html",
		"feed.xml",
		"sitemap.xml",
		"robots.txt",
	} {
		data, ok := mem.Get(rel)
		if !ok {
			t.Errorf("%s was not built", rel)
			continue
		}
		// File names stay ASCII (git quotes other names in its listings).
		name := strings.ReplaceAll(url.PathEscape(strings.ReplaceAll(rel, "/", "_")), "%", "")
		golden(t, filepath.Join("golden", name), string(data))
	}
	if _, ok := mem.Get("cases/taishan/before.png"); !ok {
		t.Error("the page bundle's image was not copied")
	}
}
