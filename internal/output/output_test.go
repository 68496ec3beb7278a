package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommitAndAbort(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/index.html", []byte("one")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("output exists before Commit")
	}
	if err := d.Commit("fp"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(b) != "one" {
		t.Fatalf("got %q", b)
	}

	// An aborted build leaves the output as it was and no temporary folder.
	d, err = Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("a/index.html", []byte("two"))
	d.WriteFile("b/index.html", []byte("new"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(b) != "one" {
		t.Fatalf("abort changed the output: %q", b)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("parent holds %d entries after abort, want only public", len(entries))
	}

	// A committed build replaces everything: a file it did not write is gone.
	d, _ = Begin(out)
	d.WriteFile("b/index.html", []byte("b"))
	if err := d.Commit("fp"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "a/index.html")); !os.IsNotExist(err) {
		t.Error("a stale file survived the commit")
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	precious := filepath.Join(out, "thesis.docx")
	os.WriteFile(precious, []byte("years of work"), 0o644)
	_, err := Begin(out)
	if err == nil || !strings.Contains(err.Error(), "was not written by showcase") {
		t.Fatalf("Begin on a foreign folder: %v", err)
	}
	if b, _ := os.ReadFile(precious); string(b) != "years of work" {
		t.Fatal("a foreign file was touched")
	}
	// An empty folder is fine to fill.
	empty := filepath.Join(t.TempDir(), "empty")
	os.Mkdir(empty, 0o755)
	d, err := Begin(empty)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
}

func TestRefusesPathsOutside(t *testing.T) {
	parent := t.TempDir()
	d, err := Begin(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, rel := range []string{"../escape.html", "/etc/x", "a/../../x", `a\b`, "", "./a"} {
		if err := d.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", rel)
		}
	}
	if _, err := os.Stat(filepath.Join(parent, "escape.html")); !os.IsNotExist(err) {
		t.Error("a file was written outside the output folder")
	}
}

func TestUnchangedFilesKeepTheirTime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, _ := Begin(out)
	d.WriteFile("same.html", []byte("same"))
	d.WriteFile("changes.html", []byte("v1"))
	d.Commit("fp")
	info1, _ := os.Stat(filepath.Join(out, "same.html"))
	d, _ = Begin(out)
	d.WriteFile("same.html", []byte("same"))
	d.WriteFile("changes.html", []byte("v2"))
	if err := d.Commit("fp"); err != nil {
		t.Fatal(err)
	}
	info2, _ := os.Stat(filepath.Join(out, "same.html"))
	if !os.SameFile(info1, info2) {
		t.Error("an unchanged file was written again")
	}
	if _, _, kept := d.Stats(); kept != 1 {
		t.Errorf("kept %d files, want 1", kept)
	}
}

func TestFingerprint(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if Fingerprint(out) != "" {
		t.Fatal("fingerprint of a missing folder")
	}
	d, _ := Begin(out)
	if err := d.Commit("abc123"); err != nil {
		t.Fatal(err)
	}
	if got := Fingerprint(out); got != "abc123" {
		t.Errorf("Fingerprint = %q", got)
	}
}

// TestRelativeOutput writes into output folders named relative to the
// working folder, as `showcase build` does by default (public, ./public,
// sub/public), with files several folders deep.
func TestRelativeOutput(t *testing.T) {
	for _, out := range []string{"public", "./public2", "sub/public", "sub/../public3"} {
		t.Run(out, func(t *testing.T) {
			t.Chdir(t.TempDir())
			d, err := Begin(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, rel := range []string{"index.html", "a/b/c/index.html", "a/b/d.css"} {
				if err := d.WriteFile(rel, []byte(rel)); err != nil {
					t.Fatal(err)
				}
			}
			if err := d.Commit("fp"); err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(filepath.Join(out, "a/b/c/index.html")); err != nil || string(b) != "a/b/c/index.html" {
				t.Fatalf("got %q, %v", b, err)
			}
		})
	}
}

// TestRebuildInPlace rebuilds over a previous output: unchanged files stay
// the same files, changed ones are replaced, a page that became a section
// (or the reverse) gets its new shape, and pages that are gone leave no
// file or empty folder behind.
func TestRebuildInPlace(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build := func(fp string, files map[string]string) *Dir {
		t.Helper()
		d, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		for rel, body := range files {
			if err := d.WriteFile(rel, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Commit(fp); err != nil {
			t.Fatal(err)
		}
		return d
	}
	build("fp1", map[string]string{
		"a/index.html": "a", "b/index.html": "b1", "c": "c as a file",
		"d/e/index.html": "d/e", "g/h/index.html": "gone", "x/y.html": "y", "x/z.html": "z",
	})
	kept, _ := os.Stat(filepath.Join(out, "a/index.html"))
	d := build("fp2", map[string]string{
		"a/index.html": "a", "b/index.html": "b2", "c/index.html": "c as a folder",
		"d": "d as a file", "f/index.html": "new", "x/y.html": "y",
	})
	want := map[string]string{
		"a/index.html": "a", "b/index.html": "b2", "c/index.html": "c as a folder",
		"d": "d as a file", "f/index.html": "new", "x/y.html": "y",
	}
	got := map[string]string{}
	filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != MarkerName {
			rel, _ := filepath.Rel(out, p)
			b, _ := os.ReadFile(p)
			got[filepath.ToSlash(rel)] = string(b)
		}
		return err
	})
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("output after the rebuild:\n%v\nwant\n%v", got, want)
	}
	if info, _ := os.Stat(filepath.Join(out, "a/index.html")); !os.SameFile(kept, info) {
		t.Error("an unchanged file was replaced")
	}
	if _, err := os.Stat(filepath.Join(out, "g")); !os.IsNotExist(err) {
		t.Error("the folder of a removed page is still there")
	}
	if _, _, k := d.Stats(); k != 2 {
		t.Errorf("kept %d files, want 2", k)
	}
	if fp := Fingerprint(out); fp != "fp2" {
		t.Errorf("fingerprint %q, want fp2", fp)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("parent holds %d entries after the rebuild, want only public", len(entries))
	}
}

// same decides which files a rebuild leaves untouched: only a regular
// file with exactly the new bytes is the same.
func TestSame(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "index.html")
	if err := os.WriteFile(file, []byte("<p>恩平</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		want bool
	}{
		{file, "<p>恩平</p>", true},
		{file, "<p>恩城</p>", false}, // same length, other bytes
		{file, "<p>恩平</p>\n", false},
		{file, "<p>恩平", false},
		{file, "", false},
		{empty, "", true},
		{empty, "x", false},
		{dir, "", false},
		{filepath.Join(dir, "missing"), "", false},
	}
	for _, tt := range tests {
		if got := same(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("same(%s, %q) = %v, want %v", filepath.Base(tt.name), tt.data, got, tt.want)
		}
	}
}
