package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/guangdong-renovation/showcase/internal/gen"
	"github.com/guangdong-renovation/showcase/internal/rusage"
)

// hugoInstall is how to get the Hugo the issue measured against.
const hugoInstall = "go install github.com/gohugoio/hugo@v0.145.0"

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", "bench [-n 10000] [-runs 3] [--hugo PATH] [--no-hugo] [-seed N] [-dir DIR] [-keep]", stderr)
	n := fs.Int("n", 10000, "number of generated case studies")
	runs := fs.Int("runs", 3, "runs of each build; the table shows medians")
	hugoPath := fs.String("hugo", "", "the hugo binary to compare with (default: hugo on PATH)")
	noHugo := fs.Bool("no-hugo", false, "do not build with Hugo")
	floor := fs.Bool("floor", true, "measure the floor: read, render with goldmark and write each case body, nothing else, with one worker (the issue's floor) and with one per core")
	seed := fs.Int64("seed", 1, "random seed of the generated site")
	dir := fs.String("dir", "", "work folder (default: a new temporary folder); bench replaces its site, hugo-site and out-* subfolders")
	keep := fs.Bool("keep", false, "keep the work folder: the generated sites and every run's outputs")
	settle := fs.Duration("settle", 12*time.Second, "pause before each timed run, so that every tool starts with memory the system has taken back (see child)")
	floorSite := fs.String("floor-only", "", "(used by bench itself) run only the floor on this site `folder`, into -floor-out")
	floorOut := fs.String("floor-out", "", "(used by bench itself) output `folder` of -floor-only")
	floorWorkers := fs.Int("floor-workers", 0, "(used by bench itself) workers of -floor-only; 0 means one per core")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase bench: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *floorSite != "" {
		res, err := gen.Floor(*floorSite, *floorOut, *floorWorkers)
		if err != nil {
			fmt.Fprintf(stderr, "showcase bench: floor: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "floor: %d pages, %d bytes, %d workers, %s\n", res.Pages, res.Bytes, res.Workers, res.Duration)
		return exitOK
	}
	if *n < 1 || *runs < 1 {
		fmt.Fprintln(stderr, "showcase bench: -n and -runs must be at least 1")
		return exitUsage
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "showcase bench: cannot find my own binary: %v\n", err)
		return exitUsage
	}

	hugo := ""
	if !*noHugo {
		hugo = *hugoPath
		if hugo == "" {
			hugo, _ = exec.LookPath("hugo")
		} else if _, err := os.Stat(hugo); err != nil {
			fmt.Fprintf(stderr, "showcase bench: --hugo %s: %v\n", hugo, err)
			return exitUsage
		}
	}
	hugoVersion := ""
	if hugo != "" {
		out, err := exec.CommandContext(ctx, hugo, "version").Output()
		if err != nil {
			fmt.Fprintf(stderr, "showcase bench: %s version: %v\n", hugo, err)
			return exitUsage
		}
		hugoVersion = hugoVersionRE.FindString(string(out))
		if hugoVersion == "" {
			hugoVersion = "hugo"
		}
	}

	work := *dir
	if work == "" {
		work, err = os.MkdirTemp("", "showcase-bench-")
		if err != nil {
			fmt.Fprintf(stderr, "showcase bench: %v\n", err)
			return exitUsage
		}
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		fmt.Fprintf(stderr, "showcase bench: %v\n", err)
		return exitUsage
	}
	// Each run writes new output folders (out-showcase-1, out-hugo-1, …),
	// all removed at the end: deleting thousands of files just before a
	// timed build slows it down, on ext4 without a journal by 20–40%, as
	// the kernel skips recently freed inodes one by one.
	made := []string{"site", "hugo-site", "out-*"}
	removeMade := func() {
		for _, m := range made {
			paths, _ := filepath.Glob(filepath.Join(work, m))
			for _, p := range paths {
				os.RemoveAll(p)
			}
		}
	}
	switch {
	case *keep:
		fmt.Fprintf(stdout, "work folder: %s (kept)\n", work)
	case *dir == "":
		defer os.RemoveAll(work)
	default: // remove only what bench made in the given folder
		defer removeMade()
	}

	fmt.Fprintf(stdout, "showcase bench: %d cases, seed %d, %d runs, %s pause before each, %d CPUs (GOMAXPROCS %d), load average %s\n",
		*n, *seed, *runs, *settle, runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAverage())
	siteDir := filepath.Join(work, "site")
	hugoDir := filepath.Join(work, "hugo-site")
	removeMade()
	start := time.Now()
	st, err := gen.Write(siteDir, gen.Options{Cases: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintf(stderr, "showcase bench: gen: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "generated %d cases (%d drafts, %d bundles): %d files, %.1f MB in %s\n",
		st.Cases, st.Drafts, st.Bundles, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
	if hugo != "" {
		start = time.Now()
		hst, err := gen.Write(hugoDir, gen.Options{Cases: *n, Seed: *seed, Hugo: true})
		if err != nil {
			fmt.Fprintf(stderr, "showcase bench: gen --hugo: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "generated the Hugo form: %d files, %.1f MB in %s\n", hst.Files, float64(hst.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
	}

	// the case edited for the one-change rebuild: the first published one
	editRel := ""
	var editOrig []byte
	for _, rel := range st.CaseFiles {
		b, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(rel)))
		if err != nil {
			fmt.Fprintf(stderr, "showcase bench: %v\n", err)
			return exitUsage
		}
		if !bytes.Contains(b, []byte("\ndraft: true\n")) {
			editRel, editOrig = rel, b
			break
		}
	}
	editFile := filepath.Join(siteDir, filepath.FromSlash(editRel))

	var full, rebuild, forced, oneChange, hugoRuns, floorRuns, floorParRuns []measure
	fail := func(what string, err error) int {
		fmt.Fprintf(stderr, "\nshowcase bench: %s: %v\n", what, err)
		return exitProblems
	}
	// The tools take turns, so that a burst of load elsewhere on the
	// machine does not fall on one tool only.
	for run := 1; run <= *runs; run++ {
		scOut := filepath.Join(work, fmt.Sprintf("out-showcase-%d", run))
		hugoOut := filepath.Join(work, fmt.Sprintf("out-hugo-%d", run))
		flOut := filepath.Join(work, fmt.Sprintf("out-floor-%d", run))
		flParOut := filepath.Join(work, fmt.Sprintf("out-floor-par-%d", run))
		if err := os.WriteFile(editFile, editOrig, 0o644); err != nil {
			return fail("restoring "+editRel, err)
		}
		m, err := child(ctx, *settle, exe, "build", "-s", siteDir, "-o", scOut)
		if err != nil {
			return fail("showcase build failed", err)
		}
		full = append(full, m)
		fmt.Fprintf(stdout, "run %d: showcase build %s, %s", run, secs(m.wall), mb(m.rss))
		m, err = child(ctx, *settle, exe, "build", "-s", siteDir, "-o", scOut)
		if err != nil {
			return fail("showcase rebuild failed", err)
		}
		rebuild = append(rebuild, m)
		fmt.Fprintf(stdout, "; no-change rebuild %s", secs(m.wall))
		if upToDateRE.MatchString(m.stdout) {
			// the build skipped all work: time one that renders
			m, err = child(ctx, *settle, exe, "build", "--force", "-s", siteDir, "-o", scOut)
			if err != nil {
				return fail("showcase build --force failed", err)
			}
			forced = append(forced, m)
			fmt.Fprintf(stdout, "; --force %s", secs(m.wall))
		}
		edited := bytes.Replace(editOrig, []byte("## 概况\n\n"), fmt.Appendf(nil, "## 概况\n\n第%d次修改。", run), 1)
		if err := os.WriteFile(editFile, edited, 0o644); err != nil {
			return fail("editing "+editRel, err)
		}
		m, err = child(ctx, *settle, exe, "build", "-s", siteDir, "-o", scOut)
		if err != nil {
			return fail("showcase rebuild after an edit failed", err)
		}
		oneChange = append(oneChange, m)
		fmt.Fprintf(stdout, "; one case changed %s", secs(m.wall))
		if *floor {
			m, err := child(ctx, *settle, exe, "bench", "-floor-only", siteDir, "-floor-out", flOut, "-floor-workers", "1")
			if err != nil {
				return fail("floor failed", err)
			}
			floorRuns = append(floorRuns, m)
			fmt.Fprintf(stdout, "; floor %s", secs(m.wall))
			m, err = child(ctx, *settle, exe, "bench", "-floor-only", siteDir, "-floor-out", flParOut)
			if err != nil {
				return fail("floor on every core failed", err)
			}
			floorParRuns = append(floorParRuns, m)
			fmt.Fprintf(stdout, ", on every core %s", secs(m.wall))
		}
		if hugo != "" {
			m, err := child(ctx, *settle, hugo, "--quiet", "-s", hugoDir, "-d", hugoOut)
			if err != nil {
				return fail("hugo failed", err)
			}
			hugoRuns = append(hugoRuns, m)
			fmt.Fprintf(stdout, "; %s %s, %s", hugoVersion, secs(m.wall), mb(m.rss))
		}
		fmt.Fprintln(stdout)
	}
	if err := os.WriteFile(editFile, editOrig, 0o644); err != nil {
		return fail("restoring "+editRel, err)
	}
	fmt.Fprintf(stdout, "load average after: %s\n\n", loadAverage())

	fw, fr, fc := median(walls(full)), median(rsses(full)), median(cpus(full))
	pct := func(ms []measure) string {
		return fmt.Sprintf("%.0f%% of the full build", 100*ratio(median(walls(ms)), fw))
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\twall (median)\tmin\tmax\tCPU user+sys (median)\tpeak RSS (median)\t")
	row := func(name string, ms []measure, note string) {
		w := walls(ms)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, secs(median(w)), secs(slices.Min(w)), secs(slices.Max(w)), secs(median(cpus(ms))), mb(median(rsses(ms))), note)
	}
	row("showcase build", full, countPages(full))
	row("showcase rebuild, no change", rebuild, pct(rebuild)+rewritten(rebuild))
	if len(forced) > 0 {
		row("showcase build --force, no change", forced, pct(forced)+rewritten(forced))
	}
	row("showcase rebuild, 1 case changed", oneChange, pct(oneChange)+rewritten(oneChange))
	if len(floorRuns) > 0 {
		row("floor (read+goldmark+write)", floorRuns, "1 worker: the issue's floor")
		row("floor on every core", floorParRuns, fmt.Sprintf("%d workers", runtime.GOMAXPROCS(0)))
	}
	if len(hugoRuns) > 0 {
		row(hugoVersion, hugoRuns, "")
	}
	tw.Flush()
	fmt.Fprintln(stdout)

	if len(hugoRuns) > 0 {
		hw, hr := median(walls(hugoRuns)), median(rsses(hugoRuns))
		fmt.Fprintf(stdout, "showcase/Hugo: wall %.2f (target ≤ 0.20), CPU %.2f, peak RSS %.2f (target ≤ 0.25)\n",
			ratio(fw, hw), ratio(fc, median(cpus(hugoRuns))), ratio(fr, hr))
	} else {
		fmt.Fprintf(stdout, "Hugo not measured: it is not on PATH. Install the version the issue measured with\n  %s\n(a few minutes on 2 cores; it lands in $(go env GOPATH)/bin), then run bench again or pass --hugo PATH.\n", hugoInstall)
	}
	if len(floorRuns) > 0 {
		fmt.Fprintf(stdout, "showcase/floor: wall %.2f (target ≤ 1.5), CPU %.2f; against the floor on every core: wall %.2f, CPU %.2f\n",
			ratio(fw, median(walls(floorRuns))), ratio(fc, median(cpus(floorRuns))),
			ratio(fw, median(walls(floorParRuns))), ratio(fc, median(cpus(floorParRuns))))
	}
	fmt.Fprintf(stdout, "no-change rebuild/full build: %.0f%% of the wall time (target < 30%%), %.0f%% of the CPU time\n",
		100*ratio(median(walls(rebuild)), fw), 100*ratio(median(cpus(rebuild)), fc))
	fmt.Fprintln(stdout, "(CPU time is steadier than wall time when other work shares the machine.)")
	return exitOK
}

var (
	hugoVersionRE = regexp.MustCompile(`hugo v[0-9][^ ]*`)
	filesRE       = regexp.MustCompile(`(\d+) files, (\d+) unchanged`)
	upToDateRE    = regexp.MustCompile(`(?i)up to date`)
	pagesRE       = regexp.MustCompile(`built (\d+) pages`)
)

// measure is one run of a child process.
type measure struct {
	wall   time.Duration
	cpu    time.Duration // user + system
	rss    int64         // bytes
	stdout string
}

// child runs a command, returning its wall time and peak memory. It
// first writes out the disk's dirty pages and waits settle.
//
// The wait is for fairness. On a virtual machine whose host takes back
// the memory its guest frees (free page reporting, as on the machine the
// README's figures come from, within about ten seconds), a process pays
// for every page it touches that the host has taken back, while one that
// follows another closely reuses what that one freed almost free of
// charge: a 10,000-case build took 2.8-4.4 s after a 12-second pause and
// 2.3-2.7 s straight after the same build. Without the wait, a build that
// follows a larger one gets much of its memory free of that cost.
func child(ctx context.Context, settle time.Duration, name string, args ...string) (measure, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	syncDisk()
	select {
	case <-ctx.Done():
		return measure{}, ctx.Err()
	case <-time.After(settle):
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		msg := strings.TrimSpace(errOut.String())
		if len(msg) > 2000 {
			msg = msg[:2000] + "…"
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) && msg != "" {
			return measure{}, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, msg)
		}
		return measure{}, fmt.Errorf("%s %s: %v", filepath.Base(name), strings.Join(args, " "), err)
	}
	ps := cmd.ProcessState
	return measure{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), rss: rusage.PeakRSS(ps), stdout: out.String()}, nil
}

func walls(ms []measure) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = m.wall
	}
	return out
}

func cpus(ms []measure) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = m.cpu
	}
	return out
}

func rsses(ms []measure) []int64 {
	out := make([]int64, len(ms))
	for i, m := range ms {
		out[i] = m.rss
	}
	return out
}

// median returns the middle value, or the mean of the two middle ones.
func median[T time.Duration | int64](s []T) T {
	if len(s) == 0 {
		return 0
	}
	c := slices.Clone(s)
	slices.Sort(c)
	if len(c)%2 == 1 {
		return c[len(c)/2]
	}
	return (c[len(c)/2-1] + c[len(c)/2]) / 2
}

func ratio[T time.Duration | int64](a, b T) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mb(b int64) string {
	if b == 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/1e6)
}

// rewritten says how many files the last of the builds rewrote, from its
// report.
func rewritten(ms []measure) string {
	if len(ms) == 0 {
		return ""
	}
	out := ms[len(ms)-1].stdout
	if upToDateRE.MatchString(out) {
		return "; skipped: up to date"
	}
	m := filesRE.FindStringSubmatch(out)
	if m == nil {
		return ""
	}
	files, _ := strconv.Atoi(m[1])
	kept, _ := strconv.Atoi(m[2])
	return fmt.Sprintf("; %d of %d files rewritten", files-kept, files)
}

// countPages says how many pages and how fast, from the build's report.
func countPages(ms []measure) string {
	if len(ms) == 0 {
		return ""
	}
	m := pagesRE.FindStringSubmatch(ms[0].stdout)
	if m == nil {
		return ""
	}
	pages, _ := strconv.Atoi(m[1])
	return fmt.Sprintf("%d pages, %.0f pages/s", pages, float64(pages)/median(walls(ms)).Seconds())
}

// loadAverage returns the 1, 5 and 15 minute load averages where the
// system tells them.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
