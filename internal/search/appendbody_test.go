package search

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestAppendBodyGivesSameIndex requires an index whose bodies are made on
// demand (Doc.AppendBody, as a site derives them from its pages' HTML) to
// be byte for byte the one built from the same bodies held as strings.
func TestAppendBodyGivesSameIndex(t *testing.T) {
	var held, made []Doc
	for i := 0; i < 300; i++ {
		body := fmt.Sprintf("第%d号小区加装电梯%d部，\n改造 elevator %d。%s", i, i%7, i, strings.Repeat("雨污分流、三线整治。", i%40))
		d := Doc{Kind: Case, Slug: fmt.Sprint("c", i), Title: fmt.Sprint("小区", i), Summary: "老旧小区改造", Body: body}
		held = append(held, d)
		d.Body = ""
		d.AppendBody = func(dst []byte) []byte { return append(dst, body...) }
		d.BodySize = len(body)
		made = append(made, d)
	}
	l := NewLayout(held, "v")
	if NewLayout(made, "v") != l {
		t.Fatalf("layouts differ: %+v and %+v", l, NewLayout(made, "v"))
	}
	want := Build(held, l, 2).Files(held)
	got := Build(made, l, 2).Files(made)
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("%d files, want %d (at least 3)", len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s differs", name)
		}
	}
	// One buffer reused from file to file, as a build reuses it, changes
	// nothing either.
	var scratch []byte
	for n := l.Fragments() - 1; n >= 0; n-- {
		// after what a reused buffer already holds, as a build appends
		prefix := []byte("held")
		if f := l.AppendFragment(prefix[:4:4], made, n, &scratch); !bytes.Equal(f, append(prefix, want[FragmentName(n)]...)) {
			t.Errorf("%s differs when made in a reused buffer", FragmentName(n))
		}
	}
	if cap(scratch) == 0 {
		t.Error("AppendFragment kept no buffer to reuse")
	}
}

// AppendShard appends to what dst holds, and gives Shard's bytes.
func TestAppendShard(t *testing.T) {
	docs := []Doc{{Kind: Case, Slug: "a", Title: "恩平市老旧小区改造", Body: "加装电梯"}, {Kind: Case, Slug: "b", Title: "江门", Body: "雨污分流"}}
	l := NewLayout(docs, "v")
	idx := Build(docs, l, 1)
	for n := 0; n < l.Shards; n++ {
		want := append([]byte("prefix"), idx.Shard(n)...)
		if got := idx.AppendShard([]byte("prefix"), n); !bytes.Equal(got, want) {
			t.Errorf("shard %d: AppendShard gave %q, want %q", n, got, want)
		}
	}
}
