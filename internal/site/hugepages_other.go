//go:build !linux

package site

// preferHugePages does nothing outside Linux; see hugepages_linux.go.
func preferHugePages(n int64) {}
