// This file defines int() and float() of a string.

package pyops

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// ParseInt returns int(s, base) for a str: surrounding whitespace, a sign, underscores between
// digits, and for base 0 (or the matching base) a 0x/0o/0b prefix are accepted.
func ParseInt(s string, base int) (*big.Int, *Error) {
	if base != 0 && (base < 2 || base > 36) {
		return nil, newError("ValueError", "int() base must be >= 2 and <= 36, or 0")
	}
	bad := func() (*big.Int, *Error) {
		return nil, newError("ValueError", "invalid literal for int() with base "+strconv.Itoa(base)+": "+StrRepr(s))
	}
	t := toASCIIDigits(strings.TrimFunc(s, isPySpace))
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	b := base
	prefixed := false
	if len(t) >= 2 && t[0] == '0' {
		p := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[t[1]]
		if p != 0 && (base == 0 || base == p) {
			b, t, prefixed = p, t[2:], true
		}
	}
	if b == 0 {
		b = 10
		if len(strings.Trim(t, "0_")) > 0 && t[0] == '0' {
			return bad() // "010" is not an int literal
		}
	}
	// Underscores: single, between digits (or right after a prefix).
	var digits strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '_' {
			if (i == 0 && !prefixed) || i == len(t)-1 || t[i+1] == '_' {
				return bad()
			}
			continue
		}
		digits.WriteByte(t[i])
	}
	d := digits.String()
	if d == "" {
		return bad()
	}
	for _, c := range d {
		v := 99
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'a' && c <= 'z':
			v = int(c-'a') + 10
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		}
		if v >= b {
			return bad()
		}
	}
	if b&(b-1) != 0 && len(d) > IntStrMaxDigits {
		return nil, newError("ValueError", "Exceeds the limit (4300 digits) for integer string conversion: value has "+strconv.Itoa(len(d))+" digits; use sys.set_int_max_str_digits() to increase the limit")
	}
	n, ok := new(big.Int).SetString(d, b)
	if !ok {
		return bad()
	}
	if neg {
		n.Neg(n)
	}
	return n, nil
}

// ParseFloat returns float(s) for a str: decimal literals with underscores between digits,
// and inf, infinity and nan in any case, with an optional sign and surrounding whitespace.
func ParseFloat(s string) (float64, *Error) {
	t := toASCIIDigits(strings.TrimFunc(s, isPySpace))
	bad := newError("ValueError", "could not convert string to float: "+StrRepr(s))
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 {
		return 0, bad
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if t[0] == '-' {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	// Check Python's grammar: digits[.digits][e[sign]digits], underscores between digits.
	var clean strings.Builder
	sawDigit, sawDot, sawExp := false, false, false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			sawDigit = true
		case c == '_':
			if i == 0 || i == len(body)-1 || !isDigit(body[i-1]) || !isDigit(body[i+1]) {
				return 0, bad
			}
			continue
		case c == '.' && !sawDot && !sawExp:
			sawDot = true
		case (c == 'e' || c == 'E') && sawDigit && !sawExp:
			sawExp = true
			if i+1 < len(body) && (body[i+1] == '+' || body[i+1] == '-') {
				clean.WriteByte(c)
				i++
				c = body[i]
			}
			if i+1 >= len(body) || !isDigit(body[i+1]) {
				return 0, bad
			}
		default:
			return 0, bad
		}
		clean.WriteByte(c)
	}
	if !sawDigit {
		return 0, bad
	}
	f, err := strconv.ParseFloat(t[:len(t)-len(body)]+clean.String(), 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return 0, bad
	}
	return f, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// toASCIIDigits replaces every Unicode decimal digit by its ASCII digit, as int() and float()
// accept any script's digits.
func toASCIIDigits(s string) string {
	for _, r := range s {
		if r >= 0x80 {
			return strings.Map(func(r rune) rune {
				if r >= 0x80 && unicode.Is(unicode.Nd, r) {
					return '0' + rune(digitValue(r))
				}
				return r
			}, s)
		}
	}
	return s
}

// digitValue returns the value of a decimal digit: Nd digits come in runs of ten from zero.
func digitValue(r rune) int {
	n := 0
	for r > 0 && unicode.Is(unicode.Nd, r-1) && n < 9 {
		r--
		n++
	}
	return n
}
