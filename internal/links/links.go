// Package links checks that every internal link, image and #anchor of a
// built site resolves to a file the build wrote.
//
// The build hands each written HTML page to a Checker (Add, safe for
// concurrent use) together with the content file it came from; Check then
// reports every broken reference as a problem of that content file, at
// the line where the Markdown names the link when it can find it.
package links

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// A Checker collects the pages and references of one build.
type Checker struct {
	basePath string
	mu       sync.Mutex
	files    map[string]bool     // every output file, slash path without the base
	ids      map[string][]string // page file -> ids on it, sorted (a map per page costs more)
	pages    []pageRefs
	// Link targets and ids, interned: most pages share most of theirs,
	// and a page's targets are numbers into strs (at 100,000 cases,
	// strings and their pointers were 200 MB that the collector scanned).
	strs  []string
	strNo map[string]uint32
	// scratch holds a *scratch for AddPage, reused from page to page.
	scratch sync.Pool
	// ReadSource, when set, reads a content file whose Source carries no
	// Markdown: a build keeps no Markdown once rendered, and reads a file
	// again only to report a broken link at its line.
	ReadSource func(path string) ([]byte, error)
}

// pageRefs are the links found on one page.
type pageRefs struct {
	page    string
	src     Source
	targets []uint32 // into Checker.strs
}

// ref is one link of one page, as Check resolves it.
type ref struct {
	page, target, source string
	markdown             []byte // the source's Markdown body, to find a line
	bodyLine             int
}

// New returns a Checker for a site served at basePath ("/" or "/sub/").
func New(basePath string) *Checker {
	return &Checker{basePath: basePath, files: map[string]bool{}, ids: map[string][]string{}, strNo: map[string]uint32{}}
}

// AddFile records a written file that is not an HTML page.
func (c *Checker) AddFile(rel string) {
	c.mu.Lock()
	c.files[rel] = true
	c.mu.Unlock()
}

// Source is the content file a page came from, for reporting.
type Source struct {
	Path     string
	Markdown []byte // the body; when nil, Checker.ReadSource is asked for the file
	BodyLine int
}

// AddPage records an HTML page written at rel and scans its references.
// Values are interned straight from doc: only a link or id the Checker has
// not seen before is copied, where Scan makes a string of every one (a
// case page has a hundred, mostly the same on every page).
func (c *Checker) AddPage(rel string, doc []byte, src Source) {
	sc, _ := c.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	sc.refs, sc.ids = scan(doc, sc.refs[:0], sc.ids[:0])
	record(c, rel, src, sc.refs, sc.ids)
	clear(sc.refs) // they point into doc
	clear(sc.ids)
	c.scratch.Put(sc)
}

// scratch is what AddPage scans a page into.
type scratch struct{ refs, ids [][]byte }

// AddScanned records a page whose references were scanned before, by Scan.
func (c *Checker) AddScanned(rel string, hrefs, ids []string, src Source) {
	record(c, rel, src, hrefs, ids)
}

// record records the page rel, its references and its ids, interned.
func record[T string | []byte](c *Checker, rel string, src Source, refs, ids []T) {
	targets := make([]uint32, len(refs))
	idset := make([]string, len(ids))
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[rel] = true
	for i, h := range refs {
		targets[i] = intern(c, h)
	}
	for i, id := range ids {
		idset[i] = c.strs[intern(c, id)]
	}
	slices.Sort(idset)
	c.ids[rel] = slices.Compact(idset)
	c.pages = append(c.pages, pageRefs{page: rel, src: src, targets: targets})
}

// intern returns the number of v in c.strs, adding it if it is new. Looking
// up a []byte converted to a string does not allocate; only a new value is
// copied.
func intern[T string | []byte](c *Checker, v T) uint32 {
	if n, ok := c.strNo[string(v)]; ok {
		return n
	}
	n := uint32(len(c.strs))
	s := string(v)
	c.strs = append(c.strs, s)
	c.strNo[s] = n
	return n
}

// each calls f for every link of every page, with the link's number in
// c.strs.
func (c *Checker) each(f func(r ref, t uint32)) {
	for _, p := range c.pages {
		for _, t := range p.targets {
			f(ref{page: p.page, target: c.strs[t], source: p.src.Path, markdown: p.src.Markdown, bodyLine: p.src.BodyLine}, t)
		}
	}
}

// Check returns a problem for every reference that does not resolve. A
// broken link written in a page's Markdown is reported at its line in that
// file; one that the templates put on pages is reported once, with the
// number of pages it breaks.
func (c *Checker) Check() content.Problems {
	c.mu.Lock()
	defer c.mu.Unlock()
	var probs content.Problems
	seen := map[string]bool{}
	fromTheme := map[string][]string{} // message -> pages
	// A root-relative link without a fragment means the same on every
	// page: resolve it once. The cache is by the link's number, a slice
	// index, which a site's million links look up faster than a map.
	type outcome struct {
		done bool
		msg  string
	}
	cache := make([]outcome, len(c.strs))
	bodies := map[string][]byte{} // source path -> Markdown body, read again
	c.each(func(r ref, t uint32) {
		var msg string
		if o := &cache[t]; o.done {
			msg = o.msg
		} else if strings.HasPrefix(r.target, "/") && !strings.Contains(r.target, "#") {
			o.done, o.msg = true, c.resolve(r)
			msg = o.msg
		} else {
			msg = c.resolve(r)
		}
		if msg == "" {
			return
		}
		if r.markdown == nil && r.source != "" && c.ReadSource != nil {
			r.markdown = bodyOf(c.ReadSource, r.source, r.bodyLine, bodies)
		}
		i := -1
		if r.markdown != nil {
			i = bytes.Index(r.markdown, []byte(r.target))
		}
		if i < 0 {
			fromTheme[msg] = append(fromTheme[msg], "/"+strings.TrimSuffix(r.page, "index.html"))
			return
		}
		key := r.source + "\x00" + r.target
		if seen[key] {
			return
		}
		seen[key] = true
		line := r.bodyLine + bytes.Count(r.markdown[:i], []byte("\n"))
		col := 1 + len([]rune(string(r.markdown[bytes.LastIndexByte(r.markdown[:i], '\n')+1:i])))
		probs = append(probs, content.Problem{Path: r.source, Line: line, Col: col, Message: msg})
	})
	for msg, pages := range fromTheme {
		sort.Strings(pages)
		where := pages[0]
		if len(pages) > 1 {
			where = fmt.Sprintf("%s and %d other pages", pages[0], len(pages)-1)
		}
		probs = append(probs, content.Problem{Path: "templates", Message: fmt.Sprintf("%s (on %s; the link comes from a template)", msg, where)})
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].String() < probs[j].String() })
	return probs
}

// bodyOf reads the file at path and returns its text from line bodyLine
// on, once per file.
func bodyOf(read func(string) ([]byte, error), path string, bodyLine int, bodies map[string][]byte) []byte {
	if b, ok := bodies[path]; ok {
		return b
	}
	b, err := read(path)
	if err != nil {
		b = nil
	}
	for line := 1; line < bodyLine && b != nil; line++ {
		k := bytes.IndexByte(b, '\n')
		if k < 0 {
			b = nil
			break
		}
		b = b[k+1:]
	}
	bodies[path] = b
	return b
}

// resolve says what is wrong with one reference, or "".
func (c *Checker) resolve(r ref) string {
	raw := r.target
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Sprintf("link %q is not a valid URL", raw)
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external: checked only on request
	}
	p := u.Path
	var file string
	switch {
	case p == "":
		file = r.page
	case strings.HasPrefix(p, "/"):
		if !strings.HasPrefix(p, c.basePath) && p+"/" != c.basePath {
			return fmt.Sprintf("link %q is outside the site (its pages are under %s)", raw, c.basePath)
		}
		file = strings.TrimPrefix(p, c.basePath)
	default:
		file = path.Join(path.Dir(r.page), p)
		if strings.HasSuffix(p, "/") {
			file += "/"
		}
	}
	file = strings.TrimPrefix(path.Clean("/"+file), "/") + map[bool]string{true: "/", false: ""}[strings.HasSuffix(file, "/") && file != "/"]
	if file == "/" {
		file = ""
	}
	target := ""
	switch {
	case file == "" || strings.HasSuffix(file, "/"):
		target = file + "index.html"
	case c.files[file]:
		target = file
	case c.files[file+"/index.html"]:
		target = file + "/index.html"
	default:
		target = file
	}
	if !c.files[target] {
		return fmt.Sprintf("broken link %q: no page or file at %s", raw, "/"+strings.TrimSuffix(target, "index.html"))
	}
	if u.Fragment != "" {
		ids, ok := c.ids[target]
		if _, found := slices.BinarySearch(ids, u.Fragment); ok && !found {
			return fmt.Sprintf("broken link %q: no element with id %q on that page", raw, u.Fragment)
		}
	}
	return ""
}

// Scan returns the href and src attribute values and the id values of an
// HTML document, with entities decoded. It expects the well-formed, quoted
// attributes that html/template and goldmark write.
func Scan(doc []byte) (refs, ids []string) {
	r, i := scan(doc, nil, nil)
	refs, ids = make([]string, len(r)), make([]string, len(i))
	for k, v := range r {
		refs[k] = string(v)
	}
	for k, v := range i {
		ids[k] = string(v)
	}
	return refs, ids
}

// scan appends to refs and ids what Scan returns, as bytes: slices of doc,
// or new bytes where a value had character references to decode.
//
// Most tags of a page have no attributes (</p>, <li>): only a tag whose
// name is followed by a space is looked at further, so that finding the
// tags, and not the few links among them, is what a page costs.
func scan(doc []byte, refs, ids [][]byte) ([][]byte, [][]byte) {
	for i := 0; ; {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 || i+j+1 == len(doc) {
			break
		}
		i += j + 1
		switch doc[i] {
		case '!':
			if bytes.HasPrefix(doc[i:], []byte("!--")) {
				k := bytes.Index(doc[i:], []byte("-->"))
				if k < 0 {
					return refs, ids // a browser reads the rest as the comment
				}
				i += k + 3
			}
			continue
		case '/', '>':
			continue
		}
		n := i
		for n < len(doc) && !tagNameEnd(doc[n]) {
			n++
		}
		name := doc[i:n]
		i = n
		if i < len(doc) && doc[i] != '>' {
			end := bytes.IndexByte(doc[i:], '>')
			if end < 0 {
				break
			}
			tag := doc[i : i+end]
			i += end
			isLink := asciiEqualFold(name, "link")
			eachAttr(tag, func(attr, val []byte) {
				switch {
				case asciiEqualFold(attr, "href"), asciiEqualFold(attr, "src"):
					if isLink && !bytes.Contains(tag, []byte(`rel="stylesheet"`)) && !bytes.Contains(tag, []byte(`rel="icon"`)) {
						return // canonical, alternate: absolute URLs checked elsewhere
					}
					refs = append(refs, attrValue(val))
				case asciiEqualFold(attr, "id"):
					ids = append(ids, attrValue(val))
				}
			})
		}
		if i < len(doc) {
			i++ // the '>'
		}
		var closeTag string
		switch {
		case asciiEqualFold(name, "script"):
			closeTag = "</script"
		case asciiEqualFold(name, "style"):
			closeTag = "</style"
		default:
			continue
		}
		if k := indexFold(doc[i:], closeTag); k >= 0 {
			i += k
		}
	}
	return refs, ids
}

// tagNameEnd reports whether c ends an element name.
func tagNameEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '/' || c == '>'
}

// indexFold is the index in b of lower, a closing tag's start in lower
// case ("</script"), in any case; -1 when b has none.
func indexFold(b []byte, lower string) int {
	for at := 0; ; {
		k := bytes.IndexByte(b[at:], '<')
		if k < 0 {
			return -1
		}
		at += k
		if at+len(lower) <= len(b) && asciiEqualFold(b[at:at+len(lower)], lower) {
			return at
		}
		at++
	}
}

// asciiEqualFold reports whether b is lower, an ASCII name in lower case,
// in any case: bytes.EqualFold, without its Unicode folding, for the
// element and attribute names a page has on every tag.
func asciiEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// eachAttr calls fn with each name="value" attribute of tag, as written
// (the templates and the Markdown renderer always quote with ").
func eachAttr(tag []byte, fn func(name, value []byte)) {
	for i := 0; i < len(tag); {
		eq := bytes.Index(tag[i:], []byte(`="`))
		if eq < 0 {
			return
		}
		nameEnd := i + eq
		nameStart := nameEnd
		for nameStart > 0 && tag[nameStart-1] != ' ' && tag[nameStart-1] != '\t' && tag[nameStart-1] != '\n' {
			nameStart--
		}
		valStart := nameEnd + 2
		valEnd := bytes.IndexByte(tag[valStart:], '"')
		if valEnd < 0 {
			return
		}
		fn(tag[nameStart:nameEnd], tag[valStart:valStart+valEnd])
		i = valStart + valEnd + 1
	}
}

// attrValue decodes an attribute value's character references; v itself
// when it has none.
func attrValue(v []byte) []byte {
	if bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return []byte(html.UnescapeString(string(v)))
}
