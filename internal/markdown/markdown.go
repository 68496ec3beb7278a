// Package markdown turns a page body into HTML and an outline, and HTML
// into plain text (Text).
//
// It is the only package that knows goldmark. A Renderer is configured once
// per site (CommonMark with GFM tables, strikethrough, autolinks and task
// lists, footnotes, and CJK line breaks in the CSS3 draft style, so that a
// line break between two Chinese characters does not become a space) and is
// safe for concurrent use: every Render call gets its own parser context.
//
// Unless the site opts in with Unsafe, raw HTML is dropped and every link or
// image whose URL has a scheme other than http, https, mailto or tel loses
// its destination; see urls.go.
package markdown

import (
	"bytes"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	// Unsafe renders raw HTML and URLs of any scheme, as written.
	Unsafe bool
}

// A Renderer renders Markdown bodies. Create one with New.
type Renderer struct {
	md     goldmark.Markdown
	unsafe bool
	// scratch holds the buffer a Render writes the HTML into, before it
	// copies it out at its exact size, instead of a new one for each body,
	// sized from its source and grown when the HTML outgrew it
	// (BenchmarkLoad10k: 820 MB allocated, then 779 MB).
	scratch sync.Pool // of *scratch
}

type scratch struct{ html, text bytes.Buffer }

// bufWriter lets goldmark write straight into a bytes.Buffer: handed any
// writer that is not a util.BufWriter, it wraps it in a bufio.Writer of
// its own for every body (4 kB each, 60 MB a 10,000-case build) and copies
// all the HTML through it.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

var _ util.BufWriter = bufWriter{}

// Result is what one body renders to.
type Result struct {
	HTML     []byte    // the caller's own: Render keeps no reference to it (Text gives its plain text)
	First    string    // plain text of the first paragraph
	Headings []Heading // in document order
	Links    []string  // link and image destinations, as written
}

// Heading is one section heading of a body, for an outline or anchors.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// New returns a Renderer for the given options.
func New(opts Options) *Renderer {
	var rendererOpts []renderer.Option
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	parserOpts := []parser.Option{
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(&urlFilter{unsafe: opts.Unsafe}, 100)),
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft)),
		),
		goldmark.WithParserOptions(parserOpts...),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Renderer{md: md, unsafe: opts.Unsafe}
}

// Render renders one body. It never panics on any input: a failure inside
// goldmark is returned as an error.
func (r *Renderer) Render(src []byte) (Result, error) {
	// goldmark's CJK line breaking slices out of range on invalid UTF-8
	// before a line break: anything else is made valid first.
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	return r.RenderValid(src)
}

// RenderValid is Render for src already known to be valid UTF-8, as the
// loader knows of every content file it has split (checking a 10,000-case
// site twice took 45 ms of CPU). On invalid UTF-8 it may return an error
// where Render would not.
func (r *Renderer) RenderValid(src []byte) (res Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("markdown renderer failed: %v", v)
		}
	}()
	if err := checkLimits(src); err != nil {
		return Result{}, err
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	s, _ := r.scratch.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	s.html.Reset()
	if err := r.md.Renderer().Render(bufWriter{&s.html}, src, doc); err != nil {
		return Result{}, err
	}
	res.HTML = bytes.Clone(s.html.Bytes())
	s.text.Reset()
	collect(doc, src, &res, &s.text)
	r.scratch.Put(s) // not on a panic: the buffers may be half written
	return res, nil
}

// collect fills in the first paragraph, headings and links, using pack, an
// empty buffer, to gather their text.
//
// Their strings are cut from one string, made once: a body's dozens of
// small strings were a quarter of everything a 100,000-case build keeps
// in memory, counted in objects, and the collector visits every object
// each time it runs. They live as long as one another anyway.
func collect(doc ast.Node, src []byte, res *Result, pack *bytes.Buffer) {
	// Where each string is in pack, resolved once the slices that hold
	// them stop growing.
	type where struct {
		kind   byte // 'i' heading id, 't' heading text, 'l' link, 'f' first
		n      int
		lo, hi int
	}
	var ws []where
	gotFirst := false
	addLink := func(dest []byte) {
		lo := pack.Len()
		pack.Write(dest)
		ws = append(ws, where{'l', len(res.Links), lo, pack.Len()})
		res.Links = append(res.Links, "")
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			lo := pack.Len()
			pack.Write(idb)
			ws = append(ws, where{'i', len(res.Headings), lo, pack.Len()})
			lo, hi := appendPlain(pack, n, src)
			ws = append(ws, where{'t', len(res.Headings), lo, hi})
			res.Headings = append(res.Headings, Heading{Level: n.Level})
		case *ast.Paragraph:
			// the first paragraph of the body with any text
			if !gotFirst && n.Parent() == doc {
				if lo, hi := appendPlain(pack, n, src); hi > lo {
					ws = append(ws, where{'f', 0, lo, hi})
					gotFirst = true
				}
			}
		case *ast.Link:
			addLink(n.Destination)
		case *ast.Image:
			addLink(n.Destination)
		}
		return ast.WalkContinue, nil
	})
	all := pack.String()
	for _, w := range ws {
		v := all[w.lo:w.hi]
		switch w.kind {
		case 'i':
			res.Headings[w.n].ID = v
		case 't':
			res.Headings[w.n].Text = v
		case 'l':
			res.Links[w.n] = v
		case 'f':
			res.First = v
		}
	}
}

// appendPlain appends the text of a node's inline content to b, trimmed
// and with its soft line breaks joined, and returns where it is.
func appendPlain(b *bytes.Buffer, n ast.Node, src []byte) (lo, hi int) {
	lo = b.Len()
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			appendInline(b, c, src)
		}
		return ast.WalkContinue, nil
	})
	text := b.Bytes()[lo:]
	trimmed := bytes.TrimSpace(text)
	copy(text, trimmed)
	text = joinSoftBreaks(text[:len(trimmed)])
	b.Truncate(lo + len(text))
	return lo, b.Len()
}

// softBreak marks a soft line break in collected text until
// joinSoftBreaks decides what it becomes.
const softBreak = '\r'

// joinSoftBreaks turns each soft line break into nothing when a CJK
// character stands on either side, and into a space otherwise. It works in
// place (what it writes is never longer than what it has read) and
// returns the part of b it wrote.
func joinSoftBreaks(b []byte) []byte {
	if bytes.IndexByte(b, softBreak) < 0 {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] != softBreak {
			out = append(out, b[i])
			continue
		}
		before, _ := utf8.DecodeLastRune(out)
		after, _ := utf8.DecodeRune(b[i+1:])
		if !isWide(before) && !isWide(after) {
			out = append(out, ' ')
		}
	}
	return out
}

// isWide reports whether r is a CJK character or punctuation, between which
// a line break is not a word boundary.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// appendInline writes the text a leaf inline node shows to a reader. A soft
// line break becomes a space only between two non-CJK characters, matching
// what the HTML renderer does.
func appendInline(b *bytes.Buffer, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(src)
		b.Write(v)
		switch {
		case n.HardLineBreak():
			b.WriteByte('\n')
		case n.SoftLineBreak():
			b.WriteByte(softBreak)
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.CodeSpan:
		// its children are Text nodes and are written when walked
	case *ast.AutoLink:
		b.Write(n.Label(src))
	}
}
