package site

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// limitMemory keeps the heap of a build near what it needs, unless GOGC
// or GOMEMLIMIT is set, and returns the function that undoes it.
//
// Left alone, the garbage collector lets the heap grow to twice what is
// live: a 10,000-case build peaked at 590 MB of RSS for 196 MB live. So
// after every collection the collector's percentage is set again, so that
// the next one comes when the heap reaches the larger of 200 MiB plus
// three times the site's Markdown and YAML (room for a site that size)
// and 1.75 times the live heap. A soft memory limit (debug.SetMemoryLimit)
// alone did the same for small sites, but counts fragmentation too: once
// a 100,000-case build's heap had passed its peak, the limit left no room
// above the live heap and the collector ran without pause. So the limit
// is only set while the live heap is well below the room.
func limitMemory(inputSize int64) (undo func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	room := 200<<20 + 3*inputSize
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var stopped atomic.Bool
	set := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		live := max(int64(sample[0].Value.Uint64()), 1<<20)
		debug.SetGCPercent(int(min(max((room-live)*100/live, 75), 1000)))
		// While the live heap is well below the room, a soft limit a
		// little above it also makes the runtime hand freed memory back
		// to the system; nearer, it would make the collector thrash.
		if live < room*7/10 {
			debug.SetMemoryLimit(room * 11 / 10)
		} else {
			debug.SetMemoryLimit(math.MaxInt64)
		}
	}
	set()
	onEachGC(set, &stopped)
	return func() {
		stopped.Store(true)
		debug.SetGCPercent(100)
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
