// Package site builds a showcase site: it is the one package that knows
// every stage and runs them in order.
//
//	load      content.Load reads site.yaml and content/ (in parallel) and
//	          renders each Markdown body
//	assemble  the published pages are linked into a Catalog: newest first,
//	          by practice, by region, by scope, with totals and progress
//	search    the search index is planned, built and written first, while
//	          little but the pages' HTML is in memory
//	plan      every other output file is listed with its template and
//	          data; two sources of one URL are an error naming both
//	render    pages are rendered in parallel and handed to the writer; every
//	          internal link and anchor is recorded
//	check     every link must resolve to a file the build wrote
//	write     the output folder is swapped in, or, on any problem, the
//	          temporary folder is dropped and the previous output stays
//
// Check runs the same stages with writing turned off.
package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/links"
	"github.com/guangdong-renovation/showcase/internal/markdown"
	"github.com/guangdong-renovation/showcase/internal/output"
	"github.com/guangdong-renovation/showcase/internal/render"
	"github.com/guangdong-renovation/showcase/internal/rusage"
)

// Options configure a build.
type Options struct {
	SiteDir string // the site folder on disk
	Site    fs.FS  // the site folder; content.DirFS(SiteDir) when nil
	Theme   fs.FS  // the built-in theme: a tree with templates/ and static/
	Out     string // output folder; SiteDir/public when empty
	Drafts  bool   // publish drafts too
	BaseURL string // overrides site.yaml base_url when set
	Workers int    // parallel workers; twice GOMAXPROCS when 0
	// DryRun loads, renders and checks everything but writes nothing.
	DryRun bool
	// Force builds even when the output folder records a build of exactly
	// the same input (see fingerprint.go).
	Force bool
	// ExternalLinks also checks every http and https link, each within
	// ExternalTimeout (default 10 s); failures are warnings.
	ExternalLinks   bool
	ExternalTimeout time.Duration
	// LimitMemory paces the process's garbage collector by the size of
	// the site (see limitMemory) unless GOGC or GOMEMLIMIT is set: for a
	// command that builds once and exits, not for a library user.
	LimitMemory bool
	// Memory, when set, receives the build instead of Out: the dev server
	// serves from it. Rebuilds into Memory re-render only the pages whose
	// key changed.
	Memory *Memory
	// TemplatesOnly renders every page with the templates, never with the
	// built-in theme's Go renderers (native.go): for comparing the two.
	TemplatesOnly bool
	// Planned, when set, is called once the search index is planned,
	// before it is built: everything the build holds for the pages is
	// loaded then, and what is live there, with the index, is what the
	// build's memory peak is made of (the CLI's -heapprofile writes a heap
	// profile from here).
	Planned func()
}

// Result describes a finished build.
type Result struct {
	Pages    map[string]int // pages written per kind
	Rendered int            // files produced (a rebuild into Memory skips unchanged ones)
	// RenderedPaths lists the files produced, when building into Memory.
	RenderedPaths []string
	Files         int64 // files written, pages and others
	Bytes         int64
	Kept          int64 // files unchanged since the previous build
	Changed       []string
	Duration      time.Duration
	Warnings      content.Problems
	Out           string
	// UpToDate says that nothing was built: the output folder holds a
	// build of the same input already.
	UpToDate bool
	// Stages says how long each stage took, in order.
	Stages []Stage
}

// A Stage is one step of a build, how long it took and the CPU time the
// whole process spent meanwhile (zero where it is not measured): CPU
// near twice the duration on two cores says the stage kept both busy.
type Stage struct {
	Name     string
	Duration time.Duration
	CPU      time.Duration
}

// stopwatch records stages as they end.
type stopwatch struct {
	last    time.Time
	lastCPU time.Duration
	stages  []Stage
}

func newStopwatch(start time.Time) *stopwatch {
	return &stopwatch{last: start, lastCPU: rusage.CPU()}
}

func (w *stopwatch) lap(name string) {
	now, cpu := time.Now(), rusage.CPU()
	w.stages = append(w.stages, Stage{name, now.Sub(w.last), cpu - w.lastCPU})
	w.last, w.lastCPU = now, cpu
}

// A sink receives output files.
type sink interface {
	WriteFile(rel string, data []byte) error
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// Build runs every stage once. Problems with the input are returned as
// content.Problems (errors and warnings together); any other error is a
// failure of the machine (a disk, say).
func Build(ctx context.Context, opts Options) (*Result, error) {
	return NewBuilder(opts).Build(ctx, nil)
}

// A Builder builds the same site again and again, reusing what did not
// change: the files it need not parse again and, when building into
// Memory, the pages it need not render again. It is not safe for
// concurrent use.
type Builder struct {
	opts   Options
	loader *content.Loader
	// From the last successful build into Memory:
	keys  map[string]uint64 // output path -> page key
	scans map[string]scan   // output path -> links found on the page
	tpl   *render.Templates
	// checked is the last load known to build without problems: that of
	// the last successful build, or of a Preview after it (see Preview).
	checked *content.Library
	// The last load and its Catalog (see patchCatalog).
	lib *content.Library
	cat *Catalog
}

type scan struct {
	refs, ids []string
	src       links.Source
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder {
	if opts.Site == nil {
		opts.Site = content.DirFS(opts.SiteDir)
	}
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.SiteDir, "public")
	}
	if opts.Workers <= 0 {
		// Every worker reads or writes files as well as computing, and
		// a worker waiting on the disk leaves its core idle: with as many
		// workers as cores, a 10,000-case build kept only 1.4 of 2 busy.
		opts.Workers = 2 * runtime.GOMAXPROCS(0)
	}
	loader := content.NewLoader(opts.Site, content.Options{
		NewRenderer: func(cfg content.Config) content.BodyRenderer {
			return bodyRenderer{markdown.New(markdown.Options{Unsafe: cfg.UnsafeHTML})}
		},
		Workers: opts.Workers,
	})
	return &Builder{opts: opts, loader: loader}
}

// Build builds the site. changed lists the site files (slash paths) that
// changed since the last Build, or nil when unknown: then every file is
// read again.
func (b *Builder) Build(ctx context.Context, changed []string) (*Result, error) {
	res, err := b.build(ctx, changed)
	if err != nil && ctx.Err() == nil {
		b.checked = nil // the site is broken: Preview waits for a good build
	}
	return res, err
}

func (b *Builder) build(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	watch := newStopwatch(start)
	opts := b.opts
	var fp string
	if !opts.DryRun && opts.Memory == nil {
		if err := checkOutDir(opts.SiteDir, opts.Out); err != nil {
			return nil, err
		}
		// Preparing huge pages takes 30 ms, mostly waiting for the
		// system, and the fingerprint allocates little: they run side by
		// side.
		hugeReady := make(chan struct{})
		go func() {
			defer close(hugeReady)
			if opts.LimitMemory {
				preferHugePages(hugePagesSpan())
			}
		}()
		var size int64
		fp, size = fingerprint(opts)
		<-hugeReady
		if opts.LimitMemory {
			defer limitMemory(size)()
		}
		if !opts.Force && fp == output.Fingerprint(opts.Out) {
			return &Result{Out: opts.Out, UpToDate: true, Duration: time.Since(start)}, nil
		}
	}

	watch.lap("fingerprint")
	// load
	lib, probs := b.loader.Load(changed)
	watch.lap("load")
	if opts.BaseURL != "" {
		lib.Config.BaseURL = strings.TrimRight(opts.BaseURL, "/") + "/"
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cat := b.catalog(lib)
	probs = append(probs, checkTranslations(lib, cat)...)
	probs = append(probs, checkBriefingDrafts(lib, cat, opts.Drafts)...)
	tpl, tprobs := loadTemplates(opts, cat)
	probs = append(probs, tprobs...)
	watch.lap("assemble")
	if probs.HasErrors() {
		return nil, probs
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// search index, then plan, then render and write
	pl := newPlan(cat, lib, opts.Site, opts.Theme)
	pl.tpl = tpl
	pl.dig = computeDigests(cat, tpl, lib.ConfigVersion, opts)
	pl.release = opts.Memory == nil && !tpl.Custom()
	var out sink = discard{}
	var dir *output.Dir
	var mem *memoryBuild
	switch {
	case opts.Memory != nil:
		mem = opts.Memory.begin()
		out = mem
	case !opts.DryRun:
		var err error
		dir, err = output.Begin(opts.Out)
		if err != nil {
			return nil, err
		}
		out = dir
		defer dir.Abort() // a no-op after Commit
	}
	checker := links.New(cat.BasePath)
	checker.ReadSource = func(p string) ([]byte, error) { return fs.ReadFile(opts.Site, p) }
	r := &runner{opts: opts, tpl: tpl, out: out, checker: checker}
	if mem != nil && b.keys != nil {
		r.prevKeys, r.prevScans, r.prev = b.keys, b.scans, mem
	}
	if mem != nil {
		r.scans = map[string]scan{}
	}
	// The search index is built and written first, while the build holds
	// little but the pages' HTML (which its text comes from): at 100,000
	// cases the index peaks near 300 MB and the plan of the pages takes
	// 135 MB, and together they made the build's memory peak.
	pl.searchIndex()
	if opts.Planned != nil {
		opts.Planned()
	}
	if _, err := r.run(ctx, pl.jobs); err != nil {
		return nil, err
	}
	watch.lap("search index")
	indexJobs := len(pl.jobs)
	pl.pages()
	if pl.probs.HasErrors() {
		return nil, append(probs, pl.probs...)
	}
	watch.lap("plan")
	rprobs, err := r.run(ctx, pl.jobs[indexJobs:])
	if err != nil {
		return nil, err
	}
	watch.lap("render and write")
	probs = append(probs, rprobs...)
	if !rprobs.HasErrors() {
		probs = append(probs, checker.Check()...)
	}
	watch.lap("check links")
	if opts.ExternalLinks && !probs.HasErrors() {
		timeout := opts.ExternalTimeout
		if timeout <= 0 {
			timeout = 10 * time.Second
		}
		probs = append(probs, checker.External(ctx, &http.Client{Timeout: timeout}, timeout)...)
	}
	if probs.HasErrors() {
		return nil, probs
	}
	res := &Result{Pages: pl.counts(), Rendered: int(r.rendered.Load()), Warnings: probs.Warnings(), Out: opts.Out}
	switch {
	case dir != nil:
		if err := dir.Commit(fp); err != nil {
			return nil, err
		}
		res.Files, res.Bytes, res.Kept = dir.Stats()
	case mem != nil:
		res.Changed = mem.commit()
		res.Files = int64(len(pl.jobs))
		res.Kept = res.Files - int64(len(res.Changed))
		b.keys = map[string]uint64{}
		for _, j := range pl.jobs {
			b.keys[j.rel] = j.key
		}
		b.scans = r.scans
		b.tpl, b.checked = tpl, lib
		sort.Strings(r.renderedPaths)
		res.RenderedPaths = r.renderedPaths
	}
	watch.lap("commit")
	res.Stages = watch.stages
	res.Duration = time.Since(start)
	return res, nil
}

// bodyRenderer adapts the Markdown renderer to content.BodyRenderer.
type bodyRenderer struct{ r *markdown.Renderer }

func (b bodyRenderer) RenderBody(src []byte) (content.Body, error) {
	res, err := b.r.RenderValid(src) // the loader has checked it (content.BodyRenderer)
	if err != nil {
		return content.Body{}, err
	}
	body := content.Body{HTML: trustedHTML(res.HTML), First: res.First, Links: res.Links}
	if len(res.Headings) > 0 {
		body.Headings = make([]content.Heading, len(res.Headings))
		for i, h := range res.Headings {
			body.Headings[i] = content.Heading{Level: h.Level, ID: h.ID, Text: h.Text}
		}
	}
	return body, nil
}

func loadTemplates(opts Options, cat *Catalog) (*render.Templates, content.Problems) {
	builtin, err := fs.Sub(opts.Theme, "templates")
	if err != nil || opts.Theme == nil {
		builtin = nil
	}
	siteTpl, err := fs.Sub(opts.Site, "templates")
	if err != nil {
		siteTpl = nil
	}
	ro := render.Options{
		Builtin: builtin, BuiltinDir: "templates",
		Site: siteTpl, SiteDir: "templates",
		Funcs:     render.Funcs(absBase(cat.Config.BaseURL), cat.BasePath),
		Languages: append([]string{cat.Config.Language}, cat.Config.Languages...),
	}
	if !opts.TemplatesOnly {
		ro.Natives = natives(absBase(cat.Config.BaseURL), cat.BasePath)
	}
	return render.Load(ro)
}

// absBase is base_url for absolute links; a site without one gets
// root-relative links, which is the best it can have.
func absBase(base string) string {
	return base
}

// checkOutDir refuses an output folder that would overwrite the site's
// own files: the site folder itself, a folder that contains it, or one
// inside content/, templates/ or static/.
func checkOutDir(siteDir, out string) error {
	s, err1 := filepath.Abs(siteDir)
	o, err2 := filepath.Abs(out)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if s2, err := filepath.EvalSymlinks(s); err == nil {
		s = s2
	}
	if o2, err := evalExisting(o); err == nil {
		o = o2
	}
	within := func(parent, child string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	if within(o, s) {
		return fmt.Errorf("output folder %s is the site folder or contains it: choose a folder such as %s", out, filepath.Join(siteDir, "public"))
	}
	for _, d := range []string{"content", "templates", "static"} {
		if within(filepath.Join(s, d), o) {
			return fmt.Errorf("output folder %s is inside the site's %s/ folder: choose a folder such as %s", out, d, filepath.Join(siteDir, "public"))
		}
	}
	return nil
}

// evalExisting resolves symlinks in the longest existing prefix of p.
func evalExisting(p string) (string, error) {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", errors.New("no existing parent")
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}
