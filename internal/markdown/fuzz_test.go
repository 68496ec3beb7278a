package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guangdong-renovation/showcase/internal/xsscheck"
)

// FuzzRender asserts that no body, however malformed, panics the renderer
// or gets script into its HTML when raw HTML is off, and that Text leaves
// no markup in the plain text.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"# 标题\n\n正文，\n第二行。",
		"[x](javascript:alert(1)) <script>alert(1)</script>",
		"![a](data:image/png;base64,AAAA) <img src=x onerror=alert(1)>",
		"[x](&#106;avascript:alert(1)) <vbscript:x> [y](java\tscript:z)",
		"| a | b |\n|---|---|\n| <b onclick=x>1</b> | 2 |",
		"> - [ ] 任务\n>   1. 有序[^1]\n\n[^1]: 注 <a href=\"javascript:x\">",
		strings.Repeat(">", 70) + " deep",
	} {
		f.Add(seed)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src))
		if err != nil {
			if _, ok := err.(*LimitError); !ok {
				t.Fatalf("Render error that is not a limit: %v", err)
			}
			return
		}
		if bad := xsscheck.HTML(res.HTML); len(bad) > 0 {
			t.Fatalf("unsafe HTML from %q: %v\n%s", src, bad, res.HTML)
		}
		if utf8.ValidString(src) && !utf8.Valid(res.HTML) {
			t.Fatalf("valid UTF-8 in, invalid out: %q", src)
		}
		// Text drops every tag: a < in the text comes from the source.
		text := Text(string(res.HTML))
		if !strings.ContainsAny(src, "<&") && strings.Contains(text, "<") {
			t.Fatalf("markup left in the text of %q: %q\n%s", src, text, res.HTML)
		}
		if utf8.ValidString(src) && !utf8.ValidString(text) {
			t.Fatalf("valid UTF-8 in, invalid text out: %q", src)
		}
	})
}
