package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// BodyRenderer renders a Markdown body. The site supplies one, so that this
// package does not depend on a Markdown implementation.
type BodyRenderer interface {
	// RenderBody renders src, which is valid UTF-8: a file that is not
	// is reported and never rendered.
	RenderBody(src []byte) (Body, error)
}

// Options configure Load.
type Options struct {
	// NewRenderer returns the body renderer for the site's configuration
	// (which says, for one, whether raw HTML is allowed).
	NewRenderer func(Config) BodyRenderer
	// MaxFileSize overrides site.yaml's max_file_size when positive.
	MaxFileSize int64
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
}

// The sections of content/ and what each holds.
const (
	SectionCases     = "cases"
	SectionPractices = "practices"
	SectionBriefings = "briefings"
	SectionPages     = "pages"
)

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ValidSlug reports whether s is a valid page slug: lower-case ASCII
// letters, digits and '-'.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// A file is one content file found by the walk, before parsing.
type file struct {
	section string // "" for content/_index.md
	src     Source
}

// Load reads the site folder fsys (site.yaml, content/, and the existence of
// static/ files that galleries name) into a Library. It reports every
// problem it finds, errors and warnings together; the Library is usable only
// when the problems hold no error.
func Load(fsys fs.FS, opts Options) (*Library, Problems) {
	return NewLoader(fsys, opts).Load(nil)
}

// A Loader loads a site folder again and again, re-reading only the files
// that changed since its last load: the dev server's rebuilds use it. It is
// not safe for concurrent use.
type Loader struct {
	fsys    fs.FS
	opts    Options
	config  []byte             // site.yaml as last read
	entries map[string]*parsed // by content file path
	// From the last walk of content/, reused while only known content
	// files change (see reuseWalk): the walk and the gallery checks of a
	// 10,000-case site cost about 90 ms, a save of one file a millisecond.
	files     []file
	assets    map[string]string
	walkProbs Problems
	gallery   map[string]Problems // case path -> its gallery problems
}

// NewLoader returns a Loader of fsys.
func NewLoader(fsys fs.FS, opts Options) *Loader {
	return &Loader{fsys: fsys, opts: opts}
}

// Load loads the site. changed names the files (slash paths relative to the
// site folder) that may have changed since the last Load; nil means every
// file. A change to site.yaml reloads everything. Files not named are taken
// from the last load when they are still there.
func (l *Loader) Load(changed []string) (*Library, Problems) {
	var probs Problems
	lib := &Library{Config: DefaultConfig(), Assets: map[string]string{}}
	cfgSrc := loadConfig(l.fsys, &lib.Config, &probs)
	if l.opts.MaxFileSize > 0 {
		lib.Config.MaxFileSize = l.opts.MaxFileSize
	}
	stale := map[string]bool{}
	full := changed == nil || l.entries == nil || string(cfgSrc) != string(l.config)
	for _, c := range changed {
		stale[c] = true
	}
	l.config = cfgSrc
	lib.ConfigVersion = version(cfgSrc)
	var files []file
	reuse := !full && l.reuseWalk(changed)
	if reuse {
		files, lib.Assets = l.files, l.assets
		probs = append(probs, l.walkProbs...)
	} else {
		var walkProbs Problems
		files = walkContent(l.fsys, lib, &walkProbs)
		l.files, l.assets, l.walkProbs = files, lib.Assets, walkProbs
		probs = append(probs, walkProbs...)
	}

	var r BodyRenderer
	if l.opts.NewRenderer != nil {
		r = l.opts.NewRenderer(lib.Config)
	}
	workers := l.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]*parsed, len(files))
	var todo []int
	for i, f := range files {
		if old := l.entries[f.src.Path]; !full && old != nil && !stale[f.src.Path] && old.file == f {
			results[i] = old
			continue
		}
		todo = append(todo, i)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(workers, len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fp := &fastParser{} // one per worker: a file's nodes are garbage once decoded
			var buf []byte      // and so are its bytes
			for i := range next {
				res := parseFile(l.fsys, files[i], lib.Config, r, fp, &buf)
				results[i] = &res
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()

	l.entries = make(map[string]*parsed, len(files))
	for i, res := range results {
		l.entries[files[i].src.Path] = res
		probs = append(probs, res.probs...)
		switch v := res.page.(type) {
		case *Case:
			if v.Region.Province == "" {
				v.Region.Province = lib.Config.Province
			}
			lib.Cases = append(lib.Cases, v)
		case *Practice:
			lib.Practices = append(lib.Practices, v)
		case *Briefing:
			lib.Briefings = append(lib.Briefings, v)
		case *Page:
			lib.Pages = append(lib.Pages, v)
		case *Home:
			lib.Home = v
		}
	}
	// A case's gallery problems change only with the case, its bundle's
	// files or static/; the last two are never reused (reuseWalk).
	gallery := make(map[string]Problems, len(lib.Cases))
	for _, c := range lib.Cases {
		gp, ok := l.gallery[c.Path]
		if !reuse || !ok || stale[c.Path] {
			gp = nil
			checkGallery(l.fsys, lib, c, &gp)
		}
		gallery[c.Path] = gp
		probs = append(probs, gp...)
	}
	l.gallery = gallery
	checkBriefingCases(lib, &probs)
	return lib, probs
}

// reuseWalk reports whether the last walk of content/ still holds: every
// changed path is a Markdown file that the last walk found and that is
// still a regular file, so no file came, went or changed kind. Anything
// else (static/, a bundle's image, a folder) walks again.
func (l *Loader) reuseWalk(changed []string) bool {
	if l.files == nil {
		return false
	}
	for _, c := range changed {
		if !strings.HasPrefix(c, "content/") {
			if strings.HasPrefix(c, "templates/") {
				continue // read by the site, not by Load
			}
			return false
		}
		if _, ok := l.entries[c]; !ok || !strings.HasSuffix(c, ".md") {
			return false
		}
		info, err := fs.Lstat(l.fsys, c)
		if err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// loadConfig decodes site.yaml into cfg and returns its bytes.
func loadConfig(fsys fs.FS, cfg *Config, probs *Problems) []byte {
	src, err := fs.ReadFile(fsys, "site.yaml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		*probs = append(*probs, Problem{Path: "site.yaml", Message: "cannot read: " + reason(err)})
		return nil
	}
	doc, p := splitDocument(append([]byte("---\n"), append(src, []byte("\n---\n")...)...))
	if p != nil {
		p.Path = "site.yaml"
		if p.Line > 1 {
			p.Line--
		}
		*probs = append(*probs, *p)
		return src
	}
	d := &decoder{path: "site.yaml", lineOff: 0, probs: probs, budget: nodeBudget}
	root := parseYAML("site.yaml", doc.FrontMatter, 0, probs)
	d.decodeConfig(root, cfg)
	return src
}

// reason returns the cause of a file error without the path, which the
// Problem already carries.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// isNoise reports whether a file name is an editor's or system's scratch
// file, which the site never publishes: dot-files, swap files, backups.
func isNoise(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

// walkContent finds the content files and bundle assets.
func walkContent(fsys fs.FS, lib *Library, probs *Problems) []file {
	var files []file
	add := func(section, p, slug, lang, bundle string) {
		files = append(files, file{section: section, src: Source{Path: p, Slug: slug, Lang: lang, Bundle: bundle}})
	}
	err := fs.WalkDir(fsys, "content", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "content" {
				return fs.SkipAll
			}
			*probs = append(*probs, Problem{Path: p, Message: "cannot read: " + reason(err)})
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := de.Name()
		if p != "content" && isNoise(name) {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.Type()&fs.ModeSymlink != 0 {
			if msg := checkSymlink(fsys, p); msg != "" {
				*probs = append(*probs, Problem{Path: p, Message: msg})
				return nil
			}
			info, err := fs.Stat(fsys, p)
			if err != nil {
				*probs = append(*probs, Problem{Path: p, Message: "cannot read: " + reason(err)})
				return nil
			}
			if info.IsDir() {
				*probs = append(*probs, Problem{Path: p, Message: "symbolic link to a folder: copy or move the folder into content/ instead"})
				return nil
			}
		}
		parts := strings.Split(p, "/")
		switch len(parts) {
		case 1:
			return nil
		case 2: // content/_index.md, content/<section>
			if de.IsDir() {
				if !isSection(name) {
					*probs = append(*probs, Problem{Path: p, Warning: true, Message: "not a known section (cases, practices, briefings, pages): ignored"})
					return fs.SkipDir
				}
				return nil
			}
			slug, lang, ok := splitName(name)
			if ok && slug == "_index" {
				if lang != "" {
					*probs = append(*probs, Problem{Path: p, Warning: true, Message: "translated home pages are not supported yet: ignored"})
					return nil
				}
				add("", p, "", "", "")
				return nil
			}
			*probs = append(*probs, Problem{Path: p, Warning: true, Message: "not part of any section: ignored"})
			return nil
		case 3: // content/<section>/<slug>.md or content/<section>/<slug>/
			section := parts[1]
			if de.IsDir() {
				if strings.HasSuffix(name, ".md") {
					*probs = append(*probs, Problem{Path: p, Message: "is a folder named like a page: a page is a .md file, or a folder with index.md"})
					return fs.SkipDir
				}
				found := false
				entries, err := fs.ReadDir(fsys, p)
				if err != nil {
					*probs = append(*probs, Problem{Path: p, Message: "cannot read: " + reason(err)})
					return fs.SkipDir
				}
				for _, e := range entries {
					if slug, lang, ok := splitName(e.Name()); ok && slug == "index" && !e.IsDir() {
						found = true
						checkSlug(p, name, probs)
						add(section, p+"/"+e.Name(), name, lang, p)
					}
				}
				if !found {
					*probs = append(*probs, Problem{Path: p, Message: "folder has no index.md: a page bundle needs content/" + section + "/" + name + "/index.md"})
					return fs.SkipDir
				}
				return nil
			}
			slug, lang, ok := splitName(name)
			if !ok {
				*probs = append(*probs, Problem{Path: p, Warning: true, Message: "not a Markdown file (.md): ignored"})
				return nil
			}
			if slug == "_index" {
				*probs = append(*probs, Problem{Path: p, Warning: true, Message: "section index pages are not used: ignored"})
				return nil
			}
			checkSlug(p, slug, probs)
			add(section, p, slug, lang, "")
			return nil
		default: // inside a bundle
			if de.IsDir() {
				return nil
			}
			if len(parts) == 4 {
				if slug, _, ok := splitName(name); ok && slug == "index" {
					return nil // the bundle's page, added above
				}
			}
			bundle := strings.Join(parts[:3], "/")
			rel := strings.Join(parts[3:], "/")
			lib.Assets[parts[1]+"/"+parts[2]+"/"+rel] = p
			_ = bundle
			return nil
		}
	})
	if err != nil {
		*probs = append(*probs, Problem{Path: "content", Message: "cannot read: " + reason(err)})
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].src.Path < files[j].src.Path })
	checkDuplicates(files, lib.Config, probs)
	return files
}

func isSection(s string) bool {
	switch s {
	case SectionCases, SectionPractices, SectionBriefings, SectionPages:
		return true
	}
	return false
}

// splitName splits "enping.md" into ("enping", ""), "enping.en.md" into
// ("enping", "en"). ok is false for files that are not Markdown.
func splitName(name string) (slug, lang string, ok bool) {
	if !strings.HasSuffix(name, ".md") {
		return "", "", false
	}
	base := strings.TrimSuffix(name, ".md")
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		return base[:i], base[i+1:], true
	}
	return base, "", true
}

func checkSlug(p, slug string, probs *Problems) {
	if !ValidSlug(slug) {
		*probs = append(*probs, Problem{Path: p, Message: fmt.Sprintf(
			"%q is not a valid slug: a file or folder name becomes the page's URL, so use only lower-case ASCII letters, digits and '-' (for example %s)",
			slug, suggestSlug(slug))})
	}
}

func suggestSlug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '_' || r == '-' || r == '.':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "my-case"
	}
	return out
}

// checkDuplicates reports two files that are the same page: a.md beside
// a/index.md, or names that differ only in case (which collide on
// case-insensitive file systems and in URLs typed by people).
func checkDuplicates(files []file, cfg Config, probs *Problems) {
	first := map[string]string{}
	for _, f := range files {
		if f.section == "" {
			continue
		}
		if f.src.Lang != "" && !hasLang(cfg, f.src.Lang) {
			*probs = append(*probs, Problem{Path: f.src.Path, Message: fmt.Sprintf(
				"translation into %q, but site.yaml languages does not list it", f.src.Lang)})
		}
		key := f.section + "/" + strings.ToLower(f.src.Slug) + "." + f.src.Lang
		if other, dup := first[key]; dup {
			*probs = append(*probs, Problem{Path: f.src.Path, Message: fmt.Sprintf("same page as %s: both would be /%s/%s/", other, f.section, strings.ToLower(f.src.Slug))})
			continue
		}
		first[key] = f.src.Path
	}
}

func hasLang(cfg Config, lang string) bool {
	for _, l := range cfg.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// checkSymlink returns why the symlink at p may not be used, or "".
func checkSymlink(fsys fs.FS, p string) string {
	cur := p
	for hops := 0; hops < 40; hops++ {
		target, err := fs.ReadLink(fsys, cur)
		if err != nil {
			if hops == 0 {
				return "" // not a link this file system can read: let Stat decide
			}
			return ""
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) {
			return fmt.Sprintf("symbolic link to %s leaves the site folder", target)
		}
		next := path.Join(path.Dir(cur), target)
		if next == ".." || strings.HasPrefix(next, "../") {
			return fmt.Sprintf("symbolic link to %s leaves the site folder", target)
		}
		info, err := fs.Lstat(fsys, next)
		if err != nil {
			return fmt.Sprintf("symbolic link to %s: target %s", target, reason(err))
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return ""
		}
		cur = next
	}
	return "symbolic link loop"
}
