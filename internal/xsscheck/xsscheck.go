// Package xsscheck finds what could run script in an HTML document. Tests
// of every stage that writes HTML use it: Markdown rendering, page
// templates, the dev server's pages.
package xsscheck

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// HTML tokenizes an HTML page and reports every element or
// attribute that could run script: script elements other than the theme's
// own external scripts, iframe/object/embed/style elements, event-handler
// attributes, and URL attributes with a javascript:, vbscript: or data:
// scheme (after the decoding a browser does).
func HTML(doc []byte) []string {
	var bad []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return bad
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			src := ""
			for _, a := range tok.Attr {
				if a.Key == "src" {
					src = a.Val
				}
			}
			if !strings.HasPrefix(src, "/js/") {
				bad = append(bad, "script element "+tok.String())
			}
		case "iframe", "object", "embed", "style", "base":
			bad = append(bad, tok.Data+" element")
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") {
				bad = append(bad, "event handler "+a.Key+" on "+tok.Data)
			}
			switch a.Key {
			case "href", "src", "action", "formaction", "srcset", "poster", "xlink:href":
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, a.Val))
				for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
					if strings.HasPrefix(v, scheme) {
						bad = append(bad, a.Key+"="+a.Val+" on "+tok.Data)
					}
				}
			}
		}
	}
}
