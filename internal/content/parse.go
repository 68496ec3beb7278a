package content

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"image"
	_ "image/gif" // gallery images: read their size
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/guangdong-renovation/showcase/internal/rawfile"
)

// parsed is one file's page and problems.
type parsed struct {
	file  file
	page  any // *Case, *Practice, *Briefing, *Page or *Home; nil on failure
	probs Problems
}

// parseFile reads, splits, decodes and renders one content file. Its front
// matter is parsed with fp, whose nodes it is done with when it returns.
//
// The file is read into *buf, which the next file reuses: nothing parsed
// from a file points into its bytes (the front matter's values and the
// rendered body are copies), and at 10,000 cases a new buffer for each
// file was 47 MB of garbage.
func parseFile(fsys fs.FS, f file, cfg Config, r BodyRenderer, fp *fastParser, buf *[]byte) (res parsed) {
	res.file = f
	fail := func(line, col int, format string, args ...any) parsed {
		res.probs = append(res.probs, Problem{Path: f.src.Path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
		return res
	}
	src, size, err := readLimited(*buf, fsys, f.src.Path, cfg.MaxFileSize)
	if cap(src) > cap(*buf) {
		*buf = src[:0]
	}
	if err != nil {
		return fail(0, 0, "cannot read: %s", reason(err))
	}
	if size > cfg.MaxFileSize {
		return fail(0, 0, "file is %d bytes, more than the limit of %d (max_file_size in site.yaml)", size, cfg.MaxFileSize)
	}
	if int64(len(src)) > cfg.MaxFileSize {
		return fail(0, 0, "file is more than the limit of %d bytes (max_file_size in site.yaml)", cfg.MaxFileSize)
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(src, bom))) == 0 && f.section != "" {
		return fail(0, 0, "file is empty: %s", emptyHint(f.section))
	}
	doc, p := splitDocument(src)
	if p != nil {
		p.Path = f.src.Path
		res.probs = append(res.probs, *p)
		return res
	}
	if doc.FrontMatter == nil && f.section != "" {
		return fail(1, 1, "no front matter: the file must start with a line --- , then the fields, then another ---; %s", emptyHint(f.section))
	}
	src2 := f.src
	src2.BodyLine = doc.BodyLine
	src2.Version = version(src)
	d := &decoder{path: f.src.Path, lineOff: 1, probs: &res.probs, budget: nodeBudget}
	var root *yaml.Node
	if doc.FrontMatter != nil {
		root = parseYAMLWith(fp, f.src.Path, doc.FrontMatter, 1, &res.probs)
		if root == nil && len(res.probs) > 0 {
			return res
		}
	}
	var body *Body
	var summary *string
	switch f.section {
	case SectionCases:
		c := &Case{Source: src2}
		d.decodeCase(root, c)
		body, summary, res.page = &c.Body, &c.Summary, c
	case SectionPractices:
		pr := &Practice{Source: src2}
		d.decodePractice(root, pr)
		body, summary, res.page = &pr.Body, &pr.Summary, pr
	case SectionBriefings:
		b := &Briefing{Source: src2}
		d.decodeBriefing(root, b)
		body, res.page = &b.Body, b
	case SectionPages:
		pg := &Page{Source: src2}
		d.decodePage(root, pg)
		body, summary, res.page = &pg.Body, &pg.Summary, pg
	case "":
		h := &Home{Source: src2}
		d.decodeHome(root, h)
		body, summary, res.page = &h.Body, &h.Summary, h
	}
	if r != nil {
		b, err := r.RenderBody(doc.Body)
		if err != nil {
			var le interface {
				LineInBody() int
				Message() string
			}
			if errors.As(err, &le) {
				return fail(doc.BodyLine+le.LineInBody()-1, 1, "%s", le.Message())
			}
			return fail(doc.BodyLine, 1, "%v", err)
		}
		*body = b
	}
	if summary != nil && *summary == "" {
		*summary = Summarize(body.First, 120)
	}
	return res
}

// readLimited reads the file name of fsys unless its size is over limit,
// into buf when fsys is a DirFS and buf has room,
// and returns its size either way. A file that grows while it is read is
// read to at most limit+1 bytes. It opens the file once and asks the open
// file its size, where fs.Stat and fs.ReadFile would look its path up
// twice more: at 10,000 cases the lookups were 2% of a build's CPU.
func readLimited(buf []byte, fsys fs.FS, name string, limit int64) (data []byte, size int64, err error) {
	if d, ok := fsys.(dirFS); ok {
		if data, size, ok, err := d.readLimited(buf, name, limit); ok {
			return data, size, err
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if size = info.Size(); size > limit {
		return nil, size, nil
	}
	data, err = rawfile.ReadAll(f, size, limit)
	return data, size, err
}

// version fingerprints a file's bytes, so that a rebuild can tell which
// pages show something that changed.
func version(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

func emptyHint(section string) string {
	switch section {
	case SectionCases:
		return "a case needs at least title, date, region.city and status (showcase new case SLUG writes a skeleton)"
	case SectionBriefings:
		return "a briefing pack needs at least title, date and cases"
	default:
		return "a page needs at least a title"
	}
}

// Summarize shortens a paragraph to at most max characters, cutting after
// the last sentence end that fits (。！？!? or . followed by a space), or at
// max with an ellipsis when no sentence ends in time.
func Summarize(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	cut := -1
	for i := 0; i < max && i < len(runes); i++ {
		switch runes[i] {
		case '。', '！', '？', '!', '?', '；':
			cut = i + 1
		case '.':
			if i+1 < len(runes) && runes[i+1] == ' ' {
				cut = i + 1
			}
		}
	}
	if cut > max/3 {
		return string(runes[:cut])
	}
	return strings.TrimSpace(string(runes[:max-1])) + "…"
}

// checkGallery checks that every gallery image of c exists, in the case's
// bundle or in static/, rewrites its path to the URL path the built site
// serves it from, and reads its pixel size so pages can reserve the space.
func checkGallery(fsys fs.FS, lib *Library, c *Case, probs *Problems) {
	for i := range c.Gallery {
		g := &c.Gallery[i]
		g.Before, g.After, g.Image = g.BeforeSrc, g.AfterSrc, g.ImageSrc
		g.Sizes = nil
		for _, p := range []*string{&g.Before, &g.After, &g.Image} {
			if *p == "" {
				continue
			}
			url, file := "", ""
			if c.Bundle != "" {
				if f, ok := lib.Assets[SectionCases+"/"+c.Slug+"/"+*p]; ok {
					url, file = "/"+SectionCases+"/"+c.Slug+"/"+*p, f
				}
			}
			if url == "" {
				if _, err := fs.Stat(fsys, path.Join("static", *p)); err == nil {
					url, file = "/"+*p, path.Join("static", *p)
				}
			}
			if url == "" {
				where := "static/" + *p
				if c.Bundle != "" {
					where = c.Bundle + "/" + *p + " or " + where
				}
				*probs = append(*probs, Problem{Path: c.Path, Line: g.Pos.Line, Col: g.Pos.Col,
					Message: fmt.Sprintf("gallery image %q not found (looked for %s)", *p, where)})
				*p = ""
				continue
			}
			*p = url
			if g.Sizes == nil {
				g.Sizes = map[string][2]int{}
			}
			if w, h, ok := imageSize(fsys, file); ok {
				g.Sizes[url] = [2]int{w, h}
			}
		}
	}
}

func imageSize(fsys fs.FS, name string) (int, int, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

// checkBriefingCases reports packs that name cases that do not exist.
func checkBriefingCases(lib *Library, probs *Problems) {
	known := map[string]bool{}
	for _, c := range lib.Cases {
		if c.Lang == "" {
			known[c.Slug] = true
		}
	}
	for _, b := range lib.Briefings {
		for _, ref := range b.Cases {
			if !known[ref.Slug] {
				msg := fmt.Sprintf("case %q does not exist (no content/cases/%s.md)", ref.Slug, ref.Slug)
				var slugs []string
				for s := range known {
					slugs = append(slugs, s)
				}
				if hint := didYouMean(ref.Slug, sortedStrings(slugs)); hint != "" {
					msg += ": did you mean " + hint + "?"
				}
				*probs = append(*probs, Problem{Path: b.Path, Line: ref.Pos.Line, Col: ref.Pos.Col, Message: msg})
			}
		}
	}
}
