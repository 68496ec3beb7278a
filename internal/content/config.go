package content

import (
	"net/url"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Defaults for site.yaml.
const (
	DefaultLanguage    = "zh-CN"
	DefaultPageSize    = 20
	DefaultMaxFileSize = 8 << 20
)

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// DefaultConfig is the configuration of a site without site.yaml.
func DefaultConfig() Config {
	return Config{
		Title:       "老旧小区改造案例",
		BaseURL:     "/",
		Language:    DefaultLanguage,
		PageSize:    DefaultPageSize,
		MaxFileSize: DefaultMaxFileSize,
	}
}

func (d *decoder) decodeConfig(root *yaml.Node, c *Config) {
	count := func(v *yaml.Node, name string) (Count, bool) {
		f, ok := d.number(v, name, 0, maxInvestment)
		return Count{Value: f}, ok
	}
	d.object(root, "", []field{
		{"title", func(v *yaml.Node) { c.Title = d.requiredStr(v, "title") }},
		{"description", func(v *yaml.Node) { c.Description = d.str(v, "description") }},
		{"base_url", func(v *yaml.Node) {
			s := d.str(v, "base_url")
			u, err := url.Parse(s)
			if s != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
				d.errorf(v, "base_url must be an absolute http or https URL such as https://example.org/, not %q", s)
				return
			}
			if s != "" {
				c.BaseURL = strings.TrimRight(s, "/") + "/"
			}
		}},
		{"language", func(v *yaml.Node) {
			s := d.str(v, "language")
			if s != "" && !langRE.MatchString(s) {
				d.errorf(v, "language %q is not a language tag such as zh-CN or en", s)
				return
			}
			if s != "" {
				c.Language = s
			}
		}},
		{"languages", func(v *yaml.Node) {
			for i, s := range d.strings(v, "languages") {
				if !langRE.MatchString(s) {
					d.errorf(v.Content[i], "languages: %q is not a language tag such as en", s)
					continue
				}
				c.Languages = append(c.Languages, s)
			}
		}},
		{"province", func(v *yaml.Node) { c.Province = d.str(v, "province") }},
		{"targets", func(v *yaml.Node) { c.Targets = d.counts(v, "targets", count) }},
		{"progress", func(v *yaml.Node) {
			d.list(v, "progress", func(i int, item *yaml.Node) {
				var p Progress
				item = d.resolve(item)
				if item == nil {
					return
				}
				if item.Kind != yaml.MappingNode {
					d.errorf(item, "progress[%d] must be a mapping such as {date: 2023-09-30, communities: 6407}", i)
					return
				}
				hasDate := false
				for j := 0; j+1 < len(item.Content); j += 2 {
					k, val := item.Content[j], d.resolve(item.Content[j+1])
					if val == nil {
						continue
					}
					if k.Value == "date" {
						p.Date, _ = d.date(val, "progress.date")
						hasDate = true
						continue
					}
					if cnt, ok := count(val, "progress."+k.Value); ok {
						cnt.Name = k.Value
						p.Counts = append(p.Counts, cnt)
					}
				}
				if !hasDate {
					d.errorf(item, "progress[%d] needs a date", i)
				}
				c.Progress = append(c.Progress, p)
			})
		}},
		{"unsafe_html", func(v *yaml.Node) { c.UnsafeHTML = d.boolean(v, "unsafe_html") }},
		{"page_size", func(v *yaml.Node) {
			if n, ok := d.integer(v, "page_size", 1, 1000); ok {
				c.PageSize = int(n)
			}
		}},
		{"max_file_size", func(v *yaml.Node) {
			if n, ok := d.integer(v, "max_file_size", 1024, 1<<31); ok {
				c.MaxFileSize = n
			}
		}},
		{"params", func(v *yaml.Node) { c.Params = d.params(v) }},
	}, nil, Pos{1, 1})
	for _, l := range c.Languages {
		if l == c.Language {
			d.errorf(root, "languages lists %q, which is already the default language", l)
		}
	}
	// Progress entries name counts of targets; warn about the others, which
	// cannot be drawn against a goal.
	known := map[string]bool{}
	for _, t := range c.Targets {
		known[t.Name] = true
	}
	for _, p := range c.Progress {
		for _, cnt := range p.Counts {
			if len(c.Targets) > 0 && !known[cnt.Name] {
				d.warnf(root, "progress count %q has no target in targets", cnt.Name)
			}
		}
	}
}

// counts decodes a mapping of names to numbers, keeping its order.
func (d *decoder) counts(n *yaml.Node, name string, count func(*yaml.Node, string) (Count, bool)) []Count {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of names to numbers, such as {communities: 8007}", name)
		return nil
	}
	var out []Count
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], d.resolve(n.Content[i+1])
		if seen[k.Value] {
			d.errorf(k, "duplicate field %s.%s", name, k.Value)
			continue
		}
		seen[k.Value] = true
		if v == nil {
			continue
		}
		if c, ok := count(v, name+"."+k.Value); ok {
			c.Name = k.Value
			out = append(out, c)
		}
	}
	return out
}
