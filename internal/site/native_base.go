package site

import (
	"github.com/guangdong-renovation/showcase/internal/render"
)

// page is templates/base.html, with its "crumbs" and "alternates"
// partials, around main (the page template's "main" block), for a page
// that is neither a 404 page nor a briefing (the natives decline those).
func (w nativeWriter) page(p *Page, parts render.Parts, main func() error) error {
	cfg := p.Site.Config
	w.wrap("<!DOCTYPE html>\n<html lang=\"", p.Lang, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Title != "" && p.Title != cfg.Title {
		w.text(p.Title)
		w.s(" — ")
	}
	w.wrap("", cfg.Title, "</title>")
	desc := or(p.Description, cfg.Description)
	if desc != "" {
		w.wrap("\n<meta name=\"description\" content=\"", desc, "\">")
	}
	if p.Canonical != "" {
		w.s("\n<link rel=\"canonical\" href=\"")
		w.url(p.Canonical)
		w.s("\">")
	}
	w.wrap("\n<meta property=\"og:site_name\" content=\"", cfg.Title, "\">")
	w.wrap("\n<meta property=\"og:title\" content=\"", or(p.Title, cfg.Title), "\">")
	if desc != "" {
		w.wrap("\n<meta property=\"og:description\" content=\"", desc, "\">")
	}
	if p.Canonical != "" {
		w.wrap("\n<meta property=\"og:url\" content=\"", p.Canonical, "\">")
	}
	if p.Kind == "case" {
		w.s("\n<meta property=\"og:type\" content=\"article\">")
	} else {
		w.s("\n<meta property=\"og:type\" content=\"website\">")
	}
	if p.Image != "" {
		w.wrap("\n<meta property=\"og:image\" content=\"", p.Image, "\">")
	}
	if len(p.Alternates) > 0 {
		w.wrap("\n<link rel=\"alternate\" hreflang=\"", p.Lang, "\" href=\"")
		if p.Canonical != "" {
			w.url(p.Canonical)
		} else {
			w.url(render.AbsURL(w.baseURL, w.basePath, p.URL))
		}
		w.s("\">")
		for _, a := range p.Alternates {
			w.wrap("\n<link rel=\"alternate\" hreflang=\"", a.Title, "\" href=\"")
			w.url(render.AbsURL(w.baseURL, w.basePath, a.URL))
			w.s("\">")
		}
	}
	w.s("\n")
	if err := w.cached(parts, "head-links", p, p.Lang); err != nil {
		return err
	}
	w.wrap("\n</head>\n<body class=\"kind-", p.Kind, "\">\n<a class=\"skip\" href=\"#main\">")
	w.tr("跳到正文")
	w.s("</a>\n")
	if err := w.cached(parts, "site-header", p, p.Kind, p.Lang); err != nil {
		return err
	}
	w.s("\n<main id=\"main\" tabindex=\"-1\">\n<div class=\"wrap\">\n")
	w.crumbs(p)
	w.s("\n")
	w.alternates(p)
	w.s("\n")
	if err := main(); err != nil {
		return err
	}
	w.s("\n</div>\n</main>\n")
	if err := w.cached(parts, "site-footer", p, p.Lang); err != nil {
		return err
	}
	w.s("\n</body>\n</html>\n")
	return nil
}

// cached writes {{cached name p variant…}}.
func (w nativeWriter) cached(parts render.Parts, name string, p *Page, variant ...string) error {
	h, err := parts.Cached(name, p, variant...)
	w.s(string(h))
	return err
}

// crumbs is template "crumbs".
func (w nativeWriter) crumbs(p *Page) {
	if len(p.Crumbs) == 0 {
		return
	}
	w.s("\n<nav class=\"crumbs\" aria-label=\"")
	w.tr("当前位置")
	w.s("\">\n<ol>")
	for _, c := range p.Crumbs {
		w.link("\n<li>", c.URL, c.Title, "</li>")
	}
	w.wrap("\n<li><span aria-current=\"page\">", p.Title, "</span></li>\n</ol>\n</nav>")
}

// alternates is template "alternates".
func (w nativeWriter) alternates(p *Page) {
	if len(p.Alternates) == 0 {
		return
	}
	w.s("\n<p class=\"langs\"><span>")
	w.tr("其他语言：")
	w.s("</span>")
	w.langLinks(p.Alternates)
	w.s("</p>")
}

// langLinks are the links to a page in other languages.
func (w nativeWriter) langLinks(links []Link) {
	for _, l := range links {
		w.s(" <a href=\"")
		w.url(l.URL)
		w.wrap("\" hreflang=\"", l.Title, "\" lang=\"")
		w.text(l.Title)
		w.s("\">")
		w.langName(l.Title)
		w.s("</a>")
	}
}

// or is the template function or, for strings.
func or(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
