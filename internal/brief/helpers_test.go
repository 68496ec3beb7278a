package brief_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/site"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// repo is the repository root: the example site and the built-in theme.
const repo = "../.."

// examplePack is the example site's briefing pack.
const examplePack = "2023-enping-site-visit"

// writeSite writes files (slash path -> text) into a new site folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	return dir
}

// build builds a site with the repository's theme into memory.
func build(t *testing.T, dir string) *site.Memory {
	t.Helper()
	mem := site.NewMemory()
	if _, err := site.Build(context.Background(), site.Options{SiteDir: dir, Theme: os.DirFS(repo), Memory: mem}); err != nil {
		t.Fatalf("build of %s failed:\n%v", dir, err)
	}
	return mem
}

// load reads a site's content without rendering bodies: what the pages
// are expected to show is computed from it.
func load(t *testing.T, dir string) *content.Library {
	t.Helper()
	lib, probs := content.Load(os.DirFS(dir), content.Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return lib
}

// pack returns a briefing pack of lib and its cases, in the pack's order.
func pack(t *testing.T, lib *content.Library, slug string) (*content.Briefing, []*content.Case) {
	t.Helper()
	for _, b := range lib.Briefings {
		if b.Slug != slug || b.Lang != "" {
			continue
		}
		var cases []*content.Case
		for _, ref := range b.Cases {
			for _, c := range lib.Cases {
				if c.Slug == ref.Slug && c.Lang == "" {
					cases = append(cases, c)
				}
			}
		}
		return b, cases
	}
	t.Fatalf("no briefing pack %s", slug)
	return nil, nil
}

// page parses a built page.
func page(t *testing.T, mem *site.Memory, rel string) *html.Node {
	t.Helper()
	data, ok := mem.Get(rel)
	if !ok {
		t.Fatalf("%s was not built", rel)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// all returns the elements under n (n included) for which match is true,
// in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// sel returns the elements under n with tag (any when "") and class (any
// when "").
func sel(n *html.Node, tag, class string) []*html.Node {
	return all(n, func(e *html.Node) bool {
		return (tag == "" || e.Data == tag) && (class == "" || hasClass(e, class))
	})
}

// one returns the only element sel finds, failing the test otherwise.
func one(t *testing.T, n *html.Node, tag, class string) *html.Node {
	t.Helper()
	found := sel(n, tag, class)
	if len(found) != 1 {
		t.Fatalf("%d <%s class=%q> elements, want 1", len(found), tag, class)
	}
	return found[0]
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the text of n with runs of white space made one space.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// outerHTML returns the HTML of n, for messages and for the QR decoder.
func outerHTML(n *html.Node) string {
	var b strings.Builder
	_ = html.Render(&b, n)
	return b.String()
}

// children returns the element children of n with tag.
func children(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			out = append(out, c)
		}
	}
	return out
}
