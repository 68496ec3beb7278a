package site

import (
	"fmt"

	"github.com/guangdong-renovation/showcase/internal/content"
)

// checkBriefingDrafts reports published briefing packs that name a case
// that is still a draft: the case would silently drop out of the
// handbook. (Packs naming a case that does not exist at all are reported
// by content.Load.)
func checkBriefingDrafts(lib *content.Library, cat *Catalog, drafts bool) content.Problems {
	if drafts {
		return nil
	}
	draft := map[string]bool{}
	for _, c := range lib.Cases {
		if c.Lang == "" && c.Draft {
			draft[c.Slug] = true
		}
	}
	var probs content.Problems
	for _, b := range cat.Briefings {
		for _, ref := range b.Briefing.Cases {
			if draft[ref.Slug] {
				probs = append(probs, content.Problem{Path: b.Path, Line: ref.Pos.Line, Col: ref.Pos.Col,
					Message: fmt.Sprintf("case %q is a draft: publish it (remove draft: true) or leave it out of the pack; build --drafts to preview", ref.Slug)})
			}
		}
	}
	return probs
}
