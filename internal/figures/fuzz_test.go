package figures

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFormat checks the properties every figure must have, whatever the
// value or unit: no panic, valid non-empty UTF-8, no exponent or NaN,
// Format == Split joined as documented, no impossible Chinese scales, and a
// numeral that reads back to v within the rounding shown.
func FuzzFormat(f *testing.F) {
	for _, v := range []float64{
		0, 1, -1, 12.5, 758, 9999, 9999.4, 9999.5, 9999.6, 9999.996, 10000,
		99995, 256000, 999999.5, 1420000, 1740000, 30000000, 99999999,
		99999950, 825000000, 999995000, 1.2e9, 1e12, 1e20, -825000000,
		0.125, 0.005, math.SmallestNonzeroFloat64, math.MaxFloat64,
		-math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1),
	} {
		for u := range uint8(Communities) + 2 {
			f.Add(v, u, true)
			f.Add(v, u, false)
		}
	}
	f.Fuzz(func(t *testing.T, v float64, u uint8, zh bool) {
		lang := "en"
		if zh {
			lang = "zh-CN"
		}
		unit := Unit(u)
		got := Format(lang, unit, v)
		num, word := Split(lang, unit, v)
		for _, s := range []string{got, num, Number(lang, v), Percent(v)} {
			if s == "" || !utf8.ValidString(s) {
				t.Fatalf("v=%v u=%d lang=%s: empty or invalid UTF-8 %q", v, u, lang, s)
			}
			for _, bad := range []string{"e+", "e-", "NaN", "Inf"} {
				if strings.Contains(s, bad) {
					t.Fatalf("v=%v u=%d lang=%s: %q contains %q", v, u, lang, s, bad)
				}
			}
		}
		if zh {
			for _, bad := range []string{"10000万", "万亿", "亿亿", "万万", "亿万"} {
				if strings.Contains(got, bad) {
					t.Fatalf("v=%v u=%d: %q contains %q", v, u, got, bad)
				}
			}
		} else if strings.Contains(got, "1000M") || strings.Contains(got, ",000M") {
			t.Fatalf("v=%v u=%d: %q should be in B", v, u, got)
		}

		if math.IsNaN(v) || math.IsInf(v, 0) {
			if got != "—" || num != "—" || word != "" {
				t.Fatalf("v=%v: Format %q, Split %q %q, want —", v, got, num, word)
			}
			return
		}

		// Format is Split joined as documented.
		joined := num + word
		if !zh && word != "" {
			joined = num + " " + word
		}
		if got != joined {
			t.Fatalf("v=%v u=%d lang=%s: Format %q != joined Split %q (%q, %q)", v, u, lang, got, joined, num, word)
		}
		if !zh && unit == Yuan && word != "" {
			t.Fatalf("v=%v: en Yuan unit part %q, want empty", v, word)
		}

		// The numeral reads back to v within the rounding shown.
		s := strings.TrimPrefix(num, "-")
		neg := s != num
		s = strings.TrimPrefix(s, "¥")
		s = strings.ReplaceAll(s, ",", "")
		exp, limit := 0, 0
		switch {
		case zh && strings.HasPrefix(word, "亿"):
			exp = 8
		case zh && strings.HasPrefix(word, "万"):
			exp, limit = 4, 4
		case zh:
			limit = 4
		case strings.HasSuffix(s, "B"):
			exp, s = 9, strings.TrimSuffix(s, "B")
		case strings.HasSuffix(s, "M"):
			exp, limit, s = 6, 3, strings.TrimSuffix(s, "M")
		default:
			limit = 6
		}
		ip, fp, _ := strings.Cut(s, ".")
		if ip == "" || strings.Trim(ip+fp, "0123456789") != "" || len(fp) > 2 ||
			strings.HasSuffix(fp, "0") || (len(ip) > 1 && ip[0] == '0') {
			t.Fatalf("v=%v u=%d lang=%s: malformed numeral %q in %q", v, u, lang, s, got)
		}
		if limit > 0 && len(ip) > limit {
			t.Fatalf("v=%v u=%d lang=%s: %q should be on a larger scale", v, u, lang, got)
		}
		if exp > 0 && ip == "0" {
			t.Fatalf("v=%v u=%d lang=%s: %q should be on a smaller scale", v, u, lang, got)
		}
		if neg != (v < 0) && !(ip == "0" && fp == "") {
			t.Fatalf("v=%v u=%d lang=%s: wrong sign in %q", v, u, lang, got)
		}
		if neg && ip == "0" && fp == "" {
			t.Fatalf("v=%v u=%d lang=%s: negative zero %q", v, u, lang, got)
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("v=%v u=%d lang=%s: numeral %q: %v", v, u, lang, s, err)
		}
		scale := math.Pow10(exp)
		x *= scale
		a := math.Abs(v)
		// Half a unit in the second decimal shown, plus float noise.
		tol := 0.005*scale*(1+1e-12) + 1e-12*a
		if math.Abs(x-a) > tol {
			t.Fatalf("v=%v u=%d lang=%s: %q reads back as %v", v, u, lang, got, x)
		}
	})
}
