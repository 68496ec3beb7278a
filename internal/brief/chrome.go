package brief

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// fontsReady waits for the page's fonts, so that the PDF has the page's
// own glyphs. (The running footer's title comes from the page itself: its
// root element sets --brief-title, which brief.css's @page boxes show.)
const fontsReady = `document.fonts.ready.then(() => true)`

// printPage opens url in a new headless browser and prints it to PDF with
// the page's CSS page size and margins.
func printPage(ctx context.Context, browser, url string) ([]byte, error) {
	profile, err := os.MkdirTemp("", "showcase-brief-chrome-")
	if err != nil {
		return nil, fmt.Errorf("browser profile folder: %w", err)
	}
	defer removeProfile(profile)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		// Containers often have a /dev/shm too small for a renderer.
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	// Cancelling the allocator ends the browser and waits for it, so that
	// the profile folder can go.
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	var ready bool
	var pdf []byte
	err = chromedp.Run(tabCtx,
		chromedp.Navigate(url), // returns once the page has loaded
		chromedp.Evaluate(fontsReady, &ready, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().
				WithPreferCSSPageSize(true).
				WithPrintBackground(true).
				WithGenerateDocumentOutline(true).
				WithGenerateTaggedPDF(true).
				Do(ctx)
			return err
		}),
	)
	if err != nil {
		return nil, fmt.Errorf("printing %s with %s: %w", url, browser, err)
	}
	return pdf, nil
}

// removeProfile removes the browser's profile folder. Chromium's helper
// processes may still write into it for a moment after the browser has
// exited, so removal is tried again for up to two seconds.
func removeProfile(dir string) {
	for range 20 {
		if err := os.RemoveAll(dir); err == nil {
			if _, err := os.Stat(dir); os.IsNotExist(err) {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
}
