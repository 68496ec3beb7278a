package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guangdong-renovation/showcase"
	"github.com/guangdong-renovation/showcase/internal/gen"
)

// BenchmarkEditToReload measures what a publisher waits for: the time
// from saving one case's Markdown to the reload event reaching the
// browser's event stream, on a generated site of 10,000 cases
// (SHOWCASE_BENCH_CASES sets another number). Each iteration is one save;
// the median and 90th percentile are reported in milliseconds.
//
//	go test -run '^$' -bench EditToReload -benchtime 30x ./internal/serve/
func BenchmarkEditToReload(b *testing.B) {
	cases := 10000
	if n, err := strconv.Atoi(os.Getenv("SHOWCASE_BENCH_CASES")); err == nil && n > 0 {
		cases = n
	}
	// SHOWCASE_BENCH_SITE names a folder to generate the site into once
	// and reuse, for profiling.
	dir := os.Getenv("SHOWCASE_BENCH_SITE")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "site")
	}
	st, err := gen.Write(dir, gen.Options{Cases: cases, Seed: 1})
	if err != nil && os.Getenv("SHOWCASE_BENCH_SITE") == "" {
		b.Fatal(err)
	} else if err != nil {
		// Reused: the same seed and number wrote the same files.
		st, err = gen.Write(filepath.Join(b.TempDir(), "names"), gen.Options{Cases: cases, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
	}
	// The embedded theme, as `showcase serve` has it: a snapshot that
	// edits to the repository's templates during a long run cannot
	// change.
	t0 := time.Now()
	ts := startTheme(b, dir, showcase.Theme)
	sse := ts.connect(b)
	sse.timeout = 5 * time.Minute
	sse.hello(b)
	b.Logf("%d cases: first build and start in %s, %d files", cases, time.Since(t0).Round(time.Millisecond), len(ts.mem.Paths()))

	// A published case from the middle of the site.
	var file, url string
	for i := cases / 2; i < cases && file == ""; i++ {
		rel := st.CaseFiles[i]
		slug := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(rel, "content/cases/"), ".md"), "/index")
		if _, ok := ts.mem.Get("cases/" + slug + "/index.html"); ok {
			file, url = filepath.Join(dir, filepath.FromSlash(rel)), "/cases/"+slug+"/"
		}
	}
	if file == "" {
		b.Fatal("no published case found")
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(file, orig, 0o644)
	// SHOWCASE_BENCH_CPUPROFILE names a file for a CPU profile of the
	// saves alone, without generating and the first build.
	if prof := os.Getenv("SHOWCASE_BENCH_CPUPROFILE"); prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}

	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body := append(slices.Clip(orig), fmt.Sprintf("\n第%d次修改。\n", i)...)
		start := time.Now()
		if err := os.WriteFile(file, body, 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			if ev := sse.reload(b); ev.All || contains(ev.Pages, url) {
				break
			}
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(times[len(times)/2]), "ms-median")
	b.ReportMetric(ms(times[len(times)*9/10]), "ms-p90")
	b.ReportMetric(0, "ns/op")
	if b.N >= 5 {
		b.Logf("save to reload event: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms over %d saves",
			ms(times[len(times)/2]), ms(times[len(times)*9/10]), ms(times[0]), ms(times[len(times)-1]), len(times))
		lines := strings.Split(strings.TrimSpace(ts.log.String()), "\n")
		b.Logf("last rebuild: %s", lines[len(lines)-1])
		// The server's own share: the time from the first event to the
		// end of the build is in each log line; the rest of the wait is
		// the debounce, the event and its delivery.
		var builds []time.Duration
		for _, l := range lines {
			if i := strings.LastIndex(l, " in "); i > 0 && strings.Contains(l, "rendered") {
				if d, err := time.ParseDuration(strings.Fields(l[i+4:])[0]); err == nil {
					builds = append(builds, d)
				}
			}
		}
		if len(builds) > 1 {
			builds = builds[1:] // not the first build
			slices.Sort(builds)
			b.Logf("first event to end of build, as logged: median %s", builds[len(builds)/2])
		}
		// What one save renders again, by top folder: the server is
		// stopped, so its Builder is free to use here.
		if err := ts.stop(); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(file, append(slices.Clip(orig), "\n再改一次。\n"...), 0o644)
		rel, _ := filepath.Rel(dir, file)
		t0 := time.Now()
		res, err := ts.builder.Build(context.Background(), []string{filepath.ToSlash(rel)})
		if err != nil {
			b.Fatal(err)
		}
		count := map[string]int{}
		for _, p := range res.RenderedPaths {
			top, _, _ := strings.Cut(p, "/")
			count[top]++
		}
		b.Logf("one save, built directly in %s: %d files rendered %v, %d changed %v",
			time.Since(t0).Round(time.Millisecond), res.Rendered, count, len(res.Changed), res.Changed)
	}
}
