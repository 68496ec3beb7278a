package search

import "math/bits"

// counter collects the postings of one part. One worker reuses it from
// part to part, tables and buffers included: a part allocates only what
// it keeps (see compact), and no garbage the size of a part is left
// between parts. While it reads the documents it appends each document's
// postings to entries, in the order their keys first occur; a key's seen
// entry says where its posting for the current document is.
type counter struct {
	body    []byte // the text of the document's body, when it is made (Doc.AppendBody)
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

	scratch // compact's buffers
}

func newCounter() *counter {
	c := &counter{bmp: make([]int32, 0x10000), chars: map[rune]int32{}, words: map[string]int32{}}
	c.pairs.reset(1 << 16)
	return c
}

// keyRef says what a key is: a character, a pair or the word words[word].
type keyRef struct {
	r0, r1 rune
	word   int32 // or -1
}

type seen struct {
	doc   int32 // the last document with the key, plus one
	at    int32 // where its posting is in entries
	n     int32 // postings
	first int32 // the first document with the key
}

func (c *counter) reset() {
	clear(c.bmp)
	clear(c.chars)
	c.pairs.clear()
	clear(c.words)
	c.keys, c.seen = c.keys[:0], c.seen[:0]
	c.entries = c.entries[:0]
}

// reserve makes room in entries for about the postings of docs: a Chinese
// character takes three bytes and brings two keys, and about half of a
// document's keys occur in it more than once.
func (c *counter) reserve(docs []Doc) {
	size := 0
	for i := range docs {
		d := &docs[i]
		size += len(d.Title) + len(d.Summary) + d.bodySize() + len(d.Extra) + len(d.Region) + 64
	}
	// An eighth more, so that the next part, a little larger, finds room
	// too: each new array leaves the last one as garbage.
	if want := size / 3; cap(c.entries) < want {
		c.entries = make([]uint64, 0, want+want/8)
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
	if s.n == 0 {
		s.first = int32(c.doc)
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
func (c *counter) part(docs []Doc, lo, hi, shards int) part {
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
		// Nothing the counter keeps points into the text (words are
		// copied into c.words), so its buffer is reused.
		text(FieldBody, d.body(&c.body))
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
	return c.compact(uint32(lo), shards)
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

// clear empties the table and keeps its size, which the next part of
// about the same text needs again.
func (t *pairTable) clear() {
	clear(t.keys)
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
