package site

import (
	"slices"
	"sync"
)

// maxRelated is how many related cases a case page shows.
const maxRelated = 4

// maxSubsetPractices bounds the practices of a case whose related cases
// are found through the subset lists (2^n lists to look at); a case with
// more is scored against every candidate instead.
const maxSubsetPractices = 8

// relate picks each case's related cases: the maxRelated with the highest
// score, newest first among equals, where a shared practice scores 2 and
// the same city 1. Only cases sharing a practice or the city count.
//
// Scoring every candidate is quadratic (at 100,000 cases, a practice has
// tens of thousands), so the cases are indexed by every subset of their
// practices, with and without their city, in rank order. A case sharing
// the practices S with c, and c's city when f is 1, scores at least
// 2|S|+f, and every case scoring at least t is on one of c's lists whose
// level 2|S|+f is t or t+1. Going down from the highest level, the newest
// cases on a level's lists that are not yet chosen are exactly the newest
// of those scoring t, so each case looks at the heads of a few lists.
func relate(cat *Catalog, workers int) {
	n := len(cat.Cases)
	if n == 0 {
		return
	}
	ix := newRelateIndex(cat)
	if workers < 1 {
		workers = 1
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			sc := newScorer(ix, n)
			for i := w; i < n; i += workers {
				var best []int32
				if len(ix.practices[i]) > maxSubsetPractices {
					best = sc.scan(int32(i))
				} else {
					best = sc.levels(int32(i))
				}
				related := make([]*Case, len(best))
				for j, r := range best {
					related[j] = cat.Cases[r]
				}
				cat.Cases[i].Related = related
			}
		}(w)
	}
	wg.Wait()
}

// relateIndex holds, for every case (by rank), its practice and city
// numbers, and the rank lists of every practice, city and subset.
type relateIndex struct {
	practices  [][]int32 // rank -> practice numbers, ascending
	city       []int32   // rank -> city number, or -1
	byKey      map[string][]int32
	byPractice [][]int32 // practice number -> ranks
	byCity     [][]int32 // city number -> ranks
	wide       []int32   // ranks of the cases not in byKey: too many practices
}

func newRelateIndex(cat *Catalog) *relateIndex {
	n := len(cat.Cases)
	ix := &relateIndex{practices: make([][]int32, n), city: make([]int32, n), byKey: map[string][]int32{}}
	pnum := make(map[*Practice]int32, len(cat.Practices))
	for i, p := range cat.Practices {
		pnum[p] = int32(i)
	}
	cnum := make(map[*Region]int32, len(cat.Cities))
	for i, r := range cat.Cities {
		cnum[r] = int32(i)
	}
	ix.byPractice = make([][]int32, len(cat.Practices))
	ix.byCity = make([][]int32, len(cat.Cities))
	var key []byte
	for i, c := range cat.Cases {
		r := int32(i)
		ps := make([]int32, 0, len(c.PracticeList))
		for _, p := range c.PracticeList {
			if k, ok := pnum[p]; ok && !slices.Contains(ps, k) {
				ps = append(ps, k)
			}
		}
		slices.Sort(ps)
		ix.practices[i] = ps
		for _, p := range ps {
			ix.byPractice[p] = append(ix.byPractice[p], r)
		}
		ix.city[i] = -1
		if k, ok := cnum[c.City]; ok && c.City != nil {
			ix.city[i] = k
			ix.byCity[k] = append(ix.byCity[k], r)
		}
		if len(ps) > maxSubsetPractices {
			ix.wide = append(ix.wide, r)
			continue
		}
		for mask := 1; mask < 1<<len(ps); mask++ {
			key = subsetKey(key[:0], ps, mask, -1)
			ix.byKey[string(key)] = append(ix.byKey[string(key)], r)
			if ix.city[i] >= 0 {
				key = subsetKey(key[:0], ps, mask, ix.city[i])
				ix.byKey[string(key)] = append(ix.byKey[string(key)], r)
			}
		}
	}
	return ix
}

// subsetKey writes the key of the practices of ps chosen by mask, with a
// city or -1.
func subsetKey(b []byte, ps []int32, mask int, city int32) []byte {
	for j, p := range ps {
		if mask&(1<<j) != 0 {
			b = append(b, byte(p>>16), byte(p>>8), byte(p), ',')
		}
	}
	if city >= 0 {
		b = append(b, 'c', byte(city>>16), byte(city>>8), byte(city))
	}
	return b
}

// scorer finds one case's related cases at a time; one per goroutine.
type scorer struct {
	ix      *relateIndex
	score   []int32 // for scan: rank -> score
	touched []int32
	lists   [][]int32
	heads   []int
	key     []byte
	wide    []int32
}

// pair is the score of case r for case i.
func (s *scorer) pair(i, r int32) int {
	n := 0
	for _, p := range s.ix.practices[i] {
		if slices.Contains(s.ix.practices[r], p) {
			n += 2
		}
	}
	if c := s.ix.city[i]; c >= 0 && c == s.ix.city[r] {
		n++
	}
	return n
}

func newScorer(ix *relateIndex, n int) *scorer {
	return &scorer{ix: ix, score: make([]int32, n)}
}

// levels finds case i's related cases through the subset lists.
func (s *scorer) levels(i int32) []int32 {
	ps := s.ix.practices[i]
	city := s.ix.city[i]
	top := 2 * len(ps)
	if city >= 0 {
		top++
	}
	var best []int32
	chosen := func(r int32) bool {
		for _, b := range best {
			if b == r {
				return true
			}
		}
		return false
	}
	for t := top; t >= 1 && len(best) < maxRelated; t-- {
		s.lists = s.lists[:0]
		for mask := 0; mask < 1<<len(ps); mask++ {
			size := popcount(mask)
			for f := int32(0); f <= 1; f++ {
				if f == 1 && city < 0 {
					continue
				}
				if level := 2*size + int(f); level != t && level != t+1 {
					continue
				}
				var l []int32
				switch {
				case mask == 0 && f == 0:
					continue
				case mask == 0:
					l = s.ix.byCity[city]
				default:
					c := int32(-1)
					if f == 1 {
						c = city
					}
					s.key = subsetKey(s.key[:0], ps, mask, c)
					l = s.ix.byKey[string(s.key)]
				}
				if len(l) > 0 {
					s.lists = append(s.lists, l)
				}
			}
		}
		// Cases with very many practices are on no subset list: score them.
		s.wide = s.wide[:0]
		for _, r := range s.ix.wide {
			if s.pair(i, r) >= t {
				s.wide = append(s.wide, r)
			}
		}
		if len(s.wide) > 0 {
			s.lists = append(s.lists, s.wide)
		}
		// Merge the lists in rank order, taking the newest not chosen.
		s.heads = slices.Grow(s.heads[:0], len(s.lists))[:len(s.lists)]
		clear(s.heads)
		for len(best) < maxRelated {
			next := int32(-1)
			for k, l := range s.lists {
				if h := s.heads[k]; h < len(l) && (next < 0 || l[h] < next) {
					next = l[h]
				}
			}
			if next < 0 {
				break
			}
			for k, l := range s.lists {
				if h := s.heads[k]; h < len(l) && l[h] == next {
					s.heads[k]++
				}
			}
			if next != i && !chosen(next) {
				best = append(best, next)
			}
		}
	}
	return best
}

// scan scores every case that shares a practice or the city with case i:
// the fallback for cases with very many practices.
func (s *scorer) scan(i int32) []int32 {
	s.touched = s.touched[:0]
	add := func(rs []int32, v int32) {
		for _, r := range rs {
			if s.score[r] == 0 {
				s.touched = append(s.touched, r)
			}
			s.score[r] += v
		}
	}
	for _, p := range s.ix.practices[i] {
		add(s.ix.byPractice[p], 2)
	}
	if c := s.ix.city[i]; c >= 0 {
		add(s.ix.byCity[c], 1)
	}
	// The best maxRelated by (score desc, rank asc), by insertion.
	var best [maxRelated]int32
	k := 0
	for _, r := range s.touched {
		if r == i {
			continue
		}
		j := k
		for j > 0 && (s.score[best[j-1]] < s.score[r] || (s.score[best[j-1]] == s.score[r] && best[j-1] > r)) {
			if j < maxRelated {
				best[j] = best[j-1]
			}
			j--
		}
		if j < maxRelated {
			best[j] = r
			if k < maxRelated {
				k++
			}
		}
	}
	for _, r := range s.touched {
		s.score[r] = 0
	}
	return append([]int32(nil), best[:k]...)
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
