package a11y

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestScreenshots saves full-page screenshots of the case pages at 375 px,
// in the default, elder-friendly and dark modes, into the folder named by
// the environment variable A11Y_SHOTS, for a person to look at. With
// A11Y_SHOTS_ALL=1 it saves every page of targets. It is skipped without
// A11Y_SHOTS.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("A11Y_SHOTS")
	if dir == "" {
		t.Skip("set A11Y_SHOTS to a folder to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	e := setup(t)
	shots := []target{caseTarget, fixtureCase}
	if os.Getenv("A11Y_SHOTS_ALL") != "" {
		shots = targets
	}
	// The case pages printed, as PDF.
	if err := e.setMode(mode{width: 1024}); err != nil {
		t.Fatal(err)
	}
	for _, tg := range []target{caseTarget, fixtureCase} {
		if err := e.open(tg, false); err != nil {
			t.Fatal(err)
		}
		var pdf []byte
		err := run(e.ctx, time.Minute, chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).Do(ctx)
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, tg.name+"-print.pdf")
		if err := os.WriteFile(p, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log(p)
	}
	for _, m := range []mode{
		{name: "normal", width: 375, mobile: true},
		{name: "elder", width: 375, mobile: true, elder: true},
		{name: "dark", width: 375, mobile: true, dark: true},
		{name: "elder-dark", width: 375, mobile: true, elder: true, dark: true},
		{name: "desktop", width: 1280},
		{name: "desktop-elder", width: 1280, elder: true},
	} {
		if err := e.setMode(m); err != nil {
			t.Fatal(err)
		}
		for _, tg := range shots {
			if err := e.open(tg, m.elder); err != nil {
				t.Fatal(err)
			}
			// Lazy images below the fold would not be in the picture.
			var ok bool
			if err := eval(e.ctx, `Promise.all(Array.from(document.images).map(function (i) {
	i.loading = 'eager';
	return i.complete ? 0 : new Promise(function (r) { i.onload = i.onerror = r; });
})).then(function () { return true; })`, &ok); err != nil {
				t.Fatal(err)
			}
			var png []byte
			if err := run(e.ctx, time.Minute, chromedp.FullScreenshot(&png, 100)); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", tg.name, m.width, m.name))
			if err := os.WriteFile(p, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Log(p)
		}
	}
}
