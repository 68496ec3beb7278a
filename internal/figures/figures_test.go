package figures

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		lang string
		u    Unit
		v    float64
		want string
	}{
		// zh-CN examples from the issue.
		{"zh-CN", Yuan, 825000000, "8.25亿元"},
		{"zh-CN", Yuan, 30000000, "3000万元"},
		{"zh-CN", SquareMetres, 1740000, "174万平方米"},
		{"zh-CN", Residents, 80000, "8万人"},
		{"zh-CN", Households, 1420000, "142万户"},
		{"zh-CN", Households, 256000, "25.6万户"},
		{"zh-CN", Buildings, 758, "758栋"},
		{"zh-CN", SquareMetres, 9999, "9999平方米"},
		{"zh-CN", Zones, 21, "21个"},
		{"zh-CN", Communities, 8007, "8007个小区"},
		{"zh-CN", Plain, 6407, "6407"},
		{"zh-CN", Yuan, 0, "0元"},
		{"zh-CN", SquareMetres, 12.5, "12.5平方米"},

		// zh carries: round first, then choose the scale.
		{"zh-CN", Plain, 99999999, "1亿"},
		{"zh-CN", Yuan, 99999999, "1亿元"},
		{"zh-CN", Plain, 99995, "10万"},
		{"zh-CN", Plain, 99949, "9.99万"},
		{"zh-CN", Plain, 99950, "10万"},
		{"zh-CN", Plain, 9999.6, "1万"},
		{"zh-CN", Plain, 9999.5, "1万"},
		{"zh-CN", Plain, 9999.4, "9999.4"},
		{"zh-CN", Plain, 9999.996, "1万"},
		{"zh-CN", Plain, 99999949, "9999.99万"},
		{"zh-CN", Plain, 99999950, "1亿"},
		{"zh-CN", Plain, 10000, "1万"},
		{"zh-CN", Plain, 100000000, "1亿"},
		{"zh-CN", Plain, 1e12, "10000亿"},
		{"zh-CN", Plain, 123456789012, "1234.57亿"},

		// zh tags and rounding.
		{"zh", Households, 1420000, "142万户"},
		{"zh-Hans-CN", Buildings, 758, "758栋"},
		{"ZH-cn", Buildings, 758, "758栋"},
		{"zh-CN", Plain, 0.125, "0.13"},
		{"zh-CN", Plain, 0.124, "0.12"},
		{"zh-CN", Plain, 0.004, "0"},
		{"zh-CN", Plain, 1234.5678, "1234.57"},

		// en examples from the issue.
		{"en", Yuan, 825000000, "¥825M"},
		{"en", Yuan, 30000000, "¥30M"},
		{"en", Yuan, 500000, "¥500,000"},
		{"en", Yuan, 0, "¥0"},
		{"en", SquareMetres, 1740000, "1.74M m²"},
		{"en", Residents, 80000, "80,000 residents"},
		{"en", Households, 1420000, "1.42M households"},
		{"en", Households, 256000, "256,000 households"},
		{"en", Buildings, 758, "758 buildings"},
		{"en", Plain, 1200000000, "1.2B"},
		{"en", SquareMetres, 12.5, "12.5 m²"},
		{"en", Zones, 21, "21 zones"},
		{"en", Communities, 8007, "8,007 communities"},
		{"en", Plain, 6407, "6,407"},

		// en singular only for a figure that reads "1".
		{"en", Buildings, 1, "1 building"},
		{"en", Residents, 1, "1 resident"},
		{"en", Households, 1, "1 household"},
		{"en", Zones, 1, "1 zone"},
		{"en", Communities, 1, "1 community"},
		{"en", SquareMetres, 1, "1 m²"},
		{"en", Yuan, 1, "¥1"},
		{"en", Buildings, 0, "0 buildings"},
		{"en", Buildings, 2, "2 buildings"},
		{"en", Buildings, 1.5, "1.5 buildings"},
		{"en", Buildings, -1, "-1 buildings"},
		{"en", Buildings, 1000000, "1M buildings"},

		// en carries.
		{"en", Plain, 999999.996, "1M"},
		{"en", Plain, 999999.5, "1M"},
		{"en", Plain, 999999.4, "999,999.4"},
		{"en", Plain, 999995000, "1B"},
		{"en", Plain, 999994999, "999.99M"},
		{"en", Plain, 999999999, "1B"},
		{"en", Plain, 1e12, "1,000B"},
		{"en", Plain, 1e15, "1,000,000B"},

		// Other tags are English.
		{"", Buildings, 758, "758 buildings"},
		{"en-GB", Buildings, 758, "758 buildings"},
		{"fr", Yuan, 825000000, "¥825M"},
		{"z", Plain, 6407, "6,407"},

		// Negative numbers.
		{"zh-CN", Yuan, -825000000, "-8.25亿元"},
		{"zh-CN", Buildings, -758, "-758栋"},
		{"zh-CN", Plain, -99999999, "-1亿"},
		{"en", Yuan, -825000000, "-¥825M"},
		{"en", SquareMetres, -1740000, "-1.74M m²"},
		{"en", Plain, -12.5, "-12.5"},
		{"zh-CN", Plain, -0.001, "0"},
		{"en", Yuan, -0.001, "¥0"},
		{"en", Yuan, math.Copysign(0, -1), "¥0"},

		// Not a number.
		{"zh-CN", Yuan, math.NaN(), "—"},
		{"en", Yuan, math.Inf(1), "—"},
		{"en", Buildings, math.Inf(-1), "—"},

		// Extremes never use exponents.
		{"en", Plain, math.SmallestNonzeroFloat64, "0"},
		{"zh-CN", Plain, 1e20, "1000000000000亿"},
		{"en", Plain, 1e20, "100,000,000,000B"},

		// Unknown units are plain.
		{"zh-CN", Unit(99), 758, "758"},
		{"en", Unit(-1), 758, "758"},
	}
	for _, tt := range tests {
		if got := Format(tt.lang, tt.u, tt.v); got != tt.want {
			t.Errorf("Format(%q, %d, %v) = %q, want %q", tt.lang, tt.u, tt.v, got, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		lang      string
		u         Unit
		v         float64
		num, unit string
	}{
		{"zh-CN", Yuan, 825000000, "8.25", "亿元"},
		{"zh-CN", Buildings, 758, "758", "栋"},
		{"zh-CN", SquareMetres, 1740000, "174", "万平方米"},
		{"zh-CN", Plain, 1420000, "142", "万"},
		{"zh-CN", Plain, 6407, "6407", ""},
		{"zh-CN", Yuan, -30000000, "-3000", "万元"},
		{"en", Yuan, 825000000, "¥825M", ""},
		{"en", Yuan, -825000000, "-¥825M", ""},
		{"en", SquareMetres, 1740000, "1.74M", "m²"},
		{"en", Residents, 80000, "80,000", "residents"},
		{"en", Buildings, 1, "1", "building"},
		{"en", Plain, 6407, "6,407", ""},
		{"en", Yuan, math.NaN(), "—", ""},
		{"zh-CN", Yuan, math.Inf(1), "—", ""},
	}
	for _, tt := range tests {
		num, unit := Split(tt.lang, tt.u, tt.v)
		if num != tt.num || unit != tt.unit {
			t.Errorf("Split(%q, %d, %v) = %q, %q, want %q, %q", tt.lang, tt.u, tt.v, num, unit, tt.num, tt.unit)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		lang string
		v    float64
		want string
	}{
		{"zh-CN", 6407, "6407"},
		{"zh-CN", 1420000, "142万"},
		{"zh-CN", 825000000, "8.25亿"},
		{"en", 6407, "6,407"},
		{"en", 1420000, "1.42M"},
		{"en", 825000000, "825M"},
		{"en", 999, "999"},
		{"en", 1000, "1,000"},
		{"en", 123456.789, "123,456.79"},
		{"en", math.NaN(), "—"},
	}
	for _, tt := range tests {
		if got := Number(tt.lang, tt.v); got != tt.want {
			t.Errorf("Number(%q, %v) = %q, want %q", tt.lang, tt.v, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0.8002, "80%"},
		{0.6654, "66.5%"},
		{0.6655, "66.6%"},
		{0.8, "80%"},
		{1, "100%"},
		{1.5, "150%"},
		{12.345, "1234.5%"},
		{0, "0%"},
		{0.0004, "0%"},
		{0.0005, "0.1%"},
		{0.99999, "100%"},
		{-0.25, "-25%"},
		{-0.0001, "0%"},
		{math.NaN(), "—"},
		{math.Inf(1), "—"},
		{math.Inf(-1), "—"},
	}
	for _, tt := range tests {
		if got := Percent(tt.v); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		name string
		want Unit
		ok   bool
	}{
		{"zones", Zones, true},
		{"buildings", Buildings, true},
		{"households", Households, true},
		{"residents", Residents, true},
		{"area_m2", SquareMetres, true},
		{"investment_cny", Yuan, true},
		{"communities", Communities, true},
		{"county_communities", Communities, true},
		{"county_households", Households, true},
		{"", Plain, false},
		{"Zones", Plain, false},
		{"unknown", Plain, false},
	}
	for _, tt := range tests {
		got, ok := ParseUnit(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseUnit(%q) = %d, %v, want %d, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		name, zh, en string
	}{
		{"zones", "片区/小区", "Zones"},
		{"buildings", "楼栋", "Buildings"},
		{"households", "户数", "Households"},
		{"residents", "受益居民", "Residents"},
		{"area_m2", "改造面积", "Floor area renovated"},
		{"investment_cny", "投资", "Investment"},
		{"communities", "小区", "Communities"},
		{"county_communities", "县城小区", "County-town communities"},
		{"county_households", "县城户数", "County-town households"},
		{"unknown_figure", "unknown_figure", "unknown_figure"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := Label("zh-CN", tt.name); got != tt.zh {
			t.Errorf("Label(zh-CN, %q) = %q, want %q", tt.name, got, tt.zh)
		}
		if got := Label("zh", tt.name); got != tt.zh {
			t.Errorf("Label(zh, %q) = %q, want %q", tt.name, got, tt.zh)
		}
		if got := Label("en", tt.name); got != tt.en {
			t.Errorf("Label(en, %q) = %q, want %q", tt.name, got, tt.en)
		}
		if got := Label("de", tt.name); got != tt.en {
			t.Errorf("Label(de, %q) = %q, want %q", tt.name, got, tt.en)
		}
	}
}

// Every figure name ParseUnit knows has a label of its own in both languages.
func TestLabelCoversParseUnit(t *testing.T) {
	for _, name := range []string{"zones", "buildings", "households", "residents", "area_m2",
		"investment_cny", "communities", "county_communities", "county_households"} {
		if _, ok := ParseUnit(name); !ok {
			t.Errorf("ParseUnit(%q) not ok", name)
		}
		for _, lang := range []string{"zh-CN", "en"} {
			if Label(lang, name) == name {
				t.Errorf("Label(%q, %q) has no label", lang, name)
			}
		}
	}
}
