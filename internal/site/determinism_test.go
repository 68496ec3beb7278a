package site

import (
	"context"
	"io/fs"
	"os"
	"runtime"
	"testing"
)

// shuffledFS lists every folder in reverse order, as a disk may list files
// in any order.
type shuffledFS struct{ fs.FS }

func (s shuffledFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(s.FS, name)
	for i, j := 0, len(entries)-1; i < j; i, j = i+1, j-1 {
		entries[i], entries[j] = entries[j], entries[i]
	}
	return entries, err
}

// TestDeterministicOutput builds the same site sequentially (GOMAXPROCS=1,
// one worker) and in parallel with folders listed in another order, and
// requires every output file to be byte-identical.
func TestDeterministicOutput(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, fixtureSite())
	build := func(fsys fs.FS, workers int) *Memory {
		mem := NewMemory()
		if _, err := Build(context.Background(), Options{SiteDir: dir, Site: fsys, Theme: os.DirFS(repo), Memory: mem, Workers: workers}); err != nil {
			t.Fatal(err)
		}
		return mem
	}
	prev := runtime.GOMAXPROCS(1)
	sequential := build(os.DirFS(dir), 1)
	runtime.GOMAXPROCS(max(prev, 2))
	parallel := build(shuffledFS{os.DirFS(dir)}, 8)
	runtime.GOMAXPROCS(prev)
	comparePaths(t, "sequential vs parallel", parallel, sequential)
	if len(sequential.Paths()) < 20 {
		t.Fatalf("only %d files built", len(sequential.Paths()))
	}
}
