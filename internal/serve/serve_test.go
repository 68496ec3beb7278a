package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guangdong-renovation/showcase/internal/site"
	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// repo is the repository root: its templates/ and static/ are the theme.
const repo = "../.."

// syncBuffer is a log that tests read while the server writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A testServer is a server running on a free port over a site folder.
type testServer struct {
	*Server
	dir  string
	log  *syncBuffer
	stop func() error // cancels Run and returns its error
	// clients are the event streams connect opened, which settle
	// brings up to date.
	clients []*sseClient
}

// start writes files into a new folder and serves it.
func start(t testing.TB, files map[string]string) *testServer {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	return startDir(t, dir)
}

func startDir(t testing.TB, dir string) *testServer {
	t.Helper()
	return startTheme(t, dir, os.DirFS(repo))
}

func startTheme(t testing.TB, dir string, theme fs.FS) *testServer {
	t.Helper()
	logb := &syncBuffer{}
	s, err := New(Options{SiteDir: dir, Theme: theme, Addr: "127.0.0.1:0", Log: logb})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(10 * time.Second):
				runErr = fmt.Errorf("Run did not return 10s after its context was cancelled")
			}
		})
		return runErr
	}
	ts := &testServer{Server: s, dir: dir, log: logb, stop: stop}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", logb.String())
		}
	})
	select {
	case <-s.firstBuild:
	case <-time.After(10 * time.Minute):
		t.Fatal("no first build within 10 minutes")
	}
	return ts
}

func (ts *testServer) write(t testing.TB, rel, body string) {
	t.Helper()
	sitetest.Write(t, ts.dir, map[string]string{rel: body})
}

// get fetches a site path and returns the status and body.
func (ts *testServer) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(ts.URL(), "/") + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// An event is one Server-Sent Event.
type event struct {
	name string
	data string
}

func (e event) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(e.data), v); err != nil {
		t.Fatalf("event %s: %v: %s", e.name, err, e.data)
	}
}

// An sseClient reads the event stream in the background.
type sseClient struct {
	events  chan event
	resp    *http.Response
	timeout time.Duration // for one event; 15s unless set
	gen     uint64        // of the last hello or reload event read
}

func (ts *testServer) connect(t testing.TB) *sseClient {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL()+"__showcase/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("event stream: status %d", resp.StatusCode)
	}
	c := &sseClient{events: make(chan event, 100), resp: resp, timeout: 15 * time.Second}
	go func() {
		defer close(c.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					c.events <- ev
				}
				ev = event{}
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	ts.clients = append(ts.clients, c)
	return c
}

// next returns the next event named name, skipping others.
func (c *sseClient) next(t testing.TB, name string) event {
	t.Helper()
	timeout := time.After(c.timeout)
	for {
		select {
		case ev, ok := <-c.events:
			if !ok {
				t.Fatalf("event stream ended while waiting for %s", name)
			}
			if ev.name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s event within %s", name, c.timeout)
		}
	}
}

// reload waits for a reload event and returns it.
func (c *sseClient) reload(t testing.TB) reloadEvent {
	t.Helper()
	var ev reloadEvent
	c.next(t, "reload").decode(t, &ev)
	c.gen = ev.Gen
	return ev
}

// problems waits for a problems event and returns its list.
func (c *sseClient) problems(t testing.TB) []string {
	t.Helper()
	var ev problemsEvent
	c.next(t, "problems").decode(t, &ev)
	return ev.Problems
}

func (c *sseClient) hello(t testing.TB) helloEvent {
	t.Helper()
	var ev helloEvent
	c.next(t, "hello").decode(t, &ev)
	c.gen = ev.Gen
	return ev
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var scriptTag = regexp.MustCompile(`<script src="/__showcase/live\.js" data-id="[0-9a-f]+" data-gen="\d+" defer></script>`)

// settle waits until the server has no build running or waiting (a
// reload event may come from a preview, before the rest of the build),
// then reads every stream's reload events up to the last one sent, so
// that the next step waits for an event of its own.
func (ts *testServer) settle(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !ts.Server.idle.Load() {
		if time.Now().After(deadline) {
			t.Fatal("the server did not finish building within 2 minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
	last := ts.events.gen.Load()
	for _, c := range ts.clients {
		for c.gen < last {
			select {
			case ev, ok := <-c.events:
				if !ok {
					c.gen = last // a stream its test closed
					continue
				}
				if ev.name == "reload" {
					var r reloadEvent
					ev.decode(t, &r)
					c.gen = r.Gen
				}
			case <-time.After(c.timeout):
				t.Fatalf("no reload event %d within %s", last, c.timeout)
			}
		}
	}
}

// compareWithFullBuild fetches every file of a fresh full build of the
// site over HTTP and compares it with what the build wrote; the server
// must serve no other file.
func (ts *testServer) compareWithFullBuild(t *testing.T, step string) {
	t.Helper()
	ts.settle(t)
	full := site.NewMemory()
	_, err := site.NewBuilder(site.Options{SiteDir: ts.dir, Theme: os.DirFS(repo), BaseURL: ts.URL(), Memory: full}).Build(context.Background(), nil)
	if err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	want := full.Paths()
	if got := ts.mem.Paths(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: the server has files\n%v\na full build has\n%v", step, got, want)
	}
	for _, rel := range want {
		wantData, _ := full.Get(rel)
		status, body := ts.get(t, "/"+rel)
		if status != 200 {
			t.Errorf("%s: /%s: status %d", step, rel, status)
			continue
		}
		if isHTML(rel) {
			if n := len(scriptTag.FindAllString(body, -1)); n != 1 {
				t.Errorf("%s: /%s has %d reload script tags, want 1", step, rel, n)
			}
			body = scriptTag.ReplaceAllString(body, "")
		}
		if body != string(wantData) {
			t.Errorf("%s: /%s differs from a full build: %s", step, rel, firstDiff(body, string(wantData)))
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  served: %.300s\n  full:   %.300s", i+1, a, b)
		}
	}
	return "same lines"
}
