package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// urlFilter removes the destination of every link and image whose URL is not
// safe to publish. goldmark's own check lets data:image URLs through and
// knows nothing of the site's policy; this one allows only relative URLs
// and the http, https, mailto and tel schemes.
type urlFilter struct{ unsafe bool }

func (f *urlFilter) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	if f.unsafe {
		return
	}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				n.Destination = nil
			}
		case *ast.Image:
			if !SafeURL(string(n.Destination)) {
				n.Destination = nil
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && !SafeURL(string(n.URL(src))) {
				// An autolink has no destination of its own to clear; show
				// its text instead of a link.
				parent := n.Parent()
				if parent != nil {
					parent.ReplaceChild(parent, n, ast.NewString(n.Label(src)))
				}
			}
		}
		return ast.WalkContinue, nil
	})
}

// SafeURL reports whether u may appear as a link or image URL on a page
// built without unsafe_html: relative URLs, fragments, and the schemes http,
// https, mailto and tel. Control characters and white space inside a scheme
// (which browsers strip, so "java\tscript:" is javascript:) are ignored
// before the check, and scheme names are compared case-insensitively.
func SafeURL(u string) bool {
	var b strings.Builder
	for _, r := range u {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	s := b.String()
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return true
	}
	// A colon after a path, query or fragment separator is not a scheme.
	if i := strings.IndexAny(s, "/?#"); i >= 0 && i < colon {
		return true
	}
	switch strings.ToLower(s[:colon]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}
