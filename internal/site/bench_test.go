package site_test

// Benchmarks of whole builds of generated sites (internal/gen). They run
// only with -bench, for example
//
//	go test ./internal/site -run '^$' -bench . -benchtime 1x -timeout 30m
//	go test ./internal/site -run '^$' -bench BuildFull10k -benchtime 1x -cpuprofile cpu.out
//	go tool pprof -top -ignore 'internal/gen\.|os\.RemoveAll' site.test cpu.out
//
// Each benchmark generates its corpus into b.TempDir() before the timer
// starts (a 10,000-case corpus takes a few seconds). A profile covers the
// whole process, so ignore the generator and the clean-up between runs as
// above. pages/s counts every page a build wrote (cases, lists, regions,
// practices, ...); for Load it counts content files. A 10,000-case build
// takes tens of seconds of CPU on 2 cores: use -benchtime 1x or 3x.

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"testing"

	"github.com/guangdong-renovation/showcase"
	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/gen"
	"github.com/guangdong-renovation/showcase/internal/markdown"
	"github.com/guangdong-renovation/showcase/internal/site"
)

const benchSeed = 1

// corpus generates an n-case site and returns its folder and stats.
func corpus(b *testing.B, n int) (string, *gen.Stats) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	st, err := gen.Write(dir, gen.Options{Cases: n, Seed: benchSeed})
	if err != nil {
		b.Fatal(err)
	}
	return dir, st
}

func pages(res *site.Result) int {
	n := 0
	for _, v := range res.Pages {
		n += v
	}
	return n
}

func reportPages(b *testing.B, total int) {
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "pages/s")
}

// benchFull builds an n-case site into a new output folder each time.
func benchFull(b *testing.B, n int) {
	dir, _ := corpus(b, n)
	outs := b.TempDir()
	total := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(outs, fmt.Sprint(i))
		res, err := site.Build(context.Background(), site.Options{SiteDir: dir, Theme: showcase.Theme, Out: out})
		if err != nil {
			b.Fatal(err)
		}
		total += pages(res)
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	reportPages(b, total)
}

func BenchmarkBuildFull1k(b *testing.B)  { benchFull(b, 1000) }
func BenchmarkBuildFull10k(b *testing.B) { benchFull(b, 10000) }

// BenchmarkBuildDryRun10k is load+render with no write: the pipeline has
// no render-only entry, so render alone is this minus BenchmarkLoad10k.
func BenchmarkBuildDryRun10k(b *testing.B) {
	dir, _ := corpus(b, 10000)
	total := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := site.Build(context.Background(), site.Options{SiteDir: dir, Theme: showcase.Theme, DryRun: true})
		if err != nil {
			b.Fatal(err)
		}
		total += pages(res)
	}
	reportPages(b, total)
}

// bodyRenderer renders bodies the way the site does, through the exported
// API only.
type bodyRenderer struct{ r *markdown.Renderer }

func (r bodyRenderer) RenderBody(src []byte) (content.Body, error) {
	res, err := r.r.Render(src)
	if err != nil {
		return content.Body{}, err
	}
	body := content.Body{HTML: template.HTML(res.HTML), First: res.First, Links: res.Links}
	for _, h := range res.Headings {
		body.Headings = append(body.Headings, content.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	return body, nil
}

// BenchmarkLoad10k is content.Load alone: walk, read, decode the front
// matter and render every Markdown body; "no-markdown" leaves the bodies
// unrendered.
func BenchmarkLoad10k(b *testing.B) {
	dir, st := corpus(b, 10000)
	fsys := os.DirFS(dir)
	for _, tc := range []struct {
		name string
		opts content.Options
	}{
		{"markdown", content.Options{NewRenderer: func(cfg content.Config) content.BodyRenderer {
			return bodyRenderer{markdown.New(markdown.Options{Unsafe: cfg.UnsafeHTML})}
		}}},
		{"no-markdown", content.Options{}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			total := 0
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				lib, probs := content.Load(fsys, tc.opts)
				if probs.HasErrors() {
					b.Fatal(probs)
				}
				if len(lib.Cases) != st.Cases {
					b.Fatalf("%d cases loaded, want %d", len(lib.Cases), st.Cases)
				}
				total += len(lib.Cases) + len(lib.Practices) + len(lib.Briefings) + len(lib.Pages) + 1
			}
			reportPages(b, total)
		})
	}
}

// BenchmarkRebuildOneCase10k builds once, then times builds after one case
// file changed: "fresh" is a new site.Build, as `showcase build` runs it
// (output files that did not change are kept); "builder" reuses a
// site.Builder told which file changed, as the dev server does.
func BenchmarkRebuildOneCase10k(b *testing.B) {
	dir, st := corpus(b, 10000)
	// the first published case
	var rel, file string
	var orig []byte
	for _, rel = range st.CaseFiles {
		file = filepath.Join(dir, filepath.FromSlash(rel))
		var err error
		if orig, err = os.ReadFile(file); err != nil {
			b.Fatal(err)
		}
		if !bytes.Contains(orig, []byte("\ndraft: true\n")) {
			break
		}
	}
	// edit changes one sentence of the body, differently each time.
	edit := func(i int) {
		b.Helper()
		changed := bytes.Replace(orig, []byte("## 概况\n\n"), fmt.Appendf(nil, "## 概况\n\n第%d次修改。", i), 1)
		if err := os.WriteFile(file, changed, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name    string
		builder bool
	}{{"fresh", false}, {"builder", true}} {
		b.Run(tc.name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "out")
			opts := site.Options{SiteDir: dir, Theme: showcase.Theme, Out: out}
			bl := site.NewBuilder(opts)
			build := func(changed []string) *site.Result {
				var res *site.Result
				var err error
				if tc.builder {
					res, err = bl.Build(context.Background(), changed)
				} else {
					res, err = site.Build(context.Background(), opts)
				}
				if err != nil {
					b.Fatal(err)
				}
				return res
			}
			build(nil)
			total := 0
			var last *site.Result
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				edit(i)
				b.StartTimer()
				last = build([]string{rel})
				total += pages(last)
			}
			b.StopTimer()
			reportPages(b, total)
			b.ReportMetric(float64(last.Files-last.Kept), "files-rewritten")
			if err := os.WriteFile(file, orig, 0o644); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkNoChangeRebuild10k builds once, then times a second build of
// the unchanged site into the same output folder, as `showcase build`
// run twice does.
func BenchmarkNoChangeRebuild10k(b *testing.B) {
	dir, _ := corpus(b, 10000)
	out := filepath.Join(b.TempDir(), "out")
	opts := site.Options{SiteDir: dir, Theme: showcase.Theme, Out: out}
	if _, err := site.Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	total := 0
	var last *site.Result
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := site.Build(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		total += pages(res)
		last = res
	}
	reportPages(b, total)
	b.ReportMetric(float64(last.Files-last.Kept), "files-rewritten")
}

// BenchmarkFloor10k is the least a build must do: read each case, render
// its body with goldmark and write it to a file, with one worker and with
// GOMAXPROCS workers.
func BenchmarkFloor10k(b *testing.B) {
	dir, _ := corpus(b, 10000)
	for _, workers := range []int{1, 0} {
		name := fmt.Sprintf("workers=%d", workers)
		if workers == 0 {
			name = "workers=GOMAXPROCS"
		}
		b.Run(name, func(b *testing.B) {
			outs := b.TempDir()
			total := 0
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(outs, fmt.Sprint(i))
				res, err := gen.Floor(dir, out, workers)
				if err != nil {
					b.Fatal(err)
				}
				total += res.Pages
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
			reportPages(b, total)
		})
	}
}
