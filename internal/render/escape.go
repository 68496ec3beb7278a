package render

import (
	"bytes"
	"strings"
)

// The escapers below write exactly what html/template writes for a string
// in each context the built-in theme's Go renderers (see Native) need, so
// that a page rendered in Go is byte for byte the page its template
// renders. They follow html/template's htmlEscaper, attrEscaper,
// urlFilter and urlNormalizer (Go 1.26); the tests compare them with
// html/template on awkward strings.

// htmlReplacement is html/template's htmlReplacementTable: the bytes it
// replaces in element content and quoted attribute values.
var htmlReplacement = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// AppendHTML writes s as {{.}} writes a string in element content or in
// an ordinary quoted attribute value. Bytes of multi-byte characters are
// all ≥ 0x80, so a byte loop treats characters as html/template does.
func AppendHTML(b *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) >= len(htmlReplacement) || htmlReplacement[c] == "" {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(htmlReplacement[c])
		written = i + 1
	}
	b.WriteString(s[written:])
}

// AppendURL writes s as {{.}} writes a string that starts a URL attribute
// (href="{{.}}", src="{{.}}"): a scheme other than http, https or mailto
// becomes "#ZgotmplZ"; then the URL is normalized and attribute-escaped.
func AppendURL(b *bytes.Buffer, s string) {
	if !safeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	AppendURLPart(b, s)
}

// AppendURLPart writes s as {{.}} writes a string inside a URL attribute
// after its start, before any "?" (href="tel:{{.}}"): normalized, then
// attribute-escaped.
func AppendURLPart(b *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '*', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
			continue
		case '&':
			b.WriteString(s[written:i])
			b.WriteString("&amp;")
			written = i + 1
			continue
		case '+':
			b.WriteString(s[written:i])
			b.WriteString("&#43;")
			written = i + 1
			continue
		case '%':
			// A valid escape stays; html/template checks i+2 < len(s).
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		b.WriteString(s[written:i])
		const hex = "0123456789abcdef"
		b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		written = i + 1
	}
	b.WriteString(s[written:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// safeURL is html/template's isSafeURL.
func safeURL(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/':
			return true
		case ':':
			p := s[:i]
			return strings.EqualFold(p, "http") || strings.EqualFold(p, "https") || strings.EqualFold(p, "mailto")
		}
	}
	return true
}
