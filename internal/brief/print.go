package brief

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/site"
)

// Print builds the site of opts into memory and prints the briefing pack
// opts.Slug to PDF with a headless browser. See the package documentation
// for the steps and the errors.
func Print(ctx context.Context, opts Options) (*Result, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	mem := site.NewMemory()
	if _, err := site.Build(ctx, site.Options{SiteDir: opts.SiteDir, Theme: opts.Theme, Drafts: opts.Drafts, Memory: mem}); err != nil {
		return nil, err
	}
	rel := "briefings/" + opts.Slug + "/index.html"
	pageHTML, ok := mem.Get(rel)
	if !ok || opts.Slug == "" || strings.Contains(opts.Slug, "/") {
		return nil, &UnknownPackError{Slug: opts.Slug, Packs: Packs(mem)}
	}
	browser, err := FindBrowser(opts.Browser)
	if err != nil {
		return nil, err
	}
	base := basePath(pageHTML, opts.Slug)
	srv, err := serve(mem, base)
	if err != nil {
		return nil, err
	}
	defer srv.close()

	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	url := srv.url(base + "briefings/" + opts.Slug + "/")
	pdf, err := printPage(ctx, browser, url)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("printing briefing pack %s took longer than %s: %w", opts.Slug, opts.Timeout, err)
		}
		return nil, fmt.Errorf("briefing pack %s: %w", opts.Slug, err)
	}
	return &Result{PDF: pdf, Pages: CountPages(pdf), URL: url}, nil
}
