package content

import (
	"fmt"
	"html/template"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// copyRenderer renders a body as its own text, copied, as a renderer must.
type copyRenderer struct{}

func (copyRenderer) RenderBody(src []byte) (Body, error) {
	return Body{HTML: template.HTML(string(src)), First: string(src[:min(len(src), 12)])}, nil
}

// TestReusedReadBufferKeepsNothing: a worker reads every file into one
// buffer (see parseFile). Loading a site that way, large files first so
// that each small one overwrites their bytes, must give exactly what
// reading each file into its own buffer gives: nothing loaded may point
// into the buffer.
func TestReusedReadBufferKeepsNothing(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) { sitetest.Write(t, dir, map[string]string{rel: text}) }
	write("site.yaml", "title: 示例\nprovince: 广东省\n")
	for i := range 40 {
		fill := strings.Repeat("雨污分流改造。", 400-9*i)
		write(fmt.Sprintf("content/cases/c%02d.md", i), fmt.Sprintf(`---
title: 第%d号小区改造 %s
summary: '第%d号小区''s summary'
date: 2023-10-%02d
region:
  city: 江门市
  county: 恩平市
status: completed
figures:
  investment_cny: %d
practices: [党建引领, "共同缔造 %d"]
tags:
  - 标签%d
sites:
  - name: 站点%d
    address: 恩平市某路%d号
    location: [22.18, 112.30]
sources:
  - title: 来源%d
    url: "https://example.org/%d/"
---

%s第%d号
`, i, fill[:30], i, 1+i%28, 1000+i, i, i, i, i, i, i, fill, i))
	}
	reused, probs := Load(DirFS(dir), Options{NewRenderer: func(Config) BodyRenderer { return copyRenderer{} }, Workers: 1})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	fresh, probs := Load(os.DirFS(dir), Options{NewRenderer: func(Config) BodyRenderer { return copyRenderer{} }, Workers: 1})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(reused.Cases) != 40 || !reflect.DeepEqual(reused.Cases, fresh.Cases) {
		for i := range min(len(reused.Cases), len(fresh.Cases)) {
			if !reflect.DeepEqual(reused.Cases[i], fresh.Cases[i]) {
				t.Fatalf("case %d differs:\n%+v\nwant\n%+v", i, reused.Cases[i], fresh.Cases[i])
			}
		}
		t.Fatalf("%d cases, want 40 as read one buffer per file (%d)", len(reused.Cases), len(fresh.Cases))
	}
}
