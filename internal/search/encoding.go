package search

import (
	"encoding/binary"
	"unicode/utf8"
)

// Hash is 32-bit FNV-1a over the UTF-8 bytes of a key. A key lives in
// shard Hash(key) mod Layout.Shards; search.js computes the same.
func Hash(key string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return h
}

func hashBytes(key []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range key {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// ShardOf returns the shard of key in an index of n shards (a power of two).
func ShardOf(key string, n int) int { return int(Hash(key) & uint32(n-1)) }

func appendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// appendJSONString appends s as a JSON string. Non-ASCII text is written
// as it is (the files are UTF-8); invalid UTF-8 becomes U+FFFD; <, > and
// & are escaped as encoding/json escapes them, so that no file holds
// markup, and U+2028 and U+2029 so that the file is also JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	if utf8.ValidString(s) {
		// The common case: one look at each byte, in a table.
		start := 0
		for i := 0; i < len(s); i++ {
			switch jsonExtra[s[i]] {
			case 0:
				continue
			case lineSep:
				if !isLineSep(s, i) {
					continue
				}
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', "0123456789abcdef"[s[i+2]&15])
				i += 2
			default:
				b = append(b, s[start:i]...)
				b = appendEscape(b, s[i])
			}
			start = i + 1
		}
		b = append(b, s[start:]...)
		return append(b, '"')
	}
	for _, r := range s { // invalid UTF-8 comes as utf8.RuneError
		switch {
		case r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&':
			b = appendEscape(b, byte(r))
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', "0123456789abcdef"[r&15])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// lineSep marks in jsonExtra the first byte of U+2028 and U+2029 (and of
// every other character from U+2000 to U+2FFF).
const lineSep = 0xFF

// jsonExtra is, for each byte of valid UTF-8, how many bytes more than
// itself appendJSONString writes for it; lineSep for 0xE2, which needs a
// look at the next two bytes.
var jsonExtra = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 5 // \u00XX
	}
	for _, c := range "\"\\\n\t\r" {
		t[c] = 1 // \", \\, \n, \t, \r
	}
	for _, c := range "<>&" {
		t[c] = 5
	}
	t[0xE2] = lineSep
	return t
}()

// isLineSep reports whether s[i:] starts with U+2028 or U+2029, which
// JSON allows in a string but JavaScript before ES2019 did not.
func isLineSep(s string, i int) bool {
	return i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
}

func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\t':
		return append(b, '\\', 't')
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
}
