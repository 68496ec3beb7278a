package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/guangdong-renovation/showcase/internal/gen"
)

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("gen", "gen -n CASES -o DIR [-seed N] [--hugo]", stderr)
	n := fs.Int("n", 1000, "number of case studies")
	out := fs.String("o", "", "folder to write the site into (must not exist or be empty)")
	seed := fs.Int64("seed", 1, "random seed: the same seed writes the same files")
	hugo := fs.Bool("hugo", false, "write the Hugo form of the same cases (hugo.yaml, layouts/, static/ and content/cases/)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase gen: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "showcase gen: -o DIR is required")
		return exitUsage
	}
	if *n < 0 {
		fmt.Fprintln(stderr, "showcase gen: -n must not be negative")
		return exitUsage
	}
	start := time.Now()
	st, err := gen.Write(*out, gen.Options{Cases: *n, Seed: *seed, Hugo: *hugo})
	if err != nil {
		fmt.Fprintf(stderr, "showcase gen: %v\n", err)
		return exitUsage
	}
	form := "showcase"
	if *hugo {
		form = "Hugo"
	}
	fmt.Fprintf(stdout, "wrote a %s site of %d cases (%d drafts, %d bundles with images, %d briefing packs) into %s: %d files, %.1f MB in %s\n",
		form, st.Cases, st.Drafts, st.Bundles, st.Briefings, *out, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
	return exitOK
}
