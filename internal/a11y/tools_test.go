package a11y

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/guangdong-renovation/showcase/internal/brief"
	"github.com/guangdong-renovation/showcase/internal/browsertest"
	"github.com/guangdong-renovation/showcase/internal/site"
)

// missing skips the test when a tool is not installed, or fails it in CI
// (env CI set), where .ci/run installs every tool.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// toolsDir is where .ci/run installs the npm packages the tests use:
// $SHOWCASE_TOOLS, or $XDG_CACHE_HOME/showcase-tools, or
// ~/.cache/showcase-tools.
func toolsDir() string {
	if d := os.Getenv("SHOWCASE_TOOLS"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "showcase-tools")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".cache", "showcase-tools")
	}
	return ""
}

// findTool returns the file named by the environment variable env, or
// else rel under toolsDir, or "" when neither exists.
func findTool(env, rel string) string {
	for _, p := range []string{os.Getenv(env), filepath.Join(toolsDir(), rel)} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// axeSource returns the text of axe.min.js.
func axeSource(t *testing.T) string {
	t.Helper()
	p := findTool("AXE_CORE_JS", "node_modules/axe-core/axe.min.js")
	if p == "" {
		missing(t, "axe-core is not installed: npm install --prefix %s axe-core@4.10.3, or set AXE_CORE_JS to its axe.min.js", toolsDir())
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// chromiumPath finds Chromium as `showcase brief` does.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p, err := brief.FindBrowser("")
	if err != nil {
		missing(t, "%v", err)
	}
	return p
}

// browser starts a headless Chromium with a fresh profile for the test and
// returns the context of its first tab.
func browser(t *testing.T) context.Context {
	return browsertest.Start(t, chromedp.Flag("hide-scrollbars", false))
}

// build builds the site in dir with the repository's theme into a new
// folder and returns the folder.
func build(t *testing.T, dir string) string {
	out, _ := buildKinds(t, dir)
	return out
}

// buildKinds is build that also returns the kinds of page it wrote.
func buildKinds(t *testing.T, dir string) (string, map[string]int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := site.Build(ctx, site.Options{SiteDir: dir, Theme: os.DirFS("../.."), Out: out})
	if err != nil {
		t.Fatalf("building %s: %v", dir, err)
	}
	return out, res.Pages
}

// serve serves the folder on 127.0.0.1 and returns its root URL, without
// the final slash.
func serve(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// run runs the actions with a time limit.
func run(ctx context.Context, limit time.Duration, actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// eval evaluates a JavaScript expression, awaiting it when it is a
// promise, into v.
func eval(ctx context.Context, expr string, v any) error {
	return run(ctx, time.Minute, chromedp.Evaluate(expr, v, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// waitFor polls the JavaScript expression until it is true.
func waitFor(ctx context.Context, what, expr string) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		var ok bool
		err := eval(ctx, expr, &ok)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: not within 15s (%v)", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// indent indents every line of s by two spaces.
func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}
