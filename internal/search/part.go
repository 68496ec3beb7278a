package search

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// part is the index of a contiguous slice of the documents, held as
// compactly as its shards will be written: an index lives, whole, until
// its last shard is encoded, and on a large site it was the largest thing
// in memory. A part has no pointers but two slices, which keeps the
// garbage collector out of the way.
//
// data holds the part's keys shard by shard, and each shard's keys in byte
// order, so that Shard only merges the parts' runs. Each key is
//
//	uvarint  length of the key, then the key (UTF-8)
//	uvarint  number of documents that have the key (df)
//	uvarint  first of them, minus the part's first document
//	uvarint  last of them minus the first (only when df > 1)
//	uvarint  length of the postings after the first byte that follows
//	byte     tf<<4 | field mask of the first document
//	         then, for each further document, in ascending order, the
//	         uvarint difference from the previous one and its byte
//
// which are the key's postings as a shard has them, all but the first
// document's difference, which depends on the parts before.
type part struct {
	lo   uint32  // the first document
	data []byte  // the keys of shard 0, then those of shard 1 ...
	end  []int32 // shard s's keys end at data[end[s]]
}

// scratch is what compact needs while it works, kept by the counter for
// the next part.
type scratch struct {
	wordList []string // word number -> word
	keyBuf   []byte   // the keys' UTF-8, one after the other
	keyEnd   []int32  // key i is keyBuf[keyEnd[i-1]:keyEnd[i]]
	shardOf  []int32  // key -> its shard
	bounds   []int32  // shard s's keys are order[bounds[s]:bounds[s+1]]
	cursor   []int32  // where the counting sort puts the next key of each shard
	order    []int32  // key numbers, by shard and then by bytes
	pos      []keyPos
}

func (c *counter) key(i int32) []byte {
	lo := int32(0)
	if i > 0 {
		lo = c.keyEnd[i-1]
	}
	return c.keyBuf[lo:c.keyEnd[i]]
}

// compact encodes what the counter collected as a part whose first
// document is lo.
func (c *counter) compact(lo uint32, shards int) part {
	c.wordList = grow(c.wordList, len(c.words))
	for w, n := range c.words {
		c.wordList[c.keys[n].word] = w
	}
	// The keys' bytes and shards, and the keys in shard order (a counting
	// sort), then in byte order within each shard.
	c.keyBuf, c.keyEnd, c.shardOf = c.keyBuf[:0], c.keyEnd[:0], c.shardOf[:0]
	c.bounds = grow(c.bounds, shards+1)
	clear(c.bounds)
	for _, k := range c.keys {
		start := len(c.keyBuf)
		switch {
		case k.word >= 0:
			c.keyBuf = append(c.keyBuf, c.wordList[k.word]...)
		case k.r1 < 0:
			c.keyBuf = utf8.AppendRune(c.keyBuf, k.r0)
		default:
			c.keyBuf = utf8.AppendRune(utf8.AppendRune(c.keyBuf, k.r0), k.r1)
		}
		c.keyEnd = append(c.keyEnd, int32(len(c.keyBuf)))
		s := int32(hashBytes(c.keyBuf[start:]) & uint32(shards-1))
		c.shardOf = append(c.shardOf, s)
		c.bounds[s+1]++
	}
	for s := 1; s <= shards; s++ {
		c.bounds[s] += c.bounds[s-1]
	}
	c.cursor = append(c.cursor[:0], c.bounds[:shards]...)
	c.order = grow(c.order, len(c.keys))
	for k, s := range c.shardOf {
		c.order[c.cursor[s]] = int32(k)
		c.cursor[s]++
	}
	byBytes := func(a, b int32) int { return bytes.Compare(c.key(a), c.key(b)) }
	for s := 0; s < shards; s++ {
		slices.SortFunc(c.order[c.bounds[s]:c.bounds[s+1]], byBytes)
	}

	// The postings are in entries in document order. A first pass finds
	// how many bytes each key's postings take, and so the part's exact
	// size; the part is then laid out, key headers first, and a second
	// pass writes each posting in its key's place. Neither the part nor
	// the postings are ever copied.
	c.pos = grow(c.pos, len(c.keys))
	for k := range c.pos {
		c.pos[k] = keyPos{prev: uint32(c.seen[k].first)}
	}
	for _, e := range c.entries {
		kp := &c.pos[e>>32]
		if d := uint32(e)>>8 - kp.prev; d != 0 { // not the key's first posting
			kp.rest += int32(uvarintLen(uint64(d)) + 1)
			kp.prev += d
		}
	}
	size := 0
	var head [4 * binary.MaxVarintLen32]byte
	for k := range c.keys {
		n := len(c.key(int32(k)))
		size += uvarintLen(uint64(n)) + n + len(c.appendHead(head[:0], int32(k), lo)) + 1 + int(c.pos[k].rest)
	}
	p := part{lo: lo, data: make([]byte, size), end: make([]int32, shards)}
	at := 0
	for s := 0; s < shards; s++ {
		for _, k := range c.order[c.bounds[s]:c.bounds[s+1]] {
			key := c.key(k)
			b := appendUvarint(p.data[at:at], uint64(len(key)))
			b = append(b, key...)
			b = c.appendHead(b, k, lo)
			at += len(b)
			c.pos[k].at, c.pos[k].prev = int32(at), uint32(c.seen[k].first)
			at += 1 + int(c.pos[k].rest)
		}
		p.end[s] = int32(at)
	}
	for _, e := range c.entries {
		kp, v := &c.pos[e>>32], uint32(e)
		if d := v>>8 - kp.prev; d != 0 {
			kp.at += int32(binary.PutUvarint(p.data[kp.at:], uint64(d)))
			kp.prev += d
		}
		p.data[kp.at] = byte(v)
		kp.at++
	}
	return p
}

// keyPos is where compact is with a key's postings.
type keyPos struct {
	prev uint32 // document of the posting last seen
	rest int32  // length of the postings after the first byte
	at   int32  // where the next posting goes in the part
}

// appendHead appends what follows key k in a part, up to its postings
// (see part), for a part whose first document is lo.
func (c *counter) appendHead(b []byte, k int32, lo uint32) []byte {
	s := &c.seen[k]
	first, last := uint32(s.first), uint32(s.doc-1)
	b = appendUvarint(b, uint64(s.n))
	b = appendUvarint(b, uint64(first-lo))
	if s.n > 1 {
		b = appendUvarint(b, uint64(last-first))
	}
	return appendUvarint(b, uint64(c.pos[k].rest))
}

// keyRun is one key of a part, as Shard reads it.
type keyRun struct {
	key         []byte
	df          int
	first, last uint32 // documents
	posts       []byte // the postings but the first document's difference
}

// keys appends the keys of shard s in the part to out, in byte order.
func (p *part) keys(s int, out []keyRun) []keyRun {
	d := p.data[:p.end[s]]
	if s > 0 {
		d = d[p.end[s-1]:]
	}
	for len(d) > 0 {
		var r keyRun
		var n, df, first, last uint64
		n, d = uvarint(d)
		r.key, d = d[:n], d[n:]
		df, d = uvarint(d)
		first, d = uvarint(d)
		if df > 1 {
			last, d = uvarint(d)
		}
		n, d = uvarint(d)
		r.posts, d = d[:n+1], d[n+1:]
		r.df = int(df)
		r.first = p.lo + uint32(first)
		r.last = r.first + uint32(last)
		out = append(out, r)
	}
	return out
}

// uvarint reads a uvarint the index wrote itself, so never a bad one.
func uvarint(b []byte) (uint64, []byte) {
	v, n := binary.Uvarint(b)
	return v, b[n:]
}

func uvarintLen(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// grow returns s with length n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
