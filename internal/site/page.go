package site

import "github.com/guangdong-renovation/showcase/internal/content"

// Page is what every template receives: the page being rendered and the
// whole Catalog. Only the fields of the page's Kind are set.
type Page struct {
	Site        *Catalog
	Kind        string // home, cases, case, practices, practice, regions, region, scope, briefings, briefing, page, search, 404
	Lang        string // language of this page, e.g. zh-CN or en
	Title       string
	Description string
	URL         string // site path, with the base path: /cases/enping/
	Canonical   string // absolute URL
	Image       string // absolute URL of a share image, or ""
	Crumbs      []Link // breadcrumb trail, home first, this page excluded
	Alternates  []Link // the same page in other languages (Title is the language)

	Case       *Case
	Cases      []*Case // a list page's cases (this page of them)
	Practice   *Practice
	Region     *Region
	Term       *Term
	Briefing   *Briefing
	Page       *content.Page // a plain page
	Body       *content.Body // the page's Markdown body, when it has one
	Pager      *Pager
	Totals     *Totals // the figures summed over the page's whole set of cases
	Translated *TranslatedPage
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int // 1-based
	Prev, Next    string
	// Pages are the page links to show: the first and last page, and two
	// on either side of this one, with a Gap where pages are left out.
	Pages       []PageLink
	First, Last int // 1-based index of the first and last item shown
	Items       int // items in the whole list
}

// PageLink is one entry of a pager.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool // stands for left-out pages; Number and URL are unset
}
