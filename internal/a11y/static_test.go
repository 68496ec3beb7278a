package a11y

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// maxCaseWeight is the most the HTML, CSS and JavaScript of a case page may
// weigh together, gzip-compressed, images aside.
const maxCaseWeight = 50_000

// TestCaseWeight checks that a case page with everything it loads (its
// stylesheets and scripts, images aside) is under 50 kB compressed, and
// that it loads nothing that holds up the first paint but its CSS.
func TestCaseWeight(t *testing.T) {
	for name, dir := range map[string]string{"example": "../..", "fixture": writeFixture(t)} {
		out := build(t, dir)
		for _, page := range []string{"cases/enping/index.html", "cases/xiguan/index.html", "en/cases/xiguan/index.html"} {
			file := filepath.Join(out, filepath.FromSlash(page))
			if _, err := os.Stat(file); err != nil {
				continue
			}
			doc := read(t, file)
			total := gzipSize(t, doc)
			parts := []string{page + " " + kB(total)}
			for _, ref := range subresources(t, doc) {
				if ref.blocking {
					t.Errorf("%s: %s holds up the first paint (a script without defer or async)", page, ref.url)
				}
				n := gzipSize(t, read(t, filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(ref.url, "/")))))
				total += n
				parts = append(parts, ref.url+" "+kB(n))
			}
			t.Logf("%s %s: %s gzipped (%s)", name, page, kB(total), strings.Join(parts, ", "))
			if total >= maxCaseWeight {
				t.Errorf("%s %s: HTML, CSS and JavaScript weigh %d bytes gzipped, want under %d", name, page, total, maxCaseWeight)
			}
		}
	}
}

type subresource struct {
	url      string
	blocking bool // a script that stops the parser
}

// subresources lists the stylesheets and scripts of the site that a page
// loads.
func subresources(t *testing.T, doc []byte) []subresource {
	t.Helper()
	var refs []subresource
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return refs
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		attr := map[string]string{}
		has := map[string]bool{}
		for _, a := range tok.Attr {
			attr[a.Key] = a.Val
			has[a.Key] = true
		}
		switch {
		case tok.Data == "link" && strings.Contains(" "+attr["rel"]+" ", " stylesheet "):
			refs = append(refs, subresource{url: attr["href"]})
		case tok.Data == "script" && has["src"]:
			refs = append(refs, subresource{url: attr["src"], blocking: !has["defer"] && !has["async"] && attr["type"] != "module"})
		}
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func kB(n int) string { return fmt.Sprintf("%.1f kB", float64(n)/1000) }

// TestValidHTML checks every page of both sites, and the theme's CSS and
// SVG, with the Nu Html Checker (npm's vnu-jar, on Java), in one run.
func TestValidHTML(t *testing.T) {
	jar := findTool("VNU_JAR", "node_modules/vnu-jar/build/dist/vnu.jar")
	if jar == "" {
		missing(t, "the Nu Html Checker is not installed: npm install --prefix %s vnu-jar@26.9.27, or set VNU_JAR to its vnu.jar", toolsDir())
	}
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java is not installed (apt-get install -y default-jre-headless)")
	}
	example := build(t, "../..")
	fixture := build(t, writeFixture(t))
	start := time.Now()
	cmd := exec.Command(java, "-Xss8m", "-jar", jar, "--skip-non-html", "--also-check-css", "--also-check-svg", "--format", "gnu", example, fixture)
	out, err := cmd.CombinedOutput()
	t.Logf("vnu took %v", time.Since(start).Round(time.Millisecond))
	msgs := strings.TrimSpace(string(out))
	msgs = strings.NewReplacer(`"file:`+example, "example:", `"file:`+fixture, "fixture:").Replace(msgs)
	msgs = regexp.MustCompile(`(?m)^(\S+?)":`).ReplaceAllString(msgs, "$1:")
	if msgs != "" {
		t.Errorf("the Nu Html Checker reports:\n%s", msgs)
	}
	if err != nil && msgs == "" {
		t.Errorf("vnu: %v", err)
	}
}
