// Package search builds the static full-text index of a showcase site and
// answers queries from it, for Chinese text as well as Latin words and
// numbers. `showcase build` writes the index beside the search page,
// /search/; the page's script, static/js/search.js, reads it in the
// browser, with no server and no other tool. The Go query engine (Engine)
// follows the same rules as the script, so that tests can check ranking
// in Go and compare the two.
//
// # Keys
//
// Chinese has no spaces between words, so the index does not look for
// words in it. Each run of CJK characters (Han, kana, Hangul) is indexed
// by its characters and by every pair of adjacent characters: 东门金融街
// gives 东 门 金 融 街 and 东门 门金 金融 融街. A query of two or more
// characters is the pairs it contains (金融街: 金融 融街), all of which a
// page must have, so any part of a name, two characters or longer, finds
// it; a query of one character is that character. Between other
// characters, runs of letters and digits are words (epco, 2021, 8.25, a
// decimal point between digits belonging to the number). Before all this,
// ASCII and Latin-1 capitals are folded to small letters and full-width
// letters and digits to ASCII. See Tokenizer.
//
// Pairs find a few pages that have every pair of the query but not the
// pairs next to each other (金融 in one place, 融街 in another); for names
// of three characters or more this is rare, and it costs no positions in
// the index.
//
// # Documents and fields
//
// Every published case, practice, briefing pack and plain page is one
// Doc, numbered in the order the site lists them (cases newest first).
// Each key a document has is recorded with the fields it occurs in
// (title; short fields: practices, region, scope, tags, sites, status;
// summary; body and figures) and how often it occurs (up to 15). Filters
// are keys too: city:江门市, practice:党建引领, status:completed.
//
// # Ranking
//
// The query is split into terms, one per word or run of CJK characters.
// Pages that have every key of more terms come first; then those with more
// of the query's keys; then those where the terms are in better fields
// (title, then short fields, then summary, then body) and more often; then
// the site's order. A long query typed without spaces that no page has
// whole still finds the pages with two thirds of its keys. Engine.Search
// gives the exact rules.
//
// # Files
//
// The index is cut so that a query downloads only what it needs
// (Layout chooses the sizes from the site's text):
//
//	meta.json   the layout, for tools (the search page carries the same
//	            numbers in data- attributes, so the browser need not
//	            fetch it)
//	t/<n>.bin   key shards: key k lives in shard fnv1a32(k) mod the
//	            number of shards, with its postings (Index.Shard gives
//	            the format)
//	f/<n>.json  fragment files: the title, region, status, summary and
//	            text of a few consecutive documents, fetched only for the
//	            results shown, for their links and snippets (Fragment)
//
// A small site has one shard and one fragment file. On a site of 10,000
// generated cases the index is 20 MB of shards and 37 MB of fragments
// (6 and 8 MB gzipped) in about 1,760 files, and a first query downloads
// 80-150 kB gzipped, the script included. The files are deterministic:
// the same documents give the same bytes, whatever the number of workers.
//
// The browser builds each result's link from the document's kind (a known
// section of the site) and its slug; the index holds no URLs.
package search
