//go:build !unix

package rusage

import (
	"os"
	"time"
)

// CPU returns 0: this system has no getrusage(2).
func CPU() time.Duration { return 0 }

// PeakRSS returns 0: this system does not report a child's peak memory.
func PeakRSS(ps *os.ProcessState) int64 { return 0 }
