// Package output writes a build beside the output folder and changes the
// output folder only when the whole build succeeded.
//
// A first build is written into a fresh folder that then takes the output
// folder's name. A rebuild writes only the files whose bytes changed,
// beside the output; when it succeeds (Commit), each of them replaces its
// old version in one rename, so no reader ever sees half a file, and the
// files of pages that are gone are removed. Files whose bytes did not
// change are not touched at all: they keep their modification times, so a
// deploy that compares times uploads only what changed, and a rebuild
// after a one-page edit moves a handful of files instead of rewriting, or
// linking, and deleting thousands.
//
// A failed build (Abort) leaves the previous output exactly as it was.
// While a rebuild's Commit runs, the marker file records no fingerprint, so
// should the process die half-way the next build redoes everything.
//
// The folder is marked with a small file, MarkerName, so that the
// generator never replaces a folder it did not create.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/guangdong-renovation/showcase/internal/rawfile"
)

// MarkerName is the file that marks a folder as showcase's output.
const MarkerName = ".showcase-output"

// Dir is an output folder being written.
type Dir struct {
	final string // the output folder
	tmp   string // where this build writes
	prev  string // final, when it holds a previous build to compare with
	files atomic.Int64
	bytes atomic.Int64
	kept  atomic.Int64
	// dirs holds the folders of tmp made so far: a site of 10,000 cases
	// has as many folders, and asking the disk again for each file's
	// parents costs more than writing the file.
	dirs sync.Map
	// creating[i] is held while a file or folder is created in a parent
	// folder whose name hashes to i. Creating an entry holds the parent's
	// lock in the kernel, and ext4 without a journal holds it while it
	// searches for a free inode that was not deleted in the last minutes,
	// which after a large delete takes long: the kernel made the other
	// workers creating in the same folder (cases/, search/f/) spin for it,
	// 5% of a 10,000-case build's CPU. A worker waiting here instead is
	// parked, and its core renders the next page.
	creating [64]sync.Mutex
	// A rebuild's files (slash paths): changed holds those written to tmp,
	// all those of this build, written or unchanged.
	mu      sync.Mutex
	changed []string
	all     map[string]struct{}
}

// Begin starts writing a build that will replace out. It refuses an out
// that exists and is not a previous output of showcase.
func Begin(out string) (*Dir, error) {
	out = filepath.Clean(out)
	d := &Dir{final: out}
	info, err := os.Stat(out)
	switch {
	case err == nil && !info.IsDir():
		return nil, fmt.Errorf("%s: exists and is not a folder", out)
	case err == nil:
		entries, err := os.ReadDir(out)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", out, err)
		}
		if len(entries) > 0 {
			if _, err := os.Stat(filepath.Join(out, MarkerName)); err != nil {
				return nil, fmt.Errorf("%s: folder exists and was not written by showcase (no %s file in it); choose another output folder or empty it", out, MarkerName)
			}
			d.prev = out
			d.all = map[string]struct{}{}
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	d.tmp = filepath.Clean(tmp) // MkdirTemp joins without cleaning: "./.public.tmp-1"
	return d, nil
}

// Path returns the final output folder.
func (d *Dir) Path() string { return d.final }

// Stats returns the number of files and bytes written, and how many files
// were unchanged from the previous build.
func (d *Dir) Stats() (files, bytes, kept int64) {
	return d.files.Load(), d.bytes.Load(), d.kept.Load()
}

// clean checks a slash-separated relative path and returns it as a path
// inside the temporary folder.
func (d *Dir) clean(rel string) (string, error) {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") || !fs.ValidPath(rel) {
		return "", fmt.Errorf("output path %q is not a clean relative path", rel)
	}
	return filepath.Join(d.tmp, filepath.FromSlash(rel)), nil
}

// WriteFile writes one output file. It is safe for concurrent use.
func (d *Dir) WriteFile(rel string, data []byte) error {
	kept, err := d.write(rel, data)
	if err != nil {
		return err
	}
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	if kept {
		d.kept.Add(1)
	}
	return nil
}

// write writes a file, unless a previous build wrote the same bytes, and
// says which it did.
func (d *Dir) write(rel string, data []byte) (kept bool, err error) {
	dst, err := d.clean(rel)
	if err != nil {
		return false, err
	}
	if d.prev != "" {
		kept = same(filepath.Join(d.prev, filepath.FromSlash(rel)), data)
		d.mu.Lock()
		d.all[rel] = struct{}{}
		if !kept {
			d.changed = append(d.changed, rel)
		}
		d.mu.Unlock()
		if kept {
			return true, nil
		}
	}
	parent := filepath.Dir(dst)
	if err := d.mkdir(parent); err != nil {
		return false, err
	}
	mu := d.creatingIn(parent)
	mu.Lock()
	defer mu.Unlock()
	return false, rawfile.Write(dst, data)
}

// creatingIn returns the lock for creating entries in the folder dir.
func (d *Dir) creatingIn(dir string) *sync.Mutex {
	h := uint32(2166136261)
	for i := 0; i < len(dir); i++ {
		h = (h ^ uint32(dir[i])) * 16777619
	}
	return &d.creating[h%uint32(len(d.creating))]
}

// mkdir makes the folder dir of tmp and its parents, once each.
func (d *Dir) mkdir(dir string) error {
	if dir == d.tmp || len(dir) <= len(d.tmp) {
		return nil // tmp itself, or (never for a clean path) outside it
	}
	if _, done := d.dirs.Load(dir); done {
		return nil
	}
	parent := filepath.Dir(dir)
	if err := d.mkdir(parent); err != nil {
		return err
	}
	mu := d.creatingIn(parent)
	mu.Lock()
	err := os.Mkdir(dir, 0o755)
	mu.Unlock()
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.Store(dir, struct{}{})
	return nil
}

// same reports whether the file at name holds exactly data: a rebuild
// compares every file it renders with the previous build's.
func same(name string, data []byte) bool {
	old, size, ok, err := rawfile.Read(name, int64(len(data)))
	return ok && err == nil && size == int64(len(data)) && bytes.Equal(old, data)
}

// CopyFile copies name from fsys to rel.
func (d *Dir) CopyFile(rel string, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	return d.WriteFile(rel, data)
}

// Abort removes everything this build wrote; the previous output is
// untouched.
func (d *Dir) Abort() error {
	if d.tmp == "" {
		return nil
	}
	err := os.RemoveAll(d.tmp)
	d.tmp = ""
	return err
}

// markerText is the marker file's content: a note for people, then the
// build's fingerprint.
func markerText(fingerprint string) []byte {
	return []byte("This folder is written by showcase build and replaced on every build.\nfingerprint: " + fingerprint + "\n")
}

// Fingerprint returns the fingerprint the previous build into out
// recorded, or "".
func Fingerprint(out string) string {
	b, err := os.ReadFile(filepath.Join(out, MarkerName))
	if err != nil {
		return ""
	}
	_, fp, ok := strings.Cut(string(b), "fingerprint: ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(fp)
}

// Commit makes this build the output folder, recording fingerprint (see
// Fingerprint) in its marker file.
func (d *Dir) Commit(fingerprint string) error {
	if d.tmp == "" {
		return errors.New("output: build already finished")
	}
	if d.prev != "" {
		err := d.commitInPlace(fingerprint)
		if rmErr := os.RemoveAll(d.tmp); err == nil {
			err = rmErr
		}
		d.tmp = ""
		return err
	}
	if _, err := d.write(MarkerName, markerText(fingerprint)); err != nil {
		d.Abort()
		return err
	}
	if err := swap(d.tmp, d.final); err != nil {
		d.Abort()
		return err
	}
	d.tmp = ""
	return nil
}

// swap moves the folder tmp to final, which is missing or an empty folder
// (Begin takes any other as a previous build to update in place).
func swap(tmp, final string) error {
	if err := os.Remove(final); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(tmp, final)
}
