//go:build unix

package rusage

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// CPU returns the CPU time this process has used so far, user and system:
// on a busy machine a steadier measure of work than the time on the clock.
func CPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

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
