package site

import (
	"net/url"
	"runtime"
	"sort"
	"strings"
	"unicode"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/figures"
)

// Catalog is the assembled site: the published pages of a Library, linked
// to each other and indexed the ways readers look for them (newest first,
// by practice, by region, by scope). Templates read it through Page.Site.
type Catalog struct {
	Config    content.Config
	BasePath  string // path part of base_url, "/" or "/showcase/"
	Home      *content.Home
	Cases     []*Case // default language, newest first
	Practices []*Practice
	Cities    []*Region // each with its counties
	Scopes    []*Term
	Briefings []*Briefing
	Pages     []*PageView
	Totals    Totals
	Progress  []Bar

	// Translations are cases in the site's other languages;
	// TranslatedPages are plain pages and practice texts.
	Translations    []*Case
	TranslatedPages []*TranslatedPage

	caseBySlug     map[string]*Case
	practiceByName map[string]*Practice
}

// Link is a labelled URL.
type Link struct {
	Title string
	URL   string
}

// Case is a published case with the links its page needs.
type Case struct {
	*content.Case
	URL          string
	City         *Region
	County       *Region // nil when the case names no county
	PracticeList []*Practice
	ScopeList    []*Term
	Related      []*Case
	Briefings    []*Briefing
	Translations []Link // other languages of this case
	Original     *Case  // for a translation, the default-language case
}

// Practice is a model practice: its text, when the site has one, and the
// cases that list it.
type Practice struct {
	Name         string
	Slug         string
	URL          string
	Text         *content.Practice // nil when no content/practices file names it
	Cases        []*Case
	Totals       Totals
	Summary      string
	Weight       int
	Translations []Link
}

// Region is a city or county with cases.
type Region struct {
	Name     string
	Province string
	URL      string
	Parent   *Region   // the city of a county
	Counties []*Region // of a city
	Cases    []*Case
	Totals   Totals
}

// Term is a scope class with its cases.
type Term struct {
	Name   string
	URL    string
	Cases  []*Case
	Totals Totals
}

// Briefing is a briefing pack with its cases resolved.
type Briefing struct {
	*content.Briefing
	URL    string
	Cases  []*Case
	Agenda []AgendaItem
	Totals Totals
}

// AgendaItem is an agenda entry with its case resolved.
type AgendaItem struct {
	content.AgendaItem
	CaseLink *Case
}

// PageView is a plain page with its URL.
type PageView struct {
	*content.Page
	URL          string
	Translations []Link
}

// Totals adds up the figures of a set of cases. A sum counts only the
// cases that give that figure; Has says how many did.
type Totals struct {
	Cases                                                          int
	Zones, Buildings, Households, Residents, AreaM2, InvestmentCNY float64
	Has                                                            map[string]int
}

func (t *Totals) add(c *content.Case) {
	t.Cases++
	if t.Has == nil {
		t.Has = map[string]int{}
	}
	for _, f := range c.Figures.List() {
		t.Has[f.Name]++
		switch f.Name {
		case "zones":
			t.Zones += f.Value
		case "buildings":
			t.Buildings += f.Value
		case "households":
			t.Households += f.Value
		case "residents":
			t.Residents += f.Value
		case "area_m2":
			t.AreaM2 += f.Value
		case "investment_cny":
			t.InvestmentCNY += f.Value
		}
	}
}

// List returns the totals that at least one case contributes to, in the
// same order as content.Figures.List.
func (t Totals) List() []content.Figure {
	var out []content.Figure
	for _, f := range []content.Figure{
		{Name: "investment_cny", Value: t.InvestmentCNY},
		{Name: "area_m2", Value: t.AreaM2},
		{Name: "zones", Value: t.Zones},
		{Name: "buildings", Value: t.Buildings},
		{Name: "households", Value: t.Households},
		{Name: "residents", Value: t.Residents},
	} {
		if t.Has[f.Name] > 0 {
			out = append(out, f)
		}
	}
	return out
}

// Bar is progress toward one site.yaml target.
type Bar struct {
	Name   string
	Label  string
	Done   float64
	Target float64
	Ratio  float64 // Done/Target, capped at 1 for drawing
	Date   string  // YYYY-MM-DD of the progress entry
	Unit   figures.Unit
}

// assemble builds the Catalog of lib's published pages.
func assemble(lib *content.Library, drafts bool) *Catalog {
	cfg := lib.Config
	cat := &Catalog{
		Config:         cfg,
		BasePath:       basePath(cfg.BaseURL),
		Home:           lib.Home,
		caseBySlug:     map[string]*Case{},
		practiceByName: map[string]*Practice{},
	}
	u := cat.url

	// Practices with a text file come first, so their slug wins.
	for _, p := range lib.Practices {
		if (p.Draft && !drafts) || p.Lang != "" {
			continue
		}
		pr := &Practice{Name: p.Title, Slug: p.Slug, URL: u("practices", p.Slug), Text: p, Summary: p.Summary, Weight: p.Weight}
		if _, dup := cat.practiceByName[p.Title]; !dup {
			cat.practiceByName[p.Title] = pr
			cat.Practices = append(cat.Practices, pr)
		}
	}
	cities := map[string]*Region{}
	scopes := map[string]*Term{}
	for _, c := range lib.Cases {
		if c.Draft && !drafts {
			continue
		}
		if c.Lang != "" {
			continue
		}
		cv := &Case{Case: c, URL: u("cases", c.Slug)}
		cat.caseBySlug[c.Slug] = cv
		cat.Cases = append(cat.Cases, cv)
	}
	sortCases(cat.Cases)
	for _, cv := range cat.Cases {
		c := cv.Case
		cat.Totals.add(c)
		cityKey := c.Region.Province + "/" + c.Region.City
		city := cities[cityKey]
		if city == nil {
			city = &Region{Name: c.Region.City, Province: c.Region.Province, URL: u("regions", c.Region.City)}
			cities[cityKey] = city
			cat.Cities = append(cat.Cities, city)
		}
		city.Cases = append(city.Cases, cv)
		city.Totals.add(c)
		cv.City = city
		if c.Region.County != "" && c.Region.County != c.Region.City {
			var county *Region
			for _, r := range city.Counties {
				if r.Name == c.Region.County {
					county = r
				}
			}
			if county == nil {
				county = &Region{Name: c.Region.County, Province: c.Region.Province, Parent: city, URL: u("regions", c.Region.City, c.Region.County)}
				city.Counties = append(city.Counties, county)
			}
			county.Cases = append(county.Cases, cv)
			county.Totals.add(c)
			cv.County = county
		}
		for _, name := range c.Practices {
			p := cat.practiceByName[name]
			if p == nil {
				p = &Practice{Name: name, Slug: name, URL: u("practices", name)}
				cat.practiceByName[name] = p
				cat.Practices = append(cat.Practices, p)
			}
			p.Cases = append(p.Cases, cv)
			p.Totals.add(c)
			cv.PracticeList = append(cv.PracticeList, p)
		}
		for _, s := range c.Scope {
			t := scopes[s]
			if t == nil {
				t = &Term{Name: s, URL: u("scopes", s)}
				scopes[s] = t
			}
			t.Cases = append(t.Cases, cv)
			t.Totals.add(c)
			cv.ScopeList = append(cv.ScopeList, t)
		}
	}
	for _, s := range content.Scopes() {
		if t := scopes[s]; t != nil {
			cat.Scopes = append(cat.Scopes, t)
		}
	}
	sort.SliceStable(cat.Practices, func(i, j int) bool {
		a, b := cat.Practices[i], cat.Practices[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if len(a.Cases) != len(b.Cases) {
			return len(a.Cases) > len(b.Cases)
		}
		return a.Name < b.Name
	})
	sortRegions(cat.Cities)
	for _, c := range cat.Cities {
		sortRegions(c.Counties)
	}
	relate(cat, runtime.GOMAXPROCS(0))

	for _, b := range lib.Briefings {
		if (b.Draft && !drafts) || b.Lang != "" {
			continue
		}
		bv := &Briefing{Briefing: b, URL: u("briefings", b.Slug)}
		for _, ref := range b.Cases {
			if cv := cat.caseBySlug[ref.Slug]; cv != nil {
				bv.Cases = append(bv.Cases, cv)
				bv.Totals.add(cv.Case)
				cv.Briefings = append(cv.Briefings, bv)
			}
		}
		for _, a := range b.Agenda {
			bv.Agenda = append(bv.Agenda, AgendaItem{AgendaItem: a, CaseLink: cat.caseBySlug[a.Case]})
		}
		cat.Briefings = append(cat.Briefings, bv)
	}
	sort.SliceStable(cat.Briefings, func(i, j int) bool {
		a, b := cat.Briefings[i], cat.Briefings[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Slug < b.Slug
	})
	for _, p := range lib.Pages {
		if (p.Draft && !drafts) || p.Lang != "" {
			continue
		}
		cat.Pages = append(cat.Pages, &PageView{Page: p, URL: u(p.Slug)})
	}
	sort.SliceStable(cat.Pages, func(i, j int) bool {
		if cat.Pages[i].Weight != cat.Pages[j].Weight {
			return cat.Pages[i].Weight < cat.Pages[j].Weight
		}
		return cat.Pages[i].Slug < cat.Pages[j].Slug
	})
	cat.Progress = progressBars(cfg)
	addTranslations(cat, lib, drafts)
	return cat
}

// sortCases orders cases newest first, then by slug, so that every build
// lists them the same way.
func sortCases(cs []*Case) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Slug < b.Slug
	})
}

func sortRegions(rs []*Region) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Province != b.Province {
			return a.Province < b.Province
		}
		return a.Name < b.Name
	})
}

func progressBars(cfg content.Config) []Bar {
	if len(cfg.Progress) == 0 {
		return nil
	}
	latest := cfg.Progress[0]
	for _, p := range cfg.Progress[1:] {
		if p.Date.After(latest.Date) {
			latest = p
		}
	}
	var bars []Bar
	for _, t := range cfg.Targets {
		for _, c := range latest.Counts {
			if c.Name != t.Name || t.Value <= 0 {
				continue
			}
			unit, _ := figures.ParseUnit(t.Name)
			ratio := c.Value / t.Value
			if ratio > 1 {
				ratio = 1
			}
			bars = append(bars, Bar{Name: t.Name, Label: figures.Label(cfg.Language, t.Name), Done: c.Value,
				Target: t.Value, Ratio: ratio, Date: latest.Date.Format("2006-01-02"), Unit: unit})
		}
	}
	return bars
}

// basePath returns the path of base_url, always starting and ending in /.
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimRight(u.Path, "/") + "/"
}

// url returns the site path of a page from its path segments: the base
// path, then each segment made safe for a URL and a file name, then a
// slash.
func (cat *Catalog) url(segments ...string) string {
	if len(segments) == 0 {
		return cat.BasePath
	}
	safe := make([]string, len(segments))
	for i, s := range segments {
		safe[i] = pathSegment(s)
	}
	return cat.BasePath + strings.Join(safe, "/") + "/"
}

// pathSegment turns a name (a practice, a city: 党建引领, 江门市) into one
// path segment that is both a plain URL segment and a file name: Chinese
// and other letters stay as they are, while characters with a meaning in
// URLs or file systems (/ \ ? # % & : * " < > | and white space) become
// "-". Two names that differ only in such characters share a segment,
// which the build reports as a collision.
func pathSegment(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune("/\\?#%&:*\"<>|'`+;=@$,[]{}^~!", r) || unicode.IsSpace(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	s := strings.Trim(b.String(), ".")
	if s == "" {
		return "-"
	}
	return s
}

// CaseBySlug returns a published case, or nil.
func (cat *Catalog) CaseBySlug(slug string) *Case { return cat.caseBySlug[slug] }

// PracticeByName returns a practice by its name, or nil.
func (cat *Catalog) PracticeByName(name string) *Practice { return cat.practiceByName[name] }
