package brief

import (
	"sort"
	"strings"

	"github.com/guangdong-renovation/showcase/internal/site"
)

// Packs returns the slugs of the briefing packs of a built site, sorted.
func Packs(mem *site.Memory) []string {
	var out []string
	for _, p := range mem.Paths() {
		rest, ok := strings.CutPrefix(p, "briefings/")
		if !ok {
			continue
		}
		if slug, ok := strings.CutSuffix(rest, "/index.html"); ok && !strings.Contains(slug, "/") {
			out = append(out, slug)
		}
	}
	sort.Strings(out)
	return out
}
