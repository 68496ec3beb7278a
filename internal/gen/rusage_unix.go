//go:build unix

package gen

import (
	"os"
	"runtime"
	"syscall"
)

// PeakRSS returns the peak resident set size, in bytes, of a child
// process that has been waited for, or 0 when the system does not say.
func PeakRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // kB on Linux and the BSDs
}
