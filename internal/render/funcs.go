package render

import (
	"html/template"
	"math"
	"strings"
	"time"

	"github.com/guangdong-renovation/showcase/internal/figures"
	"github.com/guangdong-renovation/showcase/internal/qr"
)

// Funcs returns the template functions of a site served from baseURL
// (absolute, ending in /) at basePath (its path, ending in /).
func Funcs(baseURL, basePath string) template.FuncMap {
	return template.FuncMap{
		"fig": FigureText,
		"fignum": func(lang, name string, v float64) string {
			n, _ := FigureParts(lang, name, v)
			return n
		},
		"figunit": func(lang, name string, v float64) string {
			_, u := FigureParts(lang, name, v)
			return u
		},
		"num":     func(lang string, v any) string { return figures.Number(lang, toFloat(v)) },
		"pct":     figures.Percent,
		"pctnum":  func(r float64) float64 { return math.Round(r*1000) / 10 },
		"label":   Label,
		"tr":      Translate,
		"date":    FormatDate,
		"isodate": ISODate,
		"status":  StatusLabel,
		"url":     func(p string) string { return SiteURL(basePath, p) },
		"abs":     func(p string) string { return AbsURL(baseURL, basePath, p) },
		// qr draws a QR code of an absolute URL as an inline <svg>:
		// {{qr (abs .URL)}}.
		"qr": func(u string) (template.HTML, error) {
			svg, err := qr.URLSVG(u)
			return template.HTML(svg), err
		},
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}
}

// SiteURL is {{url p}} for a site served at basePath: the path of site
// path p ("/css/site.css") under the base path.
func SiteURL(basePath, p string) string {
	return basePath + strings.TrimPrefix(p, "/")
}

// AbsURL is {{abs p}} for a site served from baseURL at basePath: the
// absolute URL of site path p.
func AbsURL(baseURL, basePath, p string) string {
	if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
		return p
	}
	if strings.HasPrefix(p, basePath) {
		p = strings.TrimPrefix(p, basePath)
	}
	return baseURL + strings.TrimPrefix(p, "/")
}

// figureUnit is the unit of the figure or funding part name.
func figureUnit(name string) figures.Unit {
	switch name {
	case "government", "enterprise", "property_units", "residents_funding":
		return figures.Yuan
	}
	u, _ := figures.ParseUnit(name)
	return u
}

// FigureText is {{fig lang name v}}: figure name's value v with its unit.
func FigureText(lang, name string, v float64) string {
	return figures.Format(lang, figureUnit(name), v)
}

// FigureParts is {{fignum}} and {{figunit}}: the number and the unit of
// figure name's value v, apart.
func FigureParts(lang, name string, v float64) (num, unit string) {
	return figures.Split(lang, figureUnit(name), v)
}

// ISODate is {{isodate t}}: 2023-10-19, or "" for the zero time.
func ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Label names a figure or funding part for lang.
func Label(lang, name string) string {
	zh := isZh(lang)
	switch name {
	case "government":
		return pick(zh, "政府支持", "Government")
	case "enterprise":
		return pick(zh, "企业投入", "Enterprises")
	case "property_units":
		return pick(zh, "产权单位筹集", "Property owners")
	case "residents_funding":
		return pick(zh, "居民出资", "Residents")
	}
	return figures.Label(lang, name)
}

// Translate returns the UI text s (written in Chinese in the templates) in
// lang: as it is for Chinese, from the string table otherwise.
func Translate(lang, s string) string {
	if isZh(lang) {
		return s
	}
	if t, ok := uiStrings[s]; ok {
		return t
	}
	return s
}

// FormatDate writes a date for lang: 2023年10月19日, 19 October 2023.
func FormatDate(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if isZh(lang) {
		return t.Format("2006年1月2日")
	}
	return t.Format("2 January 2006")
}

// StatusLabel names a case status for lang.
func StatusLabel(lang, status string) string {
	zh := isZh(lang)
	switch status {
	case "planned":
		return pick(zh, "规划中", "Planned")
	case "under-construction":
		return pick(zh, "建设中", "Under construction")
	case "completed":
		return pick(zh, "已完工", "Completed")
	}
	return status
}

func isZh(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "zh") }

func pick(zh bool, a, b string) string {
	if zh {
		return a
	}
	return b
}

// toFloat converts any Go number to float64, so that templates can format
// counts (int) and figures (float64) alike; anything else is NaN, which the
// formatter shows as a dash.
func toFloat(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case float32:
		return float64(n)
	case int:
		return float64(n)
	case int64:
		return float64(n)
	case int32:
		return float64(n)
	case uint:
		return float64(n)
	case uint64:
		return float64(n)
	case uint32:
		return float64(n)
	}
	return math.NaN()
}
