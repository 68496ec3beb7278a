package markdown

import (
	"strings"
	"testing"
)

// TestText renders Markdown and checks the plain text search gets from the
// HTML: what a reader sees, block by block.
func TestText(t *testing.T) {
	tests := []struct {
		name   string
		unsafe bool
		src    string
		want   string
	}{
		{"paragraphs", false, "第一段。\n\n第二段。", "第一段。\n第二段。"},
		{"cjk line break joins", false, "第一行，\n第二行。", "第一行，第二行。"},
		{"latin line break is a space", false, "first\nsecond", "first second"},
		{"mixed line break is a space", false, "加装 elevator\nlift 电梯", "加装 elevator lift 电梯"},
		{"hard line break", false, "一行  \n二行", "一行\n二行"},
		{"heading", false, "## 改造 内容\n\n正文", "改造 内容\n正文"},
		{"tight list", false, "- 加装电梯\n- 雨污分流", "加装电梯\n雨污分流"},
		{"loose nested list", false, "1. 一\n\n   - 甲\n   - 乙\n\n2. 二", "一\n甲\n乙\n二"},
		{"table cells", false, "| 项目 | 投资 |\n|---|---|\n| 电梯 | 1.2亿元 |", "项目\n投资\n电梯\n1.2亿元"},
		{"quote", false, "> 居民说：\n> 好。", "居民说：好。"},
		{"inline markup", false, "**加粗**、*斜体*、~~删除~~、`代码`", "加粗、斜体、删除、代码"},
		{"code block keeps its lines", false, "```\nline 1\nline 2\n```\n\n后文", "line 1\nline 2\n后文"},
		{"link and autolink", false, "见[恩平](/cases/enping/)与 https://example.org 。", "见恩平与 https://example.org 。"},
		{"image is its alt text", false, "![改造后的 \"楼道\"](a.jpg)", `改造后的 "楼道"`},
		{"footnote numbers and back links dropped", false, "正文[^1]。\n\n[^1]: 注释", "正文。\n注释"},
		{"references decoded", false, "A & B < C > D \"E\" &copy; &#x4E00;", "A & B < C > D \"E\" © 一"},
		{"backslash escapes", false, `\*不是强调\*`, "*不是强调*"},
		{"task list", false, "- [x] 完成\n- [ ] 未完成", "完成\n未完成"},
		{"raw html dropped when safe", false, "<div>藏</div>\n\n正文 <b>粗</b>", "正文 粗"},
		{"raw html text kept, scripts and styles not", true, "<div>块</div>\n\n甲<script>var a = '</b>'</script>乙<style>p{}</style><!-- 注 -->丙", "块\n甲乙丙"},
		{"thematic break", false, "上\n\n---\n\n下", "上\n下"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(Options{Unsafe: tt.unsafe}).Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := Text(string(res.HTML)); got != tt.want {
				t.Errorf("Text = %q, want %q\nHTML: %s", got, tt.want, res.HTML)
			}
		})
	}
}

// TestTextOfHTML covers markup a site's own raw HTML may hold.
func TestTextOfHTML(t *testing.T) {
	for html, want := range map[string]string{
		`<P>upper</P><DIV>case</DIV>`:                    "upper\ncase",
		`<a title="a>b" href="/x">link</a>`:              "link",
		`<img alt='单引号' src=x>`:                          "单引号",
		`<img data-alt="no" alt="yes">`:                  "yes",
		`<img alt="a &amp;lt; b <i>">`:                   "a &lt; b <i>",
		`1 < 2 and 3 <4`:                                 "1 < 2 and 3 <4",
		`<SCRIPT>x</SCRIPT >after`:                       "after",
		`before<script>never closed`:                     "before",
		`<!-- open comment`:                              "",
		`a &unknown; b & c &amp`:                         "a &unknown; b & c &amp",
		"<pre><code>a\n  b\n</code></pre>":               "a\n  b",
		"<ul>\n<li>\n<p>一</p>\n</li>\n</ul>\n<p>二</p>\n": "一\n二",
		"<p>空格 \n</p>":                                   "空格",
		`<br><br>`:                                       "",
	} {
		if got := Text(html); got != want {
			t.Errorf("Text(%q) = %q, want %q", html, got, want)
		}
	}
}

// BenchmarkText measures Text on the HTML of a body like a case's: a
// search index takes each case's text twice.
func BenchmarkText(b *testing.B) {
	var src strings.Builder
	for i := 0; i < 6; i++ {
		src.WriteString("## 改造内容\n\n小区建于上世纪八十年代，共有住宅楼十二栋，\n居民**一千二百户**。改造前管线老化、[道路](/x/)破损。\n\n")
		src.WriteString("- 加装电梯六部\n- 雨污分流改造 &amp; 三线整治\n\n| 项目 | 投资 |\n|---|---|\n| 电梯 | 1.2亿元 |\n\n> 居民说：改造后出行方便多了。\n\n")
	}
	res, err := New(Options{}).Render([]byte(src.String()))
	if err != nil {
		b.Fatal(err)
	}
	html := string(res.HTML)
	b.SetBytes(int64(len(html)))
	b.ReportAllocs()
	for b.Loop() {
		Text(html)
	}
}

// TestAppendText checks that text appended to a buffer that holds some
// already is the same as Text's, and leaves what was there.
func TestAppendText(t *testing.T) {
	for _, h := range []string{"<p>一</p>\n<p>二</p>\n", "<pre><code>\tx\n</code></pre>", "  ", "<p>a&#160;</p>", ""} {
		got := AppendText([]byte("前 \n"), h)
		if want := "前 \n" + Text(h); string(got) != want {
			t.Errorf("AppendText(%q) = %q, want %q", h, got, want)
		}
	}
}
