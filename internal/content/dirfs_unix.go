//go:build unix

package content

import (
	"io/fs"
	"syscall"
)

// readLimited is readLimited for a dirFS: the file is opened, measured
// and read with plain system calls, and a read that returns less than it
// asked for ends it (a regular file reads short only at its end), which
// saves the read that would only report the end.
//
// ok is false when the file is not a regular one: the caller then reads
// it the general way, which reports what is wrong with it.
func (d dirFS) readLimited(name string, limit int64) (data []byte, size int64, ok bool, err error) {
	if !fs.ValidPath(name) {
		return nil, 0, false, nil
	}
	fd, err := retry(func() (int, error) {
		return syscall.Open(d.dir+"/"+name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	})
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
	data = make([]byte, size+1) // +1: a file that grew since is seen at once
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
	return data[:n:n], size, true, nil
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
