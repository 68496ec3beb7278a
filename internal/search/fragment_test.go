package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestJSONSize checks that jsonSize gives the length appendJSONString
// writes, and that a fragment's buffer is made large enough at once.
func TestJSONSize(t *testing.T) {
	cases := []string{"", "plain", "两行\n文字", `"<a href='x'>&amp;</a>" \ tab	cr` + "\r",
		"\x00\x1f\x7f", "行\u2028分\u2029段", "—…›", "é\u00a0", strings.Repeat("一段文字。\n", 500)}
	for _, s := range cases {
		if got, want := jsonSize(s), len(appendJSONString(nil, s)); got != want {
			t.Errorf("jsonSize(%q) = %d, appendJSONString writes %d", s, got, want)
		}
	}
	var docs []Doc
	for i, s := range cases {
		docs = append(docs, Doc{Kind: Case, Slug: "c" + s[:0], Title: s, Region: s, Status: "done", Summary: s, Body: s,
			Practices: []string{s, "加装电梯"}, Meta: cases[:i]})
	}
	l := Layout{Group: len(docs)}
	f := l.Fragment(docs, 0)
	size := 2
	for i := range docs {
		size += fragmentSize(&docs[i], docs[i].Body) + 2
	}
	if len(f) > size {
		t.Errorf("fragment of %d bytes outgrew its buffer of %d", len(f), size)
	}
}

// FuzzJSONString checks appendJSONString against encoding/json: the
// string reads back as itself (invalid UTF-8 as U+FFFD), the output holds
// no markup and no line separator JavaScript would choke on, and jsonSize
// gives its length.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"加装电梯", "a\"b\\c\nd\x01", "x\u2028y\u2029", "bad\xffbyte", "</script>&", "“引号”…", "\xe2\x80", "\xe2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := appendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("appendJSONString(%q) = %s: %v", s, b, err)
		}
		if want := strings.ToValidUTF8(s, "\uFFFD"); back != want && utf8.ValidString(s) {
			t.Fatalf("appendJSONString(%q) reads back as %q", s, back)
		}
		if bytes.ContainsAny(b, "<>&\u2028\u2029") {
			t.Fatalf("appendJSONString(%q) = %s: unescaped markup or line separator", s, b)
		}
		if utf8.ValidString(s) && jsonSize(s) != len(b) {
			t.Fatalf("jsonSize(%q) = %d, appendJSONString writes %d", s, jsonSize(s), len(b))
		}
	})
}
