package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const validCase = `---
title: 恩平市老旧小区改造
date: 2023-10-19
region:
  city: 江门市
  county: 恩平市
status: completed
figures:
  investment_cny: 825000000
  area_m2: 1740000
practices: [党建引领, 共同缔造]
---

第一段，
第二段。
`

func load(t *testing.T, files map[string]string) (*Library, Problems) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body), Mode: 0o644, ModTime: time.Unix(0, 0)}
	}
	return Load(fsys, Options{})
}

func TestLoadValidCase(t *testing.T) {
	lib, probs := load(t, map[string]string{
		"site.yaml":                  "title: 示例\nprovince: 广东省\n",
		"content/cases/enping.md":    validCase,
		"content/cases/b/index.md":   strings.Replace(validCase, "completed", "planned", 1),
		"content/cases/b/before.jpg": "x",
	})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if len(lib.Cases) != 2 {
		t.Fatalf("got %d cases", len(lib.Cases))
	}
	c := lib.Cases[1]
	if c.Slug != "enping" || c.Title != "恩平市老旧小区改造" || c.Region.Province != "广东省" || c.Region.County != "恩平市" {
		t.Errorf("case = %+v", c)
	}
	if *c.Figures.InvestmentCNY != 825000000 || *c.Figures.AreaM2 != 1740000 || c.Figures.Zones != nil {
		t.Errorf("figures = %+v", c.Figures)
	}
	if c.BodyLine != 13 {
		t.Errorf("BodyLine = %d, want 13", c.BodyLine)
	}
	if lib.Assets["cases/b/before.jpg"] != "content/cases/b/before.jpg" {
		t.Errorf("assets = %v", lib.Assets)
	}
	if lib.Cases[0].Bundle != "content/cases/b" {
		t.Errorf("bundle = %q", lib.Cases[0].Bundle)
	}
}

// TestLoadProblems lists bad inputs with the exact problem each must give.
func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each must appear among the problems
	}{
		{"missing required fields", map[string]string{"content/cases/a.md": "---\nsummary: x\n---\n"},
			[]string{"content/cases/a.md:2:1: missing required field title", "content/cases/a.md:2:1: missing required field date", "missing required field region", "missing required field status"}},
		{"misspelt field", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status:", "stauts:", 1)},
			[]string{"content/cases/a.md:7:1: unknown field stauts: did you mean status?"}},
		{"misspelt nested field", map[string]string{"content/cases/a.md": strings.Replace(validCase, "area_m2", "area_m", 1)},
			[]string{"content/cases/a.md:10:3: unknown field figures.area_m: did you mean figures.area_m2?"}},
		{"invalid date", map[string]string{"content/cases/a.md": strings.Replace(validCase, "2023-10-19", "2024-13-45", 1)},
			[]string{`content/cases/a.md:3:7: date: "2024-13-45" is not a valid date (write YYYY-MM-DD): month out of range`}},
		{"string for a number", map[string]string{"content/cases/a.md": strings.Replace(validCase, "825000000", "8.25亿", 1)},
			[]string{`content/cases/a.md:9:19: figures.investment_cny must be a plain number in base units (yuan, m², persons), not "8.25亿"`}},
		{"negative figure", map[string]string{"content/cases/a.md": strings.Replace(validCase, "1740000", "-5", 1)},
			[]string{"content/cases/a.md:10:12: figures.area_m2 must not be negative, got -5"}},
		{"absurd figure", map[string]string{"content/cases/a.md": strings.Replace(validCase, "825000000", "8250000000000000", 1)},
			[]string{"content/cases/a.md:9:19: figures.investment_cny is 8250000000000000, which is more than 1e+13: check the figure and its unit"}},
		{"bad status", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: complete", 1)},
			[]string{`content/cases/a.md:7:9: status: "complete" is not allowed: did you mean completed?`}},
		{"duplicate key", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\ntitle: again", 1)},
			[]string{"content/cases/a.md:8:1: duplicate field title (first set at line 2)"}},
		{"tab indentation", map[string]string{"content/cases/a.md": strings.Replace(validCase, "  city:", "\tcity:", 1)},
			[]string{"content/cases/a.md:5:1: invalid YAML: tab character used for indentation: YAML allows only spaces"}},
		{"unclosed front matter", map[string]string{"content/cases/a.md": "---\ntitle: x\n"},
			[]string{"content/cases/a.md:1:1: front matter opened with --- is never closed"}},
		{"empty file", map[string]string{"content/cases/a.md": ""},
			[]string{"content/cases/a.md: file is empty"}},
		{"invalid utf-8", map[string]string{"content/cases/a.md": "---\ntitle: \xff\n---\n"},
			[]string{"content/cases/a.md:2:8: invalid UTF-8 at byte offset 11"}},
		{"latitude out of range", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\nlocation: [122.1, 112.3]", 1)},
			[]string{"content/cases/a.md:8:12: location latitude 122.1 is out of range (-90 to 90)"}},
		{"period end before start", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\nperiod: {start: 2023, end: 2021}", 1)},
			[]string{"content/cases/a.md:8:28: period.end 2021 is before period.start 2023"}},
		{"bad slug", map[string]string{"content/cases/Bad Name.md": validCase},
			[]string{`content/cases/Bad Name.md: "Bad Name" is not a valid slug`}},
		{"non-ascii slug", map[string]string{"content/cases/恩平.md": validCase},
			[]string{`content/cases/恩平.md: "恩平" is not a valid slug`}},
		{"file and bundle collide", map[string]string{"content/cases/a.md": validCase, "content/cases/a/index.md": validCase},
			[]string{"content/cases/a/index.md: same page as content/cases/a.md"}},
		{"bundle without index", map[string]string{"content/cases/a/photo.jpg": "x"},
			[]string{"content/cases/a: folder has no index.md"}},
		{"briefing names a missing case", map[string]string{"content/cases/enping.md": validCase,
			"content/briefings/v.md": "---\ntitle: 观摩\ndate: 2023-10-19\ncases: [enpign]\n---\n"},
			[]string{`content/briefings/v.md:4:9: case "enpign" does not exist (no content/cases/enpign.md): did you mean enping?`}},
		{"agenda case not in pack", map[string]string{"content/cases/enping.md": validCase, "content/cases/b.md": validCase,
			"content/briefings/v.md": "---\ntitle: 观摩\ndate: 2023-10-19\ncases: [enping]\nagenda:\n  - title: 参观\n    case: b\n---\n"},
			[]string{`content/briefings/v.md:7:11: agenda[0].case "b" is not one of this pack's cases (add it to cases)`}},
		{"empty pack", map[string]string{"content/briefings/v.md": "---\ntitle: 观摩\ndate: 2023-10-19\ncases: []\n---\n"},
			[]string{"content/briefings/v.md:4:8: cases is empty"}},
		{"image path is a URL", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\ngallery:\n  - image: https://x.cn/a.jpg\n    alt: a", 1)},
			[]string{`content/cases/a.md:9:12: gallery[0].image: "https://x.cn/a.jpg" is a URL`}},
		{"image path escapes", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\ngallery:\n  - image: ../../secret.jpg\n    alt: a", 1)},
			[]string{`gallery[0].image: "../../secret.jpg" must not contain '..'`}},
		{"missing image", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\ngallery:\n  - image: none.jpg\n    alt: a", 1)},
			[]string{`content/cases/a.md:9:5: gallery image "none.jpg" not found (looked for static/none.jpg)`}},
		{"image without alt warns", map[string]string{"content/cases/a.md": strings.Replace(validCase, "status: completed", "status: completed\ngallery:\n  - image: a.jpg", 1), "static/a.jpg": "x"},
			[]string{`content/cases/a.md:9:5: warning: gallery[0] has neither caption nor alt`}},
		{"translation without language", map[string]string{"content/cases/a.md": validCase, "content/cases/a.en.md": validCase},
			[]string{`content/cases/a.en.md: translation into "en", but site.yaml languages does not list it`}},
		{"site.yaml problems", map[string]string{"site.yaml": "title: x\nbase_url: example.org\npage_sise: 3\n"},
			[]string{`site.yaml:2:11: base_url must be an absolute http or https URL`, "site.yaml:3:1: unknown field page_sise: did you mean page_size?"}},
		{"alias bomb", map[string]string{"content/cases/a.md": "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ntitle: x\n---\n"},
			[]string{"unknown field a"}},
		{"tags as text", map[string]string{"content/cases/a.md": strings.Replace(validCase, "practices: [党建引领, 共同缔造]", "practices: 党建引领", 1)},
			[]string{"content/cases/a.md:11:12: practices must be a list, such as [党建引领], not \"党建引领\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := load(t, tt.files)
			got := probs.Error()
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("problems lack %q; got:\n%s", want, got)
				}
			}
		})
	}
}

func TestBOMAndCRLF(t *testing.T) {
	src := "\xEF\xBB\xBF" + strings.ReplaceAll(strings.Replace(validCase, "status: completed", "stauts: completed", 1), "\n", "\r\n")
	_, probs := load(t, map[string]string{"content/cases/a.md": src})
	if got := probs.Error(); !strings.Contains(got, "content/cases/a.md:7:1: unknown field stauts") {
		t.Errorf("BOM and CRLF moved the line: %s", got)
	}
}

func TestSummarize(t *testing.T) {
	long := strings.Repeat("改造", 40) + "。" + strings.Repeat("后续", 40) + "。"
	for _, tt := range []struct{ in, want string }{
		{"短句。", "短句。"},
		{long, strings.Repeat("改造", 40) + "。"},
		{strings.Repeat("字", 200), strings.Repeat("字", 119) + "…"},
	} {
		if got := Summarize(tt.in, 120); got != tt.want {
			t.Errorf("Summarize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// deniedFS refuses to open one file, as a file without read permission
// does (tests run as root here, which reads everything).
type deniedFS struct {
	fstest.MapFS
	name string
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func (d deniedFS) ReadFile(name string) ([]byte, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadFile(name)
}

func TestUnreadableFile(t *testing.T) {
	fsys := deniedFS{MapFS: fstest.MapFS{
		"content/cases/a.md": {Data: []byte(validCase)},
		"content/cases/b.md": {Data: []byte(validCase)},
	}, name: "content/cases/b.md"}
	lib, probs := Load(fsys, Options{})
	if got := probs.Error(); got != "content/cases/b.md: cannot read: permission denied" {
		t.Errorf("problems = %q", got)
	}
	if len(lib.Cases) != 1 {
		t.Errorf("loaded %d cases, want the readable one", len(lib.Cases))
	}
}

// TestFileSizeLimit refuses a file over max_file_size before reading it.
func TestFileSizeLimit(t *testing.T) {
	big := strings.Repeat("长", 17<<20) // 53 MB
	_, probs := load(t, map[string]string{"content/cases/big.md": validCase + big})
	if got := probs.Error(); !strings.Contains(got, "content/cases/big.md: file is") || !strings.Contains(got, "more than the limit of 8388608") {
		t.Errorf("problems = %q", got)
	}
	_, probs = load(t, map[string]string{"site.yaml": "max_file_size: 1024\n", "content/cases/a.md": validCase + strings.Repeat("字", 400)})
	if !strings.Contains(probs.Error(), "more than the limit of 1024") {
		t.Errorf("max_file_size not applied: %q", probs.Error())
	}
}

// TestAliasBomb expands a "billion laughs" document where the case's
// fields are walked (tags) and where they are decoded whole (params):
// both must fail fast instead of exhausting memory.
func TestAliasBomb(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	for _, field := range []string{"tags: *g", "params: {x: *g}"} {
		src := "---\ntitle: t\ndate: 2023-01-01\nregion: {city: c}\nstatus: planned\nparams:\n  " + strings.ReplaceAll(bomb, "\n", "\n  ") + "\n" + field + "\n---\n"
		if field == "params: {x: *g}" {
			src = "---\ntitle: t\ndate: 2023-01-01\nregion: {city: c}\nstatus: planned\ntags: [x]\nparams:\n  " + strings.ReplaceAll(bomb, "\n", "\n  ") + "x: *g\n---\n"
		}
		_, probs := load(t, map[string]string{"content/cases/a.md": src})
		t.Logf("%s: %v", field, probs)
		if !probs.HasErrors() {
			t.Errorf("%s: a 10-million-value alias bomb loaded without error", field)
		}
	}
}
