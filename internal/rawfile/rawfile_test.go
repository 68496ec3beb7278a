package rawfile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Write must leave exactly the new bytes, as os.WriteFile does, and Read
// must give them back; a shorter rewrite truncates.
func TestWriteThenRead(t *testing.T) {
	name := filepath.Join(t.TempDir(), "index.html")
	for _, data := range [][]byte{bytes.Repeat([]byte("恩平"), 3000), []byte("<p>短</p>"), nil} {
		if err := Write(name, data); err != nil {
			t.Fatal(err)
		}
		got, size, ok, err := Read(name, 1<<20)
		if !ok || err != nil || size != int64(len(data)) || !bytes.Equal(got, data) {
			t.Fatalf("after writing %d bytes, Read gave %d bytes, size %d, ok %v, error %v", len(data), len(got), size, ok, err)
		}
		if disk, _ := os.ReadFile(name); !bytes.Equal(disk, data) {
			t.Fatalf("after writing %d bytes the file holds %d", len(data), len(disk))
		}
	}
	if _, size, ok, _ := Read(name, -1); !ok || size != 0 {
		t.Errorf("Read of an empty file over a limit of -1: size %d, ok %v", size, ok)
	}
	if err := Write(filepath.Join(t.TempDir(), "missing", "x.html"), []byte("x")); err == nil {
		t.Error("Write into a missing folder succeeded")
	}
	if _, _, ok, _ := Read(t.TempDir(), 100); ok {
		t.Error("Read of a folder said ok")
	}
}
