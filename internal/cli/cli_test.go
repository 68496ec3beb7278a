package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// copySite copies the example site (this repository's content and
// site.yaml) into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, root := range []string{"content", "site.yaml"} {
		src := filepath.Join("../..", root)
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel("../..", p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestHelp(t *testing.T) {
	code, out, _ := run(t, "help")
	if code != 0 || !strings.Contains(out, "build") || !strings.Contains(out, "check") || !strings.Contains(out, "new") {
		t.Errorf("help: code %d, output:\n%s", code, out)
	}
	for _, cmd := range []string{"build", "check", "new"} {
		code, _, errOut := run(t, cmd, "-h")
		if code != 0 || !strings.Contains(errOut, "Usage: showcase "+cmd) {
			t.Errorf("%s -h: code %d, output:\n%s", cmd, code, errOut)
		}
	}
	if code, _, _ := run(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: code %d, want 2", code)
	}
}

func TestBuildAndCheckExample(t *testing.T) {
	site := copySite(t)
	code, out, errOut := run(t, "check", "-s", site)
	if code != 0 || !strings.Contains(out, "no problems") {
		t.Fatalf("check: code %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = run(t, "build", "-s", site)
	if code != 0 || !strings.Contains(out, "case 1") {
		t.Fatalf("build: code %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(site, "public", "cases", "enping", "index.html")); err != nil {
		t.Fatal(err)
	}
}

// TestCheckBrokenSite breaks several files of a copy of the example site
// and expects every problem, with its position, and exit status 1.
func TestCheckBrokenSite(t *testing.T) {
	site := copySite(t)
	edit := func(rel, old, new string) {
		p := filepath.Join(site, rel)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s has no %q", rel, old)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("content/cases/enping.md", "status: under-construction", "stauts: under-construction")
	edit("content/cases/enping.md", "date: 2023-10-19", "date: 2023-13-45")
	edit("content/briefings/2023-enping-site-visit.md", "  - enping", "  - enpin")
	code, _, errOut := run(t, "check", "-s", site)
	if code != 1 {
		t.Errorf("check: code %d, want 1", code)
	}
	for _, want := range []string{
		"content/cases/enping.md:4:7: date: \"2023-13-45\" is not a valid date",
		"unknown field stauts: did you mean status?",

		"content/briefings/2023-enping-site-visit.md:",
		"case \"enpin\" does not exist",
		"problems",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("check output lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
		t.Errorf("check printed a stack trace:\n%s", errOut)
	}
}

func TestNewCasePassesCheck(t *testing.T) {
	site := copySite(t)
	code, out, errOut := run(t, "new", "case", "test-case", "-s", site)
	if code != 0 {
		t.Fatalf("new: code %d\n%s%s", code, out, errOut)
	}
	b, err := os.ReadFile(filepath.Join(site, "content/cases/test-case.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"title:", "date:", "city:", "status:", "# figures:", "investment_cny", "# sources:", "# gallery:", "funding", "location", "scope", "contact"} {
		if !bytes.Contains(b, []byte(field)) {
			t.Errorf("skeleton lacks %q", field)
		}
	}
	// The skeleton is a draft: check it as a published page too.
	if code, out, errOut := run(t, "check", "--drafts", "-s", site); code != 0 {
		t.Fatalf("check of the new case: code %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := run(t, "new", "case", "test-case", "-s", site); code != 2 {
		t.Errorf("new over an existing case: code %d, want 2", code)
	}
	if code, _, _ := run(t, "new", "case", "Bad Slug", "-s", site); code != 2 {
		t.Errorf("new with a bad slug: code %d, want 2", code)
	}
}

func TestBuildRefusesSiteFolderAsOutput(t *testing.T) {
	site := copySite(t)
	for _, out := range []string{site, filepath.Dir(site), filepath.Join(site, "content", "x"), filepath.Join(site, "static")} {
		code, _, errOut := run(t, "build", "-s", site, "-o", out)
		if code == 0 {
			t.Errorf("build -o %s succeeded; it must refuse", out)
		}
		if !strings.Contains(errOut, "output folder") {
			t.Errorf("build -o %s: %s", out, errOut)
		}
	}
}

// -cpuprofile and -heapprofile write profiles that go tool pprof reads
// (gzip-compressed protocol buffers), and the build itself still
// succeeds; a profile that cannot be written stops -cpuprofile before
// the build starts.
func TestBuildProfiles(t *testing.T) {
	for _, flag := range []string{"-cpuprofile", "-heapprofile"} {
		t.Run(flag, func(t *testing.T) {
			site := copySite(t)
			prof := filepath.Join(t.TempDir(), "prof.pb.gz")
			code, out, errOut := run(t, "build", "-s", site, flag, prof)
			if code != 0 || !strings.Contains(out, "case 1") {
				t.Fatalf("build %s: code %d\n%s%s", flag, code, out, errOut)
			}
			b, err := os.ReadFile(prof)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) < 100 || b[0] != 0x1f || b[1] != 0x8b {
				t.Errorf("profile of %d bytes does not start as gzip: % x", len(b), b[:min(len(b), 4)])
			}
		})
	}
	site := copySite(t)
	code, out, errOut := run(t, "build", "-s", site, "-cpuprofile", filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.pb.gz"))
	if code != 2 || !strings.Contains(errOut, "-cpuprofile") || strings.Contains(out, "built") {
		t.Errorf("unwritable -cpuprofile: code %d, want 2 and no build\n%s%s", code, out, errOut)
	}
}

// TestBuildVerboseStages: build -v names every stage, in the order they
// run, each with its time, and the CPU time where the system gives it.
func TestBuildVerboseStages(t *testing.T) {
	site := copySite(t)
	code, out, errOut := run(t, "build", "-s", site, "-v")
	if code != 0 {
		t.Fatalf("build -v: code %d\n%s%s", code, out, errOut)
	}
	at := 0
	for _, stage := range []string{"fingerprint", "load", "assemble", "search index", "plan", "render and write", "check links", "commit"} {
		i := strings.Index(out[at:], "\n  "+stage+" ")
		if i < 0 {
			t.Fatalf("stage %q missing or out of order in:\n%s", stage, out)
		}
		at += i + 1
	}
	if runtime.GOOS == "linux" && !strings.Contains(out, "  CPU ") {
		t.Errorf("no stage shows its CPU time:\n%s", out)
	}
}
