package gen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guangdong-renovation/showcase/internal/markdown"
)

// FloorResult describes one run of Floor.
type FloorResult struct {
	Pages    int
	Bytes    int64 // HTML bytes written
	Workers  int
	Duration time.Duration
}

// Floor measures the least a build of the cases of siteDir must do: read
// each case file, cut off its front matter, render the body with the
// site's Markdown renderer (goldmark with GFM, footnotes and CJK) and write
// the HTML to a file of its own in out. Nothing else: no front matter
// decoding, no templates, no lists, no links. workers <= 0 means
// GOMAXPROCS; out must not exist yet.
func Floor(siteDir, out string, workers int) (*FloorResult, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	start := time.Now()
	casesDir := filepath.Join(siteDir, "content", "cases")
	entries, err := os.ReadDir(casesDir)
	if err != nil {
		return nil, err
	}
	if err := os.Mkdir(out, 0o755); err != nil {
		return nil, err
	}
	md := markdown.New(markdown.Options{})
	var next atomic.Int64
	var written atomic.Int64
	var pages atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(entries) {
					return
				}
				e := entries[i]
				name := e.Name()
				var src string
				switch {
				case e.IsDir():
					src = filepath.Join(casesDir, name, "index.md")
				case strings.HasSuffix(name, ".md"):
					src = filepath.Join(casesDir, name)
					name = strings.TrimSuffix(name, ".md")
				default:
					continue
				}
				data, err := os.ReadFile(src)
				if err != nil {
					errs[k] = err
					return
				}
				res, err := md.Render(body(data))
				if err != nil {
					errs[k] = fmt.Errorf("%s: %w", src, err)
					return
				}
				if err := os.WriteFile(filepath.Join(out, name+".html"), res.HTML, 0o644); err != nil {
					errs[k] = err
					return
				}
				written.Add(int64(len(res.HTML)))
				pages.Add(1)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &FloorResult{Pages: int(pages.Load()), Bytes: written.Load(), Workers: workers, Duration: time.Since(start)}, nil
}

// body returns what follows the front matter of a content file.
func body(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	rest := src[4:]
	if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		return rest[i+5:]
	}
	return src
}
