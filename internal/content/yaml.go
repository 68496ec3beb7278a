package content

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// A decoder walks one file's YAML node tree into typed values, recording a
// Problem, with the key's own line and column in the file, for everything
// wrong: unknown or misspelt fields, wrong types, duplicates, bad values.
// It never stops at the first problem.
type decoder struct {
	path    string
	lineOff int // added to a node's line to get the file's line
	probs   *Problems
	budget  int // nodes it may still visit: bounds alias expansion
}

// Pos is a position in a content file.
type Pos struct{ Line, Col int }

const nodeBudget = 200000

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses src (which starts at file line lineOff+1) into its root
// node. A syntax error becomes a Problem; the result is then nil. The
// common kind of front matter takes fastYAML's quicker path; the rest, and
// every error, goes through yaml.v3.
func parseYAML(path string, src []byte, lineOff int, probs *Problems) *yaml.Node {
	return parseYAMLWith(&fastParser{}, path, src, lineOff, probs)
}

// parseYAMLWith is parseYAML with a fastParser to reuse (see its parse).
func parseYAMLWith(fp *fastParser, path string, src []byte, lineOff int, probs *Problems) *yaml.Node {
	if n, ok := fp.parse(src); ok {
		return n
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		line, msg := 0, err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		col := 1
		if line == 0 {
			line = 1
		}
		lines := strings.Split(string(src), "\n")
		// yaml.v3 often reports a tab one line late or early; point at the
		// tab when a nearby line has one, since that is what to fix.
		for _, l := range []int{line, line - 1, line + 1} {
			if l >= 1 && l <= len(lines) {
				if i := strings.IndexByte(lines[l-1], '\t'); i >= 0 && strings.TrimLeft(lines[l-1][:i], " ") == "" {
					line, col, msg = l, i+1, "tab character used for indentation: YAML allows only spaces"
					break
				}
			}
		}
		*probs = append(*probs, Problem{Path: path, Line: line + lineOff, Col: col, Message: "invalid YAML: " + msg})
		return nil
	}
	if len(root.Content) == 0 {
		return nil
	}
	return root.Content[0]
}

func (d *decoder) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{Line: 1, Col: 1}
	}
	return Pos{Line: n.Line + d.lineOff, Col: n.Column}
}

func (d *decoder) errorAt(p Pos, format string, args ...any) {
	*d.probs = append(*d.probs, Problem{Path: d.path, Line: p.Line, Col: p.Col, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errorAt(d.pos(n), format, args...)
}

func (d *decoder) warnf(n *yaml.Node, format string, args ...any) {
	p := d.pos(n)
	*d.probs = append(*d.probs, Problem{Path: d.path, Line: p.Line, Col: p.Col, Message: fmt.Sprintf(format, args...), Warning: true})
}

// resolve follows aliases and spends the node budget, so that a "billion
// laughs" document fails quickly instead of exhausting memory.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 16 {
			d.errorf(n, "alias chain too long")
			return nil
		}
		n = n.Alias
	}
	d.budget--
	if d.budget == 0 {
		d.errorf(n, "front matter too large after expanding aliases (more than %d values)", nodeBudget)
	}
	if d.budget <= 0 {
		return nil
	}
	return n
}

// A field is one known key of a mapping and what to do with its value.
type field struct {
	name string
	set  func(v *yaml.Node)
}

// object decodes mapping n, whose dotted name is what ("" at the top), by
// its known fields. It reports unknown keys (with a "did you mean" hint),
// duplicate keys, and the required fields that are missing or empty, at
// missingAt. It returns the keys it saw.
func (d *decoder) object(n *yaml.Node, what string, fields []field, required []string, missingAt Pos) map[string]bool {
	seen := map[string]bool{}
	suggested := map[string]bool{} // known fields offered as a hint
	n = d.resolve(n)
	if n != nil && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s must be a mapping of fields (key: value), not %s", nameOr(what, "front matter"), describe(n))
			return seen
		}
		firstLine := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := d.resolve(n.Content[i]), n.Content[i+1]
			if k == nil {
				continue
			}
			key := k.Value
			full := join(what, key)
			if line, dup := firstLine[key]; dup {
				d.errorf(k, "duplicate field %s (first set at line %d)", full, line)
				continue
			}
			firstLine[key] = k.Line + d.lineOff
			f := findField(fields, key)
			if f == nil {
				names := make([]string, len(fields))
				for i, f := range fields {
					names[i] = f.name
				}
				if hint := didYouMean(key, names); hint != "" {
					suggested[hint] = true
					d.errorf(k, "unknown field %s: did you mean %s?", full, join(what, hint))
				} else {
					d.errorf(k, "unknown field %s (known: %s)", full, strings.Join(names, ", "))
				}
				continue
			}
			seen[key] = true
			if r := d.resolve(v); r != nil {
				f.set(r)
			}
		}
		if len(n.Content) > 0 {
			missingAt = d.pos(n)
		}
	}
	for _, r := range required {
		if !seen[r] && !suggested[r] {
			d.errorAt(missingAt, "missing required field %s", join(what, r))
		}
	}
	return seen
}

func findField(fields []field, key string) *field {
	for i := range fields {
		if fields[i].name == key {
			return &fields[i]
		}
	}
	return nil
}

func join(what, key string) string {
	if what == "" {
		return key
	}
	return what + "." + key
}

func nameOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// describe names a node's kind for a message: "a list", "the text "abc"".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!null":
		return "empty"
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	}
	v := n.Value
	if len([]rune(v)) > 40 {
		v = string([]rune(v)[:40]) + "…"
	}
	return strconv.Quote(v)
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// str decodes a string. Numbers and booleans are taken as written, since a
// title like 2023 is meant as text.
func (d *decoder) str(n *yaml.Node, name string) string {
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be text, not %s", name, describe(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// requiredStr is str for a required field: empty is an error.
func (d *decoder) requiredStr(n *yaml.Node, name string) string {
	s := d.str(n, name)
	if s == "" && (n.Kind == yaml.ScalarNode) {
		d.errorf(n, "%s must not be empty", name)
	}
	return s
}

func (d *decoder) boolean(n *yaml.Node, name string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false, not %s", name, describe(n))
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

// number decodes a plain number within [min, max].
func (d *decoder) number(n *yaml.Node, name string, min, max float64) (float64, bool) {
	if isNull(n) {
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
			d.errorf(n, "%s must be a plain number in base units (yuan, m², persons), not %s", name, describe(n))
		} else {
			d.errorf(n, "%s must be a number, not %s", name, describe(n))
		}
		return 0, false
	}
	var v float64
	if n.Tag == "!!int" {
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			d.errorf(n, "%s: %s is not a number this site can use", name, n.Value)
			return 0, false
		}
		v = float64(i)
	} else {
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.errorf(n, "%s must be a finite number, not %s", name, n.Value)
			return 0, false
		}
		v = f
	}
	if v < min {
		if min == 0 {
			d.errorf(n, "%s must not be negative, got %s", name, n.Value)
		} else {
			d.errorf(n, "%s must be at least %g, got %s", name, min, n.Value)
		}
		return 0, false
	}
	if v > max {
		d.errorf(n, "%s is %s, which is more than %g: check the figure and its unit", name, n.Value, max)
		return 0, false
	}
	return v, true
}

// integer is number restricted to whole numbers.
func (d *decoder) integer(n *yaml.Node, name string, min, max float64) (int64, bool) {
	v, ok := d.number(n, name, min, max)
	if !ok {
		return 0, false
	}
	if v != math.Trunc(v) {
		d.errorf(n, "%s must be a whole number, not %s", name, n.Value)
		return 0, false
	}
	return int64(v), true
}

// date decodes YYYY-MM-DD (a full RFC 3339 time is accepted and its date
// kept). An impossible date such as 2024-13-45 is an error, never text.
func (d *decoder) date(n *yaml.Node, name string) (time.Time, bool) {
	if isNull(n) {
		return time.Time{}, false
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a date YYYY-MM-DD, not %s", name, describe(n))
		return time.Time{}, false
	}
	v := strings.TrimSpace(n.Value)
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		if t2, err2 := time.Parse(time.RFC3339, v); err2 == nil {
			y, m, dd := t2.Date()
			return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), true
		}
		reason := ""
		if pe, ok := err.(*time.ParseError); ok && pe.Message != "" {
			reason = pe.Message
		}
		d.errorf(n, "%s: %s is not a valid date (write YYYY-MM-DD)%s", name, strconv.Quote(v), reason)
		return time.Time{}, false
	}
	return t, true
}

// strings decodes a list of non-empty texts.
func (d *decoder) strings(n *yaml.Node, name string) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list, such as [%s], not %s", name, exampleOf(n), describe(n))
		return nil
	}
	var out []string
	for i, item := range n.Content {
		item = d.resolve(item)
		if item == nil {
			continue
		}
		s := d.str(item, fmt.Sprintf("%s[%d]", name, i))
		if s == "" && item.Kind == yaml.ScalarNode {
			d.errorf(item, "%s[%d] is empty", name, i)
			continue
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func exampleOf(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Value != "" {
		return n.Value
	}
	return "a, b"
}

// list calls each for every item of sequence n.
func (d *decoder) list(n *yaml.Node, name string, each func(i int, item *yaml.Node)) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list (items starting with -), not %s", name, describe(n))
		return
	}
	for i, item := range n.Content {
		if item = d.resolve(item); item != nil {
			each(i, item)
		}
	}
}

// oneOf decodes a text that must be one of allowed.
func (d *decoder) oneOf(n *yaml.Node, name string, allowed []string) string {
	s := d.str(n, name)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	if hint := didYouMean(s, allowed); hint != "" {
		d.errorf(n, "%s: %s is not allowed: did you mean %s?", name, strconv.Quote(s), hint)
	} else {
		d.errorf(n, "%s: %s is not allowed: use one of %s", name, strconv.Quote(s), strings.Join(allowed, ", "))
	}
	return ""
}

// latLng decodes [lat, lng] in WGS-84 degrees.
func (d *decoder) latLng(n *yaml.Node, name string) *LatLng {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		d.errorf(n, "%s must be [latitude, longitude] in decimal degrees, such as [22.18, 112.3]", name)
		return nil
	}
	lat, ok1 := d.number(n.Content[0], name+" latitude", -math.MaxFloat64, math.MaxFloat64)
	lng, ok2 := d.number(n.Content[1], name+" longitude", -math.MaxFloat64, math.MaxFloat64)
	if !ok1 || !ok2 {
		return nil
	}
	bad := false
	if lat < -90 || lat > 90 {
		d.errorf(n.Content[0], "%s latitude %s is out of range (-90 to 90)", name, n.Content[0].Value)
		bad = true
	}
	if lng < -180 || lng > 180 {
		d.errorf(n.Content[1], "%s longitude %s is out of range (-180 to 180)", name, n.Content[1].Value)
		bad = true
	}
	if bad {
		return nil
	}
	return &LatLng{Lat: lat, Lng: lng}
}

// params decodes a free mapping of the publisher's own fields.
func (d *decoder) params(n *yaml.Node) map[string]any {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "params must be a mapping, not %s", describe(n))
		return nil
	}
	var m map[string]any
	if err := n.Decode(&m); err != nil {
		d.errorf(n, "params: %v", err)
		return nil
	}
	return m
}
