package search

import (
	"slices"
	"unsafe"
)

// Fragment returns fragment file n of the layout: a JSON array of the
// documents n*Group .. n*Group+Group-1, each an object with
//
//	k   kind: c, p, b or g
//	s   slug
//	t   title
//	r   region, for display (omitted when empty)
//	st  status (cases only)
//	p   practices (omitted when none)
//	m   other short fields: status label, scope, tags, sites (omitted when none)
//	d   summary (omitted when empty)
//	x   body text (omitted when empty)
//
// The browser fetches a fragment file only for results it shows.
func (l Layout) Fragment(docs []Doc, n int) []byte {
	var scratch []byte
	return l.AppendFragment(nil, docs, n, &scratch)
}

// AppendFragment appends Fragment(docs, n) to dst, making the documents'
// bodies in *scratch, which it may grow. A caller that reuses dst and
// scratch from file to file makes no garbage: at 10,000 cases a new
// buffer for each body was 37 MB of it, and another for each file as
// much again.
func (l Layout) AppendFragment(dst []byte, docs []Doc, n int, scratch *[]byte) []byte {
	lo := n * l.Group
	hi := min(lo+l.Group, len(docs))
	// The documents' bodies, each made once, those made by AppendBody one
	// after the other in one buffer (a string made from it stays valid
	// when it grows).
	bodies := make([]string, hi-lo)
	size, text := 2, 0
	for i := lo; i < hi; i++ {
		if docs[i].AppendBody != nil {
			text += docs[i].BodySize
		}
	}
	buf := *scratch
	if cap(buf) < text+text/8 {
		buf = make([]byte, 0, text+text/8)
	}
	buf = buf[:0]
	defer func() { *scratch = buf[:0] }()
	for i := lo; i < hi; i++ {
		d := &docs[i]
		bodies[i-lo] = d.Body
		if d.AppendBody != nil {
			n := len(buf)
			buf = d.AppendBody(buf)
			bodies[i-lo] = unsafe.String(unsafe.SliceData(buf[n:]), len(buf)-n)
		}
		size += fragmentSize(d, bodies[i-lo]) + 2
	}
	b := slices.Grow(dst, size)
	b = append(b, '[')
	for i := lo; i < hi; i++ {
		if i > lo {
			b = append(b, ",\n"...)
		}
		b = appendDoc(b, &docs[i], bodies[i-lo])
	}
	return append(b, "]\n"...)
}

// appendDoc appends d, whose body is body.
func appendDoc(b []byte, d *Doc, body string) []byte {
	field := func(name, v string) {
		if v != "" {
			b = append(b, ',', '"')
			b = append(b, name...)
			b = append(b, '"', ':')
			b = appendJSONString(b, v)
		}
	}
	list := func(name string, vs []string) {
		if len(vs) == 0 {
			return
		}
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':', '[')
		for i, v := range vs {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, v)
		}
		b = append(b, ']')
	}
	b = append(b, `{"k":"`...)
	b = append(b, byte(d.Kind))
	b = append(b, `","s":`...)
	b = appendJSONString(b, d.Slug)
	b = append(b, `,"t":`...)
	b = appendJSONString(b, d.Title)
	field("r", d.Region)
	field("st", d.Status)
	list("p", d.Practices)
	list("m", d.Meta)
	field("d", d.Summary)
	field("x", body)
	return append(b, '}')
}

// fragmentSize is the bytes appendDoc writes for d and body when their
// strings are valid UTF-8 (an estimate otherwise), so that Fragment's
// buffer never grows: growing a 30 kB buffer by a quarter at a time, when escaped line
// breaks had overflowed an estimate, took 0.25 s of a 10,000-case build's
// CPU.
func fragmentSize(d *Doc, body string) int {
	n := len(`{"k":"c","s":,"t":,"r":,"st":,"p":[],"m":[],"d":,"x":}`)
	for _, s := range []string{d.Slug, d.Title, d.Region, d.Status, d.Summary, body} {
		n += jsonSize(s)
	}
	for _, list := range [][]string{d.Practices, d.Meta} {
		for _, s := range list {
			n += jsonSize(s) + 1
		}
	}
	return n
}

// jsonSize is len(appendJSONString(nil, s)) when s is valid UTF-8.
func jsonSize(s string) int {
	n := len(s) + 2
	for i := 0; i < len(s); i++ {
		switch x := jsonExtra[s[i]]; x {
		case 0:
		case lineSep:
			if isLineSep(s, i) {
				n += 3 // \u2028 for three bytes
				i += 2
			}
		default:
			n += int(x)
		}
	}
	return n
}
