package search

import (
	"encoding/binary"
	"strings"
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
	if utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029") {
		// The common case: only ASCII needs a look.
		start := 0
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				b = append(b, s[start:i]...)
				b = appendEscape(b, c)
				start = i + 1
			}
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
