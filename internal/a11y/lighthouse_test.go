package a11y

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLighthouse runs Lighthouse (npm lighthouse@12.2.3, mobile, its
// default settings) on the example site's case page, home page and search
// page, served with gzip like a real host, and prints the four scores. It
// needs the environment variable LIGHTHOUSE, the path of the lighthouse
// command; it is not run otherwise (nor in CI):
//
//	npm i -E --prefix ~/.cache/showcase-lighthouse lighthouse@12.2.3
//	LIGHTHOUSE=~/.cache/showcase-lighthouse/node_modules/.bin/lighthouse \
//	  go test -run TestLighthouse -v ./internal/a11y/
//
// Accessibility, best practices and SEO must be 100. Performance is
// printed only: Lighthouse simulates a slow phone from the speed of the
// machine, so a busy machine scores lower.
func TestLighthouse(t *testing.T) {
	lh := os.Getenv("LIGHTHOUSE")
	if lh == "" {
		t.Skip("set LIGHTHOUSE to the lighthouse command to run it")
	}
	chrome := chromiumPath(t)
	out := build(t, "../..")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: gzipped(http.FileServer(http.Dir(out)))}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	reports := t.TempDir()
	if d := os.Getenv("A11Y_SHOTS"); d != "" {
		reports = d
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []struct{ name, path string }{
		{"case", "/cases/enping/"},
		{"home", "/"},
		{"search", "/search/"},
	} {
		report := filepath.Join(reports, "lighthouse-"+p.name)
		cmd := exec.Command(lh, base+p.path, "--quiet",
			"--chrome-flags=--headless --no-sandbox --disable-gpu",
			"--only-categories=performance,accessibility,best-practices,seo",
			"--output=json", "--output=html", "--output-path="+report)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
		start := time.Now()
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lighthouse %s: %v\n%s", p.path, err, msg)
		}
		var r struct {
			Categories map[string]struct {
				Score     float64
				AuditRefs []struct {
					ID     string
					Weight float64
				}
			}
			Audits map[string]struct {
				Title        string
				Score        *float64
				DisplayValue string
			}
			Environment struct{ BenchmarkIndex float64 }
		}
		b, err := os.ReadFile(report + ".report.json")
		if err == nil {
			err = json.Unmarshal(b, &r)
		}
		if err != nil {
			t.Fatal(err)
		}
		var scores []string
		for _, c := range []string{"performance", "accessibility", "best-practices", "seo"} {
			score := int(r.Categories[c].Score*100 + 0.5)
			scores = append(scores, fmt.Sprintf("%s %d", c, score))
			for _, a := range r.Categories[c].AuditRefs {
				au := r.Audits[a.ID]
				if au.Score != nil && *au.Score < 1 && (a.Weight > 0 || c != "performance") {
					t.Logf("  %s: %s %s (%.2f)", c, au.Title, au.DisplayValue, *au.Score)
				}
			}
			if c != "performance" && score != 100 {
				t.Errorf("%s: %s %d, want 100", p.path, c, score)
			}
		}
		t.Logf("%s: %s (benchmark index %.0f, %v; report %s.report.html)", p.path, strings.Join(scores, ", "),
			r.Environment.BenchmarkIndex, time.Since(start).Round(time.Second), report)
	}
}

// gzipped compresses text responses, as a web host does.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		ext := filepath.Ext(r.URL.Path)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || ext == ".png" || ext == ".jpg" || ext == ".bin" {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		z := gzip.NewWriter(w)
		defer z.Close()
		h.ServeHTTP(gzipWriter{w, z}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	z *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.z.Write(b) }

func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}
