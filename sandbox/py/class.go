package py

// This file defines classes: C3 method resolution order, attribute lookup
// with descriptors (functions, properties, static and class methods), and
// super().

import (
	"math/big"
	"sort"
	"strings"
)

// ObjectClass is the class "object", the root of every class.
var ObjectClass = &Class{Name: "object", Dict: NewDict(), Builtin: "object", Module: "builtins"}

func init() { ObjectClass.MRO = []*Class{ObjectClass} }

// newClass creates a class with a simple MRO (used for built-in classes).
func newClass(name string, bases []*Class, dict *Dict) *Class {
	c := &Class{Name: name, Bases: bases, Dict: dict}
	mro, _ := c3(c)
	c.MRO = mro
	return c
}

// makeClass creates a user class, checking that its MRO is consistent.
func (th *Thread) makeClass(name string, bases []*Class, ns *Dict) (*Class, error) {
	c := &Class{Name: name, Bases: bases, Dict: ns, Module: "__main__", userClass: true}
	if m, ok := ns.GetStr("__module__"); ok {
		if ms, ok := m.(string); ok {
			c.Module = ms
		}
	}
	for _, b := range bases {
		if b.Builtin != "" && b.Builtin != "object" && b.Builtin != "exception" {
			if _, ok := subclassable[b.Builtin]; !ok {
				return nil, th.typeError("type '%s' is not an acceptable base type", b.Name)
			}
			c.Builtin = b.Builtin
		}
	}
	mro, ok := c3(c)
	if !ok {
		names := make([]string, len(bases))
		for i, b := range bases {
			names[i] = b.Name
		}
		return nil, th.typeError("Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
	}
	c.MRO = mro
	if init := c.lookup("__init_subclass__"); init != nil {
		_ = init
	}
	return c, nil
}

// subclassable lists the built-in types user classes may derive from.
var subclassable = map[string]bool{}

// c3 computes the C3 linearization of c.
func c3(c *Class) ([]*Class, bool) {
	var seqs [][]*Class
	for _, b := range c.Bases {
		seqs = append(seqs, append([]*Class{}, b.MRO...))
	}
	seqs = append(seqs, append([]*Class{}, c.Bases...))
	out := []*Class{c}
	for {
		nonEmpty := seqs[:0]
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = append(nonEmpty, s)
			}
		}
		seqs = nonEmpty
		if len(seqs) == 0 {
			return out, true
		}
		var head *Class
		for _, s := range seqs {
			cand := s[0]
			inTail := false
			for _, t := range seqs {
				for _, x := range t[1:] {
					if x == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				head = cand
				break
			}
		}
		if head == nil {
			return nil, false
		}
		out = append(out, head)
		for i, s := range seqs {
			if s[0] == head {
				seqs[i] = s[1:]
			}
		}
	}
}

// lookup finds name along the MRO (no descriptor binding).
func (c *Class) lookup(name string) Value {
	for _, k := range c.MRO {
		if v, ok := k.Dict.GetStr(name); ok {
			return v
		}
	}
	return nil
}

func (c *Class) isSubclass(b *Class) bool {
	for _, k := range c.MRO {
		if k == b {
			return true
		}
	}
	return false
}

// bind applies the descriptor protocol of a class attribute read through obj.
func (th *Thread) bind(attr Value, obj Value, cls *Class) (Value, error) {
	switch a := attr.(type) {
	case *Function:
		if obj == nil {
			return a, nil
		}
		return &BoundMethod{Self: obj, Func: a}, nil
	case *Builtin:
		if obj == nil || a.Self != nil {
			return a, nil
		}
		return &BoundMethod{Self: obj, Func: a}, nil
	case *StaticMethod:
		return a.Func, nil
	case *ClassMethod:
		return &BoundMethod{Self: cls, Func: a.Func}, nil
	case *Property:
		if obj == nil {
			return a, nil
		}
		if a.Get == nil || a.Get == None {
			return nil, th.newErr(AttributeError, "property object has no getter")
		}
		return th.callValue(a.Get, []Value{obj}, nil)
	}
	return attr, nil
}

// getAttr implements obj.name.
func (th *Thread) getAttr(obj Value, name string) (Value, error) {
	switch o := obj.(type) {
	case *Object:
		attr := o.Class.lookup(name)
		if p, ok := attr.(*Property); ok {
			return th.bind(p, o, o.Class)
		}
		if v, ok := o.Dict.GetStr(name); ok {
			return v, nil
		}
		if attr != nil {
			return th.bind(attr, o, o.Class)
		}
		if v, ok, err := th.objectSpecialAttr(o, name); ok || err != nil {
			return v, err
		}
		if ga := o.Class.lookup("__getattr__"); ga != nil {
			return th.callValue(ga, []Value{o, name}, nil)
		}
		return nil, th.attrError(obj, name)
	case *Class:
		for _, k := range o.MRO {
			if v, ok := k.Dict.GetStr(name); ok {
				return th.bind(v, nil, o)
			}
		}
		switch name {
		case "__name__", "__qualname__":
			return o.Name, nil
		case "__mro__":
			t := make(Tuple, len(o.MRO))
			for i, k := range o.MRO {
				t[i] = k
			}
			return t, nil
		case "__bases__":
			t := make(Tuple, len(o.Bases))
			for i, k := range o.Bases {
				t[i] = k
			}
			return t, nil
		case "__dict__":
			// a snapshot: CPython's is read-only, and changes must go through
			// setattr (built-in classes are shared by every run; attribute
			// caches watch setattr)
			return o.Dict.copy(), nil
		case "__module__":
			return o.Module, nil
		case "__doc__":
			return None, nil
		}
		if m := builtinTypeMethod(o, name); m != nil {
			return m, nil
		}
		return nil, th.attrError(o, name)
	case *Module:
		if v, ok := o.Dict.GetStr(name); ok {
			return v, nil
		}
		if name == "__name__" {
			return o.Name, nil
		}
		if name == "__dict__" {
			return o.Dict, nil
		}
		return nil, th.attrError(o, name)
	case *Super:
		return th.superAttr(o, name)
	case *Generator:
		switch name {
		case "gi_frame":
			if o.state == genClosed {
				return None, nil
			}
			return &Object{Class: frameClass, Dict: NewDict()}, nil
		case "gi_running":
			return o.state == genRunning, nil
		case "gi_suspended":
			return o.state == genSuspended, nil
		case "gi_yieldfrom":
			return orNone(o.yieldFrom), nil
		case "__name__":
			return o.name, nil
		case "__qualname__":
			return o.qualname, nil
		}
	case *Function:
		switch name {
		case "__name__":
			return o.Name, nil
		case "__qualname__":
			return o.Qualname, nil
		case "__doc__":
			return None, nil
		case "__module__":
			if o.Globals != nil {
				if n, ok := o.Globals.Dict.GetStr("__name__"); ok {
					return n, nil
				}
			}
			return "__main__", nil
		case "__defaults__":
			if o.Defaults == nil {
				return None, nil
			}
			return Tuple(o.Defaults), nil
		case "__wrapped__", "__dict__":
		}
		if o.Dict != nil {
			if v, ok := o.Dict.GetStr(name); ok {
				return v, nil
			}
		}
		if name == "__dict__" {
			if o.Dict == nil {
				o.Dict = NewDict()
			}
			return o.Dict, nil
		}
		return nil, th.attrError(obj, name)
	case *BoundMethod:
		switch name {
		case "__self__":
			return o.Self, nil
		case "__func__":
			return o.Func, nil
		}
		return th.getAttr(o.Func, name)
	case *Builtin:
		if name == "__name__" || name == "__qualname__" {
			return o.Name, nil
		}
		if name == "__self__" && o.Self != nil {
			return o.Self, nil
		}
		if name == "__self__" && o.Owner == "" {
			// a module's function: CPython's __self__ is the module
			return th.builtinModule(o), nil
		}
		return nil, th.attrError(obj, name)
	case *Property:
		switch name {
		case "setter", "getter", "deleter":
			p := o
			return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
				n := *p
				switch name {
				case "setter":
					n.Set = args[0]
				case "getter":
					n.Get = args[0]
				case "deleter":
					n.Del = args[0]
				}
				return &n, nil
			}}, nil
		case "fget":
			return o.Get, nil
		}
	}
	if v, ok := numberAttr(obj, name); ok {
		return v, nil
	}
	if m := th.builtinMethod(obj, name); m != nil {
		return m, nil
	}
	return nil, th.attrError(obj, name)
}

// numberAttr gives the data attributes of int, bool and float (real, imag,
// numerator, denominator) and of slice (start, stop, step).
func numberAttr(obj Value, name string) (Value, bool) {
	switch v := obj.(type) {
	case bool, int, *big.Int:
		if b, isBool := v.(bool); isBool {
			obj = boolInt(b)
		}
		switch name {
		case "real", "numerator":
			return obj, true
		case "imag":
			return 0, true
		case "denominator":
			return 1, true
		}
	case float64:
		switch name {
		case "real":
			return v, true
		case "imag":
			return 0.0, true
		}
	case *Slice:
		switch name {
		case "start":
			return orNone(v.Start), true
		case "stop":
			return orNone(v.Stop), true
		case "step":
			return orNone(v.Step), true
		}
	}
	return nil, false
}

func (th *Thread) objectSpecialAttr(o *Object, name string) (Value, bool, error) {
	switch name {
	case "__class__":
		return o.Class, true, nil
	case "__dict__":
		return o.Dict, true, nil
	}
	if isExceptionClass(o.Class) {
		st := excState(o)
		switch name {
		case "args":
			return st.Args, true, nil
		case "__cause__":
			return orNone(st.Cause), true, nil
		case "__context__":
			return orNone(st.Context), true, nil
		case "__suppress_context__":
			return st.SuppressContext, true, nil
		case "__traceback__":
			if len(st.TB) == 0 {
				return None, true, nil
			}
			return newTraceback(st.TB, false), true, nil
		case "value":
			if o.Class.isSubclass(StopIteration) {
				return st.Value, true, nil
			}
		case "code":
			if o.Class.isSubclass(SystemExit) {
				return st.Value, true, nil
			}
		case "errno", "strerror":
			if o.Class.isSubclass(OSError) {
				if len(st.Args) >= 2 {
					if name == "errno" {
						return st.Args[0], true, nil
					}
					return st.Args[1], true, nil
				}
				return None, true, nil
			}
		case "with_traceback":
			return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
				if len(args) != 1 || kw.Len() > 0 {
					return nil, th.typeError("BaseException.with_traceback() takes exactly one argument (%d given)", len(args))
				}
				switch tb := args[0].(type) {
				case NoneType:
					st.TB = nil
				case *Object:
					entries, ok := tb.Native.([]TBEntry)
					if !ok || tb.Class != tracebackClass {
						return nil, th.typeError("__traceback__ must be a traceback or None")
					}
					// a copy: raising appends to it
					st.TB = append([]TBEntry(nil), entries...)
				default:
					return nil, th.typeError("__traceback__ must be a traceback or None")
				}
				return o, nil
			}}, true, nil
		case "add_note":
			return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return None, nil }}, true, nil
		}
	}
	return nil, false, nil
}

var frameClass = &Class{Name: "frame", Dict: NewDict(), Builtin: "frame", MRO: nil}

func init() { frameClass.MRO = []*Class{frameClass, ObjectClass} }

var tracebackClass = &Class{Name: "traceback", Dict: NewDict(), Builtin: "traceback", MRO: nil}

// newTraceback is a traceback object holding a copy of tb's entries (as
// rebuilt from a pickle by gevent when reloaded is set).
func newTraceback(tb []TBEntry, reloaded bool) *Object {
	entries := append([]TBEntry(nil), tb...)
	if reloaded {
		for i := range entries {
			entries[i].Reloaded = true
		}
	}
	return &Object{Class: tracebackClass, Dict: NewDict(), Native: entries}
}

func init() { tracebackClass.MRO = []*Class{tracebackClass, ObjectClass} }

func orNone(v Value) Value {
	if v == nil {
		return None
	}
	return v
}

func (th *Thread) attrError(obj Value, name string) error {
	msg := "'" + typeName(obj) + "' object has no attribute '" + name + "'"
	switch o := obj.(type) {
	case *Module:
		msg = "module '" + o.Name + "' has no attribute '" + name + "'"
	case *Class:
		msg = "type object '" + o.Name + "' has no attribute '" + name + "'"
	}
	exc := newExc(AttributeError, msg)
	excState(exc).Suggestion = closest(name, th.attrNames(obj))
	return &PyError{Exc: exc}
}

// attrNames lists the attribute names of obj, for "Did you mean" suggestions.
func (th *Thread) attrNames(obj Value) []string {
	var names []string
	switch o := obj.(type) {
	case *Object:
		names = append(names, o.Dict.StrKeys()...)
		for _, c := range o.Class.MRO {
			names = append(names, c.Dict.StrKeys()...)
		}
	case *Module:
		names = append(names, o.Dict.StrKeys()...)
	case *Class:
		for _, c := range o.MRO {
			names = append(names, c.Dict.StrKeys()...)
		}
		for n := range methodTables[o.Builtin] {
			names = append(names, n)
		}
	default:
		names = builtinMethodNames(obj)
	}
	sort.Strings(names)
	return names
}

// setAttr implements obj.name = v.
func (th *Thread) setAttr(obj Value, name string, v Value) error {
	switch o := obj.(type) {
	case *Object:
		if err := th.checkWritable(o, name); err != nil {
			return err
		}
		if p, ok := o.Class.lookup(name).(*Property); ok {
			if p.Set == nil || p.Set == None {
				return th.newErr(AttributeError, "property '%s' of '%s' object has no setter", name, o.Class.Name)
			}
			_, err := th.callValue(p.Set, []Value{o, v}, nil)
			return err
		}
		if sa := o.Class.lookup("__setattr__"); sa != nil {
			if _, isPy := sa.(*Function); isPy {
				_, err := th.callValue(sa, []Value{o, name, v}, nil)
				return err
			}
		}
		if isExceptionClass(o.Class) {
			st := excState(o)
			switch name {
			case "__cause__":
				st.Cause = nilIfNone(v)
				st.SuppressContext = true
				return nil
			case "__context__":
				st.Context = nilIfNone(v)
				return nil
			case "__suppress_context__":
				st.SuppressContext = truthy(v)
				return nil
			case "args":
				items, err := th.iterate(v)
				st.Args = Tuple(items)
				return err
			}
		}
		o.Dict.SetStr(name, v)
		return nil
	case *Class:
		if !o.userClass || o.frozen {
			// the built-in classes are shared by every run: never changed
			return th.immutableType(o, name)
		}
		th.classEpoch++
		o.Dict.SetStr(name, v)
		return nil
	case *Module:
		o.Dict.SetStr(name, v)
		return nil
	case *Function:
		if name == "__name__" {
			if s, ok := v.(string); ok {
				o.Name = s
				return nil
			}
		}
		if name == "__qualname__" {
			if s, ok := v.(string); ok {
				o.Qualname = s
				return nil
			}
		}
		if o.Dict == nil {
			o.Dict = NewDict()
		}
		o.Dict.SetStr(name, v)
		return nil
	}
	if _, err := th.getAttr(obj, name); err == nil {
		return th.newErr(AttributeError, "'%s' object attribute '%s' is read-only", typeName(obj), name)
	}
	return th.newErr(AttributeError, "'%s' object has no attribute '%s'", typeName(obj), name)
}

// immutableType is CPython's error for changing a built-in class.
// checkWritable refuses a program's store to an attribute that a frozen
// class's instances have read-only (gevent's Greenlet.args, value...);
// the library's own code may store it.
func (th *Thread) checkWritable(o *Object, name string) error {
	c := o.Class.readonlyOwner(name)
	if c == nil || th.cur != nil && isLibraryCode(th.cur.code) {
		return nil
	}
	return th.newErr(AttributeError, "attribute '%s' of '%s.%s' objects is not writable", name, c.Module, c.Name)
}

// readonlyOwner is the class in c's MRO whose instances have name
// read-only, or nil (most names, most classes): a store of it then takes
// the VM's slow path, where checkWritable looks.
func (c *Class) readonlyOwner(name string) *Class {
	for _, k := range c.MRO {
		if k.readonly[name] {
			return k
		}
	}
	return nil
}

func (th *Thread) immutableType(c *Class, name string) error {
	typ := c.Name
	if c.Module != "" && c.Module != "builtins" {
		typ = c.Module + "." + c.Name
	}
	return th.typeError("cannot set '%s' attribute of immutable type '%s'", name, typ)
}

func nilIfNone(v Value) Value {
	if v == None {
		return nil
	}
	return v
}

func (th *Thread) delAttr(obj Value, name string) error {
	switch o := obj.(type) {
	case *Object:
		if err := th.checkWritable(o, name); err != nil {
			return err
		}
		if p, ok := o.Class.lookup(name).(*Property); ok && p.Del != nil {
			_, err := th.callValue(p.Del, []Value{o}, nil)
			return err
		}
		if o.Dict.DelStr(name) {
			return nil
		}
		return th.attrError(obj, name)
	case *Class:
		if !o.userClass || o.frozen {
			return th.immutableType(o, name)
		}
		th.classEpoch++
		if o.Dict.DelStr(name) {
			return nil
		}
		return th.newErr(AttributeError, "type object '%s' has no attribute '%s'", o.Name, name)
	case *Module:
		if o.Dict.DelStr(name) {
			return nil
		}
	}
	return th.attrError(obj, name)
}

// superAttr looks name up after s.Class in the MRO of s.Self's class.
func (th *Thread) superAttr(s *Super, name string) (Value, error) {
	var cls *Class
	var obj Value
	switch o := s.Self.(type) {
	case *Object:
		cls, obj = o.Class, o
	case *Class:
		cls = o
	default:
		cls = typeOf(o)
		obj = o
	}
	mro := cls.MRO
	i := 0
	for i < len(mro) && mro[i] != s.Class {
		i++
	}
	for _, k := range mro[i+1:] {
		if v, ok := k.Dict.GetStr(name); ok {
			if obj == nil {
				if cm, ok := v.(*ClassMethod); ok {
					return &BoundMethod{Self: cls, Func: cm.Func}, nil
				}
				return v, nil
			}
			return th.bind(v, obj, cls)
		}
		if k == ObjectClass || k.Builtin == "exception" {
			if m := objectMethod(k, name); m != nil {
				return &BoundMethod{Self: obj, Func: m}, nil
			}
		}
	}
	return nil, th.newErr(AttributeError, "'super' object has no attribute '%s'", name)
}

// lookupSpecial finds a special method on the type of obj, bound to obj.
func (th *Thread) lookupSpecial(obj Value, name string) (Value, error) {
	if o, ok := obj.(*Object); ok {
		if m := o.Class.lookup(name); m != nil {
			return th.bind(m, o, o.Class)
		}
		if name == "__enter__" || name == "__exit__" {
			return nil, th.typeError("'%s' object does not support the context manager protocol", o.Class.Name)
		}
		return nil, th.attrError(obj, name)
	}
	v, err := th.getAttr(obj, name)
	if err != nil && (name == "__enter__" || name == "__exit__") {
		return nil, th.typeError("'%s' object does not support the context manager protocol", typeName(obj))
	}
	return v, err
}

// builtinModule finds the module a native function belongs to (None when
// none of the loaded modules holds it).
func (th *Thread) builtinModule(b *Builtin) Value {
	if v, ok := th.builtins.GetStr(b.Name); ok && v == Value(b) {
		if m, ok := th.modules["builtins"]; ok {
			return m
		}
		return &Module{Name: "builtins", Dict: th.builtins}
	}
	for _, m := range th.modules {
		if v, ok := m.Dict.GetStr(b.Name); ok && v == Value(b) {
			return m
		}
	}
	return None
}
