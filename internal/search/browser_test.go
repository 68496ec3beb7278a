package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/guangdong-renovation/showcase/internal/browsertest"
	"github.com/guangdong-renovation/showcase/internal/search"
)

// The browser tests drive headless Chromium over the built site, served
// on 127.0.0.1. Without Chromium they are skipped, except on CI (the
// environment variable CI set), where that is a failure.

// browser starts Chromium with a fresh profile and returns a tab; each
// tab(ctx) after that opens another tab of the same browser.
func browser(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(browsertest.Start(t), 3*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// tab opens a new tab in the browser of ctx.
func tab(t *testing.T, ctx context.Context) context.Context {
	ctx, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	return ctx
}

// serve serves the output folder on 127.0.0.1.
func serve(t *testing.T, out string) string {
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv.URL
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func eval(t *testing.T, ctx context.Context, js string, res any) {
	t.Helper()
	err := chromedp.Run(ctx, chromedp.Evaluate(js, res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
}

// results waits until the search has finished (its status is not "searching"
// and cond holds of the result links) and returns the links.
func results(t *testing.T, ctx context.Context, what string, cond func([]string) bool) []string {
	t.Helper()
	const js = `(function () {
		var s = document.getElementById('search-status');
		if (!s || !s.textContent || s.textContent === document.getElementById('search-text').getAttribute('data-searching')) { return null; }
		return Array.prototype.map.call(document.querySelectorAll('#search-results li h2 a'), function (a) { return a.getAttribute('href'); });
	})()`
	var links []string
	deadline := time.Now().Add(15 * time.Second)
	for {
		links = nil
		var raw []byte
		eval(t, ctx, js, &raw)
		if string(raw) != "null" {
			if err := json.Unmarshal(raw, &links); err != nil {
				t.Fatal(err)
			}
			if cond(links) {
				return links
			}
		}
		if time.Now().After(deadline) {
			var status string
			eval(t, ctx, `document.getElementById('search-status').textContent`, &status)
			t.Fatalf("%s: timed out; results %q, status %q", what, links, status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// linksWork fetches every result link on the page and fails unless each
// answers 200.
func linksWork(t *testing.T, ctx context.Context) {
	t.Helper()
	var got map[string]int
	eval(t, ctx, `Promise.all(Array.prototype.map.call(document.querySelectorAll('#search-results a'), function (a) {
		return fetch(a.href).then(function (r) { return [a.getAttribute('href'), r.status]; });
	})).then(function (l) { var m = {}; l.forEach(function (x) { m[x[0]] = x[1]; }); return m; })`, &got)
	if len(got) == 0 {
		t.Error("no result links")
	}
	for href, status := range got {
		if status != http.StatusOK {
			t.Errorf("result link %s: HTTP %d", href, status)
		}
	}
}

func first(want string) func([]string) bool {
	return func(l []string) bool { return len(l) > 0 && l[0] == want }
}

// TestBrowser runs the browser tests in one browser.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	t.Run("example", func(t *testing.T) { testExample(t, tab(t, ctx)) })
	t.Run("escapes", func(t *testing.T) { testEscapes(t, tab(t, ctx)) })
	t.Run("without script", func(t *testing.T) { testWithoutScript(t, tab(t, ctx)) })
}

// testExample opens the example site's search from a link, types a
// query, applies a filter, and compares the script's tokenizer and
// ranking with the Go engine's.
func testExample(t *testing.T, ctx context.Context) {
	out := buildSite(t, repo)
	base := serve(t, out)

	// A shared link.
	run(t, ctx, chromedp.Navigate(base+"/search/?q="+url.QueryEscape("恩平")))
	results(t, ctx, "link ?q=恩平", first("/cases/enping/"))
	linksWork(t, ctx)
	var value string
	eval(t, ctx, `document.getElementById('search-q').value`, &value)
	if value != "恩平" {
		t.Errorf("search box holds %q, want 恩平", value)
	}

	// Typing updates the results and the URL.
	eval(t, ctx, `document.getElementById('search-q').value = ''`, new(string))
	run(t, ctx, chromedp.SendKeys("#search-q", "党建引领"))
	var loc string
	results(t, ctx, "typed 党建引领", func(l []string) bool {
		eval(t, ctx, `decodeURIComponent(location.search)`, &loc)
		return loc == "?q=党建引领" && len(l) > 0 && l[0] == "/practices/party-building/"
	})

	// A filter narrows the results to cases under construction.
	eval(t, ctx, `(function () { var s = document.querySelector('select[name=status]'); s.value = 'under-construction'; s.dispatchEvent(new Event('change')); return true; })()`, new(bool))
	links := results(t, ctx, "filter status", func(l []string) bool { return len(l) == 1 })
	if links[0] != "/cases/enping/" {
		t.Errorf("with the status filter: %q, want only /cases/enping/", links)
	}
	eval(t, ctx, `decodeURIComponent(location.search)`, &loc)
	if !strings.Contains(loc, "status=under-construction") {
		t.Errorf("URL query %q lacks the filter", loc)
	}
	var marked []string
	eval(t, ctx, `Array.prototype.map.call(document.querySelectorAll('#search-results mark'), function (m) { return m.textContent; })`, &marked)
	if len(marked) == 0 || marked[0] != "党建引领" {
		t.Errorf("highlighted %q, want 党建引领", marked)
	}

	// The search box in the header of every page leads here.
	run(t, ctx, chromedp.Navigate(base+"/cases/enping/"), chromedp.SendKeys("#site-q", "东门金融街\n"))
	results(t, ctx, "header box", first("/cases/enping/"))
	eval(t, ctx, `decodeURIComponent(location.pathname + location.search)`, &loc)
	if loc != "/search/?q=东门金融街" {
		t.Errorf("the header box went to %s", loc)
	}

	// The script and the Go engine agree.
	e := openIndex(t, out)
	for _, q := range []search.Query{
		{Text: "恩平"}, {Text: "东门金融街"}, {Text: "金融街"}, {Text: "改"}, {Text: "EPCO"}, {Text: "2023"},
		{Text: "三线整治"}, {Text: "恩平东门改造项目"}, {Text: "老旧小区 党建"}, {Practice: "共同缔造"},
		{Text: "小区", City: "江门市", Status: "under-construction"},
	} {
		hits, err := e.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		want := []int{}
		for _, h := range hits {
			want = append(want, h.Doc)
		}
		b, _ := json.Marshal(map[string]string{"text": q.Text, "city": q.City, "practice": q.Practice, "status": q.Status})
		var got []int
		eval(t, ctx, fmt.Sprintf(`showcaseSearch.search(%s).then(function (h) { return Array.prototype.slice.call(h); })`, b), &got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: search.js ranks %v, Go %v", q, got, want)
		}
	}
	for _, v := range []string{"江门市", `"><img src=x>`, "100%&<>"} {
		var got string
		eval(t, ctx, fmt.Sprintf(`showcaseSearch.filterKey("city:", %q)`, v), &got)
		if want := search.FilterKey(search.CityKey, v); got != want {
			t.Errorf("filter key of %q: search.js %q, Go %q", v, got, want)
		}
	}
	var tok search.Tokenizer
	for _, s := range []string{
		"加装电梯", "ＥＰＣＯ模式 8.25亿元", "Café,CAFÉ Ωμέγα Москва", "第4批280幢。1,420,000户", "v2.0. 3.14.15",
		"𠀀𠀁〇一", "カタカナ한국어", strings.Repeat("长", 40) + " " + strings.Repeat("ab", 20), "a\u00a0b\u3000c", "\ud7ff\ue000",
	} {
		var keys []string
		eval(t, ctx, fmt.Sprintf(`showcaseSearch.keys(%q)`, s), &keys)
		if want := tok.Keys(s); !reflect.DeepEqual(keys, want) && !(len(keys) == 0 && len(want) == 0) {
			t.Errorf("keys of %q: search.js %q, Go %q", s, keys, want)
		}
		var groups []search.Group
		eval(t, ctx, fmt.Sprintf(`showcaseSearch.groups(%q).map(function (g) { return {Text: g.text, Keys: g.keys}; })`, s), &groups)
		if want := tok.Groups(s); !reflect.DeepEqual(groups, want) && !(len(groups) == 0 && len(want) == 0) {
			t.Errorf("groups of %q: search.js %q, Go %q", s, groups, want)
		}
	}
}

// testEscapes checks that a title with HTML in it shows as text.
func testEscapes(t *testing.T, ctx context.Context) {
	base := serve(t, buildSite(t, "testdata/site"))
	run(t, ctx, chromedp.Navigate(base+"/search/?q=onerror"))
	results(t, ctx, "q=onerror", first("/cases/xss/"))
	var title string
	var imgs int
	eval(t, ctx, `document.querySelector('#search-results h2 a').textContent`, &title)
	eval(t, ctx, `document.querySelectorAll('#search-results img, #search-results b').length`, &imgs)
	if title != "<img src=x onerror=alert(1)>小区" || imgs != 0 {
		t.Errorf("title shows as %q with %d elements inside the results", title, imgs)
	}
	linksWork(t, ctx)

	// A practice named by cases but without a text file has its name as
	// its slug: its link must work too.
	run(t, ctx, chromedp.Navigate(base+"/search/?q="+url.QueryEscape("共同缔造")))
	results(t, ctx, "q=共同缔造", first("/practices/"+url.PathEscape("共同缔造")+"/"))
	linksWork(t, ctx)
}

// testWithoutScript checks what the search page says with JavaScript
// off.
func testWithoutScript(t *testing.T, ctx context.Context) {
	base := serve(t, buildSite(t, repo))
	var text string
	var links []string
	run(t, ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"/search/?q="+url.QueryEscape("恩平")),
		chromedp.Text("main", &text),
	)
	// With scripts off, the <noscript> content is part of the page.
	eval(t, ctx, `Array.prototype.map.call(document.querySelectorAll('main noscript a'), function (a) { return a.getAttribute('href'); })`, &links)
	if !strings.Contains(text, "JavaScript") || !reflect.DeepEqual(links, []string{"/cases/", "/regions/"}) {
		t.Errorf("without JavaScript the page says %q and links to %q; want a word on JavaScript and links to /cases/ and /regions/", text, links)
	}
}

// TestBrowserLarge times the search page on the index of a generated
// 10,000-case site (see the benchmarks; SHOWCASE_BENCH_SITE must be set)
// with the CPU slowed down four times, as for a mid-range phone: the
// milliseconds from the arrival of the files to the results on the page.
func TestBrowserLarge(t *testing.T) {
	if os.Getenv("SHOWCASE_BENCH_SITE") == "" {
		t.Skip("set SHOWCASE_BENCH_SITE to a folder for the generated site (see bench_test.go)")
	}
	docs := benchDocs(t)
	out := buildSite(t, repo) // for the search page and its script
	l := search.NewLayout(docs, "large")
	dir := filepath.Join(out, "search")
	for _, sub := range []string{"t", "f"} {
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	for name, b := range buildAll(docs, l) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	attrs := regexp.MustCompile(`data-version="[^"]*"\s+data-docs="\d+" data-shards="\d+" data-group="\d+"`)
	page = attrs.ReplaceAll(page, []byte(fmt.Sprintf(`data-version="%s" data-docs="%d" data-shards="%d" data-group="%d"`, l.Version, l.Docs, l.Shards, l.Group)))
	os.WriteFile(filepath.Join(dir, "index.html"), page, 0o644)
	base := serve(t, out)

	ctx := browser(t)
	for _, q := range []string{"加装电梯", "恩平", "东门", "三线整治", "梯", "惠州市 共同缔造", "恩平市东门金融街改造项目"} {
		// The best of three fresh tabs: the first search of a page runs
		// cold code, as a reader's does; the best of three leaves out
		// what other programs on the machine cost.
		best, kB := 1e9, 0
		for range 3 {
			ctx := tab(t, ctx)
			run(t, ctx, emulation.SetCPUThrottlingRate(4), chromedp.Navigate(base+"/search/?q="+url.QueryEscape(q)))
			results(t, ctx, q, func(l []string) bool { return len(l) > 0 })
			var m struct {
				Timing struct{ Rank, Render float64 }
				Bytes  int
			}
			eval(t, ctx, `({timing: showcaseSearch.timing(), bytes: showcaseSearch.bytes()})`, &m)
			best, kB = min(best, m.Timing.Rank+m.Timing.Render), m.Bytes/1000
		}
		t.Logf("%-14s %5.1f ms from the files to the results shown (CPU slowed 4x, best of 3); %d kB fetched before gzip", q, best, kB)
		// The budget is 100 ms on a mid-range phone. Wall time in a
		// browser depends on what else the machine runs (on a shared
		// 2-core machine it was several times the CPU time), so only a
		// gross regression fails the test.
		if best > 500 {
			t.Errorf("%s: %.0f ms after the files came; the budget is 100", q, best)
		}
	}
}
