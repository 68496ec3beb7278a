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
)

// hugoInstall is how to get the Hugo the issue measured against.
const hugoInstall = "go install github.com/gohugoio/hugo@v0.145.0"

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", "bench [-n 10000] [-runs 3] [--hugo PATH] [--no-hugo] [-seed N] [-dir DIR] [-keep]", stderr)
	n := fs.Int("n", 10000, "number of generated case studies")
	runs := fs.Int("runs", 3, "runs of each build; the table shows medians")
	hugoPath := fs.String("hugo", "", "the hugo binary to compare with (default: hugo on PATH)")
	noHugo := fs.Bool("no-hugo", false, "do not build with Hugo")
	floor := fs.Bool("floor", true, "measure the floor: read, render with goldmark and write each case body, nothing else")
	seed := fs.Int64("seed", 1, "random seed of the generated site")
	dir := fs.String("dir", "", "work folder (default: a new temporary folder)")
	keep := fs.Bool("keep", false, "keep the work folder: the generated sites and the last outputs")
	floorSite := fs.String("floor-only", "", "(used by bench itself) run only the floor on this site `folder`, into -floor-out")
	floorOut := fs.String("floor-out", "", "(used by bench itself) output `folder` of -floor-only")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase bench: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *floorSite != "" {
		res, err := gen.Floor(*floorSite, *floorOut, 0)
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
	if *keep {
		fmt.Fprintf(stdout, "work folder: %s (kept)\n", work)
	} else {
		defer os.RemoveAll(work)
	}

	fmt.Fprintf(stdout, "showcase bench: %d cases, seed %d, %d runs, %d CPUs (GOMAXPROCS %d), load average %s\n",
		*n, *seed, *runs, runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAverage())
	siteDir := filepath.Join(work, "site")
	hugoDir := filepath.Join(work, "hugo-site")
	for _, d := range []string{siteDir, hugoDir} {
		if err := os.RemoveAll(d); err != nil {
			fmt.Fprintf(stderr, "showcase bench: %v\n", err)
			return exitUsage
		}
	}
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

	var full, rebuild, hugoRuns, floorRuns []measure
	var rebuildOut string
	scOut := filepath.Join(work, "out-showcase")
	hugoOut := filepath.Join(work, "out-hugo")
	flOut := filepath.Join(work, "out-floor")
	// The tools take turns, so that a burst of load elsewhere on the
	// machine does not fall on one tool only.
	for run := 1; run <= *runs; run++ {
		if err := os.RemoveAll(scOut); err != nil {
			fmt.Fprintf(stderr, "showcase bench: %v\n", err)
			return exitUsage
		}
		m, err := child(ctx, exe, "build", "-s", siteDir, "-o", scOut)
		if err != nil {
			fmt.Fprintf(stderr, "showcase bench: showcase build failed: %v\n", err)
			return exitProblems
		}
		full = append(full, m)
		fmt.Fprintf(stdout, "run %d: showcase build %s, %s", run, secs(m.wall), mb(m.rss))
		m, err = child(ctx, exe, "build", "-s", siteDir, "-o", scOut)
		if err != nil {
			fmt.Fprintf(stderr, "\nshowcase bench: showcase rebuild failed: %v\n", err)
			return exitProblems
		}
		rebuild = append(rebuild, m)
		rebuildOut = m.stdout
		fmt.Fprintf(stdout, "; no-change rebuild %s", secs(m.wall))
		if *floor {
			if err := os.RemoveAll(flOut); err != nil {
				fmt.Fprintf(stderr, "\nshowcase bench: %v\n", err)
				return exitUsage
			}
			m, err := child(ctx, exe, "bench", "-floor-only", siteDir, "-floor-out", flOut)
			if err != nil {
				fmt.Fprintf(stderr, "\nshowcase bench: floor failed: %v\n", err)
				return exitUsage
			}
			floorRuns = append(floorRuns, m)
			fmt.Fprintf(stdout, "; floor %s", secs(m.wall))
		}
		if hugo != "" {
			if err := os.RemoveAll(hugoOut); err != nil {
				fmt.Fprintf(stderr, "\nshowcase bench: %v\n", err)
				return exitUsage
			}
			m, err := child(ctx, hugo, "--quiet", "-s", hugoDir, "-d", hugoOut)
			if err != nil {
				fmt.Fprintf(stderr, "\nshowcase bench: hugo failed: %v\n", err)
				return exitUsage
			}
			hugoRuns = append(hugoRuns, m)
			fmt.Fprintf(stdout, "; %s %s, %s", hugoVersion, secs(m.wall), mb(m.rss))
		}
		fmt.Fprintln(stdout)
	}
	fmt.Fprintf(stdout, "load average after: %s\n\n", loadAverage())

	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\twall (median)\tmin\tmax\tpeak RSS (median)\t")
	row := func(name string, ms []measure, note string) {
		w := walls(ms)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", name, secs(median(w)), secs(slices.Min(w)), secs(slices.Max(w)), mb(median(rsses(ms))), note)
	}
	row("showcase build", full, countPages(full))
	note := fmt.Sprintf("%.0f%% of the full build", 100*median(walls(rebuild)).Seconds()/median(walls(full)).Seconds())
	if m := filesRE.FindStringSubmatch(rebuildOut); m != nil {
		files, _ := strconv.Atoi(m[1])
		kept, _ := strconv.Atoi(m[2])
		note += fmt.Sprintf("; %d of %d files rewritten", files-kept, files)
	}
	row("showcase no-change rebuild", rebuild, note)
	if len(floorRuns) > 0 {
		row("floor (read+goldmark+write)", floorRuns, fmt.Sprintf("%d workers", runtime.GOMAXPROCS(0)))
	}
	if len(hugoRuns) > 0 {
		row(hugoVersion, hugoRuns, "")
	}
	tw.Flush()
	fmt.Fprintln(stdout)

	fw, fr := median(walls(full)), median(rsses(full))
	if len(hugoRuns) > 0 {
		hw, hr := median(walls(hugoRuns)), median(rsses(hugoRuns))
		fmt.Fprintf(stdout, "showcase/Hugo: wall %.2f (target ≤ 0.20), peak RSS %.2f (target ≤ 0.25)\n", ratio(fw, hw), ratio(fr, hr))
	} else {
		fmt.Fprintf(stdout, "Hugo not measured: it is not on PATH. Install the version the issue measured with\n  %s\n(a few minutes on 2 cores; it lands in $(go env GOPATH)/bin), then run bench again or pass --hugo PATH.\n", hugoInstall)
	}
	if len(floorRuns) > 0 {
		fmt.Fprintf(stdout, "showcase/floor: wall %.2f (target ≤ 1.5)\n", ratio(fw, median(walls(floorRuns))))
	}
	fmt.Fprintf(stdout, "no-change rebuild/full build: %.0f%% (target < 30%%)\n", 100*ratio(median(walls(rebuild)), fw))
	return exitOK
}

var (
	hugoVersionRE = regexp.MustCompile(`hugo v[0-9][^ ]*`)
	filesRE       = regexp.MustCompile(`(\d+) files, (\d+) unchanged`)
	pagesRE       = regexp.MustCompile(`built (\d+) pages`)
)

// measure is one run of a child process.
type measure struct {
	wall   time.Duration
	rss    int64 // bytes
	stdout string
}

// child runs a command, returning its wall time and peak memory.
func child(ctx context.Context, name string, args ...string) (measure, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
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
	return measure{wall: wall, rss: gen.PeakRSS(cmd.ProcessState), stdout: out.String()}, nil
}

func walls(ms []measure) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = m.wall
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
