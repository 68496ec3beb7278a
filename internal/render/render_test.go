package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func execString(t *testing.T, funcs string, data any) string {
	t.Helper()
	theme := fstest.MapFS{
		"base.html": {Data: []byte(`{{define "base"}}{{block "main" .}}{{end}}{{end}}`)},
		"page.html": {Data: []byte(`{{define "main"}}` + funcs + `{{end}}`)},
	}
	tpl, probs := Load(Options{Builtin: theme, BuiltinDir: "templates", Funcs: Funcs("https://example.org/sub/", "/sub/")})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	out, err := tpl.Render("page", data)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestFuncs(t *testing.T) {
	d := time.Date(2023, 10, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct{ tpl, want string }{
		{`{{fig "zh-CN" "investment_cny" 825000000.0}}`, "8.25亿元"},
		{`{{fig "en" "area_m2" 1740000.0}}`, "1.74M m²"},
		{`{{fig "zh-CN" "residents_funding" 30000000.0}}`, "3000万元"},
		{`{{fignum "zh-CN" "area_m2" 1740000.0}}|{{figunit "zh-CN" "area_m2" 1740000.0}}`, "174|万平方米"},
		{`{{num "zh-CN" 6407}} {{num "en" 1420000.0}}`, "6407 1.42M"},
		{`{{pct 0.8002}} {{pctnum 0.66544}}`, "80% 66.5"},
		{`{{label "zh-CN" "area_m2"}}/{{label "zh-CN" "government"}}`, "改造面积/政府支持"},
		{`{{tr "zh-CN" "案例"}} {{tr "en" "案例"}}`, "案例 Cases"},
		{`{{date "zh-CN" .}} | {{date "en" .}} | {{isodate .}}`, "2023年10月19日 | 19 October 2023 | 2023-10-19"},
		{`{{status "zh-CN" "under-construction"}} {{status "en" "completed"}}`, "建设中 Completed"},
		{`{{url "/cases/"}} {{abs "/sub/cases/a/"}} {{abs "/x/"}}`, "/sub/cases/ https://example.org/sub/cases/a/ https://example.org/sub/x/"},
	}
	for _, tt := range tests {
		if got := execString(t, tt.tpl, d); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.tpl, got, tt.want)
		}
	}
}

func TestOverridesAndProblems(t *testing.T) {
	builtin := fstest.MapFS{
		"base.html":      {Data: []byte(`{{define "base"}}<p>{{template "x" .}}</p>{{block "main" .}}{{end}}{{end}}`)},
		"_partials.html": {Data: []byte(`{{define "x"}}builtin{{end}}`)},
		"page.html":      {Data: []byte(`{{define "main"}}page{{end}}`)},
		"case.html":      {Data: []byte(`{{define "main"}}case{{end}}`)},
	}
	site := fstest.MapFS{
		"case.html":   {Data: []byte(`{{define "main"}}mine{{.Nope}}{{end}}`)},
		"_extra.html": {Data: []byte(`{{define "x"}}site{{end}}`)},
	}
	tpl, probs := Load(Options{Builtin: builtin, BuiltinDir: "theme", Site: site, SiteDir: "templates", Funcs: Funcs("/", "/")})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if out, _ := tpl.Render("page", struct{}{}); string(out) != "<p>site</p>page" {
		t.Errorf("a site partial did not override the built-in one: %s", out)
	}
	_, err := tpl.Render("case", struct{}{})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/case.html:1:") {
		t.Errorf("error = %v, want one at templates/case.html:1", err)
	}

	broken := fstest.MapFS{"page.html": {Data: []byte("{{define \"main\"}}\n{{if}}{{end}}")}}
	_, probs = Load(Options{Builtin: builtin, BuiltinDir: "theme", Site: broken, SiteDir: "templates", Funcs: Funcs("/", "/")})
	if got := probs.Error(); got != "templates/page.html:2: missing value for if" {
		t.Errorf("parse problem = %q", got)
	}
}

func TestSiteFields(t *testing.T) {
	builtin := fstest.MapFS{
		"base.html":      {Data: []byte(`{{define "base"}}{{.Site.Config.Title}}{{block "main" .}}{{end}}{{end}}`)},
		"_partials.html": {Data: []byte(`{{define "used"}}{{range .Site.Cases}}{{end}}{{end}}{{define "unused"}}{{.Site.Briefings}}{{end}}`)},
		"home.html":      {Data: []byte(`{{define "main"}}{{template "used" .}}{{with $.Site.Totals}}{{end}}{{end}}`)},
		"all.html":       {Data: []byte(`{{define "main"}}{{template "unused" .Site}}{{end}}`)},
	}
	tpl, probs := Load(Options{Builtin: builtin, Funcs: Funcs("/", "/")})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	fields, all := tpl.SiteFields("home")
	if all || !fields["Config"] || !fields["Cases"] || !fields["Totals"] || fields["Briefings"] {
		t.Errorf("home: fields %v all %v", fields, all)
	}
	if _, all := tpl.SiteFields("all"); !all {
		t.Error("passing .Site whole must count as reading everything")
	}
}

// TestCachedPartials checks {{cached}} and {{cards}}: a cached partial is
// rendered once per variant and reused, so two pages with the same variant
// show the first page's version; the site fields it reads count for the
// pages that use it; cards joins the cards of a list.
func TestCachedPartials(t *testing.T) {
	builtin := fstest.MapFS{
		"base.html": {Data: []byte(`{{define "base"}}[{{cached "foot" . .Lang}}]{{block "main" .}}{{end}}{{end}}`)},
		"_partials.html": {Data: []byte(`{{define "foot"}}<p>{{.Title}}|{{.Site.Pages}}</p>{{end}}` +
			`{{define "case-card"}}<li>{{.H}} {{.Case}}</li>{{end}}`)},
		"page.html": {Data: []byte(`{{define "main"}}<ul>{{cards .Lang "h3" .Items}}</ul>{{end}}`)},
	}
	tpl, probs := Load(Options{Builtin: builtin, Funcs: Funcs("/", "/")})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	type site struct{ Pages string }
	type page struct {
		Title, Lang string
		Site        site
		Items       []string
	}
	tests := []struct {
		data page
		want string
	}{
		{page{"one", "zh", site{"a"}, []string{"x<", "y"}}, "[<p>one|a</p>]<ul>\n<li>h3 x&lt;</li>\n<li>h3 y</li></ul>"},
		{page{"two", "zh", site{"a"}, nil}, "[<p>one|a</p>]<ul></ul>"}, // same variant: reused
		{page{"three", "en", site{"a"}, []string{"y"}}, "[<p>three|a</p>]<ul>\n<li>h3 y</li></ul>"},
	}
	for _, tt := range tests {
		got, err := tpl.Render("page", tt.data)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("%s: got %q, want %q", tt.data.Title, got, tt.want)
		}
	}
	if fields, all := tpl.SiteFields("page"); all || !fields["Pages"] {
		t.Errorf("a cached partial's site fields must count: %v %v", fields, all)
	}
}
