package serve

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// maxWait bounds the debounce: a rebuild starts at the latest this long
// after the first change it covers, however busy the folder is.
const maxWait = 300 * time.Millisecond

// maxListed is the most changed pages a reload event lists; with more,
// every page reloads.
const maxListed = 500

// loop waits for changes and rebuilds, one build at a time, until ctx
// ends or the watcher closes. A save of a case's text is previewed first
// (site.Builder.Preview: its page reloads at once); the full build then
// runs in the background and is cancelled by the next change, whose
// build covers both.
func (s *Server) loop(ctx context.Context) {
	b := newBatch()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	arm := func() {
		now := time.Now()
		if b.first.IsZero() {
			b.first = now
		}
		wait := s.opts.Debounce
		if left := maxWait - now.Sub(b.first); left < wait {
			wait = max(left, 0)
		}
		timer.Reset(wait)
	}
	// The full build in progress, if any: the Builder is its alone until
	// it reports on done whether it finished.
	var (
		running *batch
		cancel  context.CancelFunc
		done    = make(chan bool, 1)
	)
	wait := func() {
		if running == nil {
			return
		}
		cancel()
		if !<-done {
			b.merge(running) // cancelled: build its changes with the new ones
		}
		running = nil
	}
	defer wait()
	for {
		s.idle.Store(running == nil && b.first.IsZero())
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-s.watch.fsw.Events:
			if !ok {
				return
			}
			if s.watch.handle(ev, b) {
				if running != nil {
					cancel()
				}
				arm()
			}
		case err, ok := <-s.watch.fsw.Errors:
			if !ok {
				return
			}
			s.logf("%s watching: %v; reading every file again", clock(), err)
			b.lost = true
			if running != nil {
				cancel()
			}
			arm()
		case finished := <-done:
			if !finished {
				b.merge(running)
			}
			running = nil
		case <-timer.C:
			wait()
			todo := b
			b = newBatch()
			todo.prune(s.root)
			if !todo.lost && len(todo.changed) == 0 {
				continue // only scratch files came and went
			}
			if todo.moved() {
				s.builder = s.newBuilder() // see batch.moved
			}
			changed := todo.list()
			s.preview(changed, todo.first)
			bctx, stop := context.WithCancel(ctx)
			cancel, running = stop, todo
			go func() { done <- s.rebuild(bctx, changed, todo.first) }()
		}
	}
}

// preview reloads the pages of edited cases before the full build, when
// the Builder can tell that the build would succeed (site.Builder.Preview).
func (s *Server) preview(changed []string, start time.Time) {
	if changed == nil {
		return
	}
	paths, ok := s.builder.Preview(changed)
	if !ok {
		return
	}
	if len(paths) > 0 {
		s.events.built(s.reloadEvent(paths))
	}
	s.logf("%s %s: %d %s reloaded in %s; the rest of the site follows", clock(), describe(changed),
		len(paths), plural(len(paths), "page", "pages"), time.Since(start).Round(time.Millisecond))
}

// rebuild builds the site with the files that changed (nil: all of them)
// and tells the pages and the log what came of it. start is when the
// first change was seen. It reports false when ctx ended the build before
// it was done.
func (s *Server) rebuild(ctx context.Context, changed []string, start time.Time) bool {
	what := describe(changed)
	res, err := s.builder.Build(ctx, changed)
	if err != nil && ctx.Err() != nil {
		return false
	}
	took := time.Since(start).Round(time.Millisecond)
	if err != nil {
		lines, n := problemLines(err)
		first := ""
		if len(lines) > 0 {
			first = "; first: " + lines[0]
		}
		// The log first, then the pages: a publisher watching both sees
		// them in that order, and so does TestLivePreview.
		s.logf("%s %s: %d %s, still serving the last good build (%s)%s", clock(), what, n, plural(n, "problem", "problems"), took, first)
		s.events.broken(lines)
		return true
	}
	var ev *reloadEvent
	if len(res.Changed) > 0 {
		ev = s.reloadEvent(res.Changed)
	}
	warn := ""
	if n := len(res.Warnings); n > 0 {
		warn = fmt.Sprintf(", %d %s (showcase check lists them)", n, plural(n, "warning", "warnings"))
	}
	s.logf("%s %s: %d %s rendered, %d %s changed in %s%s", clock(), what,
		res.Rendered, plural(res.Rendered, "page", "pages"), len(res.Changed), plural(len(res.Changed), "file", "files"), took, warn)
	s.events.built(ev)
	return true
}

// reloadEvent sorts the changed output files for the pages: pages,
// stylesheets, files that pages embed, and removed pages with the parent
// each should go to.
func (s *Server) reloadEvent(changed []string) *reloadEvent {
	ev := &reloadEvent{Pages: []string{}, CSS: []string{}, Gone: map[string]string{}}
	for _, rel := range changed {
		_, exists := s.mem.Get(rel)
		switch ext := strings.ToLower(path.Ext(rel)); {
		case isHTML(rel):
			u := urlOf(rel)
			if !exists {
				ev.Gone[u] = s.parentOf(u)
			}
			if len(ev.Pages) < maxListed {
				ev.Pages = append(ev.Pages, u)
			} else {
				ev.All = true
			}
		case ext == ".css":
			ev.CSS = append(ev.CSS, urlOf(rel))
		case embedded(ext):
			ev.Other = true
		default:
			// Feeds, the sitemap, the search index: data that pages do
			// not show as they load (the search page, which fetches
			// the index, changes with it).
		}
	}
	if ev.All {
		ev.Pages = []string{}
	}
	return ev
}

// embedded reports whether files with the extension ext are part of
// the pages that use them, as scripts, images, fonts and media are: when
// one changes, every page reloads.
func embedded(ext string) bool {
	switch ext {
	case ".js", ".mjs", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp",
		".woff", ".woff2", ".ttf", ".otf", ".mp4", ".webm", ".mp3", ".ogg", ".wav":
		return true
	}
	return false
}

// urlOf returns the URL path of an output file: "/cases/enping/" for
// cases/enping/index.html.
func urlOf(rel string) string {
	if rel == "index.html" {
		return "/"
	}
	if strings.HasSuffix(rel, "/index.html") {
		return "/" + strings.TrimSuffix(rel, "index.html")
	}
	return "/" + rel
}

// parentOf returns the nearest page above the URL path u that exists:
// /cases/ for /cases/enping/, and at last the home page.
func (s *Server) parentOf(u string) string {
	p := strings.TrimSuffix(u, "/")
	for {
		i := strings.LastIndexByte(p, '/')
		if i <= 0 {
			return "/"
		}
		p = p[:i]
		if _, ok := s.mem.Get(p[1:] + "/index.html"); ok {
			return p + "/"
		}
	}
}

// problemLines returns a failed build's problems as `showcase check`
// prints them, errors first, and the number of errors.
func problemLines(err error) ([]string, int) {
	var probs content.Problems
	if !errors.As(err, &probs) {
		return []string{err.Error()}, 1
	}
	sorted := probs.Sorted()
	errs, warns := sorted.Errors(), sorted.Warnings()
	lines := make([]string, 0, len(sorted))
	for _, p := range append(errs, warns...) {
		lines = append(lines, p.String())
	}
	return lines, len(errs)
}

// describe names what changed for the log: up to three files.
func describe(changed []string) string {
	switch {
	case changed == nil:
		return "full build"
	case len(changed) == 0:
		return "no change"
	case len(changed) <= 3:
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(changed[:2], ", "), len(changed)-2)
}

func clock() string { return time.Now().Format("15:04:05") }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
