// This file defines printf-style formatting (str % args) over values the interpreter supplies.

package pyops

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PercentValue is one argument of str % args, as the interpreter sees it.
type PercentValue interface {
	// TypeName is the Python type's name, for error messages ("str", "float").
	TypeName() string
	// Str and Repr return str(v) and repr(v); their errors pass through unchanged.
	Str() (string, *Error)
	Repr() (string, *Error)
	// Index returns v as an int when it is an int (or bool, or has __index__).
	Index() (*big.Int, bool)
	// Float returns v as a float when it is a real number (int, bool or float).
	Float() (float64, bool)
	// Char returns the single code point of a str of length 1.
	Char() (rune, bool)
}

// PercentArgs are the right operand of %: Items when it is a tuple (else the single value),
// and Lookup when it is a mapping (nil otherwise).
type PercentArgs struct {
	Items   []PercentValue
	IsTuple bool
	Lookup  func(key string) (PercentValue, *Error)
}

// FormatPercent returns format % args with CPython's printf-style rules and errors.
func FormatPercent(format string, args PercentArgs) (string, *Error) {
	var b strings.Builder
	next := 0
	usedMapping := false
	nextArg := func() (PercentValue, *Error) {
		if next >= len(args.Items) {
			return nil, newError("TypeError", "not enough arguments for format string")
		}
		next++
		return args.Items[next-1], nil
	}
	for i := 0; i < len(format); {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			b.WriteString(format[i:])
			break
		}
		b.WriteString(format[i : i+j])
		i += j + 1
		start := i - 1
		var mapped PercentValue
		if i < len(format) && format[i] == '(' {
			if args.Lookup == nil {
				return "", newError("TypeError", "format requires a mapping")
			}
			depth, k := 1, i+1
			for ; k < len(format) && depth > 0; k++ {
				switch format[k] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return "", newError("ValueError", "incomplete format key")
			}
			v, err := args.Lookup(format[i+1 : k-1])
			if err != nil {
				return "", err
			}
			mapped, usedMapping, i = v, true, k
		}
		fs := FormatSpec{Precision: -1}
		zero, left := false, false
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				left = true
			case '+':
				fs.Sign = '+'
			case ' ':
				if fs.Sign == 0 {
					fs.Sign = ' '
				}
			case '#':
				fs.Alt = true
			case '0':
				zero = true
			default:
				break flags
			}
		}
		star := func() (int, *Error) {
			v, err := nextArg()
			if err != nil {
				return 0, err
			}
			n, ok := v.Index()
			if !ok {
				return 0, newError("TypeError", "* wants int")
			}
			if !n.IsInt64() || n.Int64() > 1<<31-1 || n.Int64() < -(1<<31-1) {
				return 0, newError("OverflowError", "Python int too large to convert to C int")
			}
			return int(n.Int64()), nil
		}
		if i < len(format) && format[i] == '*' {
			w, err := star()
			if err != nil {
				return "", err
			}
			if w < 0 {
				left, w = true, -w
			}
			fs.Width = w
			i++
		} else {
			for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
				fs.Width = fs.Width*10 + int(format[i]-'0')
			}
		}
		if i < len(format) && format[i] == '.' {
			i++
			fs.Precision = 0
			if i < len(format) && format[i] == '*' {
				p, err := star()
				if err != nil {
					return "", err
				}
				if p < 0 {
					p = 0
				}
				fs.Precision = p
				i++
			} else {
				for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
					fs.Precision = fs.Precision*10 + int(format[i]-'0')
				}
			}
		}
		for i < len(format) && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L') {
			i++
		}
		if i >= len(format) {
			return "", newError("ValueError", "incomplete format")
		}
		c, size := utf8.DecodeRuneInString(format[i:])
		i += size
		if c == '%' {
			b.WriteByte('%')
			continue
		}
		if left {
			fs.Align = '<'
		} else if zero {
			fs.Fill, fs.Align = '0', '='
		}
		v := mapped
		if v == nil {
			var err *Error
			if v, err = nextArg(); err != nil {
				return "", err
			}
		}
		s, err := percentOne(c, v, fs, start, i-size)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if next < len(args.Items) && !usedMapping && !(args.Lookup != nil && !args.IsTuple) {
		return "", newError("TypeError", "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

func percentOne(c rune, v PercentValue, fs FormatSpec, start, at int) (string, *Error) {
	switch c {
	case 's', 'r', 'a':
		var s string
		var err *Error
		if c == 's' {
			s, err = v.Str()
		} else {
			s, err = v.Repr()
		}
		if err != nil {
			return "", err
		}
		if c == 'a' {
			s = ASCIIEscape(s)
		}
		if fs.Precision >= 0 && utf8.RuneCountInString(s) > fs.Precision {
			s = string([]rune(s)[:fs.Precision])
		}
		fs.Fill, fs.Sign = 0, 0
		if fs.Align == '=' {
			fs.Align = 0
		}
		return fs.pad("", s, '>'), nil
	case 'd', 'i', 'u', 'x', 'X', 'o':
		n, ok := v.Index()
		if !ok {
			f, isReal := v.Float()
			if !isReal || c == 'x' || c == 'X' || c == 'o' {
				what := "a real number"
				if c == 'x' || c == 'X' || c == 'o' {
					what = "an integer"
				}
				return "", newError("TypeError", fmt.Sprintf("%%%c format: %s is required, not %s", c, what, v.TypeName()))
			}
			var err *Error
			if n, err = FloatToInt(f); err != nil {
				return "", err
			}
		}
		return PercentInt(c, n, fs), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := v.Float()
		if !ok {
			return "", newError("TypeError", "must be real number, not "+v.TypeName())
		}
		fs.Type = byte(c)
		if fs.Precision < 0 {
			fs.Precision = 6
		}
		return formatFloatSpec(f, fs)
	case 'c':
		var r rune
		if n, ok := v.Index(); ok {
			if !n.IsInt64() || n.Sign() < 0 || n.Int64() > 0x10ffff {
				return "", newError("OverflowError", "%c arg not in range(0x110000)")
			}
			r = rune(n.Int64())
		} else if ch, ok := v.Char(); ok {
			r = ch
		} else {
			return "", newError("TypeError", "%c requires int or char")
		}
		fs.Fill, fs.Sign = 0, 0
		if fs.Align == '=' {
			fs.Align = 0
		}
		return fs.pad("", string(r), '>'), nil
	}
	code := "0x" + strconv.FormatInt(int64(c), 16)
	return "", newError("ValueError", fmt.Sprintf("unsupported format character '%c' (%s) at index %d", c, code, at))
}

// PercentInt is one %d, %i, %u, %x, %X or %o conversion of n: printf's
// precision (at least that many digits, zero-padded), then fs's sign, '#'
// prefix and padding.
func PercentInt(c rune, n *big.Int, fs FormatSpec) string {
	base, prefix := 10, ""
	switch c {
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	case 'o':
		base, prefix = 8, "0o"
	}
	if !fs.Alt {
		prefix = ""
	}
	digits := new(big.Int).Abs(n).Text(base)
	if c == 'X' {
		digits = strings.ToUpper(digits)
	}
	if len(digits) < fs.Precision {
		digits = strings.Repeat("0", fs.Precision-len(digits)) + digits
	}
	return fs.pad(signOf(n.Sign() < 0, fs.Sign)+prefix, digits, '>')
}

// ASCIIEscape turns the non-ASCII code points of a repr into \xNN, \uNNNN or \UNNNNNNNN,
// as ascii() does.
func ASCIIEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}
