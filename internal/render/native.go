package render

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"strings"
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
// theme and not the Native) the templates run as always. The package
// that provides Natives tests them against the templates on whole sites.
type Native struct {
	// Source is the Fingerprint of the definitions the Native reproduces.
	Source uint64
	// Render writes the part for data to b. cards renders a case's card as
	// the "cards" template function does, from the same cache.
	Render func(b *bytes.Buffer, data any, cards CardFunc) error
}

// CardFunc renders a case's card (template "case-card") for lang with the
// heading element h.
type CardFunc func(lang, h string, item any) (template.HTML, error)

// Natives are the Natives of a theme, by what they render.
type Natives struct {
	// Card renders template "case-card" (data: CardData). CardSource
	// lists what its Source covers.
	Card *Native
	// Mains render the "main" block of page templates, by page name
	// ("case"); data is the page. Their Source covers "main" and
	// MainSources.
	Mains map[string]*Native
}

// The definitions whose text each kind of Native's Source covers.
var (
	CardSource  = []string{"case-card"}
	MainSources = []string{"main", "case-cards", "case-card", "lang-name"}
)

// nativeMarker stands for a page's "main" block while its template runs;
// the Native's output replaces it. No escaped value can contain a NUL
// byte, so the first marker in the output is this one.
const nativeMarker = "\x00showcase:main\x00"

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
// page name for its main block.
func (t *Templates) NativeActive(name string) bool {
	if name == "case-card" {
		return t.natives.Card != nil
	}
	return t.natives.Mains[name] != nil
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
	for page, n := range all.Mains {
		if n != nil && t.raw.pages[page] != nil && t.Fingerprint(page, MainSources...) == n.Source {
			if on.Mains == nil {
				on.Mains = map[string]*Native{}
			}
			on.Mains[page] = n
		}
	}
	return on
}

// useNatives makes the set run the Natives: its card function calls the
// card Native, and each page with a main Native has its "main" replaced
// by the marker.
func (s *set) useNatives(n Natives) error {
	s.nativeCard = n.Card
	for page, nat := range n.Mains {
		tpl := s.pages[page]
		if tpl == nil {
			continue
		}
		if _, err := tpl.New("main").Parse(nativeMarker); err != nil {
			return err
		}
		if s.mains == nil {
			s.mains = map[string]*Native{}
		}
		s.mains[page] = nat
	}
	return nil
}

// executeNative runs page template tpl with its main block standing in as
// the marker, then splices nat's output in its place.
func (s *set) executeNative(tpl *template.Template, nat *Native, w io.Writer, data any) error {
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = new(bytes.Buffer)
	}
	start := buf.Len()
	if err := tpl.ExecuteTemplate(buf, "base", data); err != nil {
		return err
	}
	i := bytes.Index(buf.Bytes()[start:], []byte(nativeMarker))
	if i < 0 {
		return fmt.Errorf("template: %s: the page has no main block", tpl.Name())
	}
	at := start + i
	tail := strings.Clone(string(buf.Bytes()[at+len(nativeMarker):]))
	buf.Truncate(at)
	if err := nat.Render(buf, data, s.card); err != nil {
		return err
	}
	buf.WriteString(tail)
	if !direct {
		_, err := w.Write(buf.Bytes())
		return err
	}
	return nil
}
