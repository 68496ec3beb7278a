// Package render loads the site's HTML templates and executes them.
//
// A theme is a folder of html/template files: base.html defines "base",
// the whole document; every file whose name starts with "_" holds shared
// definitions; every other .html file is a page template that defines
// "main" (and optionally "head"). A site's own templates/ folder overrides
// the built-in theme file by file, by name, and may add partial files.
//
// Problems in templates, at parse time or when a page is rendered, are
// reported with the template file's path and line, like content problems.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// Options say where templates come from.
type Options struct {
	Builtin fs.FS // the built-in theme's templates folder
	Site    fs.FS // the site's templates folder, or nil
	// SiteDir and BuiltinDir prefix file names in problems, e.g. "templates".
	SiteDir, BuiltinDir string
	Funcs               template.FuncMap
	// Languages are the languages pages will be rendered in.
	Languages []string
	// Natives render parts of the built-in theme in Go, where the theme
	// loaded is the one they were written from (see Native).
	Natives Natives
}

// Templates are the parsed page templates of a site.
type Templates struct {
	raw     *set              // as written: tr translates at run time
	langs   map[string]*set   // per language, with literal tr calls translated
	paths   map[string]string // file or template name -> path for problems
	version uint64
	custom  bool    // the site has templates of its own
	natives Natives // those that match the theme
}

// Custom reports whether the site has templates of its own: then any page
// may show any field of any case.
func (t *Templates) Custom() bool { return t.custom }

// A set is one parse of the theme: base.html and the partials, and a clone
// of them with each page template.
type set struct {
	base  *template.Template
	pages map[string]*template.Template // by page name, e.g. "case"
	cards *htmlCache[cardKey]
	parts *htmlCache[partKey]
	// scratch holds *bytes.Buffer for rendering one card: a card is
	// copied out at its exact size, and a new 2 kB buffer for each of
	// 20,000 cards was 40 MB of a 10,000-case build's garbage.
	scratch sync.Pool
	// Natives in use (only in the sets of Languages): the card's, and the
	// pages' by page name.
	nativeCard *Native
	pageNative map[string]*Native
}

// Load parses the theme. Every problem is reported, not just the first.
// For each of opts.Languages it also parses a copy in which every
// {{tr $lang "…"}} with a literal string is replaced by its translation, so
// pages in that language run fewer template calls.
func Load(opts Options) (*Templates, content.Problems) {
	var probs content.Problems
	files := map[string][]byte{}
	paths := map[string]string{}
	fromSite := map[string]bool{}
	t := &Templates{paths: paths, langs: map[string]*set{}}
	read := func(fsys fs.FS, dir string, site bool) {
		if fsys == nil {
			return
		}
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				probs = append(probs, content.Problem{Path: dir, Message: "cannot read: " + err.Error()})
			}
			return
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".html") || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			b, err := fs.ReadFile(fsys, e.Name())
			if err != nil {
				probs = append(probs, content.Problem{Path: path.Join(dir, e.Name()), Message: "cannot read: " + err.Error()})
				continue
			}
			files[e.Name()] = b
			paths[e.Name()] = path.Join(dir, e.Name())
			fromSite[e.Name()] = site
			if site {
				t.custom = true
			}
		}
	}
	read(opts.Builtin, opts.BuiltinDir, false)
	read(opts.Site, opts.SiteDir, true)

	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := fnv.New64a()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(files[n])
		h.Write([]byte{0})
	}
	t.version = h.Sum64()
	if _, ok := files["base.html"]; !ok {
		probs = append(probs, content.Problem{Path: path.Join(opts.SiteDir, "base.html"), Message: "missing: the theme needs base.html defining \"base\""})
		t.raw = &set{pages: map[string]*template.Template{}, cards: newHTMLCache[cardKey](), parts: newHTMLCache[partKey]()}
		return t, probs
	}
	var ok bool
	t.raw, ok = t.parseSet(files, names, fromSite, opts.Funcs, &probs, func(b []byte) []byte { return b })
	if !ok {
		return t, probs
	}
	t.natives = t.activeNatives(opts.Natives)
	for _, lang := range opts.Languages {
		if _, done := t.langs[lang]; done {
			continue
		}
		var ignored content.Problems
		s, ok := t.parseSet(files, names, fromSite, opts.Funcs, &ignored, func(b []byte) []byte { return pretranslate(b, lang) })
		if ok && len(ignored) == 0 {
			s.nativeCard, s.pageNative = t.natives.Card, t.natives.Pages
			t.langs[lang] = s
		}
	}
	return t, probs
}

// parseSet parses every file, each first passed through edit.
func (t *Templates) parseSet(files map[string][]byte, names []string, fromSite map[string]bool, userFuncs template.FuncMap, probs *content.Problems, edit func([]byte) []byte) (*set, bool) {
	s := &set{pages: map[string]*template.Template{}, cards: newHTMLCache[cardKey](), parts: newHTMLCache[partKey]()}
	funcs := template.FuncMap{"card": s.card, "cards": s.cardList, "cached": s.cached}
	for k, v := range userFuncs {
		funcs[k] = v
	}
	base := template.New("base").Funcs(funcs)
	s.base = base
	parse := func(tpl *template.Template, name string) bool {
		if _, err := tpl.New(name).Parse(string(edit(files[name]))); err != nil {
			*probs = append(*probs, t.problem(err))
			return false
		}
		return true
	}
	ok := parse(base, "base.html")
	// The theme's partials first, then the site's, so that a definition in
	// a site's partial file replaces the theme's of the same name.
	for _, site := range []bool{false, true} {
		for _, n := range names {
			if strings.HasPrefix(n, "_") && fromSite[n] == site {
				ok = parse(base, n) && ok
			}
		}
	}
	if !ok {
		return s, false
	}
	for _, d := range base.Templates() {
		if d.Tree != nil {
			t.paths[d.Name()] = t.paths[d.Tree.ParseName]
		}
	}
	for _, n := range names {
		if n == "base.html" || strings.HasPrefix(n, "_") {
			continue
		}
		page, err := base.Clone()
		if err != nil {
			*probs = append(*probs, content.Problem{Path: t.paths[n], Message: err.Error()})
			continue
		}
		if parse(page, n) {
			s.pages[strings.TrimSuffix(n, ".html")] = page
		}
	}
	return s, true
}

// Has reports whether the theme has a page template for name.
func (t *Templates) Has(name string) bool { return t.raw.pages[name] != nil }

// Execute renders page template name with data into w. An error names the
// template file and line.
func (t *Templates) Execute(w io.Writer, name string, data any) error {
	return t.execute(t.raw, w, name, data)
}

// ExecuteLang is Execute for a page in lang, using the templates
// pre-translated for lang when Load was given it.
func (t *Templates) ExecuteLang(w io.Writer, name, lang string, data any) error {
	s := t.langs[lang]
	if s == nil {
		s = t.raw
	}
	return t.execute(s, w, name, data)
}

func (t *Templates) execute(s *set, w io.Writer, name string, data any) error {
	tpl := s.pages[name]
	if tpl == nil {
		return &TemplateError{Problem: content.Problem{Path: path.Join("templates", name+".html"), Message: "missing page template"}}
	}
	var err error
	if nat := s.pageNative[name]; nat != nil {
		err = s.executeNative(tpl, nat, w, data)
	} else {
		err = tpl.ExecuteTemplate(w, "base", data)
	}
	if err != nil {
		return &TemplateError{Problem: t.problem(err)}
	}
	return nil
}

// Render is Execute into a new buffer.
func (t *Templates) Render(name string, data any) ([]byte, error) {
	return t.RenderLang(name, "", data)
}

// RenderLangInto is ExecuteLang into buf, which it resets first; a caller
// that renders many pages reuses its buffers.
func (t *Templates) RenderLangInto(buf *bytes.Buffer, name, lang string, data any) error {
	buf.Reset()
	return t.ExecuteLang(buf, name, lang, data)
}

// RenderLang is ExecuteLang into a new buffer.
func (t *Templates) RenderLang(name, lang string, data any) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	err := t.ExecuteLang(&buf, name, lang, data)
	return buf.Bytes(), err
}

// TemplateError is a problem in a template found while rendering a page.
type TemplateError struct{ Problem content.Problem }

func (e *TemplateError) Error() string { return e.Problem.String() }

var tplErrRE = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// problem turns a text/template or html/template error into a Problem at
// the template's file and line.
func (t *Templates) problem(err error) content.Problem {
	msg := err.Error()
	if m := tplErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		p := t.paths[m[1]]
		if p == "" {
			p = path.Join("templates", m[1])
		}
		return content.Problem{Path: p, Line: line, Col: col, Message: m[4]}
	}
	var te *template.Error
	if errors.As(err, &te) && te.Name != "" {
		p := t.paths[te.Name]
		if p == "" {
			p = path.Join("templates", te.Name)
		}
		return content.Problem{Path: p, Line: te.Line, Message: te.Description}
	}
	return content.Problem{Path: "templates", Message: fmt.Sprint(msg)}
}

// Version fingerprints every template file, so that a rebuild knows when
// the theme changed.
func (t *Templates) Version() uint64 { return t.version }

// SiteFields returns, for page template name, the fields of .Site that it
// or any template it calls reads ("Cases", "Totals", …), and whether it
// passes .Site whole to something, which may read anything. A rebuild
// re-renders such pages whenever what those fields show changes.
func (t *Templates) SiteFields(name string) (fields map[string]bool, all bool) {
	tpl := t.raw.pages[name]
	if tpl == nil {
		return nil, true
	}
	fields = map[string]bool{}
	// Only the templates that rendering "base" can reach count: the
	// partials define more than any one page uses.
	seen := map[string]bool{}
	queue := []string{"base"}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		tt := tpl.Lookup(name)
		if tt == nil || tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		walkSiteFields(tt.Tree.Root, fields, &all, func(called string) { queue = append(queue, called) })
	}
	return fields, all
}
