package py

// This file defines generators: a generator is a suspended frame. Resuming
// links the frame on top of the resumer and continues the same loop; yielding
// unlinks it again.

import (
	"strconv"
	"strings"
)

// Generator states, as inspect.getgeneratorstate names them.
const (
	genCreated = iota
	genSuspended
	genRunning
	genClosed
)

// Generator is a generator object.
type Generator struct {
	frame     *Frame
	state     int
	name      string
	qualname  string
	yieldFrom Value // the iterator a "yield from" is delegating to
	id        int   // coroutine id for trace events
}

// Iterator is a built-in iterator written in Go (over lists, ranges, dicts...).
type Iterator struct {
	Name string // "list_iterator", ...
	next func(th *Thread) (Value, bool, error)
	// a range iterator keeps its state here (next is nil): for loops over
	// range are the commonest loops, so they skip the function call
	rangeNext, rangeStep, rangeLeft int
}

// Next returns the next value, or false at the end.
func (it *Iterator) Next(th *Thread) (Value, bool, error) {
	if it.next == nil {
		n, ok := it.nextInRange()
		if !ok {
			return nil, false, nil
		}
		return th.ints.box(n), true, nil
	}
	return it.next(th)
}

// nextInRange steps a range iterator.
func (it *Iterator) nextInRange() (int, bool) {
	if it.rangeLeft <= 0 {
		return 0, false
	}
	v := it.rangeNext
	it.rangeNext += it.rangeStep
	it.rangeLeft--
	return v, true
}

// newGenerator creates the generator object a generator function's call returns.
func (th *Thread) newGenerator(fr *Frame, fn *Function) *Generator {
	g := &Generator{frame: fr, name: fn.Name, qualname: fn.Qualname}
	fr.gen = g
	// generators made by library code (gevent's iwait...) are not shown: id 0
	if th.env.Trace != nil && !isLibraryCode(fn.Code) {
		g.id = th.newCoroID()
		th.env.Trace("spawn", TraceEvent{G: g.id, Parent: th.coroID(th.cur), Name: callLabel(fn.Name, fr.locals[:fn.Code.NumPos]), Role: "generator", Line: fr.code.FirstLine})
	}
	return g
}

// newCoroID numbers generators and greenlets in one sequence (1 is the
// program's main greenlet, 2 the hub).
func (th *Thread) newCoroID() int {
	th.glIDs++
	return th.glIDs + 2
}

// coroID is the coroutine a frame belongs to, for trace events.
func (th *Thread) coroID(fr *Frame) int {
	for ; fr != nil; fr = fr.back {
		if fr.gen != nil && fr.gen.id != 0 {
			return fr.gen.id
		}
	}
	return th.traceGreenletID()
}

// traceGreenletID is the running greenlet as trace events name it.
func (th *Thread) traceGreenletID() int {
	if th.curG == nil {
		return 1
	}
	return th.curG.traceID()
}

func (th *Thread) traceSwitch(from, to int, reason, label string) {
	if th.env.Trace != nil && from != 0 && to != 0 && from != to {
		th.env.Trace("switch", TraceEvent{From: from, To: to, Reason: reason, Label: label, Line: th.userLine()})
	}
}

func (th *Thread) traceExit(g *Generator, v Value, exc *Object) {
	if th.env.Trace == nil || g.id == 0 {
		return
	}
	ev := TraceEvent{G: g.id}
	if exc != nil {
		ev.Error = th.excLine(exc)
	} else {
		ev.Value = Repr(v)
	}
	th.env.Trace("exit", ev)
}

// resumeGen continues g on top of caller. mode says where its next yield or
// return goes. An error is to be raised in th.cur.
func (th *Thread) resumeGen(caller *Frame, g *Generator, send Value, exc *Object, mode, target int) error {
	switch g.state {
	case genRunning:
		return th.valueError("generator already executing")
	case genClosed:
		if exc != nil {
			return &PyError{Exc: exc}
		}
		switch mode {
		case modeFor:
			caller.pop()
			caller.pc = target
			return nil
		case modeDelegate:
			caller.gen.yieldFrom = nil
			caller.pc++
			caller.pop()
			caller.push(None)
			return nil
		}
		return &PyError{Exc: newExc(StopIteration)}
	case genCreated:
		if exc == nil && send != None {
			return th.typeError("can't send non-None value to a just-started generator")
		}
	}
	fr := g.frame
	fr.back, fr.mode, fr.forTarget = caller, int32(mode), int32(target)
	if th.pushFrame(fr) == nil {
		fr.back = nil
		return th.recursionError()
	}
	wasCreated := g.state == genCreated
	g.state = genRunning
	if th.env.Trace != nil {
		label := "next()"
		switch {
		case exc != nil:
			label = "throw(" + exc.Class.Name + ")"
		case send != None:
			label = "send(" + Repr(send) + ")"
		case mode == modeFor:
			label = "for"
		}
		th.traceSwitch(th.coroID(caller), g.id, "resume", label)
	}
	if exc != nil {
		if inner, ok := g.yieldFrom.(*Generator); ok && inner.state != genClosed {
			return th.resumeGen(fr, inner, None, exc, modeDelegate, 0)
		}
		if wasCreated {
			fr.pc = 0
		}
		return &PyError{Exc: exc}
	}
	if !wasCreated {
		fr.push(send)
	}
	return nil
}

// suspend marks a yielding generator frame as suspended and unlinks it.
func (th *Thread) suspend(fr *Frame) {
	th.depth--
	th.cur = fr.back
	fr.back = nil
	fr.gen.state = genSuspended
}

// yieldTo hands v from the yielding generator frame fr to the frame below.
// It returns the frame to continue in, or nil when the base frame yielded.
func (th *Thread) yieldTo(fr *Frame, v Value) *Frame {
	for {
		caller, mode, g := fr.back, fr.mode, fr.gen
		th.suspend(fr)
		if th.env.Trace != nil {
			th.traceSwitch(g.id, th.coroID(caller), "yield", "yield "+shortRepr(v))
		}
		switch mode {
		case modeDelegate:
			// the delegating generator yields the same value to its own caller
			if caller.mode == modeGo {
				th.suspend(caller)
				return nil
			}
			fr = caller
			continue
		case modeGo:
			return nil
		}
		caller.push(v)
		return caller
	}
}

// callLabel names a coroutine as the learner wrote its call: consumer('c1').
// Only plain values are shown (a repr must not run Python code).
func callLabel(name string, args []Value) string {
	if len(args) == 0 {
		return name
	}
	parts := make([]string, len(args))
	for i, a := range args {
		switch a.(type) {
		case int, float64, string, bool, NoneType, Bytes:
			parts[i] = shortRepr(a)
		default:
			parts[i] = "…"
		}
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

func shortRepr(v Value) string {
	s := Repr(v)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// genStep drives g from Go code (list(gen), sorted(gen)...): it returns the
// next value, or done when the generator finished.
func (th *Thread) genStep(g *Generator, send Value, exc *Object) (v Value, done bool, err error) {
	if th.native >= maxNative {
		return nil, false, th.recursionError()
	}
	th.native++
	defer func() { th.native-- }()
	saved := th.cur
	if err := th.resumeGen(saved, g, send, exc, modeGo, 0); err != nil {
		if th.cur != saved {
			// raised inside the generator (a throw): unwind it there
			base := th.cur
			_, done, uerr := th.unwind(base, err, base)
			if !done {
				return th.driveGo(g, saved)
			}
			th.cur = saved
			return nil, false, uerr
		}
		th.cur = saved
		if pe, ok := err.(*PyError); ok && pe.Exc.Class.isSubclass(StopIteration) && exc == nil {
			return excState(pe.Exc).Value, true, nil
		}
		return nil, false, err
	}
	return th.driveGo(g, saved)
}

func (th *Thread) driveGo(g *Generator, saved *Frame) (Value, bool, error) {
	base := g.frame
	if base == nil {
		th.cur = saved
		return None, true, nil
	}
	v, how, err := th.run(base)
	th.cur = saved
	if err != nil {
		return nil, false, err
	}
	if how == endYield {
		return v, false, nil
	}
	return v, true, nil
}

// genSend implements gen.send(v) / next(gen) when called from Go.
func (th *Thread) genSendGo(g *Generator, v Value) (Value, error) {
	r, done, err := th.genStep(g, v, nil)
	if err != nil {
		return nil, err
	}
	if done {
		if r == None {
			return nil, &PyError{Exc: newExc(StopIteration)}
		}
		return nil, &PyError{Exc: newExc(StopIteration, r)}
	}
	return r, nil
}

// genClose implements gen.close().
func (th *Thread) genClose(g *Generator) error {
	switch g.state {
	case genCreated:
		g.state = genClosed
		g.frame = nil
		return nil
	case genClosed:
		return nil
	case genRunning:
		return th.valueError("generator already executing")
	}
	if inner, ok := g.yieldFrom.(*Generator); ok {
		if err := th.genClose(inner); err != nil {
			return err
		}
		g.yieldFrom = nil
	}
	_, done, err := th.genStep(g, None, newExc(GeneratorExit))
	if err != nil {
		if pe, ok := err.(*PyError); ok && (pe.Exc.Class.isSubclass(GeneratorExit) || pe.Exc.Class.isSubclass(StopIteration)) {
			return nil
		}
		return err
	}
	if !done {
		return th.newErr(RuntimeError, "generator ignored GeneratorExit")
	}
	return nil
}

// genRepr is the repr of a generator object.
func (th *Thread) genRepr(g *Generator) string {
	return "<generator object " + g.qualname + " at " + th.addr(g) + ">"
}

// emptyTupleID stands for the one empty tuple in the identity table.
type emptyTupleID struct{}

// identityKey is what stands for v in a map keyed by identity: a tuple is a
// Go slice (not a map key), so its first element's address stands for it.
func identityKey(v any) any {
	if t, ok := tupleOf(v); ok {
		if len(t) == 0 {
			return emptyTupleID{}
		}
		return &t[0]
	}
	return v
}

// addr is a deterministic fake address for reprs.
func (th *Thread) addr(v any) string {
	if th.ids == nil {
		th.ids = map[any]int{}
	}
	key := identityKey(v)
	id, ok := th.ids[key]
	if !ok {
		th.nextID++
		id = th.nextID
		th.ids[key] = id
	}
	return "0x7f" + strconv.FormatInt(int64(0x3a000000+id*0x40), 16)
}
