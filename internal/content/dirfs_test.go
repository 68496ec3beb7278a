package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

// DirFS must read every file as os.DirFS does: the same bytes, the same
// sizes, the same refusals, whatever the file is.
func TestDirFSReadsAsOSDirFS(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const limit = 100
	write("content/cases/a.md", []byte("---\ntitle: 恩平\n---\n正文\n"))
	write("content/cases/empty.md", nil)
	write("content/cases/limit.md", bytes.Repeat([]byte("x"), limit))
	write("content/cases/over.md", bytes.Repeat([]byte("x"), limit+1))
	write("content/cases/big.md", bytes.Repeat([]byte("字"), 5000))
	if err := os.Mkdir(filepath.Join(dir, "content", "cases", "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink("a.md", filepath.Join(dir, "content", "cases", "link.md")); err != nil {
			t.Fatal(err)
		}
	}
	plain, fast := os.DirFS(dir), DirFS(dir)
	// A reused buffer, larger than any file and full of other bytes:
	// none of them may show.
	used := bytes.Repeat([]byte("x"), 1<<20)
	for _, name := range []string{
		"content/cases/a.md", "content/cases/empty.md", "content/cases/limit.md",
		"content/cases/over.md", "content/cases/big.md", "content/cases/folder.md",
		"content/cases/link.md", "content/cases/missing.md", "../outside.md", "/etc/passwd",
	} {
		t.Run(name, func(t *testing.T) {
			want, wantSize, wantErr := readLimited(nil, plain, name, limit)
			got, gotSize, gotErr := readLimited(used[:0], fast, name, limit)
			if !bytes.Equal(got, want) || gotSize != wantSize || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("DirFS: %d bytes, size %d, error %v; os.DirFS: %d bytes, size %d, error %v",
					len(got), gotSize, gotErr, len(want), wantSize, wantErr)
			}
			want, wantErr = fs.ReadFile(plain, name)
			got, gotErr = fs.ReadFile(fast, name)
			if !bytes.Equal(got, want) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("ReadFile: DirFS: %d bytes, error %v; os.DirFS: %d bytes, error %v", len(got), gotErr, len(want), wantErr)
			}
		})
	}

	// Everything else goes to os.DirFS: walks, stats and links agree.
	walk := func(fsys fs.FS) []string {
		var seen []string
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			info, _ := d.Info()
			target, _ := fs.ReadLink(fsys, p)
			seen = append(seen, p+" "+info.Mode().String()+" "+target)
			return nil
		})
		return seen
	}
	if got, want := walk(fast), walk(plain); !reflect.DeepEqual(got, want) {
		t.Errorf("walk of DirFS:\n%q\nof os.DirFS:\n%q", got, want)
	}
	sub, err := fs.Sub(fast, "content/cases")
	if err != nil {
		t.Fatal(err)
	}
	if b, _, err := readLimited(nil, sub, "a.md", limit); err != nil || !bytes.HasPrefix(b, []byte("---\ntitle: 恩平")) {
		t.Errorf("Sub(content/cases) read a.md: %q, %v", b, err)
	}
}
