//go:build unix

package rawfile

import (
	"io"
	"io/fs"
	"syscall"
)

// Read reads the file name unless its size is over limit, and returns its
// size either way. A file that grows while it is read is read to at most
// limit+1 bytes. A read that returns less than it asked for ends it (a
// regular file reads short only at its end), which saves the read that
// would only report the end.
//
// ok is false, with nothing read, when name cannot be opened or is not a
// regular file: the caller then reads it the general way, which reports
// what is wrong with it.
func Read(name string, limit int64) (data []byte, size int64, ok bool, err error) {
	data, size, ok, err = ReadInto(nil, name, limit)
	return data[:len(data):len(data)], size, ok, err
}

// ReadInto is Read into buf when buf has room for the file, so that a
// caller reading many files one after another can reuse one buffer. The
// data it returns keeps the buffer's capacity.
func ReadInto(buf []byte, name string, limit int64) (data []byte, size int64, ok bool, err error) {
	fd, err := retry(func() (int, error) { return syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, 0, false, nil
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, 0, false, nil
	}
	if size = st.Size; size > limit {
		return nil, size, true, nil
	}
	// +1: a file that grew since is seen at once
	if int64(cap(buf)) > size {
		data = buf[:size+1]
	} else {
		data = make([]byte, size+1)
	}
	n := 0
	for int64(n) <= limit {
		if n == len(data) {
			data = append(data, 0)[:cap(data)]
		}
		m, err := retry(func() (int, error) { return syscall.Read(fd, data[n:]) })
		if err != nil {
			return nil, size, true, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		n += m
		if n < len(data) {
			break
		}
	}
	return data[:n], size, true, nil
}

// Write writes data to the file name, creating or truncating it (mode
// 0644), as os.WriteFile does.
func Write(name string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := retry(func() (int, error) { return syscall.Write(fd, data) })
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
