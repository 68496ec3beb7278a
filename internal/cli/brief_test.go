package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/brief"
)

// TestBriefUsage checks the answers that need no browser: a missing or
// unknown slug, and a machine without Chromium.
func TestBriefUsage(t *testing.T) {
	code, _, errOut := run(t, "brief", "-s", "../..")
	if code != exitUsage || !strings.Contains(errOut, "which briefing pack?") || !strings.Contains(errOut, "Usage: showcase brief") {
		t.Errorf("no slug: code %d, output:\n%s", code, errOut)
	}
	code, _, errOut = run(t, "brief", "a", "b", "-s", "../..")
	if code != exitUsage || !strings.Contains(errOut, "one briefing pack at a time") {
		t.Errorf("two slugs: code %d, output:\n%s", code, errOut)
	}
	code, _, errOut = run(t, "brief", "2023-enping", "--pdf", filepath.Join(t.TempDir(), "x.pdf"), "-s", "../..")
	if code != exitProblems || !strings.Contains(errOut, `no briefing pack "2023-enping"`) || !strings.Contains(errOut, "2023-enping-site-visit") {
		t.Errorf("unknown slug: code %d, output:\n%s", code, errOut)
	}

	t.Setenv("PATH", t.TempDir())
	out := filepath.Join(t.TempDir(), "x.pdf")
	code, _, errOut = run(t, "brief", "2023-enping-site-visit", "--pdf", out, "-s", "../..")
	if code != exitUsage || !strings.Contains(errOut, "no Chromium or Google Chrome found") || !strings.Contains(errOut, "apt-get install chromium fonts-noto-cjk") {
		t.Errorf("no browser: code %d, output:\n%s", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a PDF was written without a browser (%v)", err)
	}
}

// TestBrief prints the example pack with the command, flags after the
// slug, and checks what it says. The internal/brief tests check the PDF
// itself.
func TestBrief(t *testing.T) {
	if _, err := brief.FindBrowser(""); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("prints with a real browser; skipped with -short")
	}
	out := filepath.Join(t.TempDir(), "brief.pdf")
	code, stdout, errOut := run(t, "brief", "2023-enping-site-visit", "--pdf", out, "-s", "../..")
	if code != exitOK {
		t.Fatalf("code %d, output:\n%s%s", code, stdout, errOut)
	}
	m := regexp.MustCompile(`^wrote (.+): (\d+) pages, (\d+) kB\n$`).FindStringSubmatch(stdout)
	if m == nil || m[1] != out {
		t.Fatalf("output %q", stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("%s is not a PDF (%v)", out, err)
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		info, _ := exec.Command(pdfinfo, out).Output()
		if !regexp.MustCompile(`Pages:\s+` + m[2] + `\n`).Match(info) {
			t.Errorf("said %s pages; pdfinfo:\n%s", m[2], info)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the output folder holds %d files, want only the PDF", len(entries))
	}
}
