package brief_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/guangdong-renovation/showcase/internal/qr/qrtest"
	"github.com/guangdong-renovation/showcase/internal/render"
)

// The tests in this file read the built briefing page, the handbook, the
// way a reader does, and compare what it shows with the pack's content:
// the cover's facts, one agenda row per item, one section per case with
// its figures and a QR code of its page, and the figures side by side with
// their totals.

const lang = "zh-CN"

// fig formats a figure the way the site does.
func fig(name string, v float64) string {
	f := render.Funcs("https://example.org/", "/")["fig"].(func(string, string, float64) string)
	return f(lang, name, v)
}

// figParts returns a figure's number and unit as the site writes them.
func figParts(name string, v float64) []string {
	funcs := render.Funcs("https://example.org/", "/")
	return []string{
		funcs["fignum"].(func(string, string, float64) string)(lang, name, v),
		funcs["figunit"].(func(string, string, float64) string)(lang, name, v),
	}
}

// label names a figure the way the site does.
func label(name string) string { return render.Label(lang, name) }

// checkHandbook checks the briefing page of pack slug of the site in dir
// against its content; base is the site's absolute base URL.
func checkHandbook(t *testing.T, dir, slug, base string) *html.Node {
	t.Helper()
	lib := load(t, dir)
	b, cases := pack(t, lib, slug)
	mem := build(t, dir)
	doc := page(t, mem, "briefings/"+slug+"/index.html")
	art := one(t, doc, "article", "briefing")
	if got := attr(art, "data-running-title"); got != b.Title {
		t.Errorf("running title %q, want %q", got, b.Title)
	}
	// Printed from a browser, without showcase brief's script, the footer
	// finds the title on the root element.
	root := one(t, doc, "html", "")
	if got, want := attr(root, "style"), `--brief-title:"`+b.Title+`"`; got != want {
		t.Errorf("root element style %q, want %q", got, want)
	}

	t.Run("cover", func(t *testing.T) {
		cover := one(t, art, "header", "brief-cover")
		if h1 := text(one(t, cover, "h1", "")); h1 != b.Title {
			t.Errorf("cover title %q, want %q", h1, b.Title)
		}
		facts := map[string]string{}
		for _, d := range children(one(t, cover, "dl", "facts"), "div") {
			facts[text(children(d, "dt")[0])] = text(children(d, "dd")[0])
		}
		want := map[string]string{"日期": b.Date.Format("2006年1月2日"), "地点": b.Place, "主办": b.Organizer}
		for k, v := range want {
			if v != "" && facts[k] != v {
				t.Errorf("cover %s = %q, want %q (facts %v)", k, facts[k], v, facts)
			}
		}
		for _, c := range cases {
			if !strings.Contains(facts["观摩案例"], c.Title) {
				t.Errorf("cover lists cases %q, lacks %s", facts["观摩案例"], c.Title)
			}
		}
	})

	t.Run("agenda", func(t *testing.T) {
		if len(b.Agenda) == 0 {
			if len(sel(art, "table", "agenda")) != 0 {
				t.Error("an agenda table without agenda items")
			}
			return
		}
		table := one(t, art, "table", "agenda")
		hasTime := false
		for _, a := range b.Agenda {
			hasTime = hasTime || a.Time != ""
		}
		head := text(one(t, table, "thead", ""))
		if strings.Contains(head, "时间") != hasTime {
			t.Errorf("agenda head %q: time column shown %v, items with times %v", head, !hasTime, hasTime)
		}
		rows := sel(one(t, table, "tbody", ""), "tr", "")
		if len(rows) != len(b.Agenda) {
			t.Fatalf("%d agenda rows, want %d", len(rows), len(b.Agenda))
		}
		for i, a := range b.Agenda {
			row := rows[i]
			th := text(sel(row, "th", "")[0])
			if !strings.HasPrefix(th, a.Title) {
				t.Errorf("row %d is %q, want %q", i+1, th, a.Title)
			}
			if a.Time != "" && !strings.Contains(text(row), a.Time) {
				t.Errorf("row %d lacks its time %s", i+1, a.Time)
			}
			if a.Place != "" && !strings.Contains(text(row), a.Place) {
				t.Errorf("row %d lacks its place %s", i+1, a.Place)
			}
			if got := len(sel(row, "li", "")); got != len(a.Speakers) {
				t.Errorf("row %d has %d speakers, want %d", i+1, got, len(a.Speakers))
			}
			if a.Case != "" {
				links := sel(row, "a", "")
				if len(links) != 1 || attr(links[0], "href") != "#case-"+a.Case {
					t.Errorf("row %d does not link to its case's section: %s", i+1, outerHTML(row))
				}
			}
		}
	})

	t.Run("cases", func(t *testing.T) {
		sections := sel(art, "section", "brief-case")
		if len(sections) != len(cases) {
			t.Fatalf("%d case sections, want %d", len(sections), len(cases))
		}
		for i, c := range cases {
			s := sections[i]
			if attr(s, "id") != "case-"+c.Slug {
				t.Errorf("section %d is %s, want case-%s", i+1, attr(s, "id"), c.Slug)
			}
			if h2 := text(one(t, s, "h2", "")); h2 != c.Title {
				t.Errorf("section %d title %q, want %q", i+1, h2, c.Title)
			}
			if kicker := text(one(t, s, "p", "kicker")); kicker != fmt.Sprintf("观摩案例%d", i+1) {
				t.Errorf("section %d kicker %q", i+1, kicker)
			}
			figs := c.Figures.List()
			tables := sel(s, "table", "brief-figs")
			if len(figs) == 0 {
				if len(tables) != 0 {
					t.Errorf("%s has no figures but a figures table", c.Slug)
				}
			} else {
				rows := sel(one(t, s, "table", "brief-figs"), "tr", "")
				if len(rows) != len(figs) {
					t.Fatalf("%s: %d figure rows, want %d", c.Slug, len(rows), len(figs))
				}
				for j, f := range figs {
					th, td := text(sel(rows[j], "th", "")[0]), text(sel(rows[j], "td", "")[0])
					if th != label(f.Name) || td != fig(f.Name, f.Value) {
						t.Errorf("%s figure %d: %q %q, want %q %q", c.Slug, j+1, th, td, label(f.Name), fig(f.Name, f.Value))
					}
				}
			}
			if c.Summary != "" && text(one(t, s, "p", "brief-summary")) != c.Summary {
				t.Errorf("%s: summary not shown", c.Slug)
			}
			for _, p := range c.Practices {
				if !strings.Contains(text(s), p) {
					t.Errorf("%s: practice %s not shown", c.Slug, p)
				}
			}
			for _, st := range c.Sites {
				if !strings.Contains(text(s), st.Name) || !strings.Contains(text(s), st.Address) {
					t.Errorf("%s: site %s not shown", c.Slug, st.Name)
				}
			}
			if c.Contact != nil {
				addr := text(one(t, s, "address", "brief-contact"))
				for _, want := range []string{c.Contact.Org, c.Contact.Phone, c.Contact.Email} {
					if !strings.Contains(addr, want) {
						t.Errorf("%s: contact %q lacks %q", c.Slug, addr, want)
					}
				}
			}
			// The QR code scans back to the case's page on the site.
			want := base + "cases/" + c.Slug + "/"
			svg := one(t, one(t, s, "figure", "brief-qr"), "svg", "")
			if attr(svg, "role") != "img" || attr(svg, "aria-label") != want {
				t.Errorf("%s: QR code is not an image labelled with %s: %s", c.Slug, want, outerHTML(svg)[:200])
			}
			got, err := qrtest.Decode(outerHTML(svg))
			if err != nil {
				t.Errorf("%s: QR code does not scan: %v", c.Slug, err)
			} else if got != want {
				t.Errorf("%s: QR code scans as %s, want %s", c.Slug, got, want)
			}
			if !strings.Contains(text(s), want) {
				t.Errorf("%s: the URL is not written beside its QR code", c.Slug)
			}
		}
	})

	t.Run("figures side by side", func(t *testing.T) {
		// Columns: each figure that at least one case gives.
		given := map[string]int{}
		sum := map[string]float64{}
		var names []string
		for _, name := range []string{"investment_cny", "area_m2", "zones", "buildings", "households", "residents"} {
			for _, c := range cases {
				for _, f := range c.Figures.List() {
					if f.Name == name {
						if given[name] == 0 {
							names = append(names, name)
						}
						given[name]++
						sum[name] += f.Value
					}
				}
			}
		}
		table := one(t, one(t, art, "section", "brief-totals"), "table", "brief-side")
		head := sel(one(t, table, "thead", ""), "th", "")
		if len(head) != len(names)+1 {
			t.Fatalf("%d columns, want %d (case and %v): %s", len(head), len(names)+1, names, text(table))
		}
		for i, name := range names {
			if got := text(head[i+1]); got != label(name) {
				t.Errorf("column %d is %q, want %q", i+2, got, label(name))
			}
		}
		rows := sel(one(t, table, "tbody", ""), "tr", "")
		if len(rows) != len(cases) {
			t.Fatalf("%d rows, want one per case (%d)", len(rows), len(cases))
		}
		for i, c := range cases {
			cells := sel(rows[i], "td", "")
			if th := text(sel(rows[i], "th", "")[0]); !strings.HasPrefix(th, c.Title) {
				t.Errorf("row %d is %q, want %s", i+1, th, c.Title)
			}
			for j, name := range names {
				want := "—"
				for _, f := range c.Figures.List() {
					if f.Name == name {
						want = fig(f.Name, f.Value)
					}
				}
				if got := strings.ReplaceAll(text(cells[j]), " ", ""); got != want {
					t.Errorf("%s %s: %q, want %q", c.Slug, name, got, want)
				}
			}
		}
		foots := sel(table, "tfoot", "")
		if len(cases) == 1 {
			if len(foots) != 0 {
				t.Error("a totals row for a single case")
			}
			return
		}
		if len(foots) != 1 {
			t.Fatal("no totals row")
		}
		cells := sel(foots[0], "td", "")
		for j, name := range names {
			want := fig(name, sum[name])
			if given[name] < len(cases) {
				want += fmt.Sprintf("%d个案例合计", given[name])
			}
			if got := strings.ReplaceAll(text(cells[j]), " ", ""); got != want {
				t.Errorf("total of %s: %q, want %q", name, got, want)
			}
		}
	})
	return doc
}

// TestExampleHandbook checks the example site's pack: one case, agenda
// items without times.
func TestExampleHandbook(t *testing.T) {
	doc := checkHandbook(t, repo, examplePack, "https://example.org/")
	if !hasClass(one(t, doc, "article", "briefing"), "paper-a4") {
		t.Error("the example pack is not on A4")
	}
}

// fixture is a site with a three-case pack on A5 paper, served from a
// base path: cases with all, some and no figures, a contact, places with
// addresses and agenda items with times.
func fixture() map[string]string {
	return map[string]string{
		"site.yaml": "title: 测试站点\nbase_url: https://example.org/showcase/\nprovince: 广东省\n",
		"content/cases/fengshun.md": `---
title: 梅州市丰顺县县城老旧小区改造与完整社区建设试点
summary: 丰顺县以完整社区建设为目标，统筹推进县城老旧小区改造，同步补齐养老托育、停车充电等公共服务设施。
date: 2023-10-01
region: {city: 梅州市, county: 丰顺县}
status: completed
period: {start: 2021, end: 2023}
figures: {zones: 42, buildings: 316, households: 12045, residents: 38500, area_m2: 856000, investment_cny: 312000000}
figures_note: 数字为2021年至2023年的合计。
practices: [共同缔造, 资金共担]
sites:
  - {name: 汤坑镇新城社区, address: 丰顺县汤坑镇新城路88号}
  - {name: 丰顺县人民医院宿舍区, address: 丰顺县汤坑镇环城路}
contact: {org: 丰顺县住房和城乡建设局, phone: 0753-6621234, email: zjj@fengshun.example.org}
sources:
  - {title: 丰顺县县城老旧小区改造工作情况汇报, url: "https://www.example.gov.cn/zwgk/2023/10/very/long/path/to/the/report/document-20231001-0001.html", date: 2023-10-01}
---
正文。
`,
		"content/cases/shaoguan.md": `---
title: 韶关市老旧小区改造
date: 2023-09-01
region: {city: 韶关市}
status: under-construction
figures: {zones: 120, households: 30000, investment_cny: 1500000000}
practices: [党建引领]
---
正文。
`,
		"content/cases/dangyang.md": `---
title: 湖北省当阳市老旧小区改造
date: 2023-08-01
region: {province: 湖北省, city: 宜昌市, county: 当阳市}
status: planned
---
正文。
`,
		"content/briefings/a5-visit.md": `---
title: 2023年粤东片区县城老旧小区改造现场观摩活动
date: 2023-11-02
place: 梅州市丰顺县
organizer: 广东省住房和城乡建设厅
paper: A5
cases: [fengshun, shaoguan, dangyang]
agenda:
  - {time: "08:30–09:30", title: 现场观摩：汤坑镇新城社区, case: fengshun, place: 丰顺县汤坑镇新城社区}
  - {time: "09:45", title: 现场观摩：韶关片区, case: shaoguan, place: 韶关市武江区}
  - {time: "10:30–12:00", title: 经验交流, speakers: [丰顺县人民政府, 韶关市住房和城乡建设局, 当阳市人民政府]}
---
本次活动在丰顺县举行。
`,
	}
}

// TestFixtureHandbook checks a pack of three cases on A5 paper, with
// totals, on a site served from a base path.
func TestFixtureHandbook(t *testing.T) {
	dir := writeSite(t, fixture())
	doc := checkHandbook(t, dir, "a5-visit", "https://example.org/showcase/")
	if !hasClass(one(t, doc, "article", "briefing"), "paper-a5") {
		t.Error("paper: A5 is not marked on the handbook")
	}
	var links []string
	for _, l := range sel(doc, "link", "") {
		links = append(links, attr(l, "href"))
	}
	if !strings.Contains(strings.Join(links, " "), "/showcase/css/brief.css") {
		t.Errorf("the handbook does not link brief.css: %v", links)
	}
	online := one(t, doc, "aside", "brief-online")
	if got, err := qrtest.Decode(outerHTML(one(t, online, "svg", ""))); err != nil || got != "https://example.org/showcase/briefings/a5-visit/" {
		t.Errorf("the handbook's own QR code scans as %q (%v)", got, err)
	}
}

// TestOnlyBriefingsLinkBriefCSS checks that the handbook's stylesheet
// leaves every other page of the site as it was.
func TestOnlyBriefingsLinkBriefCSS(t *testing.T) {
	mem := build(t, repo)
	seen := 0
	for _, p := range mem.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := mem.Get(p)
		links := strings.Contains(string(data), "/css/brief.css")
		isBriefing := strings.HasPrefix(p, "briefings/") && p != "briefings/index.html"
		if links != isBriefing {
			t.Errorf("%s: links brief.css %v", p, links)
		}
		if isBriefing {
			seen++
		}
	}
	if seen == 0 {
		t.Fatal("no briefing page built")
	}
	if _, ok := mem.Get("css/brief.css"); !ok {
		t.Error("css/brief.css is not in the built site")
	}
}
