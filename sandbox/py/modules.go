package py

// This file defines import and the modules written in Go: sys, time (on the
// virtual clock), math, random (CPython's Mersenne Twister), inspect, string.

import (
	"math"
	"math/big"
	"strings"
	"time"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/pyops"
)

// moduleMakers build a module on first import, per program.
var moduleMakers = map[string]func(th *Thread) *Module{}

func init() {
	for name, mk := range map[string]func(th *Thread) *Module{
		"sys":     makeSys,
		"time":    makeTime,
		"math":    makeMath,
		"random":  makeRandom,
		"inspect": makeInspect,
		"string":  makeString,
		"_tblib":  makeTBLib,
		"builtins": func(th *Thread) *Module {
			return &Module{Name: "builtins", Dict: th.builtins}
		},
	} {
		moduleMakers[name] = mk
	}
}

// RegisterModule adds a module that programs can import (used by the
// library packages: greenlet, gevent, socket...).
func RegisterModule(name string, make func(th *Thread) *Module) { moduleMakers[name] = make }

// importName implements "import a.b" (returning a) and "from a.b import x"
// (name ends with ".", returning a.b).
func (th *Thread) importName(name string) (Value, error) {
	from := strings.HasSuffix(name, ".")
	name = strings.TrimSuffix(name, ".")
	parts := strings.Split(name, ".")
	var top, cur *Module
	for i := range parts {
		full := strings.Join(parts[:i+1], ".")
		m, err := th.loadModule(full)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			top = m
		} else {
			cur.Dict.SetStr(parts[i], m)
		}
		cur = m
	}
	if from {
		return cur, nil
	}
	return top, nil
}

func (th *Thread) loadModule(name string) (*Module, error) {
	if m, ok := th.modules[name]; ok {
		return m, nil
	}
	mk, ok := moduleMakers[name]
	if !ok {
		return nil, &PyError{Exc: newExc(ModuleNotFoundError, "No module named '"+name+"'")}
	}
	th.importErr = nil
	if name == "gevent" {
		th.usesGevent = true
	}
	m := mk(th)
	if err := th.importErr; err != nil {
		delete(th.modules, name)
		th.importErr = nil
		return nil, err
	}
	th.modules[name] = m
	return m, nil
}

// NewModule creates an empty module.
func NewModule(name string) *Module {
	d := NewDict()
	d.SetStr("__name__", name)
	return &Module{Name: name, Dict: d}
}

// Def adds a Go function to a module.
func (m *Module) Def(name string, fn func(th *Thread, args []Value, kw *Kwargs) (Value, error)) {
	m.Dict.SetStr(name, &Builtin{Name: name, Fn: fn})
}

// markNoRetain marks every builtin of m as keeping no reference to its
// argument slice (see Builtin.NoRetain).
func markNoRetain(m *Module) {
	for _, kv := range m.Dict.Items() {
		if b, ok := kv[1].(*Builtin); ok {
			b.NoRetain = true
		}
	}
}

// isLibraryCode reports whether code belongs to a library module written in
// Python (its file name is "<module>"), not to the learner's program.
func isLibraryCode(code *compile.Code) bool { return strings.HasPrefix(code.Filename, "<") }

func makeSys(th *Thread) *Module {
	m := NewModule("sys")
	argv := &List{Items: []Value{th.env.Filename}}
	for _, a := range th.env.Argv {
		argv.Items = append(argv.Items, a)
	}
	m.Dict.SetStr("argv", argv)
	m.Dict.SetStr("version", "3.11.2 (Coroutine Tour engine)")
	m.Dict.SetStr("version_info", Tuple{3, 11, 2, "final", 0})
	m.Dict.SetStr("platform", "linux")
	m.Dict.SetStr("maxsize", math.MaxInt64)
	m.Dict.SetStr("byteorder", "little")
	m.Dict.SetStr("modules", NewDict())
	m.Dict.SetStr("path", &List{Items: []Value{}})
	m.Dict.SetStr("stdout", th.stream("stdout"))
	m.Dict.SetStr("stderr", th.stream("stderr"))
	m.Def("exit", builtinExit)
	m.Def("getrecursionlimit", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return th.env.MaxDepth, nil
	})
	m.Def("setrecursionlimit", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		n, ok := args[0].(int)
		if !ok || n < 1 {
			return nil, th.valueError("recursion limit must be greater or equal than 1")
		}
		if n > 1000 {
			n = 1000 // the sandbox's frame limit stays the ceiling
		}
		th.env.MaxDepth = n
		return None, nil
	})
	m.Def("exc_info", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if e := th.currentHandled(); e != nil {
			return Tuple{e.Class, e, None}, nil
		}
		return Tuple{None, None, None}, nil
	})
	m.Def("getsizeof", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return 64, nil })
	m.Def("intern", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return args[0], nil })
	return m
}

// streamClass is the class of sys.stdout and sys.stderr.
var streamClass = func() *Class {
	c := &Class{Name: "TextIOWrapper", Dict: NewDict(), Builtin: "stream", Module: "_io"}
	c.MRO = []*Class{c, ObjectClass}
	c.Dict.SetStr("write", &Builtin{Name: "write", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		s, ok := args[1].(string)
		if !ok {
			return nil, th.typeError("write() argument must be str, not %s", typeName(args[1]))
		}
		stream := args[0].(*Object).Native.(string)
		return len([]rune(s)), th.write(stream, s)
	}})
	c.Dict.SetStr("flush", &Builtin{Name: "flush", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return None, nil }})
	c.Dict.SetStr("isatty", &Builtin{Name: "isatty", Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return false, nil }})
	return c
}()

func (th *Thread) stream(name string) *Object {
	return &Object{Class: streamClass, Dict: NewDict(), Native: name}
}

// Now is the virtual time in nanoseconds since the run's epoch.
func (th *Thread) Now() int64 { return *th.env.Clock }

// VirtualEpoch is virtual time zero as a Unix time (2024-01-01 12:00:00 UTC).
var VirtualEpoch = time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)

func makeTime(th *Thread) *Module {
	m := NewModule("time")
	m.Def("time", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return float64(VirtualEpoch.UnixNano()+th.Now()) / 1e9, nil
	})
	m.Def("time_ns", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return int(VirtualEpoch.UnixNano() + th.Now()), nil
	})
	mono := func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return float64(th.Now())/1e9 + 1000.0, nil
	}
	m.Def("monotonic", mono)
	m.Def("perf_counter", mono)
	m.Def("process_time", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return float64(th.Steps()) / 1e8, nil
	})
	m.Def("sleep", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 1 {
			return nil, th.typeError("time.sleep() takes exactly one argument (%d given)", len(args))
		}
		secs, ok := toFloat(args[0])
		if !ok {
			return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if math.IsNaN(secs) {
			return nil, th.valueError("Invalid value NaN (not a number)")
		}
		if secs < 0 {
			return nil, th.valueError("sleep length must be non-negative")
		}
		if th.threads > 0 {
			// other threads run while this one sleeps, as under the GIL
			return th.geventSleep(secs)
		}
		return None, th.SleepBlocking(secs)
	})
	m.Def("strftime", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		f, _ := args[0].(string)
		t := VirtualEpoch.Add(time.Duration(th.Now()))
		r := strings.NewReplacer("%Y", t.Format("2006"), "%m", t.Format("01"), "%d", t.Format("02"),
			"%H", t.Format("15"), "%M", t.Format("04"), "%S", t.Format("05"), "%%", "%")
		return r.Replace(f), nil
	})
	m.Def("ctime", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		return VirtualEpoch.Add(time.Duration(th.Now())).Format("Mon Jan  2 15:04:05 2006"), nil
	})
	return m
}

// SleepBlocking advances the virtual clock by secs while nothing else in the
// program runs (an unpatched time.sleep).
func (th *Thread) SleepBlocking(secs float64) error {
	if math.IsInf(secs, 1) || secs > 1e12 {
		return th.newErr(OverflowError, "timestamp too large to convert to C _PyTime_t")
	}
	ns := int64(math.Round(secs * 1e9))
	if th.sched != nil {
		// the hub keeps the clock once gevent is in use: nothing else runs meanwhile
		if !th.sched.Advance(ns) {
			return &haltError{Kind: "limit", Reason: "the program slept past the virtual-time limit of " + time.Duration(th.env.MaxVirtual).String()}
		}
		*th.env.Clock = th.sched.Now()
		return nil
	}
	*th.env.Clock += ns
	if th.env.MaxVirtual > 0 && *th.env.Clock > th.env.MaxVirtual {
		return &haltError{Kind: "limit", Reason: "the program slept past the virtual-time limit of " + time.Duration(th.env.MaxVirtual).String()}
	}
	return nil
}

func makeMath(th *Thread) *Module {
	m := NewModule("math")
	m.Dict.SetStr("pi", math.Pi)
	m.Dict.SetStr("e", math.E)
	m.Dict.SetStr("tau", 2*math.Pi)
	m.Dict.SetStr("inf", math.Inf(1))
	m.Dict.SetStr("nan", math.NaN())
	f1 := func(name string, fn func(float64) float64, domain func(float64) bool) {
		m.Def(name, func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if len(args) != 1 {
				return nil, th.typeError("math.%s() takes exactly one argument (%d given)", name, len(args))
			}
			x, ok := toFloat(args[0])
			if !ok {
				return nil, th.typeError("must be real number, not %s", typeName(args[0]))
			}
			if domain != nil && !domain(x) {
				return nil, th.valueError("math domain error")
			}
			return fn(x), nil
		})
	}
	f1("sqrt", math.Sqrt, func(x float64) bool { return x >= 0 })
	f1("exp", math.Exp, nil)
	f1("sin", math.Sin, nil)
	f1("cos", math.Cos, nil)
	f1("tan", math.Tan, nil)
	f1("asin", math.Asin, func(x float64) bool { return x >= -1 && x <= 1 })
	f1("acos", math.Acos, func(x float64) bool { return x >= -1 && x <= 1 })
	f1("atan", math.Atan, nil)
	f1("log10", math.Log10, func(x float64) bool { return x > 0 })
	f1("log2", math.Log2, func(x float64) bool { return x > 0 })
	f1("fabs", math.Abs, nil)
	f1("degrees", func(x float64) float64 { return x * 180 / math.Pi }, nil)
	f1("radians", func(x float64) float64 { return x * math.Pi / 180 }, nil)
	m.Def("log", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		x, _ := toFloat(args[0])
		if x <= 0 {
			return nil, th.valueError("math domain error")
		}
		if len(args) > 1 {
			b, _ := toFloat(args[1])
			return math.Log(x) / math.Log(b), nil
		}
		return math.Log(x), nil
	})
	m.Def("pow", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		x, _ := toFloat(args[0])
		y, _ := toFloat(args[1])
		if r, ok, err := pyops.FloatPow(x, y); ok && err == nil {
			return r, nil
		} else if err != nil && err.Type == "OverflowError" {
			return nil, th.newErr(OverflowError, "math range error")
		}
		return nil, th.valueError("math domain error")
	})
	m.Def("atan2", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		y, _ := toFloat(args[0])
		x, _ := toFloat(args[1])
		return math.Atan2(y, x), nil
	})
	m.Def("hypot", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		s := 0.0
		for _, a := range args {
			f, _ := toFloat(a)
			s += f * f
		}
		return math.Sqrt(s), nil
	})
	toI := func(name string, fn func(float64) float64) {
		m.Def(name, func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
			if isInt(args[0]) {
				return args[0], nil
			}
			x, ok := toFloat(args[0])
			if !ok {
				return nil, th.typeError("must be real number, not %s", typeName(args[0]))
			}
			return th.toInt(fn(x), 10, false)
		})
	}
	toI("floor", math.Floor)
	toI("ceil", math.Ceil)
	toI("trunc", math.Trunc)
	m.Def("isnan", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		x, _ := toFloat(args[0])
		return math.IsNaN(x), nil
	})
	m.Def("isinf", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		x, _ := toFloat(args[0])
		return math.IsInf(x, 0), nil
	})
	m.Def("isfinite", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		x, _ := toFloat(args[0])
		return !math.IsInf(x, 0) && !math.IsNaN(x), nil
	})
	m.Def("isclose", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		a, _ := toFloat(args[0])
		b, _ := toFloat(args[1])
		rel := 1e-9
		if v, ok := kw.Get("rel_tol"); ok {
			rel, _ = toFloat(v)
		}
		absT := 0.0
		if v, ok := kw.Get("abs_tol"); ok {
			absT, _ = toFloat(v)
		}
		return math.Abs(a-b) <= math.Max(rel*math.Max(math.Abs(a), math.Abs(b)), absT), nil
	})
	m.Def("gcd", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		g := big.NewInt(0)
		for _, a := range args {
			x := toBig(a)
			if x == nil {
				return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(a))
			}
			g.GCD(nil, nil, g, new(big.Int).Abs(x))
		}
		return normBig(g), nil
	})
	m.Def("factorial", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		n, ok := args[0].(int)
		if !ok {
			return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if n < 0 {
			return nil, th.valueError("factorial() not defined for negative values")
		}
		if n > 5000 {
			return nil, th.newErr(MemoryError, "")
		}
		r := big.NewInt(1)
		for i := 2; i <= n; i++ {
			r.Mul(r, big.NewInt(int64(i)))
		}
		return normBig(r), nil
	})
	m.Def("fsum", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		items, err := th.iterate(args[0])
		if err != nil {
			return nil, err
		}
		s := 0.0
		for _, x := range items {
			f, _ := toFloat(x)
			s += f
		}
		return s, nil
	})
	m.Def("prod", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		items, err := th.iterate(args[0])
		if err != nil {
			return nil, err
		}
		var p Value = 1
		for _, x := range items {
			if p, err = th.binaryOp(2, p, x, false); err != nil {
				return nil, err
			}
		}
		return p, nil
	})
	return m
}

func makeInspect(th *Thread) *Module {
	m := NewModule("inspect")
	m.Def("getgeneratorstate", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		g, ok := args[0].(*Generator)
		if !ok {
			return nil, th.typeError("%s is not a Python generator", Repr(args[0]))
		}
		return []string{"GEN_CREATED", "GEN_SUSPENDED", "GEN_RUNNING", "GEN_CLOSED"}[g.state], nil
	})
	m.Def("isgenerator", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		_, ok := args[0].(*Generator)
		return ok, nil
	})
	m.Def("isgeneratorfunction", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		f, ok := args[0].(*Function)
		return ok && f.Code.Generator, nil
	})
	m.Def("isfunction", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		_, ok := args[0].(*Function)
		return ok, nil
	})
	m.Def("isclass", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		_, ok := args[0].(*Class)
		return ok, nil
	})
	return m
}

func makeString(th *Thread) *Module {
	m := NewModule("string")
	lower := "abcdefghijklmnopqrstuvwxyz"
	upper := strings.ToUpper(lower)
	m.Dict.SetStr("ascii_lowercase", lower)
	m.Dict.SetStr("ascii_uppercase", upper)
	m.Dict.SetStr("ascii_letters", lower+upper)
	m.Dict.SetStr("digits", "0123456789")
	m.Dict.SetStr("hexdigits", "0123456789abcdefABCDEF")
	m.Dict.SetStr("octdigits", "01234567")
	m.Dict.SetStr("punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
	m.Dict.SetStr("whitespace", " \t\n\r\x0b\x0c")
	m.Dict.SetStr("printable", "0123456789"+lower+upper+"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"+" \t\n\r\x0b\x0c")
	m.Def("capwords", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		s, _ := args[0].(string)
		words := strings.Fields(s)
		for i, w := range words {
			words[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
		}
		return strings.Join(words, " "), nil
	})
	return m
}

// makeTBLib is the module gevent's library code keeps a failed greenlet's
// traceback with: gevent pickles it (tblib) and rebuilds it to re-raise the
// exception from get(), which changes the carets CPython prints under it.
func makeTBLib(th *Thread) *Module {
	m := NewModule("_tblib")
	// dump(x) is the traceback of x (an exception or a traceback) as gevent's
	// load_traceback(dump_traceback(tb)) gives it back, or None.
	m.Def("dump", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 1 {
			return nil, th.typeError("dump() takes exactly one argument (%d given)", len(args))
		}
		var tb []TBEntry
		if o, ok := args[0].(*Object); ok {
			if o.Class == tracebackClass {
				tb, _ = o.Native.([]TBEntry)
			} else if isExceptionClass(o.Class) {
				tb = excState(o).TB
			}
		}
		if len(tb) == 0 {
			return None, nil
		}
		return newTraceback(tb, true), nil
	})
	return m
}
