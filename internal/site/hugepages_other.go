//go:build !linux

package site

// preferHugePages does nothing outside Linux; see hugepages_linux.go.
func preferHugePages(n int64) {}

func hugePagesSpan() int64 { return 0 }
