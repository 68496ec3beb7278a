package site

import (
	"bytes"
	"html/template"

	"github.com/guangdong-renovation/showcase/internal/render"
)

// listNative is the Native of a paginated list page of kind: base.html
// around main, which writes the page template's "main" block.
func listNative(source uint64, kind, baseURL, basePath string, main func(nativeWriter, *Page, render.Parts) error) *render.Native {
	return &render.Native{Source: source, Render: func(b *bytes.Buffer, data any, parts render.Parts) error {
		p, ok := data.(*Page)
		if !ok || p.Kind != kind || p.Briefing != nil || p.Totals == nil && kind != "cases" {
			return render.Decline
		}
		switch {
		case kind == "practice" && p.Practice == nil,
			kind == "region" && p.Region == nil,
			kind == "scope" && p.Term == nil:
			return render.Decline
		}
		w := nativeWriter{b: b, lang: p.Lang, baseURL: baseURL, basePath: basePath}
		return w.page(p, parts, func() error { return main(w, p, parts) })
	}}
}

// casesMain is the "main" block of templates/cases.html.
func (w nativeWriter) casesMain(p *Page, parts render.Parts) error {
	w.s("\n<div class=\"page-head\">\n<h1>")
	w.text(or(p.Title, render.Translate(w.lang, "案例")))
	w.s("</h1>")
	if pg := p.Pager; pg != nil {
		w.s("\n<p class=\"note\">")
		w.printf("共%d个案例", pg.Items)
		if pg.Total > 1 {
			w.printf("，本页显示第%d–%d个", pg.First, pg.Last)
		}
		w.s("</p>")
	}
	w.s("\n</div>")
	if len(p.Cases) > 0 {
		w.s("\n")
		if err := w.caseCards(p, parts); err != nil {
			return err
		}
	} else {
		w.s("\n<p>")
		w.tr("还没有发布案例。")
		w.s("</p>")
	}
	w.s("\n")
	w.pager(p)
	w.s("\n")
	return nil
}

// practiceMain is the "main" block of templates/practice.html.
func (w nativeWriter) practiceMain(p *Page, parts render.Parts) error {
	pr := p.Practice
	w.s("\n<article>\n<div class=\"page-head\">\n<p class=\"kicker\">")
	w.tr("经验做法")
	w.wrap("</p>\n<h1>", pr.Name, "</h1>")
	if pr.Summary != "" {
		w.wrap("\n<p class=\"lede\">", pr.Summary, "</p>")
	}
	w.s("\n</div>")
	if p.Body != nil {
		w.s("\n<div class=\"prose\">")
		w.s(string(p.Body.HTML))
		w.s("</div>")
	} else {
		w.s("\n<p class=\"empty\">")
		w.tr("这项做法的文字介绍还在整理中，可以先看看下面用到这项做法的案例。")
		w.s("</p>")
	}
	if len(pr.Cases) > 0 {
		w.blockHead("用到这项做法的案例")
		if err := w.listBlock(p, parts); err != nil {
			return err
		}
		w.s("\n</section>")
	}
	w.more("/practices/", "全部经验做法")
	w.s("\n</article>\n")
	return nil
}

// regionMain is the "main" block of templates/region.html.
func (w nativeWriter) regionMain(p *Page, parts render.Parts) error {
	r := p.Region
	w.s("\n<div class=\"page-head\">\n<p class=\"kicker\">")
	if r.Parent != nil {
		w.text(r.Parent.Province)
		w.link(" › ", r.Parent.URL, r.Parent.Name, "")
	} else {
		w.text(r.Province)
	}
	w.wrap("</p>\n<h1>", r.Name, "</h1>\n<p class=\"lede\">")
	w.printf("本地区共有%d个改造案例。", len(r.Cases))
	w.s("</p>\n</div>")
	w.figuresBlock(p)
	if len(r.Counties) > 0 {
		w.blockHead("县（市、区）")
		w.s("<ul class=\"chips\">")
		for _, c := range r.Counties {
			w.s("\n<li><a href=\"")
			w.url(c.URL)
			w.wrap("\">", c.Name, " <span class=\"count\">")
			w.number(len(c.Cases))
			w.s("<span class=\"vh\">")
			w.tr("个案例")
			w.s("</span></span></a></li>")
		}
		w.s("\n</ul>\n</section>")
	}
	if err := w.casesBlock(p, parts); err != nil {
		return err
	}
	w.more("/regions/", "全部地区")
	w.s("\n")
	return nil
}

// scopeLedes are what templates/scope.html says of the three classes of
// renovation it knows.
var scopeLedes = map[string]string{
	"基础类": "基础类改造是满足居民安全需要和基本生活需求的内容，主要是市政配套基础设施改造提升以及小区内建筑物屋面、外墙、楼梯等公共部位维修等。",
	"完善类": "完善类改造是满足居民生活便利需要和改善型生活需求的内容，主要是环境及配套设施改造建设、小区内建筑节能改造、有条件的楼栋加装电梯等。",
	"提升类": "提升类改造是丰富社区服务供给、提升居民生活品质的内容，主要是公共服务设施配套建设及其智慧化改造。",
}

// scopeMain is the "main" block of templates/scope.html.
func (w nativeWriter) scopeMain(p *Page, parts render.Parts) error {
	t := p.Term
	w.s("\n<div class=\"page-head\">\n<p class=\"kicker\">")
	w.tr("改造内容")
	w.wrap("</p>\n<h1>", t.Name, "</h1>\n<p class=\"lede\">")
	lede, known := scopeLedes[t.Name]
	if known {
		w.tr(lede)
	}
	w.printf("共%d个案例。", len(t.Cases))
	w.s("</p>")
	if known {
		w.s("\n<p class=\"note\">")
		w.tr("分类说明据国务院办公厅《关于全面推进城镇老旧小区改造工作的指导意见》（2020年）。")
		w.s("</p>")
	}
	w.s("\n</div>")
	w.figuresBlock(p)
	if err := w.casesBlock(p, parts); err != nil {
		return err
	}
	w.s("\n")
	return nil
}

// blockHead opens a section of the list templates, <section
// class="block">, with its heading, title translated.
func (w nativeWriter) blockHead(title string) {
	w.s("\n<section class=\"block\">\n<h2>")
	w.tr(title)
	w.s("</h2>\n")
}

// figuresBlock is the section of a region's or scope's main figures.
func (w nativeWriter) figuresBlock(p *Page) {
	w.blockHead("主要数字")
	w.totals(p)
	w.s("\n</section>")
}

// casesBlock is the section of a region's or scope's cases.
func (w nativeWriter) casesBlock(p *Page, parts render.Parts) error {
	w.blockHead("案例")
	if err := w.caseCards(p, parts); err != nil {
		return err
	}
	w.s("\n")
	w.pager(p)
	w.s("\n</section>")
	return nil
}

// listBlock is {{template "totals" .}}, "case-cards" and "pager", one to
// a line.
func (w nativeWriter) listBlock(p *Page, parts render.Parts) error {
	w.totals(p)
	w.s("\n")
	if err := w.caseCards(p, parts); err != nil {
		return err
	}
	w.s("\n")
	w.pager(p)
	return nil
}

// more is the closing link to the whole list: <p class="more">.
func (w nativeWriter) more(path, label string) {
	w.s("\n<p class=\"more\"><a href=\"")
	w.url(render.SiteURL(w.basePath, path))
	w.s("\">")
	w.tr(label)
	w.s("</a></p>")
}

// caseCards is template "case-cards" for a list page: the cards of the
// page's cases, with h2 headings on the list of all cases.
func (w nativeWriter) caseCards(p *Page, parts render.Parts) error {
	if len(p.Cases) == 0 {
		return nil
	}
	h := "h3"
	if p.Kind == "cases" {
		h = "h2"
	}
	w.s("\n<ul class=\"cards\">")
	if err := w.cardItems(parts.Card, h, p.Cases); err != nil {
		return err
	}
	w.s("\n</ul>")
	return nil
}

// cardItems is {{cards $.Lang h cases}}: each case's card on a line of
// its own.
func (w nativeWriter) cardItems(card func(lang, h string, item any) (template.HTML, error), h string, cases []*Case) error {
	for _, c := range cases {
		html, err := card(w.lang, h, c)
		if err != nil {
			return err
		}
		w.s("\n")
		w.s(string(html))
	}
	return nil
}

// totals is template "totals".
func (w nativeWriter) totals(p *Page) {
	t := p.Totals
	if t.Cases == 0 {
		return
	}
	w.s("\n<dl class=\"bigfigs\">\n<div><dt>")
	w.tr("案例")
	w.s("</dt><dd><span class=\"n\">")
	w.number(t.Cases)
	w.s("</span></dd></div>")
	for _, f := range t.List() {
		n := t.Has[f.Name]
		num, unit := render.FigureParts(w.lang, f.Name, f.Value)
		w.wrap("\n<div><dt>", render.Label(w.lang, f.Name), "</dt><dd><span class=\"n\">")
		w.wrap("", num, "</span><span class=\"u\">")
		w.wrap("", unit, "</span>")
		if n < t.Cases {
			w.s("<small class=\"fig-count\">")
			w.printf("%d个案例合计", n)
			w.s("</small>")
		}
		w.s("</dd></div>")
	}
	w.s("\n</dl>")
}

// pager is template "pager".
func (w nativeWriter) pager(p *Page) {
	pg := p.Pager
	if pg == nil || pg.Total <= 1 {
		return
	}
	w.s("\n<nav class=\"pager\" aria-label=\"")
	w.tr("分页")
	w.s("\">\n<ul>")
	w.pagerStep("prev", pg.Prev, "上一页")
	for _, l := range pg.Pages {
		if l.Gap {
			w.s("\n<li class=\"gap\" aria-hidden=\"true\">…</li>")
			continue
		}
		w.s("\n<li><a href=\"")
		w.url(l.URL)
		w.s("\"")
		if l.Current {
			w.s(" aria-current=\"page\"")
		}
		w.s("><span class=\"vh\">")
		w.tr("第")
		w.s("</span>")
		w.number(l.Number)
		w.s("<span class=\"vh\">")
		w.tr("页")
		w.s("</span></a></li>")
	}
	w.pagerStep("next", pg.Next, "下一页")
	w.s("\n</ul>\n</nav>")
}

// pagerStep is the pager's link to the previous or next page (rel), if
// there is one.
func (w nativeWriter) pagerStep(rel, url, label string) {
	if url == "" {
		return
	}
	w.s("\n<li class=\"" + rel + "\"><a href=\"")
	w.url(url)
	w.s("\" rel=\"" + rel + "\">")
	w.tr(label)
	w.s("</a></li>")
}
