package site

import (
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
// the next one comes when the heap reaches the live heap plus half of it,
// at most 384 MiB more (a large site's live heap is mostly case HTML
// waiting for its page, and collecting more often costs less than the
// memory: with huge pages, see preferHugePages, three quarters took 10,000
// cases to 400-430 MB and half to 355 MB, for 0.3 s more CPU), and never
// below 50 MiB plus three times the site's Markdown and YAML, at most
// 512 MiB of it, so that a small site is not collected over and over.
//
// Both caps are for the largest sites. Without them (512 MiB of
// headroom, a floor of three times the Markdown), a 100,000-case build
// (1.1 GB live at most) peaked at 2.2 GB of RSS: while it loaded, its
// heap grew to the floor of 1.3 GB before each collection,
// and the holes the Markdown's garbage left between the pages it keeps
// (in use, but not by anything live: 350-450 MB) and the free memory
// the runtime had not yet handed back lasted past the search index, the
// peak. With these caps it peaked at 1.7 GB, for about a tenth more CPU
// (more collections, each marking a gigabyte). Once the search index
// made less garbage, 256 MiB of headroom peaked at 1.55-1.60 GB, and the
// cap went up to 384 MiB: three builds of each into /dev/shm took 27.7-
// 31.7 s and 1.61-1.67 GB with it, against 31.2-34.9 s with 256 MiB;
// 512 MiB took 30.0 s and 1.91 GB, too near 2 GB.
//
// It sets no soft memory limit (debug.SetMemoryLimit): near the limit the
// runtime hands freed pages back to the system on every large allocation
// and takes them again at once, which cost a 10,000-case build more than
// a second of system time in madvise calls and page faults; and once a
// 100,000-case build's heap had passed its peak, a limit left no room
// above the live heap and the collector ran without pause.
func limitMemory(inputSize int64) (undo func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	floor := 50<<20 + min(3*inputSize, 512<<20)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var stopped atomic.Bool
	set := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		live := max(int64(sample[0].Value.Uint64()), 1<<20)
		goal := max(floor, live+min(live/2, 384<<20))
		debug.SetGCPercent(int(min(max((goal-live)*100/live, 10), 1000)))
	}
	set()
	onEachGC(set, &stopped)
	return func() {
		stopped.Store(true)
		debug.SetGCPercent(100)
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
