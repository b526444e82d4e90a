// This file defines str methods as pure functions on Go strings: split, rsplit, splitlines,
// strip and friends, with Python's notion of whitespace and line boundaries.

package pyops

import (
	"strings"
	"unicode/utf8"
)

// IsSpace reports whether r is whitespace for str.split() and str.strip(): Unicode White_Space
// plus the ASCII separators 0x1c-0x1f, as CPython's str.isspace.
func IsSpace(r rune) bool { return isPySpace(r) }

// Split returns s.split(sep, maxsplit); hasSep false means sep=None (runs of whitespace).
// maxsplit < 0 means no limit.
func Split(s, sep string, hasSep bool, maxsplit int) ([]string, *Error) {
	if !hasSep {
		var out []string
		rest := strings.TrimLeftFunc(s, isPySpace)
		for rest != "" {
			if maxsplit >= 0 && len(out) == maxsplit {
				out = append(out, rest)
				return out, nil
			}
			end := strings.IndexFunc(rest, isPySpace)
			if end < 0 {
				out = append(out, rest)
				break
			}
			out = append(out, rest[:end])
			rest = strings.TrimLeftFunc(rest[end:], isPySpace)
		}
		return out, nil
	}
	if sep == "" {
		return nil, newError("ValueError", "empty separator")
	}
	return strings.SplitN(s, sep, limitN(maxsplit)), nil
}

func limitN(maxsplit int) int {
	if maxsplit < 0 {
		return -1
	}
	return maxsplit + 1
}

// RSplit returns s.rsplit(sep, maxsplit), splitting from the right.
func RSplit(s, sep string, hasSep bool, maxsplit int) ([]string, *Error) {
	if maxsplit < 0 {
		return Split(s, sep, hasSep, maxsplit)
	}
	if hasSep && sep == "" {
		return nil, newError("ValueError", "empty separator")
	}
	var out []string
	rest := s
	if !hasSep {
		rest = strings.TrimRightFunc(rest, isPySpace)
	}
	for len(out) < maxsplit {
		var start, end int
		if hasSep {
			start = strings.LastIndex(rest, sep)
			if start < 0 {
				break
			}
			end = start + len(sep)
		} else {
			start = strings.LastIndexFunc(rest, isPySpace)
			if start < 0 {
				break
			}
			_, size := utf8.DecodeRuneInString(rest[start:])
			end = start + size
			out = append(out, rest[end:])
			rest = strings.TrimRightFunc(rest[:start], isPySpace)
			continue
		}
		out = append(out, rest[end:])
		rest = rest[:start]
	}
	if hasSep || rest != "" {
		out = append(out, rest)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// isLineBreak reports Python's line boundaries for str.splitlines.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// SplitLines returns s.splitlines(keepends); "\r\n" counts as one boundary.
func SplitLines(s string, keepends bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLineBreak(r) {
			i += size
			continue
		}
		end := i + size
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keepends {
			out = append(out, s[start:end])
		} else {
			out = append(out, s[start:i])
		}
		start, i = end, end
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// Strip returns s.strip(chars); hasChars false means whitespace. left/right choose lstrip or
// rstrip (both for strip).
func Strip(s, chars string, hasChars, left, right bool) string {
	in := isPySpace
	if hasChars {
		in = func(r rune) bool { return strings.ContainsRune(chars, r) }
	}
	if left {
		s = strings.TrimLeftFunc(s, in)
	}
	if right {
		s = strings.TrimRightFunc(s, in)
	}
	return s
}

// ExpandTabs returns s.expandtabs(tabsize): columns restart after \n and \r.
func ExpandTabs(s string, tabsize int) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}
