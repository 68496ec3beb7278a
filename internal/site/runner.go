package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/guangdong-renovation/showcase/internal/content"
	"github.com/guangdong-renovation/showcase/internal/links"
	"github.com/guangdong-renovation/showcase/internal/render"
)

// runner renders the jobs of a plan with opts.Workers goroutines,
// writes each file as soon as it is rendered, and records links. Template
// problems are reported once per template line.
type runner struct {
	opts    Options
	pl      *plan
	tpl     *render.Templates
	out     sink
	checker *links.Checker
	// For a rebuild into memory: the previous build's keys, scans and
	// files, from which unchanged pages are taken as they are.
	prevKeys  map[string]uint64
	prevScans map[string]scan
	prev      *memoryBuild
	scans     map[string]scan // this build's, when building into memory

	mu            sync.Mutex
	renderedPaths []string
	probs         content.Problems
	seen          map[string]bool
	firstErr      error
	rendered      atomic.Int64
	bufs          sync.Pool
}

// run renders and writes jobs, and returns the problems found so far.
func (r *runner) run(ctx context.Context, jobs []*job) (content.Problems, error) {
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	var wg sync.WaitGroup
	next := make(chan *job, 64)
	for w := 0; w < r.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				r.do(j)
			}
		}()
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.firstErr != nil {
		return nil, r.firstErr
	}
	sort.SliceStable(r.probs, func(i, j int) bool { return r.probs[i].String() < r.probs[j].String() })
	return r.probs, nil
}

// do produces, checks and writes one job.
func (r *runner) do(j *job) {
	if r.prev != nil && j.key != 0 && r.prevKeys[j.rel] == j.key {
		if data, ok := r.prev.old(j.rel); ok {
			if j.html {
				s := r.prevScans[j.rel]
				r.checker.AddScanned(j.rel, s.refs, s.ids, s.src)
				r.keepScan(j.rel, s)
			} else {
				r.checker.AddFile(j.rel)
			}
			r.write(j.rel, data)
			return
		}
	}
	var data []byte
	var err error
	if j.into != nil {
		buf := r.buffer()
		buf.Reset()
		defer r.release(buf)
		err = j.into(r.tpl, buf)
		data = buf.Bytes()
	} else {
		data, err = j.produce(r.tpl)
	}
	r.rendered.Add(1)
	if r.scans != nil {
		r.mu.Lock()
		r.renderedPaths = append(r.renderedPaths, j.rel)
		r.mu.Unlock()
	}
	if err != nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		var te *render.TemplateError
		if errors.As(err, &te) {
			if k := te.Problem.String(); !r.seen[k] {
				r.seen[k] = true
				r.probs = append(r.probs, te.Problem)
			}
		} else if r.firstErr == nil {
			r.firstErr = fmt.Errorf("%s: %w", j.rel, err)
		}
		return
	}
	switch {
	case j.html && r.scans == nil:
		r.checker.AddPage(j.rel, data, j.src)
	case j.html: // a memory build keeps the scan for the next build
		refs, ids := links.Scan(data)
		r.checker.AddScanned(j.rel, refs, ids, j.src)
		r.keepScan(j.rel, scan{refs: refs, ids: ids, src: j.src})
	default:
		r.checker.AddFile(j.rel)
	}
	r.write(j.rel, data)
	if r.opts.Memory == nil {
		// Nothing renders this job again: let go of what its closures hold.
		j.produce, j.into = nil, nil
	}
	if j.done != nil {
		j.done()
	}
}

// buffer returns a buffer to render a page into. Pages written to disk
// give theirs back (release), so a build allocates a few dozen buffers
// rather than one that grows anew for every page.
func (r *runner) buffer() *bytes.Buffer {
	if b, ok := r.bufs.Get().(*bytes.Buffer); ok {
		return b
	}
	return bytes.NewBuffer(make([]byte, 0, 32<<10))
}

func (r *runner) release(b *bytes.Buffer) {
	if r.opts.Memory != nil {
		return // the memory build keeps the bytes
	}
	r.bufs.Put(b)
}

func (r *runner) keepScan(rel string, s scan) {
	if r.scans == nil {
		return
	}
	r.mu.Lock()
	r.scans[rel] = s
	r.mu.Unlock()
}

func (r *runner) write(rel string, data []byte) {
	if err := r.out.WriteFile(rel, data); err != nil {
		r.mu.Lock()
		if r.firstErr == nil {
			r.firstErr = err
		}
		r.mu.Unlock()
	}
}
