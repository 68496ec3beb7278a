package site

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/figures"
	"github.com/guangdong-renovation/showcase/internal/render"
	"github.com/guangdong-renovation/showcase/internal/search"
)

// searchDir is the output folder of the search page and its index.
const searchDir = "search/"

// searchPage is what templates/search.html receives: the page, and the
// numbers search.js needs to find the index files.
type searchPage struct {
	*Page
	Search searchInfo
}

type searchInfo struct {
	Layout   search.Layout
	Format   int      // search.Format
	Index    string   // site path of the index folder: /search/
	Statuses []string // the case statuses, in project order, for the filter
}

// search plans the search page, /search/, and the files of its index (see
// package search): the layout is chosen now, from the documents' sizes;
// the index is built, in parallel, by the first shard job that runs, and
// each shard and fragment file is encoded by its own job.
func (pl *plan) search() {
	cat := pl.cat
	docs := searchDocs(cat)
	key := pl.searchKey(len(docs))
	layout := search.NewLayout(docs, fmt.Sprintf("%016x", key))
	page := &Page{Kind: "search", Title: tr(cat, "搜索"), URL: cat.url("search"),
		Crumbs: []Link{{tr(cat, "首页"), cat.url()}}}
	src := builtin("/search/")
	jobs := len(pl.jobs)
	n := len(pl.jobs)
	pl.page(page, "search", src, nil, nil, key)
	if len(pl.jobs) > n { // the page was planned: give its template the index layout
		data := searchPage{Page: page, Search: searchInfo{Layout: layout, Format: search.Format, Index: cat.url("search"), Statuses: content.Statuses()}}
		pl.jobs[n].produce = func(t *render.Templates) ([]byte, error) { return t.Render("search", data) }
		pl.jobs[n].into = nil
	}

	meta := len(pl.jobs)
	pl.fileKeyed(searchDir+search.MetaName, src, key, func(*render.Templates) ([]byte, error) { return layout.Meta(), nil })
	if len(pl.jobs) > meta {
		pl.jobs[meta].first = true // with the index, so that the text can go early (releaseText)
	}
	// The first shard job to run builds the index, with every core (the
	// other jobs that start meanwhile are shard jobs too, and wait for
	// it); then each job encodes its own shard, and the last one lets go
	// of the index. Encoding every shard at once held them all, about as
	// large as the index, beside it.
	var once sync.Once
	var idx *search.Index
	var left atomic.Int64
	left.Store(int64(layout.Shards))
	shard := func(n int) []byte {
		once.Do(func() { idx = search.Build(docs, layout, 0) })
		b := idx.Shard(n)
		// Every other job read idx before its Add: the last one to add
		// is the last reader.
		if left.Add(-1) == 0 {
			idx = nil
		}
		return b
	}
	for s := 0; s < layout.Shards; s++ {
		n := len(pl.jobs)
		pl.fileKeyed(searchDir+search.ShardName(s), src, key, func(*render.Templates) ([]byte, error) { return shard(s), nil })
		if len(pl.jobs) > n {
			pl.jobs[n].first = true
		}
	}
	for f := 0; f < layout.Fragments(); f++ {
		n := len(pl.jobs)
		pl.fileKeyed(searchDir+search.FragmentName(f), src, key, func(*render.Templates) ([]byte, error) { return layout.Fragment(docs, f), nil })
		if len(pl.jobs) > n {
			pl.jobs[n].first = true
		}
	}
	if pl.release {
		pl.releaseText(jobs)
	}
}

// releaseText drops the cases' plain text once the search jobs planned
// since pl.jobs[from] are all done: it is in the index and its fragments,
// and the built-in theme shows it nowhere else.
func (pl *plan) releaseText(from int) {
	var left atomic.Int64
	var searchJobs []*job
	for _, j := range pl.jobs[from:] {
		if !j.html {
			searchJobs = append(searchJobs, j)
		}
	}
	left.Store(int64(len(searchJobs)))
	cases := append(append([]*Case(nil), pl.cat.Cases...), pl.cat.Translations...)
	for _, j := range searchJobs {
		j.done = func() {
			if left.Add(-1) == 0 {
				for _, c := range cases {
					c.Body.Text = ""
				}
			}
		}
	}
}

// searchKey fingerprints everything the index holds: the published pages
// and the configuration (whose language decides how figures are written).
func (pl *plan) searchKey(docs int) uint64 {
	k := mix(mix(mix(uint64(search.Format), pl.dig.cases), pl.dig.briefings), pl.dig.practiceTexts)
	if pl.lib != nil {
		k = mix(k, pl.lib.ConfigVersion)
	}
	for _, p := range pl.cat.Pages {
		k = mix(k, p.Version)
	}
	return mix(k, uint64(docs))
}

// SearchDocs loads and assembles the site of opts and returns the
// documents of its search index, in index order: for benchmarks and tools.
func SearchDocs(opts Options) ([]search.Doc, error) {
	b := NewBuilder(opts)
	lib, probs := b.loader.Load(nil)
	if probs.HasErrors() {
		return nil, probs
	}
	return searchDocs(assemble(lib, opts.Drafts)), nil
}

// searchDocs lists the pages the search finds, in index order: cases
// (newest first), practices, briefing packs, plain pages. A page whose URL
// is not the one search.js would build from its kind and slug is left out,
// since its result could not link to it.
func searchDocs(cat *Catalog) []search.Doc {
	lang := cat.Config.Language
	// Case documents (most of the work: figures are formatted) are made
	// in parallel, in place, then those that search.js could not link to
	// are dropped. The slice is made once at its full size: growing it
	// copied 10,000 documents of 200 bytes over and over.
	docs := make([]search.Doc, len(cat.Cases), len(cat.Cases)+len(cat.Practices)+len(cat.Briefings)+len(cat.Pages))
	parallel(len(cat.Cases), func(i int) { docs[i] = caseDoc(cat.Cases[i], lang) })
	kept := docs[:0]
	for i, c := range cat.Cases {
		if linkable(c.URL, cat.BasePath, &docs[i]) {
			kept = append(kept, docs[i])
		}
	}
	docs = kept
	add := func(url string, d search.Doc) {
		if linkable(url, cat.BasePath, &d) {
			docs = append(docs, d)
		}
	}
	for _, p := range cat.Practices {
		d := search.Doc{Kind: search.Practice, Slug: p.Slug, Title: p.Name, Summary: p.Summary}
		if p.Text != nil {
			d.Body = p.Text.Body.Text
		}
		add(p.URL, d)
	}
	for _, b := range cat.Briefings {
		d := search.Doc{Kind: search.Briefing, Slug: b.Slug, Title: b.Title, Summary: b.Summary(), Body: b.Body.Text,
			Region: b.Place, Meta: nonEmpty(b.Organizer)}
		var extra []string
		for _, c := range b.Cases {
			extra = append(extra, c.Title)
		}
		for _, a := range b.Agenda {
			extra = append(extra, a.Time, a.Title, a.Place)
			extra = append(extra, a.Speakers...)
		}
		d.Extra = strings.Join(nonEmpty(extra...), "\n")
		add(b.URL, d)
	}
	for _, p := range cat.Pages {
		add(p.URL, search.Doc{Kind: search.Page, Slug: p.Slug, Title: p.Title, Summary: p.Summary, Body: p.Body.Text})
	}
	return docs
}

// linkable reports whether url is base+d.Path(), the URL search.js
// builds for d, without building it.
func linkable(url, base string, d *search.Doc) bool {
	rest, ok := strings.CutPrefix(url, base)
	if !ok {
		return false
	}
	rest, ok = strings.CutPrefix(rest, d.Kind.Section())
	return ok && len(rest) == len(d.Slug)+1 && rest[len(d.Slug)] == '/' && rest[:len(d.Slug)] == d.Slug
}

// parallel calls f(0) … f(n-1) on every core.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// caseDoc is the search document of a case: region, practices, scope,
// tags and sites are short fields (they rank like the title's words, just
// below them); the figures are written as the site shows them (8.25亿元)
// and in digits (825000000), so both find the case.
func caseDoc(c *Case, lang string) search.Doc {
	d := search.Doc{Kind: search.Case, Slug: c.Slug, Title: c.Title, Summary: c.Summary, Body: c.Body.Text,
		Status: c.Status, Practices: c.Practices, City: c.Region.City}
	d.Region = c.Region.City
	if c.Region.County != "" && c.Region.County != c.Region.City {
		d.Region += " · " + c.Region.County
	}
	d.Meta = nonEmpty(render.StatusLabel(lang, c.Status), c.Region.Province)
	d.Meta = append(d.Meta, c.Scope...)
	d.Meta = append(d.Meta, c.Tags...)
	for _, s := range c.Sites {
		d.Meta = append(d.Meta, nonEmpty(s.Name, s.Address)...)
	}
	var extra []string
	for _, f := range c.Figures.List() {
		u, _ := figures.ParseUnit(f.Name)
		extra = append(extra, figures.Format(lang, u, f.Value), strconv.FormatFloat(f.Value, 'f', -1, 64))
	}
	if c.Period.Start != 0 {
		extra = append(extra, strconv.Itoa(c.Period.Start))
	}
	if c.Period.End != 0 {
		extra = append(extra, strconv.Itoa(c.Period.End))
	}
	extra = append(extra, c.FiguresNote)
	if c.Contact != nil {
		extra = append(extra, c.Contact.Org)
	}
	d.Extra = strings.Join(nonEmpty(extra...), "\n")
	return d
}
