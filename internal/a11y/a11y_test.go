package a11y

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// elderKey is the localStorage key under which static/js/site.js
// remembers the elder-friendly mode ("1" when on).
const elderKey = "showcase-elder"

// target is one page to check.
type target struct {
	name    string
	site    string // "example" or "fixture"
	path    string // with the query, if any
	search  bool   // the search page: wait for search.js to answer
	desktop bool   // checked at desktop width too
	// extra: not the one page of its kind that every mode checks, but a
	// page with other content or features, checked in the light modes.
	extra bool
	// ogImage: the page's case has an image, so the page must have an
	// og:image.
	ogImage bool
	// wideTable: the page has a table wider than a phone, which must
	// scroll inside its own box and be reachable by keyboard.
	wideTable bool
}

// targets has one page of every kind, most from the fixture, which has
// every feature, and extra pages with other content: the example site's
// long case with a wide table and its real briefing, a translated case and
// page, a practice without text, the first page of a list, a county.
var targets = []target{
	{name: "home", site: "example", path: "/", desktop: true, extra: true},
	{name: "case", site: "example", path: "/cases/enping/", desktop: true, extra: true},
	{name: "practices", site: "example", path: "/practices/"},
	{name: "practice", site: "example", path: "/practices/co-creation/"},
	{name: "briefing", site: "example", path: "/briefings/2023-enping-site-visit/", desktop: true, extra: true},
	{name: "search-results", site: "example", path: "/search/?q=" + url.QueryEscape("恩平"), search: true, desktop: true},
	{name: "page", site: "example", path: "/about/"},
	{name: "404", site: "example", path: "/404.html"},

	{name: "fixture-home", site: "fixture", path: "/"},
	{name: "fixture-cases-1", site: "fixture", path: "/cases/", extra: true},
	{name: "fixture-cases-2", site: "fixture", path: "/cases/page/2/", desktop: true},
	{name: "fixture-case-gallery", site: "fixture", path: "/cases/xiguan/", ogImage: true, wideTable: true, desktop: true},
	{name: "fixture-case-en", site: "fixture", path: "/en/cases/xiguan/", ogImage: true, extra: true},
	{name: "fixture-practice-no-text", site: "fixture", path: "/practices/加装电梯/", extra: true},
	{name: "fixture-regions", site: "fixture", path: "/regions/"},
	{name: "fixture-region-city-page-2", site: "fixture", path: "/regions/样板市/page/2/"},
	{name: "fixture-region-county", site: "fixture", path: "/regions/样板市/荔湾区/", extra: true},
	{name: "fixture-scope", site: "fixture", path: "/scopes/基础类/"},
	{name: "fixture-briefings", site: "fixture", path: "/briefings/"},
	{name: "fixture-briefing", site: "fixture", path: "/briefings/visit/"},
	{name: "fixture-page-en", site: "fixture", path: "/en/about/", extra: true},
	{name: "fixture-search-empty", site: "fixture", path: "/search/", search: true, extra: true},
}

// caseTarget and fixtureCase are the case pages of targets.
var caseTarget, fixtureCase = targets[1], targets[11]

// mode is one way of viewing the site.
type mode struct {
	name   string
	width  int64
	elder  bool
	dark   bool
	mobile bool
	few    bool // only the targets marked desktop
	main   bool // only the targets not marked extra
}

var modes = []mode{
	{name: "default-320", width: 320, mobile: true},
	{name: "elder-320", width: 320, mobile: true, elder: true},
	{name: "dark-375", width: 375, mobile: true, dark: true, main: true},
	{name: "elder-dark-375", width: 375, mobile: true, elder: true, dark: true, main: true},
	{name: "default-1280", width: 1280, few: true},
}

// wcag are the axe-core tags of WCAG 2.1 level A and AA.
var wcag = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// extraRules are axe-core rules outside those tags that the theme keeps
// too: landmarks, one h1, a working skip link, sensible headings, and
// targets of at least 24 px (WCAG 2.2).
var extraRules = []string{
	"landmark-one-main", "landmark-unique", "landmark-no-duplicate-banner",
	"landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main",
	"landmark-banner-is-top-level", "landmark-contentinfo-is-top-level",
	"landmark-main-is-top-level", "landmark-complementary-is-top-level",
	"region", "page-has-heading-one", "heading-order", "empty-heading",
	"skip-link", "image-redundant-alt", "target-size",
}

// served is a built site being served.
type served struct {
	dir, url string
}

// env is what the checks share: the browser, the two sites, axe-core.
type env struct {
	ctx   context.Context
	sites map[string]served
	axe   string
	kinds map[string]bool // the kinds of page the two builds wrote
}

func (e *env) url(tg target) string { return e.sites[tg.site].url + tg.path }

func setup(t *testing.T) *env {
	t.Helper()
	axe := axeSource(t)
	ctx := browser(t)
	e := &env{ctx: ctx, axe: axe, sites: map[string]served{}, kinds: map[string]bool{}}
	for name, dir := range map[string]string{"example": "../..", "fixture": writeFixture(t)} {
		out, kinds := buildKinds(t, dir)
		e.sites[name] = served{dir: out, url: serve(t, out)}
		for k := range kinds {
			e.kinds[k] = true
		}
	}
	return e
}

// TestPages opens one page of every kind in headless Chromium and checks it
// in each mode (default and elder-friendly at 320 px, both again in dark
// mode at 375 px without the extra pages, default at 1280 px for a few):
//   - axe-core finds no violation of WCAG 2.1 A and AA, nor of the
//     landmark, heading, skip-link and 24 px target rules; in the
//     elder-friendly mode contrast is checked against 7:1;
//   - nothing scrolls sideways, nothing shifts while loading, every img
//     has width and height;
//   - (default mode) a title, description, canonical URL, Open Graph tags
//     (og:image for a case with images), favicon and language; one h1 and
//     one main; the first Tab reaches a visible skip link to main; the
//     scripts move nothing that the first screen shows;
//   - (elder-friendly mode) text at least 1.25 times larger, and links and
//     buttons of the navigation, the switch, the pager and other controls
//     at least 48 × 48 px.
//
// It also uses the elder-friendly switch as a reader would (toggle) and
// checks the printed case (print). With -short, the dark and desktop
// modes are left out.
func TestPages(t *testing.T) {
	e := setup(t)
	t.Run("toggle", e.checkToggle)
	t.Run("print", e.checkPrint)
	seen, checked := map[string]bool{}, 0 // kinds of page, pages in default-320
	for _, m := range modes {
		if testing.Short() && (m.dark || m.few) {
			continue
		}
		t.Run(m.name, func(t *testing.T) {
			if err := e.setMode(m); err != nil {
				t.Fatal(err)
			}
			for _, tg := range targets {
				if m.few && !tg.desktop || m.main && tg.extra {
					continue
				}
				t.Run(tg.name, func(t *testing.T) {
					if err := e.open(tg, m.elder); err != nil {
						t.Fatal(err)
					}
					e.checkAxe(t, m)
					e.checkLayout(t, m)
					if tg.wideTable && m.width < 400 {
						e.checkWideTable(t)
					}
					if m.name == "default-320" {
						seen[e.checkHead(t, tg)] = true
						checked++
						e.checkFocus(t)
						e.checkStill(t, tg)
					}
					if m.elder {
						e.checkElder(t)
					}
				})
			}
		})
	}
	if checked < len(targets) {
		return // go test -run left some out
	}
	for k := range e.kinds {
		if !seen[k] {
			t.Errorf("no page of kind %q was checked: add one to targets", k)
		}
	}
}

// setMode sets the viewport and the colour scheme.
func (e *env) setMode(m mode) error {
	scheme := "light"
	if m.dark {
		scheme = "dark"
	}
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if m.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	return run(e.ctx, 30*time.Second,
		chromedp.EmulateViewport(m.width, 800, opts...),
		emulation.SetEmulatedMedia().WithMedia("").WithFeatures([]*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: scheme},
			{Name: "prefers-reduced-motion", Value: "no-preference"},
		}),
	)
}

// open loads the page with the elder-friendly mode on or off the way
// site.js remembers it, and waits until it is ready.
func (e *env) open(tg target, elder bool) error {
	if err := run(e.ctx, 30*time.Second, chromedp.Navigate(e.url(tg))); err != nil {
		return fmt.Errorf("opening %s: %v", e.url(tg), err)
	}
	var on bool
	if err := eval(e.ctx, `document.documentElement.classList.contains('elder')`, &on); err != nil {
		return err
	}
	if on != elder {
		set := fmt.Sprintf(`localStorage.removeItem(%q)`, elderKey)
		if elder {
			set = fmt.Sprintf(`localStorage.setItem(%q, '1')`, elderKey)
		}
		if err := run(e.ctx, 30*time.Second, chromedp.Evaluate(set, nil), chromedp.Reload()); err != nil {
			return err
		}
	}
	want := fmt.Sprintf(`document.readyState === 'complete' && document.documentElement.classList.contains('elder') === %v`, elder)
	if err := waitFor(e.ctx, "the page's mode", want); err != nil {
		return err
	}
	if tg.search {
		// search.js says something in the status line once it has
		// answered: a hint, the number of results, or an error.
		if err := waitFor(e.ctx, "search.js", `(function(){var s=document.getElementById('search-status');return !!s&&s.textContent.trim()!==''&&!/…|\.\.\./.test(s.textContent)})()`); err != nil {
			return err
		}
	}
	// Fonts loaded, and a frame drawn for what site.js does after the
	// first paint.
	var ok bool
	return eval(e.ctx, `document.fonts.ready.then(function () {
	return new Promise(function (resolve) {
		requestAnimationFrame(function () { setTimeout(function () { resolve(true); }, 50); });
	});
})`, &ok)
}

// violation is an axe-core result, cut down to what a reader needs.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"url"`
	Nodes  []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page. In the elder-friendly mode it checks
// contrast against 7:1 (color-contrast-enhanced, WCAG AAA) instead of
// 4.5:1.
func (e *env) checkAxe(t *testing.T, m mode) {
	t.Helper()
	var loaded bool
	if err := eval(e.ctx, `typeof axe === 'object'`, &loaded); err != nil {
		t.Fatal(err)
	}
	if !loaded {
		if err := run(e.ctx, time.Minute, chromedp.Evaluate(e.axe+"\n;true", nil)); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
	}
	rules := map[string]any{}
	for _, r := range extraRules {
		rules[r] = map[string]bool{"enabled": true}
	}
	if m.elder {
		// 7:1 (4.5:1 for large text) instead of 4.5:1 (3:1).
		rules["color-contrast"] = map[string]bool{"enabled": false}
		rules["color-contrast-enhanced"] = map[string]bool{"enabled": true}
	}
	opts, _ := json.Marshal(map[string]any{
		"runOnly":     map[string]any{"type": "tag", "values": wcag},
		"rules":       rules,
		"resultTypes": []string{"violations"},
	})
	js := `axe.run(document, ` + string(opts) + `).then(function (r) {
	return r.violations.map(function (v) {
		return {id: v.id, impact: v.impact || '', help: v.help, url: v.helpUrl,
			nodes: v.nodes.map(function (n) {
				return {target: n.target.join(' '), html: n.html, summary: n.failureSummary || ''};
			})};
	});
})`
	var vs []violation
	if err := eval(e.ctx, js, &vs); err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	for _, v := range vs {
		var b strings.Builder
		fmt.Fprintf(&b, "axe %s (%s): %s\n%s\n", v.ID, v.Impact, v.Help, v.URL)
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "… and %d more\n", len(v.Nodes)-5)
				break
			}
			h := n.HTML
			if len(h) > 200 {
				h = h[:200] + "…"
			}
			fmt.Fprintf(&b, "- %s\n  %s\n%s\n", n.Target, h, indent(indent(n.Summary)))
		}
		t.Error(b.String())
	}
}

// checkLayout checks that nothing scrolls sideways, that the page did not
// shift while loading, and that every image has its size.
func (e *env) checkLayout(t *testing.T, m mode) {
	t.Helper()
	var r struct {
		ScrollWidth, ClientWidth, InnerWidth int
		Wide                                 []string
		Shift                                float64
		Unsized                              []string
	}
	js := `new Promise(function (resolve) {
	var d = document.documentElement, wide = [];
	if (d.scrollWidth > d.clientWidth) {
		document.querySelectorAll('body *').forEach(function (el) {
			var r = el.getBoundingClientRect(), p = el.parentElement, clipped = false;
			for (; p && p !== document.body; p = p.parentElement) {
				var o = getComputedStyle(p).overflowX;
				if (o !== 'visible') { clipped = true; break; }
			}
			if (!clipped && r.right > d.clientWidth + 1 && wide.length < 8) {
				wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '') + ' right=' + Math.round(r.right));
			}
		});
	}
	var unsized = [];
	document.querySelectorAll('img').forEach(function (i) {
		if (!i.getAttribute('width') || !i.getAttribute('height')) { unsized.push(i.outerHTML.slice(0, 120)); }
	});
	var shift = 0, done = false;
	function finish() {
		if (done) { return; }
		done = true;
		resolve({ScrollWidth: d.scrollWidth, ClientWidth: d.clientWidth, InnerWidth: window.innerWidth, Wide: wide, Shift: shift, Unsized: unsized});
	}
	try {
		new PerformanceObserver(function (list) {
			list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { shift += e.value; } });
			setTimeout(finish, 50);
		}).observe({type: 'layout-shift', buffered: true});
	} catch (e) {}
	setTimeout(finish, 150);
})`
	if err := eval(e.ctx, js, &r); err != nil {
		t.Fatal(err)
	}
	// On a phone the browser widens the layout viewport (innerWidth) to
	// a page that is too wide; clientWidth stays the screen's width.
	if r.ScrollWidth > r.ClientWidth || r.InnerWidth > int(m.width) {
		t.Errorf("scrolls sideways at %d px: scrollWidth %d, innerWidth %d, clientWidth %d; too wide: %s", m.width, r.ScrollWidth, r.InnerWidth, r.ClientWidth, strings.Join(r.Wide, ", "))
	}
	if r.Shift > 0.001 {
		t.Errorf("layout shifted while loading: cumulative layout shift %.4f", r.Shift)
	}
	for _, img := range r.Unsized {
		t.Errorf("image without width and height attributes: %s", img)
	}
}

// checkHead checks what sharing needs: a title, a description, canonical
// URL, Open Graph tags (with an image when the case has one), a favicon,
// the language, and one h1 in one main.
func (e *env) checkHead(t *testing.T, tg target) (kind string) {
	t.Helper()
	var h map[string]any
	js := `(function () {
	function q(s) { return document.querySelector(s); }
	function attr(s, a) { var el = q(s); return el ? el.getAttribute(a) || '' : ''; }
	return {
		title: document.title,
		lang: document.documentElement.lang,
		description: attr('meta[name="description"]', 'content'),
		canonical: attr('link[rel="canonical"]', 'href'),
		'og:title': attr('meta[property="og:title"]', 'content'),
		'og:description': attr('meta[property="og:description"]', 'content'),
		'og:url': attr('meta[property="og:url"]', 'content'),
		'og:type': attr('meta[property="og:type"]', 'content'),
		'og:image': attr('meta[property="og:image"]', 'content'),
		icon: attr('link[rel~="icon"]', 'href'),
		viewport: attr('meta[name="viewport"]', 'content'),
		h1: document.querySelectorAll('h1').length,
		main: document.querySelectorAll('main').length,
		robots: attr('meta[name="robots"]', 'content'),
		kind: (document.body.className.match(/(?:^| )kind-(\S+)/) || [])[1] || ''
	};
})()`
	if err := eval(e.ctx, js, &h); err != nil {
		t.Fatal(err)
	}
	need := []string{"title", "lang", "description", "og:title", "og:description", "og:type", "icon", "viewport"}
	if tg.name != "404" {
		need = append(need, "canonical", "og:url")
	}
	if tg.ogImage {
		need = append(need, "og:image")
	}
	for _, k := range need {
		if s, _ := h[k].(string); strings.TrimSpace(s) == "" {
			t.Errorf("no %s", k)
		}
	}
	for _, k := range []string{"canonical", "og:url", "og:image"} {
		if s, _ := h[k].(string); s != "" && !strings.HasPrefix(s, "http") {
			t.Errorf("%s is not an absolute URL: %q", k, s)
		}
	}
	if n, _ := h["h1"].(float64); n != 1 {
		t.Errorf("%v h1 elements, want 1", h["h1"])
	}
	if n, _ := h["main"].(float64); n != 1 {
		t.Errorf("%v main elements, want 1", h["main"])
	}
	kind, _ = h["kind"].(string)
	return kind
}

// checkFocus checks that the first Tab reaches the skip link, that it then
// shows on screen with a focus outline, and that it leads to main.
func (e *env) checkFocus(t *testing.T) {
	t.Helper()
	var r struct {
		Skip, Visible, Outline, Target bool
		Active                         string
	}
	err := run(e.ctx, 30*time.Second,
		chromedp.Evaluate(`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)`, nil),
		chromedp.KeyEvent(kb.Tab),
		chromedp.Evaluate(`(function () {
	var a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
	var id = (a.getAttribute('href') || '').replace(/^#/, '');
	return {
		Skip: a.classList.contains('skip'),
		Visible: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.width > 0,
		Outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
		Target: !!id && !!document.getElementById(id) && document.getElementById(id).tagName === 'MAIN',
		Active: a.outerHTML.slice(0, 100)
	};
})()`, &r),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Skip {
		t.Errorf("the first Tab reaches %s, not the skip link", r.Active)
		return
	}
	if !r.Visible || !r.Outline || !r.Target {
		t.Errorf("skip link when focused: on screen %v, outline %v, leads to main %v", r.Visible, r.Outline, r.Target)
	}
}

// checkElder checks the elder-friendly mode: text at least 1.25 times the
// default size, and every link and button of the navigation, the toggle,
// the pager and other controls at least 48 × 48 px.
func (e *env) checkElder(t *testing.T) {
	t.Helper()
	var r struct {
		Ratio float64
		Small []string
	}
	js := `(function () {
	var root = document.documentElement, cs = getComputedStyle(root);
	var on = parseFloat(cs.fontSize);
	root.classList.remove('elder');
	var off = parseFloat(getComputedStyle(root).fontSize);
	root.classList.add('elder');
	var small = [];
	document.querySelectorAll('.elder-toggle, .brand, .site-nav a, .site-search input, .site-search button, .pager a, .crumbs a, .footer-links a, .chips a, .tags a, .button, .practice-name, .card-title a, .langs a, main button, main select, main input:not([type=hidden])').forEach(function (el) {
		var r = el.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) { return; }
		if (r.width < 47.5 || r.height < 47.5) {
			small.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '') + ' "' + el.textContent.trim().slice(0, 20) + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
		}
	});
	return {Ratio: on / off, Small: small};
})()`
	if err := eval(e.ctx, js, &r); err != nil {
		t.Fatal(err)
	}
	if r.Ratio < 1.25 {
		t.Errorf("elder-friendly text is %.3f times the default, want at least 1.25", r.Ratio)
	}
	for _, s := range r.Small {
		t.Errorf("tap target smaller than 48 × 48 px in elder-friendly mode: %s", s)
	}
}

// checkToggle uses the elder-friendly switch as a reader would: it shows,
// it turns the mode on, the choice outlasts a reload and a move to
// another page, and it turns the mode off again.
func (e *env) checkToggle(t *testing.T) {
	if err := e.setMode(mode{width: 375, mobile: true}); err != nil {
		t.Fatal(err)
	}
	home := target{site: "example", path: "/"}
	if err := e.open(home, false); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Elder, Shown       bool
		Pressed, Stored    string
		W, H               float64
		Scroll, Transition string
	}
	get := func(what string, want bool) {
		t.Helper()
		var s state
		js := `(function () {
	var b = document.querySelector('.elder-toggle'), r = b.getBoundingClientRect();
	var cs = getComputedStyle(document.documentElement), bs = getComputedStyle(b);
	return {Elder: document.documentElement.classList.contains('elder'), Shown: !b.hidden && r.width > 0,
		Pressed: b.getAttribute('aria-pressed'), Stored: localStorage.getItem('` + elderKey + `') || '',
		W: r.width, H: r.height, Scroll: cs.scrollBehavior, Transition: bs.transitionDuration};
})()`
		if err := eval(e.ctx, js, &s); err != nil {
			t.Fatal(err)
		}
		pressed := map[bool]string{true: "true", false: "false"}[want]
		if s.Elder != want || s.Pressed != pressed || !s.Shown {
			t.Errorf("%s: elder class %v, aria-pressed %q, switch shown %v; want %v, %q, shown", what, s.Elder, s.Pressed, s.Shown, want, pressed)
		}
		if want && (s.W < 48 || s.H < 48) {
			t.Errorf("%s: the switch is %.0f × %.0f px, want at least 48 × 48", what, s.W, s.H)
		}
		if want && (s.Scroll != "auto" || strings.Trim(s.Transition, "0.s") != "") {
			t.Errorf("%s: motion in elder-friendly mode: scroll-behavior %s, transition %s", what, s.Scroll, s.Transition)
		}
	}
	click := func() {
		t.Helper()
		if err := run(e.ctx, 30*time.Second, chromedp.Click(".elder-toggle", chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
	}
	reload := func(tg target) {
		t.Helper()
		if err := run(e.ctx, 30*time.Second, chromedp.Navigate(e.url(tg))); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(e.ctx, "load", `document.readyState === 'complete'`); err != nil {
			t.Fatal(err)
		}
	}
	get("at first", false)
	click()
	get("after a click", true)
	reload(home)
	get("after a reload", true)
	reload(target{site: "example", path: "/cases/"})
	get("on another page", true)
	click()
	get("after a second click", false)
	reload(home)
	get("after a second reload", false)
}

// checkPrint checks that a printed case is the case alone: no navigation,
// switch, pager or related cases.
func (e *env) checkPrint(t *testing.T) {
	if err := e.setMode(mode{width: 800}); err != nil {
		t.Fatal(err)
	}
	if err := e.open(fixtureCase, false); err != nil {
		t.Fatal(err)
	}
	defer run(e.ctx, 10*time.Second, emulation.SetEmulatedMedia().WithMedia(""))
	if err := run(e.ctx, 10*time.Second, emulation.SetEmulatedMedia().WithMedia("print")); err != nil {
		t.Fatal(err)
	}
	var shown []string
	js := `Array.from(document.querySelectorAll('.skip, .site-nav, .elder-toggle, .crumbs, .langs, .pager, .related, .footer-links')).filter(function (el) {
	return getComputedStyle(el).display !== 'none';
}).map(function (el) { return el.className; })`
	if err := eval(e.ctx, js, &shown); err != nil {
		t.Fatal(err)
	}
	for _, s := range shown {
		t.Errorf("printed: .%s", s)
	}
	var h1 int
	if err := eval(e.ctx, `document.querySelectorAll('h1').length`, &h1); err != nil || h1 != 1 {
		t.Errorf("printed page has %d h1 (%v)", h1, err)
	}
}

// checkStill checks that the page's scripts do not move what the page
// shows at first: the header, the navigation, the h1 and whatever of
// main and the footer is on the first screen are where they are with
// scripting off. (In a real browser the page may be drawn before an
// async script arrives; headless Chromium tends to wait, so the layout
// shift observer alone would not see it.)
func (e *env) checkStill(t *testing.T, tg target) {
	t.Helper()
	js := `(function () {
	var out = {};
	['.site-header', '.elder-toggle', '.site-nav', 'main', 'main h1', '.site-footer'].forEach(function (s) {
		var el = document.querySelector(s);
		if (!el) { return; }
		var r = el.getBoundingClientRect();
		if (r.top + window.scrollY < innerHeight) {
			out[s] = [Math.round(r.left), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)];
		}
	});
	return out;
})()`
	var with, without map[string][]int
	if err := eval(e.ctx, js, &with); err != nil {
		t.Fatal(err)
	}
	err := run(e.ctx, 30*time.Second,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(e.url(tg)),
	)
	if err == nil {
		err = waitFor(e.ctx, "load", `document.readyState === 'complete'`)
	}
	// Script execution off still lets CDP evaluate.
	if err == nil {
		err = eval(e.ctx, js, &without)
	}
	if err2 := run(e.ctx, 30*time.Second, emulation.SetScriptExecutionDisabled(false)); err == nil {
		err = err2
	}
	if err != nil {
		t.Fatal(err)
	}
	for sel, r := range without {
		if sel == "main" || sel == ".site-header" {
			r, w := r[:2], with[sel][:2] // their height may change below the first screen
			if fmt.Sprint(r) != fmt.Sprint(w) {
				t.Errorf("scripts move %s: at %v without them, %v with them", sel, r, w)
			}
			continue
		}
		if fmt.Sprint(r) != fmt.Sprint(with[sel]) {
			t.Errorf("scripts move %s: %v (left, top, width, height) without them, %v with them", sel, r, with[sel])
		}
	}
}

// checkWideTable checks that a table too wide for the screen scrolls in
// its own box, which the keyboard can reach (site.js gives it tabindex).
func (e *env) checkWideTable(t *testing.T) {
	t.Helper()
	var n int
	js := `Array.from(document.querySelectorAll('.prose table, .table-wrap')).filter(function (b) {
	return b.scrollWidth > b.clientWidth + 1 && b.tabIndex === 0;
}).length`
	if err := eval(e.ctx, js, &n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no wide table that scrolls in its own box and takes the keyboard focus")
	}
}
