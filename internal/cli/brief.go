package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/guangdong-renovation/showcase"
	"github.com/guangdong-renovation/showcase/internal/brief"
)

// runBrief prints a briefing pack to PDF: brief SLUG --pdf FILE.
func runBrief(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("brief", "brief SLUG [--pdf FILE] [-s SITE] [--chrome PATH] [--drafts] [--timeout 2m]", stderr)
	pdf := fs.String("pdf", "", "PDF file to write (default SLUG.pdf)")
	siteDir := fs.String("s", ".", "site folder")
	chrome := fs.String("chrome", "", "Chromium or Chrome program (default: chromium, google-chrome, chromium-browser or google-chrome-stable on PATH)")
	drafts := fs.Bool("drafts", false, "build drafts too, to print a draft pack")
	timeout := fs.Duration("timeout", brief.DefaultTimeout, "give up printing after this long")
	// The slug may come before or after the flags.
	var slugs []string
	for {
		if code := parse(fs, args); code >= 0 {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		slugs = append(slugs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(slugs) != 1 {
		if len(slugs) == 0 {
			fmt.Fprintln(stderr, "showcase brief: which briefing pack? give its SLUG (content/briefings/SLUG.md)")
		} else {
			fmt.Fprintf(stderr, "showcase brief: one briefing pack at a time, not %s\n", strings.Join(slugs, " "))
		}
		fs.Usage()
		return exitUsage
	}
	slug := slugs[0]
	if *pdf == "" {
		*pdf = slug + ".pdf"
	}

	res, err := brief.Print(ctx, brief.Options{SiteDir: *siteDir, Theme: showcase.Theme, Slug: slug, Drafts: *drafts, Browser: *chrome, Timeout: *timeout})
	var unknown *brief.UnknownPackError
	var noBrowser *brief.NoBrowserError
	switch {
	case errors.As(err, &unknown):
		fmt.Fprintf(stderr, "showcase brief: %v\n", err)
		return exitProblems
	case errors.As(err, &noBrowser):
		fmt.Fprintf(stderr, "showcase brief: %v\n", err)
		return exitUsage
	case err != nil:
		return report(stderr, err)
	}
	if err := writeFileAtomic(*pdf, res.PDF); err != nil {
		fmt.Fprintf(stderr, "showcase brief: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s: %d %s, %s\n", *pdf, res.Pages, plural(res.Pages, "page", "pages"), kilobytes(len(res.PDF)))
	return exitOK
}

// writeFileAtomic writes data to a new file beside name and renames it to
// name, so that name is never half written.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// kilobytes formats a size as "412 kB" (1 kB = 1000 bytes).
func kilobytes(n int) string {
	if n < 1000 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%d kB", (n+500)/1000)
}
