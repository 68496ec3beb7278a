package brief

import (
	"fmt"
	"strings"
)

// UnknownPackError is a slug that names no published briefing pack.
type UnknownPackError struct {
	Slug  string
	Packs []string // the slugs of the site's published packs, sorted
}

func (e *UnknownPackError) Error() string {
	if len(e.Packs) == 0 {
		return fmt.Sprintf("no briefing pack %q: the site has no published packs (content/briefings/*.md)", e.Slug)
	}
	return fmt.Sprintf("no briefing pack %q (no published content/briefings/%s.md); the site's packs are: %s",
		e.Slug, e.Slug, strings.Join(e.Packs, ", "))
}
