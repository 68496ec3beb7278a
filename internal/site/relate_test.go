package site

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// TestRelate checks the fast related-case selection against the plain
// definition (score 2 per shared practice, 1 for the same city, ties to
// the newer case) on catalogs with many ties, and with cases that have
// more than maxSubsetPractices practices (found by scanning).
func TestRelate(t *testing.T) {
	for _, tt := range []struct {
		practices []string
		cases     []int // bit j set: the case has practice j
	}{
		{[]string{"甲", "乙", "丙", "丁"}, seq(0, 120)},
		{[]string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}, append(seq(0, 200), seq(1000, 1024)...)},
	} {
		t.Run(fmt.Sprint(len(tt.practices)), func(t *testing.T) { testRelate(t, tt.practices, tt.cases) })
	}
}

func seq(lo, hi int) []int {
	var s []int
	for i := lo; i < hi; i++ {
		s = append(s, i)
	}
	return s
}

func testRelate(t *testing.T, practices []string, masks []int) {
	lib := &content.Library{Config: content.DefaultConfig()}
	cities := []string{"江门市", "梅州市", "韶关市"}
	for _, i := range masks {
		c := &content.Case{Source: content.Source{Slug: fmt.Sprintf("c%03d", i)}, Title: "t",
			Date:   time.Date(2020, 1, 1+i%40, 0, 0, 0, 0, time.UTC),
			Region: content.Region{City: cities[i%3]}, Status: "completed"}
		for j, p := range practices {
			if (i>>j)&1 == 1 {
				c.Practices = append(c.Practices, p)
			}
		}
		lib.Cases = append(lib.Cases, c)
	}
	cat := assemble(lib, false)
	rank := map[*Case]int{}
	for i, c := range cat.Cases {
		rank[c] = i
	}
	for _, c := range cat.Cases {
		score := func(o *Case) int {
			s := 0
			for _, p := range c.PracticeList {
				for _, q := range o.PracticeList {
					if p == q {
						s += 2
					}
				}
			}
			if o.City == c.City {
				s++
			}
			return s
		}
		var want []*Case
		for _, o := range cat.Cases {
			if o != c && score(o) > 0 {
				want = append(want, o)
			}
		}
		sort.SliceStable(want, func(i, j int) bool {
			if score(want[i]) != score(want[j]) {
				return score(want[i]) > score(want[j])
			}
			return rank[want[i]] < rank[want[j]]
		})
		if len(want) > maxRelated {
			want = want[:maxRelated]
		}
		if fmt.Sprint(slugs(c.Related)) != fmt.Sprint(slugs(want)) {
			t.Fatalf("%s: related %v, want %v", c.Slug, slugs(c.Related), slugs(want))
		}
	}
}

func slugs(cs []*Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Slug)
	}
	return out
}
