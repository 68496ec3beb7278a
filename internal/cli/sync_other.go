//go:build !unix

package cli

// syncDisk does nothing where there is no sync(2).
func syncDisk() {}
