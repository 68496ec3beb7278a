//go:build !unix

package rawfile

import (
	"io"
	"os"
)

// Read is Read of rawfile_unix.go through os.File.
func Read(name string, limit int64) (data []byte, size int64, ok bool, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, false, nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil, 0, false, nil
	}
	if size = info.Size(); size > limit {
		return nil, size, true, nil
	}
	data = make([]byte, 0, size+1)
	for int64(len(data)) <= limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, size, true, err
		}
	}
	return data, size, true, nil
}

// Write is os.WriteFile.
func Write(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
