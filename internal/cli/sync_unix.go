//go:build unix

package cli

import "syscall"

// syncDisk writes the system's dirty pages to disk, so that a timed build
// does not share the disk with the write-back of what came before it.
func syncDisk() { syscall.Sync() }
