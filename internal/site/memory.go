package site

import (
	"bytes"
	"sort"
	"sync"
)

// Memory holds a built site in memory, for the dev server. Reads see the
// last successful build whole: a build in progress, or one that failed,
// never shows.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte // output path -> bytes
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Get returns the file at output path rel ("cases/enping/index.html").
func (m *Memory) Get(rel string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[rel]
	return b, ok
}

// Paths returns every output path, sorted.
func (m *Memory) Paths() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.files))
	for p := range m.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// memoryBuild is one build into a Memory.
type memoryBuild struct {
	m     *Memory
	prev  map[string][]byte
	mu    sync.Mutex
	files map[string][]byte
}

func (m *Memory) begin() *memoryBuild {
	m.mu.RLock()
	prev := m.files
	m.mu.RUnlock()
	return &memoryBuild{m: m, prev: prev, files: make(map[string][]byte, len(prev))}
}

func (b *memoryBuild) old(rel string) ([]byte, bool) {
	d, ok := b.prev[rel]
	return d, ok
}

func (b *memoryBuild) WriteFile(rel string, data []byte) error {
	b.mu.Lock()
	b.files[rel] = data
	b.mu.Unlock()
	return nil
}

// commit makes this build the one Memory serves, and returns the output
// paths that were added, changed or removed.
func (b *memoryBuild) commit() []string {
	var changed []string
	for rel, data := range b.files {
		if old, ok := b.prev[rel]; !ok || !bytes.Equal(old, data) {
			changed = append(changed, rel)
		}
	}
	for rel := range b.prev {
		if _, ok := b.files[rel]; !ok {
			changed = append(changed, rel)
		}
	}
	sort.Strings(changed)
	b.m.mu.Lock()
	b.m.files = b.files
	b.m.mu.Unlock()
	return changed
}
