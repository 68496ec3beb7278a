// Package rusage reports what a process has used: the CPU time of this
// one, for `build -v` and benchmarks, and the peak memory of a child that
// has exited, for `showcase bench`. Where the system does not say, both
// are zero.
package rusage
