package py

// This file defines greenlets: a greenlet is a chain of heap frames plus a
// parent. Switching saves the current frame and makes another greenlet's top
// frame current; the value passed becomes the result of that greenlet's own
// pending switch() call. gevent's hub is a greenlet whose body is Go.

import (
	"strings"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/hub"
)

// Greenlet states.
const (
	glUnstarted = iota
	glActive
	glDead
)

// Greenlet is the state of one greenlet.
type Greenlet struct {
	Run    Value
	Parent *Greenlet
	obj    *Object // the Python object (a greenlet or a subclass instance)
	top    *Frame  // while suspended: the frame waiting for its switch() result
	// owner is the program (interpreter) the greenlet belongs to.
	owner *Thread
	name  string
	depth int
	id    int
	// resumes counts how often the greenlet was switched into; a wake-up
	// made before the latest resume is stale and skipped.
	resumes int
	// The small fields come last, together, so that a greenlet fits 96
	// bytes: a program may hold a hundred thousand of them.
	state  int8
	isHub  bool
	isMain bool
	// idleWait: woken (instead of getting LoopExit) when the loop runs dry.
	idleWait bool
	// internal greenlets (created by library code, e.g. gevent's link
	// notifier) run on behalf of the hub and are shown as the hub.
	internal bool
	// thread marks an unpatched threading.Thread: like the main greenlet
	// while threads run, it is preempted after a fixed amount of work.
	thread bool
	// parked says where a suspended greenlet waits (see parkKind).
	parked parkKind
	// runner: a callback runner of the hub (see runCallback), which must
	// not block.
	runner bool
}

// parkKind is where a suspended greenlet waits.
type parkKind uint8

const (
	parkedCall      parkKind = iota // in a call (switch, a wait): its resumption pushes the call's value
	parkedPreempted                 // between two instructions (a thread's turn ended): nothing to push
	parkedSleep                     // in gevent.sleep: an exception thrown in shows gevent's sleep frames
)

// traceID is the coroutine id trace events use for g.
func (g *Greenlet) traceID() int {
	if g.internal {
		return 2
	}
	return g.id
}

// GreenletClass is greenlet.greenlet.
var GreenletClass = func() *Class {
	c := &Class{Name: "greenlet", Dict: NewDict(), Builtin: "greenlet", Module: "greenlet"}
	c.Bases = []*Class{ObjectClass}
	c.MRO = []*Class{c, ObjectClass}
	subclassable["greenlet"] = true
	return c
}()

// GreenletExit and greenlet.error.
var GreenletExit, GreenletError *Class

func init() {
	GreenletExit = excClass("GreenletExit", BaseException)
	GreenletError = excClass("error", Exception)
	GreenletExit.Module = "greenlet"
	GreenletError.Module = "greenlet"
	exceptionClasses = exceptionClasses[:len(exceptionClasses)-2] // not builtins
	builtinConstructors["greenlet"] = func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		return nil, nil // instantiate handles greenlet classes itself
	}
	d := GreenletClass.Dict
	// none of greenlet's methods keeps its argument slice
	def := func(name string, fn method) {
		d.SetStr(name, &Builtin{Name: name, Fn: fn, Owner: "greenlet", NoRetain: true, resume: resumeKindOf("greenlet", name)})
	}
	def("__init__", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		g := glOf(a[0])
		if len(a) > 1 && a[1] != None {
			g.Run = a[1]
		} else if v, ok := kw.Get("run"); ok && v != None {
			g.Run = v
		}
		p := Value(None)
		if len(a) > 2 {
			p = a[2]
		} else if v, ok := kw.Get("parent"); ok {
			p = v
		}
		if p != None {
			pg := glOf(p)
			if pg == nil {
				return nil, th.typeError("GreenletChecker: Expected any type of greenlet, not %s", typeName(p))
			}
			g.Parent = pg
		}
		if th.env.Trace != nil && g.Run != nil && !g.internal {
			name := "greenlet"
			if n, err := th.getAttr(g.Run, "__name__"); err == nil {
				name, _ = n.(string)
			}
			g.name = name
			th.env.Trace("spawn", TraceEvent{G: g.id, Parent: th.traceGreenletID(), Name: name, Role: "greenlet"})
		}
		return None, nil
	})
	def("switch", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		return th.switchCall(glOf(a[0]), a[1:], kw, nil)
	})
	def("throw", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		g := glOf(a[0])
		var exc *Object
		var err error
		// greenlet's checks: a class derived from BaseException (with an
		// optional value), or an instance with no separate value
		typ := Value(GreenletExit)
		if len(a) > 1 {
			typ = a[1]
		}
		val := Value(None)
		if len(a) > 2 {
			val = a[2]
		}
		switch t := typ.(type) {
		case *Class:
			if !isExceptionClass(t) {
				return nil, th.typeError("exceptions must be classes, or instances, not type")
			}
			if val != None {
				exc, err = th.makeExceptionArgs(t, val)
			} else {
				exc, err = th.makeException(t)
			}
		case *Object:
			if !isExceptionClass(t.Class) {
				return nil, th.typeError("exceptions must be classes, or instances, not %s", typeName(typ))
			}
			if val != None {
				return nil, th.typeError("instance exception may not have a separate value")
			}
			exc = t
		default:
			return nil, th.typeError("exceptions must be classes, or instances, not %s", typeName(typ))
		}
		if err != nil {
			return nil, err
		}
		return th.switchCall(g, nil, nil, exc)
	})
	GreenletClass.Dict.SetStr("dead", &Property{Get: &Builtin{Name: "dead", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		g := glOf(a[0])
		return g.state == glDead, nil
	}}})
	GreenletClass.Dict.SetStr("parent", &Property{
		Get: &Builtin{Name: "parent", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			g := glOf(a[0])
			if g.Parent == nil {
				return None, nil
			}
			return th.glObject(g.Parent), nil
		}},
		Set: &Builtin{Name: "parent", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			g := glOf(a[0])
			p := glOf(a[1])
			if p == nil {
				return nil, th.typeError("GreenletChecker: Expected any type of greenlet, not %s", typeName(a[1]))
			}
			if g.isMain {
				return nil, th.newErr(AttributeError, "cannot set the parent of a main greenlet")
			}
			for x := p; x != nil; x = x.Parent {
				if x == g {
					return nil, th.valueError("cyclic parent chain")
				}
			}
			g.Parent = p
			return None, nil
		}},
	})
	GreenletClass.Dict.SetStr("run", &Property{
		Get: &Builtin{Name: "run", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			g := glOf(a[0])
			if g.Run == nil {
				if m := a[0].(*Object).Class.lookup("run"); m != nil {
					if _, isProp := m.(*Property); !isProp {
						return th.bind(m, a[0], a[0].(*Object).Class)
					}
				}
				return nil, th.newErr(AttributeError, "run")
			}
			return g.Run, nil
		}},
		Set: &Builtin{Name: "run", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			g := glOf(a[0])
			if g.state != glUnstarted {
				return nil, th.newErr(AttributeError, "run cannot be set after the start of the greenlet")
			}
			g.Run = a[1]
			return None, nil
		}},
	})
	def("__repr__", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		return th.greenletRepr(a[0].(*Object)), nil
	})
	def("__bool__", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		g := glOf(a[0])
		return g.state == glActive, nil
	})
	GreenletClass.Dict.SetStr("gr_frame", None)
	GreenletClass.Dict.SetStr("getcurrent", &StaticMethod{Func: &Builtin{Name: "getcurrent", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		return th.getcurrent(), nil
	}}})
}

// greenletRepr is greenlet 2.0's repr of a greenlet object: its type, its
// address, the address of its thread's state ("otid", none before it
// starts), and its state words, e.g.
// <greenlet.greenlet object at 0x7f3a000040 (otid=0x7f3a000080) current active started main>.
func (th *Thread) greenletRepr(o *Object) string {
	g := glOf(o)
	// a class defined in Python is named by its __name__; greenlet's own type
	// and gevent's compiled ones by their module too
	name := o.Class.Name
	if o.Class == GreenletClass || strings.HasPrefix(o.Class.Module, "gevent._gevent_c") {
		name = o.Class.Module + "." + o.Class.Name
	}
	if g == nil {
		return "<" + name + " object at " + th.addr(o) + ">"
	}
	otid := "0x(nil)"
	if g.state != glUnstarted || g.isMain {
		// every greenlet of the thread shows the same thread state
		otid = th.addr(th.curGreenletMain())
	}
	head := "<" + name + " object at " + th.addr(o) + " (otid=" + otid + ")"
	if g.state == glDead {
		return head + " dead>"
	}
	var b strings.Builder
	b.WriteString(head)
	switch {
	case g == th.curGreenlet():
		b.WriteString(" current")
	case g.state != glUnstarted:
		b.WriteString(" suspended")
	}
	if g.state == glActive {
		b.WriteString(" active started")
	} else {
		b.WriteString(" pending")
	}
	if g.isMain {
		b.WriteString(" main")
	}
	b.WriteString(">")
	return b.String()
}

// glOf returns the greenlet state behind a Python greenlet object.
func glOf(v Value) *Greenlet {
	if o, ok := v.(*Object); ok {
		if g, ok := o.Native.(*Greenlet); ok {
			return g
		}
	}
	return nil
}

// newGreenletObject creates an instance of a greenlet class.
func (th *Thread) newGreenletObject(c *Class) *Object {
	g := &Greenlet{id: th.newCoroID(), Parent: th.curGreenlet(), owner: th}
	if fr := th.cur; c == GreenletClass && fr != nil && isLibraryCode(fr.code) {
		g.internal = true
	}
	o := &Object{Class: c, Dict: newStrDict(c.attrHint), Native: g} // attrHint is 0 unless c is a user class
	g.obj = o
	return o
}

// glObject returns the Python object of a greenlet, creating it for the
// main greenlet and the hub on first use.
func (th *Thread) glObject(g *Greenlet) *Object {
	if g.obj == nil {
		c := GreenletClass
		if g.isHub {
			c = hubClass
		}
		g.obj = &Object{Class: c, Dict: NewDict(), Native: g}
	}
	return g.obj
}

var hubClass = func() *Class {
	c := &Class{Name: "Hub", Dict: NewDict(), Builtin: "greenlet", Module: "gevent.hub"}
	c.Bases = []*Class{GreenletClass}
	c.MRO = []*Class{c, GreenletClass, ObjectClass}
	return c
}()

func init() {
	hubClass.Dict.SetStr("__repr__", &Builtin{Name: "__repr__", Owner: "Hub", NoRetain: true, Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		return th.hubRepr(), nil
	}})
}

// mainThreadIdent is threading.get_ident() of the main thread
// (pylib/threading.py numbers threads from it).
const mainThreadIdent = "0x7f25b9570000"

// hubRepr is gevent's repr of the hub: its empty name, its address, its
// loop (libev's epoll loop, never with pending callbacks when Python code
// can look) and its thread.
func (th *Thread) hubRepr() string {
	return "<Hub '' at " + th.addr(th.glObject(th.theHub())) + " epoll default pending=0 ref=-1 thread_ident=" + mainThreadIdent + ">"
}

// threadSwitchInterval is how many instructions an unpatched thread runs
// before it lets the other threads run, as CPython's GIL switches threads
// every 5 ms (sys.getswitchinterval()); counted, so every run is the same.
const threadSwitchInterval = 200_000

// preemptDue reports whether the running greenlet is a thread that has used
// up its turn while other threads exist, fr being its frame. Never once
// threading is patched (threads are then greenlets, which switch only when
// they wait), and never inside a library module: its locks and queues are
// Python here, but atomic C code in CPython.
func (th *Thread) preemptDue(fr *Frame) bool {
	if th.threads == 0 || th.threadsPatched || th.native > 0 || th.used-th.switchedAt < threadSwitchInterval || isLibraryCode(fr.code) {
		return false
	}
	g := th.curG
	// only when another thread is ready to run at this instant: computing
	// takes no virtual time, so a sleeper's timer cannot come due meanwhile
	return g != nil && (g.thread || g.isMain) && g.top == nil && th.sched != nil && th.sched.Ready() > 0
}

// preempt suspends the running thread between two instructions (fr is its
// frame, about to run its next instruction), puts it behind the threads that
// are ready, and lets the hub run them. It returns the frame to go on with.
func (th *Thread) preempt(fr *Frame) (*Frame, error) {
	cur := th.curGreenlet()
	cur.top, cur.depth, cur.parked = fr, th.depth, parkedPreempted
	th.sched.Schedule(&wakeTask{g: cur, gen: cur.resumes, value: None, reason: wakePreempted})
	err := th.enterGreenlet(th.theHub(), nil, nil, None, nil, "preempted", "")
	return th.cur, err
}

// curGreenlet is the running greenlet (the main greenlet at first).
func (th *Thread) curGreenlet() *Greenlet {
	if th.curG == nil {
		th.mainG = &Greenlet{state: glActive, isMain: true, id: 1, name: "main", owner: th}
		th.curG = th.mainG
	}
	return th.curG
}

// switchCall implements g.switch(*args, **kw) and g.throw(exc) called from
// Python. The switch happens inside the VM loop, so it needs the calling
// frame; from a nested Go call it is refused.
func (th *Thread) switchCall(target *Greenlet, args []Value, kw *Kwargs, exc *Object) (Value, error) {
	caller := th.inline
	th.inline = nil
	if target == nil {
		return nil, th.typeError("descriptor 'switch' requires a 'greenlet.greenlet' object")
	}
	if caller == nil || th.native > 0 {
		return nil, th.newErr(RuntimeError, "cannot switch greenlets here: the switch happens inside a call made by a built-in function (for example inside sorted(key=...) or __repr__); move it into plain Python code")
	}
	cur := th.curGreenlet()
	value := packSwitchArgs(args, kw)
	if target == cur {
		if exc != nil {
			return nil, &PyError{Exc: exc}
		}
		return value, nil
	}
	cur.top = caller
	cur.depth = th.depth
	label := ""
	if th.env.Trace != nil {
		label = "switch()"
		if exc != nil {
			label = "throw(" + exc.Class.Name + ")"
		} else if len(args) > 0 {
			label = "switch(" + shortRepr(value) + ")"
		}
	}
	return suspended, th.enterGreenlet(target, args, kw, value, exc, "switch", label)
}

// packSwitchArgs turns switch arguments into the value the other side receives.
func packSwitchArgs(args []Value, kw *Kwargs) Value {
	if kw.Len() == 0 {
		switch len(args) {
		case 0:
			return emptyTuple
		case 1:
			return args[0]
		}
		return Tuple(append([]Value{}, args...))
	}
	d := NewDict()
	kw.storeInto(d)
	if len(args) == 0 {
		return d
	}
	return Tuple{Tuple(append([]Value{}, args...)), d}
}

// enterGreenlet makes target the running greenlet: it starts it, delivers a
// value to its pending switch, or raises exc in it. The current greenlet must
// already be saved. A dead target passes control on to its parent.
func (th *Thread) enterGreenlet(target *Greenlet, args []Value, kw *Kwargs, value Value, exc *Object, reason, label string) error {
	from := th.curGreenlet()
	th.switchedAt = th.used
	for target.state == glDead {
		if target.Parent == nil {
			break
		}
		// switching to a dead greenlet goes to its parent with the same value
		target = target.Parent
		args = []Value{value}
		kw = nil
	}
	if target.isHub {
		th.curG = target
		th.traceSwitch(from.traceID(), target.traceID(), reason, label)
		return th.runHub(value, exc)
	}
	th.traceSwitch(from.traceID(), target.traceID(), reason, label)
	th.curG = target
	target.resumes++
	if target.state == glUnstarted {
		target.state = glActive
		th.liveGreenlets++
		if max := th.env.MaxGreenlets; max > 0 && th.liveGreenlets > max {
			return &haltError{Kind: "limit", Reason: "more than " + humanCount(int64(max)) + " greenlets at once (the limit of one run)"}
		}
		if exc != nil {
			// throwing into a greenlet that never ran: it dies at once
			th.buryGreenlet(target)
			th.traceGreenletExit(target, nil, exc)
			if exc.Class.isSubclass(GreenletExit) {
				return th.finishGreenlet(target, exc)
			}
			return th.failGreenlet(target, exc)
		}
		if fr, ok := th.startGeventBody(target); ok {
			th.enterFirstFrame(fr, modeGeventBody)
			return nil
		}
		run := target.Run
		if run == nil && target.obj != nil {
			if m := target.obj.Class.lookup("run"); m != nil {
				if f, isFunc := m.(*Function); isFunc {
					// a run method: called with the greenlet first, no bound method made
					run, args = f, append([]Value{target.obj}, args...)
				} else if _, isProp := m.(*Property); !isProp {
					run, _ = th.bind(m, target.obj, target.obj.Class)
				}
			}
		}
		if run == nil {
			th.buryGreenlet(target)
			return th.failGreenlet(target, newExc(AttributeError, "run"))
		}
		fr, v, err := th.prepareCall(nil, run, args, kw)
		if err != nil {
			th.buryGreenlet(target)
			if pe, ok := err.(*PyError); ok {
				return th.failGreenlet(target, pe.Exc)
			}
			return err
		}
		if fr == nil {
			// a built-in run: it finished at once
			th.buryGreenlet(target)
			return th.finishGreenlet(target, v)
		}
		th.enterFirstFrame(fr, modeGreenlet)
		return nil
	}
	th.cur = target.top
	th.depth = target.depth
	target.top = nil
	parked := target.parked
	target.parked = parkedCall
	if parked == parkedPreempted {
		if exc != nil {
			return &PyError{Exc: exc}
		}
		return nil // it stopped between instructions: nothing to receive
	}
	if exc != nil {
		if parked == parkedSleep {
			// gevent's sleep is Python: its frames are in the traceback
			st := excState(exc)
			st.TB = append(st.TB, TBEntry{Code: geventSleepCode, Line: 1, PC: -1})
		}
		return &PyError{Exc: exc}
	}
	th.cur.push(value)
	return nil
}

// startGeventBody starts a gevent Greenlet whose run is gevent's own by
// calling its _run(*args, **kwargs) as the greenlet's first frame: while the
// greenlet waits, it holds no frame of Greenlet.run. When _run ends, the
// greenlet goes on in Greenlet._finish or _fail (endGeventBody), which do
// the rest of Greenlet.run's work. It reports false, having done nothing,
// for any other greenlet, and for a _run written in Go (a builtin needs a
// calling frame to wait in).
func (th *Thread) startGeventBody(g *Greenlet) (*Frame, bool) {
	o := g.obj
	if o == nil || g.Run != nil {
		return nil, false
	}
	if f, ok := o.Class.lookup("run").(*Function); !ok || !isGeventRun(f.Code) {
		return nil, false
	}
	body, err := th.getAttr(o, "_run")
	if err != nil {
		return nil, false
	}
	switch b := body.(type) {
	case *Function:
	case *BoundMethod:
		if _, ok := b.Func.(*Function); !ok {
			return nil, false
		}
	default:
		return nil, false
	}
	args, _ := o.Dict.GetStr("args")
	pos, ok := tupleOf(args)
	if !ok {
		return nil, false
	}
	var kw *Kwargs
	if kwargs, ok := o.Dict.GetStr("_kwargs"); ok { // see Greenlet.kwargs
		kwd, isDict := kwargs.(*Dict)
		if !isDict {
			return nil, false
		}
		if kw, ok = kwargsOf(kwd); !ok {
			return nil, false
		}
	}
	fr, _, err := th.prepareCall(nil, body, []Value(pos), kw)
	if err != nil || fr == nil {
		return nil, false // Greenlet.run reports it, as it would have
	}
	return fr, true
}

// enterFirstFrame makes fr the running first frame of the current greenlet.
func (th *Thread) enterFirstFrame(fr *Frame, mode int32) {
	fr.mode = mode
	fr.back = nil
	fr.depth = 1
	th.depth = 1
	th.cur = fr
}

// isGeventRun reports whether code is gevent's Greenlet.run.
func isGeventRun(code *compile.Code) bool { return code.Filename == "<gevent>" && code.Name == "run" }

// endGeventBody goes on, when a gevent greenlet's _run has returned v or
// raised exc, in Greenlet._finish(v) or _fail(exc): a new first frame of
// the same greenlet. exc's traceback gets the frame of Greenlet.run that
// gevent shows above _run's.
func (th *Thread) endGeventBody(g *Greenlet, v Value, exc *Object) error {
	name, arg := "_finish", v
	if exc != nil {
		name, arg = "_fail", exc
		if f, ok := g.obj.Class.lookup("run").(*Function); ok {
			st := excState(exc)
			st.TB = append(st.TB, TBEntry{Code: f.Code, Line: f.Code.FirstLine, PC: -1})
		}
	}
	end, err := th.getAttr(g.obj, name)
	if err != nil {
		return err
	}
	fr, _, err := th.prepareCall(nil, end, []Value{arg}, nil)
	if err != nil {
		return err
	}
	if fr == nil {
		return &haltError{Kind: "internal", Reason: "internal error: Greenlet." + name + " is not Python code"}
	}
	th.enterFirstFrame(fr, modeGreenlet)
	return nil
}

// finishGreenlet hands a finished greenlet's result to its parent.
func (th *Thread) finishGreenlet(g *Greenlet, v Value) error {
	th.buryGreenlet(g)
	p := g.Parent
	if r := th.standInFor(g); r != nil {
		p = r // a link's greenlet that never waited: back to its runner
	}
	for p != nil && p.state == glDead {
		p = p.Parent
	}
	if p == nil {
		return &haltError{Kind: "internal", Reason: "internal error: a greenlet without a living parent finished"}
	}
	label := ""
	if th.env.Trace != nil {
		label = "return " + shortRepr(v)
	}
	return th.enterGreenlet(p, []Value{v}, nil, v, nil, "finished", label)
}

// failGreenlet raises a dead greenlet's exception in its parent.
func (th *Thread) failGreenlet(g *Greenlet, exc *Object) error {
	th.buryGreenlet(g)
	p := g.Parent
	if r := th.standInFor(g); r != nil {
		p = r
	}
	for p != nil && p.state == glDead {
		p = p.Parent
	}
	if p == nil {
		return &PyError{Exc: exc}
	}
	return th.enterGreenlet(p, nil, nil, nil, exc, "finished", "raise "+exc.Class.Name)
}

// standInFor returns, and forgets, the callback runner that switched to g
// and waits for it to finish or wait (see run_spawned); nil for most.
func (th *Thread) standInFor(g *Greenlet) *Greenlet {
	if len(th.standIns) == 0 {
		return nil
	}
	r := th.standIns[g]
	delete(th.standIns, g)
	return r
}

// buryGreenlet marks g dead and stops counting it as live.
func (th *Thread) buryGreenlet(g *Greenlet) {
	if g.state == glActive {
		th.liveGreenlets--
	}
	g.state = glDead
}

func (th *Thread) traceGreenletExit(g *Greenlet, v Value, exc *Object) {
	if th.env.Trace == nil {
		return
	}
	ev := TraceEvent{G: g.traceID()}
	if g.internal {
		return
	}
	if exc != nil {
		ev.Error = th.excLine(exc)
	} else {
		ev.Value = Repr(v)
	}
	th.env.Trace("exit", ev)
}

// getcurrent returns the running greenlet's object.
func (th *Thread) getcurrent() *Object { return th.glObject(th.curGreenlet()) }

// theHub returns the run's gevent hub greenlet, creating it on first use.
func (th *Thread) theHub() *Greenlet {
	if th.hubG == nil {
		th.hubG = &Greenlet{isHub: true, state: glActive, id: 2, name: "Hub", Parent: th.curGreenletMain(), owner: th}
		if sh := th.env.Shared; sh != nil {
			th.sched = sh.Hub // one clock and one loop for every program of the run
		} else {
			th.sched = hub.New(hub.Options{Horizon: th.env.MaxVirtual, MaxTimers: th.env.MaxTimers})
			th.sched.Advance(*th.env.Clock)
		}
		if th.env.Trace != nil {
			// without gevent the hub only takes turns between threads: it
			// stands for the operating system's scheduler
			name := "Hub"
			if !th.usesGevent && !th.importsGevent() {
				name = "thread scheduler"
			}
			th.env.Trace("spawn", TraceEvent{G: 2, Parent: 1, Name: name, Role: "hub"})
		}
	}
	return th.hubG
}

// importsGevent reports whether the program's source imports gevent anywhere
// (the hub may be made before the import runs, by socket or threading).
func (th *Thread) importsGevent() bool {
	for _, l := range th.lines {
		l = strings.TrimSpace(l)
		if (strings.HasPrefix(l, "import ") || strings.HasPrefix(l, "from ")) && strings.Contains(l, "gevent") {
			return true
		}
	}
	return false
}

func (th *Thread) curGreenletMain() *Greenlet {
	th.curGreenlet()
	return th.mainG
}
