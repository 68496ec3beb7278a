package site

import (
	"bytes"
	"fmt"
	"html/template"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/figures"
	"github.com/guangdong-renovation/showcase/internal/markdown"
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

// searchIndex plans the files of the search index (see package search):
// the layout is chosen now, from the documents' sizes; the index is built,
// in parallel, by the first shard job that runs, and each shard and
// fragment file is encoded by its own job. The build runs these jobs
// before it plans the pages (see Builder.build), so the index is never in
// memory beside the plan of 100,000 pages.
func (pl *plan) searchIndex() {
	cat := pl.cat
	docs := searchDocs(cat)
	pl.searchKey = pl.searchKeyOf(len(docs))
	layout := search.NewLayout(docs, fmt.Sprintf("%016x", pl.searchKey))
	pl.searchLayout = layout
	src := builtin("/search/")
	pl.fileKeyed(searchDir+search.MetaName, src, pl.searchKey, func(*render.Templates) ([]byte, error) { return layout.Meta(), nil })
	// The first shard job to run builds the index, with every core (the
	// other jobs that start meanwhile are shard jobs too, and wait for it);
	// then each job encodes its own shard, and the last one lets go of
	// the index. Encoding every shard at once held them all, about as
	// large as the index, beside it.
	var once sync.Once
	var idx *search.Index
	var left atomic.Int64
	left.Store(int64(layout.Shards))
	shard := func(n int, out *bytes.Buffer) {
		once.Do(func() { idx = search.Build(docs, layout, 0) })
		fill(out, func(b []byte) []byte { return idx.AppendShard(b, n) })
		// Every other job read idx before its Add: the last one to add
		// is the last reader.
		if left.Add(-1) == 0 {
			idx = nil
		}
	}
	// The files are made in the runner's buffers, and each fragment job
	// makes its documents' text in a buffer that the next one reuses: a
	// new slice for each file was 57 MB of garbage at 10,000 cases, made
	// while the index was in memory, the build's peak.
	for s := 0; s < layout.Shards; s++ {
		pl.fileInto(searchDir+search.ShardName(s), src, pl.searchKey, func(_ *render.Templates, out *bytes.Buffer) error {
			shard(s, out)
			return nil
		})
	}
	var scratch sync.Pool
	for f := 0; f < layout.Fragments(); f++ {
		pl.fileInto(searchDir+search.FragmentName(f), src, pl.searchKey, func(_ *render.Templates, out *bytes.Buffer) error {
			buf, _ := scratch.Get().(*[]byte)
			if buf == nil {
				buf = new([]byte)
			}
			defer scratch.Put(buf)
			fill(out, func(b []byte) []byte { return layout.AppendFragment(b, docs, f, buf) })
			return nil
		})
	}
}

// fill sets out, an empty buffer, to what appendTo appends to its spare
// room. The buffer adopts the result even when appendTo had to move it to
// a larger array, so that a large file is neither made twice nor copied.
func fill(out *bytes.Buffer, appendTo func([]byte) []byte) {
	*out = *bytes.NewBuffer(appendTo(out.AvailableBuffer()[:0]))
}

// searchPage plans the search page, /search/, for the index searchIndex
// planned.
func (pl *plan) searchPage() {
	cat := pl.cat
	page := &Page{Kind: "search", Title: tr(cat, "搜索"), URL: cat.url("search"),
		Crumbs: []Link{{tr(cat, "首页"), cat.url()}}}
	n := len(pl.jobs)
	pl.page(page, "search", builtin("/search/"), nil, nil, pl.searchKey)
	if len(pl.jobs) > n { // the page was planned: give its template the index layout
		data := searchPage{Page: page, Search: searchInfo{Layout: pl.searchLayout, Format: search.Format, Index: cat.url("search"), Statuses: content.Statuses()}}
		pl.jobs[n].produce = func(t *render.Templates) ([]byte, error) { return t.Render("search", data) }
		pl.jobs[n].into = nil
	}
}

// searchKeyOf fingerprints everything the index holds: the published pages
// and the configuration (whose language decides how figures are written).
func (pl *plan) searchKeyOf(docs int) uint64 {
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
			bodyOf(&d, p.Text.Body.HTML)
		}
		add(p.URL, d)
	}
	for _, b := range cat.Briefings {
		d := search.Doc{Kind: search.Briefing, Slug: b.Slug, Title: b.Title, Summary: b.Summary(),
			Region: b.Place, Meta: nonEmpty(b.Organizer)}
		bodyOf(&d, b.Body.HTML)
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
		d := search.Doc{Kind: search.Page, Slug: p.Slug, Title: p.Title, Summary: p.Summary}
		bodyOf(&d, p.Body.HTML)
		add(p.URL, d)
	}
	return docs
}

// bodyOf makes d's body the plain text of html when the index needs it:
// held beside every case's HTML, the text of 100,000 cases was 350 MB of
// the build's peak. Its length is taken as three quarters of the HTML's,
// as in the example site and the generated corpus (0.75 and 0.77).
func bodyOf(d *search.Doc, html template.HTML) {
	if html == "" {
		return
	}
	d.AppendBody = func(dst []byte) []byte { return markdown.AppendText(dst, string(html)) }
	d.BodySize = len(html) * 3 / 4
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
	d := search.Doc{Kind: search.Case, Slug: c.Slug, Title: c.Title, Summary: c.Summary,
		Status: c.Status, Practices: c.Practices, City: c.Region.City}
	bodyOf(&d, c.Body.HTML)
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
