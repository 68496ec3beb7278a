package site

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"syscall"
	"unsafe"
)

// preferHugePages asks Linux to back the next n bytes of the Go heap with
// 2 MiB pages where the system leaves that to each program (transparent
// huge pages in "madvise" mode, the default of Debian and Ubuntu).
//
// With 4 KiB pages a 10,000-case build took 90,000 page faults as its heap
// grew, and the misses in the processor's page table cache that come with
// so many pages: a fifth of its CPU time. It must run before the build
// allocates much, while the heap's next addresses are still fresh. The Go runtime does not ask for
// huge pages for its heap, so this does it from outside: it allocates n
// bytes, which the heap takes from fresh address space, maps that space
// anew (dropping any page the allocator has already zeroed, and the page
// tables with it, so that every first touch can take a whole 2 MiB page),
// marks it MADV_HUGEPAGE and frees it again. The heap hands out its
// lowest free addresses first, so the build's objects then fill that space.
//
// The span asked for is address space, not memory: only the pages the heap
// touches are ever backed.
//
// Replacing the mapping is safe: the space belongs to the one slice made
// here, which is all zeros either way and which nothing reads, and the
// runtime zeroes freed memory before it reuses it. When anything fails the
// heap simply keeps its small pages.
//
// It must run before the first garbage collection, and so once. The runtime zeroes a
// new allocation that reuses any memory it freed, and the slice, too large
// for any hole, starts in one when a hole lies at the top of the heap: it
// then zeroed all 4 GiB, page by page, for 6-24 s, in a test process that
// had built other sites. Until a collection, nothing has been freed, and
// the slice takes only fresh memory, which needs no zeroing.
func preferHugePages(n int64) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		return // "always" needs no asking; "never" refuses
	}
	if gcCycles() > 0 {
		return // see below
	}
	const huge = 2 << 20
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	start := (p + huge - 1) &^ (huge - 1)
	end := (p + uintptr(n)) &^ (huge - 1)
	if end > start {
		_, _, errno := syscall.Syscall6(syscall.SYS_MMAP, start, end-start,
			syscall.PROT_READ|syscall.PROT_WRITE,
			syscall.MAP_PRIVATE|syscall.MAP_ANONYMOUS|syscall.MAP_FIXED, ^uintptr(0), 0)
		if errno == 0 {
			syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
		}
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
}

// gcCycles is how many garbage collections the process has finished.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 1 // unknown: assume the worst
	}
	return s[0].Value.Uint64()
}

// hugePagesSpan is how much of the heap preferHugePages covers: 4 GiB (a
// 100,000-case build's heap peaks near 2.5 GB; covering only its first
// GiB left 400,000 page faults and took 57 s instead of 44 s), and never
// more than a quarter of the machine's memory, so that the allocation it
// makes cannot fail where overcommit is strict or memory small.
func hugePagesSpan() int64 {
	n := int64(4 << 30)
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		n = min(n, int64(si.Totalram)*int64(si.Unit)/4)
	}
	return n
}
