package site

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestRebuildRewritesOnlyWhatChanged builds a site to disk twice with no
// change, then after editing one case's text, and checks modification
// times: a deploy that compares them must upload only what changed.
func TestRebuildRewritesOnlyWhatChanged(t *testing.T) {
	dir := t.TempDir()
	files := sitetest.Site("https://example.org/")
	files["content/cases/c1.md"] += "\n第二段：细节。\n"
	sitetest.Write(t, dir, files)
	out := filepath.Join(dir, "public")
	opts := Options{SiteDir: dir, Theme: os.DirFS(repo), Out: out}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	touched := func() []string {
		var changed []string
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, _ := d.Info()
			if !info.ModTime().Equal(past) {
				rel, _ := filepath.Rel(out, p)
				changed = append(changed, filepath.ToSlash(rel))
			}
			return os.Chtimes(p, past, past)
		})
		sort.Strings(changed)
		return changed
	}
	touched() // set every file to the past

	// Nothing changed: the build sees the output is up to date.
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.UpToDate {
		t.Error("a rebuild with no change did not see the output was up to date")
	}
	if changed := touched(); len(changed) > 0 {
		t.Errorf("a rebuild with no change rewrote %v", changed)
	}
	// Forced, it builds everything and still rewrites nothing.
	forced := opts
	forced.Force = true
	res, err = Build(context.Background(), forced)
	if err != nil {
		t.Fatal(err)
	}
	if changed := touched(); len(changed) > 0 {
		t.Errorf("a forced rebuild with no change rewrote %v", changed)
	}
	if res.UpToDate || res.Kept != res.Files {
		t.Errorf("forced rebuild: up to date %v, kept %d of %d files", res.UpToDate, res.Kept, res.Files)
	}

	// Edit the second paragraph of one case: its summary (the first
	// paragraph), title and figures stay, so only its own page and the
	// search data show the change.
	sitetest.Write(t, dir, map[string]string{"content/cases/c1.md": strings.Replace(files["content/cases/c1.md"], "细节", "新的细节", 1)})
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, p := range touched() {
		if !strings.HasPrefix(p, "search/") && p != ".showcase-output" { // the marker records the new fingerprint
			pages = append(pages, p)
		}
	}
	if strings.Join(pages, " ") != "cases/c1/index.html" {
		t.Errorf("editing one case's text rewrote %v, want only cases/c1/index.html", pages)
	}
}
