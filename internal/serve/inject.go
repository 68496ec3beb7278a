package serve

import (
	_ "embed"
	"strconv"
)

// liveJS is the reload script. It lives here, not in the theme's static/
// folder, so that it never reaches the output of a build.
//
//go:embed live.js
var liveJS string

// The server's own paths.
const (
	reservedPrefix = "/__showcase/"
	liveJSPath     = reservedPrefix + "live.js"
	eventsPath     = reservedPrefix + "events"
)

// inject returns the HTML page with the reload script's tag before its
// last </body>, or at its end when it has none. id and gen tell the
// script which run of the server and which build the page comes from.
func inject(page []byte, id string, gen uint64) []byte {
	tag := `<script src="` + liveJSPath + `" data-id="` + id + `" data-gen="` + strconv.FormatUint(gen, 10) + `" defer></script>`
	i := lastIndexFold(page, "</body")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// lastIndexFold returns the index of the last ASCII-case-insensitive
// occurrence of lower (which is lower case) in b, or -1.
func lastIndexFold(b []byte, lower string) int {
outer:
	for i := len(b) - len(lower); i >= 0; i-- {
		for j := 0; j < len(lower); j++ {
			c := b[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

// noSitePage is served for every path while there is no good build yet:
// while the first build runs, or when it failed. The reload script shows
// the problems over it and reloads it when the site is built.
const noSitePage = `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>showcase serve</title></head>
<body>
<h1>站点正在构建，或者有问题需要修改 · The site is being built, or has problems to fix</h1>
<p>构建成功后，这个页面会自动刷新。This page reloads by itself when the site is built.</p>
</body>
</html>
`
