package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/guangdong-renovation/showcase/internal/browsertest"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// browser starts a headless Chromium for the test. It skips the test when
// there is none, unless the CI variable is set.
func browser(t *testing.T) context.Context {
	ctx := browsertest.Start(t)
	logConsole(t, ctx)
	return ctx
}

// logConsole logs what the pages of ctx print to the console.
func logConsole(t *testing.T, ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if ev, ok := ev.(*runtime.EventConsoleAPICalled); ok {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value))
			}
			t.Logf("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	})
}

// poll waits until the JavaScript expression is true in the page, across
// reloads.
func poll(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var ok bool
		ectx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := chromedp.Run(ectx, chromedp.Evaluate(expr, &ok))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			var page string
			chromedp.Run(ctx, chromedp.Evaluate(`location.href + " scrollY=" + window.scrollY + "\n" + document.body.innerText.slice(0, 300)`, &page))
			t.Fatalf("%s: not within 30s (last error: %v)\npage: %s", what, err, page)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// connected waits until the page's reload script has its event stream.
// A page that connects after a build it missed reloads rather than
// following the build's event, so the tests wait before changing files.
func connected(t *testing.T, ctx context.Context) {
	t.Helper()
	poll(t, ctx, "event stream connected", `window.__showcaseConnected === true`)
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	var v T
	if err := chromedp.Run(ctx, chromedp.Evaluate(expr, &v)); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// TestBrowser opens a served page in Chromium and edits the site on disk:
// the page follows by itself.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	files := sitetest.Site("https://example.org/sub/")
	css, err := os.ReadFile(filepath.Join(repo, "static", "css", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	// A tall page, to see the scroll position kept.
	files["static/css/site.css"] = string(css) + "\nbody { min-height: 6000px }\n"
	ts := start(t, files)

	if err := chromedp.Run(ctx, chromedp.Navigate(ts.URL()+"cases/c1/")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "page loaded", `document.body.innerText.includes("第1号小区的改造")`)
	connected(t, ctx)
	// window.marker tells whether the page was reloaded since.
	if y := eval[float64](t, ctx, `window.marker = 1; window.scrollTo({top: 1234, behavior: "instant"}); window.scrollY`); y != 1234 {
		t.Fatalf("scrolled to %v, want 1234", y)
	}

	t.Run("edit", func(t *testing.T) {
		ts.write(t, "content/cases/c1.md", strings.Replace(sitetest.Case(1, "江门市", "恩平市", "党建引领", "共同缔造"), "第1号小区的改造", "浏览器里看到的新文字", 1))
		poll(t, ctx, "edited text shown", `document.body.innerText.includes("浏览器里看到的新文字")`)
		if eval[bool](t, ctx, `window.marker === 1`) {
			t.Errorf("the page changed without a reload")
		}
		poll(t, ctx, "scroll position kept", `Math.abs(window.scrollY - 1234) < 2`)
	})

	t.Run("stylesheet", func(t *testing.T) {
		connected(t, ctx)
		eval[any](t, ctx, `window.marker = 2`)
		ts.write(t, "static/css/site.css", string(css)+"\nbody { min-height: 6000px; outline: 3px solid rgb(1, 2, 3) }\n")
		poll(t, ctx, "new stylesheet applied", `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
		if !eval[bool](t, ctx, `window.marker === 2`) {
			t.Errorf("a stylesheet change reloaded the page")
		}
		if n := eval[float64](t, ctx, `document.querySelectorAll('link[rel="stylesheet"]').length`); n != 1 {
			t.Errorf("%v stylesheets after the swap, want 1", n)
		}
	})

	t.Run("problems", func(t *testing.T) {
		connected(t, ctx)
		ts.write(t, "content/cases/c1.md", "---\ntitle: [坏的\n---\n")
		poll(t, ctx, "overlay shown", `(() => { const o = document.querySelector("showcase-problems"); return !!o && o.shadowRoot.textContent.includes("content/cases/c1.md:2:") })()`)
		if !eval[bool](t, ctx, `document.body.innerText.includes("浏览器里看到的新文字")`) {
			t.Errorf("the last good page is not shown under the overlay")
		}
		// A page opened while the site is broken shows the problems too.
		// It hides the first tab, which lets go of its event stream.
		other, cancel := chromedp.NewContext(ctx)
		defer cancel()
		if err := chromedp.Run(other, chromedp.Navigate(ts.URL()+"about/")); err != nil {
			t.Fatal(err)
		}
		poll(t, other, "overlay on a page opened while broken", `!!document.querySelector("showcase-problems")`)
		connected(t, other)
		t.Logf("first tab is %s", eval[string](t, ctx, `document.visibilityState`))

		ts.write(t, "content/cases/c1.md", strings.Replace(sitetest.Case(1, "江门市", "恩平市", "党建引领", "共同缔造"), "第1号小区的改造", "修好以后", 1))
		poll(t, other, "overlay gone on the other page", `!document.querySelector("showcase-problems")`)

		// Back to the first tab: it catches up.
		cancel()
		if err := chromedp.Run(ctx, page.BringToFront()); err != nil {
			t.Fatal(err)
		}
		poll(t, ctx, "fixed text shown", `document.body.innerText.includes("修好以后")`)
		poll(t, ctx, "overlay gone", `!document.querySelector("showcase-problems")`)
	})

	t.Run("deleted page", func(t *testing.T) {
		connected(t, ctx)
		if err := os.Remove(filepath.Join(ts.dir, "content", "cases", "c1.md")); err != nil {
			t.Fatal(err)
		}
		ts.write(t, "content/briefings/visit.md", "---\ntitle: 观摩\ndate: 2023-10-19\ncases: [c2]\nagenda: [{title: 参观, case: c2}]\n---\n介绍。\n")
		ts.write(t, "content/pages/about.md", "---\ntitle: 关于\n---\n关于本站。\n")
		poll(t, ctx, "sent to the parent page", `location.pathname === "/cases/"`)
	})
}
