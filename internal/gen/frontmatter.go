package gen

// Front matter of generated cases, in showcase's form and in Hugo's.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

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
