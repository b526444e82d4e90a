package py

// This file defines conversions to text: type names, repr and str as CPython
// prints them, float repr, format() with the format-spec mini-language, and
// %-formatting.

import (
	"math"

	"coroutinetour/sandbox/pyops"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// typeName is the name CPython's messages use for the type of v.
func typeName(v Value) string {
	switch v := v.(type) {
	case NoneType:
		return "NoneType"
	case bool:
		return "bool"
	case int, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case Bytes:
		return "bytes"
	case *List:
		return "list"
	case Tuple, *Pair:
		return "tuple"
	case *Dict:
		return "dict"
	case *Set:
		if v.Frozen {
			return "frozenset"
		}
		return "set"
	case *Range:
		return "range"
	case *Slice:
		return "slice"
	case *Function:
		return "function"
	case *Builtin:
		if v.Self != nil {
			return "builtin_function_or_method"
		}
		return "builtin_function_or_method"
	case *BoundMethod:
		return "method"
	case *Class:
		return "type"
	case *Object:
		return v.Class.Name
	case *Generator:
		return "generator"
	case *Module:
		return "module"
	case *Iterator:
		return v.Name
	case *Property:
		return "property"
	case *Super:
		return "super"
	case *Cell:
		return "cell"
	case ellipsisT:
		return "ellipsis"
	case notImplementedT:
		return "NotImplementedType"
	}
	if n, ok := v.(interface{ PyTypeName() string }); ok {
		return n.PyTypeName()
	}
	return "object"
}

// Repr is repr(v) for values whose repr cannot run Python code.
func Repr(v Value) string {
	s, _ := (&Thread{}).repr(v)
	return s
}

// Str is str(v) for values whose str cannot run Python code.
func Str(v Value) string {
	s, _ := (&Thread{}).str(v)
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// floatRepr is CPython's repr of a float: the shortest string that round-trips.
func floatRepr(f float64) string { return pyops.FloatRepr(f) }

// strRepr quotes a string as CPython's repr does.
func strRepr(s string) string { return pyops.StrRepr(s) }

func hex2(n int) string { return hexN(n, 2) }

func hexN(n, w int) string {
	s := strconv.FormatInt(int64(n), 16)
	return strings.Repeat("0", w-len(s)) + s
}

// bytesRepr quotes bytes as CPython does.
func bytesRepr(bs Bytes) string { return pyops.BytesRepr([]byte(bs)) }

// repr implements repr(v), calling __repr__ of user classes.
func (th *Thread) repr(v Value) (string, error) {
	switch v := v.(type) {
	case NoneType:
		return "None", nil
	case bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case int:
		return strconv.Itoa(v), nil
	case *big.Int:
		if v.BitLen() > 14300 {
			return "", th.valueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
		}
		return v.String(), nil
	case float64:
		return floatRepr(v), nil
	case string:
		return strRepr(v), nil
	case Bytes:
		return bytesRepr(v), nil
	case *ByteArray:
		return v.PyRepr(th), nil
	case ellipsisT:
		return "Ellipsis", nil
	case notImplementedT:
		return "NotImplemented", nil
	}
	if th.native > maxNative {
		return "", th.newErr(RecursionError, "maximum recursion depth exceeded while getting the repr of an object")
	}
	th.native++
	defer func() { th.native-- }()
	switch v := v.(type) {
	case *List:
		if th.reprActive(v) {
			return "[...]", nil
		}
		defer th.reprDone(v)
		return th.reprItems("[", v.Items, "]")
	case Tuple:
		if len(v) == 1 {
			s, err := th.repr(v[0])
			return "(" + s + ",)", err
		}
		return th.reprItems("(", v, ")")
	case *Pair:
		return th.reprItems("(", v[:], ")")
	case *Dict:
		if th.reprActive(v) {
			return "{...}", nil
		}
		defer th.reprDone(v)
		var b strings.Builder
		b.WriteByte('{')
		for i, kv := range v.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			k, err := th.repr(kv[0])
			if err != nil {
				return "", err
			}
			val, err := th.repr(kv[1])
			if err != nil {
				return "", err
			}
			b.WriteString(k + ": " + val)
			if err := th.charge(1); err != nil {
				return "", err
			}
		}
		b.WriteByte('}')
		return b.String(), nil
	case *Set:
		name := "set"
		if v.Frozen {
			name = "frozenset"
		}
		if v.Len() == 0 {
			return name + "()", nil
		}
		s, err := th.reprItems("{", v.Elems(), "}")
		if v.Frozen {
			s = "frozenset(" + s + ")"
		}
		return s, err
	case *Range:
		if v.Step == 1 {
			return "range(" + itoa(v.Start) + ", " + itoa(v.Stop) + ")", nil
		}
		return "range(" + itoa(v.Start) + ", " + itoa(v.Stop) + ", " + itoa(v.Step) + ")", nil
	case *Slice:
		a, _ := th.repr(v.Start)
		b, _ := th.repr(v.Stop)
		c, _ := th.repr(v.Step)
		return "slice(" + a + ", " + b + ", " + c + ")", nil
	case *Function:
		return "<function " + v.Qualname + " at " + th.addr(v) + ">", nil
	case *Builtin:
		if v.Self != nil {
			return "<built-in method " + v.Name + " of " + typeName(v.Self) + " object at " + th.addr(v.Self) + ">", nil
		}
		return "<built-in function " + v.Name + ">", nil
	case *BoundMethod:
		self, err := th.repr(v.Self)
		if err != nil {
			return "", err
		}
		name := ""
		switch f := v.Func.(type) {
		case *Function:
			name = f.Qualname
		case *Builtin:
			name = f.Name
		}
		return "<bound method " + name + " of " + self + ">", nil
	case *Class:
		if v.Module == "builtins" || v.Module == "" {
			return "<class '" + v.Name + "'>", nil
		}
		return "<class '" + v.Module + "." + v.Name + "'>", nil
	case *Module:
		if v.Name == "sys" || v.Name == "builtins" || v.Name == "time" || v.Name == "math" {
			return "<module '" + v.Name + "' (built-in)>", nil
		}
		return "<module '" + v.Name + "'>", nil
	case *Generator:
		return th.genRepr(v), nil
	case *Object:
		if m := v.Class.lookup("__repr__"); m != nil && th.env != nil {
			r, err := th.callValue(m, []Value{v}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(string)
			if !ok {
				return "", th.typeError("__repr__ returned non-string (type %s)", typeName(r))
			}
			return s, nil
		}
		if isExceptionClass(v.Class) {
			args, err := th.repr(excState(v).Args)
			if len(excState(v).Args) == 1 {
				args = strings.TrimSuffix(args, ",)") + ")"
			}
			return v.Class.Name + args, err
		}
		if s, ok := th.nativeRepr(v); ok {
			return s, nil
		}
		mod := v.Class.Module
		if mod == "" {
			mod = "__main__"
		}
		return "<" + mod + "." + v.Class.Name + " object at " + th.addr(v) + ">", nil
	case *Iterator:
		return "<" + v.Name + " object at " + th.addr(v) + ">", nil
	case *Property:
		return "<property object at " + th.addr(v) + ">", nil
	case *Cell:
		return "<cell at " + th.addr(v) + ">", nil
	}
	if r, ok := v.(interface{ PyRepr(th *Thread) string }); ok {
		return r.PyRepr(th), nil
	}
	return "<object at " + th.addr(v) + ">", nil
}

func (th *Thread) reprItems(open string, items []Value, close string) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := th.repr(x)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		if err := th.charge(1); err != nil {
			return "", err
		}
	}
	b.WriteString(close)
	return b.String(), nil
}

// reprActive guards against infinite recursion on self-containing containers.
func (th *Thread) reprActive(v any) bool {
	if th.reprSeen == nil {
		th.reprSeen = map[any]bool{}
	}
	if th.reprSeen[v] {
		return true
	}
	th.reprSeen[v] = true
	return false
}

func (th *Thread) reprDone(v any) { delete(th.reprSeen, v) }

// str implements str(v).
func (th *Thread) str(v Value) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case *Object:
		if m := v.Class.lookup("__str__"); m != nil && th.env != nil {
			r, err := th.callValue(m, []Value{v}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(string)
			if !ok {
				return "", th.typeError("__str__ returned non-string (type %s)", typeName(r))
			}
			return s, nil
		}
		if isExceptionClass(v.Class) && v.Class.lookup("__repr__") == nil {
			st := excState(v)
			if v.Class.isSubclass(KeyError) && len(st.Args) == 1 {
				return th.repr(st.Args[0])
			}
			switch len(st.Args) {
			case 0:
				return "", nil
			case 1:
				return th.str(st.Args[0])
			}
			if v.Class.isSubclass(OSError) && len(st.Args) == 2 {
				msg, _ := th.str(st.Args[1])
				return "[Errno " + Str(st.Args[0]) + "] " + msg, nil
			}
			return th.repr(st.Args)
		}
	}
	return th.repr(v)
}

func (th *Thread) ascii(v Value) (string, error) {
	s, err := th.repr(v)
	return pyops.ASCIIEscape(s), err
}

// format implements format(v, spec). Ints, floats and strs follow the
// format mini-language in pyops (checked against CPython's goldens there).
func (th *Thread) format(v Value, spec string) (Value, error) {
	if o, ok := v.(*Object); ok {
		if m := o.Class.lookup("__format__"); m != nil {
			return th.callValue(m, []Value{v, spec}, nil)
		}
		if spec == "" {
			return th.str(v)
		}
		return nil, th.typeError("unsupported format string passed to %s.__format__", o.Class.Name)
	}
	if spec == "" {
		return th.str(v)
	}
	var s string
	var err *pyops.Error
	switch x := v.(type) {
	case bool: // bool's __format__ is int's once there is a spec
		s, err = pyops.FormatInt(toBig(boolInt(x)), spec)
	case int, *big.Int:
		s, err = pyops.FormatInt(toBig(x), spec)
	case float64:
		s, err = pyops.FormatFloat(x, spec)
	case string:
		s, err = pyops.FormatStr(x, spec)
	default:
		return nil, th.typeError("unsupported format string passed to %s.__format__", typeName(v))
	}
	if err != nil {
		return nil, th.opsError(err)
	}
	return s, nil
}

// opsError is a pyops error as the Python exception it names.
func (th *Thread) opsError(e *pyops.Error) error {
	for _, c := range exceptionClasses {
		if c.Name == e.Type {
			return th.newErr(c, "%s", e.Msg)
		}
	}
	return th.valueError("%s", e.Msg)
}

// percentFormat implements str % args.
func (th *Thread) percentFormat(format string, arg Value) (Value, error) {
	return th.percentFormatIn(format, arg, false)
}

// percentFormatBytes implements bytes % args: %s and %b insert bytes-like
// values as they are, %r and %a insert ascii(), the numbers as in str.
func (th *Thread) percentFormatBytes(format Bytes, arg Value) (Value, error) {
	runes := make([]rune, len(format))
	for i := 0; i < len(format); i++ {
		runes[i] = rune(format[i]) // one rune per byte, as latin-1 would
	}
	v, err := th.percentFormatIn(string(runes), arg, true)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(v.(string)))
	for _, r := range v.(string) {
		out = append(out, byte(r))
	}
	return Bytes(out), nil
}

// latin1 spells bytes as a string with one rune per byte.
func latin1(b []byte) string {
	runes := make([]rune, len(b))
	for i, c := range b {
		runes[i] = rune(c)
	}
	return string(runes)
}

// percentOne is the commonest %-format, one "%d" of an int or one "%s" of
// a str ("acct-%d" % n, "hello %s" % name), made in one allocation; ok is
// false for any other format or value.
func percentOne(format string, arg Value) (Value, bool) {
	i := strings.IndexByte(format, '%')
	if i < 0 || i+1 >= len(format) || strings.IndexByte(format[i+2:], '%') >= 0 {
		return nil, false
	}
	switch a := arg.(type) {
	case int:
		if format[i+1] == 'd' {
			var digits [20]byte
			d := strconv.AppendInt(digits[:0], int64(a), 10)
			var b strings.Builder
			b.Grow(len(format) - 2 + len(d))
			b.WriteString(format[:i])
			b.Write(d)
			b.WriteString(format[i+2:])
			return b.String(), true
		}
	case string:
		if format[i+1] == 's' {
			return format[:i] + a + format[i+2:], true
		}
	}
	return nil, false
}

// convDone marks a %-conversion already made; no character of a format
// string is negative (NUL is a character, and an unsupported one).
const convDone rune = -1

func (th *Thread) percentFormatIn(format string, arg Value, bytesMode bool) (Value, error) {
	if !bytesMode {
		if v, ok := percentOne(format, arg); ok {
			return v, nil
		}
	}
	var args []Value
	var mapping *Dict
	switch a := arg.(type) {
	case Tuple:
		args = a
	case *Pair:
		args = a[:]
	case *Dict:
		mapping = a
		args = []Value{a}
	default:
		args = []Value{a}
	}
	var b strings.Builder
	b.Grow(len(format) + 16)
	ai := 0
	// the format is read as bytes: the syntax is ASCII, and text between
	// conversions is copied as it is
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				b.WriteString(format[i:])
				break
			}
			b.WriteString(format[i : i+j])
			i += j
		}
		i++
		if i >= len(format) {
			return nil, th.valueError("incomplete format")
		}
		var val Value
		haveVal := false
		if format[i] == '(' {
			j := i + 1
			for j < len(format) && format[j] != ')' {
				j++
			}
			if mapping == nil {
				return nil, th.typeError("format requires a mapping")
			}
			key := format[i+1 : j]
			v, ok, err := th.dictGet(mapping, key)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, &PyError{Exc: newExc(KeyError, key)}
			}
			val, haveVal = v, true
			ai = len(args) // after a key, no conversion takes the argument itself any more (CPython)
			i = j + 1
		}
		start := i
		for i < len(format) && strings.IndexByte("-+ #0123456789.*", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return nil, th.valueError("incomplete format")
		}
		flags := format[start:i]
		conv, size := utf8.DecodeRuneInString(format[i:])
		at := i // where the conversion character is, for messages
		i += size - 1
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if !haveVal {
			if ai >= len(args) {
				return nil, th.typeError("not enough arguments for format string")
			}
			val = args[ai]
			ai++
		}
		var s Value
		var err error
		// the everyday cases, without the format machinery
		if flags == "" && !bytesMode {
			switch v := val.(type) {
			case int:
				if conv == 'd' || conv == 'i' || conv == 'u' {
					var digits [24]byte
					b.Write(strconv.AppendInt(digits[:0], int64(v), 10))
					continue
				}
			case string:
				if conv == 's' {
					b.WriteString(v)
					continue
				}
			}
		}
		spec := printfSpec(flags, strings.ContainsRune("srabc", conv))
		switch {
		case bytesMode && (conv == 's' || conv == 'b'):
			var str string
			switch v := val.(type) {
			case Bytes:
				str = latin1([]byte(v))
			case *ByteArray:
				str = latin1(v.B)
			default:
				return nil, th.typeError("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", typeName(val))
			}
			s = th.formatText(str, spec)
			conv = convDone
		case bytesMode && conv == 'r':
			conv = 'a' // bytes have no str: %r is %a
		case bytesMode && conv == 'c':
			switch c := val.(type) {
			case int:
				if c < 0 || c > 255 {
					return nil, th.newErr(OverflowError, "%%c arg not in range(256)")
				}
				s = string(rune(c))
			case Bytes:
				if len(c) != 1 {
					return nil, th.typeError("%%c requires an integer in range(256) or a single byte")
				}
				s = latin1([]byte(c))
			default:
				return nil, th.typeError("%%c requires an integer in range(256) or a single byte")
			}
			s = th.formatText(s.(string), spec)
			conv = convDone
		}
		switch conv {
		case convDone: // made above
		case 's', 'r', 'a':
			text := th.str
			switch conv {
			case 'r':
				text = th.repr
			case 'a':
				text = th.ascii
			}
			var str string
			str, err = text(val)
			s = th.formatText(str, spec)
		case 'd', 'i', 'u':
			if f, ok := val.(float64); ok {
				val = int(f)
			}
			if !isInt(val) {
				return nil, th.typeError("%%%c format: a real number is required, not %s", conv, typeName(val))
			}
			s, err = th.percentInt(val, spec, 'd')
		case 'f', 'F', 'e', 'E', 'g', 'G':
			if _, ok := toFloat(val); !ok {
				return nil, th.typeError("must be real number, not %s", typeName(val))
			}
			f, _ := toFloat(val)
			s, err = th.format(f, spec+string(conv))
		case 'x', 'X', 'o':
			if !isInt(val) {
				return nil, th.typeError("%%%c format: an integer is required, not %s", conv, typeName(val))
			}
			s, err = th.percentInt(val, spec, conv)
		case 'c':
			switch c := val.(type) {
			case int:
				if c < 0 || c > 0x10ffff {
					return nil, th.newErr(OverflowError, "%%c arg not in range(0x110000)")
				}
				s = string(rune(c))
			case string:
				if len([]rune(c)) != 1 {
					return nil, th.typeError("%%c requires int or char")
				}
				s = c
			default:
				return nil, th.typeError("%%c requires int or char")
			}
			s = th.formatText(s.(string), spec)
		default:
			shown := conv
			if conv < 32 || conv > 126 {
				shown = '?' // as CPython shows what it cannot print
			}
			return nil, th.valueError("unsupported format character '%c' (0x%x) at index %d", shown, conv, utf8.RuneCountInString(format[:at]))
		}
		if err != nil {
			return nil, err
		}
		b.WriteString(s.(string))
	}
	if ai < len(args) && mapping == nil {
		return nil, th.typeError("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// formatText pads or cuts a %s/%r/%a result as its flags say; flags that
// mean nothing for text (' ', '+', '#') are ignored, as CPython does.
func (th *Thread) formatText(text, spec string) Value {
	spec = strings.Map(func(r rune) rune {
		if r == ' ' || r == '+' || r == '#' {
			return -1
		}
		return r
	}, spec)
	if v, err := th.format(text, spec); err == nil {
		return v
	}
	return text
}

// closest finds the name CPython 3.11 suggests for a misspelt one ("Did you
// mean"): the nearest candidate by an edit cost where a case change costs 1
// and any other edit 2, at most a third of the characters involved; on a tie
// the first candidate wins. Long candidate lists get no suggestion.
func closest(name string, cands []string) string {
	if len(cands) >= maxSuggestionCandidates {
		return ""
	}
	best, bestCost := "", math.MaxInt
	for _, c := range cands {
		if c == name {
			continue
		}
		limit := min((len(name)+len(c)+3)*editMove/6, bestCost-1)
		if cost := editCost(name, c, limit); cost <= limit {
			best, bestCost = c, cost
		}
	}
	return best
}

const (
	editMove                = 2 // an insertion, deletion or substitution
	editCase                = 1 // a substitution of the same letter in the other case
	maxSuggestionCandidates = 750
	maxSuggestionLen        = 40
)

// editCost is the edit distance of a and b (bytes of their UTF-8), or more
// than limit when it exceeds limit.
func editCost(a, b string, limit int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * editMove
	}
	if len(a) > maxSuggestionLen || len(b) > maxSuggestionLen {
		return limit + 1
	}
	row := make([]int, len(a)+1) // the cost of a[:i] from b[:j], for the current j
	for i := range row {
		row[i] = i * editMove
	}
	for j := 1; j <= len(b); j++ {
		diag := row[0]
		row[0] = j * editMove
		for i := 1; i <= len(a); i++ {
			up := row[i]
			row[i] = min(up+editMove, row[i-1]+editMove, diag+substitutionCost(a[i-1], b[j-1]))
			diag = up
		}
	}
	return row[len(a)]
}

// substitutionCost is the cost of writing byte y where x was.
func substitutionCost(x, y byte) int {
	switch {
	case x == y:
		return 0
	case x&31 == y&31 && toLowerASCII(x) == toLowerASCII(y):
		return editCase
	}
	return editMove
}

func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// printfSpec turns a conversion's printf flags (in any order, as printf
// takes them), width and precision into format()'s spec, whose parts have one
// order: [<|>][sign][#][0][width][.precision]. A text conversion (%s, %r, %a,
// %b, %c) keeps only its alignment (right by default), width and precision.
func printfSpec(flags string, text bool) string {
	left, alt, zero, sign := false, false, false, ""
	i := 0
	for ; i < len(flags) && strings.IndexByte("-+ #0", flags[i]) >= 0; i++ {
		switch flags[i] {
		case '-':
			left = true
		case '+':
			sign = "+"
		case ' ':
			if sign == "" {
				sign = " "
			}
		case '#':
			alt = true
		case '0':
			zero = true
		}
	}
	var b strings.Builder
	switch {
	case left:
		b.WriteByte('<')
	case text:
		b.WriteByte('>')
	}
	if !text {
		b.WriteString(sign)
		if alt {
			b.WriteByte('#')
		}
		if zero && !left {
			b.WriteByte('0')
		}
	}
	b.WriteString(flags[i:]) // width and precision
	return b.String()
}

// percentInt is an int's %d, %x, %X or %o with spec (format()'s form of the
// printf flags and width). A precision is printf's, which format()'s
// mini-language has not for ints: pyops' printf conversion makes those.
func (th *Thread) percentInt(val Value, spec string, conv rune) (Value, error) {
	dot := strings.IndexByte(spec, '.')
	if dot < 0 {
		return th.format(val, spec+string(conv))
	}
	flags := spec[:dot]
	fs := pyops.FormatSpec{Alt: strings.Contains(flags, "#")}
	fs.Precision, _ = strconv.Atoi(spec[dot+1:])
	width := strings.TrimLeft(flags, "<>+ #")
	fs.Width, _ = strconv.Atoi(width)
	switch {
	case strings.Contains(flags, "+"):
		fs.Sign = '+'
	case strings.Contains(flags, " "):
		fs.Sign = ' '
	}
	switch {
	case strings.Contains(flags, "<"):
		fs.Align = '<'
	case strings.HasPrefix(width, "0"): // the 0 flag: zeros after the sign and prefix
		fs.Fill, fs.Align = '0', '='
	}
	return pyops.PercentInt(conv, toBig(val), fs), nil
}
