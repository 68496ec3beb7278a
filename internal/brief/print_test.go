package brief_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/brief"
	"github.com/guangdong-renovation/showcase/internal/content"
)

// TestPrintProblems checks the failures that come before any browser is
// started: a pack with problems, and a slug that names no pack.
func TestPrintProblems(t *testing.T) {
	files := fixture()
	files["content/briefings/a5-visit.md"] = strings.Replace(files["content/briefings/a5-visit.md"],
		"cases: [fengshun, shaoguan, dangyang]", "cases: [fengshun, shaoguang]", 1)
	dir := writeSite(t, files)
	_, err := brief.Print(context.Background(), brief.Options{SiteDir: dir, Theme: os.DirFS(repo), Slug: "a5-visit", Browser: "/nonexistent"})
	var probs content.Problems
	if !errors.As(err, &probs) || !strings.Contains(probs.Error(), "content/briefings/a5-visit.md:7:") {
		t.Errorf("a pack naming a missing case: %v", err)
	}

	_, err = brief.Print(context.Background(), brief.Options{SiteDir: repo, Theme: os.DirFS(repo), Slug: "2023-enping", Browser: "/nonexistent"})
	var unknown *brief.UnknownPackError
	if !errors.As(err, &unknown) || len(unknown.Packs) != 1 || unknown.Packs[0] != examplePack ||
		!strings.Contains(err.Error(), `no briefing pack "2023-enping"`) || !strings.Contains(err.Error(), examplePack) {
		t.Errorf("unknown pack: %v", err)
	}
}

// TestNoBrowser checks what a machine without Chromium or Chrome is told.
func TestNoBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := brief.FindBrowser("")
	var nb *brief.NoBrowserError
	if !errors.As(err, &nb) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"chromium, google-chrome, chromium-browser, google-chrome-stable", "apt-get install chromium fonts-noto-cjk", "--chrome PATH"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	_, err = brief.Print(context.Background(), brief.Options{SiteDir: repo, Theme: os.DirFS(repo), Slug: examplePack})
	if !errors.As(err, &nb) {
		t.Errorf("Print without a browser: %v", err)
	}

	_, err = brief.FindBrowser(filepath.Join(t.TempDir(), "chrome"))
	if !errors.As(err, &nb) || !strings.Contains(err.Error(), "cannot run the browser") {
		t.Errorf("a --chrome that does not exist: %v", err)
	}

	// A browser found on PATH, under any of the names.
	bin := t.TempDir()
	fake := filepath.Join(bin, "google-chrome-stable")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	if got, err := brief.FindBrowser(""); err != nil || got != fake {
		t.Errorf("FindBrowser = %q, %v; want %s", got, err, fake)
	}
}
