// Package sitetest writes site folders for tests: files from a map, and a
// small fixture site (eight cases in three counties, a practice text, a
// plain page and a briefing) that the site, serve and brief tests share.
// Only tests import it.
package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Write writes files (slash path -> text) under dir.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for rel, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Case is case number i of the fixture, in city and county, with
// practices: every figure is a multiple of i.
func Case(i int, city, county string, practices ...string) string {
	return fmt.Sprintf(`---
title: 第%d号小区改造
date: 2023-%02d-%02d
region: {city: %s, county: %s}
status: completed
figures: {zones: %d, buildings: %d, residents: %d, area_m2: %d, investment_cny: %d}
practices: [%s]
scope: [基础类]
---

第%d号小区的改造，
包括加装电梯和三线整治。
`, i, 1+i%12, 1+i%28, city, county, i, 10*i, 1000*i, 10000*i, 1000000*i, strings.Join(practices, ", "), i)
}

// Site is the fixture site served at baseURL, e.g. https://example.org/.
func Site(baseURL string) map[string]string {
	files := map[string]string{
		"site.yaml":                  "title: 测试站\nbase_url: " + baseURL + "\nprovince: 广东省\npage_size: 3\ntargets: {communities: 100}\nprogress: [{date: 2023-09-30, communities: 40}]\n",
		"content/_index.md":          "---\ntitle: 首页\n---\n欢迎。\n",
		"content/practices/party.md": "---\ntitle: 党建引领\nsummary: 党组织带头。\n---\n正文。\n",
		"content/pages/about.md":     "---\ntitle: 关于\n---\n[案例一](/cases/c1/)\n",
		"content/briefings/visit.md": "---\ntitle: 观摩\ndate: 2023-10-19\ncases: [c1, c2]\nagenda: [{title: 参观, case: c1}]\n---\n介绍。\n",
	}
	cities := [][2]string{{"江门市", "恩平市"}, {"江门市", "台山市"}, {"梅州市", "丰顺县"}}
	pr := []string{"党建引领", "共同缔造", "资金共担"}
	for i := 1; i <= 8; i++ {
		c := cities[i%3]
		files[fmt.Sprintf("content/cases/c%d.md", i)] = Case(i, c[0], c[1], pr[i%3], pr[(i+1)%3])
	}
	return files
}
