package gen

// A generated case: its identity (what other pages show of it), its
// figures and its Markdown body, each from its own random stream.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// rng returns the random stream number stream of a seed.
func rng(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), stream))
}

// Streams: each case has two (its identity and its details), then come
// the site's own.
const (
	streamSite      = 1 << 62
	streamBriefings = 1<<62 + 1
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// pickN returns n distinct elements of s in a random order.
func pickN[T any](r *rand.Rand, s []T, n int) []T {
	idx := r.Perm(len(s))[:min(n, len(s))]
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = s[j]
	}
	return out
}

// between returns an integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// identity is what other pages need to know of a case: it comes from the
// case's first stream and nothing else.
type identity struct {
	slug      string
	title     string
	community string
	city      *city
	county    county
	draft     bool
	bundle    bool
}

func newIdentity(seed int64, i int) identity {
	r := rng(seed, uint64(2*i))
	ct := &cities[r.IntN(len(cities))]
	co := pick(r, ct.counties)
	community := pick(r, communityCores) + pick(r, communitySuffixes)
	var title string
	switch r.IntN(4) {
	case 0:
		title = co.name + community + "改造"
	case 1:
		title = co.name + community + "老旧小区改造"
	case 2:
		title = co.name + community + "改造项目"
	default:
		title = co.name + community + "综合整治"
	}
	return identity{
		slug:      fmt.Sprintf("%s-%05d", co.pinyin, i),
		title:     title,
		community: community,
		city:      ct,
		county:    co,
		draft:     r.IntN(200) == 0,
		bundle:    r.IntN(100) < 8,
	}
}

type date struct{ y, m, d int }

func (d date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

func (d date) addDays(n int) date {
	t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return date{t.Year(), int(t.Month()), t.Day()}
}

func randomDate(r *rand.Rand, year int) date {
	return date{year, between(r, 1, 12), between(r, 1, 28)}
}

type site struct {
	name, address string
	lat, lng      float64
}

type source struct {
	title, url string
	date       date
}

type contact struct{ org, phone, email string }

// kase is one generated case study.
type kase struct {
	identity
	summary        string
	date, updated  date
	hasUpdated     bool
	lat, lng       float64
	status         string
	start, end     int
	zones, bldgs   int64
	households     int64
	residents      int64
	area, invest   int64
	funding        []int64 // government, enterprise, property units, residents; nil when not given
	practices      []practice
	scope, tags    []string
	sites          []site
	contact        *contact
	sources        []source
	imageVariant   int
	caption, alt   string
	body           string
	builtDecade    int
	problems       []string
	residentsQuote string
}

func newCase(seed int64, ids []identity, i int) *kase {
	r := rng(seed, uint64(2*i+1))
	c := &kase{identity: ids[i]}
	c.lat = round(c.city.lat+(r.Float64()-0.5)*0.5, 5)
	c.lng = round(c.city.lng+(r.Float64()-0.5)*0.5, 5)

	// status, period and dates
	switch x := r.IntN(100); {
	case x < 50:
		c.status = "completed"
		c.start = between(r, 2019, 2023)
		c.end = c.start + between(r, 0, 2)
		if c.end > 2024 {
			c.end = 2024
		}
		c.date = randomDate(r, min(c.end+r.IntN(2), 2025))
	case x < 85:
		c.status = "under-construction"
		c.start = between(r, 2022, 2025)
		if r.IntN(2) == 0 {
			c.end = c.start + between(r, 1, 2)
		}
		c.date = randomDate(r, c.start)
	default:
		c.status = "planned"
		c.start = between(r, 2025, 2026)
		c.end = c.start + between(r, 1, 2)
		c.date = randomDate(r, 2025)
	}
	if r.IntN(4) == 0 {
		c.hasUpdated = true
		c.updated = c.date.addDays(between(r, 10, 300))
	}

	// figures
	c.zones = int64(between(r, 1, 8))
	if r.IntN(8) == 0 {
		c.zones = int64(between(r, 10, 40))
	}
	c.bldgs = c.zones * int64(between(r, 3, 25))
	c.households = c.bldgs * int64(between(r, 12, 48))
	c.residents = int64(float64(c.households) * (2.4 + r.Float64()*0.8))
	c.area = c.households * int64(between(r, 55, 95)) / 100 * 100
	c.invest = c.area * int64(between(r, 180, 650)) / 10000 * 10000
	if c.area == 0 || c.invest == 0 {
		c.area, c.invest = 1000, 500000
	}
	if r.IntN(10) < 6 {
		w := []float64{0.45 + r.Float64()*0.35, r.Float64() * 0.15, r.Float64() * 0.1, 0.02 + r.Float64()*0.08}
		sum := w[0] + w[1] + w[2] + w[3]
		total := 0.85 + r.Float64()*0.15
		c.funding = make([]int64, 4)
		for k := range w {
			c.funding[k] = int64(float64(c.invest)*w[k]/sum*total) / 10000 * 10000
		}
	}

	// lists
	c.practices = pickN(r, practices, between(r, 1, 4))
	for _, s := range scopeOrder {
		p := map[string]int{"基础类": 90, "完善类": 70, "提升类": 40}[s]
		if r.IntN(100) < p {
			c.scope = append(c.scope, s)
		}
	}
	if len(c.scope) == 0 {
		c.scope = []string{"基础类"}
	}
	c.tags = pickN(r, tagPool, r.IntN(4))
	street := func() string { return pick(r, streetCores) + pick(r, streetSuffixes) }
	for k, n := 0, between(r, 1, 3); k < n; k++ {
		var s site
		if k == 0 || r.IntN(2) == 0 {
			s.name = pick(r, directions) + street()
		} else {
			s.name = c.community
		}
		s.address = fmt.Sprintf("%s%s%s%d号", c.city.name, c.county.name, street(), between(r, 1, 300))
		s.lat = round(c.lat+(r.Float64()-0.5)*0.02, 5)
		s.lng = round(c.lng+(r.Float64()-0.5)*0.02, 5)
		if !containsSite(c.sites, s.name) {
			c.sites = append(c.sites, s)
		}
	}
	if r.IntN(10) < 4 {
		ct := &contact{org: c.county.name + "住房和城乡建设局", phone: fmt.Sprintf("%s-%07d", c.city.areaCode, between(r, 2000000, 8999999))}
		if r.IntN(10) < 3 {
			ct.email = c.county.pinyin + "-zjj@example.org"
		}
		c.contact = ct
	}
	if r.IntN(10) < 6 {
		for k, n := 0, between(r, 1, 2); k < n; k++ {
			kinds := []string{"改造项目情况通报", "老旧小区改造工作简报", "改造项目竣工验收公示", "改造方案公示"}
			c.sources = append(c.sources, source{
				title: c.county.name + c.community + kinds[(k+r.IntN(2))%len(kinds)],
				url:   fmt.Sprintf("https://example.org/%s/%s/%d/", c.city.pinyin, c.slug, k+1),
				date:  c.date.addDays(-between(r, 0, 60)),
			})
		}
	}
	c.imageVariant = r.IntN(len(palette))
	c.caption = c.sites[0].name + "改造前后对比"
	c.alt = "左为改造前的" + c.sites[0].name + "，右为改造后"
	c.builtDecade = pick(r, []int{1970, 1980, 1990})
	c.problems = pickN(r, problems, between(r, 2, 4))
	if c.status == "planned" {
		c.residentsQuote = pick(r, quotesPlanned)
	} else {
		c.residentsQuote = pick(r, quotes)
	}
	c.body = c.makeBody(r, ids, i)
	if r.IntN(10) < 7 {
		c.summary = fmt.Sprintf("%s涉及%d栋楼、%d户居民，改造面积%s，总投资%s，%s。", c.title, c.bldgs, c.households, areaText(c.area), yuanText(c.invest), statusPhrase(c))
	}
	return c
}

func containsSite(s []site, name string) bool {
	for _, x := range s {
		if x.name == name {
			return true
		}
	}
	return false
}

func round(f float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(f*p) / p
}

func statusPhrase(c *kase) string {
	switch c.status {
	case "completed":
		return fmt.Sprintf("已于%d年完工", c.end)
	case "under-construction":
		return "目前正在施工"
	}
	return fmt.Sprintf("计划%d年开工", c.start)
}

// yuanText writes an amount in yuan the way a Chinese report would.
func yuanText(v int64) string {
	if v >= 1e8 {
		return trimZeros(strconv.FormatFloat(float64(v)/1e8, 'f', 2, 64)) + "亿元"
	}
	return strconv.FormatInt(v/1e4, 10) + "万元"
}

func areaText(v int64) string {
	if v >= 1e4 {
		return trimZeros(strconv.FormatFloat(float64(v)/1e4, 'f', 1, 64)) + "万平方米"
	}
	return strconv.FormatInt(v, 10) + "平方米"
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Body sizes, in bytes of UTF-8.
const (
	minBody = 2000
	maxBody = 5000
)

func (c *kase) makeBody(r *rand.Rand, ids []identity, i int) string {
	var b strings.Builder
	place := c.county.name + c.community
	target := between(r, minBody, maxBody-500)

	b.WriteString("## 概况\n\n")
	fmt.Fprintf(&b, "%s位于%s%s一带，建成于上世纪%d年代，共有住宅楼%d栋、居民%d户%d人。小区建成时间早、配套设施老化，\n长期存在%s等问题，居民改造意愿强烈。\n\n",
		place, c.county.name, c.sites[0].name, c.builtDecade%100, c.bldgs, c.households, c.residents, strings.Join(c.problems, "、"))
	switch c.status {
	case "completed":
		when := fmt.Sprintf("项目于%d年启动，%d年完工", c.start, c.end)
		if c.end == c.start {
			when = fmt.Sprintf("项目于%d年启动，当年完工", c.start)
		}
		fmt.Fprintf(&b, "%s，共改造%d个片区，改造面积%s，总投资%s。", when, c.zones, areaText(c.area), yuanText(c.invest))
	case "under-construction":
		fmt.Fprintf(&b, "项目于%d年开工，目前正在施工，计划改造%d个片区，改造面积%s，总投资%s。", c.start, c.zones, areaText(c.area), yuanText(c.invest))
	default:
		fmt.Fprintf(&b, "项目已列入改造计划，计划于%d年开工，拟改造%d个片区，改造面积%s，估算总投资%s。", c.start, c.zones, areaText(c.area), yuanText(c.invest))
	}
	footnote := r.IntN(5) == 0
	if footnote {
		b.WriteString("以上数据为项目统计口径[^1]。")
	}
	b.WriteString("\n\n")

	b.WriteString("## 改造内容\n\n")
	fmt.Fprintf(&b, "本次改造按照%s的内容分类推进：\n\n", joinQuoted(c.scope))
	for k, s := range c.scope {
		end := "；"
		if k == len(c.scope)-1 {
			end = "。"
		}
		fmt.Fprintf(&b, "- **%s**：%s%s\n", s, strings.Join(pickN(r, scopeItems[s], between(r, 3, 5)), "、"), end)
	}
	b.WriteString("\n")

	b.WriteString("### 主要数据\n\n| 指标 | 数值 |\n| --- | --- |\n")
	fmt.Fprintf(&b, "| 改造片区 | %d个 |\n| 楼栋 | %d栋 |\n| 户数 | %d户 |\n| 受益居民 | %d人 |\n| 改造面积 | %s |\n| 总投资 | %s |\n",
		c.zones, c.bldgs, c.households, c.residents, areaText(c.area), yuanText(c.invest))
	b.WriteString("\n")
	if c.funding != nil {
		fmt.Fprintf(&b, "资金按照“政府支持一点、企业投一点、产权单位筹一点、居民出一点”的办法筹集：政府支持%s，企业投入%s，产权单位筹集%s，居民出资%s。\n\n",
			yuanText(c.funding[0]), yuanText(c.funding[1]), yuanText(c.funding[2]), yuanText(c.funding[3]))
	}

	b.WriteString("## 经验做法\n\n")
	for _, p := range c.practices {
		fmt.Fprintf(&b, "### %s\n\n", p.name)
		b.WriteString(fmt.Sprintf(pick(r, p.uses), place))
		fmt.Fprintf(&b, "做法介绍见[%s](/practices/%s/)。\n\n", p.name, p.slug)
	}

	fmt.Fprintf(&b, "> 居民%s%s说：“%s”\n\n", pick(r, surnames), pick(r, residentTitles), c.residentsQuote)

	b.WriteString("## 观摩点位\n\n")
	for k, s := range c.sites {
		end := "；"
		if k == len(c.sites)-1 {
			end = "。"
		}
		fmt.Fprintf(&b, "%d. **%s**：%s%s\n", k+1, s.name, s.address, end)
	}
	b.WriteString("\n")

	pool := fillers
	switch c.status {
	case "completed":
		pool = append(slices.Clone(fillers), fillersDone...)
	case "planned":
		pool = fillersPlanned
	}
	if c.status == "planned" {
		b.WriteString("## 前期工作\n\n")
	} else {
		b.WriteString("## 实施过程\n\n")
	}
	for _, f := range pickN(r, pool, len(pool)) {
		if b.Len() >= target {
			break
		}
		b.WriteString(f)
		b.WriteString("\n\n")
	}

	b.WriteString("## 下一步\n\n")
	b.WriteString(pick(r, nextSteps))
	// a link to a neighbouring, published case
	if i > 0 && r.IntN(2) == 0 {
		j := max(0, i-1-r.IntN(min(i, 50)))
		if !ids[j].draft {
			fmt.Fprintf(&b, "同一时期开展的[%s](/cases/%s/)也可相互借鉴。", ids[j].title, ids[j].slug)
		}
	}
	b.WriteString("\n")
	if footnote {
		src := "当地住房和城乡建设部门"
		if len(c.sources) > 0 {
			src = c.sources[0].title
		}
		fmt.Fprintf(&b, "\n[^1]: 数据来源：%s，截至%d年%d月。\n", src, c.date.y, c.date.m)
	}
	return b.String()
}
