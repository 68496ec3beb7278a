package brief

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// basePath returns the site's base path ("/", "/showcase/") from a built
// briefing page: its canonical link is the base URL followed by
// briefings/SLUG/. A page without one is taken to be at the root.
func basePath(page []byte, slug string) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "/"
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "body" {
				return "/"
			}
			if tok.Data != "link" {
				continue
			}
			var rel, href string
			for _, a := range tok.Attr {
				switch a.Key {
				case "rel":
					rel = a.Val
				case "href":
					href = a.Val
				}
			}
			if rel != "canonical" {
				continue
			}
			u, err := url.Parse(href)
			if err != nil {
				return "/"
			}
			base, ok := strings.CutSuffix(u.Path, "briefings/"+slug+"/")
			if !ok || !strings.HasPrefix(base, "/") {
				return "/"
			}
			return base
		}
	}
}
