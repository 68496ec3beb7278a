package serve

import (
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ServeHTTP answers one request from the last good build in memory. It
// never reads the disk.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if s.loopback && !localHost(r.Host) {
		http.Error(w, "showcase serve: open this server as localhost or 127.0.0.1", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "showcase serve: only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case liveJSPath:
		s.write(w, r, http.StatusOK, "text/javascript; charset=utf-8", []byte(liveJS))
		return
	case eventsPath:
		s.serveEvents(w, r)
		return
	}
	rel, status := sitePath(r)
	switch {
	case status == http.StatusBadRequest:
		http.Error(w, "showcase serve: bad path", status)
		return
	case status == http.StatusNotFound || strings.HasPrefix(r.URL.Path, reservedPrefix):
		s.notFound(w, r)
		return
	}
	gen := s.events.gen.Load() // before Get: the page is at least this new
	file := rel
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	data, ok := s.mem.Get(file)
	if !ok {
		if file == rel {
			if _, ok := s.mem.Get(rel + "/index.html"); ok {
				loc := &url.URL{Path: "/" + rel + "/", RawQuery: r.URL.RawQuery}
				h.Set("Location", loc.EscapedPath()+query(loc))
				w.WriteHeader(http.StatusFound)
				return
			}
		}
		s.notFound(w, r)
		return
	}
	ctype := contentType(file, data)
	if isHTML(file) {
		data = inject(data, s.events.id, gen)
	}
	s.write(w, r, http.StatusOK, ctype, data)
}

func query(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// notFound answers with the site's 404.html, or, before the first good
// build, a page that waits for one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	gen := s.events.gen.Load()
	page, ok := s.mem.Get("404.html")
	if !ok {
		page = []byte(noSitePage)
	}
	s.write(w, r, http.StatusNotFound, "text/html; charset=utf-8", inject(page, s.events.id, gen))
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// sitePath returns the site path a request asks for, without its leading
// slash ("cases/enping/"), or the status that refuses it: 400 for a path
// that tries to climb or hide (dot segments, empty segments, backslashes,
// control characters, encoded slashes), 404 for a dot-file.
func sitePath(r *http.Request) (string, int) {
	p := r.URL.Path
	if p == "" || p[0] != '/' || !utf8.ValidString(p) {
		return "", http.StatusBadRequest
	}
	raw := strings.ToLower(r.URL.RawPath + " " + r.RequestURI)
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", http.StatusBadRequest
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return "", http.StatusBadRequest
		}
	}
	segs := strings.Split(p[1:], "/")
	status := 0
	for i, seg := range segs {
		switch {
		case seg == "" && i < len(segs)-1, seg == ".", seg == "..":
			return "", http.StatusBadRequest
		case strings.HasPrefix(seg, "."):
			status = http.StatusNotFound
		}
	}
	return p[1:], status
}

// localHost reports whether a Host header names this machine: localhost,
// a name under .localhost, or an IP address. Any other name may be a web
// page's own, pointed at 127.0.0.1 to read this server (DNS rebinding).
func localHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || net.ParseIP(host) != nil
}

func isHTML(rel string) bool {
	ext := strings.ToLower(path.Ext(rel))
	return ext == ".html" || ext == ".htm"
}

// contentType returns the media type of an output file by its extension,
// with UTF-8 for text.
func contentType(rel string, data []byte) string {
	switch ext := strings.ToLower(path.Ext(rel)); ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff":
		return "font/woff"
	case ".woff2":
		return "font/woff2"
	case ".pdf":
		return "application/pdf"
	case ".mp4":
		return "video/mp4"
	case ".webm":
		return "video/webm"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
		return http.DetectContentType(data)
	}
}
