//go:build !unix

package rawfile

import "os"

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
	data, err = ReadAll(f, size, limit)
	return data, size, true, err
}

// ReadInto is Read; buf is not used.
func ReadInto(buf []byte, name string, limit int64) (data []byte, size int64, ok bool, err error) {
	return Read(name, limit)
}

// Write is os.WriteFile.
func Write(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
