package output

import "golang.org/x/sys/unix"

// exchange swaps two folders in one step, so that a reader never sees the
// output folder missing.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
