package search

import (
	"bytes"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"
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
	parts  []*part // one per slice of the documents, in document order
}

// part is the index of a contiguous slice of the documents: its keys and,
// in one slice, the postings of every key, key after key. A posting is
// doc<<8 | tf<<4 | field mask. A part has no pointers but a few large
// slices, which keeps the garbage collector out of the way.
type part struct {
	keyBytes []byte    // the keys, UTF-8, one after the other
	keyEnd   []int32   // key i is keyBytes[keyEnd[i-1]:keyEnd[i]]
	start    []int32   // key i's postings are postings[start[i]:start[i+1]]
	postings []uint32  // in document order within a key
	byShard  [][]int32 // shard -> its keys' numbers
}

func (p *part) key(i int32) []byte {
	lo := int32(0)
	if i > 0 {
		lo = p.keyEnd[i-1]
	}
	return p.keyBytes[lo:p.keyEnd[i]]
}

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
	idx := &Index{layout: l, parts: make([]*part, nparts)}
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
			c := &counter{bmp: make([]int32, 0x10000)}
			for i := range next {
				idx.parts[i] = c.part(docs, bounds[i], bounds[i+1], l.Shards)
			}
		}()
	}
	wg.Wait()
	return idx
}

// counter collects the postings of one part. One worker reuses it from
// part to part. While it reads the documents it appends each document's
// postings to entries, in the order their keys first occur; a key's seen
// entry says where its posting for the current document is.
type counter struct {
	tok     Tokenizer
	bmp     []int32 // BMP character -> key number + 1
	chars   map[rune]int32
	pairs   pairTable
	words   map[string]int32
	keys    []keyRef
	seen    []seen
	entries []uint64 // key<<32 | posting
	doc     uint32
	bit     uint32
}

// keyRef says what a key is: a character, a pair or the word words[word].
type keyRef struct {
	r0, r1 rune
	word   int32 // or -1
}

type seen struct {
	doc int32 // the last document with the key, plus one
	at  int32 // where its posting is in entries
	n   int32 // postings
}

func (c *counter) reset() {
	clear(c.bmp)
	c.chars = map[rune]int32{}
	c.pairs.reset(1 << 16)
	c.words = map[string]int32{}
	c.keys, c.seen = nil, nil
	c.entries = c.entries[:0]
}

// reserve makes room in entries for about the postings of docs: a Chinese
// character takes three bytes and brings two keys, and about half of a
// document's keys occur in it more than once.
func (c *counter) reserve(docs []Doc) {
	size := 0
	for i := range docs {
		d := &docs[i]
		size += len(d.Title) + len(d.Summary) + len(d.Body) + len(d.Extra) + len(d.Region) + 64
	}
	if want := size / 3; cap(c.entries) < want {
		c.entries = make([]uint64, 0, want)
	}
}

func (c *counter) newKey(r keyRef) int32 {
	c.keys = append(c.keys, r)
	c.seen = append(c.seen, seen{})
	return int32(len(c.keys) - 1)
}

// add records one occurrence of key k in the current document and field.
func (c *counter) add(k int32) {
	s := &c.seen[k]
	if s.doc == int32(c.doc)+1 {
		v := c.entries[s.at] | uint64(c.bit)
		if v&0xF0 != 0xF0 {
			v += 0x10
		}
		c.entries[s.at] = v
		return
	}
	s.doc, s.at = int32(c.doc)+1, int32(len(c.entries))
	s.n++
	if len(c.entries) == cap(c.entries) {
		// Double: append grows a large slice by a quarter, and copies it
		// over and over.
		c.entries = append(make([]uint64, 0, 2*cap(c.entries)+1024), c.entries...)
	}
	c.entries = append(c.entries, uint64(k)<<32|uint64(c.doc<<8|0x10|c.bit))
}

// run adds the characters and pairs of a run of CJK characters.
func (c *counter) run(run []rune) {
	for i, r := range run {
		var n int32
		if r < 0x10000 {
			n = c.bmp[r] - 1
			if n < 0 {
				n = c.newKey(keyRef{r0: r, r1: -1, word: -1})
				c.bmp[r] = n + 1
			}
		} else {
			var ok bool
			if n, ok = c.chars[r]; !ok {
				n = c.newKey(keyRef{r0: r, r1: -1, word: -1})
				c.chars[r] = n
			}
		}
		c.add(n)
		if i > 0 {
			pk := uint64(run[i-1])<<21 | uint64(r)
			n, ok := c.pairs.get(pk)
			if !ok {
				n = c.newKey(keyRef{r0: run[i-1], r1: r, word: -1})
				c.pairs.put(pk, n)
			}
			c.add(n)
		}
	}
}

// word adds a word or filter key. Looking up a []byte converted to a
// string does not allocate; only a new key is copied.
func (c *counter) word(w []byte) {
	n, ok := c.words[string(w)]
	if !ok {
		n = c.newKey(keyRef{word: int32(len(c.words))})
		c.words[string(w)] = n
	}
	c.add(n)
}

// part indexes docs[lo:hi].
func (c *counter) part(docs []Doc, lo, hi, shards int) *part {
	c.reset()
	c.reserve(docs[lo:hi])
	onRun, onWord := c.run, c.word
	text := func(bit uint32, s string) {
		if s != "" {
			c.bit = bit
			c.tok.scan(s, onRun, onWord)
		}
	}
	filter := func(prefix, v string) { c.word([]byte(FilterKey(prefix, v))) }
	for i := lo; i < hi; i++ {
		d := &docs[i]
		c.doc = uint32(i)
		text(FieldTitle, d.Title)
		for _, s := range d.Practices {
			text(FieldMeta, s)
		}
		text(FieldMeta, d.Region)
		for _, s := range d.Meta {
			text(FieldMeta, s)
		}
		text(FieldSummary, d.Summary)
		text(FieldBody, d.Body)
		text(FieldBody, d.Extra)
		c.bit = 0
		if d.City != "" {
			filter(CityKey, d.City)
		}
		for _, s := range d.Practices {
			filter(PracticeKey, s)
		}
		if d.Status != "" {
			filter(StatusKey, d.Status)
		}
	}
	words := make([]string, len(c.words))
	for w, n := range c.words {
		words[c.keys[n].word] = w
	}
	// Group the postings by key: a counting sort, stable, so each key's
	// postings stay in document order.
	p := &part{
		keyEnd:   make([]int32, len(c.keys)),
		start:    make([]int32, len(c.keys)+1),
		postings: make([]uint32, len(c.entries)),
		byShard:  make([][]int32, shards),
	}
	next := make([]int32, len(c.keys))
	at := int32(0)
	for k := range c.seen {
		p.start[k], next[k] = at, at
		at += c.seen[k].n
	}
	p.start[len(c.keys)] = at
	for _, e := range c.entries {
		k := e >> 32
		p.postings[next[k]] = uint32(e)
		next[k]++
	}
	buf := make([]byte, 0, len(c.keys)*6)
	for i, k := range c.keys {
		start := len(buf)
		switch {
		case k.word >= 0:
			buf = append(buf, words[k.word]...)
		case k.r1 < 0:
			buf = utf8.AppendRune(buf, k.r0)
		default:
			buf = utf8.AppendRune(utf8.AppendRune(buf, k.r0), k.r1)
		}
		p.keyEnd[i] = int32(len(buf))
		s := int(hashBytes(buf[start:]) & uint32(shards-1))
		p.byShard[s] = append(p.byShard[s], int32(i))
	}
	p.keyBytes = buf
	return p
}

// pairTable maps a pair of characters (r0<<21 | r1, never 0) to its key
// number: open addressing with linear probing, faster than a map for the
// one lookup per character that indexing makes.
type pairTable struct {
	keys  []uint64
	vals  []int32
	shift uint
	n     int
}

func (t *pairTable) reset(size int) {
	t.keys = make([]uint64, size)
	t.vals = make([]int32, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.n = 0
}

func (t *pairTable) get(k uint64) (int32, bool) {
	mask := uint64(len(t.keys) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

func (t *pairTable) put(k uint64, v int32) {
	if 2*(t.n+1) > len(t.keys) {
		keys, vals := t.keys, t.vals
		t.reset(2 * len(keys))
		for i, old := range keys {
			if old != 0 {
				t.put(old, vals[i])
			}
		}
	}
	mask := uint64(len(t.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> t.shift
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = k, v
	t.n++
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
func (x *Index) Shard(n int) []byte {
	type ref struct {
		key   []byte
		posts []uint32
	}
	var refs []ref
	size := 8
	for _, p := range x.parts {
		for _, k := range p.byShard[n] {
			r := ref{p.key(k), p.postings[p.start[k]:p.start[k+1]]}
			refs = append(refs, r)
			size += len(r.key) + 2*len(r.posts) + 8
		}
	}
	// Parts are in document order, so a stable sort keeps each key's
	// postings from the parts in document order.
	slices.SortStableFunc(refs, func(a, b ref) int { return bytes.Compare(a.key, b.key) })
	keys := 0
	for i := range refs {
		if i == 0 || !bytes.Equal(refs[i].key, refs[i-1].key) {
			keys++
		}
	}
	b := make([]byte, 0, size)
	b = appendUvarint(b, uint64(keys))
	var block []byte
	for i := 0; i < len(refs); {
		j := i + 1
		for j < len(refs) && bytes.Equal(refs[j].key, refs[i].key) {
			j++
		}
		df := 0
		block = block[:0]
		prev := uint32(0)
		for _, r := range refs[i:j] {
			df += len(r.posts)
			for _, v := range r.posts {
				doc := v >> 8
				block = appendUvarint(block, uint64(doc-prev))
				block = append(block, byte(v))
				prev = doc
			}
		}
		b = appendUvarint(b, uint64(len(refs[i].key)))
		b = append(b, refs[i].key...)
		b = appendUvarint(b, uint64(df))
		b = appendUvarint(b, uint64(len(block)))
		b = append(b, block...)
		i = j
	}
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
