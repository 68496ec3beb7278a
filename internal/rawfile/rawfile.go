// Package rawfile reads and writes whole regular files with plain system
// calls where it can.
//
// os.Open and os.OpenFile ask the runtime's poller to watch every file
// they open: for a regular file Linux refuses, and the file is switched to
// non-blocking and back, five system calls that move no data. A build
// reads every content file and writes every page once, so at 10,000 cases
// those calls were more than a third of its system calls (53,000 fcntl and
// 13,000 failed epoll_ctl under strace).
package rawfile
