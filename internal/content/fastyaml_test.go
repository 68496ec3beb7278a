package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guangdong-renovation/showcase/internal/gen"
	"gopkg.in/yaml.v3"
)

// fastYAMLCases are front matters for the differential tests; handled says
// whether fastYAML must take them (true) or leave them to yaml.v3.
var fastYAMLCases = []struct {
	src     string
	handled bool
}{
	{"", true},
	{"\n\n  \n", true},
	{"# only a comment\n  # another\n", true},
	{validCase[4 : strings.Index(validCase, "\n---\n")+1], true},
	{"title: x", true},
	{"title: x\n", true},
	{"a: 1\nb: 1.5\nc: true\nd: ~\ne: null\nf: 0x1F\ng: 1_000\nh: .inf\ni: -.5\nj: 2023-10-19\nk: 2023-10-19T08:00:00Z\nl: 1e3\nm: +1\nn: 0o17\no: yes\np: No\nq: .nan\n", true},
	{"1: a\ntrue: b\nnull: c\n~: d\n2023-01-01: e\n", true},
	{"a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", true},
	{"  a: 1\n  b: 2\n", true},
	{"a:\n    b: 1\n    c:\n      - x\n      -   y\n", true},
	{"a:\n- 1\n- 2\nb:\n  - 3\n", true},
	{"a:\n-\n- x\n-  \n-   # c\n", true},
	{"a:\n  -\n    b: 1\n  -\n    - c\n", true},
	{"a:\n  - k: v\n    j: w\n  -   k: v\n      j: w\n  - k:\n    - x\n  - k:\n  - z\n", true},
	{"a:\n- k: v\n  j:\n    deep: 1\n- x\n", true},
	{"a: 'single ''quoted'' : # text '\nb: \"double: # \\\"quoted\\\" \\\\ \\t\\n\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\e\\0\\a\\b\\v\\f\\r\\ \\/\"\n", false},
	{"a: 'single ''quoted'' : # text '\nb: \"double: # \\\"quoted\\\" \\\\ \\t\\n\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\e\\0\\a\\b\\v\\f\\r\\ \"\n", true},
	{"a: \"\\xe9\\x00\\x7f\\u2028\"\n", true},
	{"a: \"\\ud800\"\n", false},
	{"a: \"\\U00110000\"\n", false},
	{"a: \"\\q\"\n", false},
	{"a: \"\\x4\"\n", false},
	{"a: \"\"\nb: ''\nc: ' '\n", true},
	{"a: [x, \"y\", 'z', 2.5, -1, true, ~]\nb: []\nc: [ ]\nd: [ a b , c ]\ne: [23.29, 114.61] # where\n", true},
	{"a: [x, [y]]\n", false},
	{"a: [x, {y: z}]\n", false},
	{"a: [x, y: z]\n", false},
	{"a: [x,]\n", false},
	{"a: [x, ]\n", false},
	{"a: [,x]\n", false},
	{"a: [x\n  , y]\n", false},
	{"a: [x] y\n", false},
	{"a: [x]# c\n", false},
	{"a: [x #c]\n", false},
	{"a: [\"x\": y]\n", false},
	{"a: [-, x]\n", false},
	{"a: [-x, -1, -.5]\n", true},
	{"标题: 值\n地区:\n  城市: 江门市\n标签: [甲, “乙”, 丙]\n", true},
	{"title: 现场观摩：东门金融街（一）\nurl: https://example.org/a?b=c#d\n", true},
	{"a: b # comment\nc: d#not comment\ne:   # null with comment\n", true},
	{"a: b #\n", true},
	{"a: x: y\n", false},
	{"a: x:\n", false},
	{"a: x:y\n", true},
	{"a: b\n  c\n", false},
	{"a:\n  b\n", false},
	{"a: 'b\n  c'\n", false},
	{"a: \"b\n  c\"\n", false},
	{"a: \"b\\\n  c\"\n", false},
	{"a: |\n  text\n", false},
	{"a: >\n  text\n", false},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: !custom x\n", false},
	{"a: {b: c}\n", false},
	{"? a\n: b\n", false},
	{"'a': b\n", false},
	{"\"a\": b\n", false},
	{"---\na: b\n", false},
	{"a: b\n...\n", false},
	{"%YAML 1.2\n---\na: b\n", false},
	{"a: @b\n", false},
	{"a: `b\n", false},
	{"a: %b\n", false},
	{"a: - b\n", false},
	{"a: -\n", false},
	{"a: ? b\n", false},
	{"a: : b\n", false},
	{"a:\tb\n", false},
	{"a:\n\t- b\n", false},
	{"\ta: b\n", false},
	{"a: b\u0085c\n", false},
	{"a: b\u2028c\n", false},
	{"\ufeffa: b\n", false},
	{"a: b\x7f\n", false},
	{"a: b\x01\n", false},
	{"a: \xff\n", false},
	{"a: b\nb: c\na: d\n", true}, // duplicates are the decoder's business
	{"<<: 1\nb: <<\n", false},    // merge keys
	{"b: <<\n", false},
	{"a b: c d\n", true},
	{"a : b\n", false},
	{"a#b: c\n", false},
	{"a:b: c\n", true},
	{"- a\n- b\n", true},
	{"- a\nb: c\n", false},
	{"plain\n", false},
	{"'quoted'\n", false},
	{"a: b\n  c: d\n", false},
	{"a:\n  b: 1\n c: 2\n", false},
	{"a:\n  b: 1\n   c: 2\n", false},
	{"a:\n  - b\n  c: 2\n", false},
	{"a:\n    - b\n  - c\n", false},
	{"a: 1\n- b\n", false},
	{"- a: 1\n  - b\n", false},
	{"a:\n- - b\n", false},
	{"a:\n  - b: 1\n   c: 2\n", false},
	{"a: 'it''s'   # c\nb: 'x'y\n", false},
	{"a: 'x'#c\n", false},
	{"a: 'x' 'y'\n", false},
	{"a: \"x\" # c\nb: 'y'\n", true},
	{"a:\n  # comment\n  b: 1\n# c\n\nc:\n\n  - 1\n\n  # c\n  - 2\n", true},
	{"- # comment\n  - x\n", true},
	{"a:\n  - # comment\n    - x\n", true},
	{"a: " + strings.Repeat("长", 2000) + "\n", true},
	{strings.Repeat("k", 2000) + ": v\n", false},
	{"a: b\r\nc: d\r\n", false},
	{"a: 1\n\n\n", true},
	{"x:\n" + strings.Repeat(" ", 100) + "y: 1\n", true},
}

// yamlV3 parses src as parseYAML did before fastYAML: its root node, nil
// when the document is empty.
func yamlV3(src []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, err
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	return root.Content[0], nil
}

// nodeDiff describes the first difference between a and b in the fields
// the decoders read, "" when there is none.
func nodeDiff(a, b *yaml.Node, at string) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%s: fast %v, yaml.v3 %v", at, a, b)
		}
		return ""
	}
	fa := fmt.Sprintf("Kind=%d Style=%d Tag=%q Value=%q Line=%d Column=%d Anchor=%q Alias=%v children=%d",
		a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, a.Anchor, a.Alias != nil, len(a.Content))
	fb := fmt.Sprintf("Kind=%d Style=%d Tag=%q Value=%q Line=%d Column=%d Anchor=%q Alias=%v children=%d",
		b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column, b.Anchor, b.Alias != nil, len(b.Content))
	if fa != fb {
		return fmt.Sprintf("%s:\n  fast    %s\n  yaml.v3 %s", at, fa, fb)
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkFastYAML compares fastYAML with yaml.v3 on src and returns whether
// fastYAML handled it.
func checkFastYAML(t *testing.T, src []byte) bool {
	t.Helper()
	fast, ok := fastYAML(src)
	slow, err := yamlV3(src)
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("fastYAML handled %q, which yaml.v3 rejects: %v", src, err)
	}
	if d := nodeDiff(fast, slow, "root"); d != "" {
		t.Fatalf("fastYAML and yaml.v3 differ on %q at %s", src, d)
	}
	return true
}

func TestFastYAML(t *testing.T) {
	for _, tc := range fastYAMLCases {
		if got := checkFastYAML(t, []byte(tc.src)); got != tc.handled {
			_, err := yamlV3([]byte(tc.src))
			t.Errorf("fastYAML handled %q: %v, want %v (yaml.v3 error: %v)", tc.src, got, tc.handled, err)
		}
	}
}

// TestFastYAMLReused checks that a parser that has parsed other documents
// first (as each loader worker's does) gives what yaml.v3 gives: nothing of
// an earlier document's nodes may show through, whichever order they come.
func TestFastYAMLReused(t *testing.T) {
	p := &fastParser{}
	for _, order := range []int{1, -1} {
		for k := range fastYAMLCases {
			if order < 0 {
				k = len(fastYAMLCases) - 1 - k
			}
			src := []byte(fastYAMLCases[k].src)
			fast, ok := p.parse(src)
			if !ok {
				continue
			}
			slow, err := yamlV3(src)
			if err != nil {
				t.Fatalf("reused parser handled %q, which yaml.v3 rejects: %v", src, err)
			}
			if d := nodeDiff(fast, slow, "root"); d != "" {
				t.Fatalf("reused parser and yaml.v3 differ on %q at %s", src, d)
			}
		}
	}
}

// TestFastYAMLHandlesRealFrontMatter checks that the quick path takes every
// front matter the generator writes and every one of the example site:
// otherwise the speed-up would silently disappear.
func TestFastYAMLHandlesRealFrontMatter(t *testing.T) {
	srcs := realFrontMatters(t, 300)
	if len(srcs) < 300 {
		t.Fatalf("only %d front matters found", len(srcs))
	}
	for name, src := range srcs {
		if !checkFastYAML(t, src) {
			_, err := yamlV3(src)
			t.Errorf("%s: fastYAML leaves it to yaml.v3 (yaml.v3 error: %v):\n%s", name, err, src)
		}
	}
}

// realFrontMatters returns the front matters, by file, of a generated site
// of n cases and of the repository's example site, site.yaml included.
func realFrontMatters(t testing.TB, n int) map[string][]byte {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := gen.Write(dir, gen.Options{Cases: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, root := range []string{dir, filepath.Join("..", "..")} {
		files, _ := filepath.Glob(filepath.Join(root, "site.yaml"))
		err := filepath.WalkDir(filepath.Join(root, "content"), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(f, ".yaml") {
				out[f] = src
				continue
			}
			doc, p := splitDocument(src)
			if p != nil || doc.FrontMatter == nil {
				t.Fatalf("%s: no front matter", f)
			}
			out[f] = doc.FrontMatter
		}
	}
	return out
}

// FuzzFastYAML checks fastYAML against yaml.v3: whatever it handles,
// yaml.v3 parses without error into the same tree.
func FuzzFastYAML(f *testing.F) {
	for _, tc := range fastYAMLCases {
		f.Add([]byte(tc.src))
	}
	for _, src := range realFrontMatters(f, 20) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFastYAML(t, src)
		checkFastYAML(t, recipeYAML(src))
	})
}

// Pieces recipeYAML builds lines from: keys, values, and what may stand
// between a key and its value.
var (
	recipeKeys = []string{"a", "title", "1", "true", "~", "a b", "a:b", "标题", "-x", "x'", "é", "a-b", "2024-01-01", ".5"}
	recipeVals = []string{"x", "1", "-1", "1.5", "-.inf", "true", "No", "~", "2024-01-01", "2024-01-01T01:02:03Z",
		"a b", "a:b", "a#b", "a #b", "'s'", "'it''s'", "''", `"d"`, `"\n\x41\u00e9"`, `"a\"b"`, "[a, b]", "[]", "[ ]",
		`['a', "b", 1]`, "[a b, c]", "[-1, .5]", "[a'b]", "中文：内容", "-x", "x!y", "x&y", "x|y", "0o17", "+1", "1_000", "a]", "x{y"}
	recipeSeps = []string{":", ": ", ":  ", ": # c", " :", ":#"}
)

// recipeYAML turns fuzz bytes into a document of lines that look like
// front matter, which random bytes seldom do: each byte picks an
// indentation and a kind of line, and the next bytes its pieces.
func recipeYAML(b []byte) []byte {
	var out strings.Builder
	pick := func(list []string) string {
		if len(b) == 0 {
			return list[0]
		}
		s := list[int(b[0])%len(list)]
		b = b[1:]
		return s
	}
	for len(b) > 0 {
		c := b[0]
		b = b[1:]
		out.WriteString(strings.Repeat(" ", []int{0, 0, 0, 2, 2, 4, 1, 3}[c>>5]))
		switch c & 7 {
		case 0, 1:
			out.WriteString(pick(recipeKeys) + pick(recipeSeps) + pick(recipeVals))
		case 2:
			out.WriteString(pick(recipeKeys) + ":")
		case 3:
			out.WriteString("- " + pick(recipeVals))
		case 4:
			out.WriteString("- " + pick(recipeKeys) + ": " + pick(recipeVals))
		case 5:
			out.WriteString("-")
		case 6:
			out.WriteString("# " + pick(recipeVals))
		case 7:
			out.WriteString(pick(recipeVals))
		}
		out.WriteString("\n")
	}
	return []byte(out.String())
}

// BenchmarkFrontMatter parses generated case front matters with fastYAML
// and with yaml.v3.
func BenchmarkFrontMatter(b *testing.B) {
	var srcs [][]byte
	for _, src := range realFrontMatters(b, 100) {
		srcs = append(srcs, src)
	}
	for _, p := range []struct {
		name  string
		parse func([]byte) (*yaml.Node, error)
	}{
		{"fast", func(src []byte) (*yaml.Node, error) { n, _ := fastYAML(src); return n, nil }},
		{"yaml.v3", yamlV3},
	} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, src := range srcs {
					if _, err := p.parse(src); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// plainTag answers as yaml.v3's resolver does, or leaves it to it.
func TestPlainTag(t *testing.T) {
	for _, v := range []string{
		"龙川县", "hello", "Yes", "yes", "no", "true", "False", "off", "null", "~", "<<",
		"0", "7", "325", "007", "0x1F", "0o17", "0b101", "1_000", "123456789012345", "1234567890123456789012",
		"23.55691", "0.5", "00.5", "1.", ".5", "1.5e3", "2022-06-09", "2022", "1.2.3", "12abc", "-3", "+3",
		"a b", "恩平 2021", "8.25亿元",
	} {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		want := n.ShortTag()
		if got := plainTag(v); got != "" && got != want {
			t.Errorf("plainTag(%q) = %s, yaml.v3 says %s", v, got, want)
		}
	}
	for v, want := range map[string]string{"龙川县": "!!str", "hello": "!!str", "325": "!!int", "0": "!!int", "23.55691": "!!float"} {
		if got := plainTag(v); got != want {
			t.Errorf("plainTag(%q) = %q, want %q: the fast path is gone", v, got, want)
		}
	}
}
