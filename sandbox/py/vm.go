package py

// This file defines the bytecode interpreter loop. Python-to-Python calls,
// generator resumption and returns switch frames inside this one loop.

import (
	"math/big"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/syntax"
)

// suspended is returned by builtins that switched frames themselves (next(gen),
// gen.send): the caller must not push a result.
type suspendedT struct{}

var suspended Value = suspendedT{}

// runResult tells how run's base frame ended.
const (
	endReturn = iota
	endYield
)

// kwNames is the constant a CALL_KW takes: the keyword names of the call,
// shared by every execution (nothing writes to a call's Kwargs.Names).
type kwNames []string

// codeData is what the VM keeps per code object: its constants as values and
// the inline caches of its global-name loads. Code objects belong to one run
// (each run compiles its programs and library modules), so no lock is needed.
type codeData struct {
	consts  []Value
	globals []globalCache // one per instruction, made at the first global load
	attrs   []attrCache   // one per instruction, made at the first attribute access
}

// attrCache remembers, for one attribute instruction, what the class of the
// last object it saw has under the name (attr; nil when no class in the MRO
// has it, so the instance dict alone decides), while no class attribute has
// changed since (epoch). plainStore says a store goes straight to the
// instance dict: no property, no Python __setattr__, not an exception.
type attrCache struct {
	cls        *Class
	epoch      int
	attr       Value
	plainStore bool
	kind       string   // LOAD_METHOD on a built-in value: its builtinKind...
	method     *Builtin // ...and the unbound method found for it
}

// attrCacheFor returns the attribute cache of the instruction being run,
// brought up to date for o's class.
func (th *Thread) attrCacheFor(fr *Frame, o *Object, name string) *attrCache {
	c := fr.attrSlot()
	if c.cls != o.Class || c.epoch != th.classEpoch {
		attr := o.Class.lookup(name)
		_, isProp := attr.(*Property)
		_, pySetattr := o.Class.lookup("__setattr__").(*Function)
		*c = attrCache{cls: o.Class, epoch: th.classEpoch, attr: attr,
			plainStore: !isProp && !pySetattr && !isExceptionClass(o.Class) && o.Class.readonlyOwner(name) == nil}
	}
	return c
}

// attrSlot is the attribute cache of the instruction being run.
func (fr *Frame) attrSlot() *attrCache {
	if fr.data.attrs == nil {
		fr.data.attrs = make([]attrCache, len(fr.code.Instrs))
	}
	return &fr.data.attrs[fr.pc-1]
}

// globalCache remembers where LOAD_GLOBAL or LOAD_NAME found its name: entry
// idx of dict d, valid while d's version (which changes on every insertion
// and deletion) is still ver. A name found in the builtins also needs the
// globals (and the class namespace for LOAD_NAME) unchanged: outer is the
// dict that did not have it, at version outerVer.
type globalCache struct {
	d        *Dict
	ver      int
	idx      int
	outer    *Dict
	outerVer int
}

// dataOf returns the VM's data for code, making it on first use.
func dataOf(code *compile.Code) *codeData {
	if c, ok := code.Cache.(*codeData); ok {
		return c
	}
	c := &codeData{consts: constsOf(code)}
	code.Cache = c
	return c
}

// lookupCached reads a global name through the instruction's inline cache.
func (fr *Frame) lookupCached(pc int) (Value, bool) {
	gs := fr.data.globals
	if gs == nil {
		return nil, false
	}
	c := &gs[pc]
	if c.d == nil || c.d.version != c.ver {
		return nil, false
	}
	// found in the globals, or in the builtins while the globals lack it
	if g := fr.globals.Dict; c.outer == nil && c.d != g || c.outer != nil && (c.outer != g || c.outer.version != c.outerVer) {
		return nil, false
	}
	return c.d.entries[c.idx].value, true
}

// fillCache records where the name of the instruction at pc was found: in
// d, or in the builtins d after the globals outer did not have it.
func (fr *Frame) fillCache(pc int, d, outer *Dict, name string) {
	i, ok := d.strIndexOf(name)
	if !ok {
		return
	}
	if fr.data.globals == nil {
		fr.data.globals = make([]globalCache, len(fr.code.Instrs))
	}
	c := globalCache{d: d, ver: d.version, idx: i}
	if outer != nil {
		c.outer, c.outerVer = outer, outer.version
	}
	fr.data.globals[pc] = c
}

// skipCovered moves past the n instructions a superinstruction did the work
// of, counting them against the step budget as if they had run one by one.
func (th *Thread) skipCovered(fr *Frame, n int) {
	fr.pc += n
	th.steps -= int64(n)
}

// fusedOperands reads the operands of a superinstruction that starts with
// LOAD_FAST a and then loads b from a local (bLocal) or a constant.
func (fr *Frame) fusedOperands(a, b int32, bLocal bool) (x, y Value) {
	if bLocal {
		return fr.locals[a], fr.locals[b]
	}
	return fr.locals[a], fr.consts[b]
}

// bothInts returns x and y as small ints, when both are.
func bothInts(x, y Value) (xi, yi int, ok bool) {
	if xi, ok = x.(int); ok {
		yi, ok = y.(int)
	}
	return xi, yi, ok
}

// intFast is x op y on the VM's fast path: the boxed result when both are
// small ints and the result needs no general path (overflow, division).
func (th *Thread) intFast(op int, x, y Value) (Value, bool) {
	xi, yi, ok := bothInts(x, y)
	if !ok {
		return nil, false
	}
	r, ok := smallIntOp(op, xi, yi)
	if !ok {
		return nil, false
	}
	return th.ints.box(r), true
}

// storeGlobal sets a global name, through the instruction's inline cache
// when the name is where the cache last saw it.
func (fr *Frame) storeGlobal(pc int, name string, v Value) {
	g := fr.globals.Dict
	if gs := fr.data.globals; gs != nil {
		if c := &gs[pc]; c.d == g && c.outer == nil && c.ver == g.version {
			g.entries[c.idx].value = v
			return
		}
	}
	g.SetStr(name, v)
	fr.fillCache(pc, g, nil, name)
}

// constsOf converts a code object's constants to values.
func constsOf(code *compile.Code) []Value {
	out := make([]Value, len(code.Consts))
	for i, c := range code.Consts {
		switch c := c.(type) {
		case nil:
			out[i] = None
		case int64:
			out[i] = int(c)
		case *big.Int:
			out[i] = c
		case float64, string, bool:
			out[i] = c
		case []byte:
			out[i] = Bytes(c)
		case syntax.Ellipsis:
			out[i] = Ellipsis
		case []string:
			out[i] = kwNames(c)
		default:
			out[i] = c // *compile.Code
		}
	}
	return out
}

// newFrame makes a frame for code, reusing the frame of a finished call when
// one is spare: calls are the commonest allocation of a running program.
func (th *Thread) newFrame(code *compile.Code, fn *Function, globals *Module) *Frame {
	nl, nc := len(code.Locals), len(code.Cells)+len(code.Frees)
	need := nl + nc + code.MaxStack
	var fr *Frame
	var space []Value
	if n := len(th.spareFrames); n > 0 {
		fr = th.spareFrames[n-1]
		th.spareFrames = th.spareFrames[:n-1]
		space = fr.space()
		if cap(space) < need {
			space = make([]Value, need)
		}
		space = space[:need]
		// releaseFrame cleared the references; set the rest field by field
		// (a whole-struct assignment costs a third of a call)
		data := dataOf(code)
		fr.code, fr.fn, fr.globals, fr.data, fr.consts = code, fn, globals, data, data.consts
		fr.pc, fr.sp, fr.mode, fr.forTarget, fr.charged, fr.owned = 0, 0, modePush, 0, false, 0
	} else {
		data := dataOf(code)
		fr = &Frame{code: code, fn: fn, globals: globals, data: data, consts: data.consts}
		space = make([]Value, need)
	}
	fr.locals, fr.stack = space[:nl], space[nl+nc:]
	if nc > 0 {
		cells := space[nl : nl+nc]
		for i := range code.Cells {
			cells[i] = &Cell{}
		}
		if fn != nil {
			for i, c := range fn.Closure {
				cells[len(code.Cells)+i] = c
			}
		}
	}
	return fr
}

// copyValues is copy(dst, src) for a call's few arguments (dst is at least as
// long): an element loop costs less than copy's call into the runtime.
func copyValues(dst, src []Value) {
	for i, v := range src {
		dst[i] = v
	}
}

// releaseFrame keeps the frame of a finished call for reuse. Only frames no
// one can reach any more come here: never a generator's frame (tracebacks
// keep code and line, not frames).
func (th *Thread) releaseFrame(fr *Frame) {
	if len(th.spareFrames) >= maxSpareFrames {
		return
	}
	space := fr.space()
	if len(space) <= 16 {
		// a short loop costs less than clear's call into the runtime (written
		// backwards: Go turns the forward form back into that call)
		for i := len(space) - 1; i >= 0; i-- {
			space[i] = nil
		}
	} else {
		clear(space)
	}
	fr.popHandled(0) // its stack of exceptions is kept empty, for the next call
	fr.locals, fr.stack, fr.aux = space[:0], nil, nil
	fr.fn, fr.globals, fr.back, fr.gen = nil, nil, nil, nil
	th.spareFrames = append(th.spareFrames, fr)
}

// run executes from th.cur until base returns (or, for a generator driven
// from Go, yields). It reports the value and how base ended.
func (th *Thread) run(base *Frame) (Value, int, error) {
	fr := th.cur
	for {
		// err is the instruction's error: declared here, not carried from one
		// instruction to the next, it costs the dispatch nothing
		var err error
		th.steps--
		if th.steps <= 0 {
			if err = th.slowPath(); err != nil {
				return nil, 0, err
			}
			if th.preemptDue(fr) {
				// between two instructions: a thread's turn is over
				if fr, err = th.preempt(fr); err != nil {
					var done bool
					if fr, done, err = th.unwind(th.cur, err, base); done {
						return nil, 0, err
					}
				}
				continue
			}
		}
		in := fr.code.Instrs[fr.pc]
		fr.pc++
	dispatch:
		switch in.Op {
		case compile.NOP:
		case compile.POP_TOP:
			fr.sp--
			fr.stack[fr.sp] = nil
		case compile.DUP_TOP:
			fr.push(fr.stack[fr.sp-1])
		case compile.DUP_TOP_TWO:
			fr.push(fr.stack[fr.sp-2])
			fr.push(fr.stack[fr.sp-2])
		case compile.ROT_TWO:
			s := fr.stack
			s[fr.sp-1], s[fr.sp-2] = s[fr.sp-2], s[fr.sp-1]
		case compile.ROT_THREE:
			s, n := fr.stack, fr.sp
			s[n-1], s[n-2], s[n-3] = s[n-2], s[n-3], s[n-1]
		case compile.ROT_FOUR:
			s, n := fr.stack, fr.sp
			s[n-1], s[n-2], s[n-3], s[n-4] = s[n-2], s[n-3], s[n-4], s[n-1]
		case compile.LOAD_CONST:
			fr.push(fr.consts[in.Arg])
		case compile.LOAD_FAST:
			v := fr.locals[in.Arg]
			if v == nil {
				err = th.newErr(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", fr.code.Locals[in.Arg])
				break
			}
			fr.push(v)
		case compile.LOAD_FAST_SHARED:
			v := fr.locals[in.Arg]
			if v == nil {
				in.Op = compile.LOAD_FAST
				goto dispatch
			}
			fr.owned = 0
			fr.push(v)
		case compile.STORE_FAST:
			fr.locals[in.Arg] = fr.pop()
		case compile.STORE_FAST_SHARED:
			fr.owned = 0
			fr.locals[in.Arg] = fr.pop()
		case compile.DELETE_FAST:
			if fr.locals[in.Arg] == nil {
				err = th.newErr(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", fr.code.Locals[in.Arg])
				break
			}
			fr.locals[in.Arg] = nil
		case compile.LOAD_DEREF:
			v := fr.cell(int(in.Arg)).V
			if v == nil {
				err = th.derefError(fr, int(in.Arg))
				break
			}
			fr.push(v)
		case compile.STORE_DEREF:
			fr.cell(int(in.Arg)).V = fr.pop()
		case compile.DELETE_DEREF:
			fr.cell(int(in.Arg)).V = nil
		case compile.LOAD_CLOSURE:
			fr.push(fr.cell(int(in.Arg)))
		case compile.LOAD_GLOBAL:
			if v, ok := fr.lookupCached(fr.pc - 1); ok {
				fr.push(v)
				break
			}
			name := fr.code.Names[in.Arg]
			v, ok := fr.globals.Dict.GetStr(name)
			if ok {
				fr.fillCache(fr.pc-1, fr.globals.Dict, nil, name)
			} else if v, ok = th.builtins.GetStr(name); ok {
				fr.fillCache(fr.pc-1, th.builtins, fr.globals.Dict, name)
			}
			if !ok {
				err = th.nameError(name)
				break
			}
			fr.push(v)
		case compile.STORE_GLOBAL:
			fr.storeGlobal(fr.pc-1, fr.code.Names[in.Arg], fr.pop())
		case compile.DELETE_GLOBAL:
			if !fr.globals.Dict.DelStr(fr.code.Names[in.Arg]) {
				err = th.nameError(fr.code.Names[in.Arg])
			}
		case compile.LOAD_NAME: // only class bodies have names apart from their globals
			name := fr.code.Names[in.Arg]
			v, ok := fr.nameSpace().GetStr(name)
			if !ok {
				v, ok = fr.globals.Dict.GetStr(name)
			}
			if !ok {
				v, ok = th.builtins.GetStr(name)
			}
			if !ok {
				err = th.nameError(name)
				break
			}
			fr.push(v)
		case compile.STORE_NAME:
			fr.nameSpace().SetStr(fr.code.Names[in.Arg], fr.pop())
		case compile.DELETE_NAME:
			if !fr.nameSpace().DelStr(fr.code.Names[in.Arg]) {
				err = th.nameError(fr.code.Names[in.Arg])
			}
		case compile.LOAD_ATTR:
			if o, ok := fr.top().(*Object); ok {
				name := fr.code.Names[in.Arg]
				if c := th.attrCacheFor(fr, o, name); c.attr == nil {
					if v, ok := o.Dict.GetStr(name); ok {
						fr.stack[fr.sp-1] = v
						break
					}
				}
			}
			var v Value
			v, err = th.getAttr(fr.top(), fr.code.Names[in.Arg])
			if err == nil {
				fr.stack[fr.sp-1] = v
			}
		case compile.STORE_ATTR:
			obj := fr.pop()
			val := fr.pop()
			if o, ok := obj.(*Object); ok {
				name := fr.code.Names[in.Arg]
				if th.attrCacheFor(fr, o, name).plainStore {
					d := o.Dict
					d.setStrBoxed(name, fr.code.NameValues[in.Arg], val)
					if c := o.Class; d.live > c.attrHint && c.userClass {
						c.attrHint = d.live // the class's next instances get room for this many at once
					}
					break
				}
			}
			err = th.setAttr(obj, fr.code.Names[in.Arg], val)
		case compile.DELETE_ATTR:
			err = th.delAttr(fr.pop(), fr.code.Names[in.Arg])
		// superinstructions (compile/fuse.go): the common case of a run of
		// instructions, or else its first instruction as it was
		case compile.LOAD_FAST_LOAD_FAST:
			a, b := fr.locals[in.Arg], fr.locals[fr.code.Instrs[fr.pc].Arg]
			if a == nil || b == nil {
				in.Op = compile.LOAD_FAST
				goto dispatch
			}
			fr.stack[fr.sp], fr.stack[fr.sp+1] = a, b
			fr.sp += 2
			th.skipCovered(fr, 1)
		case compile.LOAD_FAST_LOAD_CONST:
			a := fr.locals[in.Arg]
			if a == nil {
				in.Op = compile.LOAD_FAST
				goto dispatch
			}
			fr.stack[fr.sp], fr.stack[fr.sp+1] = a, fr.consts[fr.code.Instrs[fr.pc].Arg]
			fr.sp += 2
			th.skipCovered(fr, 1)
		case compile.FAST_FAST_BINARY, compile.FAST_CONST_BINARY:
			next := fr.code.Instrs[fr.pc : fr.pc+2]
			x, y := fr.fusedOperands(in.Arg, next[0].Arg, in.Op == compile.FAST_FAST_BINARY)
			if v, ok := th.intFast(int(next[1].Arg), x, y); ok {
				fr.push(v)
				th.skipCovered(fr, 2)
				break
			}
			in.Op = compile.LOAD_FAST
			goto dispatch
		case compile.FAST_FAST_COMPARE, compile.FAST_CONST_COMPARE:
			next := fr.code.Instrs[fr.pc : fr.pc+3]
			x, y := fr.fusedOperands(in.Arg, next[0].Arg, in.Op == compile.FAST_FAST_COMPARE)
			if xi, yi, ok := bothInts(x, y); ok {
				t := intCompare(int(next[1].Arg), xi, yi)
				// and the conditional jump after it, when there is one
				switch next[2].Op {
				case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
					th.skipCovered(fr, 3)
					if t == (next[2].Op == compile.POP_JUMP_IF_TRUE) {
						fr.pc = int(next[2].Arg)
					}
				default:
					fr.push(t)
					th.skipCovered(fr, 2)
				}
				break
			}
			in.Op = compile.LOAD_FAST
			goto dispatch
		case compile.CONST_BINARY:
			if v, ok := th.intFast(int(fr.code.Instrs[fr.pc].Arg), fr.stack[fr.sp-1], fr.consts[in.Arg]); ok {
				fr.stack[fr.sp-1] = v
				th.skipCovered(fr, 1)
				break
			}
			in.Op = compile.LOAD_CONST
			goto dispatch
		case compile.BINARY_STORE_FAST, compile.INPLACE_STORE_FAST:
			if v, ok := th.intFast(int(in.Arg), fr.stack[fr.sp-2], fr.stack[fr.sp-1]); ok {
				fr.sp -= 2
				fr.stack[fr.sp], fr.stack[fr.sp+1] = nil, nil
				fr.locals[fr.code.Instrs[fr.pc].Arg] = v
				th.skipCovered(fr, 1)
				break
			}
			if in.Op == compile.INPLACE_STORE_FAST && (in.Arg == compile.OpAdd || in.Arg == compile.OpSub) {
				if th.accumulate(fr, in.Arg == compile.OpSub, int(fr.code.Instrs[fr.pc].Arg)) {
					th.skipCovered(fr, 1)
					break
				}
				fr.owned = 0 // the general path may store anything
			}
			in.Op = compile.Unfused(in.Op)
			goto dispatch
		case compile.FOR_ITER_STORE_FAST:
			if it, ok := fr.top().(*Iterator); ok && it.next == nil {
				if v, ok := it.nextInRange(); ok {
					fr.locals[fr.code.Instrs[fr.pc].Arg] = th.ints.box(v)
					th.skipCovered(fr, 1)
				} else {
					fr.pop()
					fr.pc = int(in.Arg)
				}
				break
			}
			in.Op = compile.FOR_ITER
			goto dispatch
		case compile.FOR_ITER_STORE_GLOBAL:
			if it, ok := fr.top().(*Iterator); ok && it.next == nil {
				if v, ok := it.nextInRange(); ok {
					fr.storeGlobal(fr.pc, fr.code.Names[fr.code.Instrs[fr.pc].Arg], th.ints.box(v))
					th.skipCovered(fr, 1)
				} else {
					fr.pop()
					fr.pc = int(in.Arg)
				}
				break
			}
			in.Op = compile.FOR_ITER
			goto dispatch
		case compile.BINARY, compile.INPLACE:
			y := fr.pop()
			x := fr.stack[fr.sp-1]
			if v, ok := th.intFast(int(in.Arg), x, y); ok {
				fr.stack[fr.sp-1] = v
				break
			}
			var v Value
			v, err = th.binaryOp(int(in.Arg), x, y, in.Op == compile.INPLACE)
			if err == nil {
				fr.stack[fr.sp-1] = v
			}
		case compile.UNARY:
			var v Value
			v, err = th.unaryOp(int(in.Arg), fr.top())
			if err == nil {
				fr.stack[fr.sp-1] = v
			}
		case compile.COMPARE:
			y := fr.pop()
			x := fr.stack[fr.sp-1]
			if xi, ok := x.(int); ok {
				if yi, ok := y.(int); ok && in.Arg <= compile.OpGe {
					fr.stack[fr.sp-1] = compareInts(int(in.Arg), xi, yi)
					break
				}
			}
			if (in.Arg == compile.OpIn || in.Arg == compile.OpNotIn) && th.native == 0 && th.mayBlockIn(y) {
				fr.pop()
				fr, err = th.pushInlineHelper(fr, "contains_of", y, x, in.Arg == compile.OpNotIn)
				break
			}
			var v Value
			v, err = th.compareOp(int(in.Arg), x, y)
			if err == nil {
				fr.stack[fr.sp-1] = v
			}
		case compile.BINARY_SUBSCR:
			i := fr.pop()
			var v Value
			v, err = th.getItem(fr.top(), i)
			if err == nil {
				fr.stack[fr.sp-1] = v
			}
		case compile.STORE_SUBSCR:
			i := fr.pop()
			x := fr.pop()
			v := fr.pop()
			err = th.setItem(x, i, v)
		case compile.DELETE_SUBSCR:
			i := fr.pop()
			err = th.delItem(fr.pop(), i)
		case compile.BUILD_SLICE:
			step := fr.pop()
			hi := fr.pop()
			lo := fr.pop()
			fr.push(&Slice{lo, hi, step})
		case compile.BUILD_TUPLE:
			n := int(in.Arg)
			items := fr.stack[fr.sp-n : fr.sp]
			t := newTuple(items) // two items make a Pair (value.go)
			th.clearStack(fr, n)
			fr.push(t)
		case compile.BUILD_LIST:
			n := int(in.Arg)
			var items []Value // [] allocates on its first append: many stay empty
			if n > 0 {
				items = make([]Value, n, n+4)
				copy(items, fr.stack[fr.sp-n:fr.sp])
			}
			th.clearStack(fr, n)
			if err = th.alloc(int64(16 * (n + 4))); err == nil {
				fr.push(&List{Items: items})
			}
		case compile.BUILD_SET:
			n := int(in.Arg)
			s := NewSet()
			for _, x := range fr.stack[fr.sp-n : fr.sp] {
				if err = th.setAdd(s, x); err != nil {
					break
				}
			}
			th.clearStack(fr, n)
			fr.push(s)
		case compile.BUILD_MAP:
			n := int(in.Arg)
			d := NewDict()
			base := fr.sp - 2*n
			for i := 0; i < n && err == nil; i++ {
				err = th.dictSet(d, fr.stack[base+2*i], fr.stack[base+2*i+1])
			}
			th.clearStack(fr, 2*n)
			fr.push(d)
		case compile.LIST_APPEND:
			v := fr.pop()
			l := fr.stack[fr.sp-int(in.Arg)].(*List)
			l.Items = append(l.Items, v)
			if len(l.Items)&1023 == 0 {
				err = th.alloc(16 * 1024)
			}
		case compile.SET_ADD:
			v := fr.pop()
			err = th.setAdd(fr.stack[fr.sp-int(in.Arg)].(*Set), v)
		case compile.MAP_ADD:
			v := fr.pop()
			k := fr.pop()
			err = th.dictSet(fr.stack[fr.sp-int(in.Arg)].(*Dict), k, v)
		case compile.LIST_EXTEND:
			it := fr.pop()
			if next, done, e := th.rereadInHelper(fr, it, "list_of", -1); done {
				fr, err = next, e
				break
			}
			l := fr.top().(*List)
			var items []Value
			if items, err = th.iterate(it); err == nil {
				l.Items = append(l.Items, items...)
			}
		case compile.SET_UPDATE:
			it := fr.pop()
			if next, done, e := th.rereadInHelper(fr, it, "list_of", -1); done {
				fr, err = next, e
				break
			}
			s := fr.top().(*Set)
			var items []Value
			if items, err = th.iterate(it); err == nil {
				for _, x := range items {
					if err = th.setAdd(s, x); err != nil {
						break
					}
				}
			}
		case compile.DICT_UPDATE:
			m := fr.pop()
			err = th.dictUpdate(fr.top().(*Dict), m, true)
			if pe, ok := err.(*PyError); ok && in.Arg == 1 && pe.Exc.Class == TypeError && !isMapping(m) {
				err = th.typeError("%s argument after ** must be a mapping, not %s", th.funcStr(fr.stack[fr.sp-3]), typeName(m))
			}
		case compile.LIST_TO_TUPLE:
			fr.stack[fr.sp-1] = Tuple(fr.top().(*List).Items)
		case compile.UNPACK_SEQ:
			seq := fr.pop()
			if next, done, e := th.rereadInHelper(fr, seq, "unpack_of", int(in.Arg)+1); done {
				fr, err = next, e
				break
			}
			var items []Value
			if items, err = th.unpackItems(seq, int(in.Arg)+1); err != nil {
				break
			}
			n := int(in.Arg)
			if len(items) != n {
				if len(items) > n {
					err = th.valueError("too many values to unpack (expected %d)", n)
				} else {
					err = th.valueError("not enough values to unpack (expected %d, got %d)", n, len(items))
				}
				break
			}
			for i := n - 1; i >= 0; i-- {
				fr.push(items[i])
			}
		case compile.UNPACK_EX:
			seq := fr.pop()
			if next, done, e := th.rereadInHelper(fr, seq, "list_of", -1); done {
				fr, err = next, e
				break
			}
			var items []Value
			if items, err = th.unpackItems(seq, -1); err != nil {
				break
			}
			before, after := int(in.Arg&0xff), int(in.Arg>>8)
			if len(items) < before+after {
				err = th.valueError("not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
				break
			}
			for i := len(items) - 1; i >= len(items)-after; i-- {
				fr.push(items[i])
			}
			mid := append([]Value(nil), items[before:len(items)-after]...)
			fr.push(&List{Items: mid})
			for i := before - 1; i >= 0; i-- {
				fr.push(items[i])
			}
		case compile.BUILD_STRING:
			n := int(in.Arg)
			s := ""
			for _, x := range fr.stack[fr.sp-n : fr.sp] {
				s += x.(string)
			}
			th.clearStack(fr, n)
			fr.push(s)
		case compile.FORMAT_VALUE:
			spec := ""
			if in.Arg>>8 != 0 {
				spec = fr.pop().(string)
			}
			v := fr.top()
			switch byte(in.Arg) {
			case 'r':
				v, err = th.repr(v)
			case 's':
				v, err = th.str(v)
			case 'a':
				v, err = th.ascii(v)
			}
			if err == nil {
				v, err = th.format(v, spec)
			}
			if err == nil {
				fr.stack[fr.sp-1] = v
			}
		// JUMP is the switch's last case: the profile-guided build finds call
		// sites by their line in run, so new lines go after the hot calls
		case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
			v := fr.pop()
			var t bool
			if b, ok := v.(bool); ok {
				t = b
			} else if t, err = th.truth(v); err != nil {
				break
			}
			if t == (in.Op == compile.POP_JUMP_IF_TRUE) {
				fr.pc = int(in.Arg)
			}
		case compile.JUMP_IF_FALSE_OR_POP, compile.JUMP_IF_TRUE_OR_POP:
			var t bool
			if t, err = th.truth(fr.top()); err != nil {
				break
			}
			if t == (in.Op == compile.JUMP_IF_TRUE_OR_POP) {
				fr.pc = int(in.Arg)
			} else {
				fr.pop()
			}
		case compile.GET_ITER:
			var it Value
			if it, err = th.getIter(fr.top()); err == nil {
				fr.stack[fr.sp-1] = it
			}
		case compile.FOR_ITER:
			switch it := fr.top().(type) {
			case *Iterator:
				var v Value
				var ok bool
				if v, ok, err = it.Next(th); err != nil {
					break
				}
				if ok {
					fr.push(v)
				} else {
					fr.pop()
					fr.pc = int(in.Arg)
				}
			case *Generator:
				err = th.resumeGen(fr, it, None, nil, modeFor, int(in.Arg))
				fr = th.cur
			default:
				var next Value
				if next, err = th.getAttr(it, "__next__"); err != nil {
					break
				}
				var nf *Frame
				var v Value
				nf, v, err = th.prepareCall(fr, next, nil, nil)
				if err != nil {
					if pe, ok := err.(*PyError); ok && pe.Exc.Class.isSubclass(StopIteration) {
						err = nil
						fr.pop()
						fr.pc = int(in.Arg)
					}
					break
				}
				if nf != nil {
					nf.mode, nf.forTarget = modeForNext, in.Arg
					fr = th.pushFrame(nf)
				} else if v != suspended {
					fr.push(v)
				} else {
					fr = th.cur
				}
			}
		case compile.CALL, compile.CALL_KW:
			n := int(in.Arg)
			var kw *Kwargs
			if in.Op == compile.CALL_KW {
				names := fr.pop().(kwNames)
				kw = &Kwargs{Names: names, Values: make([]Value, len(names))}
				copy(kw.Values, fr.stack[fr.sp-len(names):fr.sp])
				th.clearStack(fr, len(names))
				n -= len(names)
			}
			if kw == nil {
				fr, err = th.callStack(fr, fr.sp-n-1, fr.sp-n)
				break
			}
			args := make([]Value, n)
			copy(args, fr.stack[fr.sp-n:fr.sp])
			th.clearStack(fr, n)
			fn := fr.pop()
			fr, err = th.callInline(fr, fn, args, kw)
		case compile.LOAD_METHOD:
			if o, ok := fr.top().(*Object); ok {
				name := fr.code.Names[in.Arg]
				var f Value
				switch attr := th.attrCacheFor(fr, o, name).attr.(type) {
				case *Function:
					f = attr
				case *Builtin: // a method of a built-in class, such as greenlet.switch
					if attr.Self == nil {
						f = attr
					}
				}
				if f != nil {
					if _, shadowed := o.Dict.GetStr(name); !shadowed {
						fr.stack[fr.sp-1] = f
						fr.push(o)
						break
					}
				}
			}
			if kind := builtinKind(fr.top()); kind != "" {
				// the methods of built-in types never change: cache them
				c := fr.attrSlot()
				if c.kind != kind {
					c.kind, c.method = kind, unboundMethods[kind][fr.code.Names[in.Arg]]
				}
				if c.method != nil {
					fr.push(fr.top())
					fr.stack[fr.sp-2] = c.method
					break
				}
			}
			var f, self Value
			if f, self, err = th.loadMethod(fr.top(), fr.code.Names[in.Arg]); err == nil {
				fr.stack[fr.sp-1] = f
				fr.push(self)
			}
		case compile.CALL_METHOD:
			n := int(in.Arg)
			first := fr.sp - n
			if fr.stack[first-1] != nil {
				first-- // the receiver is the first argument
			}
			fr, err = th.callStack(fr, fr.sp-n-2, first)
		case compile.CALL_EX:
			if in.Arg&compile.CallExIterable != 0 && th.native == 0 {
				// f(*gen) of a generator that may wait: a helper frame
				// makes the call (its reading may switch greenlets)
				var kwd Value = None
				at := fr.sp - 1
				if in.Arg&compile.CallExKw != 0 {
					kwd, at = fr.stack[fr.sp-1], fr.sp-2
				}
				if it := fr.stack[at]; th.mayBlockIn(it) {
					f := fr.stack[at-1]
					th.clearStack(fr, fr.sp-(at-1))
					fr, err = th.pushInlineHelper(fr, "call_star", f, it, kwd)
					break
				}
			}
			var kw *Kwargs
			if in.Arg&compile.CallExKw != 0 {
				var ok bool
				if kw, ok = kwargsOf(fr.pop().(*Dict)); !ok {
					err = th.typeError("keywords must be strings")
					break
				}
			}
			var args Tuple
			if in.Arg&compile.CallExIterable == 0 {
				args = tupleItems(fr.pop())
			} else if t, ok := tupleOf(fr.top()); ok {
				args = t
				fr.pop()
			} else {
				items, ierr := th.iterate(fr.top())
				if ierr != nil {
					if pe, ok := ierr.(*PyError); ok && pe.Exc.Class == TypeError {
						ierr = th.typeError("%s argument after * must be an iterable, not %s", th.funcStr(fr.stack[fr.sp-2]), typeName(fr.top()))
					}
					err = ierr
					break
				}
				args = Tuple(items)
				fr.pop()
			}
			fn := fr.pop()
			fr, err = th.callInline(fr, fn, []Value(args), kw)
		case compile.MAKE_FUNCTION:
			code := fr.pop().(*compile.Code)
			fn := &Function{Code: code, Name: code.Name, Globals: fr.globals, Qualname: th.qualname(fr, code.Name)}
			if in.Arg&compile.FnClosure != 0 {
				for _, c := range tupleItems(fr.pop()) {
					fn.Closure = append(fn.Closure, c.(*Cell))
				}
			}
			if in.Arg&compile.FnKwDefaults != 0 {
				fn.KwDefaults = fr.pop().(*Dict)
			}
			if in.Arg&compile.FnDefaults != 0 {
				fn.Defaults = tupleItems(fr.pop())
			}
			fr.push(fn)
		case compile.RETURN_VALUE:
			v := fr.pop()
			var (
				done   bool
				result Value
				how    int
			)
			fr, done, result, how, err = th.doReturn(fr, v, base)
			if done {
				return result, how, err
			}
		case compile.YIELD_VALUE:
			v := fr.pop()
			if fr == base {
				th.suspend(fr)
				return v, endYield, nil
			}
			fr = th.yieldTo(fr, v)
			if fr == nil {
				return v, endYield, nil
			}
		case compile.GET_YIELD_FROM_ITER:
			if _, ok := fr.top().(*Generator); !ok {
				var it Value
				if it, err = th.getIter(fr.top()); err == nil {
					fr.stack[fr.sp-1] = it
				}
			}
		case compile.YIELD_FROM:
			send := fr.pop()
			switch it := fr.top().(type) {
			case *Generator:
				// stay on this instruction while delegating; the delegate's
				// return steps past it
				fr.pc--
				fr.gen.yieldFrom = it
				err = th.resumeGen(fr, it, send, nil, modeDelegate, 0)
				fr = th.cur
			case *Iterator:
				var v Value
				var ok bool
				if v, ok, err = it.Next(th); err != nil {
					break
				}
				if !ok {
					fr.pop()
					fr.push(None)
					break
				}
				fr.pc-- // come back here when resumed
				if fr == base {
					th.suspend(fr)
					return v, endYield, nil
				}
				fr = th.yieldTo(fr, v)
				if fr == nil {
					return v, endYield, nil
				}
			default:
				var v Value
				v, err = th.callMethod(it, "__next__")
				if err != nil {
					if pe, ok := err.(*PyError); ok && pe.Exc.Class.isSubclass(StopIteration) {
						err = nil
						fr.pop()
						fr.push(excState(pe.Exc).Value)
					}
					break
				}
				fr.pc--
				if fr == base {
					th.suspend(fr)
					return v, endYield, nil
				}
				fr = th.yieldTo(fr, v)
				if fr == nil {
					return v, endYield, nil
				}
			}
		case compile.RAISE:
			err = th.raiseOp(fr, int(in.Arg))
		case compile.RERAISE:
			exc := fr.pop().(*Object)
			err = &PyError{Exc: exc, reraise: true}
		case compile.POP_EXCEPT:
			fr.popHandled(len(fr.handled()) - 1)
		case compile.CHECK_EXC:
			typ := fr.pop()
			var ok bool
			ok, err = th.excMatches(fr.top(), typ)
			fr.push(ok)
		case compile.SETUP_WITH:
			cm := fr.pop()
			var exit, enter Value
			if exit, err = th.lookupSpecial(cm, "__exit__"); err != nil {
				break
			}
			if enter, err = th.lookupSpecial(cm, "__enter__"); err != nil {
				break
			}
			fr.push(exit)
			fr, err = th.callInline(fr, enter, nil, nil)
		case compile.WITH_EXCEPT:
			exc := fr.top().(*Object)
			exit := fr.stack[fr.sp-2]
			fr, err = th.callInline(fr, exit, []Value{exc.Class, exc, None}, nil)
		case compile.IMPORT_NAME:
			var m Value
			m, err = th.importName(fr.code.Names[in.Arg])
			if err == nil {
				fr.push(m)
			}
		case compile.IMPORT_FROM:
			name := fr.code.Names[in.Arg]
			var v Value
			v, err = th.getAttr(fr.top(), name)
			if err != nil {
				// "from package import submodule" imports the submodule
				m := fr.top().(*Module)
				if sub, serr := th.loadModule(m.Name + "." + name); serr == nil {
					m.Dict.SetStr(name, sub)
					v, err = sub, nil
				} else {
					err = th.newErr(ImportError, "cannot import name '%s' from '%s' (unknown location)", name, m.Name)
					break
				}
			}
			fr.push(v)
		case compile.IMPORT_STAR:
			m := fr.pop().(*Module)
			for _, kv := range m.Dict.Items() {
				if k := kv[0].(string); len(k) > 0 && k[0] != '_' {
					fr.globals.Dict.SetStr(k, kv[1])
				}
			}
		case compile.LOAD_BUILD_CLASS:
			fr.push(buildClassBuiltin)
		case compile.LOAD_ASSERTION_ERROR:
			fr.push(AssertionError)
		case compile.SUPER_ZERO:
			cell := fr.cell(len(fr.code.Cells) + indexOfString(fr.code.Frees, "__class__"))
			cls, _ := cell.V.(*Class)
			if cls == nil {
				err = th.newErr(RuntimeError, "super(): __class__ cell not found")
				break
			}
			fr.push(&Super{Class: cls, Self: fr.locals[0]})
		case compile.JUMP:
			fr.pc = int(in.Arg)
			if th.steps > 1 { // the target's step is counted here, and its dispatch follows at once
				th.steps--
				in = fr.code.Instrs[fr.pc]
				fr.pc++
				goto dispatch
			}
		default:
			err = &haltError{Kind: "internal", Reason: "internal error: unknown instruction"}
		}
		if err != nil {
			// an error is raised where execution is now: a builtin may have
			// switched into a generator (throw) before failing
			var done bool
			fr, done, err = th.unwind(th.cur, err, base)
			if done {
				return nil, 0, err
			}
		}
	}
}

// isMapping reports whether v can follow ** (a dict, or has keys()).
func isMapping(v Value) bool {
	switch o := v.(type) {
	case *Dict:
		return true
	case *Object:
		return o.Class.lookup("keys") != nil
	}
	return false
}

// funcStr names a callable in messages as CPython's _PyObject_FunctionStr
// does: "__main__.f()", "print()".
func (th *Thread) funcStr(fn Value) string {
	switch f := fn.(type) {
	case *Function:
		if f.Globals != nil && f.Globals.Name != "builtins" {
			return f.Globals.Name + "." + f.Qualname + "()"
		}
		return f.Qualname + "()"
	case *BoundMethod:
		return th.funcStr(f.Func)
	case *Builtin:
		if f.Owner != "" {
			return f.Owner + "." + f.Name + "()"
		}
		return f.Name + "()"
	case *Class:
		return f.Name + "()"
	}
	return typeName(fn) + " object"
}

func indexOfString(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return 0
}

func (th *Thread) clearStack(fr *Frame, n int) {
	for i := fr.sp - n; i < fr.sp; i++ {
		fr.stack[i] = nil
	}
	fr.sp -= n
}

// callStack calls the callable at fr.stack[fi] with the arguments
// fr.stack[first:fr.sp], clearing the stack down to fi. A plain Python
// function gets its parameters straight from the stack.
func (th *Thread) callStack(fr *Frame, fi, first int) (*Frame, error) {
	// a bound method calls its function with the receiver first
	callee, self := fr.stack[fi], Value(nil)
	if bm, ok := callee.(*BoundMethod); ok {
		callee, self = bm.Func, bm.Self
	}
	switch f := callee.(type) {
	case *Function:
		n := fr.sp - first
		if self != nil {
			n++
		}
		if c := f.Code; c.PlainArgs && c.NumPos == n {
			nf := th.newFrame(c, f, f.Globals)
			if self != nil {
				nf.locals[0] = self
				copyValues(nf.locals[1:], fr.stack[first:fr.sp])
			} else {
				copyValues(nf.locals, fr.stack[first:fr.sp])
			}
			th.clearStack(fr, fr.sp-fi)
			nf.charged = true
			if err := th.alloc(nf.accountedSize()); err != nil {
				return fr, err
			}
			if th.pushFrame(nf) == nil {
				return fr, th.recursionError()
			}
			return nf, nil
		}
	case *Builtin:
		if self == nil {
			self = f.Self
		}
		if f.resume != resumeNone {
			if next, done, err := th.callResume(fr, fi, first, f, self); done {
				return next, err
			}
		}
		if f.NoRetain {
			// the arguments (after the bound receiver) go in the argument
			// stack, not a new slice
			base := len(th.argStack)
			if self != nil {
				th.argStack = append(th.argStack, self)
			}
			th.argStack = append(th.argStack, fr.stack[first:fr.sp]...)
			args := th.argStack[base:len(th.argStack):len(th.argStack)]
			th.clearStack(fr, fr.sp-fi)
			th.inline = fr
			v, err := th.runBuiltin(f, args, nil)
			th.inline = nil
			clear(th.argStack[base:])
			th.argStack = th.argStack[:base]
			switch {
			case err != nil:
				return fr, err
			case v == suspended:
				return th.cur, nil
			}
			fr.push(v)
			return fr, nil
		}
	}
	args := make([]Value, fr.sp-first)
	copy(args, fr.stack[first:fr.sp])
	fn := fr.stack[fi]
	th.clearStack(fr, fr.sp-fi)
	return th.callInline(fr, fn, args, nil)
}

// kwargsOf is a dict of keyword arguments as a call takes them (nil when
// empty); ok is false when a key is not a str.
func kwargsOf(d *Dict) (kw *Kwargs, ok bool) {
	for _, e := range d.entries {
		if e.deleted() {
			continue
		}
		name, isStr := e.key.(string)
		if !isStr {
			return nil, false
		}
		if kw == nil {
			kw = &Kwargs{}
		}
		kw.Names, kw.Values = append(kw.Names, name), append(kw.Values, e.value)
	}
	return kw, true
}

// rereadInHelper handles an iterable, just popped by the instruction being
// run, whose reading may switch greenlets (a generator in a program with
// gevent or threads): the pylib/_inline.py helper reads it in a frame of
// the loop (reading at most limit items when limit >= 0), and the
// instruction runs again on the list the helper returns. It reports false,
// having done nothing, for any other iterable.
func (th *Thread) rereadInHelper(fr *Frame, it Value, helper string, limit int) (next *Frame, done bool, err error) {
	if th.native != 0 || !th.mayBlockIn(it) {
		return fr, false, nil
	}
	fr.pc--
	if limit >= 0 {
		next, err = th.pushInlineHelper(fr, helper, it, limit)
	} else {
		next, err = th.pushInlineHelper(fr, helper, it)
	}
	return next, true, err
}

// callResume makes the calls that only hand control to another chain of
// frames — a generator's send(x) and __next__(), a greenlet's switch() —
// straight from the VM loop, without the builtin protocol (argument slice,
// panic guard): they are the inner loop of every coroutine program. done is
// false, and nothing happened, for any other call or arguments.
func (th *Thread) callResume(fr *Frame, fi, first int, b *Builtin, self Value) (next *Frame, done bool, err error) {
	args := fr.stack[first:fr.sp]
	if self == nil { // an unbound method called with its receiver first (CALL_METHOD)
		if len(args) == 0 {
			return fr, false, nil
		}
		self, args = args[0], args[1:]
	}
	switch target := self.(type) {
	case *Generator:
		var send Value
		switch {
		case b.resume == resumeSend && len(args) == 1:
			send = args[0]
		case b.resume == resumeNext && len(args) == 0:
			send = None
		case b.resume == resumeNext:
			n := len(args)
			th.clearStack(fr, fr.sp-fi)
			return fr, true, th.typeError("expected 0 arguments, got %d", n)
		default:
			return fr, false, nil
		}
		th.clearStack(fr, fr.sp-fi)
		if err := th.resumeGen(fr, target, send, nil, modePush, 0); err != nil {
			return fr, true, err
		}
		return th.cur, true, nil
	case *Object:
		g, _ := target.Native.(*Greenlet)
		if g == nil || len(args) != 0 || b.resume != resumeSwitch {
			return fr, false, nil
		}
		th.clearStack(fr, fr.sp-fi)
		if cur := th.curG; cur != nil && g != cur && g.state == glActive && g.top != nil && !g.isHub && g.parked != parkedPreempted &&
			th.env.Trace == nil && th.native == 0 {
			// the commonest switch, made here: what switchCall and
			// enterGreenlet do for a suspended greenlet, untraced
			cur.top, cur.depth = fr, th.depth
			th.switchedAt = th.used
			th.curG = g
			g.resumes++
			th.cur, th.depth, g.top, g.parked = g.top, g.depth, nil, parkedCall
			th.cur.push(emptyTuple) // what switch() with no arguments delivers
			return th.cur, true, nil
		}
		th.inline = fr
		v, err := th.switchCall(g, nil, nil, nil)
		th.inline = nil
		switch {
		case err != nil:
			return fr, true, err
		case v == suspended:
			return th.cur, true, nil
		}
		fr.push(v)
		return fr, true, nil
	}
	return fr, false, nil
}

// pushFrame makes nf the current frame; it returns nil at the recursion limit.
func (th *Thread) pushFrame(nf *Frame) *Frame {
	nf.back = th.cur
	nf.depth = int32(th.depth + 1)
	if th.env.MaxDepth > 0 && int(nf.depth) > th.env.MaxDepth {
		return nil
	}
	th.depth++
	th.cur = nf
	return nf
}

func (th *Thread) recursionError() error {
	return th.newErr(RecursionError, "maximum recursion depth exceeded")
}

// callInline calls fn with args so that its result is pushed on fr's stack:
// a Python function gets a frame, a builtin runs at once. It returns the
// frame to continue in.
func (th *Thread) callInline(fr *Frame, fn Value, args []Value, kw *Kwargs) (*Frame, error) {
	nf, v, err := th.prepareCall(fr, fn, args, kw)
	if err != nil {
		return fr, err
	}
	if nf != nil {
		if th.pushFrame(nf) == nil {
			return fr, th.recursionError()
		}
		return nf, nil
	}
	if v == suspended {
		return th.cur, nil
	}
	fr.push(v)
	return fr, nil
}

// doReturn finishes frame fr with value v and hands v to the frame below.
func (th *Thread) doReturn(fr *Frame, v Value, base *Frame) (next *Frame, done bool, result Value, how int, err error) {
	th.depth--
	th.credit(fr)
	caller := fr.back
	fr.back = nil
	if g := fr.gen; g != nil {
		g.state = genClosed
		g.frame = nil
		th.traceExit(g, v, nil)
	}
	if fr == base {
		th.cur = caller
		if fr.gen == nil && fr.mode == modeGo {
			th.releaseFrame(fr) // the Go caller reads only the result
		}
		return nil, true, v, endReturn, nil
	}
	th.cur = caller
	switch fr.mode {
	case modePush:
		if fr.gen != nil {
			th.traceSwitch(fr.gen.id, th.coroID(caller), "return", "")
			stop := newExc(StopIteration, v)
			if v == None {
				stop = newExc(StopIteration)
			}
			var d bool
			next, d, err = th.unwind(caller, &PyError{Exc: stop}, base)
			return next, d, nil, 0, err
		}
		caller.push(v)
		th.releaseFrame(fr)
	case modeInit:
		if v != None {
			next, done, err = th.unwind(caller, th.typeError("__init__() should return None, not '%s'", typeName(v)), base)
			return next, done, nil, 0, err
		}
		if o, ok := fr.aux.(*Object); ok && o.Class.userClass && o.Dict.live > o.Class.attrHint {
			o.Class.attrHint = o.Dict.live
		}
		caller.push(fr.aux)
		th.releaseFrame(fr)
	case modeFor:
		th.traceSwitch(fr.gen.id, th.coroID(caller), "return", "")
		caller.pop()
		caller.pc = int(fr.forTarget)
	case modeForNext:
		caller.push(v)
	case modeGeventBody:
		if err := th.endGeventBody(th.curGreenlet(), v, nil); err != nil {
			var d bool
			next, d, err = th.unwind(th.cur, err, base)
			return next, d, nil, 0, err
		}
		th.releaseFrame(fr)
		return th.cur, false, nil, 0, nil
	case modeGreenlet:
		g := th.curGreenlet()
		th.traceGreenletExit(g, v, nil)
		if err := th.finishGreenlet(g, v); err != nil {
			var d bool
			next, d, err = th.unwind(th.cur, err, base)
			return next, d, nil, 0, err
		}
		th.releaseFrame(fr) // a finished greenlet keeps no frames
		return th.cur, false, nil, 0, nil
	case modeDelegate:
		// the delegating generator receives the inner generator's return value
		caller.gen.yieldFrom = nil
		caller.pc++
		caller.pop()
		caller.push(v)
	}
	return caller, false, nil, 0, nil
}

// unwind looks for a handler for err, starting in fr and going down the
// frame chain. It returns the frame to continue in, or done with the error
// when base (or the bottom) is left.
func (th *Thread) unwind(fr *Frame, err error, base *Frame) (*Frame, bool, error) {
	pe, ok := err.(*PyError)
	if !ok {
		return fr, true, err // a halt: nothing can catch it
	}
	exc := pe.Exc
	if !pe.reraise {
		addTB(exc, fr)
		st := excState(exc)
		if st.Context == nil {
			if ctx := th.currentHandled(); ctx != nil && ctx != exc {
				st.Context = ctx
			}
		}
	}
	for {
		pc := int32(fr.pc - 1)
		for _, h := range fr.code.Handlers {
			if pc >= h.Start && pc < h.End {
				for i := h.Depth; i < int32(fr.sp); i++ {
					fr.stack[i] = nil
				}
				fr.sp = int(h.Depth)
				fr.popHandled(int(h.ExcDepth))
				fr.push(exc)
				fr.pushHandled(exc)
				fr.pc = int(h.Target)
				th.cur = fr
				return fr, false, nil
			}
		}
		// no handler here: the frame ends
		th.depth--
		th.credit(fr)
		caller := fr.back
		fr.back = nil
		mode, target := fr.mode, fr.forTarget
		if g := fr.gen; g != nil {
			g.state = genClosed
			g.frame = nil
			if exc.Class.isSubclass(StopIteration) {
				// PEP 479
				rt := newExc(RuntimeError, "generator raised StopIteration")
				rst := excState(rt)
				rst.Cause, rst.Context, rst.SuppressContext = exc, exc, true
				exc = rt // raised in the caller: the generator's frame is not in its traceback
			}
			th.traceExit(g, nil, exc)
		}
		th.cur = caller
		if mode == modeGeventBody && fr != base {
			// a gevent greenlet's _run raised: Greenlet._fail reports it
			if err := th.endGeventBody(th.curGreenlet(), nil, exc); err != nil {
				return th.cur, true, err
			}
			return th.cur, false, nil
		}
		if mode == modeGreenlet && fr != base {
			// the greenlet dies: GreenletExit counts as returning it; any other
			// exception is raised in the parent
			g := th.curGreenlet()
			th.traceGreenletExit(g, nil, exc)
			var err error
			if exc.Class.isSubclass(GreenletExit) {
				err = th.finishGreenlet(g, exc)
			} else {
				err = th.failGreenlet(g, exc)
			}
			if err == nil {
				return th.cur, false, nil
			}
			pe, ok := err.(*PyError)
			if !ok {
				return th.cur, true, err
			}
			exc = pe.Exc
			fr = th.cur
			addTB(exc, fr)
			continue
		}
		if fr == base || caller == nil {
			return caller, true, &PyError{Exc: exc}
		}
		if mode == modeForNext && exc.Class.isSubclass(StopIteration) {
			caller.pop()
			caller.pc = int(target)
			return caller, false, nil
		}
		if mode == modeDelegate {
			caller.gen.yieldFrom = nil
		}
		fr = caller
		addTB(exc, fr)
	}
}

// raiseOp implements the raise statement.
func (th *Thread) raiseOp(fr *Frame, n int) error {
	if n == 0 {
		cur := th.currentHandled()
		if cur == nil {
			return th.newErr(RuntimeError, "No active exception to reraise")
		}
		return &PyError{Exc: cur, reraise: true}
	}
	var cause Value
	hasCause := false
	if n == 2 {
		cause = fr.pop()
		hasCause = true
	}
	exc, err := th.makeException(fr.pop())
	if err != nil {
		return err
	}
	if hasCause {
		st := excState(exc)
		switch c := cause.(type) {
		case NoneType:
			st.Cause = nil
		case *Class:
			if !isExceptionClass(c) {
				return th.typeError("exception causes must derive from BaseException")
			}
			o, err := th.makeException(c)
			if err != nil {
				return err
			}
			st.Cause = o
		case *Object:
			if !isExceptionClass(c.Class) {
				return th.typeError("exception causes must derive from BaseException")
			}
			st.Cause = c
		default:
			return th.typeError("exception causes must derive from BaseException")
		}
		st.SuppressContext = true
	}
	return &PyError{Exc: exc}
}

// makeException turns "raise X" operands (a class or an instance) into an instance.
func (th *Thread) makeException(v Value) (*Object, error) {
	switch v := v.(type) {
	case *Class:
		if !isExceptionClass(v) {
			return nil, th.typeError("exceptions must derive from BaseException")
		}
		r, err := th.callValue(v, nil, nil)
		if err != nil {
			return nil, err
		}
		o, ok := r.(*Object)
		if !ok || !isExceptionClass(o.Class) {
			return nil, th.typeError("calling %s should have returned an instance of BaseException, not %s", Repr(v), typeName(r))
		}
		return o, nil
	case *Object:
		if isExceptionClass(v.Class) {
			return v, nil
		}
	}
	return nil, th.typeError("exceptions must derive from BaseException")
}

func (th *Thread) excMatches(exc, typ Value) (bool, error) {
	o, _ := exc.(*Object)
	switch t := asTuple(typ).(type) {
	case *Class:
		if !isExceptionClass(t) {
			return false, th.typeError("catching classes that do not inherit from BaseException is not allowed")
		}
		return o != nil && o.Class.isSubclass(t), nil
	case Tuple:
		for _, x := range t {
			ok, err := th.excMatches(exc, x)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, th.typeError("catching classes that do not inherit from BaseException is not allowed")
}

func (th *Thread) nameError(name string) error {
	exc := newExc(NameError, "name '"+name+"' is not defined")
	excState(exc).Suggestion = th.suggestName(name)
	return &PyError{Exc: exc}
}

func (th *Thread) derefError(fr *Frame, i int) error {
	if i < len(fr.code.Cells) {
		return th.newErr(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", fr.code.Cells[i])
	}
	return th.newErr(NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", fr.code.Frees[i-len(fr.code.Cells)])
}

// suggestName finds a close name in scope, as CPython's "Did you mean" does.
func (th *Thread) suggestName(name string) string {
	var cands []string
	if fr := th.cur; fr != nil {
		for i, l := range fr.code.Locals {
			if fr.locals[i] != nil {
				cands = append(cands, l)
			}
		}
		cands = append(cands, fr.globals.Dict.StrKeys()...)
	}
	cands = append(cands, th.builtins.StrKeys()...)
	return closest(name, cands)
}

// qualname is the qualified name of a function defined in fr.
func (th *Thread) qualname(fr *Frame, name string) string {
	if fr.code.Name == "<module>" {
		return name
	}
	if fr.code.ClassBody {
		return fr.code.Name + "." + name
	}
	prefix := fr.code.Name
	if fr.fn != nil {
		prefix = fr.fn.Qualname
	}
	return prefix + ".<locals>." + name
}
