package search

import (
	"strings"
	"unsafe"
)

// Kind says what a Doc is, and so under which section of the site its page
// lives. The browser builds a result's link from the kind's section and the
// slug, never from a URL stored in the index.
type Kind byte

// The kinds of document.
const (
	Case     Kind = 'c' // /cases/<slug>/
	Practice Kind = 'p' // /practices/<slug>/
	Briefing Kind = 'b' // /briefings/<slug>/
	Page     Kind = 'g' // /<slug>/
)

// Section returns the path of the kind's section below the site's base
// path, with its trailing slash, or "" for plain pages.
func (k Kind) Section() string {
	switch k {
	case Case:
		return "cases/"
	case Practice:
		return "practices/"
	case Briefing:
		return "briefings/"
	}
	return ""
}

// Path returns the page path of a document below the site's base path:
// cases/enping/.
func (d *Doc) Path() string { return d.Kind.Section() + d.Slug + "/" }

// The fields of a document, as bits of a posting's field mask.
const (
	FieldTitle   = 1 // the title
	FieldMeta    = 2 // practices, region, scope, tags, sites, status
	FieldSummary = 4
	FieldBody    = 8 // the body text and the figures
)

// Doc is one page to index.
type Doc struct {
	Kind    Kind
	Slug    string
	Title   string
	Summary string
	Body    string // plain text of the body
	// AppendBody, when set, appends the body to a buffer instead, each
	// time it is needed (the index takes it once and its fragment once),
	// and BodySize is about its length, for the layout: a site whose
	// pages hold their HTML until they are written derives the text from
	// it rather than holding both.
	AppendBody func(dst []byte) []byte
	BodySize   int
	// Extra is indexed as body text but not stored for snippets: the
	// figures in words and digits, agenda items, and the like.
	Extra string

	// Shown with a result and indexed as FieldMeta.
	Region    string   // e.g. 江门市 · 恩平市
	Status    string   // planned, under-construction or completed; "" but for cases
	Practices []string // the model practices a case lists
	Meta      []string // other short fields: status label, province, scope, tags, sites

	// Filters: a document has the filter keys City, Practices and Status.
	City string
}

// Filter keys are index keys that no text can produce, since the
// tokenizer never keeps a colon: FilterKey(CityKey, "江门市") is
// city:江门市.
const (
	CityKey     = "city:"
	PracticeKey = "practice:"
	StatusKey   = "status:"
)

// FilterKey returns the index key of a filter. The value's %, <, > and &
// are written %25, %3C, %3E and %26 (search.js does the same), so that
// no index file holds markup, whatever the site calls its cities.
func FilterKey(prefix, value string) string {
	if !strings.ContainsAny(value, "%<>&") {
		return prefix + value
	}
	const hex = "0123456789ABCDEF"
	b := []byte(prefix)
	for i := 0; i < len(value); i++ {
		switch c := value[i]; c {
		case '%', '<', '>', '&':
			b = append(b, '%', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// body returns the plain text of the body: Body, or what AppendBody
// makes, in *buf (reused; the text is valid until the next call with buf).
func (d *Doc) body(buf *[]byte) string {
	if d.AppendBody == nil {
		return d.Body
	}
	*buf = d.AppendBody((*buf)[:0])
	return unsafe.String(unsafe.SliceData(*buf), len(*buf))
}

// bodySize is about the body's length, without making it.
func (d *Doc) bodySize() int {
	if d.AppendBody != nil {
		return d.BodySize
	}
	return len(d.Body)
}
