package links

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestScanMatchesReference: scan, which skips tags without attributes,
// finds what a plain reading of every tag finds, on built pages and on
// the odd cases of HTML.
func TestScanMatchesReference(t *testing.T) {
	docs := map[string]string{
		"no tags":          "plain text",
		"ends in <":        "text <",
		"bare tags":        "<p><li></li></p><br/><hr />",
		"attributes":       `<a href="/a/" id="x"><img src="/i.png" alt="a"></a>`,
		"newline in tag":   "<a\nhref=\"/n/\"\nid=\"n\">n</a>",
		"upper case":       `<A HREF="/up/">u</A><IMG SRC="/u.png">`,
		"link rel":         `<link rel="stylesheet" href="/s.css"><link rel="icon" href="/f.svg"><link rel="canonical" href="https://x/">`,
		"comment":          `<!-- <a href="/hidden/"> --><a href="/shown/">s</a>`,
		"empty comment":    `<!----><a href="/after/">a</a>`,
		"unclosed comment": `<!-- <a href="/c/"> <a href="/d/">`,
		"doctype":          `<!DOCTYPE html><html lang="zh-CN"><a href="/d/">d</a>`,
		"script":           `<script>if (a<b) x = '<a href="/in/">'</script><a href="/out/">o</a>`,
		"script src":       `<script src="/js/site.js" async></script><a href="/after/">a</a>`,
		"style":            `<style>a[href="/x/"]{}</style><p id="after">`,
		"unclosed tag":     `<a href="/cut/"`,
		"entities":         `<a href="/a/?x=1&amp;y=2" id="i&amp;j">x</a>`,
		"empty tag":        `<><a href="/e/">`,
	}
	pages, _ := filepath.Glob("../site/testdata/golden/*.html")
	if len(pages) == 0 {
		t.Fatal("no built pages in ../site/testdata/golden")
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(p)] = string(b)
	}
	for name, doc := range docs {
		refs, ids := Scan([]byte(doc))
		wantRefs, wantIDs := scanReference([]byte(doc))
		if name == "unclosed comment" {
			// The first scanner went on after the tag's '>'; a browser
			// reads the rest of the page as the comment, and so does scan.
			wantRefs = nil
		}
		if !slices.Equal(refs, wantRefs) || !slices.Equal(ids, wantIDs) {
			t.Errorf("%s:\nrefs %q\nwant %q\nids %q\nwant %q", name, refs, wantRefs, ids, wantIDs)
		}
	}
	refs, _ := Scan([]byte(docs["index.html"]))
	if len(refs) < 10 {
		t.Errorf("index.html: %d links, want many: %q", len(refs), refs)
	}
}

// scanReference reads every tag whole: the scanner as it first was.
func scanReference(doc []byte) (refs, ids []string) {
	for i := 0; i < len(doc); {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		end := bytes.IndexByte(doc[i:], '>')
		if end < 0 {
			break
		}
		tag := doc[i : i+end]
		i += end + 1
		if len(tag) == 0 || tag[0] == '/' || tag[0] == '!' {
			if bytes.HasPrefix(tag, []byte("!--")) {
				if k := bytes.Index(doc[i-end-1:], []byte("-->")); k >= 0 {
					i = i - end - 1 + k + 3
				}
			}
			continue
		}
		name := strings.ToLower(string(tag[:bytes.IndexAny(append(tag[:len(tag):len(tag)], ' '), " \t\n/")]))
		eachAttr(tag, func(attr, val []byte) {
			v := html.UnescapeString(string(val))
			switch strings.ToLower(string(attr)) {
			case "href", "src":
				if name == "link" && !bytes.Contains(tag, []byte(`rel="stylesheet"`)) && !bytes.Contains(tag, []byte(`rel="icon"`)) {
					return
				}
				refs = append(refs, v)
			case "id":
				ids = append(ids, v)
			}
		})
		if name == "script" || name == "style" {
			if k := bytes.Index(bytes.ToLower(doc[i:]), []byte("</"+name)); k >= 0 {
				i += k
			}
		}
	}
	return refs, ids
}
