package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"
)

// Upper bounds on figures: anything larger is a unit mistake (a figure in
// 万 typed as yuan, say), not a real programme.
const (
	maxCount      = 1e8  // zones, buildings, households
	maxResidents  = 2e9  // persons
	maxArea       = 1e10 // m²
	maxInvestment = 1e13 // yuan
	minYear       = 1949
	maxYear       = 2100
)

func (d *decoder) decodeCase(root *yaml.Node, c *Case) {
	figure := func(dst **float64, name string, max float64, whole bool) func(*yaml.Node) {
		return func(v *yaml.Node) {
			var f float64
			var ok bool
			if whole {
				var i int64
				i, ok = d.integer(v, name, 0, max)
				f = float64(i)
			} else {
				f, ok = d.number(v, name, 0, max)
			}
			if ok {
				*dst = &f
			}
		}
	}
	var datePos, updatedPos *yaml.Node
	fields := []field{
		{"title", func(v *yaml.Node) { c.Title = d.requiredStr(v, "title") }},
		{"summary", func(v *yaml.Node) { c.Summary = d.str(v, "summary") }},
		{"date", func(v *yaml.Node) { c.Date, _ = d.date(v, "date"); datePos = v }},
		{"updated", func(v *yaml.Node) { c.Updated, _ = d.date(v, "updated"); updatedPos = v }},
		{"draft", func(v *yaml.Node) { c.Draft = d.boolean(v, "draft") }},
		{"region", func(v *yaml.Node) {
			d.object(v, "region", []field{
				{"province", func(v *yaml.Node) { c.Region.Province = d.str(v, "region.province") }},
				{"city", func(v *yaml.Node) { c.Region.City = d.requiredStr(v, "region.city") }},
				{"county", func(v *yaml.Node) { c.Region.County = d.str(v, "region.county") }},
			}, []string{"city"}, d.pos(v))
		}},
		{"location", func(v *yaml.Node) { c.Location = d.latLng(v, "location") }},
		{"status", func(v *yaml.Node) { c.Status = d.oneOf(v, "status", statuses) }},
		{"period", func(v *yaml.Node) {
			var startNode, endNode *yaml.Node
			d.object(v, "period", []field{
				{"start", func(v *yaml.Node) {
					s, _ := d.integer(v, "period.start", minYear, maxYear)
					c.Period.Start = int(s)
					startNode = v
				}},
				{"end", func(v *yaml.Node) {
					e, _ := d.integer(v, "period.end", minYear, maxYear)
					c.Period.End = int(e)
					endNode = v
				}},
			}, nil, d.pos(v))
			if c.Period.Start > 0 && c.Period.End > 0 && c.Period.End < c.Period.Start {
				d.errorf(endNode, "period.end %d is before period.start %d", c.Period.End, c.Period.Start)
			}
			_ = startNode
		}},
		{"figures", func(v *yaml.Node) {
			f := &c.Figures
			d.object(v, "figures", []field{
				{"zones", figure(&f.Zones, "figures.zones", maxCount, true)},
				{"buildings", figure(&f.Buildings, "figures.buildings", maxCount, true)},
				{"households", figure(&f.Households, "figures.households", maxCount, true)},
				{"residents", figure(&f.Residents, "figures.residents", maxResidents, true)},
				{"area_m2", figure(&f.AreaM2, "figures.area_m2", maxArea, false)},
				{"investment_cny", figure(&f.InvestmentCNY, "figures.investment_cny", maxInvestment, false)},
			}, nil, d.pos(v))
		}},
		{"figures_note", func(v *yaml.Node) { c.FiguresNote = d.str(v, "figures_note") }},
		{"funding", func(v *yaml.Node) {
			f := &c.Funding
			d.object(v, "funding", []field{
				{"government", figure(&f.Government, "funding.government", maxInvestment, false)},
				{"enterprise", figure(&f.Enterprise, "funding.enterprise", maxInvestment, false)},
				{"property_units", figure(&f.PropertyUnits, "funding.property_units", maxInvestment, false)},
				{"residents", figure(&f.Residents, "funding.residents", maxInvestment, false)},
			}, nil, d.pos(v))
		}},
		{"practices", func(v *yaml.Node) { c.Practices = dedupe(d, v, d.strings(v, "practices"), "practices") }},
		{"scope", func(v *yaml.Node) {
			d.list(v, "scope", func(i int, item *yaml.Node) {
				if s := d.oneOf(item, fmt.Sprintf("scope[%d]", i), scopes); s != "" {
					c.Scope = append(c.Scope, s)
				}
			})
		}},
		{"tags", func(v *yaml.Node) { c.Tags = dedupe(d, v, d.strings(v, "tags"), "tags") }},
		{"sites", func(v *yaml.Node) {
			d.list(v, "sites", func(i int, item *yaml.Node) {
				var s Site
				name := fmt.Sprintf("sites[%d]", i)
				d.object(item, name, []field{
					{"name", func(v *yaml.Node) { s.Name = d.requiredStr(v, name+".name") }},
					{"address", func(v *yaml.Node) { s.Address = d.str(v, name+".address") }},
					{"location", func(v *yaml.Node) { s.Location = d.latLng(v, name+".location") }},
				}, []string{"name"}, d.pos(item))
				c.Sites = append(c.Sites, s)
			})
		}},
		{"gallery", func(v *yaml.Node) {
			d.list(v, "gallery", func(i int, item *yaml.Node) {
				g := GalleryItem{Pos: d.pos(item)}
				name := fmt.Sprintf("gallery[%d]", i)
				path := func(dst *string, key string) func(*yaml.Node) {
					return func(v *yaml.Node) {
						*dst = d.str(v, name+"."+key)
						if msg := checkLocalPath(*dst); msg != "" {
							d.errorf(v, "%s.%s: %s", name, key, msg)
							*dst = ""
						}
					}
				}
				seen := d.object(item, name, []field{
					{"before", path(&g.BeforeSrc, "before")},
					{"after", path(&g.AfterSrc, "after")},
					{"image", path(&g.ImageSrc, "image")},
					{"caption", func(v *yaml.Node) { g.Caption = d.str(v, name+".caption") }},
					{"alt", func(v *yaml.Node) { g.Alt = d.str(v, name+".alt") }},
				}, nil, d.pos(item))
				if item.Kind == yaml.MappingNode && !seen["before"] && !seen["after"] && !seen["image"] {
					d.errorf(item, "%s needs an image: set image, or before and after", name)
				}
				if item.Kind == yaml.MappingNode && g.Caption == "" && g.Alt == "" {
					d.warnf(item, "%s has neither caption nor alt: screen-reader users will not know what it shows", name)
				}
				c.Gallery = append(c.Gallery, g)
			})
		}},
		{"contact", func(v *yaml.Node) {
			var ct Contact
			d.object(v, "contact", []field{
				{"org", func(v *yaml.Node) { ct.Org = d.str(v, "contact.org") }},
				{"phone", func(v *yaml.Node) { ct.Phone = d.str(v, "contact.phone") }},
				{"email", func(v *yaml.Node) {
					ct.Email = d.str(v, "contact.email")
					if a, err := mail.ParseAddress(ct.Email); ct.Email != "" && (err != nil || a.Address != ct.Email) {
						d.errorf(v, "contact.email %q is not an e-mail address", ct.Email)
						ct.Email = ""
					}
				}},
			}, nil, d.pos(v))
			if ct != (Contact{}) {
				c.Contact = &ct
			}
		}},
		{"sources", func(v *yaml.Node) {
			d.list(v, "sources", func(i int, item *yaml.Node) {
				var s SourceRef
				name := fmt.Sprintf("sources[%d]", i)
				d.object(item, name, []field{
					{"title", func(v *yaml.Node) { s.Title = d.requiredStr(v, name+".title") }},
					{"url", func(v *yaml.Node) { s.URL = d.webURL(v, name+".url") }},
					{"date", func(v *yaml.Node) { s.Date, _ = d.date(v, name+".date") }},
				}, []string{"title"}, d.pos(item))
				c.Sources = append(c.Sources, s)
			})
		}},
		{"params", func(v *yaml.Node) { c.Params = d.params(v) }},
	}
	d.object(root, "", fields, []string{"title", "date", "region", "status"}, Pos{1, 1})
	if !c.Updated.IsZero() && !c.Date.IsZero() && c.Updated.Before(c.Date) {
		d.errorf(updatedPos, "updated %s is before date %s", c.Updated.Format("2006-01-02"), c.Date.Format("2006-01-02"))
	}
	_ = datePos
	if inv := c.Figures.InvestmentCNY; inv != nil {
		var sum float64
		for _, f := range c.Funding.List() {
			sum += f.Value
		}
		if sum > *inv*1.0001 {
			d.warnf(root, "funding adds up to %.0f yuan, more than figures.investment_cny %.0f", sum, *inv)
		}
	}
}

// dedupe drops repeated entries of a list, reporting them.
func dedupe(d *decoder, n *yaml.Node, in []string, name string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if seen[s] {
			d.errorf(n, "%s lists %q twice", name, s)
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// webURL decodes an absolute http or https URL.
func (d *decoder) webURL(n *yaml.Node, name string) string {
	s := d.str(n, name)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.errorf(n, "%s must be an absolute http or https URL, not %q", name, s)
		return ""
	}
	return s
}

// checkLocalPath says what is wrong with an image path, or "" when it is a
// plain relative path inside the page bundle or static/.
func checkLocalPath(p string) string {
	switch {
	case p == "":
		return ""
	case strings.Contains(p, "://") || strings.HasPrefix(strings.ToLower(p), "data:") || strings.HasPrefix(p, "//"):
		return fmt.Sprintf("%q is a URL; give a path to an image in the page bundle or in static/", p)
	case strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || (len(p) > 1 && p[1] == ':'):
		return fmt.Sprintf("%q is an absolute path; give a path relative to the page bundle or to static/", p)
	case strings.Contains(p, `\`):
		return fmt.Sprintf("%q uses backslashes; use / between folders", p)
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Sprintf("%q must not contain '..', '.' or empty parts", p)
		}
	}
	return ""
}

func (d *decoder) decodePractice(root *yaml.Node, p *Practice) {
	d.object(root, "", []field{
		{"title", func(v *yaml.Node) { p.Title = d.requiredStr(v, "title") }},
		{"summary", func(v *yaml.Node) { p.Summary = d.str(v, "summary") }},
		{"weight", func(v *yaml.Node) { w, _ := d.integer(v, "weight", -1e6, 1e6); p.Weight = int(w) }},
		{"draft", func(v *yaml.Node) { p.Draft = d.boolean(v, "draft") }},
		{"params", func(v *yaml.Node) { p.Params = d.params(v) }},
	}, []string{"title"}, Pos{1, 1})
}

func (d *decoder) decodePage(root *yaml.Node, p *Page) {
	d.object(root, "", []field{
		{"title", func(v *yaml.Node) { p.Title = d.requiredStr(v, "title") }},
		{"summary", func(v *yaml.Node) { p.Summary = d.str(v, "summary") }},
		{"date", func(v *yaml.Node) { p.Date, _ = d.date(v, "date") }},
		{"updated", func(v *yaml.Node) { p.Updated, _ = d.date(v, "updated") }},
		{"weight", func(v *yaml.Node) { w, _ := d.integer(v, "weight", -1e6, 1e6); p.Weight = int(w) }},
		{"draft", func(v *yaml.Node) { p.Draft = d.boolean(v, "draft") }},
		{"params", func(v *yaml.Node) { p.Params = d.params(v) }},
	}, []string{"title"}, Pos{1, 1})
}

func (d *decoder) decodeHome(root *yaml.Node, h *Home) {
	d.object(root, "", []field{
		{"title", func(v *yaml.Node) { h.Title = d.str(v, "title") }},
		{"summary", func(v *yaml.Node) { h.Summary = d.str(v, "summary") }},
		{"params", func(v *yaml.Node) { h.Params = d.params(v) }},
	}, nil, Pos{1, 1})
}

func (d *decoder) decodeBriefing(root *yaml.Node, b *Briefing) {
	var casesNode *yaml.Node
	d.object(root, "", []field{
		{"title", func(v *yaml.Node) { b.Title = d.requiredStr(v, "title") }},
		{"date", func(v *yaml.Node) { b.Date, _ = d.date(v, "date") }},
		{"place", func(v *yaml.Node) { b.Place = d.str(v, "place") }},
		{"organizer", func(v *yaml.Node) { b.Organizer = d.str(v, "organizer") }},
		{"paper", func(v *yaml.Node) { b.Paper = d.oneOf(v, "paper", []string{"A4", "A5"}) }},
		{"draft", func(v *yaml.Node) { b.Draft = d.boolean(v, "draft") }},
		{"cases", func(v *yaml.Node) {
			casesNode = v
			seen := map[string]bool{}
			d.list(v, "cases", func(i int, item *yaml.Node) {
				s := d.str(item, fmt.Sprintf("cases[%d]", i))
				if s == "" {
					return
				}
				if seen[s] {
					d.errorf(item, "cases lists %q twice", s)
					return
				}
				seen[s] = true
				b.Cases = append(b.Cases, CaseRef{Slug: s, Pos: d.pos(item)})
			})
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 || isNull(v) {
				d.errorf(v, "cases is empty: a briefing pack needs at least one case")
			}
		}},
		{"agenda", func(v *yaml.Node) {
			d.list(v, "agenda", func(i int, item *yaml.Node) {
				var a AgendaItem
				name := fmt.Sprintf("agenda[%d]", i)
				d.object(item, name, []field{
					{"time", func(v *yaml.Node) { a.Time = d.str(v, name+".time") }},
					{"title", func(v *yaml.Node) { a.Title = d.requiredStr(v, name+".title") }},
					{"case", func(v *yaml.Node) { a.Case = d.str(v, name+".case"); a.CasePos = d.pos(v) }},
					{"place", func(v *yaml.Node) { a.Place = d.str(v, name+".place") }},
					{"speakers", func(v *yaml.Node) { a.Speakers = d.strings(v, name+".speakers") }},
				}, []string{"title"}, d.pos(item))
				b.Agenda = append(b.Agenda, a)
			})
		}},
		{"params", func(v *yaml.Node) { b.Params = d.params(v) }},
	}, []string{"title", "date", "cases"}, Pos{1, 1})
	_ = casesNode
	// Agenda items may only name cases the pack covers.
	inPack := map[string]bool{}
	for _, c := range b.Cases {
		inPack[c.Slug] = true
	}
	for i, a := range b.Agenda {
		if a.Case != "" && !inPack[a.Case] && len(b.Cases) > 0 {
			d.errorAt(a.CasePos, "agenda[%d].case %q is not one of this pack's cases (add it to cases)", i, a.Case)
		}
	}
}
