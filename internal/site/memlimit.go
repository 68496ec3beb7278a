package site

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// limitMemory keeps the heap of a build near what it needs, unless
// GOMEMLIMIT is set, and returns the function that lifts the limit.
//
// Left alone, the garbage collector lets the heap grow to twice what is
// live: a 10,000-case build peaked at 590 MB of RSS for 196 MB live. A
// fixed soft limit fixes that for small sites but makes the collector run
// without pause on a site whose live heap nears it (a limit of 1.5 times
// the live heap, which also covers stacks and fragmentation, spent 28% of
// a 100,000-case build collecting; twice, 10%). So after every
// collection the limit is set again to the larger of 200 MiB plus three
// times the site's Markdown and YAML (room for a site that size) and 1.75
// times the live heap plus 64 MiB.
func limitMemory(inputSize int64) (lift func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	base := 200<<20 + 3*inputSize
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var stopped atomic.Bool
	set := func() {
		metrics.Read(sample)
		limit := base
		if sample[0].Value.Kind() == metrics.KindUint64 {
			limit = max(base, int64(sample[0].Value.Uint64())*7/4+64<<20)
		}
		debug.SetMemoryLimit(limit)
	}
	set()
	onEachGC(set, &stopped)
	return func() {
		stopped.Store(true)
		debug.SetMemoryLimit(math.MaxInt64)
	}
}

// onEachGC calls f after every garbage collection until stopped: an
// object with a finalizer is unreachable at the next collection, and its
// finalizer makes the next one.
func onEachGC(f func(), stopped *atomic.Bool) {
	type sentinel struct{ _ [16]byte }
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			if stopped.Load() {
				return
			}
			f()
			arm()
		})
	}
	arm()
}
