package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/links"
	"github.com/guangdong-renovation/showcase/internal/render"
	"github.com/guangdong-renovation/showcase/internal/search"
)

// A job produces one output file.
type job struct {
	rel     string // output path, e.g. "cases/enping/index.html"
	kind    string // page kind for the summary; "" for other files
	html    bool   // an HTML page, whose links are checked
	key     uint64 // fingerprint of everything the file shows; 0: unknown
	src     links.Source
	produce func(*render.Templates) ([]byte, error)
	// into, when set, is produce into a buffer the runner reuses.
	into func(*render.Templates, *bytes.Buffer) error
	// done, when set, is called once the file is written: it lets go of
	// what no later job needs (see plan.release).
	done func()
	page *Page // for HTML pages: the data and template, for tests
	tmpl string
}

// plan lists every output file of a build.
type plan struct {
	cat      *Catalog
	jobs     []*job
	owners   map[string]string // output path (lower-cased) -> source that claimed it
	probs    content.Problems
	theme    fs.FS
	site     fs.FS
	lib      *content.Library
	tpl      *render.Templates
	dig      digests
	siteKeys map[string]uint64 // template name -> siteKey
	// release lets the build drop each case's HTML once its page is
	// written: with the built-in theme nothing else shows it, and at
	// 100,000 cases it is 420 MB. Never for a build into memory (serve
	// re-renders pages), nor with a site's own templates.
	release bool
	// The search index planned by searchIndex, for the search page.
	searchLayout search.Layout
	searchKey    uint64
}

func newPlan(cat *Catalog, lib *content.Library, site, theme fs.FS) *plan {
	return &plan{cat: cat, lib: lib, site: site, theme: theme, owners: map[string]string{}}
}

// trustedHTML marks Markdown output as safe: the Markdown renderer is the
// one place that decides what HTML a body may contain. It takes b over
// without copying it: b must be the caller's own, never written again
// (markdown.Result.HTML is; at 100,000 cases the copy was 420 MB).
func trustedHTML(b []byte) template.HTML {
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
}

// claim registers an output path for a source, reporting a collision with
// an earlier claim. Paths are compared without case, since two URLs that
// differ only in case are the same file on many disks.
func (pl *plan) claim(rel, source string) bool {
	key := strings.ToLower(rel)
	if other, dup := pl.owners[key]; dup {
		pl.probs = append(pl.probs, content.Problem{Path: source, Message: fmt.Sprintf(
			"%s would be written twice: by %s and by %s; rename one of them", "/"+strings.TrimSuffix(rel, "index.html"), other, source)})
		return false
	}
	pl.owners[key] = source
	return true
}

// relOf returns the output path of a site URL path (with the base path).
func (pl *plan) relOf(url string) string {
	rel := strings.TrimPrefix(url, pl.cat.BasePath)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel
}

// page adds an HTML page job. key fingerprints the page's own data (see
// keys.go); the template's use of .Site is added here.
func (pl *plan) page(p *Page, tmpl, source string, body *content.Body, bodySrc *content.Source, key uint64) {
	rel := pl.relOf(p.URL)
	if !pl.claim(rel, source) {
		return
	}
	cat := pl.cat
	if p.Site == nil {
		p.Site = cat
	}
	if p.Lang == "" {
		p.Lang = cat.Config.Language
	}
	if p.Canonical == "" {
		p.Canonical = absURL(cat, p.URL)
	}
	if p.Description == "" {
		p.Description = cat.Config.Description
	}
	if body != nil && p.Body == nil {
		p.Body = body
	}
	if pl.siteKeys == nil {
		pl.siteKeys = map[string]uint64{}
	}
	sk, ok := pl.siteKeys[tmpl]
	if !ok && pl.tpl != nil {
		sk = pl.dig.siteKey(pl.tpl, tmpl)
		pl.siteKeys[tmpl] = sk
	}
	key = mixString(mix(mix(sk, key), 1), p.URL+"\x00"+p.Lang+"\x00"+p.Title)
	j := &job{rel: rel, kind: p.Kind, html: true, key: key, page: p, tmpl: tmpl}
	if bodySrc != nil && body != nil {
		j.src = links.Source{Path: bodySrc.Path, BodyLine: bodySrc.BodyLine}
	} else {
		j.src = links.Source{Path: source}
	}
	j.produce = func(t *render.Templates) ([]byte, error) { return t.RenderLang(tmpl, p.Lang, p) }
	j.into = func(t *render.Templates, buf *bytes.Buffer) error { return t.RenderLangInto(buf, tmpl, p.Lang, p) }
	pl.jobs = append(pl.jobs, j)
}

// file adds a non-HTML output, produced again on every build.
func (pl *plan) file(rel, source string, produce func(*render.Templates) ([]byte, error)) {
	pl.fileKeyed(rel, source, 0, produce)
}

// fileKeyed adds a non-HTML output whose content is fingerprinted by key.
func (pl *plan) fileKeyed(rel, source string, key uint64, produce func(*render.Templates) ([]byte, error)) {
	if !pl.claim(rel, source) {
		return
	}
	pl.jobs = append(pl.jobs, &job{rel: rel, key: key, produce: produce})
}

// fileInto is fileKeyed for a file made into the runner's reused buffer.
func (pl *plan) fileInto(rel, source string, key uint64, into func(*render.Templates, *bytes.Buffer) error) {
	if !pl.claim(rel, source) {
		return
	}
	pl.jobs = append(pl.jobs, &job{rel: rel, key: key, into: into})
}

func absURL(cat *Catalog, p string) string {
	base := cat.Config.BaseURL
	rel := strings.TrimPrefix(p, cat.BasePath)
	if base == "/" || base == "" {
		return cat.BasePath + rel
	}
	return base + rel
}

func builtin(url string) string { return "built-in page " + url }

// pages plans every page of the site.
func (pl *plan) pages() {
	cat := pl.cat
	home := &Page{Kind: "home", Title: cat.Config.Title, URL: cat.url()}
	var homeBody *content.Body
	var homeSrc *content.Source
	if cat.Home != nil {
		if cat.Home.Title != "" {
			home.Title = cat.Home.Title
		}
		if cat.Home.Summary != "" {
			home.Description = cat.Home.Summary
		}
		homeBody, homeSrc = &cat.Home.Body, &cat.Home.Source
	}
	newest := cat.Cases
	if len(newest) > 6 {
		newest = newest[:6]
	}
	home.Cases = newest
	home.Totals = &cat.Totals
	pl.page(home, "home", sourceOr(homeSrc, builtin("/")), homeBody, homeSrc, mix(pl.dig.home, casesKey(newest)))

	// Case list, paginated.
	pl.paged(&Page{Kind: "cases", Title: tr(cat, "全部案例"), URL: cat.url("cases"),
		Crumbs: []Link{{tr(cat, "首页"), cat.url()}}}, cat.Cases, "cases", builtin("/cases/"), nil, nil, 0)
	for _, c := range cat.Cases {
		pl.casePage(c, cat.Config.Language)
	}
	for _, c := range cat.Translations {
		pl.casePage(c, c.Lang)
	}

	pl.page(&Page{Kind: "practices", Title: tr(cat, "经验做法"), URL: cat.url("practices"),
		Crumbs: []Link{{tr(cat, "首页"), cat.url()}}}, "practices", builtin("/practices/"), nil, nil, pl.dig.cases)
	for _, p := range cat.Practices {
		page := &Page{Kind: "practice", Title: p.Name, Description: p.Summary, URL: p.URL, Practice: p, Totals: &p.Totals,
			Crumbs: []Link{{tr(cat, "首页"), cat.url()}, {tr(cat, "经验做法"), cat.url("practices")}}}
		for _, t := range p.Translations {
			page.Alternates = append(page.Alternates, t)
		}
		if p.Text != nil {
			pl.paged(page, p.Cases, "practice", p.Text.Path, &p.Text.Body, &p.Text.Source, mix(p.Text.Version, totalsKey(p.Totals)))
		} else {
			pl.paged(page, p.Cases, "practice", fmt.Sprintf("practice %q named by %s", p.Name, p.Cases[0].Path), nil, nil, totalsKey(p.Totals))
		}
	}

	pl.page(&Page{Kind: "regions", Title: tr(cat, "地区"), URL: cat.url("regions"),
		Crumbs: []Link{{tr(cat, "首页"), cat.url()}}}, "regions", builtin("/regions/"), nil, nil, pl.dig.cases)
	for _, city := range cat.Cities {
		crumbs := []Link{{tr(cat, "首页"), cat.url()}, {tr(cat, "地区"), cat.url("regions")}}
		pl.paged(&Page{Kind: "region", Title: city.Name, URL: city.URL, Region: city, Totals: &city.Totals, Crumbs: crumbs}, city.Cases,
			"region", fmt.Sprintf("region %s named by %s", city.Name, city.Cases[0].Path), nil, nil, mix(totalsKey(city.Totals), countiesKey(city)))
		for _, county := range city.Counties {
			pl.paged(&Page{Kind: "region", Title: county.Name, URL: county.URL, Region: county, Totals: &county.Totals,
				Crumbs: append(crumbs[:2:2], Link{city.Name, city.URL})}, county.Cases,
				"region", fmt.Sprintf("region %s named by %s", county.Name, county.Cases[0].Path), nil, nil, totalsKey(county.Totals))
		}
	}
	for _, t := range cat.Scopes {
		pl.paged(&Page{Kind: "scope", Title: t.Name, URL: t.URL, Term: t, Totals: &t.Totals,
			Crumbs: []Link{{tr(cat, "首页"), cat.url()}, {tr(cat, "全部案例"), cat.url("cases")}}}, t.Cases,
			"scope", builtin(t.URL), nil, nil, totalsKey(t.Totals))
	}

	pl.page(&Page{Kind: "briefings", Title: tr(cat, "观摩手册"), URL: cat.url("briefings"),
		Crumbs: []Link{{tr(cat, "首页"), cat.url()}}}, "briefings", builtin("/briefings/"), nil, nil, mix(pl.dig.briefings, pl.dig.cases))
	for _, b := range cat.Briefings {
		pl.page(&Page{Kind: "briefing", Title: b.Title, Description: b.Summary(), URL: b.URL, Briefing: b, Cases: b.Cases, Totals: &b.Totals,
			Crumbs: []Link{{tr(cat, "首页"), cat.url()}, {tr(cat, "观摩手册"), cat.url("briefings")}}},
			"briefing", b.Path, &b.Body, &b.Source, mix(b.Version, casesKey(b.Cases)))
	}

	for _, p := range cat.Pages {
		if hasLanguage(cat.Config, p.Slug) {
			pl.probs = append(pl.probs, content.Problem{Path: p.Path, Message: fmt.Sprintf(
				"the page /%s/ would take the folder of the site's %s pages (translations are served under /%s/): rename the page", p.Slug, p.Slug, p.Slug)})
			continue
		}
		page := &Page{Kind: "page", Title: p.Title, Description: p.Summary, URL: p.URL, Page: p.Page,
			Crumbs: []Link{{tr(cat, "首页"), cat.url()}}, Alternates: p.Translations}
		pl.page(page, "page", p.Path, &p.Body, &p.Source, p.Version)
	}
	for _, tp := range cat.TranslatedPages {
		page := &Page{Kind: "page", Lang: tp.Lang, URL: tp.URL, Translated: tp, Alternates: []Link{{cat.Config.Language, tp.Original.URL}}}
		if tp.Page != nil {
			page.Title, page.Description, page.Page = tp.Page.Title, tp.Page.Summary, tp.Page
			pl.page(page, "page", tp.Page.Path, &tp.Page.Body, &tp.Page.Source, tp.Page.Version)
		} else {
			page.Title, page.Description = tp.Practice.Title, tp.Practice.Summary
			pl.page(page, "page", tp.Practice.Path, &tp.Practice.Body, &tp.Practice.Source, tp.Practice.Version)
		}
	}

	pl.page(&Page{Kind: "404", Title: tr(cat, "找不到页面"), URL: cat.BasePath + "404.html"}, "404", builtin("/404.html"), nil, nil, 1)
	pl.searchPage()
	pl.feeds()
	pl.statics()
}

// paged plans a list page of cases, split into pages of page_size: the
// first at base.URL, the others at base.URL/page/N/. Each page's key
// covers the cases it shows and allKey, what the page shows of the whole
// list (its totals, its length).
func (pl *plan) paged(base *Page, cases []*Case, tmpl, source string, body *content.Body, bodySrc *content.Source, allKey uint64) {
	size := pl.cat.Config.PageSize
	total := max(1, (len(cases)+size-1)/size)
	pageURL := func(n int) string {
		if n == 1 {
			return base.URL
		}
		return base.URL + "page/" + strconv.Itoa(n) + "/"
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*size, min(n*size, len(cases))
		page := *base
		page.URL = pageURL(n)
		page.Cases = cases[lo:hi]
		pg := &Pager{Number: n, Total: total, First: lo + 1, Last: hi, Items: len(cases)}
		if n > 1 {
			pg.Prev = pageURL(n - 1)
			page.Title = fmt.Sprintf("%s（%s）", base.Title, fmt.Sprintf(tr(pl.cat, "第%d页"), n))
			page.Canonical = ""
		}
		if n < total {
			pg.Next = pageURL(n + 1)
		}
		gap := false
		for k := 1; k <= total; k++ {
			if k == 1 || k == total || (k >= n-2 && k <= n+2) {
				pg.Pages = append(pg.Pages, PageLink{Number: k, URL: pageURL(k), Current: k == n})
				gap = false
			} else if !gap {
				pg.Pages = append(pg.Pages, PageLink{Gap: true})
				gap = true
			}
		}
		page.Pager = pg
		pl.page(&page, tmpl, source, body, bodySrc, mix(mix(allKey, casesKey(page.Cases)), uint64(total)))
	}
}

// hasLanguage reports whether lang is one of the site's other languages.
func hasLanguage(cfg content.Config, lang string) bool {
	for _, l := range cfg.Languages {
		if strings.EqualFold(l, lang) {
			return true
		}
	}
	return false
}

func sourceOr(s *content.Source, alt string) string {
	if s != nil {
		return s.Path
	}
	return alt
}

// casePage plans one case page in lang.
func (pl *plan) casePage(c *Case, lang string) {
	cat := pl.cat
	crumbs := []Link{{render.Translate(lang, "首页"), cat.url()}, {render.Translate(lang, "全部案例"), cat.url("cases")}}
	page := &Page{Kind: "case", Lang: lang, Title: c.Title, Description: c.Summary, URL: c.URL, Case: c,
		Crumbs: crumbs, Alternates: c.Translations}
	if img := c.shareImage(); img != "" {
		page.Image = absURL(cat, img)
	}
	n := len(pl.jobs)
	pl.page(page, "case", c.Path, &c.Body, &c.Source, caseKey(c))
	if pl.release && len(pl.jobs) > n {
		pl.jobs[n].done = func() { c.Body.HTML = "" }
	}
}

// shareImage is the image a link preview shows: the first "after" or
// single image of the gallery.
func (c *Case) shareImage() string {
	for _, g := range c.Gallery {
		if g.After != "" {
			return g.After
		}
		if g.Image != "" {
			return g.Image
		}
	}
	return ""
}

// Summary is the briefing's first paragraph, shortened.
func (b *Briefing) Summary() string { return content.Summarize(b.First, 120) }

// tr translates a UI string into the site's language.
func tr(cat *Catalog, s string) string { return render.Translate(cat.Config.Language, s) }

// counts returns the number of pages per kind.
func (pl *plan) counts() map[string]int {
	out := map[string]int{}
	for _, j := range pl.jobs {
		if j.kind != "" {
			out[j.kind]++
		}
	}
	return out
}

// staticFile is one file to copy from a static/ folder.
func (pl *plan) copyStatic(fsys fs.FS, root, label string, seen map[string]bool) {
	if fsys == nil {
		return
	}
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root {
				pl.probs = append(pl.probs, content.Problem{Path: p, Message: "cannot read: " + err.Error()})
			}
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(p, root+"/")
		if seen[rel] {
			return nil // overridden by the site
		}
		seen[rel] = true
		if d.Type()&fs.ModeSymlink != 0 {
			pl.probs = append(pl.probs, content.Problem{Path: p, Message: "symbolic links are not copied: put the file itself in static/"})
			return nil
		}
		src := label + "/" + rel
		pl.fileKeyed(rel, src, statKey(fsys, p), func(*render.Templates) ([]byte, error) { return fs.ReadFile(fsys, p) })
		return nil
	})
}

// statics plans the copies of static files (the site's first, so they
// override the theme's) and of page bundle assets.
func (pl *plan) statics() {
	seen := map[string]bool{}
	pl.copyStatic(pl.site, "static", "static", seen)
	pl.copyStatic(pl.theme, "static", "built-in static", seen)
	if pl.lib == nil {
		return
	}
	var rels []string
	for rel := range pl.lib.Assets {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		src := pl.lib.Assets[rel]
		site := pl.site
		pl.fileKeyed(rel, src, statKey(site, src), func(*render.Templates) ([]byte, error) { return fs.ReadFile(site, src) })
	}
}

// statKey fingerprints a file to copy by its size and modification time,
// or is 0 (copy again) when it cannot be read.
func statKey(fsys fs.FS, name string) uint64 {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return 0
	}
	return mixString(mix(uint64(info.Size()), uint64(info.ModTime().UnixNano())), name)
}

// countiesKey fingerprints what a city page shows of its counties: their
// names, addresses and numbers of cases.
func countiesKey(city *Region) uint64 {
	k := uint64(len(city.Counties))
	for _, c := range city.Counties {
		k = mix(mixString(k, c.URL), uint64(len(c.Cases)))
	}
	return k
}
