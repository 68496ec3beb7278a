package search

import (
	"slices"
	"unicode/utf8"
)

// MaxWordRunes is the longest word the tokenizer keeps; a longer run of
// letters and digits is cut to its first MaxWordRunes characters.
const MaxWordRunes = 32

// The kinds of key the tokenizer finds.
const (
	Char = iota // one Chinese (CJK) character: 梯
	Pair        // two adjacent CJK characters: 电梯
	Word        // a run of letters and digits, folded: epco, 2021, 8.25
)

// A Key is one index key found in text. Word is only valid until the
// tokenizer's callback returns.
type Key struct {
	Kind   int
	R0, R1 rune   // the character of a Char; the two characters of a Pair
	Word   []byte // the folded UTF-8 of a Word
}

// String returns the key as the index stores it.
func (k Key) String() string {
	switch k.Kind {
	case Char:
		return string(k.R0)
	case Pair:
		return string([]rune{k.R0, k.R1})
	}
	return string(k.Word)
}

// A Tokenizer splits text into keys. The zero value is ready to use. A
// Tokenizer reuses its buffers, so it is not safe for concurrent use; the
// index builder gives each worker its own.
type Tokenizer struct {
	run  []rune
	word []byte
}

// Each calls fn for every key of text, in order: for each run of CJK
// characters, every character and every pair of adjacent characters; for
// each word, the word.
func (t *Tokenizer) Each(text string, fn func(Key)) {
	t.scan(text, func(run []rune) {
		for i, r := range run {
			fn(Key{Kind: Char, R0: r})
			if i > 0 {
				fn(Key{Kind: Pair, R0: run[i-1], R1: r})
			}
		}
	}, func(w []byte) { fn(Key{Kind: Word, Word: w}) })
}

// Keys returns the keys of text as strings, in the order Each finds them.
func (t *Tokenizer) Keys(text string) []string {
	var out []string
	t.Each(text, func(k Key) { out = append(out, k.String()) })
	return out
}

// A Group is one term of a query: the keys that must all be in a document
// for the term to match, and the term's folded text, which a snippet
// highlights.
type Group struct {
	Text string
	Keys []string
}

// Groups splits a query into its terms. A word is a term of one key. A run
// of CJK characters is one term: its pairs (each once), or its character
// when the run has only one. Terms repeated in the query count once. A run
// is cut so that at most MaxQueryKeys keys are kept, in query order; the
// rest of the query is dropped.
func (t *Tokenizer) Groups(query string) []Group {
	var out []Group
	seen := map[string]bool{}
	room := MaxQueryKeys
	add := func(g Group) {
		if room > 0 && !seen[g.Text] {
			seen[g.Text] = true
			room -= len(g.Keys)
			out = append(out, g)
		}
	}
	t.scan(query, func(run []rune) {
		if len(run) == 1 {
			add(Group{Text: string(run), Keys: []string{string(run)}})
			return
		}
		if len(run)-1 > room {
			run = run[:room+1]
		}
		keys := make([]string, 0, len(run)-1)
		for i := 1; i < len(run); i++ {
			if k := string(run[i-1 : i+1]); !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		add(Group{Text: string(run), Keys: keys})
	}, func(w []byte) { add(Group{Text: string(w), Keys: []string{string(w)}}) })
	return out
}

// MaxQueryKeys bounds the keys of one query, and so the index shards it
// downloads.
const MaxQueryKeys = 16

// scan finds the CJK runs and the words of text. Both slices passed to
// the callbacks are reused.
func (t *Tokenizer) scan(text string, onRun func([]rune), onWord func([]byte)) {
	run, word := t.run[:0], t.word[:0]
	words := 0 // runes in word
	flushRun := func() {
		if len(run) > 0 {
			onRun(run)
			run = run[:0]
		}
	}
	flushWord := func() {
		if len(word) > 0 {
			onWord(word)
			word, words = word[:0], 0
		}
	}
	for i := 0; i < len(text); {
		r, size := decodeRune(text, i)
		i += size
		r = Fold(r)
		switch {
		case IsCJK(r):
			flushWord()
			run = append(run, r)
		case IsWordRune(r):
			flushRun()
			if words < MaxWordRunes {
				word = utf8.AppendRune(word, r)
			}
			words++
		case r == '.' && len(word) > 0 && isDigit(rune(word[len(word)-1])) && i < len(text) && isDigit(Fold(firstRune(text[i:]))):
			// a decimal point: 8.25 is one word
			if words < MaxWordRunes {
				word = append(word, '.')
			}
			words++
		default:
			flushRun()
			flushWord()
		}
	}
	flushRun()
	flushWord()
	t.run, t.word = run, word
}

// decodeRune is utf8.DecodeRuneInString(text[i:]), faster for the
// three-byte characters of Chinese text.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(text) {
		b1, b2 := text[i+1], text[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

func firstRune(s string) rune {
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// Fold maps a character to the one the index stores: ASCII and Latin-1
// capitals to small letters, full-width digits and letters to ASCII. Every
// other character is its own fold. Fold maps one character to one, so a
// snippet can find a folded match at the same place in the original.
func Fold(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 32
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 32
	case r >= 0xFF10 && r <= 0xFF19: // ０-９
		return r - 0xFF10 + '0'
	case r >= 0xFF21 && r <= 0xFF3A: // Ａ-Ｚ
		return r - 0xFF21 + 'a'
	case r >= 0xFF41 && r <= 0xFF5A: // ａ-ｚ
		return r - 0xFF41 + 'a'
	}
	return r
}

// IsCJK reports whether r is indexed by characters and pairs: Han
// ideographs (with 〇), kana and Hangul syllables.
func IsCJK(r rune) bool {
	switch {
	case r < 0x3007:
		return false
	case r == 0x3007,
		r >= 0x3040 && r <= 0x30FF,   // hiragana, katakana
		r >= 0x3400 && r <= 0x4DBF,   // extension A
		r >= 0x4E00 && r <= 0x9FFF,   // unified ideographs
		r >= 0xAC00 && r <= 0xD7AF,   // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0x20000 && r <= 0x323AF: // extensions B to H
		return true
	}
	return false
}

// IsWordRune reports whether r (folded) belongs to a word: ASCII letters
// and digits, Latin-1 and Latin Extended letters, Greek and Cyrillic.
func IsWordRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return true
	case r < 0xC0:
		return false
	case r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x370 && r <= 0x4FF:
		return true
	}
	return false
}
