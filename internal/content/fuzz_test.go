package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes as a case file and as site.yaml. Loading
// must never panic, and every problem must point into a real file at a
// line that exists.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(validCase), []byte("title: x\n"))
	f.Add([]byte("---\ntitle: [\n---\n"), []byte("targets: {a: b}\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n"), []byte("progress: [{}]\n"))
	f.Add([]byte("---\na: &a [x, x]\nb: [*a, *a]\ntitle: *a\n---\n"), []byte("languages: [en, en]\n"))
	f.Add([]byte("---\ndate: 2024-13-45\nfigures: {zones: -1, area_m2: 1e400}\n---\n"), []byte("\t- x"))
	f.Fuzz(func(t *testing.T, caseFile, siteYAML []byte) {
		fsys := fstest.MapFS{
			"content/cases/a.md": {Data: caseFile},
			"site.yaml":          {Data: siteYAML},
		}
		_, probs := Load(fsys, Options{})
		lines := map[string]int{
			"content/cases/a.md": strings.Count(string(caseFile), "\n") + strings.Count(string(caseFile), "\r") + 2,
			"site.yaml":          strings.Count(string(siteYAML), "\n") + strings.Count(string(siteYAML), "\r") + 2,
		}
		for _, p := range probs {
			max, ok := lines[p.Path]
			if !ok {
				t.Fatalf("problem for an unknown file: %v", p)
			}
			if p.Line < 0 || p.Line > max || p.Col < 0 {
				t.Fatalf("problem outside the file (%d lines): %v", max, p)
			}
			if p.Message == "" {
				t.Fatalf("problem without a message: %+v", p)
			}
		}
	})
}
