package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/render"
)

// feedSize is how many of the newest cases the Atom feed carries.
const feedSize = 30

// feeds plans sitemap.xml, feed.xml and robots.txt. Their URLs are
// absolute, from base_url, with every path segment percent-encoded.
func (pl *plan) feeds() {
	cat := pl.cat
	pl.fileKeyed("feed.xml", builtin("/feed.xml"), mix(pl.dig.global, pl.dig.cases), func(*render.Templates) ([]byte, error) { return atomFeed(cat), nil })
	pl.fileKeyed("robots.txt", builtin("/robots.txt"), pl.dig.global, func(*render.Templates) ([]byte, error) {
		return []byte("User-agent: *\nAllow: /\n\nSitemap: " + encodeURL(absURL(cat, cat.BasePath+"sitemap.xml")) + "\n"), nil
	})
	// The sitemap lists every HTML page but the 404 page; it is produced
	// after planning, from the plan itself.
	var urls []string
	for _, j := range pl.jobs {
		if j.html && j.kind != "404" {
			u := cat.BasePath + strings.TrimSuffix(j.rel, "index.html")
			urls = append(urls, encodeURL(absURL(cat, u)))
		}
	}
	sort.Strings(urls)
	key := pl.dig.global
	for _, u := range urls {
		key = mixString(key, u)
	}
	pl.fileKeyed("sitemap.xml", builtin("/sitemap.xml"), key, func(*render.Templates) ([]byte, error) {
		var b bytes.Buffer
		b.WriteString(xml.Header)
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, u := range urls {
			b.WriteString("<url><loc>")
			xml.EscapeText(&b, []byte(u))
			b.WriteString("</loc></url>\n")
		}
		b.WriteString("</urlset>\n")
		return b.Bytes(), nil
	})
}

// encodeURL percent-encodes the path of an absolute or root-relative URL,
// so that /regions/江门市/ becomes /regions/%E6%B1%9F.../ as sitemaps and
// feeds require.
func encodeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}

func atomFeed(cat *Catalog) []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	updated := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := cat.Cases
	if len(cases) > feedSize {
		cases = cases[:feedSize]
	}
	for _, c := range cases {
		if t := lastChange(c.Case); t.After(updated) {
			updated = t
		}
	}
	home := encodeURL(absURL(cat, cat.BasePath))
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">`+"\n", esc(cat.Config.Language))
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(cat.Config.Title))
	if cat.Config.Description != "" {
		fmt.Fprintf(&b, "<subtitle>%s</subtitle>\n", esc(cat.Config.Description))
	}
	fmt.Fprintf(&b, "<id>%s</id>\n<link href=\"%s\"/>\n", esc(home), esc(home))
	fmt.Fprintf(&b, "<link rel=\"self\" href=\"%s\"/>\n", esc(encodeURL(absURL(cat, cat.BasePath+"feed.xml"))))
	fmt.Fprintf(&b, "<updated>%s</updated>\n<author><name>%s</name></author>\n", updated.Format(time.RFC3339), esc(cat.Config.Title))
	for _, c := range cases {
		u := encodeURL(absURL(cat, c.URL))
		fmt.Fprintf(&b, "<entry>\n<title>%s</title>\n<id>%s</id>\n<link href=\"%s\"/>\n", esc(c.Title), esc(u), esc(u))
		fmt.Fprintf(&b, "<published>%s</published>\n<updated>%s</updated>\n", c.Date.Format(time.RFC3339), lastChange(c.Case).Format(time.RFC3339))
		region := strings.Join(nonEmpty(c.Region.Province, c.Region.City, c.Region.County), " ")
		fmt.Fprintf(&b, "<summary>%s</summary>\n", esc(strings.TrimSpace(region+" · "+render.StatusLabel(cat.Config.Language, c.Status)+" · "+c.Summary)))
		for _, p := range c.Practices {
			fmt.Fprintf(&b, "<category term=\"%s\"/>\n", esc(p))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

func lastChange(c *content.Case) time.Time {
	if c.Updated.After(c.Date) {
		return c.Updated
	}
	return c.Date
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkTranslations reports translations without an original page.
func checkTranslations(lib *content.Library, cat *Catalog) content.Problems {
	var probs content.Problems
	originals := map[string]bool{}
	for _, c := range lib.Cases {
		if c.Lang == "" {
			originals["cases/"+c.Slug] = true
		}
	}
	for _, p := range lib.Pages {
		if p.Lang == "" {
			originals["pages/"+p.Slug] = true
		}
	}
	for _, p := range lib.Practices {
		if p.Lang == "" {
			originals["practices/"+p.Slug] = true
		}
	}
	check := func(section string, s content.Source) {
		if s.Lang != "" && !originals[section+"/"+s.Slug] {
			probs = append(probs, content.Problem{Path: s.Path, Message: fmt.Sprintf("translation of %s, which does not exist: add content/%s/%s.md first", s.Slug, section, s.Slug)})
		}
	}
	for _, c := range lib.Cases {
		check("cases", c.Source)
	}
	for _, p := range lib.Pages {
		check("pages", p.Source)
	}
	for _, p := range lib.Practices {
		check("practices", p.Source)
	}
	return probs
}
