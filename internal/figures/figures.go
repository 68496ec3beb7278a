// Package figures is the one number formatter of the site. Every figure a
// page shows — money, floor area, people, households, buildings, zones,
// communities, percentages — goes through it, in Chinese (zh-CN) or English.
//
// # Languages
//
// A language tag that starts with "zh" (any case: "zh", "zh-CN", "zh-Hans")
// is Chinese; every other tag, including "", is English.
//
// # Chinese
//
// Below 10,000 a figure is written out in full with no grouping (6407,
// 9999平方米). From 10,000 up it is written in 万, and from 100,000,000 up in
// 亿, with at most two decimals and trailing zeros dropped (142万, 8.25亿).
// The unit word follows the number with no space: 元 (so 万元, 亿元), 平方米,
// 人, 户, 栋, 个, 个小区; Plain has none.
//
//	Format("zh-CN", Yuan, 825000000)       // "8.25亿元"
//	Format("zh-CN", SquareMetres, 1740000) // "174万平方米"
//	Format("zh-CN", Households, 256000)    // "25.6万户"
//	Format("zh-CN", Buildings, 758)        // "758栋"
//
// Larger figures stay in 亿 (1万亿 is written 10000亿); the package never
// stacks scale words.
//
// # English
//
// Below 1,000,000 a figure is grouped with commas (80,000); from 1,000,000 up
// it is written in M, and from 1,000,000,000 up in B, with at most two
// decimals and trailing zeros dropped (1.74M, 1.2B). Money takes a ¥ prefix
// (¥825M); every other unit is a word after a space: m², residents,
// households, buildings, zones, communities. A figure that reads exactly "1"
// takes the singular ("1 building").
//
//	Format("en", Yuan, 825000000)       // "¥825M"
//	Format("en", SquareMetres, 1740000) // "1.74M m²"
//	Format("en", Residents, 80000)      // "80,000 residents"
//
// # Rounding
//
// Rounding is decimal and half-up, done on the shortest decimal form of the
// float64 (so 0.125 rounds to 0.13 and 99995 to 10万, as a reader would
// expect). Figures below the first scale keep up to two decimals (12.5平方米,
// 12.5 m²).
//
// The scale is chosen after rounding, so no figure ever reads 10000万 or
// 1000M: a value that rounds to a whole 10,000 (zh) or 1,000,000 (en) or
// more is scaled (9999.6 → 1万, while 9999.4 stays 9999.4), and a value
// that would show 10000万 or 1000M at two decimals moves up to the next
// scale (99999999 → 1亿, 999999999 → 1B).
//
// Negative figures take a leading minus and otherwise follow the same rules
// (-8.25亿元, -¥825M); a figure that rounds to zero is written without a
// sign. NaN and ±Inf are written "—".
//
// # Number, unit and the rest
//
// Split gives the numeral and the unit apart so a page can style the big
// numeral. In Chinese the scale word belongs to the unit ("8.25" + "亿元"),
// and Format is number+unit. In English the scale letter belongs to the
// number ("1.74M" + "m²") and Format joins the two with a space; for money
// the whole figure is the number ("¥825M" + "").
//
// Number formats a bare count (Plain), Percent formats a ratio as a
// percentage, ParseUnit maps the figure names used in content and templates
// to a Unit, and Label gives the reader-facing name of a figure.
package figures

import (
	"math"
	"strconv"
	"strings"
)

// Unit says what a figure counts.
type Unit int

// The units a figure can have. A Unit outside this list formats as Plain.
const (
	Plain        Unit = iota // a bare count: no unit word
	Yuan                     // money, yuan (元)
	SquareMetres             // floor area, m²
	Residents                // persons (人)
	Households               // households (户)
	Buildings                // buildings (栋)
	Zones                    // zones or communities (个)
	Communities              // communities (个小区)
)

// dash is what a figure that is not a number (NaN, ±Inf) formats as.
const dash = "—"

// Format formats v for lang ("zh-CN", "zh", "en", or any other tag: anything
// starting with "zh" is Chinese, everything else English).
func Format(lang string, u Unit, v float64) string {
	number, unit := Split(lang, u, v)
	if isZh(lang) || unit == "" {
		return number + unit
	}
	return number + " " + unit
}

// Split returns the number part and the unit part separately, so a page can
// style them. For zh, Format(lang, u, v) == number + unit and the scale word
// is part of the unit ("8.25", "亿元"). For en the scale letter is part of
// the number and Format joins the two with a space ("1.74M", "m²"); for Yuan
// the number carries the ¥ and the unit is empty ("¥825M", "").
// NaN and ±Inf give ("—", "").
func Split(lang string, u Unit, v float64) (number, unit string) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dash, ""
	}
	zh := isZh(lang)
	digits, scale := scaled(zh, math.Abs(v))
	sign := ""
	if v < 0 && digits != "0" {
		sign = "-"
	}
	if zh {
		return sign + digits, scale + zhUnit(u)
	}
	if u == Yuan {
		return sign + "¥" + digits + scale, ""
	}
	one := sign == "" && scale == "" && digits == "1"
	return sign + digits + scale, enUnit(u, one)
}

// Number formats without a unit word: zh 6407, 142万, 8.25亿; en 6,407,
// 1.42M, 825M.
func Number(lang string, v float64) string {
	return Format(lang, Plain, v)
}

// Percent formats a ratio 0..1 (or more) as a whole or one-decimal
// percentage, the same in both languages: 0.8002 → "80%", 0.6654 → "66.5%".
// NaN and ±Inf give "—".
func Percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dash
	}
	ip, fp := decimal(math.Abs(v))
	ip, fp = shiftUp(ip, fp, 2)
	ip, fp = round(ip, fp, 1)
	fp = strings.TrimRight(fp, "0")
	s := ip
	if fp != "" {
		s += "." + fp
	}
	if v < 0 && s != "0" {
		s = "-" + s
	}
	return s + "%"
}

// ParseUnit maps a figure name used in content and templates to its Unit:
// "zones", "buildings", "households", "residents", "area_m2",
// "investment_cny", "communities", "county_communities" (Communities) and
// "county_households" (Households). An unknown name gives Plain, false.
func ParseUnit(name string) (Unit, bool) {
	switch name {
	case "zones":
		return Zones, true
	case "buildings":
		return Buildings, true
	case "households", "county_households":
		return Households, true
	case "residents":
		return Residents, true
	case "area_m2":
		return SquareMetres, true
	case "investment_cny":
		return Yuan, true
	case "communities", "county_communities":
		return Communities, true
	}
	return Plain, false
}

// Label returns the reader-facing name of a figure for lang, e.g.
// Label("zh-CN", "area_m2") == "改造面积" and Label("en", "area_m2") ==
// "Floor area renovated". An unknown name is returned as it is.
func Label(lang, name string) string {
	zh := isZh(lang)
	pick := func(z, e string) string {
		if zh {
			return z
		}
		return e
	}
	switch name {
	case "zones":
		return pick("片区/小区", "Zones")
	case "buildings":
		return pick("楼栋", "Buildings")
	case "households":
		return pick("户数", "Households")
	case "residents":
		return pick("受益居民", "Residents")
	case "area_m2":
		return pick("改造面积", "Floor area renovated")
	case "investment_cny":
		return pick("投资", "Investment")
	case "communities":
		return pick("小区", "Communities")
	case "county_communities":
		return pick("县城小区", "County-town communities")
	case "county_households":
		return pick("县城户数", "County-town households")
	}
	return name
}

// isZh reports whether lang is a Chinese tag.
func isZh(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "zh")
}

// zhUnit is the Chinese unit word, written straight after the number.
func zhUnit(u Unit) string {
	switch u {
	case Yuan:
		return "元"
	case SquareMetres:
		return "平方米"
	case Residents:
		return "人"
	case Households:
		return "户"
	case Buildings:
		return "栋"
	case Zones:
		return "个"
	case Communities:
		return "个小区"
	}
	return ""
}

// enUnit is the English unit word, written after a space. Yuan is not a
// word but a prefix, handled by Split.
func enUnit(u Unit, one bool) string {
	plural := func(s, p string) string {
		if one {
			return s
		}
		return p
	}
	switch u {
	case SquareMetres:
		return "m²"
	case Residents:
		return plural("resident", "residents")
	case Households:
		return plural("household", "households")
	case Buildings:
		return plural("building", "buildings")
	case Zones:
		return plural("zone", "zones")
	case Communities:
		return plural("community", "communities")
	}
	return ""
}

// scale is one step of the large-number notation: the figure is divided by
// 10^exp and followed by word.
type scale struct {
	exp  int
	word string
}

// scales lists the steps for a language, smallest first.
func scales(zh bool) []scale {
	if zh {
		return []scale{{4, "万"}, {8, "亿"}}
	}
	return []scale{{6, "M"}, {9, "B"}}
}

// scaled writes a (finite, not negative) in the notation of the language:
// the numeral (grouped with commas for en) and the scale word ("" below the
// first scale). A value that rounds to zero gives "0".
func scaled(zh bool, a float64) (digits, word string) {
	sc := scales(zh)
	ip, fp := decimal(a)

	// Choose the scale from the value rounded to a whole number, so that
	// nothing that reads as 10000 (or 1,000,000) stays unscaled.
	whole, _ := round(ip, fp, 0)
	idx := -1
	for i, s := range sc {
		if len(whole) > s.exp {
			idx = i
		}
	}

	// Round at the chosen scale; if that carries into the next scale
	// (9999.9999万 → 10000万), move up and round again.
	var si, sf string
	for {
		exp := 0
		if idx >= 0 {
			exp = sc[idx].exp
		}
		si, sf = shiftDown(ip, fp, exp)
		si, sf = round(si, sf, 2)
		if idx+1 < len(sc) && len(si) > sc[idx+1].exp-exp {
			idx++
			continue
		}
		break
	}

	sf = strings.TrimRight(sf, "0")
	if !zh {
		si = group(si)
	}
	digits = si
	if sf != "" {
		digits += "." + sf
	}
	if idx >= 0 {
		word = sc[idx].word
	}
	return digits, word
}

// decimal gives the shortest decimal form of a (finite, not negative) as an
// integer part without leading zeros ("0" for zero) and a fraction part.
func decimal(a float64) (ip, fp string) {
	s := strconv.FormatFloat(a, 'f', -1, 64)
	ip, fp, _ = strings.Cut(s, ".")
	return ip, fp
}

// shiftDown divides ip.fp by 10^k.
func shiftDown(ip, fp string, k int) (string, string) {
	if k <= 0 {
		return ip, fp
	}
	if len(ip) <= k {
		ip = strings.Repeat("0", k-len(ip)+1) + ip
	}
	return trimLead(ip[:len(ip)-k]), ip[len(ip)-k:] + fp
}

// shiftUp multiplies ip.fp by 10^k.
func shiftUp(ip, fp string, k int) (string, string) {
	if len(fp) < k {
		fp += strings.Repeat("0", k-len(fp))
	}
	return trimLead(ip + fp[:k]), fp[k:]
}

// round rounds ip.fp half-up to places decimals.
func round(ip, fp string, p int) (string, string) {
	if len(fp) <= p {
		return ip, fp
	}
	up := fp[p] >= '5'
	fp = fp[:p]
	if !up {
		return ip, fp
	}
	d := []byte(ip + fp)
	i := len(d) - 1
	for ; i >= 0; i-- {
		if d[i] < '9' {
			d[i]++
			break
		}
		d[i] = '0'
	}
	s := string(d)
	if i < 0 {
		s = "1" + s
	}
	return trimLead(s[:len(s)-p]), s[len(s)-p:]
}

// trimLead drops leading zeros from an integer part, keeping "0" for zero.
func trimLead(s string) string {
	s = strings.TrimLeft(s, "0")
	if s == "" {
		return "0"
	}
	return s
}

// group puts a comma between every three digits of an integer part.
func group(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteByte(',')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
