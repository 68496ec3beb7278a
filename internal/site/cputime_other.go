//go:build !unix

package site

import "time"

// cpuTime is not measured where there is no getrusage(2); stages then
// show no CPU time.
func cpuTime() time.Duration { return 0 }
