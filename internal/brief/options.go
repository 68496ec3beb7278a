package brief

import (
	"io/fs"
	"time"
)

// DefaultTimeout bounds the printing of one pack, browser start included,
// when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// Options say which pack of which site to print, and with what.
type Options struct {
	SiteDir string // the site folder
	Theme   fs.FS  // the built-in theme: a tree with templates/ and static/
	Slug    string // the pack: content/briefings/SLUG.md
	Drafts  bool   // build drafts too, so that a draft pack can be printed
	// Browser is the Chromium or Chrome program to run; when empty,
	// FindBrowser looks for one on PATH.
	Browser string
	Timeout time.Duration // DefaultTimeout when zero
}
