package render

import (
	"fmt"
	"html/template"
	"sync"
	"testing"
	"unsafe"
)

// Every key stored from many goroutines at once is found with its own
// HTML, and no other key is.
func TestHTMLCacheConcurrent(t *testing.T) {
	c := newHTMLCache[cardKey]()
	items := make([]*int, 500)
	for i := range items {
		items[i] = new(int)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(items); i += 4 {
				c.Store(cardKey{"zh-CN", "h3", items[i]}, template.HTML(fmt.Sprint(i)))
			}
		}()
	}
	wg.Wait()
	for i, it := range items {
		if h, ok := c.Load(cardKey{"zh-CN", "h3", it}); !ok || h != template.HTML(fmt.Sprint(i)) {
			t.Errorf("item %d: %q, %v", i, h, ok)
		}
		if _, ok := c.Load(cardKey{"en", "h3", it}); ok {
			t.Errorf("item %d found under another language", i)
		}
	}
	if n := unsafe.Sizeof(htmlShard[cardKey]{}); n != 64 {
		t.Errorf("a shard takes %d bytes, not one 64-byte cache line", n)
	}
}
