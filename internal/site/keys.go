package site

import (
	"math"

	"github.com/guangdong-renovation/showcase/internal/render"
)

// Page keys let a rebuild skip pages that would come out the same. A key
// fingerprints everything a page shows: the files it is made from, the
// theme, the configuration, and the parts of .Site its template reads. Two
// builds that give a page the same key give it the same bytes; the dev
// server relies on that, and its tests compare its pages with a full build.

// mix folds v into the key h. h is scrambled before v is folded in, so
// that mix(k, k) still depends on k (with h^v alone it would be constant);
// the splitmix64 finaliser spreads single-bit changes over the whole key.
func mix(h, v uint64) uint64 {
	return splitmix(splitmix(h+0x9e3779b97f4a7c15) ^ v)
}

func splitmix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func mixString(h uint64, s string) uint64 {
	f := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		f ^= uint64(s[i])
		f *= 1099511628211
	}
	return mix(h, f)
}

// digests are fingerprints of whole parts of the site.
type digests struct {
	global        uint64 // config, theme, options, practice texts, plain pages
	cases         uint64 // every published case
	briefings     uint64
	home          uint64
	translations  uint64
	practiceTexts uint64
}

func computeDigests(cat *Catalog, tpl *render.Templates, configVersion uint64, opts Options) digests {
	var d digests
	for _, c := range cat.Cases {
		d.cases = mix(d.cases, c.Version)
	}
	for _, b := range cat.Briefings {
		d.briefings = mix(mix(d.briefings, b.Version), casesKey(b.Cases))
	}
	for _, p := range cat.Practices {
		d.practiceTexts = mixString(d.practiceTexts, p.Name)
		if p.Text != nil {
			d.practiceTexts = mix(d.practiceTexts, p.Text.Version)
		}
	}
	if cat.Home != nil {
		d.home = cat.Home.Version
	}
	for _, c := range cat.Translations {
		d.translations = mix(d.translations, c.Version)
	}
	for _, p := range cat.TranslatedPages {
		d.translations = mixString(d.translations, p.URL)
	}
	g := mix(configVersion, tpl.Version())
	g = mixString(g, opts.BaseURL)
	if opts.Drafts {
		g = mix(g, 1)
	}
	g = mix(g, d.practiceTexts)
	for _, p := range cat.Pages {
		g = mix(g, p.Version)
	}
	d.global = g
	return d
}

// siteKey is the part of a page key that comes from the .Site fields its
// template reads.
func (d digests) siteKey(tpl *render.Templates, name string) uint64 {
	fields, all := tpl.SiteFields(name)
	if all {
		return d.everything()
	}
	k := d.global
	for f := range fields {
		switch f {
		case "Config", "BasePath", "Pages", "Progress":
			// in global
		case "Home":
			k = mix(k, d.home)
		case "Cases", "Totals", "Cities", "Scopes", "Practices":
			k = mix(k, d.cases)
		case "Briefings":
			k = mix(k, d.briefings)
		case "Translations", "TranslatedPages":
			k = mix(k, d.translations)
		default:
			return d.everything()
		}
	}
	return k
}

func (d digests) everything() uint64 {
	return mix(mix(mix(mix(mix(d.global, d.cases), d.briefings), d.home), d.translations), math.MaxUint64)
}

// caseKey fingerprints what a case page shows of other pages: its related
// cases, the briefings that include it, and how many cases each of its
// practices and regions has.
func caseKey(c *Case) uint64 {
	k := c.Version
	for _, r := range c.Related {
		k = mix(k, r.Version)
	}
	for _, b := range c.Briefings {
		k = mix(k, b.Version)
	}
	for _, p := range c.PracticeList {
		k = mix(k, uint64(len(p.Cases)))
	}
	for _, l := range c.Translations {
		k = mixString(k, l.URL)
	}
	if c.Original != nil {
		k = mix(k, c.Original.Version)
	}
	return k
}

// casesKey fingerprints a list of cases: each case's file and its URL (a
// case moved to another file keeps its bytes but not its address).
func casesKey(cs []*Case) uint64 {
	k := uint64(len(cs))
	for _, c := range cs {
		k = mixString(mix(k, c.Version), c.URL)
	}
	return k
}

// totalsKey fingerprints the totals a list page shows of its whole list,
// so that editing the text of one case does not re-render every page of
// the lists it is on.
func totalsKey(t Totals) uint64 {
	k := uint64(t.Cases)
	for _, f := range t.List() {
		k = mixString(mix(k, math.Float64bits(f.Value)), f.Name)
		k = mix(k, uint64(t.Has[f.Name]))
	}
	return k
}
