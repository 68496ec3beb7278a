package site

import (
	"sort"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// Translated pages live under /<lang>/ with the same path as the original
// (/en/cases/enping/). They link to each other; lists, practices and
// regions stay in the default language.

// TranslatedPage is a plain page or practice text in another language.
type TranslatedPage struct {
	Lang     string
	URL      string
	Page     *content.Page     // for a plain page
	Practice *content.Practice // for a practice text
	Original Link
}

func addTranslations(cat *Catalog, lib *content.Library, drafts bool) {
	for _, c := range lib.Cases {
		if c.Lang == "" || (c.Draft && !drafts) {
			continue
		}
		orig := cat.caseBySlug[c.Slug]
		cv := &Case{Case: c, URL: cat.url(c.Lang, "cases", c.Slug), Original: orig}
		if orig != nil {
			cv.City, cv.County, cv.PracticeList, cv.ScopeList, cv.Related = orig.City, orig.County, orig.PracticeList, orig.ScopeList, orig.Related
			orig.Translations = append(orig.Translations, Link{Title: c.Lang, URL: cv.URL})
			cv.Translations = []Link{{Title: cat.Config.Language, URL: orig.URL}}
		}
		cat.Translations = append(cat.Translations, cv)
	}
	pages := map[string]*PageView{}
	for _, p := range cat.Pages {
		pages[p.Slug] = p
	}
	for _, p := range lib.Pages {
		if p.Lang == "" || (p.Draft && !drafts) {
			continue
		}
		tp := &TranslatedPage{Lang: p.Lang, URL: cat.url(p.Lang, p.Slug), Page: p}
		if orig := pages[p.Slug]; orig != nil {
			orig.Translations = append(orig.Translations, Link{Title: p.Lang, URL: tp.URL})
			tp.Original = Link{Title: orig.Title, URL: orig.URL}
		}
		cat.TranslatedPages = append(cat.TranslatedPages, tp)
	}
	bySlug := map[string]*Practice{}
	for _, p := range cat.Practices {
		bySlug[p.Slug] = p
	}
	for _, p := range lib.Practices {
		if p.Lang == "" || (p.Draft && !drafts) {
			continue
		}
		tp := &TranslatedPage{Lang: p.Lang, URL: cat.url(p.Lang, "practices", p.Slug), Practice: p}
		if orig := bySlug[p.Slug]; orig != nil {
			orig.Translations = append(orig.Translations, Link{Title: p.Lang, URL: tp.URL})
			tp.Original = Link{Title: orig.Name, URL: orig.URL}
		}
		cat.TranslatedPages = append(cat.TranslatedPages, tp)
	}
	sort.SliceStable(cat.TranslatedPages, func(i, j int) bool { return cat.TranslatedPages[i].URL < cat.TranslatedPages[j].URL })
}
