package py

// This file defines the methods of the built-in types (str, list, dict, set,
// tuple, bytes, int, float, generators and iterators).

import (
	"math"
	"math/big"
	"sort"
	"strings"
	"unicode"
)

// method is a built-in method: self is args[0].
type method func(th *Thread, args []Value, kw *Kwargs) (Value, error)

var methodTables map[string]map[string]method

// builtinMethod returns obj.name for built-in types, bound to obj.
func (th *Thread) builtinMethod(obj Value, name string) Value {
	tn := typeName(obj)
	if o, ok := obj.(*Object); ok {
		tn = o.Class.Builtin
		if tn == "" {
			return nil
		}
	}
	if _, ok := obj.(*Set); ok {
		tn = "set"
	}
	if _, ok := obj.(*big.Int); ok {
		tn = "int"
	}
	if _, ok := obj.(bool); ok {
		tn = "int"
	}
	if _, ok := obj.(*Iterator); ok {
		tn = "iterator"
	}
	if _, ok := obj.(*ByteArray); ok {
		tn = "bytearray"
	}
	if m, ok := methodTables[tn][name]; ok {
		return &Builtin{Name: name, Fn: m, Self: obj, Owner: tn, NoRetain: noRetainTypes[tn], resume: resumeKindOf(tn, name)}
	}
	if name == "__class__" {
		return typeOf(obj)
	}
	return nil
}

// noRetainTypes are the types none of whose methods keeps its argument
// slice after returning (they read the arguments, or copy them).
var noRetainTypes = map[string]bool{"generator": true, "list": true, "dict": true, "str": true, "tuple": true, "set": true}

// unboundMethods holds the methods of the built-in types as unbound builtins
// (the receiver is the first argument), made once: obj.name(...) calls them
// without making a bound method first.
var unboundMethods = map[string]map[string]*Builtin{}

// loadMethod implements obj.name for a call: it returns the function and the
// receiver to pass as its first argument, or the attribute and nil when
// obj.name is not a plain method (an instance attribute, a property, a
// module's function...). Looking it up this way is what getAttr would find.
func (th *Thread) loadMethod(obj Value, name string) (fn, self Value, err error) {
	typ := builtinKind(obj)
	switch o := obj.(type) {
	case *Object:
		switch attr := o.Class.lookup(name).(type) {
		case *Function:
			if _, shadowed := o.Dict.GetStr(name); !shadowed {
				return attr, o, nil
			}
		case *Builtin:
			if _, shadowed := o.Dict.GetStr(name); !shadowed && attr.Self == nil {
				return attr, o, nil
			}
		}
	}
	if m := unboundMethods[typ][name]; m != nil {
		return m, obj, nil
	}
	v, err := th.getAttr(obj, name)
	return v, nil, err
}

// builtinKind names the built-in types whose methods loadMethod calls
// unbound; "" for the others.
func builtinKind(obj Value) string {
	switch obj.(type) {
	case *List:
		return "list"
	case *Dict:
		return "dict"
	case string:
		return "str"
	case Tuple, *Pair:
		return "tuple"
	case *Set:
		return "set"
	case *Generator:
		return "generator"
	}
	return ""
}

func builtinMethodNames(obj Value) []string {
	tn := typeName(obj)
	if _, ok := obj.(*Set); ok {
		tn = "set"
	}
	var out []string
	for n := range methodTables[tn] {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// builtinTypeMethod is an unbound method read from a built-in type (str.upper).
func builtinTypeMethod(c *Class, name string) Value {
	if m, ok := methodTables[c.Builtin][name]; ok {
		if c.Builtin == "dict" && name == "fromkeys" {
			// a class method: the receiver is the type, not an instance
			return &Builtin{Name: name, Owner: "dict", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
				return m(th, append([]Value{NewDict()}, args...), kw)
			}}
		}
		return &Builtin{Name: name, Fn: m, Owner: c.Builtin}
	}
	if c == ObjectClass || c.Builtin == "exception" {
		return objectMethod(c, name)
	}
	if f := typeFunctions[c.Builtin][name]; f != nil {
		return &Builtin{Name: name, Fn: f, Owner: c.Builtin}
	}
	return nil
}

// typeFunctions are the class methods of built-in types (bytes.fromhex, int.from_bytes).
var typeFunctions = map[string]map[string]method{
	"bytes": {
		"fromhex": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			s, ok := a[0].(string)
			if !ok {
				return nil, th.typeError("fromhex() argument must be str, not %s", typeName(a[0]))
			}
			s = strings.ReplaceAll(s, " ", "")
			if len(s)%2 != 0 {
				return nil, th.valueError("non-hexadecimal number found in fromhex() arg at position %d", len(s))
			}
			out := make([]byte, len(s)/2)
			for i := range out {
				var v int
				for _, c := range s[2*i : 2*i+2] {
					d := strings.IndexRune("0123456789abcdef", unicode.ToLower(c))
					if d < 0 {
						return nil, th.valueError("non-hexadecimal number found in fromhex() arg at position %d", 2*i)
					}
					v = v*16 + d
				}
				out[i] = byte(v)
			}
			return Bytes(out), nil
		},
	},
	"int": {
		"from_bytes": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			b, ok := a[0].(Bytes)
			if !ok {
				return nil, th.typeError("cannot convert '%s' object to bytes", typeName(a[0]))
			}
			order := "big"
			if s, ok := optStr(a, 1); ok {
				order = s
			}
			if v, ok := kw.Get("byteorder"); ok {
				order, _ = v.(string)
			}
			buf := []byte(b)
			if order == "little" {
				buf = append([]byte(nil), buf...)
				for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
					buf[i], buf[j] = buf[j], buf[i]
				}
			}
			return normBig(new(big.Int).SetBytes(buf)), nil
		},
	},
}

// objectMethod returns the methods object itself provides (for super()).
func objectMethod(c *Class, name string) Value {
	switch name {
	case "__init__":
		return &Builtin{Name: "__init__", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if o, ok := args[0].(*Object); ok && isExceptionClass(o.Class) {
				excState(o).Args = Tuple(append([]Value{}, args[1:]...))
			}
			return None, nil
		}}
	case "__new__":
		return &Builtin{Name: "__new__", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			cls, ok := args[0].(*Class)
			if !ok {
				return nil, th.typeError("object.__new__(X): X is not a type object")
			}
			o := &Object{Class: cls, Dict: NewDict()}
			if isExceptionClass(cls) {
				excState(o).Args = Tuple(append([]Value{}, args[1:]...))
			}
			return o, nil
		}}
	case "__repr__", "__str__":
		return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			o := args[0].(*Object)
			if isExceptionClass(o.Class) {
				if name == "__str__" {
					return excMessage(o), nil
				}
			}
			return "<" + o.Class.Module + "." + o.Class.Name + " object at " + th.addr(o) + ">", nil
		}}
	case "__eq__":
		return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if identical(args[0], args[1]) {
				return true, nil
			}
			return NotImplemented, nil
		}}
	case "__setattr__":
		return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			o, ok := args[0].(*Object)
			if !ok {
				return nil, th.typeError("can't apply this __setattr__ to %s object", typeName(args[0]))
			}
			o.Dict.SetStr(args[1].(string), args[2])
			return None, nil
		}}
	case "__getattribute__":
		return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			return th.getAttr(args[0], args[1].(string))
		}}
	case "__hash__":
		return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			return len(th.addr(args[0])), nil
		}}
	}
	return nil
}

func strArg(th *Thread, args []Value, i int, fn string) (string, error) {
	if i >= len(args) {
		return "", th.typeError("%s() missing required argument", fn)
	}
	s, ok := args[i].(string)
	if !ok {
		return "", th.typeError("%s() argument must be str, not %s", fn, typeName(args[i]))
	}
	return s, nil
}

func optStr(args []Value, i int) (string, bool) {
	if i < len(args) {
		if s, ok := args[i].(string); ok {
			return s, true
		}
	}
	return "", false
}

func optInt(args []Value, i, def int) int {
	if i < len(args) {
		if n, ok := args[i].(int); ok {
			return n
		}
	}
	return def
}

func init() {
	methodTables = map[string]map[string]method{
		"str":       strMethods(),
		"list":      listMethods(),
		"dict":      dictMethods(),
		"set":       setMethods(),
		"tuple":     tupleMethods(),
		"int":       intMethods(),
		"float":     floatMethods(),
		"bytes":     bytesMethods(),
		"generator": generatorMethods(),
		"iterator":  iteratorMethods(),
		"bytearray": bytearrayMethods(),
	}
	// iterator names all share the iterator methods
	for _, n := range []string{"list_iterator", "tuple_iterator", "str_iterator", "str_ascii_iterator", "range_iterator",
		"dict_keyiterator", "set_iterator", "enumerate", "zip", "map", "filter", "reversed", "bytes_iterator"} {
		methodTables[n] = methodTables["iterator"]
	}
	for typ, table := range methodTables {
		unbound := map[string]*Builtin{}
		for name, m := range table {
			unbound[name] = &Builtin{Name: name, Fn: m, Owner: typ, NoRetain: noRetainTypes[typ], resume: resumeKindOf(typ, name)}
		}
		unboundMethods[typ] = unbound
	}
}

func strMethods() map[string]method {
	self := func(args []Value) string { return args[0].(string) }
	m := map[string]method{
		"upper": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return strings.ToUpper(self(a)), nil },
		"lower": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return strings.ToLower(self(a)), nil },
		"casefold": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return strings.ToLower(self(a)), nil
		},
		"title": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			var b strings.Builder
			prev := false
			for _, r := range self(a) {
				if unicode.IsLetter(r) {
					if prev {
						b.WriteRune(unicode.ToLower(r))
					} else {
						b.WriteRune(unicode.ToTitle(r))
					}
					prev = true
				} else {
					b.WriteRune(r)
					prev = false
				}
			}
			return b.String(), nil
		},
		"capitalize": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			r := []rune(strings.ToLower(self(a)))
			if len(r) > 0 {
				r[0] = unicode.ToTitle(r[0])
			}
			return string(r), nil
		},
		"swapcase": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return strings.Map(func(r rune) rune {
				if unicode.IsUpper(r) {
					return unicode.ToLower(r)
				}
				return unicode.ToUpper(r)
			}, self(a)), nil
		},
		"strip":  stripper(strings.Trim, strings.TrimSpace),
		"lstrip": stripper(strings.TrimLeft, func(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }),
		"rstrip": stripper(strings.TrimRight, func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }),
		"split": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.split(self(a), a[1:], kw, false)
		},
		"rsplit": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.split(self(a), a[1:], kw, true)
		},
		"splitlines": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			keep := len(a) > 1 && truthy(a[1])
			if v, ok := kw.Get("keepends"); ok {
				keep = truthy(v)
			}
			s := self(a)
			out := &List{Items: []Value{}}
			start := 0
			rs := []rune(s)
			for i := 0; i < len(rs); i++ {
				r := rs[i]
				if r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x1c || r == 0x1d || r == 0x1e || r == 0x85 || r == 0x2028 || r == 0x2029 {
					end := i
					if r == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
						i++
					}
					if keep {
						end = i + 1
					}
					out.Items = append(out.Items, string(rs[start:end]))
					start = i + 1
				}
			}
			if start < len(rs) {
				out.Items = append(out.Items, string(rs[start:]))
			}
			return out, nil
		},
		"join": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			caller := th.inline
			th.inline = nil
			if len(a) != 2 {
				return nil, th.typeError("str.join() takes exactly one argument (%d given)", len(a)-1)
			}
			if v, ok, err := th.viaInline(caller, a[1], "join_of", a[0], a[1]); ok {
				return v, err
			}
			if _, isObj := a[1].(*Object); !isObj {
				// (a built-in value: asking for its iterator changes nothing)
				if _, err := th.getIter(a[1]); err != nil {
					return nil, th.typeError("can only join an iterable")
				}
			}
			items, err := th.iterate(a[1])
			if err != nil {
				return nil, err
			}
			parts := make([]string, len(items))
			n := 0
			for i, x := range items {
				s, ok := x.(string)
				if !ok {
					return nil, th.typeError("sequence item %d: expected str instance, %s found", i, typeName(x))
				}
				parts[i] = s
				n += len(s)
			}
			if err := th.alloc(int64(n)); err != nil {
				return nil, err
			}
			return strings.Join(parts, self(a)), th.charge(n / 64)
		},
		"replace": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			old, err := strArg(th, a, 1, "replace")
			if err != nil {
				return nil, err
			}
			nw, err := strArg(th, a, 2, "replace")
			if err != nil {
				return nil, err
			}
			return strings.Replace(self(a), old, nw, optInt(a, 3, -1)), nil
		},
		"startswith": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.affix(a, strings.HasPrefix, "startswith")
		},
		"endswith": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.affix(a, strings.HasSuffix, "endswith")
		},
		"find": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sub, err := strArg(th, a, 1, "find")
			if err != nil {
				return nil, err
			}
			return runeIndex(self(a), sub, a[2:], false), nil
		},
		"rfind": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sub, err := strArg(th, a, 1, "rfind")
			if err != nil {
				return nil, err
			}
			return runeIndex(self(a), sub, a[2:], true), nil
		},
		"index": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sub, err := strArg(th, a, 1, "index")
			if err != nil {
				return nil, err
			}
			i := runeIndex(self(a), sub, a[2:], false)
			if i < 0 {
				return nil, th.valueError("substring not found")
			}
			return i, nil
		},
		"rindex": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sub, err := strArg(th, a, 1, "rindex")
			if err != nil {
				return nil, err
			}
			i := runeIndex(self(a), sub, a[2:], true)
			if i < 0 {
				return nil, th.valueError("substring not found")
			}
			return i, nil
		},
		"count": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sub, err := strArg(th, a, 1, "count")
			if err != nil {
				return nil, err
			}
			if sub == "" {
				return len([]rune(self(a))) + 1, nil
			}
			return strings.Count(self(a), sub), nil
		},
		"format": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.strFormat(self(a), a[1:], kw)
		},
		"center": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return justify(th, a, '^') },
		"ljust":  func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return justify(th, a, '<') },
		"rjust":  func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return justify(th, a, '>') },
		"zfill": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			s := self(a)
			w := optInt(a, 1, 0)
			n := w - len([]rune(s))
			if n <= 0 {
				return s, nil
			}
			sign := ""
			if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
				sign, s = s[:1], s[1:]
			}
			return sign + strings.Repeat("0", n) + s, nil
		},
		"partition": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sep, err := strArg(th, a, 1, "partition")
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, th.valueError("empty separator")
			}
			before, after, found := strings.Cut(self(a), sep)
			if !found {
				return Tuple{self(a), "", ""}, nil
			}
			return Tuple{before, sep, after}, nil
		},
		"rpartition": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			sep, err := strArg(th, a, 1, "rpartition")
			if err != nil {
				return nil, err
			}
			s := self(a)
			i := strings.LastIndex(s, sep)
			if i < 0 {
				return Tuple{"", "", s}, nil
			}
			return Tuple{s[:i], sep, s[i+len(sep):]}, nil
		},
		"encode": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			enc, errs := codecArgs(a[1:], kw)
			return th.encode(self(a), enc, errs)
		},
		"isdigit":   strPred(func(r rune) bool { return unicode.IsDigit(r) }),
		"isdecimal": strPred(func(r rune) bool { return unicode.IsDigit(r) }),
		"isnumeric": strPred(func(r rune) bool { return unicode.IsNumber(r) }),
		"isalpha":   strPred(unicode.IsLetter),
		"isalnum":   strPred(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }),
		"isspace":   strPred(unicode.IsSpace),
		"isascii":   func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return isASCII(self(a)), nil },
		"isupper": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			s := self(a)
			return strings.ToUpper(s) == s && strings.ToLower(s) != s, nil
		},
		"islower": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			s := self(a)
			return strings.ToLower(s) == s && strings.ToUpper(s) != s, nil
		},
		"isidentifier": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			s := self(a)
			for i, r := range s {
				if !(unicode.IsLetter(r) || r == '_' || i > 0 && unicode.IsDigit(r)) {
					return false, nil
				}
			}
			return s != "", nil
		},
		"expandtabs": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			size := optInt(a, 1, 8)
			var b strings.Builder
			col := 0
			for _, r := range self(a) {
				switch r {
				case '\t':
					if size > 0 {
						n := size - col%size
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
			return b.String(), nil
		},
		"removeprefix": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			p, _ := optStr(a, 1)
			return strings.TrimPrefix(self(a), p), nil
		},
		"removesuffix": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			p, _ := optStr(a, 1)
			return strings.TrimSuffix(self(a), p), nil
		},
		"__len__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return th.length(a[0]) },
		"__contains__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.contains(a[0], a[1])
		},
	}
	return m
}

func strPred(f func(rune) bool) method {
	return func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		s := a[0].(string)
		if s == "" {
			return false, nil
		}
		for _, r := range s {
			if !f(r) {
				return false, nil
			}
		}
		return true, nil
	}
}

func stripper(withChars func(string, string) string, space func(string) string) method {
	return func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		s := a[0].(string)
		if len(a) > 1 && a[1] != None {
			chars, ok := a[1].(string)
			if !ok {
				return nil, th.typeError("strip arg must be None or str")
			}
			return withChars(s, chars), nil
		}
		return space(s), nil
	}
}

func justify(th *Thread, a []Value, align byte) (Value, error) {
	s := a[0].(string)
	w, ok := 0, len(a) > 1
	if ok {
		w, ok = a[1].(int)
	}
	if !ok {
		return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(a[min(1, len(a)-1)]))
	}
	fill := ' '
	if f, ok := optStr(a, 2); ok {
		if len([]rune(f)) != 1 {
			return nil, th.typeError("The fill character must be exactly one character long")
		}
		fill = []rune(f)[0]
	}
	n := w - len([]rune(s))
	if n <= 0 {
		return s, nil
	}
	fs := string(fill)
	switch align {
	case '<':
		return s + strings.Repeat(fs, n), nil
	case '>':
		return strings.Repeat(fs, n) + s, nil
	}
	left := n / 2
	if n%2 == 1 && w%2 == 1 {
		left++
	}
	return strings.Repeat(fs, left) + s + strings.Repeat(fs, n-left), nil
}

// runeIndex finds sub in s within optional [start, end) code-point bounds.
func runeIndex(s, sub string, bounds []Value, last bool) int {
	rs := []rune(s)
	start, end := 0, len(rs)
	if len(bounds) > 0 && bounds[0] != None {
		start, _ = bounds[0].(int)
		if start < 0 {
			start = max(start+len(rs), 0)
		}
	}
	if len(bounds) > 1 && bounds[1] != None {
		end, _ = bounds[1].(int)
		if end < 0 {
			end = max(end+len(rs), 0)
		}
	}
	if end > len(rs) {
		end = len(rs)
	}
	if start > end {
		return -1
	}
	hay := string(rs[start:end])
	var i int
	if last {
		i = strings.LastIndex(hay, sub)
	} else {
		i = strings.Index(hay, sub)
	}
	if i < 0 {
		return -1
	}
	return start + len([]rune(hay[:i]))
}

func (th *Thread) affix(a []Value, test func(string, string) bool, name string) (Value, error) {
	s := a[0].(string)
	if len(a) < 2 {
		return nil, th.typeError("%s() takes at least 1 argument (0 given)", name)
	}
	rs := []rune(s)
	start, end := 0, len(rs)
	if len(a) > 2 && a[2] != None {
		start, _ = a[2].(int)
		if start < 0 {
			start = max(0, start+len(rs))
		}
	}
	if len(a) > 3 && a[3] != None {
		end, _ = a[3].(int)
		if end < 0 {
			end = max(0, end+len(rs))
		}
	}
	if start > len(rs) {
		return false, nil
	}
	s = string(rs[start:min(end, len(rs))])
	switch p := asTuple(a[1]).(type) {
	case string:
		return test(s, p), nil
	case Tuple:
		for _, x := range p {
			ps, ok := x.(string)
			if !ok {
				return nil, th.typeError("tuple for %s must only contain str, not %s", name, typeName(x))
			}
			if test(s, ps) {
				return true, nil
			}
		}
		return false, nil
	}
	return nil, th.typeError("%s first arg must be str or a tuple of str, not %s", name, typeName(a[1]))
}

func (th *Thread) split(s string, args []Value, kw *Kwargs, right bool) (Value, error) {
	var sep Value = None
	maxsplit := -1
	if len(args) > 0 {
		sep = args[0]
	}
	if len(args) > 1 {
		maxsplit, _ = args[1].(int)
	}
	if v, ok := kw.Get("sep"); ok {
		sep = v
	}
	if v, ok := kw.Get("maxsplit"); ok {
		maxsplit, _ = v.(int)
	}
	out := &List{Items: []Value{}}
	if sep == None {
		fields := strings.Fields(s)
		if maxsplit >= 0 && len(fields) > maxsplit+1 {
			if right {
				trimmed := strings.TrimRightFunc(s, unicode.IsSpace)
				var parts []string
				for i := 0; i < maxsplit; i++ {
					j := strings.LastIndexFunc(trimmed, unicode.IsSpace)
					parts = append([]string{trimmed[j+1:]}, parts...)
					trimmed = strings.TrimRightFunc(trimmed[:j], unicode.IsSpace)
				}
				fields = append([]string{trimmed}, parts...)
			} else {
				rest := strings.TrimLeftFunc(s, unicode.IsSpace)
				var parts []string
				for i := 0; i < maxsplit; i++ {
					j := strings.IndexFunc(rest, unicode.IsSpace)
					parts = append(parts, rest[:j])
					rest = strings.TrimLeftFunc(rest[j:], unicode.IsSpace)
				}
				fields = append(parts, rest)
			}
		}
		for _, f := range fields {
			out.Items = append(out.Items, f)
		}
		return out, nil
	}
	sp, ok := sep.(string)
	if !ok {
		return nil, th.typeError("must be str or None, not %s", typeName(sep))
	}
	if sp == "" {
		return nil, th.valueError("empty separator")
	}
	var parts []string
	if right && maxsplit >= 0 {
		parts = strings.Split(s, sp)
		if len(parts) > maxsplit+1 {
			head := strings.Join(parts[:len(parts)-maxsplit], sp)
			parts = append([]string{head}, parts[len(parts)-maxsplit:]...)
		}
	} else {
		parts = strings.SplitN(s, sp, maxsplit+boolInt(maxsplit >= 0))
		if maxsplit < 0 {
			parts = strings.Split(s, sp)
		}
	}
	for _, p := range parts {
		out.Items = append(out.Items, p)
	}
	return out, nil
}

// strFormat implements str.format.
func (th *Thread) strFormat(f string, args []Value, kw *Kwargs) (Value, error) {
	return th.strFormatFrom(f, args, kw, &fieldNumbering{})
}

// fieldNumbering is how a str.format call numbers its fields, shared with
// the fields of their specs: automatically ({}) or by hand ({0}), not both.
type fieldNumbering struct {
	next         int // the next automatic number
	auto, manual bool
}

// strFormatFrom is strFormat going on with numbering num: a field's spec
// takes the numbers after its own ("{:>{}}": 0, then 1).
func (th *Thread) strFormatFrom(f string, args []Value, kw *Kwargs, num *fieldNumbering) (Value, error) {
	var b strings.Builder
	rs := []rune(f)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c == '}' {
			if i+1 < len(rs) && rs[i+1] == '}' {
				b.WriteRune('}')
				i++
				continue
			}
			return nil, th.valueError("Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteRune(c)
			continue
		}
		if i+1 < len(rs) && rs[i+1] == '{' {
			b.WriteRune('{')
			i++
			continue
		}
		if i+1 == len(rs) {
			return nil, th.valueError("Single '{' encountered in format string")
		}
		depth, j := 1, i+1
		for ; j < len(rs) && depth > 0; j++ {
			if rs[j] == '{' {
				depth++
			} else if rs[j] == '}' {
				depth--
			}
		}
		if depth > 0 {
			return nil, th.valueError("expected '}' before end of string")
		}
		field := string(rs[i+1 : j-1])
		i = j - 1
		name, spec, _ := strings.Cut(field, ":")
		conv := ""
		if k := strings.IndexByte(name, '!'); k >= 0 {
			name, conv = name[:k], name[k+1:]
			switch {
			case conv == "": // CPython's message for "{!}"
				return nil, th.valueError("unmatched '{' in format spec")
			case len(conv) > 1:
				return nil, th.valueError("expected ':' after conversion specifier")
			case conv != "r" && conv != "s" && conv != "a":
				return nil, th.valueError("Unknown conversion specifier %s", conv)
			}
		}
		// the first part of the name picks the argument; the rest are .attr and [key]
		head := name
		rest := ""
		if k := strings.IndexAny(name, ".["); k >= 0 {
			head, rest = name[:k], name[k:]
		}
		var v Value
		if head == "" {
			if num.manual {
				return nil, th.valueError("cannot switch from manual field specification to automatic field numbering")
			}
			num.auto = true
			if num.next >= len(args) {
				return nil, th.newErr(IndexError, "Replacement index %d out of range for positional args tuple", num.next)
			}
			v = args[num.next]
			num.next++
		} else if n, err := parseIndex(head); err == nil {
			if num.auto {
				return nil, th.valueError("cannot switch from automatic field numbering to manual field specification")
			}
			num.manual = true
			if n >= len(args) {
				return nil, th.newErr(IndexError, "Replacement index %d out of range for positional args tuple", n)
			}
			v = args[n]
		} else {
			var ok bool
			if v, ok = kw.Get(head); !ok {
				return nil, &PyError{Exc: newExc(KeyError, head)}
			}
		}
		for rest != "" {
			if rest[0] == '.' {
				k := strings.IndexAny(rest[1:], ".[")
				attr := rest[1:]
				if k >= 0 {
					attr, rest = rest[1:k+1], rest[k+1:]
				} else {
					rest = ""
				}
				var err error
				if v, err = th.getAttr(v, attr); err != nil {
					return nil, err
				}
			} else {
				k := strings.IndexByte(rest, ']')
				key := rest[1:k]
				rest = rest[k+1:]
				var kv Value = key
				if n, err := parseIndex(key); err == nil {
					kv = n
				}
				var err error
				if v, err = th.getItem(v, kv); err != nil {
					return nil, err
				}
			}
		}
		if strings.Contains(spec, "{") {
			s, err := th.strFormatFrom(spec, args, kw, num)
			if err != nil {
				return nil, err
			}
			spec = s.(string)
		}
		var err error
		switch conv {
		case "r":
			v, err = th.repr(v)
		case "s":
			v, err = th.str(v)
		case "a":
			v, err = th.ascii(v)
		}
		if err != nil {
			return nil, err
		}
		s, err := th.format(v, spec)
		if err != nil {
			return nil, err
		}
		b.WriteString(s.(string))
	}
	return b.String(), nil
}

func parseIndex(s string) (int, error) {
	n := 0
	if s == "" {
		return 0, errNotIndex
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, errNotIndex
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

type notIndexErr struct{}

func (notIndexErr) Error() string { return "not an index" }

var errNotIndex = notIndexErr{}

func listMethods() map[string]method {
	self := func(a []Value) *List { return a[0].(*List) }
	return map[string]method{
		"append": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			if len(a) != 2 {
				return nil, th.typeError("list.append() takes exactly one argument (%d given)", len(a)-1)
			}
			l := self(a)
			l.Items = append(l.Items, a[1])
			if len(l.Items)&1023 == 0 {
				return None, th.alloc(16 * 1024)
			}
			return None, nil
		},
		"extend": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			caller := th.inline
			th.inline = nil
			if v, ok, err := th.viaInline(caller, a[1], "extend_of", a[0], a[1]); ok {
				return v, err
			}
			items, err := th.iterate(a[1])
			if err != nil {
				return nil, err
			}
			l := self(a)
			l.Items = append(l.Items, items...)
			return None, th.alloc(int64(16 * len(items)))
		},
		"insert": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			l := self(a)
			i := optInt(a, 1, 0)
			if i < 0 {
				i = max(i+len(l.Items), 0)
			}
			if i > len(l.Items) {
				i = len(l.Items)
			}
			l.Items = append(l.Items, nil)
			copy(l.Items[i+1:], l.Items[i:])
			l.Items[i] = a[2]
			return None, nil
		},
		"pop": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			l := self(a)
			if len(l.Items) == 0 {
				return nil, th.newErr(IndexError, "pop from empty list")
			}
			i := optInt(a, 1, -1)
			if i < 0 {
				i += len(l.Items)
			}
			if i < 0 || i >= len(l.Items) {
				return nil, th.newErr(IndexError, "pop index out of range")
			}
			v := l.Items[i]
			l.Items = append(l.Items[:i], l.Items[i+1:]...)
			return v, nil
		},
		"remove": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			l := self(a)
			for i, x := range l.Items {
				eq, err := th.equal(x, a[1])
				if err != nil {
					return nil, err
				}
				if eq {
					l.Items = append(l.Items[:i], l.Items[i+1:]...)
					return None, nil
				}
			}
			return nil, th.valueError("list.remove(x): x not in list")
		},
		"index": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			for i, x := range self(a).Items {
				eq, err := th.equal(x, a[1])
				if err != nil {
					return nil, err
				}
				if eq {
					return i, nil
				}
			}
			r, _ := th.repr(a[1])
			return nil, th.valueError("%s is not in list", r)
		},
		"count": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			n := 0
			for _, x := range self(a).Items {
				if eq, _ := th.equal(x, a[1]); eq {
					n++
				}
			}
			return n, nil
		},
		"clear": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			self(a).Items = []Value{}
			return None, nil
		},
		"copy": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return &List{Items: append([]Value{}, self(a).Items...)}, nil
		},
		"reverse": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			it := self(a).Items
			for i, j := 0, len(it)-1; i < j; i, j = i+1, j-1 {
				it[i], it[j] = it[j], it[i]
			}
			return None, nil
		},
		"sort": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			if len(a) > 1 {
				return nil, th.typeError("sort() takes no positional arguments")
			}
			return None, th.sortList(self(a), kw)
		},
		"__len__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return len(self(a).Items), nil },
		"__getitem__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.getItem(a[0], a[1])
		},
	}
}

func tupleMethods() map[string]method {
	return map[string]method{
		"index": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			items := tupleItems(a[0])
			for i, x := range items {
				if eq, _ := th.equal(x, a[1]); eq {
					return i, nil
				}
			}
			return nil, th.valueError("tuple.index(x): x not in tuple")
		},
		"count": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			n := 0
			items := tupleItems(a[0])
			for _, x := range items {
				if eq, _ := th.equal(x, a[1]); eq {
					n++
				}
			}
			return n, nil
		},
	}
}

// viewOf makes the list-like result of keys(), values(), items().
func viewOf(name string, items []Value) Value {
	return &Object{Class: dictViewClass(name), Dict: NewDict(), Native: &List{Items: items}}
}

// viewClasses are made once, before any run: every run reads them at once.
var viewClasses = func() map[string]*Class {
	m := map[string]*Class{}
	for _, name := range []string{"dict_keys", "dict_values", "dict_items"} {
		c := &Class{Name: name, Dict: NewDict(), Builtin: "dictview", Module: "builtins"}
		c.MRO = []*Class{c, ObjectClass}
		m[name] = c
	}
	return m
}()

func dictViewClass(name string) *Class { return viewClasses[name] }

func dictMethods() map[string]method {
	self := func(a []Value) *Dict { return a[0].(*Dict) }
	return map[string]method{
		"keys": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return viewOf("dict_keys", self(a).Keys()), nil
		},
		"values": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			var out []Value
			for _, kv := range self(a).Items() {
				out = append(out, kv[1])
			}
			return viewOf("dict_values", out), nil
		},
		"items": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			var out []Value
			for _, kv := range self(a).Items() {
				out = append(out, Tuple{kv[0], kv[1]})
			}
			return viewOf("dict_items", out), nil
		},
		"get": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			if err := argCount(th, "get", a[1:], 1, 2); err != nil {
				return nil, err
			}
			v, ok, err := th.dictGet(self(a), a[1])
			if err != nil {
				return nil, err
			}
			if !ok {
				if len(a) > 2 {
					return a[2], nil
				}
				return None, nil
			}
			return v, nil
		},
		"setdefault": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			v, ok, err := th.dictGet(self(a), a[1])
			if err != nil || ok {
				return v, err
			}
			var def Value = None
			if len(a) > 2 {
				def = a[2]
			}
			return def, th.dictSet(self(a), a[1], def)
		},
		"pop": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			v, ok, err := th.dictGet(self(a), a[1])
			if err != nil {
				return nil, err
			}
			if !ok {
				if len(a) > 2 {
					return a[2], nil
				}
				return nil, &PyError{Exc: newExc(KeyError, a[1])}
			}
			th.dictDelete(self(a), a[1])
			return v, nil
		},
		"popitem": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			items := self(a).Items()
			if len(items) == 0 {
				return nil, &PyError{Exc: newExc(KeyError, "popitem(): dictionary is empty")}
			}
			kv := items[len(items)-1]
			th.dictDelete(self(a), kv[0])
			return Tuple{kv[0], kv[1]}, nil
		},
		"update": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			if len(a) > 1 {
				if err := th.dictUpdate(self(a), a[1], false); err != nil {
					return nil, err
				}
			}
			kw.storeInto(self(a))
			return None, nil
		},
		"clear": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			// the version goes on rising: iterators and inline caches compare it
			*self(a) = Dict{version: self(a).version + 1}
			return None, nil
		},
		"copy": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return self(a).copy(), nil },
		"__getitem__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.getItem(a[0], a[1])
		},
		"__setitem__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return None, th.setItem(a[0], a[1], a[2])
		},
		"__contains__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.contains(a[0], a[1])
		},
		"__len__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return self(a).Len(), nil },
		"fromkeys": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			d := NewDict()
			if len(a) < 2 {
				return nil, th.typeError("fromkeys expected at least 1 argument, got 0")
			}
			items, err := th.iterate(a[1])
			if err != nil {
				return nil, err
			}
			var v Value = None
			if len(a) > 2 {
				v = a[2]
			}
			for _, k := range items {
				if err := th.dictSet(d, k, v); err != nil {
					return nil, err
				}
			}
			return d, nil
		},
	}
}

func setMethods() map[string]method {
	self := func(a []Value) *Set { return a[0].(*Set) }
	binop := func(op int) method {
		return func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			other, err := th.makeSet(a[1:2], false)
			if err != nil {
				return nil, err
			}
			return th.setOp(op, self(a), other.(*Set))
		}
	}
	return map[string]method{
		"add": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return None, th.setAdd(self(a), a[1]) },
		"discard": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			_, err := th.dictDelete(self(a).d, a[1])
			return None, err
		},
		"remove": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			ok, err := th.dictDelete(self(a).d, a[1])
			if err == nil && !ok {
				err = &PyError{Exc: newExc(KeyError, a[1])}
			}
			return None, err
		},
		"pop": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			e := self(a).Elems()
			if len(e) == 0 {
				return nil, &PyError{Exc: newExc(KeyError, "pop from an empty set")}
			}
			th.dictDelete(self(a).d, e[0])
			return e[0], nil
		},
		"update": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			for _, src := range a[1:] {
				items, err := th.iterate(src)
				if err != nil {
					return nil, err
				}
				for _, x := range items {
					if err := th.setAdd(self(a), x); err != nil {
						return nil, err
					}
				}
			}
			return None, nil
		},
		"clear": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			self(a).d = NewDict()
			return None, nil
		},
		"copy": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return &Set{d: self(a).d.copy(), Frozen: self(a).Frozen}, nil
		},
		"union":                binop(10),
		"intersection":         binop(9),
		"difference":           binop(1),
		"symmetric_difference": binop(11),
		"issubset": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			other, err := th.makeSet(a[1:2], false)
			if err != nil {
				return nil, err
			}
			for _, x := range self(a).Elems() {
				if ok, _ := th.setHas(other.(*Set), x); !ok {
					return false, nil
				}
			}
			return true, nil
		},
		"issuperset": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			items, err := th.iterate(a[1])
			if err != nil {
				return nil, err
			}
			for _, x := range items {
				if ok, _ := th.setHas(self(a), x); !ok {
					return false, nil
				}
			}
			return true, nil
		},
		"isdisjoint": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			items, err := th.iterate(a[1])
			if err != nil {
				return nil, err
			}
			for _, x := range items {
				if ok, _ := th.setHas(self(a), x); ok {
					return false, nil
				}
			}
			return true, nil
		},
	}
}

func intMethods() map[string]method {
	return map[string]method{
		"bit_length": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return toBig(a[0]).BitLen(), nil
		},
		"to_bytes": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			n := optInt(a, 1, 1)
			b := toBig(a[0]).Bytes()
			if len(b) > n {
				return nil, th.newErr(OverflowError, "int too big to convert")
			}
			out := make([]byte, n)
			copy(out[n-len(b):], b)
			order := "big"
			if s, ok := optStr(a, 2); ok {
				order = s
			}
			if v, ok := kw.Get("byteorder"); ok {
				order, _ = v.(string)
			}
			if order == "little" {
				for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
					out[i], out[j] = out[j], out[i]
				}
			}
			return Bytes(out), nil
		},
		"conjugate": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return a[0], nil },
		"__add__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.binaryOp(0, a[0], a[1], false)
		},
	}
}

func floatMethods() map[string]method {
	return map[string]method{
		"is_integer": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			f := a[0].(float64)
			return f == math.Trunc(f) && !math.IsInf(f, 0), nil
		},
		"hex": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return nil, th.valueError("float.hex() is not supported here")
		},
		"as_integer_ratio": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			r := new(big.Rat)
			r.SetFloat64(a[0].(float64))
			return Tuple{normBig(r.Num()), normBig(r.Denom())}, nil
		},
	}
}

func bytesMethods() map[string]method {
	self := func(a []Value) string { return string(a[0].(Bytes)) }
	return map[string]method{
		"decode": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return th.decodeArgs(self(a), a[1:], kw) },
		"upper":  func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return Bytes(strings.ToUpper(self(a))), nil },
		"lower":  func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return Bytes(strings.ToLower(self(a))), nil },
		"strip": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			if len(a) > 1 {
				if c, ok := a[1].(Bytes); ok {
					return Bytes(strings.Trim(self(a), string(c))), nil
				}
			}
			return Bytes(strings.TrimSpace(self(a))), nil
		},
		"split": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			out := &List{Items: []Value{}}
			var parts []string
			if len(a) > 1 {
				sep, _ := a[1].(Bytes)
				parts = strings.Split(self(a), string(sep))
			} else {
				parts = strings.Fields(self(a))
			}
			for _, p := range parts {
				out.Items = append(out.Items, Bytes(p))
			}
			return out, nil
		},
		"startswith": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			p, _ := a[1].(Bytes)
			return strings.HasPrefix(self(a), string(p)), nil
		},
		"endswith": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			p, _ := a[1].(Bytes)
			return strings.HasSuffix(self(a), string(p)), nil
		},
		"find": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			p, _ := a[1].(Bytes)
			return strings.Index(self(a), string(p)), nil
		},
		"replace": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			o, _ := a[1].(Bytes)
			n, _ := a[2].(Bytes)
			return Bytes(strings.ReplaceAll(self(a), string(o), string(n))), nil
		},
		"join": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			items, err := th.iterate(a[1])
			if err != nil {
				return nil, err
			}
			parts := make([]string, len(items))
			for i, x := range items {
				b, ok := x.(Bytes)
				if !ok {
					return nil, th.typeError("sequence item %d: expected a bytes-like object, %s found", i, typeName(x))
				}
				parts[i] = string(b)
			}
			return Bytes(strings.Join(parts, self(a))), nil
		},
		"hex": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			var b strings.Builder
			for _, c := range []byte(self(a)) {
				b.WriteString(hex2(int(c)))
			}
			return b.String(), nil
		},
	}
}

func generatorMethods() map[string]method {
	return map[string]method{
		"send": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			caller := th.inline
			th.inline = nil
			g := a[0].(*Generator)
			if len(a) != 2 {
				return nil, th.typeError("generator.send() takes exactly one argument (%d given)", len(a)-1)
			}
			if caller != nil {
				if err := th.resumeGen(caller, g, a[1], nil, modePush, 0); err != nil {
					return nil, err
				}
				return suspended, nil
			}
			return th.genSendGo(g, a[1])
		},
		"__next__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			caller := th.inline
			th.inline = nil
			g := a[0].(*Generator)
			if caller != nil {
				if err := th.resumeGen(caller, g, None, nil, modePush, 0); err != nil {
					return nil, err
				}
				return suspended, nil
			}
			return th.genSendGo(g, None)
		},
		"throw": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			caller := th.inline
			th.inline = nil
			g := a[0].(*Generator)
			if len(a) < 2 {
				return nil, th.typeError("throw expected at least 1 argument, got 0")
			}
			exc, err := th.makeException(a[1])
			if err != nil {
				return nil, err
			}
			if len(a) > 2 && a[2] != None {
				if cls, ok := a[1].(*Class); ok {
					if exc, err = th.makeExceptionArgs(cls, a[2]); err != nil {
						return nil, err
					}
				}
			}
			if caller != nil {
				if err := th.resumeGen(caller, g, None, exc, modePush, 0); err != nil {
					return nil, err
				}
				return suspended, nil
			}
			v, done, err := th.genStep(g, None, exc)
			if err != nil {
				return nil, err
			}
			if done {
				return nil, &PyError{Exc: newExc(StopIteration, v)}
			}
			return v, nil
		},
		"close": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return None, th.genClose(a[0].(*Generator))
		},
		"__iter__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return a[0], nil },
	}
}

func (th *Thread) makeExceptionArgs(cls *Class, v Value) (*Object, error) {
	if o, ok := v.(*Object); ok && o.Class.isSubclass(cls) {
		return o, nil
	}
	args := []Value{v}
	if t, ok := tupleOf(v); ok {
		args = t
	}
	r, err := th.callValue(cls, args, nil)
	if err != nil {
		return nil, err
	}
	return r.(*Object), nil
}

func iteratorMethods() map[string]method {
	return map[string]method{
		"__next__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			v, ok, err := a[0].(*Iterator).Next(th)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, &PyError{Exc: newExc(StopIteration)}
			}
			return v, nil
		},
		"__iter__": func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return a[0], nil },
	}
}

// Native objects: built-in classes implemented in Go keep their state in
// Object.Native and may implement these interfaces.

// NativeLen is implemented by native state that has a length.
type NativeLen interface{ Len() int }

func (th *Thread) nativeLen(o *Object) (int, bool) {
	switch n := o.Native.(type) {
	case *List:
		return len(n.Items), true
	case NativeLen:
		return n.Len(), true
	}
	return 0, false
}

func (th *Thread) nativeGetItem(o *Object, i Value) (Value, bool, error) {
	if l, ok := o.Native.(*List); ok {
		v, err := th.getItem(l, i)
		return v, true, err
	}
	return nil, false, nil
}

func (th *Thread) nativeSetItem(o *Object, i, v Value) (bool, error) { return false, nil }

func (th *Thread) nativeIter(o *Object) (Value, bool) {
	if l, ok := o.Native.(*List); ok {
		it, _ := th.getIter(l)
		return it, true
	}
	return nil, false
}

func (th *Thread) nativeRepr(o *Object) (string, bool) {
	if l, ok := o.Native.(*List); ok && o.Class.Builtin == "dictview" {
		s, _ := th.repr(l)
		return o.Class.Name + "(" + s + ")", true
	}
	return "", false
}
