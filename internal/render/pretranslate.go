package render

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// trAction matches a whole action {{tr LANG "literal"}} where LANG is the
// page's language ($lang, .Lang or $.Lang, which the theme's templates all
// set from the page), with optional trim markers.
var trAction = regexp.MustCompile(`\{\{(-?)\s*tr\s+(?:\$lang|\.Lang|\$\.Lang)\s+("(?:[^"\\\n]|\\.)*")\s*(-?)\}\}`)

// pretranslate replaces each such action in a template's text with its
// translation into lang, HTML-escaped (which is right in text and in
// attribute values alike), keeping the trim markers as empty comments. The
// line count never changes, so problems keep their lines.
func pretranslate(src []byte, lang string) []byte {
	return trAction.ReplaceAllFunc(src, func(m []byte) []byte {
		sub := trAction.FindSubmatch(m)
		lit, err := strconv.Unquote(string(sub[2]))
		if err != nil || strings.Contains(lit, "{{") || strings.ContainsAny(lit, "\n") {
			return m
		}
		var b strings.Builder
		if len(sub[1]) > 0 {
			b.WriteString("{{- /**/}}")
		}
		b.WriteString(html.EscapeString(Translate(lang, lit)))
		if len(sub[3]) > 0 {
			b.WriteString("{{/**/ -}}")
		}
		return []byte(b.String())
	})
}
