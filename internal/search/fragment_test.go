package search

import (
	"strings"
	"testing"
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
		size += fragmentSize(&docs[i]) + 2
	}
	if len(f) > size {
		t.Errorf("fragment of %d bytes outgrew its buffer of %d", len(f), size)
	}
}
