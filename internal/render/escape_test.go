package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// escapeCases are strings the escapers treat specially.
var escapeCases = []string{
	"", "plain", "小区改造", `<b>&'"+`, "\x00nul", "a%zz%4%41%", "%", "%4", "%41",
	"javascript:alert(1)", "JavaScript:x", "HTTP://Example.org/a b?c=d&e+f#g",
	"httpſ://x", "mailto:a+b@x.org", "tel:+86", "/sub/a b+c.png", "a/b:c", "?q=1",
	"\xff\xfe invalid", "!#$&*+,/:;=?@[]-._~", "(x) {y} |z| ^ ` \\", "\uFFFD\uFDD0",
}

// TestEscapers compares the escapers with html/template in element
// content, a quoted attribute, a URL attribute and a URL after "tel:".
func TestEscapers(t *testing.T) {
	for _, s := range escapeCases {
		checkEscapers(t, s)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	f.Fuzz(checkEscapers)
}

var escapeTemplate = template.Must(template.New("").Parse(`{{.}}` + "\x01" + `<a title="{{.}}">` + "\x01" + `<a href="{{.}}">` + "\x01" + `<a href="tel:{{.}}">`))

func checkEscapers(t *testing.T, s string) {
	var tb strings.Builder
	if err := escapeTemplate.Execute(&tb, s); err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(tb.String(), "\x01")
	if len(parts) != 4 || strings.Contains(s, "\x01") {
		t.Skip()
	}
	want := []string{
		parts[0],
		strings.TrimSuffix(strings.TrimPrefix(parts[1], `<a title="`), `">`),
		strings.TrimSuffix(strings.TrimPrefix(parts[2], `<a href="`), `">`),
		strings.TrimSuffix(strings.TrimPrefix(parts[3], `<a href="tel:`), `">`),
	}
	for i, f := range []func(*bytes.Buffer, string){AppendHTML, AppendHTML, AppendURL, AppendURLPart} {
		var b bytes.Buffer
		f(&b, s)
		if b.String() != want[i] {
			t.Errorf("%q in context %d: got %q, html/template writes %q", s, i, b.String(), want[i])
		}
	}
}
