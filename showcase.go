// Package showcase holds the built-in theme of the showcase site
// generator: the templates/ and static/ folders of this repository,
// embedded in the binary so that `go install ./cmd/showcase` works on any
// site folder. A site's own templates/ and static/ files override these by
// name.
package showcase

import "embed"

// Theme is the built-in theme: templates/ and static/. Partial templates
// start with "_", which go:embed skips unless named by a pattern.
//
//go:embed templates templates/_*.html static
var Theme embed.FS
