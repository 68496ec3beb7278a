//go:build !unix

package gen

import "os"

// PeakRSS returns 0: this system does not report a child's peak memory.
func PeakRSS(ps *os.ProcessState) int64 { return 0 }
