package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/guangdong-renovation/showcase"
	"github.com/guangdong-renovation/showcase/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [-s SITE] [-o OUT] [--drafts] [--base-url URL] [--force] [-v] [-cpuprofile FILE] [-heapprofile FILE]", stderr)
	siteDir := fs.String("s", ".", "site folder")
	out := fs.String("o", "", "output folder (default SITE/public)")
	drafts := fs.Bool("drafts", false, "publish drafts too")
	baseURL := fs.String("base-url", "", "absolute URL the site is served from (overrides site.yaml base_url)")
	force := fs.Bool("force", false, "build even when nothing changed since the last build into OUT")
	verbose := fs.Bool("v", false, "print how long each stage of the build took")
	heapProfile := fs.String("heapprofile", "", "write to `FILE` a heap profile of what is live just before the search index is built, near the build's memory peak (go tool pprof reads it)")
	cpuProfile := fs.String("cpuprofile", "", "write to `FILE` a CPU profile of the whole build (go tool pprof reads it)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "showcase build: -cpuprofile: %v\n", err)
			return exitUsage
		}
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintf(stderr, "showcase build: -cpuprofile: %v\n", err)
			}
		}()
	}
	opts := site.Options{SiteDir: *siteDir, Theme: showcase.Theme, Out: *out, Drafts: *drafts, BaseURL: *baseURL, Force: *force, LimitMemory: true}
	var profErr error
	if *heapProfile != "" {
		opts.Planned = func() { profErr = writeHeapProfile(*heapProfile) }
	}
	res, err := site.Build(ctx, opts)
	if profErr != nil {
		fmt.Fprintf(stderr, "showcase build: -heapprofile: %v\n", profErr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "build failed; the previous output is unchanged.")
		return report(stderr, err)
	}
	if res.UpToDate {
		fmt.Fprintf(stdout, "%s is up to date: nothing changed since the last build (%s; --force builds anyway)\n", res.Out, res.Duration.Round(time.Millisecond))
		return exitOK
	}
	report(stderr, res.Warnings)
	fmt.Fprintf(stdout, "built %s into %s in %s: %d files, %d unchanged\n",
		summary(res.Pages), res.Out, res.Duration.Round(time.Millisecond), res.Files, res.Kept)
	if *verbose {
		for _, st := range res.Stages {
			fmt.Fprintf(stdout, "  %-17s %8s", st.Name, st.Duration.Round(time.Millisecond))
			if st.CPU > 0 {
				fmt.Fprintf(stdout, "  CPU %s", st.CPU.Round(time.Millisecond))
			}
			fmt.Fprintln(stdout)
		}
	}
	return exitOK
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [-s SITE] [--drafts] [--links] [--external [--timeout 10s]]", stderr)
	siteDir := fs.String("s", ".", "site folder")
	drafts := fs.Bool("drafts", false, "check drafts as published pages")
	fs.Bool("links", true, "check that every internal link, image and #anchor resolves (always on; every build does it too)")
	external := fs.Bool("external", false, "also check links to other sites (reported as warnings)")
	timeout := fs.Duration("timeout", 10*time.Second, "with --external: how long to wait for each site")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	res, err := site.Build(ctx, site.Options{SiteDir: *siteDir, Theme: showcase.Theme, Drafts: *drafts, DryRun: true,
		ExternalLinks: *external, ExternalTimeout: *timeout})
	if err != nil {
		return report(stderr, err)
	}
	report(stderr, res.Warnings)
	fmt.Fprintf(stdout, "ok: %s, no problems\n", summary(res.Pages))
	return exitOK
}

// startCPUProfile starts profiling the CPU into name; stop ends the
// profile and closes the file.
func startCPUProfile(name string) (stop func() error, err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// writeHeapProfile writes a heap profile of what is live now to name.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC() // the profile shows the heap as of the last collection
	return errors.Join(pprof.WriteHeapProfile(f), f.Close())
}
