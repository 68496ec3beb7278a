package brief

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// browserNames returns the programs FindBrowser looks for on PATH, in
// order.
func browserNames() []string {
	return []string{"chromium", "google-chrome", "chromium-browser", "google-chrome-stable"}
}

// NoBrowserError says that no Chromium or Chrome could be found.
type NoBrowserError struct {
	Explicit string   // the program asked for, when one was
	Looked   []string // the names looked for on PATH otherwise
	Err      error    // why Explicit cannot be run
}

func (e *NoBrowserError) Error() string {
	const install = "install Chromium (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk) or Google Chrome"
	if e.Explicit != "" {
		return fmt.Sprintf("cannot run the browser %s: %v; %s, or name another with --chrome PATH", e.Explicit, e.Err, install)
	}
	return fmt.Sprintf("no Chromium or Google Chrome found: none of %s is on PATH; %s, or name the program with --chrome PATH",
		strings.Join(e.Looked, ", "), install)
}

func (e *NoBrowserError) Unwrap() error { return e.Err }

// FindBrowser returns the browser program to run: explicit when it is
// given (a path, or a name on PATH), else the first of chromium,
// google-chrome, chromium-browser and google-chrome-stable on PATH.
func FindBrowser(explicit string) (string, error) {
	if explicit != "" {
		p, err := exec.LookPath(explicit)
		if err != nil {
			return "", &NoBrowserError{Explicit: explicit, Err: err}
		}
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			return "", &NoBrowserError{Explicit: explicit, Err: fmt.Errorf("not a program")}
		}
		return p, nil
	}
	names := browserNames()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", &NoBrowserError{Looked: names}
}
