package brief_test

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guangdong-renovation/showcase/internal/brief"
	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/qr/qrtest"
)

// The tests in this file print packs with a real headless Chromium and
// read the PDFs back with poppler (pdfinfo, pdftotext, pdffonts,
// pdftoppm). Without those programs they are skipped, unless the
// environment variable CI is set: then they fail, so that CI cannot pass
// without having run them. On Debian and Ubuntu:
//
//	apt-get install chromium fonts-noto-cjk poppler-utils

// needTools skips or fails the test when a program it needs is missing.
func needTools(t *testing.T) {
	t.Helper()
	missing := func(what string) {
		t.Helper()
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI is set, so this is an error: apt-get install chromium fonts-noto-cjk poppler-utils)", what)
		}
		t.Skipf("%s; skipping (apt-get install chromium fonts-noto-cjk poppler-utils)", what)
	}
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("prints with a real browser; skipped with -short")
	}
	if _, err := brief.FindBrowser(""); err != nil {
		missing(err.Error())
	}
	for _, p := range []string{"pdfinfo", "pdftotext", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(p); err != nil {
			missing(p + " is not installed (package poppler-utils)")
		}
	}
}

// poppler runs a poppler program and returns its output.
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// squeeze removes all white space: pdftotext puts spaces where the layout
// has them, between Chinese and digits (text-autospace) or table cells.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// pdfPage is what one printed page says.
type pdfPage struct {
	text  string // the text, as pdftotext reads it
	flat  string // the text without white space
	words []word
}

type word struct {
	xMin, xMax, yMin float64
	text             string
}

var (
	pageSizeRE = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)
	pagesRE    = regexp.MustCompile(`Pages:\s+(\d+)`)
	bboxPageRE = regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
)

// readPDF returns the page size in points and the pages of a PDF file.
func readPDF(t *testing.T, file string) (w, h float64, pages []pdfPage) {
	t.Helper()
	info := poppler(t, "pdfinfo", file)
	m := pageSizeRE.FindStringSubmatch(info)
	n := pagesRE.FindStringSubmatch(info)
	if m == nil || n == nil {
		t.Fatalf("pdfinfo:\n%s", info)
	}
	w, _ = strconv.ParseFloat(m[1], 64)
	h, _ = strconv.ParseFloat(m[2], 64)
	count, _ := strconv.Atoi(n[1])
	boxes := bboxPageRE.FindAllStringSubmatch(poppler(t, "pdftotext", "-bbox", file, "-"), -1)
	if len(boxes) != count {
		t.Fatalf("pdftotext -bbox read %d pages, pdfinfo says %d", len(boxes), count)
	}
	for i := 1; i <= count; i++ {
		txt := poppler(t, "pdftotext", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), file, "-")
		p := pdfPage{text: txt, flat: squeeze(txt)}
		for _, wm := range bboxWordRE.FindAllStringSubmatch(boxes[i-1][3], -1) {
			x0, _ := strconv.ParseFloat(wm[1], 64)
			y0, _ := strconv.ParseFloat(wm[2], 64)
			x1, _ := strconv.ParseFloat(wm[3], 64)
			p.words = append(p.words, word{x0, x1, y0, wm[4]})
		}
		pages = append(pages, p)
	}
	return w, h, pages
}

// scanPage renders page n of a PDF as a printer would and decodes the QR
// code on it.
func scanPage(t *testing.T, file string, n int) string {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	poppler(t, "pdftoppm", "-r", "200", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-singlefile", "-png", file, prefix)
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := qrtest.DecodeImage(img)
	if err != nil {
		t.Fatalf("no QR code scans on page %d: %v", n, err)
	}
	return got
}

// TestPrintPDF prints the example pack (A4, one case, agenda items
// without times) and the fixture's (A5, three cases, a base path) and
// checks the booklets page by page against the content.
func TestPrintPDF(t *testing.T) {
	needTools(t)
	for _, tc := range []struct {
		name, dir, slug, base string
		paper                 [2]float64 // points
	}{
		{"example", repo, examplePack, "https://example.org/", [2]float64{595, 842}},
		{"A5 fixture", "", "a5-visit", "https://example.org/showcase/", [2]float64{420, 595}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir
			if dir == "" {
				dir = writeSite(t, fixture())
			}
			b, cases := pack(t, load(t, dir), tc.slug)
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			res, err := brief.Print(ctx, brief.Options{SiteDir: dir, Theme: os.DirFS(repo), Slug: tc.slug})
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "brief.pdf")
			if err := os.WriteFile(file, res.PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			w, h, pages := readPDF(t, file)
			checkBooklet(t, file, b, cases, tc.base, res.Pages, w, h, tc.paper, pages)
		})
	}
}

func checkBooklet(t *testing.T, file string, b *content.Briefing, cases []*content.Case, base string,
	counted int, w, h float64, paper [2]float64, pages []pdfPage) {
	n := len(pages)
	if counted != n {
		t.Errorf("Result.Pages = %d, pdfinfo says %d", counted, n)
	}
	if abs(w-paper[0]) > 1 || abs(h-paper[1]) > 1 {
		t.Errorf("paper is %.0f × %.0f pt, want %.0f × %.0f", w, h, paper[0], paper[1])
	}
	// The cover, the programme and introduction when the pack has them, a
	// page per case at least, the figures side by side when a case has any.
	want := 1 + len(cases)
	if len(b.Agenda) > 0 || strings.TrimSpace(string(b.HTML)) != "" {
		want++
	}
	for _, c := range cases {
		if len(c.Figures.List()) > 0 {
			want++
			break
		}
	}
	if n < want {
		t.Errorf("%d pages, want at least %d: cover, programme, %d cases, figures", n, want, len(cases))
	}

	// The cover: the pack's facts, no running footer.
	cover := pages[0].flat
	for _, want := range []string{b.Title, b.Date.Format("2006年1月2日"), b.Place, b.Organizer} {
		if !strings.Contains(cover, squeeze(want)) {
			t.Errorf("the cover lacks %q:\n%s", want, pages[0].text)
		}
	}
	if strings.Contains(cover, fmt.Sprintf("1/%d", n)) {
		t.Error("the cover has a page number")
	}

	// Every other page: the running footer, and something above it.
	for i, p := range pages[1:] {
		no := i + 2
		footer := fmt.Sprintf("%d/%d", no, n)
		if !strings.Contains(p.flat, footer) || !strings.Contains(p.flat, squeeze(b.Title)) {
			t.Errorf("page %d has no running footer (%s and the title):\n%s", no, footer, p.text)
		}
		body := strings.Replace(strings.Replace(p.flat, footer, "", 1), squeeze(b.Title), "", 1)
		if len(body) < 10 {
			t.Errorf("page %d is blank but for its footer:\n%s", no, p.text)
		}
	}

	// The programme opens page 2, whole: every item on that page.
	if len(b.Agenda) > 0 {
		if !strings.HasPrefix(pages[1].flat, "活动安排") {
			t.Errorf("page 2 does not open with the programme:\n%s", pages[1].text)
		}
		for _, a := range b.Agenda {
			if !strings.Contains(pages[1].flat, squeeze(a.Title)) {
				t.Errorf("agenda item %q is not on page 2 with the rest of the programme", a.Title)
			}
		}
	}

	// Each case opens a new page, in order, with all its figures on it and
	// a QR code that scans back to its page on the site.
	last := 1
	for i, c := range cases {
		start := -1
		opening := fmt.Sprintf("观摩案例%d%s", i+1, squeeze(c.Title))
		for j, p := range pages {
			if strings.HasPrefix(p.flat, opening) {
				start = j
				break
			}
		}
		if start < 0 {
			t.Errorf("no page opens with case %d, %s", i+1, c.Title)
			continue
		}
		if start <= last {
			t.Errorf("case %d starts on page %d, not after page %d", i+1, start+1, last+1)
		}
		last = start
		for _, f := range c.Figures.List() {
			for _, want := range []string{squeeze(label(f.Name)), squeeze(fig(f.Name, f.Value))} {
				if !strings.Contains(pages[start].flat, want) {
					t.Errorf("page %d lacks %s's figure %s: no %q", start+1, c.Slug, f.Name, want)
				}
			}
		}
		if got, want := scanPage(t, file, start+1), base+"cases/"+c.Slug+"/"; got != want {
			t.Errorf("the QR code on page %d scans as %s, want %s", start+1, got, want)
		}
	}

	// The figures side by side come last, every case on one page.
	side := -1
	for j, p := range pages {
		if strings.HasPrefix(p.flat, "案例数字对照") {
			side = j
		}
	}
	if side <= last {
		t.Errorf("the figures side by side start on page %d, not after the last case (page %d)", side+1, last+1)
	} else {
		for _, c := range cases {
			if !strings.Contains(pages[side].flat, squeeze(c.Title)) {
				t.Errorf("page %d lacks %s in the figures side by side", side+1, c.Title)
			}
			for _, f := range c.Figures.List() {
				// A narrow column may put the unit under the number.
				for _, part := range figParts(f.Name, f.Value) {
					if !strings.Contains(pages[side].flat, squeeze(part)) {
						t.Errorf("page %d lacks %s's %s %s", side+1, c.Slug, f.Name, fig(f.Name, f.Value))
					}
				}
			}
		}
	}

	// Nothing is cut at the margins, and the layout is not shrunk to fit
	// something too wide: the text keeps within margins as wide as the
	// left one, and justified paragraphs reach the right one.
	// (The running footer, in the bottom tenth of the page, is not
	// shrunk with the rest, so the second check leaves it out.)
	left, right, rightBody := w, 0.0, 0.0
	for _, p := range pages {
		for _, wd := range p.words {
			left = min(left, wd.xMin)
			right = max(right, wd.xMax)
			if wd.yMin < 0.9*h {
				rightBody = max(rightBody, wd.xMax)
			}
		}
	}
	if right > w-left {
		for i, p := range pages {
			for _, wd := range p.words {
				// A full-width closing mark at the end of a line may be set in
				// half its width (text-spacing-trim), its ink in the half
				// that fits; pdftotext counts the whole width.
				slack := 1.0
				if strings.ContainsAny(lastRune(wd.text), "）。，、；：」』”’》〉】") {
					slack = 7
				}
				if wd.xMax > w-left+slack {
					t.Errorf("page %d: %q reaches %.1f pt, beyond the right margin at %.1f pt (left margin %.1f pt)", i+1, wd.text, wd.xMax, w-left, left)
				}
			}
		}
	}
	if rightBody < w-left-12 {
		t.Errorf("text ends at %.1f pt, well before the right margin at %.1f pt: the page was shrunk to fit", rightBody, w-left)
	}

	// Chinese lines break where Chinese typesetting allows: no line starts
	// with a closing mark or ends with an opening one (避头尾).
	for i, p := range pages {
		for _, line := range strings.Split(p.text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			first, last := []rune(line)[0], lastRune(line)
			if strings.ContainsRune("，。、；：？！）》」』”’", first) || strings.ContainsAny(last, "（《「『“‘") {
				t.Errorf("page %d: a line breaks at a punctuation mark: %q", i+1, line)
			}
		}
	}

	// Chinese text needs a Chinese font: the text above was read back from
	// the glyphs, and the PDF must embed the fonts it uses. (Chromium
	// embeds the OpenType fonts of fonts-noto-cjk as unnamed Type 3
	// fonts, so the fonts' names say nothing.)
	if fonts := strings.Count(poppler(t, "pdffonts", file), "\n") - 2; fonts < 1 {
		t.Error("the PDF embeds no fonts")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}
