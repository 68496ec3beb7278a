package brief

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/guangdong-renovation/showcase/internal/site"
)

// server serves a built site from memory on a loopback port, for the
// browser to print from. base is the site's base path ("/" or
// "/showcase/"): the pages link to their stylesheets under it.
type server struct {
	mem  *site.Memory
	base string
	http *http.Server
	ln   net.Listener
}

// serve starts serving mem on 127.0.0.1 at a port the system picks.
func serve(mem *site.Memory, base string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving the built site on 127.0.0.1: %w", err)
	}
	s := &server{mem: mem, base: base, ln: ln}
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = ln.Close()
		}
	}()
	return s, nil
}

// url returns the address of a site path such as /briefings/x/.
func (s *server) url(sitePath string) string {
	return "http://" + s.ln.Addr().String() + sitePath
}

// close stops the server, waiting for at most a second for requests still
// running.
func (s *server) close() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.http.Shutdown(ctx); err != nil {
		_ = s.http.Close()
	}
}

// ServeHTTP serves the file at the request's path: a folder's index.html
// for a path ending in /, the site's 404 page with status 404 for a path
// the site does not have.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rel, ok := strings.CutPrefix(r.URL.Path, s.base)
	if !ok && r.URL.Path+"/" == s.base {
		rel, ok = "", true
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	data, found := s.mem.Get(rel)
	if !ok || !found || strings.Contains(rel, "..") {
		data, found = s.mem.Get("404.html")
		if !found {
			data = []byte("404 page not found\n")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(data)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, rel, time.Time{}, bytes.NewReader(data))
}
