package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/rawfile"
)

// commitInPlace applies a rebuild to the previous output: it clears the
// marker's fingerprint, removes the files this build did not write, moves
// each changed file over its old version, and records fingerprint.
func (d *Dir) commitInPlace(fingerprint string) error {
	stale, err := d.staleFiles()
	if err != nil {
		return err
	}
	if len(d.changed) == 0 && len(stale) == 0 && Fingerprint(d.final) == fingerprint {
		return nil // the same build again: touch nothing
	}
	if err := d.putFile(MarkerName, markerText("")); err != nil {
		return err
	}
	// Stale files go first: one may hold the name a changed file needs.
	if err := d.removeStale(stale); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, rel := range d.changed {
		if err := d.place(rel, made); err != nil {
			return err
		}
	}
	return d.putFile(MarkerName, markerText(fingerprint))
}

// place moves the changed file rel from tmp into the output folder,
// making its folders, and clearing a file that stands where a folder
// must go or a folder where the file must go (a page that became a
// section, or the reverse).
func (d *Dir) place(rel string, made map[string]bool) error {
	dst := filepath.Join(d.final, filepath.FromSlash(rel))
	if dir := path.Dir(rel); dir != "." && !made[dir] {
		if err := d.makeDirs(dir); err != nil {
			return err
		}
		made[dir] = true
	}
	src := filepath.Join(d.tmp, filepath.FromSlash(rel))
	if err := os.Rename(src, dst); err != nil {
		if info, statErr := os.Lstat(dst); statErr == nil && info.IsDir() {
			if err := os.RemoveAll(dst); err != nil {
				return err
			}
			return os.Rename(src, dst)
		}
		return err
	}
	return nil
}

// makeDirs makes the output's folder dir (slash path) and its parents,
// removing a file of a previous build that holds one of their names.
func (d *Dir) makeDirs(dir string) error {
	p := filepath.Join(d.final, filepath.FromSlash(dir))
	err := os.MkdirAll(p, 0o755)
	if err == nil {
		return nil
	}
	// Find the first name on the way that is not a folder.
	at := d.final
	for _, part := range strings.Split(dir, "/") {
		at = filepath.Join(at, part)
		info, statErr := os.Lstat(at)
		if statErr == nil && !info.IsDir() {
			if err := os.Remove(at); err != nil {
				return err
			}
			return os.MkdirAll(p, 0o755)
		}
	}
	return err
}

// staleFiles lists the output's files that this build did not write.
func (d *Dir) staleFiles() ([]string, error) {
	var stale []string
	err := filepath.WalkDir(d.final, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(d.final, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if _, ok := d.all[rel]; !ok && rel != MarkerName {
			stale = append(stale, p)
		}
		return nil
	})
	return stale, err
}

// removeStale removes the stale files, and the folders that leaves empty.
func (d *Dir) removeStale(stale []string) error {
	var emptied []string
	for _, p := range stale {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		emptied = append(emptied, filepath.Dir(p))
	}
	// Deepest first, so that a folder's emptied parent goes after it.
	sort.Slice(emptied, func(i, j int) bool { return len(emptied[i]) > len(emptied[j]) })
	for _, dir := range emptied {
		for dir != d.final && len(dir) > len(d.final) {
			if os.Remove(dir) != nil {
				break // not empty, or gone already
			}
			dir = filepath.Dir(dir)
		}
	}
	return nil
}

// putFile writes the output's file rel in one step: a new file beside it,
// renamed over it.
func (d *Dir) putFile(rel string, data []byte) error {
	dst := filepath.Join(d.final, filepath.FromSlash(rel))
	tmp := filepath.Join(d.tmp, ".put-"+path.Base(rel))
	if err := rawfile.Write(tmp, data); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
