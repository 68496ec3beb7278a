package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Limits of the event stream.
const (
	maxStreams     = 64               // event streams open at once
	streamBuffer   = 16               // events queued for one stream before it is dropped
	writeTimeout   = 10 * time.Second // for one event to reach a client
	heartbeatEvery = 20 * time.Second // a comment, so that idle streams stay open
)

// The events of the stream; see the package documentation.
type (
	helloEvent struct {
		ID       string   `json:"id"`
		Gen      uint64   `json:"gen"`
		Problems []string `json:"problems"`
	}
	reloadEvent struct {
		Gen   uint64            `json:"gen"`
		Pages []string          `json:"pages"` // URL paths of changed pages
		CSS   []string          `json:"css"`   // URL paths of changed stylesheets
		Other bool              `json:"other"` // a script, image, font or media file changed
		All   bool              `json:"all"`   // too many pages changed to list: every page reloads
		Gone  map[string]string `json:"gone"`  // removed page -> nearest existing parent
	}
	problemsEvent struct {
		Problems []string `json:"problems"`
	}
)

var errTooMany = errors.New("too many event streams")

// A broker holds the state the pages are told about and fans events out
// to the open streams.
type broker struct {
	id  string        // this run of the server
	gen atomic.Uint64 // number of the last good build that changed files; written under mu

	mu       sync.Mutex
	problems []string // of the last build; none when it was good
	streams  map[*stream]struct{}
	closed   bool
}

// A stream is one open event stream. Its channel is closed when the
// stream is dropped or the broker closes.
type stream struct{ ch chan []byte }

func newBroker(id string) *broker {
	return &broker{id: id, streams: map[*stream]struct{}{}}
}

// subscribe opens a stream and returns it with its hello event, taken
// under the same lock so that no event falls between them.
func (b *broker) subscribe() (*stream, []byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, nil, http.ErrServerClosed
	}
	if len(b.streams) >= maxStreams {
		return nil, nil, errTooMany
	}
	s := &stream{ch: make(chan []byte, streamBuffer)}
	b.streams[s] = struct{}{}
	hello := format("hello", helloEvent{ID: b.id, Gen: b.gen.Load(), Problems: nonNil(b.problems)})
	return s, hello, nil
}

func (b *broker) unsubscribe(s *stream) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.streams[s]; ok {
		delete(b.streams, s)
		close(s.ch)
	}
}

// broken records a failed build and tells every page.
func (b *broker) broken(problems []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = problems
	b.publish(format("problems", problemsEvent{Problems: nonNil(problems)}))
}

// built records a good build. When the previous one failed, the pages
// are told the problems are gone; when files changed, the build gets a new
// number and the pages are told what changed. ev.Gen is filled in.
func (b *broker) built(ev *reloadEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.problems != nil {
		b.problems = nil
		b.publish(format("problems", problemsEvent{Problems: []string{}}))
	}
	if ev == nil {
		return
	}
	ev.Gen = b.gen.Add(1)
	b.publish(format("reload", ev))
}

// publish queues msg on every stream; one whose queue is full is dropped
// (its browser reconnects and catches up from hello). b.mu is held.
func (b *broker) publish(msg []byte) {
	for s := range b.streams {
		select {
		case s.ch <- msg:
		default:
			delete(b.streams, s)
			close(s.ch)
		}
	}
}

// close ends every stream and refuses new ones.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for s := range b.streams {
		delete(b.streams, s)
		close(s.ch)
	}
}

// format encodes one Server-Sent Event. JSON has no raw newlines, so the
// data fits on one line.
func format(name string, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		data = []byte("{}") // cannot happen with these types
	}
	out := make([]byte, 0, len(name)+len(data)+16)
	out = append(out, "event: "...)
	out = append(out, name...)
	out = append(out, "\ndata: "...)
	out = append(out, data...)
	return append(out, "\n\n"...)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// serveEvents streams events to one page until the page goes away, the
// stream is dropped or the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if crossOrigin(r) {
		http.Error(w, "showcase serve: the event stream is only for pages of this server", http.StatusForbidden)
		return
	}
	st, hello, err := s.events.subscribe()
	if err != nil {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "showcase serve: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer s.events.unsubscribe(st)
	rc := http.NewResponseController(w)
	// The stream outlives the server's read and write timeouts: no
	// request body is read, and each write gets its own deadline.
	_ = rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(msg []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(append([]byte("retry: 1000\n\n"), hello...)) {
		return
	}
	tick := time.NewTicker(heartbeatEvery)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-st.ch:
			if !ok || !send(msg) {
				return
			}
		case <-tick.C:
			if !send([]byte(": ping\n\n")) {
				return
			}
		}
	}
}

// crossOrigin reports whether a request comes from a page of another
// site: by Sec-Fetch-Site when the browser sends it, and by Origin, which
// must be this server's own scheme and host.
func crossOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	return err != nil || u.Scheme != "http" || !strings.EqualFold(u.Host, r.Host) || u.Path != "" && u.Path != "/"
}
