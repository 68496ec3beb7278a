package links

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// External checks every distinct http and https link of the site, at most
// 8 at a time, each within timeout, and returns a warning for each that
// fails, naming the content file the link is on. A site is published even
// when another site is down, so these are never errors.
func (c *Checker) External(ctx context.Context, client *http.Client, timeout time.Duration) content.Problems {
	c.mu.Lock()
	sources := map[string]map[string]bool{} // url -> content files
	c.each(func(r ref, _ uint32) {
		u, err := url.Parse(r.target)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return
		}
		u.Fragment = ""
		key := u.String()
		if sources[key] == nil {
			sources[key] = map[string]bool{}
		}
		src := r.source
		if src == "" {
			src = r.page
		}
		sources[key][src] = true
	})
	c.mu.Unlock()

	urls := make([]string, 0, len(sources))
	for u := range sources {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	results := make([]string, len(urls))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = probe(ctx, client, u, timeout)
		}()
	}
	wg.Wait()
	var probs content.Problems
	for i, u := range urls {
		if results[i] == "" {
			continue
		}
		var files []string
		for f := range sources[u] {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			probs = append(probs, content.Problem{Path: f, Warning: true, Message: fmt.Sprintf("external link %s: %s", u, results[i])})
		}
	}
	return probs
}

// probe returns why u does not answer with a success, or "". It tries HEAD
// first and falls back to GET, since some servers refuse HEAD.
func probe(ctx context.Context, client *http.Client, u string, timeout time.Duration) string {
	try := func(method string) (int, error) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, method, u, nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("User-Agent", "showcase-link-check")
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	status, err := try(http.MethodHead)
	if err == nil && status < 400 {
		return ""
	}
	status, err = try(http.MethodGet)
	switch {
	case err != nil:
		return err.Error()
	case status >= 400:
		return fmt.Sprintf("status %d %s", status, http.StatusText(status))
	}
	return ""
}
