package search

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
	lo := n * l.Group
	hi := min(lo+l.Group, len(docs))
	size := 2
	for i := lo; i < hi; i++ {
		size += storedSize(&docs[i]) + 16
	}
	b := make([]byte, 0, size)
	b = append(b, '[')
	for i := lo; i < hi; i++ {
		if i > lo {
			b = append(b, ",\n"...)
		}
		b = appendDoc(b, &docs[i])
	}
	return append(b, "]\n"...)
}

func appendDoc(b []byte, d *Doc) []byte {
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
	field("x", d.Body)
	return append(b, '}')
}
