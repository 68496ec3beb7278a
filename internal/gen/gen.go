// Package gen writes synthetic showcase sites for benchmarks: any number
// of plausible case studies of old residential community renovation in
// ten cities of Guangdong, with practices, briefing packs and a few page
// bundles with images, in the content contract (CONTENT.md) or, with
// Options.Hugo, in the form of the equivalent Hugo site.
//
// The output depends only on the seed: the same seed writes byte-identical
// files, whatever the number of workers. Case i is the same whatever the
// number of cases, so a 1,000-case site is the first tenth of a
// 10,000-case site of the same seed (the briefing packs differ).
//
// The places are real; the communities, streets, people and figures are
// made up.
package gen

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// hugoSite is the Hugo site the Hugo form is written into: hugo.yaml,
// layouts/ and static/, a copy of shared/bench/hugo-site.
//
//go:embed all:hugosite
var hugoSite embed.FS

// Options configure Write.
type Options struct {
	Cases int   // number of case studies
	Seed  int64 // the same seed writes the same files
	// Hugo writes Hugo's form of the same cases: hugo.yaml, layouts/ and
	// static/ of the bench Hugo site, and content/cases/ with Hugo's
	// taxonomies at the top level of the front matter.
	Hugo bool
	// HugoSite, when set, is a folder with hugo.yaml, layouts/ and static/
	// to copy instead of the built-in copy.
	HugoSite string
	Workers  int // files written at once; GOMAXPROCS when 0
}

// Stats describe what Write wrote.
type Stats struct {
	Cases     int      // case files, drafts included
	Drafts    int      // cases with draft: true
	Bundles   int      // cases written as page bundles with images
	Briefings int      // briefing packs
	Files     int64    // files written
	Bytes     int64    // bytes written
	CaseFiles []string // slash paths of the case files, relative to the folder, by case number
}

// Write writes a generated site into dir, which must not exist or be
// empty.
func Write(dir string, opts Options) (*Stats, error) {
	if opts.Cases < 0 {
		return nil, fmt.Errorf("gen: negative number of cases %d", opts.Cases)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s: folder is not empty: generate into a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	w := &writer{dir: dir, opts: opts}
	if err := os.MkdirAll(filepath.Join(dir, "content", "cases"), 0o755); err != nil {
		return nil, err
	}
	ids := make([]identity, opts.Cases)
	for i := range ids {
		ids[i] = newIdentity(opts.Seed, i)
	}
	w.ids = ids
	st := &Stats{Cases: opts.Cases, CaseFiles: make([]string, opts.Cases)}
	for i, id := range ids {
		if id.draft {
			st.Drafts++
		}
		if id.bundle {
			st.Bundles++
			st.CaseFiles[i] = "content/cases/" + id.slug + "/index.md"
		} else {
			st.CaseFiles[i] = "content/cases/" + id.slug + ".md"
		}
	}
	if err := w.cases(); err != nil {
		return nil, err
	}
	if opts.Hugo {
		if err := w.hugoFiles(); err != nil {
			return nil, err
		}
	} else {
		n, err := w.siteFiles()
		if err != nil {
			return nil, err
		}
		st.Briefings = n
	}
	st.Files, st.Bytes = w.files.Load(), w.bytes.Load()
	return st, nil
}

type writer struct {
	dir          string
	opts         Options
	ids          []identity
	files, bytes atomic.Int64
}

func (w *writer) write(rel string, data []byte) error {
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	return nil
}

// cases writes every case with opts.Workers goroutines.
func (w *writer) cases() error {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, w.opts.Workers)
	for k := 0; k < w.opts.Workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(w.ids) {
					return
				}
				c := newCase(w.opts.Seed, w.ids, i)
				buf.Reset()
				if w.opts.Hugo {
					c.hugoFrontMatter(&buf)
				} else {
					c.frontMatter(&buf)
				}
				buf.WriteString(c.body)
				rel := "content/cases/" + c.slug + ".md"
				if c.bundle {
					rel = "content/cases/" + c.slug + "/index.md"
				}
				if err := w.write(rel, buf.Bytes()); err != nil {
					errs[k] = err
					return
				}
				if c.bundle {
					before, after := images(c.imageVariant)
					if err := w.write("content/cases/"+c.slug+"/before.png", before); err != nil {
						errs[k] = err
						return
					}
					if err := w.write("content/cases/"+c.slug+"/after.png", after); err != nil {
						errs[k] = err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// hugoFiles copies the Hugo site's configuration, layouts and static files.
func (w *writer) hugoFiles() error {
	var src fs.FS
	if w.opts.HugoSite != "" {
		src = os.DirFS(w.opts.HugoSite)
	} else {
		sub, err := fs.Sub(hugoSite, "hugosite")
		if err != nil {
			return err
		}
		src = sub
	}
	if _, err := fs.Stat(src, "hugo.yaml"); err != nil {
		return fmt.Errorf("Hugo site %s: %w", w.opts.HugoSite, err)
	}
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && p != "layouts" && p != "static" && !strings.HasPrefix(p, "layouts/") && !strings.HasPrefix(p, "static/") {
				return fs.SkipDir
			}
			return nil
		}
		if p != "hugo.yaml" && !strings.HasPrefix(p, "layouts/") && !strings.HasPrefix(p, "static/") {
			return nil
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return w.write(p, data)
	})
}

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

func joinQuoted(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = "“" + x + "”"
	}
	return strings.Join(q, "、")
}

// yamlStr writes s as a YAML scalar: plain when that reads back as the
// same string, double-quoted otherwise.
func yamlStr(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\\\n\t") || strings.TrimSpace(s) != s ||
		strings.ContainsAny(s[:1], "-?") || looksScalar(s) {
		return strconv.Quote(s)
	}
	return s
}

func looksScalar(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return true
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func yamlList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = yamlStr(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// frontMatter writes the case's front matter in the content contract.
func (c *kase) frontMatter(b *bytes.Buffer) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	b.WriteString("---\n")
	p("title: %s\n", yamlStr(c.title))
	if c.summary != "" {
		p("summary: %s\n", yamlStr(c.summary))
	}
	p("date: %s\n", c.date)
	if c.hasUpdated {
		p("updated: %s\n", c.updated)
	}
	if c.draft {
		b.WriteString("draft: true\n")
	}
	p("region:\n  province: 广东省\n  city: %s\n  county: %s\n", c.city.name, c.county.name)
	p("location: [%s, %s]\n", num(c.lat), num(c.lng))
	p("status: %s\n", c.status)
	p("period:\n  start: %d\n", c.start)
	if c.end > 0 {
		p("  end: %d\n", c.end)
	}
	c.figuresYAML(b)
	if c.funding != nil {
		p("funding:\n  government: %d\n  enterprise: %d\n  property_units: %d\n  residents: %d\n", c.funding[0], c.funding[1], c.funding[2], c.funding[3])
	}
	names := make([]string, len(c.practices))
	for i, pr := range c.practices {
		names[i] = pr.name
	}
	b.WriteString("practices:\n")
	for _, n := range names {
		p("  - %s\n", yamlStr(n))
	}
	p("scope: %s\n", yamlList(c.scope))
	if len(c.tags) > 0 {
		p("tags: %s\n", yamlList(c.tags))
	}
	b.WriteString("sites:\n")
	for _, s := range c.sites {
		p("  - name: %s\n    address: %s\n    location: [%s, %s]\n", yamlStr(s.name), yamlStr(s.address), num(s.lat), num(s.lng))
	}
	if c.bundle {
		p("gallery:\n  - before: before.png\n    after: after.png\n    caption: %s\n    alt: %s\n", yamlStr(c.caption), yamlStr(c.alt))
	}
	if c.contact != nil {
		p("contact:\n  org: %s\n  phone: %s\n", yamlStr(c.contact.org), yamlStr(c.contact.phone))
		if c.contact.email != "" {
			p("  email: %s\n", yamlStr(c.contact.email))
		}
	}
	if len(c.sources) > 0 {
		b.WriteString("sources:\n")
		for _, s := range c.sources {
			p("  - title: %s\n    url: %s\n    date: %s\n", yamlStr(s.title), yamlStr(s.url), s.date)
		}
	}
	b.WriteString("---\n\n")
}

func (c *kase) figuresYAML(b *bytes.Buffer) {
	fmt.Fprintf(b, "figures:\n  zones: %d\n  buildings: %d\n  households: %d\n  residents: %d\n  area_m2: %d\n  investment_cny: %d\n",
		c.zones, c.bldgs, c.households, c.residents, c.area, c.invest)
}

// hugoFrontMatter writes the case's front matter for the Hugo site:
// taxonomies (cities, counties, statuses, practices, scopes) at the top
// level as lists, figures and period as params.
func (c *kase) hugoFrontMatter(b *bytes.Buffer) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	b.WriteString("---\n")
	p("title: %s\n", yamlStr(c.title))
	p("date: %s\n", c.date)
	if c.hasUpdated {
		p("lastmod: %s\n", c.updated)
	}
	if c.summary != "" {
		p("summary: %s\n", yamlStr(c.summary))
	}
	p("draft: %t\n", c.draft)
	p("cities: [%s]\n", yamlStr(c.city.name))
	p("counties: [%s]\n", yamlStr(c.county.name))
	p("statuses: [%s]\n", c.status)
	names := make([]string, len(c.practices))
	for i, pr := range c.practices {
		names[i] = pr.name
	}
	p("practices: %s\n", yamlList(names))
	p("scopes: %s\n", yamlList(c.scope))
	if len(c.tags) > 0 {
		p("tags: %s\n", yamlList(c.tags))
	}
	c.figuresYAML(b)
	p("period:\n  start: %d\n", c.start)
	if c.end > 0 {
		p("  end: %d\n", c.end)
	}
	b.WriteString("---\n\n")
}

// siteFiles writes site.yaml, the home page, the about page, one file per
// practice and the briefing packs; it returns the number of packs.
func (w *writer) siteFiles() (int, error) {
	files := map[string]string{}
	files["site.yaml"] = fmt.Sprintf(`title: 广东省老旧小区改造案例（合成数据）
description: 为性能测试生成的%d个老旧小区改造案例，地名真实，小区、人物和数字均为虚构
base_url: https://example.org/
language: zh-CN
province: 广东省
# the Hugo bench site shows 50 pages per list page too
page_size: 50
targets:
  communities: 8007
  households: 1420000
progress:
  - date: 2023-09-30
    communities: 6407
    households: 1400000
`, w.opts.Cases)
	files["content/_index.md"] = `---
title: 广东省老旧小区改造案例
---

本站的案例由程序生成，用于测试站点生成器的性能：城市和区县是真实的，小区名称、街道、人物和各项数字都是虚构的。

老旧小区改造改的是居民每天进出的楼道、家门口的环境和小区的日常管理。各地的做法见[经验做法](/practices/)，关于本站见[关于](/about/)。
`
	files["content/pages/about.md"] = `---
title: 关于本站
---

## 本站是什么

这是一个由 ` + "`showcase gen`" + ` 生成的合成站点，用于衡量站点生成器在上万个案例时的速度和内存。

## 数据说明

- 城市和区县是广东省真实的行政区划；
- 小区名称、街道门牌、居民、联系方式和全部数字都是虚构的；
- 图片是几个像素大小的色块，只用来检验图片处理。
`
	for k, p := range practices {
		files["content/practices/"+p.slug+".md"] = fmt.Sprintf("---\ntitle: %s\nsummary: %s\nweight: %d\n---\n\n%s\n\n各地的做法不尽相同，%s\n",
			yamlStr(p.name), yamlStr(p.summary), k+1, p.summary, fmt.Sprintf(p.uses[0], "有的地方"))
	}
	n := 0
	for k, text := range w.briefings() {
		files[k] = text
		n++
	}
	for rel, text := range files {
		if err := w.write(rel, []byte(text)); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// briefings returns the briefing packs: a few per thousand cases, each
// covering three to six published cases of one city.
func (w *writer) briefings() map[string]string {
	out := map[string]string{}
	if len(w.ids) == 0 {
		return out
	}
	r := rng(w.opts.Seed, streamBriefings)
	byCity := map[string][]int{}
	for i, id := range w.ids {
		if !id.draft {
			byCity[id.city.name] = append(byCity[id.city.name], i)
		}
	}
	count := min(2+len(w.ids)/1000, 20)
	for k := 0; k < count; k++ {
		ct := &cities[k%len(cities)]
		pool := byCity[ct.name]
		if len(pool) == 0 {
			continue
		}
		chosen := pickN(r, pool, between(r, 3, 6))
		year := 2023 + k%3
		d := randomDate(r, year)
		host := w.ids[chosen[0]].county.name
		slug := fmt.Sprintf("%d-%s-site-visit-%d", year, ct.pinyin, k+1)
		var b strings.Builder
		b.WriteString("---\n")
		fmt.Fprintf(&b, "title: %d年%s老旧小区改造现场观摩活动（第%d场）\n", year, ct.name, k+1)
		fmt.Fprintf(&b, "date: %s\nplace: %s%s\norganizer: %s住房和城乡建设局\ncases:\n", d, ct.name, host, ct.name)
		for _, i := range chosen {
			fmt.Fprintf(&b, "  - %s\n", w.ids[i].slug)
		}
		b.WriteString("agenda:\n")
		fmt.Fprintf(&b, "  - time: \"08:30\"\n    title: 集合出发\n    place: %s人民政府\n", host)
		for n, i := range chosen {
			id := w.ids[i]
			fmt.Fprintf(&b, "  - time: \"%02d:%02d\"\n    title: 现场观摩：%s\n    case: %s\n    place: %s%s\n", 9+n/2, 30*(n%2), id.community, id.slug, id.county.name, id.community)
		}
		fmt.Fprintf(&b, "  - time: \"14:30\"\n    title: 经验交流\n    speakers: [%s, %s]\n", w.ids[chosen[0]].county.name, w.ids[chosen[len(chosen)-1]].county.name)
		fmt.Fprintf(&b, "  - time: \"16:00\"\n    title: 工作部署\n    speakers: [%s住房和城乡建设局]\n", ct.name)
		b.WriteString("---\n\n## 活动目的\n\n")
		fmt.Fprintf(&b, "本次活动在%s%s举行，组织各县（市、区）实地观摩老旧小区改造项目，交流改造经验，推动改造工作提质增效。\n\n## 观摩项目\n\n", ct.name, host)
		for n, i := range chosen {
			fmt.Fprintf(&b, "%d. [%s](/cases/%s/)\n", n+1, w.ids[i].title, w.ids[i].slug)
		}
		b.WriteString("\n## 注意事项\n\n- 请按时集合，统一乘车前往各观摩点；\n- 观摩期间注意施工现场安全，听从工作人员安排。\n")
		out[path.Join("content/briefings", slug+".md")] = b.String()
	}
	return out
}
