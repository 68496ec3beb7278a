package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// A watcher watches the files of one site folder that a build reads. It
// is used by one goroutine.
type watcher struct {
	root string // absolute site folder
	fsw  *fsnotify.Watcher
	dirs map[string]bool // watched folders (absolute)
	// warn reports a folder that could not be watched.
	warn func(error)
}

func newWatcher(root string, warn func(error)) (*watcher, error) {
	fsw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, fmt.Errorf("cannot watch %s: %w", root, err)
	}
	w := &watcher{root: root, fsw: fsw, dirs: map[string]bool{}, warn: warn}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("cannot watch %s: %w", root, err)
	}
	// The folders a build reads, with everything below them; site.yaml
	// is watched through the site folder.
	for _, d := range []string{"content", "templates", "static"} {
		w.addTree(filepath.Join(root, d), nil)
	}
	return w, nil
}

func (w *watcher) close() error { return w.fsw.Close() }

// rel returns the site-relative slash path of the absolute file name, and
// whether a build reads it: site.yaml, or a file under content/,
// templates/ or static/ that is not an editor's scratch file.
func (w *watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	r = filepath.ToSlash(r)
	parts := strings.Split(r, "/")
	for _, p := range parts {
		if isNoise(p) {
			return "", false
		}
	}
	switch parts[0] {
	case "content", "templates", "static":
		return r, true
	case "site.yaml":
		return r, len(parts) == 1
	}
	return "", false
}

// A batch is what one rebuild covers: the changes seen since the last.
type batch struct {
	changed map[string]bool // site files and folders (slash paths)
	gone    map[string]bool // paths removed or moved away
	added   map[string]bool // paths made or moved in
	lost    bool            // events were lost: read every file again
	first   time.Time       // when the first change was seen
}

func newBatch() *batch {
	return &batch{changed: map[string]bool{}, gone: map[string]bool{}, added: map[string]bool{}}
}

// prune drops the files that came and went within the batch, such as
// the temporary file of a save that writes one and renames it over the
// original: they are no part of the site before or after.
func (b *batch) prune(root string) {
	for rel := range b.added {
		if !b.gone[rel] {
			continue
		}
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
			delete(b.changed, rel)
			delete(b.added, rel)
			delete(b.gone, rel)
		}
	}
}

// list returns the changed paths, sorted, or nil when every file must be
// read again.
func (b *batch) list() []string {
	if b.lost {
		return nil
	}
	out := make([]string, 0, len(b.changed))
	for rel := range b.changed {
		out = append(out, rel)
	}
	sort.Strings(out)
	return out
}

// merge adds the changes of an earlier batch whose build was cancelled.
func (b *batch) merge(old *batch) {
	for rel := range old.changed {
		b.changed[rel] = true
	}
	for rel := range old.gone {
		b.gone[rel] = true
	}
	for rel := range old.added {
		b.added[rel] = true
	}
	b.lost = b.lost || old.lost
	if b.first.IsZero() {
		b.first = old.first
	}
}

// moved reports whether a content file or folder went away and another
// came in the same batch: a rename. The Builder's page keys miss a case
// that moves without a change to its bytes (lists keep its old address),
// so such a batch is rendered by a new Builder, in full.
func (b *batch) moved() bool {
	went, came := false, false
	for g := range b.gone {
		went = went || strings.HasPrefix(g, "content/") && !b.added[g]
	}
	for a := range b.added {
		came = came || strings.HasPrefix(a, "content/") && !b.gone[a]
	}
	return went && came
}

// handle applies one event: it watches new folders, forgets removed ones,
// and adds what the event concerns to the batch. It reports whether the
// event concerns the build at all.
func (w *watcher) handle(ev fsnotify.Event, b *batch) bool {
	rel, ok := w.rel(ev.Name)
	if !ok || ev.Op&(fsnotify.Create|fsnotify.Write|fsnotify.Remove|fsnotify.Rename) == 0 {
		return false // Chmod alone changes nothing a build reads
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A folder moved elsewhere keeps its watches under the old
		// names; drop them. Its files vanish from the next load's walk.
		w.forget(ev.Name)
		b.gone[rel] = true
	}
	b.changed[rel] = true
	if ev.Has(fsnotify.Create) {
		b.added[rel] = true
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			// Files may have been made in it before the watch was
			// added: list them all.
			w.addTree(ev.Name, b)
		}
	}
	return true
}

// addTree watches dir and every folder below it (not following symbolic
// links). When b is not nil, the files found are added to it.
func (w *watcher) addTree(dir string, b *batch) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.warn(err)
			}
			return nil
		}
		if p != dir && isNoise(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if rel, ok := w.rel(p); ok && b != nil {
				b.changed[rel] = true
				b.added[rel] = true
			}
			return nil
		}
		if w.dirs[p] {
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.warn(fmt.Errorf("cannot watch %s: %w (on Linux, raise fs.inotify.max_user_watches)", p, err))
			}
			return fs.SkipDir
		}
		w.dirs[p] = true
		return nil
	})
}

// forget stops watching dir and every folder below it, if they were
// watched.
func (w *watcher) forget(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			_ = w.fsw.Remove(d) // the kernel may have dropped it already
			delete(w.dirs, d)
		}
	}
}

// isNoise reports whether a file name is an editor's or the system's
// scratch file, whose changes do not concern the site: dot-files
// (including Emacs' .#locks and Vim's .swp files), ~ backups, Emacs'
// #autosaves#, swap and temporary files, JetBrains' safe-write files and
// Vim's 4913 probe.
func isNoise(name string) bool {
	switch {
	case name == "", name == "4913":
		return true
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"), strings.HasSuffix(name, "~"):
		return true
	case strings.Contains(name, "___jb_"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".swpx", ".tmp":
		return true
	}
	return false
}
