// This file defines repr() of str and bytes, and Python's notion of printable characters.

package pyops

import (
	"fmt"
	"strings"
	"unicode"
)

// IsPrintable reports whether repr() shows r as itself: not in the categories Cc, Cf, Cs,
// Co, Cn, Zl, Zp, or Zs other than the ASCII space.
func IsPrintable(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r < 0x7f
	}
	if newerThanUnicode14(r) {
		return false // unassigned in CPython 3.11's Unicode 14 tables
	}
	if !unicode.Is(unicode.Other, r) && !unicode.Is(unicode.Zl, r) && !unicode.Is(unicode.Zp, r) && !unicode.Is(unicode.Zs, r) {
		// Unassigned code points (Cn) are in no table; check a letter-ish table set.
		return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
	}
	return false
}

// StrRepr returns repr(s): single quotes unless s contains ' and no ", with \\, \t, \n, \r
// and the quote escaped and non-printable code points as \xNN, \uNNNN or \UNNNNNNNN.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case IsPrintable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// BytesRepr returns repr(b) as b'...': the same quote choice as str, printable ASCII as is,
// \t \n \r \\ and the quote escaped, every other byte as \xNN.
func BytesRepr(data []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(data), '\'') >= 0 && strings.IndexByte(string(data), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(quote)
	for _, c := range data {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// newerThanUnicode14 reports code points assigned by Unicode 15 (in Go's tables) that
// CPython 3.11 still treats as unassigned: Kawi, Nag Mundari, CJK extension H and others.
func newerThanUnicode14(r rune) bool {
	switch {
	case r >= 0x31350 && r <= 0x323AF, r >= 0x11F00 && r <= 0x11F5F, r >= 0x1E4D0 && r <= 0x1E4FF,
		r >= 0x11B00 && r <= 0x11B5F, r >= 0x1E030 && r <= 0x1E08F, r >= 0x10EFD && r <= 0x10EFF,
		r >= 0x1F6DC && r <= 0x1F6DC, r >= 0x1F774 && r <= 0x1F776, r >= 0x1F77B && r <= 0x1F77F,
		r >= 0x1F7D9 && r <= 0x1F7D9, r >= 0x1FA75 && r <= 0x1FA77, r >= 0x1FA87 && r <= 0x1FA88,
		r >= 0x1FAAD && r <= 0x1FAAF, r >= 0x1FABB && r <= 0x1FABD, r >= 0x1FABF && r <= 0x1FABF,
		r >= 0x1FACE && r <= 0x1FACF, r >= 0x1FADA && r <= 0x1FADB, r >= 0x1FAE8 && r <= 0x1FAE8,
		r >= 0x1FAF7 && r <= 0x1FAF8, r >= 0x1D2C0 && r <= 0x1D2D3, r >= 0x1343F && r <= 0x13455,
		r >= 0x0CF3 && r <= 0x0CF3, r >= 0x0ECE && r <= 0x0ECE, r >= 0x10EFD && r <= 0x10EFF,
		r >= 0x1123F && r <= 0x11241, r >= 0x1E4D0 && r <= 0x1E4F9, r >= 0x1F6DC && r <= 0x1F6DC:
		return true
	}
	return false
}
