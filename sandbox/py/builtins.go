package py

// This file defines the builtins module: functions and the built-in types'
// constructors.

import (
	"math"
	"math/big"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"coroutinetour/sandbox/pyops"
)

// Built-in type objects.
var (
	IntClass       = builtinType("int")
	FloatClass     = builtinType("float")
	StrClass       = builtinType("str")
	BoolClass      = builtinType("bool")
	ListClass      = builtinType("list")
	TupleClass     = builtinType("tuple")
	DictClass      = builtinType("dict")
	SetClass       = builtinType("set")
	FrozenSetClass = builtinType("frozenset")
	BytesClass     = builtinType("bytes")
	RangeClass     = builtinType("range")
	TypeClass      = builtinType("type")
	NoneTypeClass  = builtinType("NoneType")
	FunctionClass  = builtinType("function")
	GeneratorClass = builtinType("generator")
	ModuleClass    = builtinType("module")
	PropertyClass  = builtinType("property")
	StaticClass    = builtinType("staticmethod")
	ClassMClass    = builtinType("classmethod")
	SuperClass     = builtinType("super")
	SliceClass     = builtinType("slice")
	MethodClass    = builtinType("method")
	BuiltinFnClass = builtinType("builtin_function_or_method")
	EnumerateClass = builtinType("enumerate")
	ZipClass       = builtinType("zip")
	MapClass       = builtinType("map")
	FilterClass    = builtinType("filter")
	ReversedClass  = builtinType("reversed")
)

func builtinType(name string) *Class {
	c := &Class{Name: name, Dict: NewDict(), Builtin: name, Module: "builtins"}
	c.Bases = []*Class{ObjectClass}
	c.MRO = []*Class{c, ObjectClass}
	return c
}

func init() {
	BoolClass.Bases = []*Class{IntClass}
	BoolClass.MRO = []*Class{BoolClass, IntClass, ObjectClass}
	for _, n := range []string{"list", "dict", "int", "str", "tuple", "float", "set", "object"} {
		subclassable[n] = true
	}
}

// typeOf returns the class of any value.
func typeOf(v Value) *Class {
	switch v := v.(type) {
	case *Object:
		return v.Class
	case bool:
		return BoolClass
	case int, *big.Int:
		return IntClass
	case float64:
		return FloatClass
	case string:
		return StrClass
	case *List:
		return ListClass
	case Tuple, *Pair:
		return TupleClass
	case *Dict:
		return DictClass
	case *Set:
		if v.Frozen {
			return FrozenSetClass
		}
		return SetClass
	case Bytes:
		return BytesClass
	case *Range:
		return RangeClass
	case *Class:
		return TypeClass
	case NoneType:
		return NoneTypeClass
	case *Function:
		return FunctionClass
	case *Generator:
		return GeneratorClass
	case *Module:
		return ModuleClass
	case *Property:
		return PropertyClass
	case *BoundMethod:
		return MethodClass
	case *Builtin:
		return BuiltinFnClass
	case *Slice:
		return SliceClass
	case *ByteArray:
		return ByteArrayClass
	}
	return &Class{Name: typeName(v), Dict: NewDict(), Builtin: typeName(v), Module: "builtins", MRO: []*Class{ObjectClass}}
}

// builtinConstructors create instances of built-in types when the type is called.
var builtinConstructors map[string]func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error)

func argCount(th *Thread, name string, args []Value, min, max int) error {
	if len(args) < min {
		if min == max {
			return th.typeError("%s() takes exactly %s (%d given)", name, argWord(min), len(args))
		}
		return th.typeError("%s expected at least %d argument%s, got %d", name, min, plural(min), len(args))
	}
	if max >= 0 && len(args) > max {
		if min == max {
			return th.typeError("%s() takes exactly %s (%d given)", name, argWord(max), len(args))
		}
		return th.typeError("%s expected at most %d argument%s, got %d", name, max, plural(max), len(args))
	}
	return nil
}

func argWord(n int) string {
	if n == 1 {
		return "one argument"
	}
	return itoa(n) + " arguments"
}

func init() {
	builtinConstructors = map[string]func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error){
		"int": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return 0, nil
			}
			base := 10
			if len(args) > 1 {
				base, _ = args[1].(int)
			} else if b, ok := kw.Get("base"); ok {
				base, _ = b.(int)
			}
			return th.toInt(args[0], base, len(args) > 1 || kw.Len() > 0)
		},
		"float": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return 0.0, nil
			}
			return th.toFloat(args[0])
		},
		"str": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return "", nil
			}
			if b, ok := args[0].(Bytes); ok && len(args) > 1 {
				return string(b), nil
			}
			return th.str(args[0])
		},
		"bool": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return false, nil
			}
			return th.truth(args[0])
		},
		"list": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return &List{Items: []Value{}}, nil
			}
			items, err := th.iterate(args[0])
			if items == nil {
				items = []Value{}
			}
			return &List{Items: items}, err
		},
		"tuple": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return Tuple{}, nil
			}
			items, err := th.iterate(args[0])
			if items == nil {
				items = Tuple{}
			}
			return Tuple(items), err
		},
		"dict": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			d := NewDict()
			if len(args) > 0 {
				if err := th.dictUpdate(d, args[0], false); err != nil {
					return nil, err
				}
			}
			kw.storeInto(d)
			return d, nil
		},
		"set": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			return th.makeSet(args, false)
		},
		"frozenset": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			return th.makeSet(args, true)
		},
		"bytes": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return Bytes(""), nil
			}
			switch a := args[0].(type) {
			case string:
				enc, errs := codecArgs(args[1:], kw)
				if len(args) < 2 && kw.Len() == 0 {
					return nil, th.typeError("string argument without an encoding")
				}
				return th.encode(a, enc, errs)
			case int:
				return Bytes(make([]byte, a)), nil
			case Bytes:
				return a, nil
			case *ByteArray:
				return Bytes(a.B), nil
			}
			items, err := th.iterate(args[0])
			if err != nil {
				return nil, err
			}
			b := make([]byte, len(items))
			for i, x := range items {
				n, ok := x.(int)
				if !ok || n < 0 || n > 255 {
					return nil, th.valueError("bytes must be in range(0, 256)")
				}
				b[i] = byte(n)
			}
			return Bytes(b), nil
		},
		"range": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if err := argCount(th, "range", args, 1, 3); err != nil {
				return nil, err
			}
			var n [3]int
			for i, a := range args {
				v, ok := a.(int)
				if !ok {
					if b, isB := a.(bool); isB {
						v = boolInt(b)
					} else {
						return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(a))
					}
				}
				n[i] = v
			}
			switch len(args) {
			case 1:
				return &Range{0, n[0], 1}, nil
			case 2:
				return &Range{n[0], n[1], 1}, nil
			}
			if n[2] == 0 {
				return nil, th.valueError("range() arg 3 must not be zero")
			}
			return &Range{n[0], n[1], n[2]}, nil
		},
		"type": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 1 {
				return typeOf(args[0]), nil
			}
			if len(args) == 3 {
				name, ok := args[0].(string)
				if !ok {
					return nil, th.typeError("type.__new__() argument 1 must be str, not %s", typeName(args[0]))
				}
				items, ok := tupleOf(args[1])
				if !ok {
					return nil, th.typeError("type.__new__() argument 2 must be tuple, not %s", typeName(args[1]))
				}
				d, ok := args[2].(*Dict)
				if !ok {
					return nil, th.typeError("type.__new__() argument 3 must be dict, not %s", typeName(args[2]))
				}
				var bases []*Class
				for _, b := range items {
					bc, ok := b.(*Class)
					if !ok {
						return nil, th.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
					}
					bases = append(bases, bc)
				}
				if len(bases) == 0 {
					bases = []*Class{ObjectClass}
				}
				return th.makeClass(name, bases, d.copy())
			}
			return nil, th.typeError("type() takes 1 or 3 arguments")
		},
		"object": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			return &Object{Class: ObjectClass, Dict: NewDict()}, nil
		},
		"property": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			p := &Property{}
			for i, a := range args {
				switch i {
				case 0:
					p.Get = a
				case 1:
					p.Set = a
				case 2:
					p.Del = a
				}
			}
			if v, ok := kw.Get("fget"); ok {
				p.Get = v
			}
			if v, ok := kw.Get("fset"); ok {
				p.Set = v
			}
			return p, nil
		},
		"staticmethod": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			return &StaticMethod{Func: args[0]}, nil
		},
		"classmethod": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			return &ClassMethod{Func: args[0]}, nil
		},
		"super": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) != 2 {
				return nil, th.newErr(RuntimeError, "super(): no arguments")
			}
			cls, ok := args[0].(*Class)
			if !ok {
				return nil, th.typeError("super() argument 1 must be a type, not %s", typeName(args[0]))
			}
			return &Super{Class: cls, Self: args[1]}, nil
		},
		"slice": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			switch len(args) {
			case 1:
				return &Slice{None, args[0], None}, nil
			case 2:
				return &Slice{args[0], args[1], None}, nil
			case 3:
				return &Slice{args[0], args[1], args[2]}, nil
			}
			return nil, th.typeError("slice expected at least 1 argument, got 0")
		},
		"enumerate": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) == 0 {
				return nil, th.typeError("enumerate() missing required argument 'iterable' (pos 1)")
			}
			start := Value(0)
			if len(args) > 1 {
				start = args[1]
			} else if s, ok := kw.Get("start"); ok {
				start = s
			}
			if _, isInt := start.(int); isInt && len(args) <= 2 && onlyKeywords(kw, "start") && th.mayBlockIn(args[0]) {
				return th.callInlineHelper("enumerate_of", args[0], start)
			}
			it, err := th.getIter(args[0])
			if err != nil {
				return nil, err
			}
			i := 0
			if len(args) > 1 {
				i, _ = args[1].(int)
			} else if s, ok := kw.Get("start"); ok {
				i, _ = s.(int)
			}
			return &Iterator{Name: "enumerate", next: func(th *Thread) (Value, bool, error) {
				v, ok, err := th.next(it)
				if !ok || err != nil {
					return nil, false, err
				}
				i++
				return Tuple{i - 1, v}, true, nil
			}}, nil
		},
		"zip": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if kw == nil && th.anyMayBlockIn(args) {
				return th.callInlineHelper("zip_of", args...)
			}
			its := make([]Value, len(args))
			for i, a := range args {
				it, err := th.getIter(a)
				if err != nil {
					return nil, err
				}
				its[i] = it
			}
			return &Iterator{Name: "zip", next: func(th *Thread) (Value, bool, error) {
				if len(its) == 0 {
					return nil, false, nil
				}
				t := make(Tuple, len(its))
				for i, it := range its {
					v, ok, err := th.next(it)
					if !ok || err != nil {
						return nil, false, err
					}
					t[i] = v
				}
				return t, true, nil
			}}, nil
		},
		"map": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if len(args) < 2 {
				return nil, th.typeError("map() must have at least two arguments.")
			}
			fn := args[0]
			if kw == nil && (th.mayBlockInCall(fn) || th.anyMayBlockIn(args[1:])) {
				return th.callInlineHelper("map_of", args...)
			}
			its := make([]Value, len(args)-1)
			for i, a := range args[1:] {
				it, err := th.getIter(a)
				if err != nil {
					return nil, err
				}
				its[i] = it
			}
			return &Iterator{Name: "map", next: func(th *Thread) (Value, bool, error) {
				vals := make([]Value, len(its))
				for i, it := range its {
					v, ok, err := th.next(it)
					if !ok || err != nil {
						return nil, false, err
					}
					vals[i] = v
				}
				r, err := th.callValue(fn, vals, nil)
				return r, err == nil, err
			}}, nil
		},
		"filter": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if err := argCount(th, "filter", args, 2, 2); err != nil {
				return nil, err
			}
			fn := args[0]
			if kw == nil && (th.mayBlockInCall(fn) || th.mayBlockIn(args[1])) {
				return th.callInlineHelper("filter_of", args...)
			}
			it, err := th.getIter(args[1])
			if err != nil {
				return nil, err
			}
			return &Iterator{Name: "filter", next: func(th *Thread) (Value, bool, error) {
				for {
					v, ok, err := th.next(it)
					if !ok || err != nil {
						return nil, false, err
					}
					keep := v
					if fn != None {
						if keep, err = th.callValue(fn, []Value{v}, nil); err != nil {
							return nil, false, err
						}
					}
					t, err := th.truth(keep)
					if err != nil {
						return nil, false, err
					}
					if t {
						return v, true, nil
					}
				}
			}}, nil
		},
		"reversed": func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
			if err := argCount(th, "reversed", args, 1, 1); err != nil {
				return nil, err
			}
			var items []Value
			switch s := asTuple(args[0]).(type) {
			case *List:
				items = append([]Value(nil), s.Items...)
			case Tuple:
				items = append([]Value(nil), s...)
			case *Range, string, Bytes:
				var err error
				if items, err = th.iterate(s); err != nil {
					return nil, err
				}
			case *Dict:
				items = s.Keys()
			case *Object:
				if m := s.Class.lookup("__reversed__"); m != nil {
					return th.callValue(m, []Value{s}, nil)
				}
				n, err := th.length(s)
				if err != nil {
					return nil, th.typeError("'%s' object is not reversible", typeName(s))
				}
				for i := 0; i < n; i++ {
					v, err := th.getItem(s, i)
					if err != nil {
						return nil, err
					}
					items = append(items, v)
				}
			default:
				return nil, th.typeError("'%s' object is not reversible", typeName(args[0]))
			}
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
			return sliceIter("reversed", items), nil
		},
	}
}

func (th *Thread) makeSet(args []Value, frozen bool) (Value, error) {
	s := NewSet()
	s.Frozen = frozen
	if len(args) > 0 {
		items, err := th.iterate(args[0])
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			if err := th.setAdd(s, x); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// toInt implements int(x[, base]).
func (th *Thread) toInt(x Value, base int, explicitBase bool) (Value, error) {
	if explicitBase && base != 0 && (base < 2 || base > 36) {
		return nil, th.valueError("int() base must be >= 2 and <= 36, or 0")
	}
	switch v := x.(type) {
	case int, *big.Int:
		if explicitBase {
			return nil, th.typeError("int() can't convert non-string with explicit base")
		}
		return v, nil
	case bool:
		return boolInt(v), nil
	case float64:
		if math.IsNaN(v) {
			return nil, th.valueError("cannot convert float NaN to integer")
		}
		if math.IsInf(v, 0) {
			return nil, th.newErr(OverflowError, "cannot convert float infinity to integer")
		}
		t := math.Trunc(v)
		if math.Abs(t) < 1<<62 {
			return int(t), nil
		}
		b, _ := new(big.Float).SetFloat64(t).Int(nil)
		return normBig(b), nil
	case string, Bytes, *ByteArray:
		text, _ := v.(string)
		if b, ok := bytesText(v); ok {
			text = b
		}
		n, perr := pyops.ParseInt(text, base) // CPython's rules (pyops): Unicode digits, no 0-prefixed octal
		if perr != nil {
			if strings.HasPrefix(perr.Msg, "int() base") {
				return nil, th.opsError(perr)
			}
			shown := x
			if ba, ok := x.(*ByteArray); ok {
				shown = Bytes(ba.B) // CPython shows a bytearray's text as bytes here
			}
			r, _ := th.repr(shown)
			return nil, th.valueError("invalid literal for int() with base %d: %s", base, r)
		}
		return normBig(n), nil
	case *Object:
		for _, name := range []string{"__int__", "__index__"} {
			if m := v.Class.lookup(name); m != nil {
				return th.callValue(m, []Value{v}, nil)
			}
		}
	}
	return nil, th.typeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(x))
}

// toFloat implements float(x).
func (th *Thread) toFloat(x Value) (Value, error) {
	switch v := x.(type) {
	case float64:
		return v, nil
	case int, bool, *big.Int:
		f, _ := toFloat(v)
		if math.IsInf(f, 0) {
			return nil, th.newErr(OverflowError, "int too large to convert to float")
		}
		return f, nil
	case string:
		f, err := pyops.ParseFloat(v) // CPython's rules (pyops)
		if err != nil {
			return nil, th.opsError(err)
		}
		return f, nil
	case Bytes, *ByteArray:
		text, _ := bytesText(v)
		f, err := pyops.ParseFloat(text)
		if err != nil {
			r, _ := th.repr(v) // shown as bytes
			return nil, th.valueError("could not convert string to float: %s", r)
		}
		return f, nil
	case *Object:
		if m := v.Class.lookup("__float__"); m != nil {
			return th.callValue(m, []Value{v}, nil)
		}
	}
	return nil, th.typeError("float() argument must be a string or a real number, not '%s'", typeName(x))
}

func (th *Thread) makeBuiltins() *Dict {
	d := NewDict()
	for _, c := range []*Class{IntClass, FloatClass, StrClass, BoolClass, ListClass, TupleClass, DictClass, SetClass,
		FrozenSetClass, BytesClass, ByteArrayClass, RangeClass, TypeClass, ObjectClass, PropertyClass, StaticClass, ClassMClass,
		SuperClass, SliceClass, EnumerateClass, ZipClass, MapClass, FilterClass, ReversedClass} {
		d.SetStr(c.Name, c)
	}
	for _, c := range exceptionClasses {
		d.SetStr(c.Name, c)
	}
	d.SetStr("IOError", OSError) // CPython's old names for OSError
	d.SetStr("EnvironmentError", OSError)
	d.SetStr("None", None)
	d.SetStr("True", true)
	d.SetStr("False", false)
	d.SetStr("Ellipsis", Ellipsis)
	d.SetStr("NotImplemented", NotImplemented)
	d.SetStr("__name__", "builtins")
	def := func(name string, fn func(th *Thread, args []Value, kw *Kwargs) (Value, error)) {
		d.SetStr(name, &Builtin{Name: name, Fn: fn})
	}
	def("print", builtinPrint)
	def("input", builtinInput)
	def("len", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "len", args, 1, 1); err != nil {
			return nil, err
		}
		return th.length(args[0])
	})
	def("repr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "repr", args, 1, 1); err != nil {
			return nil, err
		}
		return th.repr(args[0])
	})
	def("ascii", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.ascii(args[0]) })
	def("format", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		spec := ""
		if len(args) > 1 {
			spec, _ = args[1].(string)
		}
		return th.format(args[0], spec)
	})
	def("iter", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "iter", args, 1, 2); err != nil {
			return nil, err
		}
		return th.getIter(args[0])
	})
	def("next", builtinNext)
	def("isinstance", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "isinstance", args, 2, 2); err != nil {
			return nil, err
		}
		return th.isInstance(args[0], args[1])
	})
	def("issubclass", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		c, ok := args[0].(*Class)
		if !ok {
			return nil, th.typeError("issubclass() arg 1 must be a class")
		}
		return th.classMatches(c, args[1], "issubclass")
	})
	def("hasattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		name, ok := args[1].(string)
		if !ok {
			return nil, th.typeError("attribute name must be string, not '%s'", typeName(args[1]))
		}
		_, err := th.getAttr(args[0], name)
		if err != nil {
			if pe, ok := err.(*PyError); ok && pe.Exc.Class.isSubclass(AttributeError) {
				return false, nil
			}
			return nil, err
		}
		return true, nil
	})
	def("getattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "getattr", args, 2, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(string)
		if !ok {
			return nil, th.typeError("attribute name must be string, not '%s'", typeName(args[1]))
		}
		v, err := th.getAttr(args[0], name)
		if err != nil && len(args) == 3 {
			if pe, ok := err.(*PyError); ok && pe.Exc.Class.isSubclass(AttributeError) {
				return args[2], nil
			}
		}
		return v, err
	})
	def("setattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		name, _ := args[1].(string)
		return None, th.setAttr(args[0], name, args[2])
	})
	def("delattr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		name, _ := args[1].(string)
		return None, th.delAttr(args[0], name)
	})
	def("callable", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return isCallable(args[0]), nil
	})
	def("abs", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		switch v := args[0].(type) {
		case int:
			if v < 0 {
				return th.unaryOp(13, v)
			}
			return v, nil
		case bool:
			return boolInt(v), nil
		case *big.Int:
			return normBig(new(big.Int).Abs(v)), nil
		case float64:
			return math.Abs(v), nil
		case *Object:
			if m := v.Class.lookup("__abs__"); m != nil {
				return th.callValue(m, []Value{v}, nil)
			}
		}
		return nil, th.typeError("bad operand type for abs(): '%s'", typeName(args[0]))
	})
	def("min", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.minMax("min", args, kw, -1) })
	def("max", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.minMax("max", args, kw, 1) })
	def("sum", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		caller := th.inline
		th.inline = nil
		if err := argCount(th, "sum", args, 1, 2); err != nil {
			return nil, err
		}
		var total Value = 0
		if len(args) > 1 {
			total = args[1]
		} else if s, ok := kw.Get("start"); ok {
			total = s
		}
		if _, ok := total.(string); ok {
			return nil, th.typeError("sum() can't sum strings [use ''.join(seq) instead]")
		}
		if onlyKeywords(kw, "start") {
			if v, ok, err := th.viaInline(caller, args[0], "sum_of", args[0], total); ok {
				return v, err
			}
		}
		items, err := th.iterate(args[0])
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			if total, err = th.binaryOp(0, total, x, false); err != nil {
				return nil, err
			}
		}
		return total, nil
	})
	def("any", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.anyAll(args, kw, true) })
	def("all", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.anyAll(args, kw, false) })
	def("sorted", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		caller := th.inline
		th.inline = nil
		if err := argCount(th, "sorted", args, 1, 1); err != nil {
			return nil, th.typeError("sorted expected 1 argument, got %d", len(args))
		}
		// CPython's sorted() makes the list, then checks the keywords as
		// list.sort does
		opts := NewDict()
		for i, n := range kw.namesOrNil() {
			opts.SetStr(n, kw.Values[i])
		}
		if v, ok, err := th.viaInline(caller, args[0], "sorted_of", args[0], opts); ok {
			return v, err
		}
		items, err := th.iterate(args[0])
		if err != nil {
			return nil, err
		}
		l := &List{Items: append([]Value{}, items...)}
		return l, th.sortList(l, kw)
	})
	def("round", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "round", args, 1, 2); err != nil {
			return nil, err
		}
		var nd Value = None
		hasNd := len(args) > 1
		if hasNd {
			nd = args[1]
		}
		if v, ok := kw.Get("ndigits"); ok {
			nd, hasNd = v, true
		}
		if nd == None {
			hasNd = false
		}
		switch v := args[0].(type) {
		case int, *big.Int, bool:
			if !hasNd {
				return th.toInt(v, 10, false)
			}
			n, _ := nd.(int)
			if n >= 0 {
				return th.toInt(v, 10, false)
			}
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
			x := toBig(v)
			q, r := new(big.Int).DivMod(x, p, new(big.Int))
			twice := new(big.Int).Mul(r, big.NewInt(2))
			if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
				q.Add(q, big.NewInt(1))
			}
			return normBig(q.Mul(q, p)), nil
		case float64:
			if !hasNd {
				if math.IsNaN(v) {
					return nil, th.valueError("cannot convert float NaN to integer")
				}
				if math.IsInf(v, 0) {
					return nil, th.newErr(OverflowError, "cannot convert float infinity to integer")
				}
				return th.toInt(math.RoundToEven(v), 10, false)
			}
			n, _ := nd.(int)
			r, err := pyops.RoundFloatDigits(v, int64(n))
			if err != nil {
				return nil, th.opsError(err)
			}
			return r, nil
		case *Object:
			if m := v.Class.lookup("__round__"); m != nil {
				return th.callValue(m, args, nil)
			}
		}
		return nil, th.typeError("type %s doesn't define __round__ method", typeName(args[0]))
	})
	def("divmod", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		q, err := th.binaryOp(4, args[0], args[1], false)
		if err != nil {
			return nil, err
		}
		m, err := th.binaryOp(5, args[0], args[1], false)
		return Tuple{q, m}, err
	})
	def("pow", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 3 {
			if args[2] == None {
				return th.binaryOp(6, args[0], args[1], false)
			}
			a, b, m := toBig(args[0]), toBig(args[1]), toBig(args[2])
			if a == nil || b == nil || m == nil {
				return nil, th.typeError("pow() 3rd argument not allowed unless all arguments are integers")
			}
			if m.Sign() == 0 {
				return nil, th.valueError("pow() 3rd argument cannot be 0")
			}
			r := new(big.Int).Exp(a, b, m)
			if r.Sign() != 0 && m.Sign() < 0 {
				r.Add(r, m)
			}
			return normBig(r), nil
		}
		if err := argCount(th, "pow", args, 2, 3); err != nil {
			return nil, err
		}
		return th.binaryOp(6, args[0], args[1], false)
	})
	def("hash", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.hash(args[0]) })
	def("id", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		s := th.addr(args[0])
		n, _ := strconv.ParseInt(s[2:], 16, 64)
		return int(n), nil
	})
	def("chr", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		n, ok := args[0].(int)
		if !ok {
			return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if n < 0 || n > 0x10ffff {
			return nil, th.valueError("chr() arg not in range(0x110000)")
		}
		return string(rune(n)), nil
	})
	def("ord", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		switch s := args[0].(type) {
		case string:
			r := []rune(s)
			if len(r) != 1 {
				return nil, th.typeError("ord() expected a character, but string of length %d found", len(r))
			}
			return int(r[0]), nil
		case Bytes:
			if len(s) != 1 {
				return nil, th.typeError("ord() expected a character, but string of length %d found", len(s))
			}
			return int(s[0]), nil
		}
		return nil, th.typeError("ord() expected string of length 1, but %s found", typeName(args[0]))
	})
	for _, b := range []struct {
		name   string
		base   int
		prefix string
	}{{"hex", 16, "0x"}, {"oct", 8, "0o"}, {"bin", 2, "0b"}} {
		b := b
		def(b.name, func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			x := toBig(args[0])
			if x == nil {
				return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(args[0]))
			}
			if x.Sign() < 0 {
				return "-" + b.prefix + new(big.Int).Neg(x).Text(b.base), nil
			}
			return b.prefix + x.Text(b.base), nil
		})
	}
	def("vars", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 0 {
			return th.localsDict(), nil
		}
		return th.getAttr(args[0], "__dict__")
	})
	def("dir", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		var names []string
		if len(args) == 0 {
			names = th.cur.globals.Dict.StrKeys()
		} else {
			names = th.attrNames(args[0])
		}
		sort.Strings(names)
		out := &List{}
		seen := map[string]bool{}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				out.Items = append(out.Items, n)
			}
		}
		return out, nil
	})
	def("globals", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.cur.globals.Dict, nil })
	def("locals", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return th.localsDict(), nil })
	def("open", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return nil, th.newErr(OSError, "open() is not available here: programs cannot read or write files in this sandbox")
	})
	def("exit", builtinExit)
	def("quit", builtinExit)
	// the commonest calls, none of which keeps its argument slice
	for _, name := range []string{"len", "isinstance", "next", "print", "getattr", "hasattr", "callable", "abs"} {
		if b, ok := d.GetStr(name); ok {
			b.(*Builtin).NoRetain = true
		}
	}
	return d
}

func builtinExit(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	code := Value(None)
	if len(args) > 0 {
		code = args[0]
	}
	return nil, &PyError{Exc: newExc(SystemExit, code)}
}

func (th *Thread) isInstance(v, cls Value) (Value, error) {
	return th.classMatches(typeOf(v), cls, "isinstance")
}

func (th *Thread) classMatches(c *Class, cls Value, fn string) (Value, error) {
	switch t := asTuple(cls).(type) {
	case *Class:
		if c.isSubclass(t) {
			return true, nil
		}
		if t == IntClass && c == BoolClass {
			return true, nil
		}
		return false, nil
	case Tuple:
		for _, x := range t {
			ok, err := th.classMatches(c, x, fn)
			if err != nil || ok == true {
				return ok, err
			}
		}
		return false, nil
	}
	return nil, th.typeError("%s() arg 2 must be a type, a tuple of types, or a union", fn)
}

func (th *Thread) anyAll(args []Value, kw *Kwargs, any bool) (Value, error) {
	caller := th.inline
	th.inline = nil
	name, helper := "all", "all_of"
	if any {
		name, helper = "any", "any_of"
	}
	if err := argCount(th, name, args, 1, 1); err != nil {
		return nil, err
	}
	if kw.Len() > 0 {
		return nil, th.typeError("%s() takes no keyword arguments", name)
	}
	x := args[0]
	if v, ok, err := th.viaInline(caller, x, helper, x); ok {
		return v, err
	}
	it, err := th.getIter(x)
	if err != nil {
		return nil, err
	}
	for {
		v, ok, err := th.next(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return !any, nil
		}
		t, err := th.truth(v)
		if err != nil {
			return nil, err
		}
		if t == any {
			return any, nil
		}
	}
}

func (th *Thread) minMax(name string, args []Value, kw *Kwargs, sign int) (Value, error) {
	caller := th.inline
	th.inline = nil
	var items []Value
	if len(args) == 0 {
		return nil, th.typeError("%s expected at least 1 argument, got 0", name)
	}
	if len(args) == 1 && onlyKeywords(kw, "key", "default") {
		key, hasKey := kw.Get("key")
		def, hasDef := kw.Get("default")
		if !hasKey {
			key = None
		}
		if !hasDef {
			def = None
		}
		if v, ok, err := th.viaInline(caller, args[0], "min_max", args[0], key, hasDef, def, sign > 0, name); ok {
			return v, err
		}
	}
	if len(args) == 1 {
		var err error
		if items, err = th.iterate(args[0]); err != nil {
			return nil, err
		}
	} else {
		items = args
	}
	key, _ := kw.Get("key")
	if len(items) == 0 {
		if d, ok := kw.Get("default"); ok {
			return d, nil
		}
		return nil, th.valueError("%s() arg is an empty sequence", name)
	}
	best := items[0]
	bestKey := best
	if key != nil && key != None {
		var err error
		if bestKey, err = th.callValue(key, []Value{best}, nil); err != nil {
			return nil, err
		}
	}
	op := 17 // <
	if sign > 0 {
		op = 21 // >
	}
	for _, x := range items[1:] {
		k := x
		if key != nil && key != None {
			var err error
			if k, err = th.callValue(key, []Value{x}, nil); err != nil {
				return nil, err
			}
		}
		better, err := th.order(op, k, bestKey)
		if err != nil {
			return nil, err
		}
		if truthy(better) {
			best, bestKey = x, k
		}
	}
	return best, nil
}

// isCallable is callable(v).
func isCallable(v Value) bool {
	switch v := v.(type) {
	case *Function, *Builtin, *BoundMethod, *Class:
		return true
	case *Object:
		return v.Class.lookup("__call__") != nil
	}
	return false
}

// viaInline runs name, the Python version of a builtin (pylib/_inline.py),
// as a frame of the VM loop when the builtin was called from the loop
// (caller is the calling frame) and must iterate it, and that iteration may
// switch greenlets: a generator that waits, or a class's __next__. ok is
// false when the builtin's Go code should run instead, as it does for lists,
// ranges and the like.
func (th *Thread) viaInline(caller *Frame, it Value, name string, args ...Value) (v Value, ok bool, err error) {
	if caller == nil || th.native > 0 || !th.mayBlockIn(it) {
		return nil, false, nil
	}
	nf, v, err := th.inlineHelper(caller, name, args)
	if err != nil || nf == nil {
		return v, true, err
	}
	if th.pushFrame(nf) == nil {
		return nil, true, th.recursionError()
	}
	return suspended, true, nil
}

// callInlineHelper calls name of pylib/_inline.py from Go. The lazy
// iterators (enumerate, zip, map, filter) are made this way when their items
// may need a greenlet switch: making them iterates nothing, and iterating the
// Python object they return happens in the VM loop.
func (th *Thread) callInlineHelper(name string, args ...Value) (Value, error) {
	fn, err := th.inlineFunc(name)
	if err != nil {
		return nil, err
	}
	return th.callValue(fn, args, nil)
}

// anyMayBlockIn reports whether iterating any of vs may switch greenlets.
func (th *Thread) anyMayBlockIn(vs []Value) bool {
	for _, v := range vs {
		if th.mayBlockIn(v) {
			return true
		}
	}
	return false
}

// mayBlockInCall reports whether calling fn for each item (map, filter) may
// switch greenlets: a Python function, once the program uses gevent or
// threads (map(fetch, urls) waits in fetch).
func (th *Thread) mayBlockInCall(fn Value) bool {
	if !th.usesGevent && th.threads == 0 {
		return false
	}
	switch f := fn.(type) {
	case *Function:
		return true
	case *BoundMethod:
		_, isPy := f.Func.(*Function)
		return isPy
	}
	return false
}

// onlyKeywords reports whether kw names no keyword outside names.
func onlyKeywords(kw *Kwargs, names ...string) bool {
	for _, n := range kw.namesOrNil() {
		found := false
		for _, m := range names {
			found = found || n == m
		}
		if !found {
			return false
		}
	}
	return true
}

// sortList sorts a list in place (stable), with key= and reverse=.
func (th *Thread) sortList(l *List, kw *Kwargs) error {
	for _, n := range kw.namesOrNil() {
		if n != "key" && n != "reverse" {
			return th.typeError("'%s' is an invalid keyword argument for sort()", n)
		}
	}
	key, _ := kw.Get("key")
	rev, _ := kw.Get("reverse")
	keys := l.Items
	if key != nil && key != None {
		keys = make([]Value, len(l.Items))
		for i, x := range l.Items {
			k, err := th.callValue(key, []Value{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(l.Items))
	for i := range idx {
		idx[i] = i
	}
	var sortErr error
	reverse := rev != nil && truthy(rev)
	sort.SliceStable(idx, func(a, b int) bool {
		if sortErr != nil {
			return false
		}
		x, y := keys[idx[a]], keys[idx[b]]
		if reverse {
			x, y = y, x
		}
		lt, err := th.order(17, x, y)
		if err != nil {
			sortErr = err
			return false
		}
		return truthy(lt)
	})
	if sortErr != nil {
		return sortErr
	}
	if err := th.charge(len(idx) * 4); err != nil {
		return err
	}
	out := make([]Value, len(idx))
	for i, j := range idx {
		out[i] = l.Items[j]
	}
	l.Items = out
	return nil
}

func builtinPrint(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	sep, end := " ", "\n"
	var file Value
	for i, n := range kw.namesOrNil() {
		v := kw.Values[i]
		switch n {
		case "sep":
			if v != None {
				s, ok := v.(string)
				if !ok {
					return nil, th.typeError("sep must be None or a string, not %s", typeName(v))
				}
				sep = s
			}
		case "end":
			if v != None {
				s, ok := v.(string)
				if !ok {
					return nil, th.typeError("end must be None or a string, not %s", typeName(v))
				}
				end = s
			}
		case "file":
			file = v
		case "flush":
		default:
			return nil, th.typeError("'%s' is an invalid keyword argument for print()", n)
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := th.str(a)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	if file != nil && file != None {
		_, err := th.callMethod(file, "write", b.String())
		return None, err
	}
	return None, th.write("stdout", b.String())
}

func (k *Kwargs) namesOrNil() []string {
	if k == nil {
		return nil
	}
	return k.Names
}

// write sends program output through the environment.
func (th *Thread) write(stream, s string) error {
	if err := th.charge(len(s) / 16); err != nil {
		return err
	}
	return th.env.Write(stream, s, th.coroID(th.cur), th.userLine())
}

// userLine is the line of the learner's program being run: the innermost
// frame of the program's own file (library frames are skipped).
func (th *Thread) userLine() int {
	for fr := th.cur; fr != nil; fr = fr.back {
		if fr.code.Filename == th.env.Filename {
			return fr.line()
		}
	}
	return 0
}

func builtinInput(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	prompt := ""
	if len(args) > 0 {
		s, err := th.str(args[0])
		if err != nil {
			return nil, err
		}
		prompt = s
	}
	if prompt != "" {
		if err := th.write("stdout", prompt); err != nil {
			return nil, err
		}
	}
	line, ok, err := th.env.ReadLine(prompt)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &PyError{Exc: newExc(EOFError, "EOF when reading a line")}
	}
	return line, nil
}

// builtinNext implements next(it[, default]). Called from the VM on a
// generator, it resumes the generator in place (no Go recursion).
func builtinNext(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	caller := th.inline
	th.inline = nil
	if err := argCount(th, "next", args, 1, 2); err != nil {
		return nil, th.typeError("next expected at least 1 argument, got %d", len(args))
	}
	if g, ok := args[0].(*Generator); ok && caller != nil && len(args) == 1 {
		if err := th.resumeGen(caller, g, None, nil, modePush, 0); err != nil {
			return nil, err
		}
		return suspended, nil
	}
	switch args[0].(type) {
	case *Iterator, *Generator:
	case *Object:
		if args[0].(*Object).Class.lookup("__next__") == nil {
			return nil, th.typeError("'%s' object is not an iterator", typeName(args[0]))
		}
	default:
		return nil, th.typeError("'%s' object is not an iterator", typeName(args[0]))
	}
	v, ok, err := th.next(args[0])
	if err != nil {
		return nil, err
	}
	if !ok {
		if len(args) > 1 {
			return args[1], nil
		}
		if g, isGen := args[0].(*Generator); isGen && g.state == genClosed {
			return nil, &PyError{Exc: newExc(StopIteration)}
		}
		return nil, &PyError{Exc: newExc(StopIteration)}
	}
	return v, nil
}

// localsDict is what locals() and vars() return: a class body's namespace,
// a module's globals, or a new dict of a function's bound locals.
func (th *Thread) localsDict() *Dict {
	fr := th.cur
	if ns := fr.classNS(); ns != nil {
		return ns
	}
	if fr.code.Name == "<module>" {
		return fr.globals.Dict
	}
	d := NewDict()
	fr.owned = 0 // the dict shares the locals' values
	for i, n := range fr.code.Locals {
		if fr.locals[i] != nil {
			d.SetStr(n, fr.locals[i])
		}
	}
	return d
}

// hash is hash(v). Numbers and tuples of them hash as in CPython (so their
// hashes print the same; a bool's key is its int); a str, None or an object
// hashed by identity gets a stable value of our own, as CPython's vary from
// run to run.
func (th *Thread) hash(v Value) (int, error) {
	switch v := v.(type) {
	case int:
		return int(pyops.HashInt64(int64(v))), nil
	case *big.Int:
		return int(pyops.HashBig(v)), nil
	case float64:
		if !math.IsNaN(v) {
			return int(pyops.HashFloat(v, 0)), nil
		}
	case *Object:
		if h := v.Class.lookup("__hash__"); h != nil && h != None {
			r, err := th.callValue(h, []Value{v}, nil)
			if err != nil {
				return 0, err
			}
			switch r := r.(type) {
			case bool, int, *big.Int:
				return th.hash(r) // an int too wide is hashed again, as CPython does
			}
			return 0, th.typeError("__hash__ method should return an integer")
		}
	case Tuple, *Pair, *Set:
		if set, ok := v.(*Set); ok && !set.Frozen {
			break // unhashable: hashKey says so
		}
		if th.native > maxNative {
			return 0, th.newErr(RecursionError, "maximum recursion depth exceeded while calling a Python object")
		}
		th.native++
		defer func() { th.native-- }()
		if set, ok := v.(*Set); ok {
			return th.frozensetHash(set)
		}
		items := tupleItems(v)
		return th.tupleHash(items)
	}
	k, err := th.hashKey(v)
	if err != nil {
		return 0, err
	}
	if k, ok := k.(int); ok {
		return k, nil
	}
	h := 0
	for _, c := range th.keyString(k) + Repr(v) {
		h = h*1000003 ^ int(c)
	}
	return h, nil
}

// tupleHash combines the items' hashes as CPython 3.11's tuple hash does (the
// xxHash-style lanes of Objects/tupleobject.c).
func (th *Thread) tupleHash(items Tuple) (int, error) {
	const (
		prime1 = 11400714785074694791
		prime2 = 14029467366897019727
		prime5 = 2870177450012600261
	)
	acc := uint64(prime5)
	for _, x := range items {
		lane, err := th.hash(x)
		if err != nil {
			return 0, err
		}
		acc += uint64(lane) * prime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= prime1
	}
	acc += uint64(len(items)) ^ (prime5 ^ 3527539)
	if acc == math.MaxUint64 { // -1 is no hash: CPython's stand-in
		return 1546275796, nil
	}
	return int(acc), nil
}

// frozensetHash combines the items' hashes as CPython 3.11's frozenset hash
// does (Objects/setobject.c): an order-free xor of shuffled hashes, then the
// size, then a final dispersion.
func (th *Thread) frozensetHash(set *Set) (int, error) {
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var acc uint64
	for _, e := range set.d.entries {
		if e.deleted() {
			continue
		}
		h, err := th.hash(e.key)
		if err != nil {
			return 0, err
		}
		acc ^= shuffle(uint64(h))
	}
	acc ^= uint64(set.Len()+1) * 1927868237
	acc ^= (acc >> 11) ^ (acc >> 25)
	acc = acc*69069 + 907133923
	if acc == math.MaxUint64 {
		return 590923713, nil
	}
	return int(acc), nil
}

// bytesText is the text of a bytes or bytearray, one character per byte, for
// int() and float() to read; ok is false for other values.
func bytesText(v Value) (string, bool) {
	switch b := v.(type) {
	case Bytes:
		return string(b), true
	case *ByteArray:
		return string(b.B), true
	}
	return "", false
}
