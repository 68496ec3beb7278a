package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

// TestLivePreview walks through a publisher's session: edits, a broken
// file and its fix, a new page bundle, a delete, an atomic save and a
// stylesheet change, checking the pages and the events after each, and at
// the end that the server serves exactly what a full build writes.
func TestLivePreview(t *testing.T) {
	ts := start(t, sitetest.Site("https://example.org/sub/"))
	sse := ts.connect(t)
	hello := sse.hello(t)
	if hello.ID == "" || len(hello.Problems) != 0 {
		t.Fatalf("hello: %+v", hello)
	}

	status, body := ts.get(t, "/cases/c1/")
	if status != 200 || !strings.Contains(body, "第1号小区的改造") {
		t.Fatalf("/cases/c1/: status %d\n%s", status, body)
	}
	if !strings.Contains(body, `<script src="/__showcase/live.js"`) || !strings.Contains(body, `href="/css/site.css"`) {
		t.Errorf("page lacks the reload script or is not built for /:\n%s", body)
	}

	step(t, ts, "edit", func(t *testing.T) {
		ts.write(t, "content/cases/c1.md", strings.Replace(sitetest.Case(1, "江门市", "台山市", "共同缔造", "资金共担"), "第1号小区的改造", "第一号小区的全面改造", 1))
		ev := sse.reload(t)
		if !contains(ev.Pages, "/cases/c1/") || ev.Other || ev.All || len(ev.Gone) != 0 {
			t.Errorf("reload event: %+v", ev)
		}
		if _, body := ts.get(t, "/cases/c1/"); !strings.Contains(body, "第一号小区的全面改造") {
			t.Errorf("edited text not served")
		}
		// The reload may come from the preview of the edited page; the
		// line that counts rendered pages comes with the rest of the build.
		ts.settle(t)
		if !strings.Contains(ts.log.String(), "content/cases/c1.md: ") || !strings.Contains(ts.log.String(), "rendered") {
			t.Errorf("log has no line for the rebuild:\n%s", ts.log.String())
		}
	})

	var old string
	t.Run("broken front matter", func(t *testing.T) {
		_, old = ts.get(t, "/cases/c2/")
		ts.write(t, "content/cases/c2.md", "---\ntitle: [第2号\ndate: 2023-01-01\n---\n正文\n")
		probs := sse.problems(t)
		found := false
		for _, p := range probs {
			if strings.HasPrefix(p, "content/cases/c2.md:2:") {
				found = true
			}
			if !regexpLine.MatchString(p) {
				t.Errorf("problem %q is not path:line:col: message", p)
			}
		}
		if !found {
			t.Fatalf("problems do not name content/cases/c2.md:2: %q", probs)
		}
		status, body := ts.get(t, "/cases/c2/")
		if status != 200 || body != old {
			t.Errorf("the last good page is not served while the site is broken (status %d)", status)
		}
		// A page opened now hears of the problems at once.
		late := ts.connect(t)
		if h := late.hello(t); len(h.Problems) == 0 || h.Problems[0] != probs[0] {
			t.Errorf("hello while broken: %+v", h)
		}
		if !strings.Contains(ts.log.String(), "2 problems") {
			t.Errorf("log does not count the problem:\n%s", ts.log.String())
		}
	})

	step(t, ts, "fix", func(t *testing.T) {
		ts.write(t, "content/cases/c2.md", strings.Replace(sitetest.Case(2, "江门市", "台山市", "共同缔造"), "第2号小区的改造", "第2号小区修好了", 1))
		if probs := sse.problems(t); len(probs) != 0 {
			t.Errorf("problems after the fix: %q", probs)
		}
		ev := sse.reload(t)
		if !contains(ev.Pages, "/cases/c2/") {
			t.Errorf("reload event: %+v", ev)
		}
		if _, body := ts.get(t, "/cases/c2/"); !strings.Contains(body, "第2号小区修好了") {
			t.Errorf("fixed page not served")
		}
	})

	t.Run("template error", func(t *testing.T) {
		ts.write(t, "templates/case.html", "{{define \"main\"}}\n<p>\n{{.NoSuchField}}\n</p>\n{{end}}\n")
		probs := sse.problems(t)
		if len(probs) == 0 || !strings.HasPrefix(probs[0], "templates/case.html:3") {
			t.Fatalf("problems: %q", probs)
		}
		if err := os.Remove(filepath.Join(ts.dir, "templates", "case.html")); err != nil {
			t.Fatal(err)
		}
		if probs := sse.problems(t); len(probs) != 0 {
			t.Errorf("problems after removing the template: %q", probs)
		}
	})

	step(t, ts, "new bundle", func(t *testing.T) {
		ts.write(t, "content/cases/c9/index.md", strings.Replace(sitetest.Case(9, "韶关市", "乐昌市", "党建引领"), "第9号小区的改造", "新的页面包", 1))
		for {
			if ev := sse.reload(t); contains(ev.Pages, "/cases/c9/") {
				break
			}
		}
		if status, body := ts.get(t, "/cases/c9/"); status != 200 || !strings.Contains(body, "新的页面包") {
			t.Errorf("/cases/c9/: status %d", status)
		}
	})

	step(t, ts, "delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(ts.dir, "content", "cases", "c4.md")); err != nil {
			t.Fatal(err)
		}
		ev := sse.reload(t)
		if ev.Gone["/cases/c4/"] != "/cases/" {
			t.Errorf("reload event does not send /cases/c4/ to /cases/: %+v", ev)
		}
		status, body := ts.get(t, "/cases/c4/")
		if status != 404 || !strings.Contains(body, "找不到这个页面") {
			t.Errorf("/cases/c4/: status %d, want the site's 404 page", status)
		}
	})

	step(t, ts, "atomic save", func(t *testing.T) {
		// Write a temporary file and rename it over the original.
		tmp := filepath.Join(ts.dir, "content", "cases", ".c3.md.tmp1234")
		if err := os.WriteFile(tmp, []byte(strings.Replace(sitetest.Case(3, "江门市", "恩平市", "党建引领"), "第3号小区的改造", "原子保存", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(ts.dir, "content", "cases", "c3.md")); err != nil {
			t.Fatal(err)
		}
		if ev := sse.reload(t); !contains(ev.Pages, "/cases/c3/") {
			t.Errorf("reload event: %+v", ev)
		}
		if _, body := ts.get(t, "/cases/c3/"); !strings.Contains(body, "原子保存") {
			t.Errorf("atomically saved text not served")
		}

		// Vim's way: probe with 4913, move the original to a backup,
		// write the file anew, drop the backup.
		dir := filepath.Join(ts.dir, "content", "cases")
		probe := filepath.Join(dir, "4913")
		os.WriteFile(probe, nil, 0o644)
		os.Remove(probe)
		if err := os.Rename(filepath.Join(dir, "c3.md"), filepath.Join(dir, "c3.md~")); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, ".c3.md.swp"), []byte("swap"), 0o644)
		if err := os.WriteFile(filepath.Join(dir, "c3.md"), []byte(strings.Replace(sitetest.Case(3, "江门市", "恩平市", "党建引领"), "第3号小区的改造", "维姆保存", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(dir, "c3.md~"))
		os.Remove(filepath.Join(dir, ".c3.md.swp"))
		if ev := sse.reload(t); !contains(ev.Pages, "/cases/c3/") {
			t.Errorf("reload event: %+v", ev)
		}
		if status, body := ts.get(t, "/cases/c3/"); status != 200 || !strings.Contains(body, "维姆保存") {
			t.Errorf("vim-saved text not served (status %d)", status)
		}
	})

	step(t, ts, "stylesheet", func(t *testing.T) {
		css, err := os.ReadFile(filepath.Join(repo, "static", "css", "site.css"))
		if err != nil {
			t.Fatal(err)
		}
		ts.write(t, "static/css/site.css", string(css)+"\n.test-marker { color: red }\n")
		ev := sse.reload(t)
		if !contains(ev.CSS, "/css/site.css") || len(ev.Pages) != 0 || ev.Other || ev.All {
			t.Errorf("a stylesheet change should only swap stylesheets: %+v", ev)
		}
		if _, body := ts.get(t, "/css/site.css"); !strings.Contains(body, ".test-marker") {
			t.Errorf("new stylesheet not served")
		}
	})

	step(t, ts, "config", func(t *testing.T) {
		ts.write(t, "site.yaml", "title: 改名的测试站\nbase_url: https://example.org/\nprovince: 广东省\npage_size: 2\n")
		ev := sse.reload(t)
		if !contains(ev.Pages, "/") {
			t.Errorf("reload event: %+v", ev)
		}
		if _, body := ts.get(t, "/"); !strings.Contains(body, "改名的测试站") {
			t.Errorf("new title not served")
		}
	})

	step(t, ts, "new folders", func(t *testing.T) {
		// A folder made and filled at once, before the watcher can add
		// it: its file must still be seen.
		ts.write(t, "static/img/new/deeper/a.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
		for {
			if ev := sse.reload(t); ev.Other {
				break
			}
		}
		if status, _ := ts.get(t, "/img/new/deeper/a.svg"); status != 200 {
			t.Errorf("/img/new/deeper/a.svg: status %d", status)
		}

		// A page bundle made elsewhere and moved in.
		stage := filepath.Join(t.TempDir(), "moved")
		sitetest.Write(t, stage, map[string]string{"index.md": strings.Replace(sitetest.Case(10, "韶关市", "乐昌市", "党建引领"), "第10号小区的改造", "移入的页面包", 1)})
		if err := os.Rename(stage, filepath.Join(ts.dir, "content", "cases", "moved")); err != nil {
			t.Fatal(err)
		}
		for {
			if ev := sse.reload(t); contains(ev.Pages, "/cases/moved/") {
				break
			}
		}
		if _, body := ts.get(t, "/cases/moved/"); !strings.Contains(body, "移入的页面包") {
			t.Errorf("moved-in bundle not served")
		}

		// Renamed within the site, then edited under its new name.
		if err := os.Rename(filepath.Join(ts.dir, "content", "cases", "moved"), filepath.Join(ts.dir, "content", "cases", "renamed")); err != nil {
			t.Fatal(err)
		}
		ev := sse.reload(t)
		if ev.Gone["/cases/moved/"] != "/cases/" || !contains(ev.Pages, "/cases/renamed/") {
			t.Errorf("reload event after a folder rename: %+v", ev)
		}
		logged := len(ts.log.String())
		ts.write(t, "content/cases/renamed/index.md", strings.Replace(sitetest.Case(10, "韶关市", "乐昌市", "党建引领"), "第10号小区的改造", "改名后再编辑", 1))
		if ev := sse.reload(t); !contains(ev.Pages, "/cases/renamed/") {
			t.Errorf("reload event after editing in a renamed folder: %+v", ev)
		}
		if _, body := ts.get(t, "/cases/renamed/"); !strings.Contains(body, "改名后再编辑") {
			t.Errorf("edit in a renamed folder not served")
		}
		if tail := ts.log.String()[logged:]; strings.Contains(tail, "moved") {
			t.Errorf("the watcher reports files under a folder's old name:\n%s", tail)
		}
	})

}

// step runs one step of a session, then checks that the server serves
// exactly what a full build of the site writes.
func step(t *testing.T, ts *testServer, name string, f func(t *testing.T)) {
	t.Helper()
	if t.Run(name, f) {
		ts.compareWithFullBuild(t, name)
	}
}

// TestBrokenAtStart serves a site whose first build fails: every path
// shows a page that waits for a good build, with the problems, and the
// fix brings the site.
func TestBrokenAtStart(t *testing.T) {
	files := sitetest.Site("https://example.org/sub/")
	files["content/cases/c1.md"] = "---\ntitle: 坏\ndate: not a date\n---\n"
	ts := start(t, files)
	sse := ts.connect(t)
	h := sse.hello(t)
	if len(h.Problems) == 0 || !strings.HasPrefix(h.Problems[0], "content/cases/c1.md:") {
		t.Fatalf("hello: %+v", h)
	}
	status, body := ts.get(t, "/cases/c1/")
	if status != 404 || !strings.Contains(body, "/__showcase/live.js") {
		t.Errorf("/cases/c1/ before the first good build: status %d\n%s", status, body)
	}
	ts.write(t, "content/cases/c1.md", sitetest.Case(1, "江门市", "恩平市", "党建引领"))
	if probs := sse.problems(t); len(probs) != 0 {
		t.Errorf("problems after the fix: %q", probs)
	}
	if ev := sse.reload(t); !contains(ev.Pages, "/cases/c1/") {
		t.Errorf("reload event: %+v", ev)
	}
	if status, _ := ts.get(t, "/cases/c1/"); status != 200 {
		t.Errorf("/cases/c1/ after the fix: status %d", status)
	}
	ts.compareWithFullBuild(t, "after the fix")
}

// TestStopsCleanly cancels Run with a stream open and a rebuild pending.
func TestStopsCleanly(t *testing.T) {
	ts := start(t, sitetest.Site("https://example.org/sub/"))
	sse := ts.connect(t)
	sse.hello(t)
	ts.write(t, "content/cases/c1.md", sitetest.Case(1, "江门市", "恩平市", "党建引领"))
	if err := ts.stop(); err != nil {
		t.Fatal(err)
	}
	for range sse.events {
	}
	if _, err := httpGet(ts.URL()); err == nil {
		t.Errorf("server still answers after Run returned")
	}
}
