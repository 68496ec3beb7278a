package site

import (
	"html/template"
	"time"

	"github.com/guangdong-renovation/showcase/internal/render"
)

// casePage is the "main" block of templates/case.html.
func (w nativeWriter) casePage(p *Page, cards func(lang, h string, item any) (template.HTML, error)) error {
	c := p.Case
	d := c.Case
	w.wrap("\n<article class=\"case\">\n<div class=\"page-head\">\n<h1>", d.Title, "</h1>")
	if d.Summary != "" {
		w.wrap("\n<p class=\"lede\">", d.Summary, "</p>")
	}
	w.s("\n<dl class=\"facts\">\n<div><dt>")
	w.tr("所在地区")
	w.s("</dt><dd>")
	if d.Region.Province != "" {
		w.text(d.Region.Province)
		w.s(" › ")
	}
	if c.City != nil {
		w.link("", c.City.URL, c.City.Name, "")
	} else {
		w.text(d.Region.City)
	}
	if c.County != nil {
		w.s(" › ")
		w.link("", c.County.URL, c.County.Name, "")
	} else if d.Region.County != "" && d.Region.County != d.Region.City {
		w.s(" › ")
		w.text(d.Region.County)
	}
	w.s("</dd></div>\n<div><dt>")
	w.tr("状态")
	w.wrap("</dt><dd><span class=\"badge status-", d.Status, "\">")
	w.text(render.StatusLabel(w.lang, d.Status))
	w.s("</span></dd></div>")
	if d.Period.Start != 0 || d.Period.End != 0 {
		w.s("\n<div><dt>")
		w.tr("时间")
		w.s("</dt><dd>")
		if d.Period.Start != 0 {
			w.period(d.Period)
		} else {
			w.printf("至%d年", d.Period.End)
		}
		w.s("</dd></div>")
	}
	if len(c.PracticeList) > 0 {
		w.tagLinks("经验做法", len(c.PracticeList), func(i int) (string, string) { return c.PracticeList[i].Name, c.PracticeList[i].URL })
	}
	if len(c.ScopeList) > 0 {
		w.tagLinks("改造内容", len(c.ScopeList), func(i int) (string, string) { return c.ScopeList[i].Name, c.ScopeList[i].URL })
	}
	if len(d.Tags) > 0 {
		w.s("\n<div><dt>")
		w.tr("标签")
		w.s("</dt><dd><ul class=\"tags plain\">")
		for _, t := range d.Tags {
			w.wrap("<li>", t, "</li>")
		}
		w.s("</ul></dd></div>")
	}
	w.s("\n</dl>\n</div>")

	if figs := d.Figures.List(); len(figs) > 0 {
		w.section(" figures", "主要数字", "<dl class=\"bigfigs\">")
		for _, f := range figs {
			num, unit := render.FigureParts(w.lang, f.Name, f.Value)
			w.wrap("\n<div><dt>", render.Label(w.lang, f.Name), "</dt><dd><span class=\"n\">")
			w.text(num)
			w.wrap("</span><span class=\"u\">", unit, "</span></dd></div>")
		}
		w.s("\n</dl>")
		w.figuresNote(d.FiguresNote)
		w.s("\n</section>")
	} else {
		w.figuresNote(d.FiguresNote)
	}

	if d.Body.HTML != "" {
		w.s("\n<div class=\"prose\">")
		w.s(string(d.Body.HTML))
		w.s("</div>")
	}

	if len(d.Sites) > 0 {
		w.section("", "可以参观的点位", "<ul class=\"sites\">")
		for _, s := range d.Sites {
			w.wrap("\n<li><strong>", s.Name, "</strong>")
			if s.Address != "" {
				w.wrap("<br><span class=\"address\">", s.Address, "</span>")
			}
			w.s("</li>")
		}
		w.s("\n</ul>\n</section>")
	}

	if len(d.Gallery) > 0 {
		w.gallery(p)
	}

	if funds := d.Funding.List(); len(funds) > 0 {
		w.section("", "资金来源", "<div class=\"table-wrap\">\n<table class=\"data\">\n<caption>")
		w.tr("各方出资（资金共担）")
		w.s("</caption>\n<thead><tr><th scope=\"col\">")
		w.tr("出资方")
		w.s("</th><th scope=\"col\" class=\"num\">")
		w.tr("金额")
		w.s("</th></tr></thead>\n<tbody>")
		for _, f := range funds {
			n := f.Name
			if n == "residents" {
				n = "residents_funding"
			}
			w.wrap("\n<tr><th scope=\"row\">", render.Label(w.lang, n), "</th><td class=\"num\">")
			w.text(render.FigureText(w.lang, n, f.Value))
			w.s("</td></tr>")
		}
		w.s("\n</tbody>\n</table>\n</div>\n</section>")
	}

	if ct := d.Contact; ct != nil {
		w.section("", "联系方式", "<address class=\"contact\">")
		if ct.Org != "" {
			w.wrap("<strong>", ct.Org, "</strong>")
		}
		w.contactLink("电话：", "tel:", ct.Phone)
		w.contactLink("邮箱：", "mailto:", ct.Email)
		w.s("\n</address>\n</section>")
	}

	if len(d.Sources) > 0 {
		w.section(" sources", "资料来源", "<ol>")
		for _, src := range d.Sources {
			w.s("\n<li>")
			if src.URL != "" {
				w.link("", src.URL, src.Title, "")
			} else {
				w.text(src.Title)
			}
			if !src.Date.IsZero() {
				w.s("<span class=\"meta\">")
				w.tr("，")
				w.time(src.Date)
				w.s("</span>")
			}
			w.s("</li>")
		}
		w.s("\n</ol>\n</section>")
	}

	if len(c.Briefings) > 0 {
		w.section("", "观摩手册", "<ul class=\"list\">")
		for _, br := range c.Briefings {
			w.link("\n<li>", br.URL, br.Title, " <span class=\"meta\">")
			w.time(br.Date)
			if br.Place != "" {
				w.s(" · ")
				w.text(br.Place)
			}
			w.s("</span></li>")
		}
		w.s("\n</ul>\n</section>")
	}

	w.s("\n\n<footer class=\"page-foot\">\n<p class=\"dates\">")
	w.tr("发布于")
	w.s(" ")
	w.time(d.Date)
	if !d.Updated.IsZero() {
		w.tr("；")
		w.tr("更新于")
		w.s(" ")
		w.time(d.Updated)
	}
	w.s("</p>")
	if len(p.Alternates) == 0 && len(c.Translations) > 0 {
		w.s("\n<p class=\"langs\">")
		w.tr("其他语言：")
		w.langLinks(c.Translations)
		w.s("</p>")
	}
	if o := c.Original; o != nil {
		lang := p.Site.Config.Language
		w.s("\n<p>")
		w.tr("本页译自")
		w.s(" <a href=\"")
		w.url(o.URL)
		w.wrap("\" hreflang=\"", lang, "\" lang=\"")
		w.text(lang)
		w.wrap("\">", o.Title, "</a>")
		w.tr("；如有出入，以原文为准。")
		w.s("</p>")
	}
	w.s("\n</footer>\n</article>")

	if len(c.Related) > 0 {
		w.section(" related", "相关案例", "\n<ul class=\"cards\">")
		if err := w.cardItems(cards, "h3", c.Related); err != nil {
			return err
		}
		w.s("\n</ul>\n</section>")
	}
	w.s("\n")
	return nil
}

// section opens a section of the page: the block's classes after
// "block", its heading, and what follows the heading.
func (w nativeWriter) section(class, heading, then string) {
	w.s("\n<section class=\"block")
	w.s(class)
	w.s("\">\n<h2>")
	w.tr(heading)
	w.s("</h2>\n")
	w.s(then)
}

// tagLinks is a facts line of n links, each a name and a URL.
func (w nativeWriter) tagLinks(label string, n int, link func(i int) (name, url string)) {
	w.s("\n<div><dt>")
	w.tr(label)
	w.s("</dt><dd><ul class=\"tags\">")
	for i := 0; i < n; i++ {
		name, url := link(i)
		w.link("<li>", url, name, "</li>")
	}
	w.s("</ul></dd></div>")
}

// contactLink is a phone or email line of the contact, when v is set.
func (w nativeWriter) contactLink(label, scheme, v string) {
	if v == "" {
		return
	}
	w.s("<br>")
	w.tr(label)
	w.s("<a href=\"")
	w.s(scheme)
	render.AppendURLPart(w.b, v)
	w.wrap("\">", v, "</a>")
}

// link writes before, <a href="{{url}}">{{text}}</a>, and after.
func (w nativeWriter) link(before, url, text, after string) {
	w.s(before)
	w.s("<a href=\"")
	w.url(url)
	w.wrap("\">", text, "</a>")
	w.s(after)
}

// time is <time datetime="{{isodate .}}">{{date $lang .}}</time>.
func (w nativeWriter) time(t time.Time) {
	w.wrap("<time datetime=\"", render.ISODate(t), "\">")
	w.text(render.FormatDate(w.lang, t))
	w.s("</time>")
}

// figuresNote is the figures' note paragraph, when there is one.
func (w nativeWriter) figuresNote(note string) {
	if note == "" {
		return
	}
	w.s("\n<p class=\"figures-note\"><strong>")
	w.tr("数字说明：")
	w.wrap("</strong>", note, "</p>")
}

// gallery is the before-and-after section of a case page.
func (w nativeWriter) gallery(p *Page) {
	d := p.Case.Case
	w.section("", "改造前后", "<div class=\"gallery\">")
	for _, g := range d.Gallery {
		alt := or(g.Alt, g.Caption, d.Title)
		w.s("\n<figure class=\"shot")
		if g.Before != "" && g.After != "" {
			w.s(" pair")
		}
		w.s("\">")
		if g.Image != "" {
			w.s("\n<img src=\"")
			w.url(render.SiteURL(w.basePath, g.Image))
			w.wrap("\" alt=\"", alt, "\"")
			w.size(g.Sizes[g.Image])
			w.s(" loading=\"lazy\" decoding=\"async\">")
		}
		if g.Before != "" || g.After != "" {
			w.s("\n<div class=\"ba\">")
			if g.Before != "" {
				w.shot(g.Before, g.Sizes[g.Before], alt, "改造前", "before")
			}
			if g.After != "" {
				w.shot(g.After, g.Sizes[g.After], alt, "改造后", "after")
			}
			w.s("\n</div>")
		}
		if g.Caption != "" {
			w.wrap("\n<figcaption>", g.Caption, "</figcaption>")
		}
		w.s("\n</figure>")
	}
	w.s("\n</div>\n</section>")
}

// shot is one image of a before-and-after pair.
func (w nativeWriter) shot(src string, size [2]int, alt, label, class string) {
	w.s("\n<figure><img src=\"")
	w.url(render.SiteURL(w.basePath, src))
	w.s("\" alt=\"")
	w.tr(label)
	if alt != "" {
		w.tr("：")
		w.text(alt)
	}
	w.s("\"")
	w.size(size)
	w.s(" loading=\"lazy\" decoding=\"async\"><figcaption class=\"ba-label ")
	w.s(class)
	w.s("\">")
	w.tr(label)
	w.s("</figcaption></figure>")
}

// size is an image's width and height attributes, when known.
func (w nativeWriter) size(s [2]int) {
	if s[0] > 0 {
		w.s(" width=\"")
		w.number(s[0])
		w.s("\" height=\"")
		w.number(s[1])
		w.s("\"")
	}
}
