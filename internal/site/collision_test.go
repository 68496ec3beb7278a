package site

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestCollisions checks that two sources of one URL fail the build, naming
// both.
func TestCollisions(t *testing.T) {
	const c = "---\ntitle: x\ndate: 2023-01-01\nregion: {city: 江门市}\nstatus: planned\n---\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"page and built-in list", map[string]string{"content/cases/a.md": c, "content/pages/cases.md": "---\ntitle: 案例\n---\n"},
			"/cases/ would be written twice: by built-in page /cases/ and by content/pages/cases.md"},
		{"page and translation folder", map[string]string{"site.yaml": "languages: [en]\n", "content/cases/a.md": c, "content/cases/a.en.md": c,
			"content/pages/en.md": "---\ntitle: en\n---\n"}, "content/pages/en.md: the page /en/ would take the folder of the site's en pages"},
		{"file and bundle", map[string]string{"content/cases/a.md": c, "content/cases/a/index.md": c}, "content/cases/a/index.md: same page as content/cases/a.md"},
		{"practice names meeting in one segment", map[string]string{"content/cases/a.md": strings.Replace(c, "status: planned", "status: planned\npractices: [\"a/b\", \"a#b\"]", 1)},
			"/practices/a-b/ would be written twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			sitetest.Write(t, dir, tt.files)
			_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestBriefingNamesDraft checks that a published pack may not name a draft
// case, which would silently drop out of the handbook.
func TestBriefingNamesDraft(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"content/cases/a.md":     "---\ntitle: a\ndate: 2023-01-01\nregion: {city: c}\nstatus: planned\ndraft: true\n---\n",
		"content/briefings/v.md": "---\ntitle: v\ndate: 2023-10-19\ncases: [a]\n---\n",
	})
	_, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true})
	if err == nil || !strings.Contains(err.Error(), `content/briefings/v.md:4:9: case "a" is a draft`) {
		t.Errorf("got %v", err)
	}
	if _, err := Build(context.Background(), Options{SiteDir: dir, Theme: os.DirFS(repo), DryRun: true, Drafts: true}); err != nil {
		t.Errorf("with drafts: %v", err)
	}
}
