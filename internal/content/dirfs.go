package content

import (
	"io/fs"
	"math"
	"os"

	"github.com/guangdong-renovation/showcase/internal/rawfile"
)

// DirFS returns the file system of the folder dir, as os.DirFS(dir) does,
// from which the loader reads content files with fewer system calls (see
// package rawfile).
func DirFS(dir string) fs.FS { return dirFS{fsys: os.DirFS(dir), dir: dir} }

// dirFS forwards every interface os.DirFS implements, so that fs.ReadDir,
// fs.Stat, fs.ReadLink and the rest take their direct paths.
type dirFS struct {
	fsys fs.FS
	dir  string
}

func (d dirFS) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// ReadFile reads as the loader does: images and static files are copied
// with it.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if data, _, ok, err := d.readLimited(nil, name, math.MaxInt64-1); ok {
		return data, err
	}
	return fs.ReadFile(d.fsys, name)
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

func (d dirFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.fsys, name) }

func (d dirFS) ReadLink(name string) (string, error) { return fs.ReadLink(d.fsys, name) }

// readLimited is readLimited for a dirFS, into buf when it has room (see
// rawfile.ReadInto). ok is false when the file is
// not a regular one, or cannot be opened: the caller then reads it the
// general way, which reports what is wrong with it.
func (d dirFS) readLimited(buf []byte, name string, limit int64) (data []byte, size int64, ok bool, err error) {
	if !fs.ValidPath(name) {
		return nil, 0, false, nil
	}
	data, size, ok, err = rawfile.ReadInto(buf, d.dir+"/"+name, limit)
	if pe, isPath := err.(*fs.PathError); isPath {
		pe.Path = name // as os.DirFS reports it
	}
	return data, size, ok, err
}

func (d dirFS) Sub(dir string) (fs.FS, error) {
	if dir == "." {
		return d, nil
	}
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: fs.ErrInvalid}
	}
	return DirFS(d.dir + "/" + dir), nil
}
