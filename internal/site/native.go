package site

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/render"
)

// The built-in theme's case page (templates/base.html around the "main"
// block of templates/case.html), its paginated lists of cases (cases.html,
// practice.html, region.html, scope.html; native_list.go) and case card
// ("case-card" in templates/_partials.html), written in Go.
// A site of 10,000 cases renders 10,000 case pages, 1,500 list pages and
// 20,000 cards; run by the template engine they were half of a build's
// CPU time. Each
// function here follows its template line by line and writes the same
// bytes; render uses them only while the theme's definitions are exactly
// the ones they were written from (the Source fingerprints below), and
// TestNatives renders whole sites both ways and compares every page.
//
// Who edits those templates updates the functions here and the
// fingerprints; TestNativesActive says when they are stale.

// Fingerprints of the definitions the functions reproduce (see
// render.Templates.Fingerprint).
const (
	nativeCardSource     = 0xc70b6c017a037d4e
	nativeCaseSource     = 0x395d95026fa1d627
	nativeCasesSource    = 0x9696db75c4d3f055
	nativePracticeSource = 0x7924f1a550a1335c
	nativeRegionSource   = 0x40a2707712a16a9a
	nativeScopeSource    = 0x1b50ce71dee435a3
)

// natives returns the theme's Natives for a site served from baseURL at
// basePath.
func natives(baseURL, basePath string) render.Natives {
	return render.Natives{
		Card: &render.Native{Source: nativeCardSource, Render: func(b *bytes.Buffer, data any, _ render.Parts) error {
			// A site's template may list something else as cards.
			d, ok := data.(render.CardData)
			if !ok {
				return render.Decline
			}
			c, ok := d.Case.(*Case)
			if !ok || c == nil || c.Case == nil {
				return render.Decline
			}
			nativeWriter{b: b, lang: d.Lang}.card(d.H, c)
			return nil
		}},
		Pages: map[string]*render.Native{
			"case": {Source: nativeCaseSource, Render: func(b *bytes.Buffer, data any, parts render.Parts) error {
				p, ok := data.(*Page)
				// base.html writes a briefing's title as CSS in an
				// attribute, which the Go code does not.
				if !ok || p.Case == nil || p.Case.Case == nil || p.Briefing != nil || p.Kind != "case" {
					return render.Decline
				}
				w := nativeWriter{b: b, lang: p.Lang, baseURL: baseURL, basePath: basePath}
				return w.page(p, parts, func() error { return w.casePage(p, parts.Card) })
			}},
			"cases":    listNative(nativeCasesSource, "cases", baseURL, basePath, nativeWriter.casesMain),
			"practice": listNative(nativePracticeSource, "practice", baseURL, basePath, nativeWriter.practiceMain),
			"region":   listNative(nativeRegionSource, "region", baseURL, basePath, nativeWriter.regionMain),
			"scope":    listNative(nativeScopeSource, "scope", baseURL, basePath, nativeWriter.scopeMain),
		},
	}
}

// nativeWriter writes one page's HTML as html/template would.
type nativeWriter struct {
	b                 *bytes.Buffer
	lang              string
	baseURL, basePath string
}

// s writes template text.
func (w nativeWriter) s(s string) { w.b.WriteString(s) }

// tr writes {{tr $lang "…"}} as the pre-translated templates have it: the
// translation, HTML-escaped, as template text.
func (w nativeWriter) tr(s string) {
	t := render.Translate(w.lang, s)
	if strings.ContainsAny(t, `<>&'"`) {
		t = html.EscapeString(t)
	}
	w.b.WriteString(t)
}

// text writes {{.}} of a string in element content or a quoted attribute.
func (w nativeWriter) text(s string) { render.AppendHTML(w.b, s) }

// wrap writes open, {{.}} of v in element content or a quoted attribute,
// and close.
func (w nativeWriter) wrap(open, v, close string) {
	w.b.WriteString(open)
	render.AppendHTML(w.b, v)
	w.b.WriteString(close)
}

// url writes {{.}} of a string that starts a URL attribute.
func (w nativeWriter) url(s string) { render.AppendURL(w.b, s) }

// number writes {{.}} of an int.
func (w nativeWriter) number(n int) { w.b.WriteString(strconv.Itoa(n)) }

// printf writes {{printf (tr $lang format) args…}}.
func (w nativeWriter) printf(format string, args ...any) {
	w.text(fmt.Sprintf(render.Translate(w.lang, format), args...))
}

// period writes a case's years as the card and the page do when both
// years or the start are known.
func (w nativeWriter) period(p content.Period) {
	if p.Start != 0 && p.End != 0 {
		w.printf("%d–%d年", p.Start, p.End)
	} else {
		w.printf("%d年起", p.Start)
	}
}

// card is template "case-card".
func (w nativeWriter) card(h string, c *Case) {
	d := c.Case
	tag := "h3" // as the template: any heading but h2 is h3
	if h == "h2" {
		tag = "h2"
	}
	w.s("\n<li class=\"card\">\n<" + tag + ` class="card-title">`)
	w.link("", c.URL, d.Title, "</"+tag+">")
	w.wrap("\n<p class=\"card-meta\"><span class=\"badge status-", d.Status, `">`)
	w.text(render.StatusLabel(w.lang, d.Status))
	w.s(`</span> <span class="where">`)
	w.text(d.Region.City)
	if d.Region.County != "" && d.Region.County != d.Region.City {
		w.s(" · ")
		w.text(d.Region.County)
	}
	w.s(`</span>`)
	if d.Period.Start != 0 {
		w.s(` <span class="when">`)
		w.period(d.Period)
		w.s(`</span>`)
	}
	w.s(`</p>`)
	if d.Summary != "" {
		w.wrap("\n<p class=\"card-summary\">", d.Summary, `</p>`)
	}
	if figs := d.Figures.List(); len(figs) > 0 {
		w.s("\n<dl class=\"card-figs\">")
		for i, f := range figs {
			if i >= 3 {
				break
			}
			w.wrap("\n<div><dt>", render.Label(w.lang, f.Name), `</dt><dd>`)
			w.text(render.FigureText(w.lang, f.Name, f.Value))
			w.s(`</dd></div>`)
		}
		w.s("\n</dl>")
	}
	w.s("\n</li>")
}

// langName is template "lang-name".
func (w nativeWriter) langName(tag string) {
	switch tag {
	case "en", "en-US", "en-GB":
		w.s("English")
	case "zh-CN", "zh", "zh-Hans", "zh-SG":
		w.s("简体中文")
	case "zh-TW", "zh-HK", "zh-Hant":
		w.s("繁體中文")
	default:
		w.text(tag)
	}
}
