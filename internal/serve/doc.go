// Package serve is the live preview behind `showcase serve`: it builds a
// site into memory, serves it over HTTP, watches the site folder and
// rebuilds on every save, and tells the open pages to reload.
//
// # Using it
//
//	showcase serve [-s SITE] [--addr 127.0.0.1:1313] [--drafts]
//
// prints the address to open, then one line per rebuild: the files that
// changed, how many pages were rendered again and how long it took, or the
// number of problems. Ctrl-C stops it.
//
// # What is watched
//
// site.yaml and the folders content/, templates/ and static/, with every
// folder below them, including folders made after the start. Editors'
// scratch files are ignored: dot-files (.enping.md.swp, .#enping.md),
// backups ending in ~, Emacs' #autosaves#, *.swp, *.tmp, JetBrains'
// ___jb_ files and Vim's 4913 probe. Saves that write a temporary file
// and rename it over the original, and deletes, are seen as changes of the
// original file. The events of one save come in bursts; a rebuild starts
// once no event has come for Options.Debounce (30 ms), and at the latest
// 300 ms after the first one. Each rebuild is handed the site-relative
// paths of the files that changed (site.Builder.Build), so that only they
// are read again and only the pages they touch are rendered again; when
// events were lost (the kernel's queue overflowed) everything is read
// again. Files that came and went within one burst (a save's temporary
// file) are left out. A burst in which one content file or folder went
// away and another came (a rename) is rendered in full by a new Builder,
// because page keys fingerprint a case by its bytes, not its place.
//
// A save that changes only cases' text (not their date, region,
// practices, scope or figures, nor any link or heading id) is previewed
// first (site.Builder.Preview): the edited pages are rendered into memory
// and their reload event sent at once, then the rest of the build (lists,
// feeds, the search index) runs in the background and sends its own
// reload event. A newer change cancels that build; the next build covers
// both. When no build is running or waiting, the served site is byte for
// byte a full build.
//
// # What is served
//
// Only the files of the last good build, from the site.Memory the
// Builder writes into: serve never writes the build to disk and never
// reads the disk to answer a request. The site is built with base_url set
// to the server's own address, so its links work whatever site.yaml says.
// The server answers from the start; until the first build is done every
// path gets a page that waits for it and reloads by itself.
//
//	/cases/enping/      cases/enping/index.html
//	/cases/enping       redirects (302) to /cases/enping/
//	/feed.xml           feed.xml
//	anything else       the site's 404.html, status 404
//
// Requests for paths with "." or ".." segments, empty segments,
// backslashes, control characters, or encoded slashes or backslashes
// (%2f, %5c) get 400; paths with a segment that starts with a dot get
// 404. Only GET and HEAD are allowed. Responses say Cache-Control:
// no-store, so a reload always shows the newest build.
//
// Every HTML page served gets one tag before </body>:
//
//	<script src="/__showcase/live.js" data-id="…" data-gen="…" defer></script>
//
// The script is embedded in this package (live.js), not in the theme, so
// it never reaches the output of `showcase build`. Paths under
// /__showcase/ are reserved for the server.
//
// # Live reload
//
// The script listens to the event stream /__showcase/events
// (Server-Sent Events) and acts on three events:
//
//	hello     sent first on every connection: the server's id, the
//	          number of the last good build, and the current problems.
//	          A page built before that build, or by an earlier run of
//	          the server, reloads; otherwise it shows the problems.
//	reload    a build succeeded and changed files. A page that was
//	          removed goes to its nearest existing parent page (the
//	          event maps it there). A page whose own HTML changed, or
//	          any page when a script, image, font or media file
//	          changed, reloads and keeps its scroll position. When only
//	          stylesheets changed, the page swaps them in place,
//	          without reloading. A page whose HTML is byte for byte the
//	          same as before is left alone: a change to data no page
//	          shows as it loads (feeds, the sitemap, the search index)
//	          reloads nothing but the pages that changed with it.
//	problems  a build failed (a list of problems, printed as
//	          `showcase check` prints them: path:line:col: message), or
//	          the site is good again (an empty list). Every open page
//	          shows the problems over the page, which stays the last good
//	          build, and the overlay goes away by itself on the next good
//	          build. Pages opened while the site is broken show it too,
//	          from the hello event.
//
// A tab that is hidden closes its stream and opens it again when it is
// shown, so that many open tabs do not use up the browser's six
// connections to one host; the hello event then brings it up to date.
//
// # Safety
//
// The server listens on 127.0.0.1 unless Options.Addr names another
// address. While it listens on a loopback address it answers only
// requests whose Host is localhost, a name under .localhost, or an IP
// address, so that a web page cannot reach it under a name of its own
// (DNS rebinding). The event stream refuses requests from other origins
// (by Origin and Sec-Fetch-Site). Headers must arrive within 5 seconds
// and fit in 32 KiB; at most 256 connections and 64 event streams are
// open at once; a stream that cannot keep up is dropped (the browser
// reconnects and catches up from hello). Cancelling the context given to
// Run shuts the server down: the streams end, the HTTP server shuts down
// and the watcher is closed.
package serve
