// This file defines the format specification mini-language: FormatSpec, its parser, and
// format() for ints, floats and strings.

package pyops

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FormatSpec is a parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
// Zero values mean "not given"; Precision is -1 when absent.
type FormatSpec struct {
	Fill      rune // padding character; 0 when not given (a space is used)
	Align     byte // '<', '>', '^', '=' or 0
	Sign      byte // '+', '-', ' ' or 0
	NoNegZero bool // 'z': -0.0 formats as 0.0
	Alt       bool // '#'
	Width     int  // minimum width in code points; 0 when absent
	Grouping  byte // ',' or '_' or 0
	Precision int  // -1 when absent
	Type      byte // presentation type, or 0
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }

// ParseFormatSpec parses a format spec. typeName ("int", "float", "str") words the errors.
func ParseFormatSpec(spec, typeName string) (FormatSpec, *Error) {
	fs := FormatSpec{Precision: -1}
	i := 0
	if r, size := utf8.DecodeRuneInString(spec); size > 0 && size < len(spec) && isAlign(spec[size]) {
		fs.Fill, fs.Align = r, spec[size]
		i = size + 1
	} else if len(spec) > 0 && isAlign(spec[0]) {
		fs.Align = spec[0]
		i = 1
	}
	if i < len(spec) && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ') {
		fs.Sign = spec[i]
		i++
	}
	if i < len(spec) && spec[i] == 'z' {
		fs.NoNegZero = true
		i++
	}
	if i < len(spec) && spec[i] == '#' {
		fs.Alt = true
		i++
	}
	if i < len(spec) && spec[i] == '0' {
		if fs.Fill == 0 {
			fs.Fill = '0'
		}
		if fs.Align == 0 && typeName != "str" {
			fs.Align = '=' // strings pad with zeros on the right instead
		}
		i++
	}
	var err *Error
	if fs.Width, i, err = parseDigits(spec, i); err != nil {
		return fs, err
	}
	if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
		fs.Grouping = spec[i]
		i++
		if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
			return fs, newError("ValueError", "Cannot specify both ',' and '_'.")
		}
	}
	if i < len(spec) && spec[i] == '.' {
		i++
		start := i
		if fs.Precision, i, err = parseDigits(spec, i); err != nil {
			return fs, err
		}
		if i == start {
			return fs, newError("ValueError", "Format specifier missing precision")
		}
	}
	if len(spec)-i > 1 {
		return fs, newError("ValueError", "Invalid format specifier '"+spec+"' for object of type '"+typeName+"'")
	}
	if i < len(spec) {
		fs.Type = spec[i]
	}
	if fs.Grouping != 0 && typeName == "str" && (fs.Type == 0 || fs.Type == 's') {
		return fs, newError("ValueError", "Cannot specify '"+string(fs.Grouping)+"' with 's'.")
	}
	if fs.Grouping != 0 {
		ok := false
		switch fs.Type {
		case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F':
			ok = true
		case 'b', 'o', 'x', 'X':
			ok = fs.Grouping == '_'
		}
		if !ok {
			return fs, newError("ValueError", "Cannot specify '"+string(fs.Grouping)+"' with '"+typeChar(fs.Type)+"'.")
		}
	}
	return fs, nil
}

func typeChar(t byte) string {
	if t >= 0x80 || t < 0x20 {
		return "\\x" + strconv.FormatInt(int64(t), 16)
	}
	return string(t)
}

// parseDigits reads a decimal number at spec[i:] (0 when there is none).
func parseDigits(spec string, i int) (n, next int, err *Error) {
	for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
		if n > (math.MaxInt32-9)/10 {
			return 0, i, newError("ValueError", "Too many decimal digits in format string")
		}
		n = n*10 + int(spec[i]-'0')
		i++
	}
	return n, i, nil
}

func unknownCode(t byte, typeName string) *Error {
	return newError("ValueError", "Unknown format code '"+typeChar(t)+"' for object of type '"+typeName+"'")
}

// pad lays out sign+prefix and body to the spec's width with its fill and alignment.
// defaultAlign is '>' for numbers and '<' for strings.
func (fs *FormatSpec) pad(signPrefix, body string, defaultAlign byte) string {
	n := utf8.RuneCountInString(signPrefix) + utf8.RuneCountInString(body)
	if n >= fs.Width {
		return signPrefix + body
	}
	fill := " "
	if fs.Fill != 0 {
		fill = string(fs.Fill)
	}
	gap := fs.Width - n
	align := fs.Align
	if align == 0 {
		align = defaultAlign
	}
	switch align {
	case '<':
		return signPrefix + body + strings.Repeat(fill, gap)
	case '^':
		return strings.Repeat(fill, gap/2) + signPrefix + body + strings.Repeat(fill, gap-gap/2)
	case '=':
		return signPrefix + strings.Repeat(fill, gap) + body
	}
	return strings.Repeat(fill, gap) + signPrefix + body
}

// FormatStr returns format(s, spec) for a str.
func FormatStr(s, spec string) (string, *Error) {
	fs, err := ParseFormatSpec(spec, "str")
	if err != nil {
		return "", err
	}
	switch {
	case fs.Type != 0 && fs.Type != 's':
		return "", unknownCode(fs.Type, "str")
	case fs.Sign != 0:
		return "", newError("ValueError", "Sign not allowed in string format specifier")
	case fs.NoNegZero:
		return "", newError("ValueError", "Negative zero coercion (z) not allowed in string format specifier")
	case fs.Alt:
		return "", newError("ValueError", "Alternate form (#) not allowed in string format specifier")
	case fs.Align == '=':
		return "", newError("ValueError", "'=' alignment not allowed in string format specifier")
	}
	if fs.Precision >= 0 && utf8.RuneCountInString(s) > fs.Precision {
		n := 0
		for i := range s {
			if n == fs.Precision {
				s = s[:i]
				break
			}
			n++
		}
	}
	return fs.pad("", s, '<'), nil
}

// group inserts sep every size digits from the right of digits.
func group(digits string, sep byte, size int) string {
	if sep == 0 || len(digits) <= size {
		return digits
	}
	var b strings.Builder
	first := len(digits) % size
	if first == 0 {
		first = size
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += size {
		b.WriteByte(sep)
		b.WriteString(digits[i : i+size])
	}
	return b.String()
}

// groupPadded groups digits and, for zero padding with '=', widens them with zeros (grouped
// too) so the whole field fills width, as CPython does.
func (fs *FormatSpec) groupPadded(digits string, size, used int) string {
	if fs.Grouping == 0 {
		return digits
	}
	g := group(digits, fs.Grouping, size)
	if fs.Fill == '0' && fs.Align == '=' {
		for used+len(g) < fs.Width {
			digits = "0" + digits
			g = group(digits, fs.Grouping, size)
		}
		if used+len(g) > fs.Width && g[0] == fs.Grouping {
			g = g[1:]
		}
	}
	return g
}

func signOf(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

// FormatInt returns format(v, spec) for an int (or bool used as int).
func FormatInt(v *big.Int, spec string) (string, *Error) {
	fs, err := ParseFormatSpec(spec, "int")
	if err != nil {
		return "", err
	}
	switch fs.Type {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := BigToFloat(v)
		if err != nil {
			return "", err
		}
		return formatFloatSpec(f, fs)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", unknownCode(fs.Type, "int")
	}
	if fs.Precision >= 0 {
		return "", newError("ValueError", "Precision not allowed in integer format specifier")
	}
	if fs.NoNegZero {
		return "", newError("ValueError", "Negative zero coercion (z) not allowed in integer format specifier")
	}
	if fs.Type == 'c' {
		if fs.Sign != 0 {
			return "", newError("ValueError", "Sign not allowed with integer format specifier 'c'")
		}
		if fs.Alt {
			return "", newError("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'")
		}
		if !v.IsInt64() {
			return "", newError("OverflowError", "Python int too large to convert to C long")
		}
		if v.Sign() < 0 || v.Cmp(big.NewInt(0x10ffff)) > 0 {
			return "", newError("OverflowError", "%c arg not in range(0x110000)")
		}
		return fs.pad("", string(rune(v.Int64())), '<'), nil
	}
	base, prefix, size := 10, "", 3
	switch fs.Type {
	case 'b':
		base, prefix, size = 2, "0b", 4
	case 'o':
		base, prefix, size = 8, "0o", 4
	case 'x':
		base, prefix, size = 16, "0x", 4
	case 'X':
		base, prefix, size = 16, "0X", 4
	}
	if !fs.Alt {
		prefix = ""
	}
	if base == 10 && v.BitLen() > 14300 {
		if err := checkIntStrDigits(v); err != nil {
			return "", err
		}
	}
	digits := new(big.Int).Abs(v).Text(base)
	if fs.Type == 'X' {
		digits = strings.ToUpper(digits)
	}
	head := signOf(v.Sign() < 0, fs.Sign) + prefix
	return fs.pad(head, fs.groupPadded(digits, size, len(head)), '>'), nil
}

// FormatFloat returns format(f, spec) for a float.
func FormatFloat(f float64, spec string) (string, *Error) {
	fs, err := ParseFormatSpec(spec, "float")
	if err != nil {
		return "", err
	}
	switch fs.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", unknownCode(fs.Type, "float")
	}
	return formatFloatSpec(f, fs)
}

func formatFloatSpec(f float64, fs FormatSpec) (string, *Error) {
	if fs.Type == 'n' {
		fs.Type = 'g'
	}
	neg := math.Signbit(f)
	x := math.Abs(f)
	prec := fs.Precision
	var body string
	upper := fs.Type == 'E' || fs.Type == 'F' || fs.Type == 'G'
	switch {
	case math.IsInf(x, 0):
		body = "inf"
	case math.IsNaN(x):
		body = "nan"
	default:
		if prec < 0 && fs.Type != 0 {
			prec = 6
		}
		switch fs.Type {
		case 'e', 'E':
			body = expForm(strconv.FormatFloat(x, 'e', prec, 64), fs.Alt && prec == 0)
		case 'f', 'F':
			body = strconv.FormatFloat(x, 'f', prec, 64)
			if fs.Alt && prec == 0 {
				body += "."
			}
		case '%':
			body = strconv.FormatFloat(x*100, 'f', prec, 64)
			if fs.Alt && prec == 0 {
				body += "."
			}
		case 'g', 'G':
			body = generalForm(x, prec, fs.Alt, false)
		default: // no type: repr, or 'g'-like keeping a ".0"
			if prec < 0 {
				body = FloatRepr(x)
				if fs.Alt && !strings.Contains(body, ".") {
					body = strings.Replace(body, "e", ".e", 1)
				}
			} else {
				body = generalForm(x, prec, fs.Alt, true)
			}
		}
	}
	if fs.NoNegZero && neg && !math.IsInf(x, 0) && !math.IsNaN(x) && isAllZero(body) {
		neg = false
	}
	if math.IsNaN(f) {
		neg = false
	}
	if upper {
		body = strings.ToUpper(body)
	}
	if fs.Type == '%' {
		body += "%"
	}
	if fs.Grouping != 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
		intEnd := strings.IndexAny(body, ".eE%")
		if intEnd < 0 {
			intEnd = len(body)
		}
		head := signOf(neg, fs.Sign)
		g := fs.groupPadded(body[:intEnd], 3, len(head)+len(body)-intEnd)
		return fs.pad(head, g+body[intEnd:], '>'), nil
	}
	return fs.pad(signOf(neg, fs.Sign), body, '>'), nil
}

func isAllZero(s string) bool {
	for _, c := range s {
		if c >= '1' && c <= '9' {
			return false
		}
		if c == 'e' || c == 'E' {
			break
		}
	}
	return true
}

// expForm turns Go's "1.5e-05"/"1e+100" into CPython's form (same: at least two exponent
// digits), adding a '.' after a lone digit when alt is set.
func expForm(s string, alt bool) string {
	if alt {
		mant, exp, _ := strings.Cut(s, "e")
		return mant + ".e" + exp
	}
	return s
}

// generalForm implements 'g' (and the no-type form with a precision when keepPoint is set).
func generalForm(x float64, prec int, alt, keepPoint bool) string {
	if prec == 0 {
		prec = 1
	}
	e := strconv.FormatFloat(x, 'e', prec-1, 64)
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	var body string
	limit := prec
	if keepPoint {
		limit = prec - 1 // the no-type form switches to exponents one digit earlier
	}
	if exp >= -4 && exp < limit {
		body = strconv.FormatFloat(x, 'f', prec-1-exp, 64)
		if !alt {
			body = trimFraction(body)
			if keepPoint && !strings.Contains(body, ".") {
				body += ".0"
			}
		} else if !strings.Contains(body, ".") {
			body += "."
		}
		return body
	}
	if !alt {
		mant = trimFraction(mant)
	} else if !strings.Contains(mant, ".") {
		mant += "."
	}
	return mant + "e" + expText
}

func trimFraction(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// IntStrMaxDigits is CPython 3.11's default limit on decimal digits in int<->str conversion.
const IntStrMaxDigits = 4300

func checkIntStrDigits(v *big.Int) *Error {
	if len(new(big.Int).Abs(v).String()) > IntStrMaxDigits {
		return newError("ValueError", "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
	}
	return nil
}
