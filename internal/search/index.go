package search

import (
	"bytes"
	"runtime"
	"slices"
	"sync"
)

// MaxDocs is the most documents an index can hold: a posting packs the
// document number in 24 bits.
const MaxDocs = 1 << 24

// An Index is the inverted index of a set of documents, ready to be
// written shard by shard. Build does the work that needs every document
// (tokenizing, in parallel); Shard sorts and encodes one shard, so the
// shards can be encoded in parallel by whoever writes them. An Index is
// safe for concurrent use once built.
type Index struct {
	layout Layout
	parts  []part    // one per slice of the documents, in document order
	work   sync.Pool // of *shardWork, reused from shard to shard
}

// shardWork is what AppendShard needs while it works.
type shardWork struct {
	runs   []keyRun
	groups []group
}

// group is the runs of one key in a shard: they end at runs[end]; the
// key's documents and the length of its postings.
type group struct{ end, df, size int }

// Build tokenizes docs with workers goroutines (GOMAXPROCS when 0 or
// less). The result does not depend on workers. Documents past MaxDocs
// are not indexed.
func Build(docs []Doc, l Layout, workers int) *Index {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	docs = docs[:min(len(docs), MaxDocs)]
	// Two slices per worker balance the load; each slice has its own copy
	// of the keys it shares with others, so more would cost more. But a
	// worker's counter holds 8 bytes per posting of its slice while it
	// works, so slices stay under maxPart documents: at 100,000 cases, four
	// slices made the counters alone 560 MB.
	const minPart, maxPart = 64, 2048 // documents
	nparts := max(1, min((len(docs)+minPart-1)/minPart, 2*workers), (len(docs)+maxPart-1)/maxPart)
	bounds := make([]int, nparts+1)
	for i := range bounds {
		bounds[i] = i * len(docs) / nparts
	}
	idx := &Index{layout: l, parts: make([]part, nparts)}
	var wg sync.WaitGroup
	next := make(chan int, nparts)
	for i := 0; i < nparts; i++ {
		next <- i
	}
	close(next)
	for w := 0; w < min(workers, nparts); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newCounter()
			for i := range next {
				idx.parts[i] = c.part(docs, bounds[i], bounds[i+1], l.Shards)
			}
		}()
	}
	wg.Wait()
	return idx
}

// Shard returns key shard n:
//
//	uvarint  number of keys
//	then for each key, in byte order of the keys:
//	uvarint  length of the key, then the key (UTF-8)
//	uvarint  number of documents that have the key
//	uvarint  length in bytes of the postings that follow
//	postings, for each document in ascending order: the uvarint
//	         difference from the previous document (the first: its
//	         number), then one byte: tf<<4 | field mask, where tf is how
//	         often the key occurs in the document (at most 15) and the
//	         field mask says in which fields (FieldTitle ...)
//
// A key can be looked up by reading key headers and skipping postings.
func (x *Index) Shard(n int) []byte { return x.AppendShard(nil, n) }

// AppendShard appends Shard(n) to dst, which a caller can reuse from
// shard to shard.
func (x *Index) AppendShard(dst []byte, n int) []byte {
	w, _ := x.work.Get().(*shardWork)
	if w == nil {
		w = new(shardWork)
	}
	runs, groups := w.runs[:0], w.groups[:0]
	for i := range x.parts {
		runs = x.parts[i].keys(n, runs)
	}
	// Each part's keys are in byte order and the parts in document order,
	// so a stable sort keeps each key's runs in document order.
	slices.SortStableFunc(runs, func(a, b keyRun) int { return bytes.Compare(a.key, b.key) })
	// First each key's number of documents and length of postings, and so
	// the shard's size; then the shard.
	size := 0
	for i := 0; i < len(runs); {
		g := group{end: i}
		prev := uint32(0)
		for ; g.end < len(runs) && bytes.Equal(runs[g.end].key, runs[i].key); g.end++ {
			r := &runs[g.end]
			g.df += r.df
			g.size += uvarintLen(uint64(r.first-prev)) + len(r.posts)
			prev = r.last
		}
		groups = append(groups, g)
		k := len(runs[i].key)
		size += uvarintLen(uint64(k)) + k + uvarintLen(uint64(g.df)) + uvarintLen(uint64(g.size)) + g.size
		i = g.end
	}
	b := slices.Grow(dst, uvarintLen(uint64(len(groups)))+size)
	b = appendUvarint(b, uint64(len(groups)))
	i := 0
	for _, g := range groups {
		key := runs[i].key
		b = appendUvarint(b, uint64(len(key)))
		b = append(b, key...)
		b = appendUvarint(b, uint64(g.df))
		b = appendUvarint(b, uint64(g.size))
		prev := uint32(0)
		for _, r := range runs[i:g.end] {
			b = appendUvarint(b, uint64(r.first-prev))
			b = append(b, r.posts...)
			prev = r.last
		}
		i = g.end
	}
	clear(runs) // they point into the parts
	w.runs, w.groups = runs[:0], groups[:0]
	x.work.Put(w)
	return b
}

// Layout returns the layout the index was built for.
func (x *Index) Layout() Layout { return x.layout }

// Files returns every file of the index by name (see Layout.Files): for
// tools and tests; a build writes the files one by one.
func (x *Index) Files(docs []Doc) map[string][]byte {
	out := map[string][]byte{MetaName: x.layout.Meta()}
	for n := 0; n < x.layout.Shards; n++ {
		out[ShardName(n)] = x.Shard(n)
	}
	for n := 0; n < x.layout.Fragments(); n++ {
		out[FragmentName(n)] = x.layout.Fragment(docs, n)
	}
	return out
}
