package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
)

// An Engine answers queries from the files of an index, the way search.js
// does in the browser: it reads meta.json, then only the shards that hold
// the query's keys, and fragment files only for the documents asked for.
// It is not safe for concurrent use.
type Engine struct {
	fsys   fs.FS
	layout Layout
	tok    Tokenizer
	shards map[int]map[string][]byte // shard -> key -> postings
	frags  map[int][]fragDoc
	read   []string // files read, in order
}

// Query is what a reader asks: words and filters, each optional.
type Query struct {
	Text     string
	City     string
	Practice string
	Status   string
}

// Hit is one document found, with the parts of its rank.
type Hit struct {
	Doc     int // document number
	Full    int // query terms all of whose keys the document has
	Matched int // keys of the query the document has
	Score   int // sum over the full terms of fieldWeight*16 + tf
}

// Open reads the index in fsys (the folder that holds meta.json).
func Open(fsys fs.FS) (*Engine, error) {
	b, err := fs.ReadFile(fsys, MetaName)
	if err != nil {
		return nil, err
	}
	var m struct {
		Format  int
		Version string
		Docs    int
		Shards  int
		Group   int
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", MetaName, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: format %d, want %d", MetaName, m.Format, Format)
	}
	if m.Shards < 1 || m.Shards&(m.Shards-1) != 0 || m.Group < 1 {
		return nil, fmt.Errorf("%s: bad layout", MetaName)
	}
	e := &Engine{fsys: fsys, layout: Layout{Version: m.Version, Docs: m.Docs, Shards: m.Shards, Group: m.Group},
		shards: map[int]map[string][]byte{}, frags: map[int][]fragDoc{}}
	e.read = append(e.read, MetaName)
	return e, nil
}

// Layout returns the layout of the index.
func (e *Engine) Layout() Layout { return e.layout }

// Read returns the names of the files the engine has read so far.
func (e *Engine) Read() []string { return slices.Clone(e.read) }

// Search returns every document that matches q, best first. The rules,
// which search.js follows too:
//
//   - The query text is split into terms (Tokenizer.Groups). A document
//     matches a term fully when it has all the term's keys.
//   - Filters (city, practice, status) keep only the documents that have
//     every filter key given.
//   - A document is found when it matches at least one term fully, or,
//     for a query of three keys or more, when it has two thirds of the
//     keys (so a long query typed without spaces still finds something).
//   - Documents that fully match more terms come first ("all terms before
//     some"); then those with more of the keys; then the higher score;
//     then the lower document number (cases are numbered newest first).
//   - A fully matched term scores 16 times the weight of the best field
//     that has all its keys (title 8, practices and other short fields 4,
//     summary 2, body 1), plus how often its rarest key occurs (up to 15).
//   - A query without terms finds, with filters, every document that
//     passes them, in document order; without filters, nothing.
func (e *Engine) Search(q Query) ([]Hit, error) {
	groups := e.tok.Groups(q.Text)
	var filters []string
	for _, f := range [][2]string{{CityKey, q.City}, {PracticeKey, q.Practice}, {StatusKey, q.Status}} {
		if f[1] != "" {
			filters = append(filters, FilterKey(f[0], f[1]))
		}
	}
	n := e.layout.Docs
	var allowed []bool
	if len(filters) > 0 {
		count := make([]int, n)
		for _, f := range filters {
			ps, err := e.postings(f)
			if err != nil {
				return nil, err
			}
			for _, p := range ps {
				count[p.doc]++
			}
		}
		allowed = make([]bool, n)
		for d, c := range count {
			allowed[d] = c == len(filters)
		}
	}
	if len(groups) == 0 {
		var hits []Hit
		for d := 0; d < n && allowed != nil; d++ {
			if allowed[d] {
				hits = append(hits, Hit{Doc: d})
			}
		}
		return hits, nil
	}
	full := make([]int, n)
	matched := make([]int, n)
	score := make([]int, n)
	cnt := make([]int, n)
	mask := make([]byte, n)
	tf := make([]byte, n)
	total := 0
	for _, g := range groups {
		total += len(g.Keys)
		var touched []int
		for _, k := range g.Keys {
			ps, err := e.postings(k)
			if err != nil {
				return nil, err
			}
			for _, p := range ps {
				d := p.doc
				if allowed != nil && !allowed[d] {
					continue
				}
				if cnt[d] == 0 {
					touched = append(touched, d)
					mask[d], tf[d] = 0xF, 15
				}
				cnt[d]++
				mask[d] &= p.val & 0xF
				tf[d] = min(tf[d], p.val>>4)
			}
		}
		for _, d := range touched {
			matched[d] += cnt[d]
			if cnt[d] == len(g.Keys) {
				full[d]++
				score[d] += fieldWeight(mask[d])*16 + int(tf[d])
			}
			cnt[d] = 0
		}
	}
	var hits []Hit
	for d := 0; d < n; d++ {
		if full[d] > 0 || (total >= 3 && matched[d]*3 >= total*2) {
			hits = append(hits, Hit{Doc: d, Full: full[d], Matched: matched[d], Score: score[d]})
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		switch {
		case a.Full != b.Full:
			return b.Full - a.Full
		case a.Matched != b.Matched:
			return b.Matched - a.Matched
		case a.Score != b.Score:
			return b.Score - a.Score
		}
		return a.Doc - b.Doc
	})
	return hits, nil
}

// fieldWeight is the weight of the best field in a field mask.
func fieldWeight(mask byte) int {
	switch {
	case mask&FieldTitle != 0:
		return 8
	case mask&FieldMeta != 0:
		return 4
	case mask&FieldSummary != 0:
		return 2
	}
	return 1
}

type posting struct {
	doc int
	val byte
}

var errCorrupt = errors.New("corrupt index shard")

// postings returns the postings of key, reading its shard when needed.
func (e *Engine) postings(key string) ([]posting, error) {
	s := ShardOf(key, e.layout.Shards)
	keys, ok := e.shards[s]
	if !ok {
		name := ShardName(s)
		b, err := fs.ReadFile(e.fsys, name)
		if err != nil {
			return nil, err
		}
		e.read = append(e.read, name)
		keys, err = parseShard(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		e.shards[s] = keys
	}
	block := keys[key]
	var out []posting
	doc := 0
	for len(block) > 0 {
		delta, n := binary.Uvarint(block)
		if n <= 0 || n >= len(block) {
			return nil, errCorrupt
		}
		doc += int(delta)
		if doc >= e.layout.Docs {
			return nil, errCorrupt
		}
		out = append(out, posting{doc, block[n]})
		block = block[n+1:]
	}
	return out, nil
}

// parseShard maps each key of a shard to its postings.
func parseShard(b []byte) (map[string][]byte, error) {
	next := func() (int, error) {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > 1<<31 {
			return 0, errCorrupt
		}
		b = b[n:]
		return int(v), nil
	}
	count, err := next()
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, count)
	for i := 0; i < count; i++ {
		kl, err := next()
		if err != nil || kl > len(b) {
			return nil, errCorrupt
		}
		key := string(b[:kl])
		b = b[kl:]
		if _, err := next(); err != nil { // df
			return nil, err
		}
		bl, err := next()
		if err != nil || bl > len(b) {
			return nil, errCorrupt
		}
		out[key] = b[:bl]
		b = b[bl:]
	}
	return out, nil
}

// fragDoc is a document as a fragment file stores it.
type fragDoc struct {
	K  string   `json:"k"`
	S  string   `json:"s"`
	T  string   `json:"t"`
	R  string   `json:"r"`
	St string   `json:"st"`
	P  []string `json:"p"`
	M  []string `json:"m"`
	D  string   `json:"d"`
	X  string   `json:"x"`
}

// Doc returns document n as its fragment file stores it (Extra and City
// are not stored).
func (e *Engine) Doc(n int) (Doc, error) {
	if n < 0 || n >= e.layout.Docs {
		return Doc{}, fmt.Errorf("no document %d", n)
	}
	f := n / e.layout.Group
	docs, ok := e.frags[f]
	if !ok {
		name := FragmentName(f)
		b, err := fs.ReadFile(e.fsys, name)
		if err != nil {
			return Doc{}, err
		}
		e.read = append(e.read, name)
		if err := json.Unmarshal(b, &docs); err != nil {
			return Doc{}, fmt.Errorf("%s: %w", name, err)
		}
		e.frags[f] = docs
	}
	i := n - f*e.layout.Group
	if i >= len(docs) || len(docs[i].K) != 1 {
		return Doc{}, errors.New("fragment file " + strconv.Itoa(f) + " lacks document " + strconv.Itoa(n))
	}
	d := docs[i]
	return Doc{Kind: Kind(d.K[0]), Slug: d.S, Title: d.T, Region: d.R, Status: d.St, Practices: d.P, Meta: d.M, Summary: d.D, Body: d.X}, nil
}
