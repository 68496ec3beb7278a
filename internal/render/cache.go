package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// Rendering a page runs every call in its templates through reflection,
// which makes the parts that are the same on thousands of pages (the
// header, the footer, a case's card) the bulk of a build. The functions
// here render such a part once per build and reuse the HTML.

// cardKey identifies one rendered card.
type cardKey struct {
	lang, heading string
	item          any
}

// CardData is what the "case-card" template receives.
type CardData struct {
	Lang string
	H    string // the heading element: h2 or h3
	Case any
}

// card renders the "case-card" template for one case, once per language
// and heading level in a build: a case appears on the case list, its
// practices, regions and scopes, and as related case elsewhere, so its card
// is rendered once and reused. The template sees only CardData, so the
// result cannot depend on the page it is shown on. Cards with h2 headings
// are not kept: only the list of all cases uses them, where each case
// appears once (at 100,000 cases, keeping them held 100 MB).
func (s *set) card(lang, heading string, item any) (template.HTML, error) {
	key := cardKey{lang, heading, item}
	if h, ok := s.cards.Load(key); ok {
		return h, nil
	}
	buf, _ := s.scratch.Get().(*bytes.Buffer)
	if buf == nil {
		buf = bytes.NewBuffer(make([]byte, 0, 4<<10))
	}
	defer s.scratch.Put(buf)
	buf.Reset()
	if err := s.renderCard(buf, lang, heading, item); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	if heading != "h2" {
		s.cards.Store(key, h)
	}
	return h, nil
}

// renderCard appends the card of item to buf.
func (s *set) renderCard(buf *bytes.Buffer, lang, heading string, item any) error {
	start := buf.Len()
	data := CardData{Lang: lang, H: heading, Case: item}
	err := Decline
	if s.nativeCard != nil {
		err = s.nativeCard.Render(buf, data, Parts{})
	}
	if errors.Is(err, Decline) {
		buf.Truncate(start)
		err = s.base.ExecuteTemplate(buf, "case-card", data)
	}
	return err
}

// cardList is card for every item of list (a slice of cases), joined: one
// template call per list instead of one per card. Cards that are not kept
// (h2) are rendered straight into the list.
func (s *set) cardList(lang, heading string, list any) (template.HTML, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return "", fmt.Errorf("cards: want a list of cases, got %T", list)
	}
	if heading == "h2" {
		var b bytes.Buffer
		b.Grow(v.Len() * (2 << 10))
		for i := range v.Len() {
			b.WriteByte('\n')
			if err := s.renderCard(&b, lang, heading, v.Index(i).Interface()); err != nil {
				return "", err
			}
		}
		return template.HTML(b.String()), nil
	}
	cards := make([]template.HTML, v.Len())
	size := 0
	for i := range cards {
		h, err := s.card(lang, heading, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		cards[i] = h
		size += 1 + len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range cards {
		b.WriteByte('\n')
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// partKey identifies one rendered cached partial.
type partKey struct {
	name, variant string
}

// cached renders the template name with data once per build for each
// variant and reuses the HTML on every other page: {{cached "site-footer"
// . .Lang}} renders the footer once per language. Like Hugo's
// partialCached, the partial must show nothing of data that the variant
// strings do not determine, or every page gets the first page's version.
func (s *set) cached(name string, data any, variant ...string) (template.HTML, error) {
	key := partKey{name, strings.Join(variant, "\x00")}
	if h, ok := s.parts.Load(key); ok {
		return h, nil
	}
	var buf bytes.Buffer
	if err := s.base.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	s.parts.Store(key, h)
	return h, nil
}
