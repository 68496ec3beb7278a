//go:build !unix

package output

import (
	"bytes"
	"io"
	"os"
)

func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// same reports whether the file at name holds exactly data.
func same(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	buf := make([]byte, len(data))
	if _, err := io.ReadFull(f, buf); err != nil {
		return false
	}
	return bytes.Equal(buf, data)
}
