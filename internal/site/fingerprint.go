package site

import (
	"encoding/hex"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"strconv"
)

// fingerprint identifies everything a build reads: the site's files (by
// path, size and modification time, which needs no reading), the theme's
// files (by content: an embedded theme has no times), the generator
// binary, and the options that change output. Two builds with the same
// fingerprint write the same site, so a build whose output folder records
// this fingerprint has nothing to do.
// It also returns the total size of the site's text files (Markdown and
// YAML): what the build holds in memory, unlike images, which it copies.
func fingerprint(opts Options) (string, int64) {
	var size int64
	h := fnv.New128a()
	write := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
	}
	write("showcase-fingerprint-1", strconv.FormatBool(opts.Drafts), opts.BaseURL)
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			write(exe, strconv.FormatInt(info.Size(), 10), info.ModTime().String())
		}
	}
	stat := func(fsys fs.FS, root string) {
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				write(p, "error", err.Error())
				return nil
			}
			info, err := d.Info()
			if err != nil {
				write(p, "error", err.Error())
				return nil
			}
			write(p, info.Mode().String(), strconv.FormatInt(info.Size(), 10), strconv.FormatInt(info.ModTime().UnixNano(), 10))
			if info.Mode().IsRegular() && textFile(p) {
				size += info.Size()
			}
			if info.Mode()&fs.ModeSymlink != 0 {
				if target, err := fs.ReadLink(fsys, p); err == nil {
					write(target)
				}
			}
			return nil
		})
	}
	for _, root := range []string{"site.yaml", "content", "templates", "static"} {
		stat(opts.Site, root)
	}
	if opts.Theme != nil {
		_ = fs.WalkDir(opts.Theme, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(opts.Theme, p)
				write(p)
				h.Write(b)
			}
			return nil
		})
	}
	return hex.EncodeToString(h.Sum(nil)), size
}

// textFile reports whether name is Markdown or YAML.
func textFile(name string) bool {
	switch path.Ext(name) {
	case ".md", ".markdown", ".yaml", ".yml":
		return true
	}
	return false
}
