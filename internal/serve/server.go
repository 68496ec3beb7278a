package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guangdong-renovation/showcase/internal/site"
)

// DefaultAddr is where the server listens unless told otherwise: this
// machine only.
const DefaultAddr = "127.0.0.1:1313"

// Limits of the HTTP server.
const (
	maxConns          = 256
	readHeaderTimeout = 5 * time.Second
	maxHeaderBytes    = 32 << 10
	shutdownTimeout   = 5 * time.Second
)

// Options configure a Server.
type Options struct {
	SiteDir string // the site folder, watched and built
	Theme   fs.FS  // the built-in theme: a tree with templates/ and static/
	Addr    string // host:port to listen on; DefaultAddr when empty
	Drafts  bool   // publish drafts too
	Workers int    // parallel build workers; GOMAXPROCS when 0
	// Log receives the address to open and one line per rebuild;
	// nothing is printed when it is nil.
	Log io.Writer
	// Debounce is how long a rebuild waits after the last change it
	// sees; 30 ms when 0.
	Debounce time.Duration
}

// A Server serves one site folder. New prepares it (it listens and
// watches from then on); Run builds, serves and rebuilds until its
// context ends.
type Server struct {
	opts    Options
	root    string // absolute site folder
	url     string // http://host:port/
	ln      net.Listener
	watch   *watcher
	mem     *site.Memory
	builder *site.Builder
	events  *broker
	http    *http.Server
	logMu   sync.Mutex

	loopback   bool          // listening on a loopback address only
	ran        bool          // Run was called
	firstBuild chan struct{} // closed when the first build is done
	// idle says that no change waits for a build and none is running:
	// the served site is a full build of the folder as last seen.
	idle atomic.Bool
}

// Run serves opts.SiteDir until ctx ends: New, then Server.Run.
func Run(ctx context.Context, opts Options) error {
	s, err := New(opts)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}

// New checks the site folder, starts watching it and listens on
// opts.Addr. The caller must call Run, which releases all of it.
func New(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	root, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		return nil, err
	}
	if info, err := os.Stat(root); err != nil {
		return nil, err
	} else if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", opts.SiteDir)
	}
	s := &Server{opts: opts, root: root, firstBuild: make(chan struct{})}
	s.watch, err = newWatcher(root, func(err error) { s.logf("%v", err) })
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		s.watch.close()
		return nil, err
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	ip := net.ParseIP(host)
	s.loopback = ip != nil && ip.IsLoopback()
	if ip != nil && ip.IsUnspecified() {
		// Listening on every address: this machine is one of them.
		host = "127.0.0.1"
		if ip.To4() == nil {
			host = "::1"
		}
	}
	s.url = "http://" + net.JoinHostPort(host, port) + "/"
	s.ln = &limitListener{Listener: ln, sem: make(chan struct{}, maxConns), done: make(chan struct{})}

	s.mem = site.NewMemory()
	s.builder = s.newBuilder()
	s.events = newBroker(newID())
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       30 * time.Second, // no request has a body; the event stream lifts it
		WriteTimeout:      30 * time.Second, // the event stream sets its own
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(logWriter{s}, "", 0),
	}
	return s, nil
}

// newBuilder returns a Builder of the site into the server's Memory. A
// new Builder renders every page on its first build.
func (s *Server) newBuilder() *site.Builder {
	return site.NewBuilder(site.Options{
		SiteDir: s.root, Theme: s.opts.Theme, Drafts: s.opts.Drafts, Workers: s.opts.Workers,
		BaseURL: s.url, Memory: s.mem,
	})
}

// URL is the address to open: http://127.0.0.1:1313/.
func (s *Server) URL() string { return s.url }

// Run serves the site and builds it, then rebuilds it on every change
// until ctx ends; then it shuts the server down and stops watching. It
// returns nil after a clean shutdown. Run may be called once.
func (s *Server) Run(ctx context.Context) error {
	if s.ran {
		return errors.New("serve: Run called twice")
	}
	s.ran = true

	// Serve at once: until the first build is done, every path gets a
	// page that waits for it.
	served := make(chan error, 1)
	go func() { served <- s.http.Serve(s.ln) }()
	s.logf("serving %s at %s (Ctrl-C to stop)", s.opts.SiteDir, s.url)

	loopCtx, stopLoop := context.WithCancel(ctx)
	looped := make(chan struct{})
	go func() {
		defer close(looped)
		s.rebuild(loopCtx, nil, time.Now())
		s.idle.Store(true)
		close(s.firstBuild)
		s.loop(loopCtx)
	}()

	var err error
	select {
	case <-ctx.Done():
	case err = <-served: // the listener failed
	}
	stopLoop()
	s.events.close() // the event streams end, so Shutdown need not wait for them
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if serr := s.http.Shutdown(sctx); serr != nil && err == nil {
		err = serr
	}
	// A rebuild in progress ends at the Builder's next look at the
	// context; do not keep Ctrl-C waiting long for it.
	select {
	case <-looped:
	case <-sctx.Done():
		s.logf("stopped while a rebuild was still running")
	}
	if werr := s.watch.close(); werr != nil && err == nil {
		err = werr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// logf prints one line.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}

// logWriter sends the HTTP server's own complaints to Options.Log.
type logWriter struct{ s *Server }

func (w logWriter) Write(p []byte) (int, error) {
	w.s.logMu.Lock()
	defer w.s.logMu.Unlock()
	return w.s.opts.Log.Write(p)
}

// newID returns a random name for this run of the server.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// A limitListener accepts at most cap(sem) connections at once; further
// ones wait in the kernel's queue.
type limitListener struct {
	net.Listener
	sem       chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.sem <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitConn{Conn: c, release: sync.OnceFunc(func() { <-l.sem })}, nil
}

func (l *limitListener) Close() error {
	err := net.ErrClosed
	l.closeOnce.Do(func() {
		close(l.done)
		err = l.Listener.Close()
	})
	return err
}

type limitConn struct {
	net.Conn
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}
