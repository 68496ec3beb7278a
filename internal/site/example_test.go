package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// repo is the repository root: the example site and the built-in theme.
const repo = "../.."

func buildExample(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{SiteDir: repo, Theme: os.DirFS(repo), Out: out}); err != nil {
		t.Fatalf("build of the example site failed:\n%v", err)
	}
	return out
}

func readPage(t *testing.T, out, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExampleSite builds this repository's own site and checks the pages
// and figures a reader would look for.
func TestExampleSite(t *testing.T) {
	out := buildExample(t)
	tests := []struct {
		page string
		want []string
	}{
		{"cases/enping/index.html", []string{"恩平市老旧小区改造", "8.25", "亿元", "174", "万平方米", "758", "东门金融街", "西门老旧小区", `href="/practices/party-building/"`, `href="/regions/%e6%b1%9f%e9%97%a8%e5%b8%82/%e6%81%a9%e5%b9%b3%e5%b8%82/"`}},
		{"index.html", []string{"6407", "8007", "142万", "<progress", "恩平市老旧小区改造"}},
		{"practices/index.html", []string{"党建引领", "资金共担", "EPCO模式"}},
		{"practices/party-building/index.html", []string{"党建引领", `href="/cases/enping/"`}},
		{"regions/index.html", []string{"江门市", "恩平市"}},
		{"regions/江门市/恩平市/index.html", []string{"恩平市老旧小区改造"}},
		{"briefings/2023-enping-site-visit/index.html", []string{"2023年广东省县城老旧小区改造现场观摩活动", "恩平市老旧小区改造"}},
		{"about/index.html", []string{"关于本站"}},
		{"404.html", []string{`href="/cases/"`}},
		{"sitemap.xml", []string{"<loc>https://example.org/cases/enping/</loc>", "https://example.org/regions/%E6%B1%9F%E9%97%A8%E5%B8%82/"}},
		{"feed.xml", []string{`<feed xmlns="http://www.w3.org/2005/Atom"`, "<id>https://example.org/cases/enping/</id>"}},
		{"robots.txt", []string{"Sitemap: https://example.org/sitemap.xml"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			page := readPage(t, out, tt.page)
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("%s lacks %q", tt.page, w)
				}
			}
		})
	}
}

// TestFailedBuildKeepsOutput breaks a copy of a site after a good build
// and checks that the failed build leaves every output file as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	site := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(site, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := "---\ntitle: 甲\ndate: 2023-01-02\nregion: {city: 江门市}\nstatus: completed\n---\n正文。\n"
	write("content/cases/a.md", good)
	write("content/cases/b.md", strings.Replace(good, "甲", "乙", 1))
	out := filepath.Join(site, "public")
	opts := Options{SiteDir: site, Theme: os.DirFS(repo), Out: out}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)

	write("content/cases/a.md", strings.Replace(good, "status: completed", "status: finished", 1))
	_, err := Build(context.Background(), opts)
	if _, ok := err.(content.Problems); !ok {
		t.Fatalf("broken build returned %v, want problems", err)
	}
	if after := snapshot(t, out); !equalSnapshots(before, after) {
		t.Fatal("failed build changed the output folder")
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("failed build left %s behind", e.Name())
		}
	}

	// A deleted page's files do not linger after the next good build.
	if err := os.Remove(filepath.Join(site, "content/cases/a.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "cases/a/index.html")); !os.IsNotExist(err) {
		t.Errorf("deleted case's page still exists (err %v)", err)
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		info, _ := d.Info()
		files[p] = string(b) + "\x00" + info.ModTime().String()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equalSnapshots(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
