package site

import (
	"bytes"
	"slices"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/links"
)

// A save of one case's text changes what the Catalog shows but not its
// shape: the order of the lists, the groups by practice, region and scope,
// their totals and the related cases stay the same. A Builder keeps the
// Catalog of its last load and, for such a change, puts the new cases into
// it instead of assembling the site again (relating 10,000 cases alone
// costs about 250 ms of CPU). Preview goes further: it renders only the
// edited cases' own pages, so that the dev server can reload them before
// the rest of the build (lists, feeds, the search index) is done.

// patchCatalog returns the last Catalog with lib's cases in it, when lib
// differs from the last load only in cases whose shape (see sameShape) is
// unchanged; otherwise nil. The Loader gives every file it did not read
// again the same pointer, so the comparison is by pointer, file by file.
func (b *Builder) patchCatalog(lib *content.Library) *Catalog {
	old, cat := b.lib, b.cat
	if old == nil || cat == nil || old.ConfigVersion != lib.ConfigVersion || old.Config.BaseURL != lib.Config.BaseURL ||
		old.Home != lib.Home || !slices.Equal(old.Practices, lib.Practices) ||
		!slices.Equal(old.Briefings, lib.Briefings) || !slices.Equal(old.Pages, lib.Pages) ||
		len(old.Cases) != len(lib.Cases) {
		return nil
	}
	var pairs [][2]*content.Case
	for i, c := range lib.Cases {
		if o := old.Cases[i]; o != c {
			if o.Path != c.Path || !sameShape(o, c) {
				return nil
			}
			pairs = append(pairs, [2]*content.Case{o, c})
		}
	}
	views := make(map[*content.Case][]*Case, len(pairs))
	for _, p := range pairs {
		views[p[0]] = nil
	}
	if len(views) > 0 {
		for _, cv := range cat.Cases {
			if _, ok := views[cv.Case]; ok {
				views[cv.Case] = append(views[cv.Case], cv)
			}
		}
		for _, cv := range cat.Translations {
			if _, ok := views[cv.Case]; ok {
				views[cv.Case] = append(views[cv.Case], cv)
			}
		}
	}
	for _, p := range pairs {
		for _, cv := range views[p[0]] {
			cv.Case = p[1]
		}
	}
	return cat
}

// sameShape reports whether two versions of a case have the same place in
// the Catalog: everything assemble, relate and addTranslations read of a
// case. Its title, text, status, gallery and the rest are read only when
// pages are planned and rendered.
func sameShape(a, b *content.Case) bool {
	return a.Slug == b.Slug && a.Lang == b.Lang && a.Draft == b.Draft && a.Date.Equal(b.Date) &&
		a.Region == b.Region && slices.Equal(a.Practices, b.Practices) && slices.Equal(a.Scope, b.Scope) &&
		slices.Equal(a.Figures.List(), b.Figures.List())
}

// catalog assembles lib, or patches the last Catalog when it can, and
// remembers the result for the next build.
func (b *Builder) catalog(lib *content.Library) *Catalog {
	cat := b.patchCatalog(lib)
	if cat == nil {
		cat = assemble(lib, b.opts.Drafts)
	}
	b.lib, b.cat = lib, cat
	return cat
}

// Preview renders the pages of edited cases into Memory at once, before
// a Build of the same changes, so that a publisher sees an edit without
// waiting for the whole site. It returns the output paths that changed,
// and false when it did nothing, which is always safe.
//
// It acts only when the site as a whole would build without problems, as
// the last checked load did (the last successful build, or a preview
// after it): only case files changed (changed names only cases, and the
// load differs from the checked one only in cases); their shape did not
// (sameShape); and each case's body, and each page rendered now, links to
// and holds the same targets and ids as the checked version and the last
// build, so the link check would pass as it did (a briefing page may
// show a case's body too). The Build that follows renders the same bytes
// for these pages and everything else the change touches.
func (b *Builder) Preview(changed []string) ([]string, bool) {
	checked := b.checked
	if b.opts.Memory == nil || checked == nil || b.tpl == nil || len(changed) == 0 {
		return nil, false
	}
	for _, c := range changed {
		if !strings.HasPrefix(c, "content/cases/") || !strings.HasSuffix(c, ".md") {
			return nil, false
		}
	}
	lib, probs := b.loader.Load(changed)
	if b.opts.BaseURL != "" {
		lib.Config.BaseURL = strings.TrimRight(b.opts.BaseURL, "/") + "/"
	}
	if probs.HasErrors() {
		return nil, false
	}
	// The cases that differ from the checked load, by path.
	edited, ok := casesSince(checked, lib)
	if !ok {
		return nil, false
	}
	cat := b.patchCatalog(lib)
	if cat == nil {
		b.lib, b.cat = nil, nil // the next Build assembles
		return nil, false
	}
	b.lib = lib
	pl := newPlan(cat, lib, b.opts.Site, b.opts.Theme)
	pl.tpl = b.tpl
	for _, list := range [][]*Case{cat.Cases, cat.Translations} {
		for _, cv := range list {
			if _, ok := edited[cv.Path]; !ok {
				continue
			}
			lang := cv.Lang
			if lang == "" {
				lang = cat.Config.Language
			}
			pl.casePage(cv, lang)
		}
	}
	if pl.probs.HasErrors() {
		return nil, false
	}
	type out struct {
		rel  string
		data []byte
	}
	var outs []out
	for _, j := range pl.jobs {
		data, err := j.produce(b.tpl)
		if err != nil {
			return nil, false
		}
		s, ok := b.scans[j.rel]
		refs, ids := links.Scan(data)
		if !ok || !slices.Equal(s.refs, refs) || !slices.Equal(s.ids, ids) {
			return nil, false
		}
		outs = append(outs, out{j.rel, data})
	}
	var paths []string
	m := b.opts.Memory
	m.mu.Lock()
	for _, o := range outs {
		if old, ok := m.files[o.rel]; !ok || !bytes.Equal(old, o.data) {
			m.files[o.rel] = o.data
			paths = append(paths, o.rel)
		}
	}
	m.mu.Unlock()
	b.checked = lib
	return paths, true
}

// casesSince returns the cases of lib that differ from the checked load,
// by path, when they are all that differs and each has the shape and the
// body links of its checked version; otherwise false.
func casesSince(checked, lib *content.Library) (map[string]bool, bool) {
	if checked.ConfigVersion != lib.ConfigVersion || checked.Config.BaseURL != lib.Config.BaseURL ||
		checked.Home != lib.Home || !slices.Equal(checked.Practices, lib.Practices) ||
		!slices.Equal(checked.Briefings, lib.Briefings) || !slices.Equal(checked.Pages, lib.Pages) ||
		len(checked.Cases) != len(lib.Cases) {
		return nil, false
	}
	edited := map[string]bool{}
	for i, c := range lib.Cases {
		o := checked.Cases[i]
		if o == c {
			continue
		}
		if o.Path != c.Path || !sameShape(o, c) || !sameBodyLinks(o, c) {
			return nil, false
		}
		edited[c.Path] = true
	}
	return edited, true
}

// sameBodyLinks reports whether two versions of a case's body link to the
// same targets and hold the same ids, in the same order.
func sameBodyLinks(a, b *content.Case) bool {
	ar, ai := links.Scan([]byte(a.Body.HTML))
	br, bi := links.Scan([]byte(b.Body.HTML))
	return slices.Equal(ar, br) && slices.Equal(ai, bi)
}
