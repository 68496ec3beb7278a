package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestKeys(t *testing.T) {
	tests := []struct {
		text string
		want string // keys joined by spaces: each character, then the pair it ends
	}{
		{"加装电梯", "加 装 加装 电 装电 梯 电梯"},
		{"东门金融街", "东 门 东门 金 门金 融 金融 街 融街"},
		{"恩", "恩"},
		{"EPCO模式", "epco 模 式 模式"},
		{"ＥＰＣＯ模式", "epco 模 式 模式"}, // full-width letters
		{"投资8.25亿元", "投 资 投资 8.25 亿 元 亿元"},
		{"８.２５亿", "8.25 亿"}, // full-width digits
		{"2021年，2022年", "2021 年 2022 年"},
		{"第4批280幢", "第 4 批 280 幢"},
		{"1,420,000户", "1 420 000 户"},
		{"v2.0. End.", "v2.0 end"},
		{"Café CAFÉ", "café café"},
		{"a-b_c", "a b c"},
		{"“三线”整治", "三 线 三线 整 治 整治"},
		{"  ", ""},
		{"𠀀𠀁", "𠀀 𠀁 𠀀𠀁"}, // extension B
		{"〇一", "〇 一 〇一"},
		{strings.Repeat("x", 40), strings.Repeat("x", MaxWordRunes)},
		{"<img src=x onerror=alert(1)>", "img src x onerror alert 1"},
	}
	var tok Tokenizer
	for _, tt := range tests {
		got := strings.Join(tok.Keys(tt.text), " ")
		if got != tt.want {
			t.Errorf("Keys(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		query string
		want  []Group
	}{
		{"加装电梯", []Group{{"加装电梯", []string{"加装", "装电", "电梯"}}}},
		{"当阳", []Group{{"当阳", []string{"当阳"}}}},
		{"梯", []Group{{"梯", []string{"梯"}}}},
		{"EPCO模式", []Group{{"epco", []string{"epco"}}, {"模式", []string{"模式"}}}},
		{"恩平 恩平 电梯", []Group{{"恩平", []string{"恩平"}}, {"电梯", []string{"电梯"}}}},
		{"哈哈哈", []Group{{"哈哈哈", []string{"哈哈"}}}},
		{"，。！", nil},
		{"758栋", []Group{{"758", []string{"758"}}, {"栋", []string{"栋"}}}},
	}
	var tok Tokenizer
	for _, tt := range tests {
		if got := tok.Groups(tt.query); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Groups(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// A long query is cut to MaxQueryKeys keys.
func TestGroupsLimit(t *testing.T) {
	var tok Tokenizer
	q := "广东省江门市恩平市东门金融街老旧小区改造项目加装电梯工程"
	gs := tok.Groups(q + " epco")
	if len(gs) != 1 || len(gs[0].Keys) != MaxQueryKeys {
		t.Fatalf("Groups = %q, want one group of %d keys", gs, MaxQueryKeys)
	}
	if want := string([]rune(q)[:MaxQueryKeys+1]); gs[0].Text != want {
		t.Errorf("text %q, want %q", gs[0].Text, want)
	}
}

// Every key Groups asks for is a key Each finds in the same text, so a
// query always matches the text it was copied from.
func TestGroupsAreKeys(t *testing.T) {
	var tok Tokenizer
	for _, s := range []string{"恩平市东门金融街", "EPCO模式（试点）", "8.25亿元", "三线整治、加装电梯", "Ａ栋2单元"} {
		have := map[string]bool{}
		for _, k := range tok.Keys(s) {
			have[k] = true
		}
		for _, g := range tok.Groups(s) {
			for _, k := range g.Keys {
				if !have[k] {
					t.Errorf("%q: query key %q is not an index key", s, k)
				}
			}
		}
	}
}

func TestHash(t *testing.T) {
	// FNV-1a test vectors; search.js must give the same.
	for s, want := range map[string]uint32{"": 0x811c9dc5, "a": 0xe40c292c, "foobar": 0xbf9cf968} {
		if got := Hash(s); got != want {
			t.Errorf("Hash(%q) = %#x, want %#x", s, got, want)
		}
	}
}

func FuzzTokenizer(f *testing.F) {
	for _, s := range []string{"加装电梯", "EPCO模式 8.25亿", "\xff\xfe", "1.2.3.", "ＡＢ１２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tok Tokenizer
		keys := tok.Keys(s)
		have := map[string]bool{}
		for _, k := range keys {
			if k == "" || strings.ContainsAny(k, " :") {
				t.Fatalf("bad key %q", k)
			}
			have[k] = true
		}
		n := 0
		for _, g := range tok.Groups(s) {
			n += len(g.Keys)
			for _, k := range g.Keys {
				if !have[k] {
					t.Fatalf("query key %q not among the keys of %q", k, s)
				}
			}
		}
		if n > MaxQueryKeys {
			t.Fatalf("%d query keys", n)
		}
	})
}

func TestAppendJSONString(t *testing.T) {
	for in, want := range map[string]string{
		"加装电梯":           `"加装电梯"`,
		"a\"b\\c\nd\x01": `"a\"b\\c\nd\u0001"`,
		"x\u2028y":       `"x\u2028y"`,
		"bad\xffbyte":    "\"bad\ufffdbyte\"",
		"</script>&":     `"\u003c/script\u003e\u0026"`,
	} {
		if got := string(appendJSONString(nil, in)); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestFilterKey(t *testing.T) {
	for v, want := range map[string]string{
		"江门市":           "city:江门市",
		`"><img src=x>`: `city:"%3E%3Cimg src=x%3E`,
		"100%&":         "city:100%25%26",
	} {
		if got := FilterKey(CityKey, v); got != want {
			t.Errorf("FilterKey(%q) = %q, want %q", v, got, want)
		}
	}
}
