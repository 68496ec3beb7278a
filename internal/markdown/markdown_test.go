package markdown

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name     string
		unsafe   bool
		src      string
		contains []string
		absent   []string
	}{
		{name: "cjk line break has no space", src: "第一行，\n第二行", contains: []string{"第一行，第二行"}},
		{name: "latin line break keeps a space", src: "first\nsecond", contains: []string{"first\nsecond"}},
		{name: "gfm table", src: "| a | b |\n|---|---|\n| 1 | 2 |", contains: []string{"<table>", "<th>a</th>", "<td>2</td>"}},
		{name: "strikethrough", src: "~~旧~~", contains: []string{"<del>旧</del>"}},
		{name: "task list", src: "- [x] 完成", contains: []string{`type="checkbox"`, "checked"}},
		{name: "footnote", src: "正文[^1]\n\n[^1]: 注释", contains: []string{`class="footnotes"`, "注释"}},
		{name: "autolink", src: "见 https://example.org/a 。", contains: []string{`<a href="https://example.org/a">`}},
		{name: "chinese heading id", src: "## 工作 思路", contains: []string{`<h2 id="工作-思路">`}},
		{name: "heading does not take the theme's ids", src: "# Main\n\n## main", contains: []string{`id="main-1"`, `id="main-2"`}},
		{name: "duplicate heading ids", src: "## 概况\n\n## 概况", contains: []string{`id="概况"`, `id="概况-1"`}},
		{name: "many duplicate heading ids", src: strings.Repeat("## 概况\n\n", 40) + "## 概况 39\n\n## 概况 1",
			contains: []string{`id="概况"`, `id="概况-1"`, `id="概况-33"`, `id="概况-39"`, `id="概况-39-1"`, `id="概况-1-1"`}, absent: []string{`id="概况-40"`}},
		{name: "raw html dropped", src: "<script>alert(1)</script>\n\n<b>x</b>", absent: []string{"<script", "<b>"}},
		{name: "raw html kept when unsafe", unsafe: true, src: "<b>x</b>", contains: []string{"<b>x</b>"}},
		{name: "javascript link dropped", src: "[x](javascript:alert(1))", absent: []string{"javascript"}},
		{name: "mixed case scheme dropped", src: "[x](JaVaScRiPt:alert(1))", absent: []string{"alert"}},
		{name: "entity-encoded scheme dropped", src: "[x](&#106;avascript:alert(1))", absent: []string{"alert"}},
		{name: "data image dropped", src: "![x](data:image/png;base64,AAAA)", absent: []string{"data:"}},
		{name: "vbscript autolink shown as text", src: "<vbscript:msgbox(1)>", absent: []string{"href"}},
		{name: "relative and mailto kept", src: "[a](/cases/enping/) [b](mailto:a@b.cn)", contains: []string{`href="/cases/enping/"`, `href="mailto:a@b.cn"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(Options{Unsafe: tt.unsafe}).Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			html := string(res.HTML)
			for _, want := range tt.contains {
				if !strings.Contains(html, want) {
					t.Errorf("HTML lacks %q:\n%s", want, html)
				}
			}
			for _, bad := range tt.absent {
				if strings.Contains(html, bad) {
					t.Errorf("HTML contains %q:\n%s", bad, html)
				}
			}
		})
	}
}

func TestResultText(t *testing.T) {
	src := "第一段第一行，\n第一段第二行。\n\n## 小标题\n\n第二段 with `code` and [链接](/x/)。"
	res, err := New(Options{}).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if res.First != "第一段第一行，第一段第二行。" {
		t.Errorf("First = %q", res.First)
	}
	want := "第一段第一行，第一段第二行。\n小标题\n第二段 with code and 链接。"
	if got := Text(string(res.HTML)); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if len(res.Headings) != 1 || res.Headings[0].ID != "小标题" || res.Headings[0].Level != 2 {
		t.Errorf("Headings = %+v", res.Headings)
	}
	if len(res.Links) != 1 || res.Links[0] != "/x/" {
		t.Errorf("Links = %v", res.Links)
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"/cases/a/": true, "a.jpg": true, "#top": true, "https://x.cn": true, "HTTP://x": true,
		"mailto:a@b": true, "tel:123": true, "javascript:x": false, "java\tscript:x": false,
		" javascript:x": false, "data:text/html,x": false, "vbscript:x": false, "file:///etc": false,
		"a/b:c": true, "?q=a:b": true,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestLimits feeds bodies that would take goldmark minutes or hours and
// expects a prompt error naming the line.
func TestLimits(t *testing.T) {
	deepIndent := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		line      int
	}{
		{"10000-deep block quotes", strings.Repeat(">", 10000) + " x\n", 1},
		{"10000-deep inline lists", strings.Repeat("- ", 10000) + "x\n", 1},
		{"1000-deep indented lists", deepIndent(1000), 65},
		{"8000-column table", "|" + strings.Repeat(" a |", 8000) + "\n|" + strings.Repeat("---|", 8000) + "\n", 2},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Render([]byte(tt.src))
			le, ok := err.(*LimitError)
			if !ok {
				t.Fatalf("err = %v, want a LimitError", err)
			}
			if le.Line != tt.line {
				t.Errorf("line %d, want %d (%s)", le.Line, tt.line, le.Msg)
			}
		})
	}
	// Ordinary nesting and tables still render.
	ok := "> 引用\n>> 二层\n\n- a\n  - b\n    - c\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n1. 一\n2. 二\n"
	if _, err := r.Render([]byte(ok)); err != nil {
		t.Errorf("ordinary body refused: %v", err)
	}
}
