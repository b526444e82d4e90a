package py

// This file defines calls: argument binding for Python functions, calls of
// builtins and classes, and the one entry point for Go code calling Python.

import (
	"runtime"
	"strings"
)

// prepareCall starts a call of fn. For a Python function it returns the new
// frame (not yet pushed); for anything else it returns the result, or
// suspended when a builtin switched frames itself. caller is the frame making
// the call from the VM loop, or nil when Go code calls.
func (th *Thread) prepareCall(caller *Frame, fn Value, args []Value, kw *Kwargs) (*Frame, Value, error) {
	switch f := fn.(type) {
	case *Function:
		fr, err := th.bindArgs(f, args, kw)
		if err != nil {
			return nil, nil, err
		}
		if f.Code.Generator {
			return nil, th.newGenerator(fr, f), nil
		}
		return fr, nil, nil
	case *Builtin:
		th.inline = caller
		if f.Self != nil {
			args = append([]Value{f.Self}, args...)
		}
		v, err := th.runBuiltin(f, args, kw)
		th.inline = nil
		return nil, v, err
	case *BoundMethod:
		return th.prepareCall(caller, f.Func, append([]Value{f.Self}, args...), kw)
	case *Class:
		return th.instantiate(caller, f, args, kw)
	case *Object:
		call := f.Class.lookup("__call__")
		if call != nil {
			return th.prepareCall(caller, call, append([]Value{f}, args...), kw)
		}
	case *StaticMethod:
		return th.prepareCall(caller, f.Func, args, kw)
	}
	return nil, nil, th.typeError("'%s' object is not callable", typeName(fn))
}

// runBuiltin calls a builtin. A builtin indexes and converts its arguments
// as its documentation says; called with too few or the wrong kinds, the Go
// code fails, and that becomes the TypeError a learner can act on, not an
// internal error.
func (th *Thread) runBuiltin(f *Builtin, args []Value, kw *Kwargs) (v Value, err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		re, ok := r.(runtime.Error)
		if !ok {
			panic(r)
		}
		if f.Self == nil && f.Owner != "" && len(args) > 0 && !receiverFits(f.Owner, args[0]) {
			v, err = nil, descriptorError(th, f, args[0]) // a method taken from its class, given another type
			return
		}
		msg := re.Error()
		given := len(args)
		if f.Self != nil || f.Owner != "" {
			given-- // the receiver is not counted
		}
		switch {
		case strings.Contains(msg, "index out of range"):
			v, err = nil, th.typeError("%s() is missing an argument (%d given)", f.Name, given)
		case strings.Contains(msg, "interface conversion"):
			v, err = nil, th.typeError("%s() got an argument of a type it cannot use", f.Name)
		default:
			panic(r)
		}
	}()
	return f.Fn(th, args, kw)
}

// receiverFits reports whether v can be the receiver of a method of the
// built-in type named owner.
func receiverFits(owner string, v Value) bool {
	if owner == "greenlet" {
		return glOf(v) != nil
	}
	return typeName(v) == owner
}

// descriptorError is CPython's TypeError for a built-in type's method called
// through the type with a receiver of another type (list.append(1, 2)).
func descriptorError(th *Thread, f *Builtin, recv Value) error {
	owner := f.Owner
	if owner == "greenlet" {
		owner = "greenlet.greenlet"
	}
	if strings.HasPrefix(f.Name, "__") {
		return th.typeError("descriptor '%s' requires a '%s' object but received a '%s'", f.Name, owner, typeName(recv))
	}
	return th.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", f.Name, owner, typeName(recv))
}

// callValue calls fn from Go code and returns its result. It is the single
// entry for Go -> Python calls; it runs a nested loop, bounded in depth.
func (th *Thread) callValue(fn Value, args []Value, kw *Kwargs) (Value, error) {
	fr, v, err := th.prepareCall(nil, fn, args, kw)
	if err != nil || fr == nil {
		return v, err
	}
	if th.native >= maxNative {
		return nil, th.recursionError()
	}
	saved := th.cur
	fr.mode = modeGo
	if th.pushFrame(fr) == nil {
		return nil, th.recursionError()
	}
	th.native++
	v, _, err = th.run(fr)
	th.native--
	th.cur = saved
	return v, err
}

// callMethod calls obj.name(args...) from Go.
func (th *Thread) callMethod(obj Value, name string, args ...Value) (Value, error) {
	m, err := th.getAttr(obj, name)
	if err != nil {
		return nil, err
	}
	return th.callValue(m, args, nil)
}

// bindArgs creates the frame of a call to f with its parameters bound.
func (th *Thread) bindArgs(f *Function, args []Value, kw *Kwargs) (*Frame, error) {
	code := f.Code
	fr := th.newFrame(code, f, f.Globals)
	np := code.NumPos
	nargs := len(args)
	if nargs > np && !code.VarArgs {
		return nil, th.tooManyPositional(f, nargs)
	}
	n := nargs
	if n > np {
		n = np
	}
	copy(fr.locals, args[:n])
	slot := len(code.ArgNames)
	if code.VarArgs {
		var rest Tuple
		if nargs > np {
			rest = append(Tuple{}, args[np:]...)
		} else {
			rest = Tuple{}
		}
		fr.locals[slot] = rest
		slot++
	}
	var extra *Dict
	if code.KwArgs {
		extra = NewDict()
		fr.locals[slot] = extra
	}
	if kw != nil {
		for i, name := range kw.Names {
			j := -1
			for k, a := range code.ArgNames {
				if a == name {
					j = k
					break
				}
			}
			if j < 0 {
				if extra == nil {
					return nil, th.typeError("%s() got an unexpected keyword argument '%s'", f.Qualname, name)
				}
				extra.SetStr(name, kw.Values[i])
				continue
			}
			if fr.locals[j] != nil {
				return nil, th.typeError("%s() got multiple values for argument '%s'", f.Qualname, name)
			}
			fr.locals[j] = kw.Values[i]
		}
	}
	// defaults and missing arguments
	var missing []string
	firstDefault := np - len(f.Defaults)
	for i := 0; i < np; i++ {
		if fr.locals[i] == nil {
			if i >= firstDefault {
				fr.locals[i] = f.Defaults[i-firstDefault]
			} else {
				missing = append(missing, code.ArgNames[i])
			}
		}
	}
	if len(missing) > 0 {
		return nil, th.missingArgs(f, missing, "positional")
	}
	for i := np; i < len(code.ArgNames); i++ {
		if fr.locals[i] == nil {
			if f.KwDefaults != nil {
				if d, ok := f.KwDefaults.GetStr(code.ArgNames[i]); ok {
					fr.locals[i] = d
					continue
				}
			}
			missing = append(missing, code.ArgNames[i])
		}
	}
	if len(missing) > 0 {
		return nil, th.missingArgs(f, missing, "keyword-only")
	}
	for i, p := range code.CellParams {
		if p >= 0 {
			fr.cell(i).V = fr.locals[p]
		}
	}
	fr.charged = true
	return fr, th.alloc(fr.accountedSize())
}

func (th *Thread) tooManyPositional(f *Function, given int) error {
	np := f.Code.NumPos
	want := itoa(np)
	if len(f.Defaults) > 0 {
		want = "from " + itoa(np-len(f.Defaults)) + " to " + itoa(np)
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	return th.typeError("%s() takes %s positional argument%s but %d %s given", f.Qualname, want, plural(np), given, was)
}

func (th *Thread) missingArgs(f *Function, names []string, kind string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return th.typeError("%s() missing %d required %s argument%s: %s", f.Qualname, len(names), kind, plural(len(names)), list)
}

// inlineConstructors names the pylib/_inline.py helper that builds each
// container class from an iterator that may wait.
var inlineConstructors = map[*Class]string{
	ListClass: "list_of", TupleClass: "tuple_of", SetClass: "set_of",
	FrozenSetClass: "frozenset_of", DictClass: "dict_of",
}

// instantiate calls a class: built-in types construct natively; user classes
// get a new object whose __init__ runs as a frame of the VM.
func (th *Thread) instantiate(caller *Frame, c *Class, args []Value, kw *Kwargs) (*Frame, Value, error) {
	if c.Builtin == "greenlet" {
		return th.runInit(caller, c, th.newGreenletObject(c), args, kw)
	}
	// a container built from an iterator whose Python code may switch
	// greenlets is built by a Python helper running in the VM loop
	if caller != nil && th.native == 0 && len(args) == 1 && kw == nil {
		// (dict() of a mapping copies it; only pairs go to the helper)
		if helper := inlineConstructors[c]; helper != "" && th.mayBlockIn(args[0]) && !(c == DictClass && isMapping(args[0])) {
			return th.inlineHelper(caller, helper, args)
		}
	}
	if c.Builtin != "" && c.Builtin != "exception" {
		if ctor := builtinConstructors[c.Builtin]; ctor != nil {
			v, err := ctor(th, c, args, kw)
			return nil, v, err
		}
		return nil, nil, th.typeError("cannot create '%s' instances", c.Name)
	}
	if newFn := c.lookup("__new__"); newFn != nil {
		if sm, ok := newFn.(*StaticMethod); ok {
			newFn = sm.Func
		}
		if _, isPy := newFn.(*Function); isPy {
			obj, err := th.callValue(newFn, append([]Value{c}, args...), kw)
			if err != nil {
				return nil, nil, err
			}
			if o, ok := obj.(*Object); !ok || !o.Class.isSubclass(c) {
				return nil, obj, nil
			}
			return th.runInit(caller, c, obj.(*Object), args, kw)
		}
	}
	obj := &Object{Class: c, Dict: newStrDict(c.attrHint)} // attrHint is 0 unless c is a user class
	if err := th.alloc(96); err != nil {
		return nil, nil, err
	}
	if isExceptionClass(c) {
		st := excState(obj)
		st.Args = Tuple(append([]Value{}, args...))
		if c.isSubclass(StopIteration) || c.isSubclass(SystemExit) {
			st.Value = None
			if len(args) > 0 {
				st.Value = args[0]
			}
		}
	}
	return th.runInit(caller, c, obj, args, kw)
}

func (th *Thread) runInit(caller *Frame, c *Class, obj *Object, args []Value, kw *Kwargs) (*Frame, Value, error) {
	init := c.lookup("__init__")
	switch f := init.(type) {
	case nil:
		if (len(args) > 0 || kw.Len() > 0) && !isExceptionClass(c) && c.lookup("__new__") == nil {
			return nil, nil, th.typeError("%s() takes no arguments", c.Name)
		}
		return nil, obj, nil
	case *Function:
		var buf [6]Value // bindArgs copies its arguments: self plus a few need no allocation
		fr, err := th.bindArgs(f, append(append(buf[:0], obj), args...), kw)
		if err != nil {
			return nil, nil, err
		}
		if f.Code.Generator {
			// calling it makes a generator, which is not None
			return nil, nil, th.typeError("__init__() should return None, not 'generator'")
		}
		if caller == nil {
			fr.mode = modeGo
			saved := th.cur
			if th.pushFrame(fr) == nil {
				return nil, nil, th.recursionError()
			}
			th.native++
			v, _, err := th.run(fr)
			th.native--
			th.cur = saved
			if err != nil {
				return nil, nil, err
			}
			if v != None {
				return nil, nil, th.typeError("__init__() should return None, not '%s'", typeName(v))
			}
			return nil, obj, nil
		}
		fr.mode, fr.aux = modeInit, obj
		return fr, nil, nil
	default:
		_, err := th.callValue(init, append([]Value{obj}, args...), kw)
		return nil, obj, err
	}
}

// buildClassBuiltin runs a class body and creates the class (__build_class__).
var buildClassBuiltin = &Builtin{Name: "__build_class__"}

func init() { buildClassBuiltin.Fn = buildClass }

func buildClass(th *Thread, args []Value, kw *Kwargs) (Value, error) {
	body := args[0].(*Function)
	name := args[1].(string)
	var bases []*Class
	for _, b := range args[2:] {
		c, ok := b.(*Class)
		if !ok {
			return nil, th.typeError("bases must be types")
		}
		bases = append(bases, c)
	}
	if _, ok := kw.Get("metaclass"); ok {
		return nil, th.typeError("metaclasses are not supported here")
	}
	ns := NewDict()
	// like CPython: the defining module's __name__ (a class body may change it)
	modName := Value("__main__")
	if body.Globals != nil {
		if n, ok := body.Globals.Dict.GetStr("__name__"); ok {
			modName = n
		}
	}
	ns.SetStr("__module__", modName)
	ns.SetStr("__qualname__", body.Qualname)
	fr := th.newFrame(body.Code, body, body.Globals)
	fr.aux = ns // a class body's namespace
	fr.mode = modeGo
	saved := th.cur
	if th.pushFrame(fr) == nil {
		return nil, th.recursionError()
	}
	th.native++
	cell, _, err := th.run(fr)
	th.native--
	th.cur = saved
	if err != nil {
		return nil, err
	}
	if len(bases) == 0 {
		bases = []*Class{ObjectClass}
	}
	cls, err := th.makeClass(name, bases, ns)
	if err != nil {
		return nil, err
	}
	if c, ok := cell.(*Cell); ok {
		c.V = cls
	}
	return cls, nil
}

// mayBlockIn reports whether iterating v runs Python code that may switch
// greenlets: a class's __iter__/__next__, or a generator once the program
// uses gevent or threads (list(pool.imap(...)) waits in the generator).
func (th *Thread) mayBlockIn(v Value) bool {
	if g, ok := v.(*Generator); ok {
		return g.frame != nil && (th.usesGevent || th.threads > 0)
	}
	return hasPythonIter(v)
}

// hasPythonIter reports whether v is an instance whose iteration runs Python
// code (a class defining __iter__ or __next__ in Python).
func hasPythonIter(v Value) bool {
	o, ok := v.(*Object)
	if !ok {
		return false
	}
	for _, name := range []string{"__iter__", "__next__"} {
		if _, isPy := o.Class.lookup(name).(*Function); isPy {
			return true
		}
	}
	return false
}

// inlineHelper starts a call of the Python helper name of pylib/_inline.py as
// a frame of the VM loop, so that the user code it calls back may switch
// greenlets.
func (th *Thread) inlineHelper(caller *Frame, name string, args []Value) (*Frame, Value, error) {
	fn, err := th.inlineFunc(name)
	if err != nil {
		return nil, nil, err
	}
	return th.prepareCall(caller, fn, args, nil)
}

// pushInlineHelper calls the helper name of pylib/_inline.py so that its
// result is pushed on fr's stack; it returns the frame to continue in.
func (th *Thread) pushInlineHelper(fr *Frame, name string, args ...Value) (*Frame, error) {
	fn, err := th.inlineFunc(name)
	if err != nil {
		return fr, err
	}
	return th.callInline(fr, fn, args, nil)
}

// inlineFunc is the helper name of pylib/_inline.py.
func (th *Thread) inlineFunc(name string) (Value, error) {
	m, err := th.loadModule("_inline")
	if err != nil {
		return nil, err
	}
	fn, ok := m.Dict.GetStr(name)
	if !ok {
		return nil, &haltError{Kind: "internal", Reason: "internal error: the library helper " + name + " is missing"}
	}
	return fn, nil
}
