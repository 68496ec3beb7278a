package search_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
	"github.com/guangdong-renovation/showcase/internal/search"
)

func TestTmpProfile(t *testing.T) {
	docs := benchDocs(t)
	out := buildSite(t, repo)
	l := search.NewLayout(docs, "large")
	dir := filepath.Join(out, "search")
	os.RemoveAll(filepath.Join(dir, "t"))
	os.RemoveAll(filepath.Join(dir, "f"))
	for name, b := range buildAll(docs, l) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, b, 0o644)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	attrs := regexp.MustCompile(`data-version="[^"]*"\s+data-docs="\d+" data-shards="\d+" data-group="\d+"`)
	page = attrs.ReplaceAll(page, []byte(fmt.Sprintf(`data-version="%s" data-docs="%d" data-shards="%d" data-group="%d"`, l.Version, l.Docs, l.Shards, l.Group)))
	os.WriteFile(filepath.Join(dir, "index.html"), page, 0o644)
	base := serve(t, out)
	ctx := browser(t)
	for _, q := range []string{"恩平市东门金融街改造项目", "三线整治"} {
		ctx := tab(t, ctx)
		run(t, ctx, chromedp.Navigate(base+"/search/"), profiler.Enable(), profiler.SetSamplingInterval(100), profiler.Start())
		eval(t, ctx, fmt.Sprintf(`(function(){var i=document.getElementById('search-q'); i.value=%q; i.form.requestSubmit(); return 1;})()`, q), new(int))
		results(t, ctx, q, func(l []string) bool { return len(l) > 0 })
		var prof *profiler.Profile
		run(t, ctx, chromedp.ActionFunc(func(c context.Context) error { var err error; prof, err = profiler.Stop().Do(c); return err }))
		self := map[string]int64{}
		var total int64
		for _, n := range prof.Nodes {
			name := n.CallFrame.FunctionName + ":" + fmt.Sprint(n.CallFrame.LineNumber)
			self[name] += n.HitCount
			total += n.HitCount
		}
		type kv struct {
			k string
			v int64
		}
		var l []kv
		for k, v := range self {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		var timing map[string]float64
		eval(t, ctx, `showcaseSearch.timing()`, &timing)
		t.Logf("%s: timing %v; samples %d (100us)", q, timing, total)
		for _, x := range l[:12] {
			t.Logf("  %6d %s", x.v, x.k)
		}
	}
	_ = url.QueryEscape
}
