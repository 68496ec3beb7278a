package search

import (
	"bytes"
	"fmt"
	"strconv"
)

// Format is the version of the file format; the browser script and the
// Go engine refuse an index of another format.
const Format = 1

// Layout says how an index is cut into files. It depends only on the
// documents (their number and text sizes) and the version string, so a
// build can list every file before the index is built.
type Layout struct {
	Version string // changes whenever any indexed document changes
	Docs    int    // documents, numbered 0..Docs-1
	Shards  int    // key shards: t/0.bin .. t/<Shards-1>.bin, a power of two
	Group   int    // documents per fragment file f/<n>.json
}

// Sizes that decide the layout. A key shard carries the keys of about
// shardText bytes of the documents' text (its postings come to about 40%
// of that); a fragment file about fragmentBytes of stored text. Larger
// files mean fewer files to write (each costs a build about 0.2 ms of
// CPU) but more bytes for a query to download: on a 10,000-case site
// these give 512 shards of about 40 kB and 1,250 fragment files of about
// 30 kB, and a first query downloads 80-150 kB gzipped, the script
// included. A site whose text is below smallSite has one shard and one
// fragment file.
const (
	shardText     = 96 << 10
	fragmentBytes = 32 << 10
	smallSite     = 128 << 10
	maxShards     = 1 << 14
	maxGroup      = 256
)

// NewLayout chooses the layout of an index of docs (at most MaxDocs of
// them).
func NewLayout(docs []Doc, version string) Layout {
	docs = docs[:min(len(docs), MaxDocs)]
	total := 0
	for i := range docs {
		total += storedSize(&docs[i]) + len(docs[i].Extra)
	}
	l := Layout{Version: version, Docs: len(docs), Shards: 1, Group: len(docs)}
	if total < smallSite || len(docs) == 0 {
		if l.Group == 0 {
			l.Group = 1
		}
		return l
	}
	for l.Shards < maxShards && l.Shards*shardText < total {
		l.Shards *= 2
	}
	avg := total / len(docs)
	l.Group = fragmentBytes / max(avg, 1)
	l.Group = min(max(l.Group, 1), maxGroup)
	return l
}

// storedSize is about the bytes of a document's fragment.
func storedSize(d *Doc) int {
	n := len(d.Slug) + len(d.Title) + len(d.Summary) + d.bodySize() + len(d.Region) + len(d.Status) + 48
	for _, s := range d.Practices {
		n += len(s) + 3
	}
	for _, s := range d.Meta {
		n += len(s) + 3
	}
	return n
}

// Fragments is the number of fragment files.
func (l Layout) Fragments() int {
	if l.Docs == 0 {
		return 0
	}
	return (l.Docs + l.Group - 1) / l.Group
}

// ShardName is the file name of key shard n, relative to the index folder.
func ShardName(n int) string { return "t/" + strconv.Itoa(n) + ".bin" }

// FragmentName is the file name of fragment file n.
func FragmentName(n int) string { return "f/" + strconv.Itoa(n) + ".json" }

// MetaName is the file that describes the layout, for tools and the Go
// engine (the search page carries the same numbers in its HTML).
const MetaName = "meta.json"

// Files lists every file of the index, relative to the index folder: the
// meta file, then the shards, then the fragment files.
func (l Layout) Files() []string {
	out := []string{MetaName}
	for n := 0; n < l.Shards; n++ {
		out = append(out, ShardName(n))
	}
	for n := 0; n < l.Fragments(); n++ {
		out = append(out, FragmentName(n))
	}
	return out
}

// Meta returns meta.json.
func (l Layout) Meta() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"format":%d,"version":`, Format)
	b.Write(appendJSONString(nil, l.Version))
	fmt.Fprintf(&b, `,"docs":%d,"shards":%d,"group":%d}`+"\n", l.Docs, l.Shards, l.Group)
	return b.Bytes()
}
