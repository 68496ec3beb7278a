package serve

import (
	"testing"

	"github.com/guangdong-renovation/showcase/internal/sitetest"
)

func TestNoise(t *testing.T) {
	for name, want := range map[string]bool{
		"enping.md": false, "index.md": false, "site.css": false, "photo.jpg": false,
		".enping.md.swp": true, ".enping.md.swx": true, "enping.md~": true, ".#enping.md": true,
		"#enping.md#": true, "4913": true, ".DS_Store": true, "enping.md.tmp": true,
		"enping.md___jb_tmp___": true, "enping.swp": true, ".hidden": true,
	} {
		if got := isNoise(name); got != want {
			t.Errorf("isNoise(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestBatch(t *testing.T) {
	root := t.TempDir()
	sitetest.Write(t, root, map[string]string{"content/cases/a.md": "x"})
	mk := func(gone, added []string) *batch {
		b := newBatch()
		for _, g := range gone {
			b.gone[g], b.changed[g] = true, true
		}
		for _, a := range added {
			b.added[a], b.changed[a] = true, true
		}
		return b
	}
	for _, c := range []struct {
		name        string
		gone, added []string
		moved       bool
		list        int
	}{
		{"edit in place", nil, nil, false, 0},
		{"vim save", []string{"content/cases/a.md"}, []string{"content/cases/a.md"}, false, 1},
		{"sed -i", []string{"content/cases/sedXYZ"}, []string{"content/cases/sedXYZ", "content/cases/a.md"}, false, 1},
		{"rename", []string{"content/cases/b.md"}, []string{"content/cases/a.md"}, true, 2},
		{"folder rename", []string{"content/cases/old"}, []string{"content/cases/new", "content/cases/new/index.md"}, true, 3},
		{"delete", []string{"content/cases/b.md"}, nil, false, 1},
		{"new file", nil, []string{"content/cases/a.md"}, false, 1},
		{"static rename", []string{"static/a.css"}, []string{"static/b.css"}, false, 2},
	} {
		b := mk(c.gone, c.added)
		b.prune(root)
		if got := b.moved(); got != c.moved {
			t.Errorf("%s: moved() = %v", c.name, got)
		}
		if got := b.list(); len(got) != c.list {
			t.Errorf("%s: list() = %v, want %d paths", c.name, got, c.list)
		}
	}
	b := newBatch()
	b.lost = true
	if b.list() != nil {
		t.Errorf("a batch that lost events lists %v, want nil (read everything)", b.list())
	}
}
