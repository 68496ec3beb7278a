package site

import (
	"encoding/hex"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strconv"
	"sync"
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
	for _, root := range []string{"site.yaml", "content", "templates", "static"} {
		for _, e := range statTree(opts.Site, root) {
			if e.err != nil {
				write(e.path, "error", e.err.Error())
				continue
			}
			write(e.path, e.info.Mode().String(), strconv.FormatInt(e.info.Size(), 10), strconv.FormatInt(e.info.ModTime().UnixNano(), 10))
			if e.info.Mode().IsRegular() && textFile(e.path) {
				size += e.info.Size()
			}
			if e.info.Mode()&fs.ModeSymlink != 0 {
				if target, err := fs.ReadLink(opts.Site, e.path); err == nil {
					write(target)
				}
			}
		}
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

// statted is one entry of a tree and what lstat says of it.
type statted struct {
	path string
	d    fs.DirEntry
	info fs.FileInfo
	err  error
}

// statTree lists the entries of root in fsys, in the order fs.WalkDir
// visits them, each with its FileInfo. Reading a directory does not give
// sizes and times, and asking for them one entry at a time was two thirds
// of the time a 10,000-case site took to fingerprint, so the questions
// are spread over every core.
func statTree(fsys fs.FS, root string) []statted {
	var list []statted
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		list = append(list, statted{path: p, d: d, err: err})
		return nil
	})
	workers := min(runtime.GOMAXPROCS(0), 1+len(list)/256)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(list); i += workers {
				e := &list[i]
				if e.err == nil {
					e.info, e.err = e.d.Info()
				}
			}
		}()
	}
	wg.Wait()
	return list
}

// textFile reports whether name is Markdown or YAML.
func textFile(name string) bool {
	switch path.Ext(name) {
	case ".md", ".markdown", ".yaml", ".yml":
		return true
	}
	return false
}
