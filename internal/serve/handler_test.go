package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

var regexpLine = regexp.MustCompile(`^[^:]+:\d+(:\d+)?: .+`)

func httpGet(url string) (*http.Response, error) {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err == nil {
		resp.Body.Close()
	}
	return resp, err
}

// raw sends a request as it is written and returns the response's status
// line ("" when the server closed the connection without one).
func raw(t *testing.T, addr, request string) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		return ""
	}
	line, _ := bufio.NewReader(c).ReadString('\n')
	return strings.TrimSpace(line)
}

func hostOf(ts *testServer) string {
	return strings.TrimSuffix(strings.TrimPrefix(ts.URL(), "http://"), "/")
}

func TestPaths(t *testing.T) {
	ts := start(t, sitetest.Site("https://example.org/sub/"))
	addr := hostOf(ts)
	cases := []struct {
		path   string
		status string
	}{
		{"/", "200"},
		{"/cases/c1/", "200"},
		{"/cases/c1/index.html", "200"},
		{"/regions/%E6%B1%9F%E9%97%A8%E5%B8%82/", "200"},
		{"/cases/c1", "302"},
		{"/cases/c1?x=1", "302"},
		{"/nope/", "404"},
		{"/nope", "404"},
		{"/../site.yaml", "400"},
		{"/cases/../../site.yaml", "400"},
		{"/..%2f..%2fsite.yaml", "400"},
		{"/%2e%2e/site.yaml", "400"},
		{"/%2e%2e%2fsite.yaml", "400"},
		{"/cases%2fc1%2findex.html", "400"},
		{"/cases%5cc1", "400"},
		{`/cases\c1\index.html`, "400"},
		{`/..\site.yaml`, "400"},
		{"/cases//c1/", "400"},
		{"//example.org/", "400"},
		{"/./cases/", "400"},
		{"/cases/c1/%00", "400"},
		{"/.showcase-output/index.html", "404"},
		{"/.git/config", "404"},
		{"/css/.hidden.css", "404"},
		{"/site.yaml", "404"},
		{"/content/cases/c1.md", "404"},
		{"/__showcase/", "404"},
		{"/__showcase/nothing", "404"},
		{"/__showcase/live.js", "200"},
		{"/%ff/", "400"},
	}
	for _, c := range cases {
		got := raw(t, addr, "GET "+c.path+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
		if !strings.HasPrefix(got, "HTTP/1.1 "+c.status) {
			t.Errorf("GET %s: %q, want %s", c.path, got, c.status)
		}
	}

	// The redirect keeps the query and goes to the slash form.
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(ts.URL() + "cases/c1?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); loc != "/cases/c1/?x=1" {
		t.Errorf("redirect to %q", loc)
	}
	resp, err = c.Get(ts.URL() + "regions/江门市")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); loc != "/regions/%E6%B1%9F%E9%97%A8%E5%B8%82/" {
		t.Errorf("redirect to %q", loc)
	}

	// Types, and the script only in HTML.
	for path, want := range map[string]string{
		"/":                   "text/html; charset=utf-8",
		"/css/site.css":       "text/css; charset=utf-8",
		"/js/site.js":         "text/javascript; charset=utf-8",
		"/favicon.svg":        "image/svg+xml",
		"/feed.xml":           "application/xml; charset=utf-8",
		"/robots.txt":         "text/plain; charset=utf-8",
		"/nope/":              "text/html; charset=utf-8",
		"/__showcase/live.js": "text/javascript; charset=utf-8",
	} {
		resp, err := http.Get(ts.URL() + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
		injected := strings.Contains(string(b), "/__showcase/live.js\" data-id")
		if injected != strings.HasPrefix(want, "text/html") {
			t.Errorf("%s: script tag injected: %v", path, injected)
		}
	}

	// HEAD has no body; other methods are refused.
	if got := raw(t, addr, "HEAD /cases/c1/ HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n"); !strings.HasPrefix(got, "HTTP/1.1 200") {
		t.Errorf("HEAD: %q", got)
	}
	if got := raw(t, addr, "POST /cases/c1/ HTTP/1.1\r\nHost: "+addr+"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"); !strings.HasPrefix(got, "HTTP/1.1 405") {
		t.Errorf("POST: %q", got)
	}
}

func TestCrossOrigin(t *testing.T) {
	ts := start(t, sitetest.Site("https://example.org/sub/"))
	addr := hostOf(ts)
	for _, c := range []struct {
		name, headers, status string
	}{
		{"same origin", "Origin: http://" + addr + "\r\nSec-Fetch-Site: same-origin\r\n", "200"},
		{"no origin", "", "200"},
		{"localhost", "Origin: http://localhost:" + strings.Split(addr, ":")[1] + "\r\n", "403"}, // Host is 127.0.0.1
		{"other origin", "Origin: http://evil.example\r\n", "403"},
		{"null origin", "Origin: null\r\n", "403"},
		{"https origin", "Origin: https://" + addr + "\r\n", "403"},
		{"cross-site fetch", "Sec-Fetch-Site: cross-site\r\n", "403"},
		{"same-site fetch", "Sec-Fetch-Site: same-site\r\n", "403"},
	} {
		got := raw(t, addr, "GET /__showcase/events HTTP/1.1\r\nHost: "+addr+"\r\n"+c.headers+"Connection: close\r\n\r\n")
		if !strings.HasPrefix(got, "HTTP/1.1 "+c.status) {
			t.Errorf("%s: %q, want %s", c.name, got, c.status)
		}
	}
	// A name other than localhost's, pointed at 127.0.0.1 (DNS rebinding).
	for _, host := range []string{"evil.example", "evil.example:80", "localhost.evil.example"} {
		if got := raw(t, addr, "GET / HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); !strings.HasPrefix(got, "HTTP/1.1 421") {
			t.Errorf("Host %s: %q, want 421", host, got)
		}
	}
	for _, host := range []string{"localhost", "LOCALHOST:1", "app.localhost", "[::1]:80", "127.0.0.1"} {
		if got := raw(t, addr, "GET / HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); !strings.HasPrefix(got, "HTTP/1.1 200") {
			t.Errorf("Host %s: %q, want 200", host, got)
		}
	}
}

// TestMalformed sends requests no browser would and checks that the
// server still answers afterwards.
func TestMalformed(t *testing.T) {
	ts := start(t, sitetest.Site("https://example.org/sub/"))
	addr := hostOf(ts)
	for _, req := range []string{
		"\x00\x01\x02garbage\r\n\r\n",
		"GET\r\n\r\n",
		"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
		"GET * HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET http://evil.example/../../etc/passwd HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET /%zz HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\nX-Big: " + strings.Repeat("a", 100<<10) + "\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
		"GET /" + strings.Repeat("a/", 5000) + " HTTP/1.1\r\nHost: " + addr + "\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: " + addr + "\r\nContent-Length: -1\r\n\r\n",
		"\xff\xfe\r\n",
	} {
		got := raw(t, addr, req)
		if strings.HasPrefix(got, "HTTP/1.1 200") && !strings.Contains(req, "GET / HTTP/1.1") {
			t.Errorf("%.40q: %q", req, got)
		}
	}
	// A client that sends half a header and stalls is cut off without
	// holding up others.
	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	io.WriteString(slow, "GET / HTTP/1.1\r\nHost: ")
	if status, _ := ts.get(t, "/cases/c1/"); status != 200 {
		t.Errorf("after malformed requests: status %d", status)
	}
}

func TestSitePath(t *testing.T) {
	for _, c := range []struct {
		uri    string
		rel    string
		status int
	}{
		{"/", "", 0},
		{"/cases/", "cases/", 0},
		{"/cases/enping", "cases/enping", 0},
		{"/a/../b", "", 400},
		{"/a%2Fb", "", 400},
		{"/a%5Cb", "", 400},
		{"/.env", "", 404},
		{"/a/.b/c", "", 404},
		{"/a//b", "", 400},
	} {
		req, err := http.NewRequest("GET", "http://127.0.0.1"+c.uri, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.RequestURI = c.uri
		rel, status := sitePath(req)
		if status != c.status || (status == 0 && rel != c.rel) {
			t.Errorf("%s: %q %d, want %q %d", c.uri, rel, status, c.rel, c.status)
		}
	}
}

func TestInject(t *testing.T) {
	for in, want := range map[string]string{
		"<html><body><p>x</p></body></html>": `<html><body><p>x</p><script src="/__showcase/live.js" data-id="ab" data-gen="7" defer></script></body></html>`,
		"<p>no body</p>":                     `<p>no body</p><script src="/__showcase/live.js" data-id="ab" data-gen="7" defer></script>`,
		"<BODY>a</BODY>\n</body>x":           "<BODY>a</BODY>\n" + `<script src="/__showcase/live.js" data-id="ab" data-gen="7" defer></script></body>x`,
	} {
		if got := string(inject([]byte(in), "ab", 7)); got != want {
			t.Errorf("inject(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestURLs(t *testing.T) {
	for rel, want := range map[string]string{
		"index.html": "/", "cases/enping/index.html": "/cases/enping/", "404.html": "/404.html", "css/site.css": "/css/site.css",
	} {
		if got := urlOf(rel); got != want {
			t.Errorf("urlOf(%q) = %q, want %q", rel, got, want)
		}
	}
}

// TestStreamLimit opens event streams until the server refuses one.
func TestStreamLimit(t *testing.T) {
	ts := start(t, sitetest.Site("https://example.org/sub/"))
	var streams []*sseClient
	for i := 0; i < maxStreams; i++ {
		streams = append(streams, ts.connect(t))
	}
	for _, s := range streams {
		s.hello(t)
	}
	resp, err := http.Get(ts.URL() + "__showcase/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("stream %d: status %d, want 503", maxStreams+1, resp.StatusCode)
	}
	// Pages are still served, and a closed stream makes room.
	if status, _ := ts.get(t, "/"); status != 200 {
		t.Errorf("/ with every stream taken: status %d", status)
	}
	streams[0].resp.Body.Close()
	for i := 0; ; i++ {
		resp, err := http.Get(ts.URL() + "__showcase/events")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == 200 {
			break
		}
		if i == 100 {
			t.Fatalf("no room after a stream closed: status %d", resp.StatusCode)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
