package render

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
)

// A Native renders one part of the built-in theme in Go, writing exactly
// the bytes its template writes. The template engine runs every action
// through reflection and every output through an escaper call, which at
// thousands of case pages is most of a build's time; the same page written
// by Go code costs a small fraction of that.
//
// A Native only stands in for templates that are exactly the ones it was
// written from: Source is the Fingerprint of those definitions, and when
// the theme's differ (the site overrides one of them, or someone edited the
// theme and not the Native) the templates run as always. The package that
// provides Natives tests them against the templates on whole sites.
type Native struct {
	// Source is the Fingerprint of the definitions the Native reproduces.
	Source uint64
	// Render writes the part for data to b, or returns Decline, having
	// written nothing, for data it does not handle.
	Render func(b *bytes.Buffer, data any, parts Parts) error
}

// Decline is what a Native returns for data its template must render.
var Decline = errors.New("render: the template renders this")

// Parts are the cached parts of pages, for Natives: what the template
// functions "cards" and "cached" use.
type Parts struct {
	// Card renders a case's card (template "case-card") for lang with the
	// heading element h.
	Card func(lang, h string, item any) (template.HTML, error)
	// Cached is {{cached name data variant…}}.
	Cached func(name string, data any, variant ...string) (template.HTML, error)
}

// Natives are the Natives of a theme, by what they render.
type Natives struct {
	// Card renders template "case-card" (data: CardData); its Source
	// covers CardSource.
	Card *Native
	// Pages render whole pages of page templates, by page name ("case");
	// data is the page. Their Source covers PageSources as the page
	// template sees them.
	Pages map[string]*Native
}

// The definitions whose text each kind of Native's Source covers. The
// partials a page Native gets through Parts.Cached run as templates, so
// they are not among them.
var (
	CardSource  = []string{"case-card"}
	PageSources = []string{"base", "head", "crumbs", "alternates", "main", "case-cards", "case-card", "lang-name", "totals", "pager"}
)

// Fingerprint identifies the text of the named definitions as page
// template page sees them (in the theme as loaded, before translation);
// page "" means the shared definitions only. Unknown names count as empty.
func (t *Templates) Fingerprint(page string, names ...string) uint64 {
	tpl := t.raw.base
	if page != "" {
		tpl = t.raw.pages[page]
	}
	h := fnv.New64a()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00", n)
		if tpl == nil {
			continue
		}
		if d := tpl.Lookup(n); d != nil && d.Tree != nil && d.Tree.Root != nil {
			h.Write([]byte(d.Tree.Root.String()))
		}
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// NativeActive reports whether a Native renders name: "case-card", or a
// page name.
func (t *Templates) NativeActive(name string) bool {
	if name == "case-card" {
		return t.natives.Card != nil
	}
	return t.natives.Pages[name] != nil
}

// activeNatives keeps the Natives whose Source matches the theme as
// loaded, the site's own templates included: a site that overrides none of
// the definitions a Native covers (they are all it reproduces; template
// functions cannot be overridden) still gets it.
func (t *Templates) activeNatives(all Natives) Natives {
	var on Natives
	if t.raw == nil || t.raw.base == nil {
		return on
	}
	if all.Card != nil && t.Fingerprint("", CardSource...) == all.Card.Source {
		on.Card = all.Card
	}
	for page, n := range all.Pages {
		if n != nil && t.raw.pages[page] != nil && t.Fingerprint(page, PageSources...) == n.Source {
			if on.Pages == nil {
				on.Pages = map[string]*Native{}
			}
			on.Pages[page] = n
		}
	}
	return on
}

// executeNative renders a page with nat, or with its template when nat
// declines.
func (s *set) executeNative(tpl *template.Template, nat *Native, w io.Writer, data any) error {
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = new(bytes.Buffer)
	}
	start := buf.Len()
	err := nat.Render(buf, data, Parts{Card: s.card, Cached: s.cached})
	if errors.Is(err, Decline) {
		buf.Truncate(start)
		return tpl.ExecuteTemplate(w, "base", data)
	}
	if err != nil {
		return err
	}
	if !direct {
		_, err = w.Write(buf.Bytes())
	}
	return err
}
