package py

// This file defines the native primitives gevent is built on (the _gevent
// module): the hub loop over the virtual clock, sleeping, scheduling a
// greenlet, parking until woken, and timers. gevent itself is Python
// (pylib/gevent*.py), as the real gevent is Python over greenlet and libev.

import (
	"math"
	"strings"
	"time"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/hub"
)

// wakeTask is what the hub runs: switch to g with a value, or raise exc in it.
// Every sleeping greenlet holds one, so it is kept to 48 bytes.
type wakeTask struct {
	g      *Greenlet
	gen    int // g.resumes when the wake-up was arranged; -1: always valid (a timer the caller cancels)
	value  Value
	exc    *Object
	reason wakeReason
}

// wakeReason is why a wakeTask switches into its greenlet, as the switch
// event names it.
type wakeReason uint8

const (
	wakeTimer wakeReason = iota
	wakeWoken
	wakeKilled
	wakePreempted
	wakeIO
	wakeStart
	wakeCallback // value is (function, args): run_callback's, run by a callback runner
)

var wakeReasons = [...]string{wakeTimer: "timer", wakeWoken: "wake", wakeKilled: "killed", wakePreempted: "preempted", wakeIO: "io", wakeStart: "start", wakeCallback: "wake"}

func (r wakeReason) String() string { return wakeReasons[r] }

// HubGroup puts every wake-up of this interpreter in its program (one per
// run today), so that hub.Block can freeze the program during an unpatched
// socket call. When a run holds several programs, it becomes the program's index.
func (w *wakeTask) HubGroup() int { return w.program() }

// LoopExit is gevent's exception for "this operation would block forever";
// BlockingSwitchOutError, for a callback of the hub that tries to block.
var LoopExit, BlockingSwitchOutError *Class

// runHub is the body of the hub greenlet: it picks what runs next (a ready
// greenlet, or one whose timer fired, the clock jumping to it) and switches
// to it. When nothing can ever run again, the main greenlet gets LoopExit.
func (th *Thread) runHub(value Value, exc *Object) error {
	for {
		task, ok := th.sched.Next()
		*th.env.Clock = th.sched.Now()
		if !ok {
			switch th.sched.Stall().Reason {
			case hub.Horizon:
				return &haltError{Kind: "limit", Reason: "the program waited past the virtual-time limit of " + time.Duration(th.env.MaxVirtual).String()}
			}
			if sh := th.env.Shared; sh != nil {
				_, reason := sh.endAll("no program can make progress any more: " + sh.waitingWords())
				return &haltError{Kind: "idle", Reason: reason}
			}
			main := th.mainG
			if main == nil || main.state == glDead {
				return &haltError{Kind: "idle", Reason: "nothing can run any more"}
			}
			if !th.usesGevent {
				if th.threads > 0 {
					return &haltError{Kind: "idle", Reason: "the program waits forever: every thread is waiting for another one (a deadlock)"}
				}
				return &haltError{Kind: "idle", Reason: "the program waits forever: it waits for a queue, lock or event that nothing else can ever release"}
			}
			if main.idleWait {
				main.idleWait = false
				return th.enterGreenlet(main, nil, nil, None, nil, "idle", "")
			}
			// gevent's message names the hub and its (here: no) pending handles
			le := newExc(LoopExit, "This operation would block forever\n\tHub: "+th.hubRepr()+"\n\tHandles:\n[]")
			return th.enterGreenlet(main, nil, nil, nil, le, "blocked", "LoopExit")
		}
		w, isWake := task.(*wakeTask)
		if !isWake || w.g.state == glDead || w.gen >= 0 && w.gen != w.g.resumes {
			continue
		}
		if sh := th.env.Shared; sh != nil && w.program() != th.env.Program {
			if !sh.isAlive(w.program()) {
				continue
			}
			// another program's turn: hand it the baton and wait for ours
			next, err := sh.handTo(th.env.Program, w)
			if err != nil {
				return err
			}
			w = next
			*th.env.Clock = th.sched.Now()
			if w.g.state == glDead || w.gen >= 0 && w.gen != w.g.resumes {
				continue
			}
		}
		if w.reason == wakeCallback {
			return th.runCallback(w.value)
		}
		return th.enterGreenlet(w.g, nil, nil, w.value, w.exc, w.reason.String(), "")
	}
}

// fastSpawn is what gevent.spawn needs to spawn natively (see fast_spawn).
type fastSpawn struct {
	cls              *Class // gevent's Greenlet, frozen: its methods cannot change
	python, laneName Value  // gevent.spawn in Python; _lane_name
}

// spawnGreenlet is gevent.spawn(run, *args, **kwargs): what Greenlet's
// __init__ and start do, in Go.
func (th *Thread) spawnGreenlet(fs *fastSpawn, a []Value, kw *Kwargs) (Value, error) {
	if len(a) == 0 {
		return th.callValue(fs.python, a, kw) // run given by keyword, or missing
	}
	run := a[0]
	if run != None && !isCallable(run) {
		return nil, th.typeError("The run argument or self._run must be callable")
	}
	// Greenlet.__init__: a greenlet of the hub; _run, args, _links, _kwargs
	obj := th.newGreenletObject(fs.cls)
	g := obj.Native.(*Greenlet)
	g.Parent = th.theHub()
	d := obj.Dict
	if run != None {
		d.SetStr("_run", run)
	}
	args := emptyTuple
	if len(a) > 1 {
		args = append(Tuple{}, a[1:]...)
	}
	d.SetStr("args", args)
	d.SetStr("_links", &List{})
	if kw.Len() > 0 {
		kwargs := NewDict()
		kw.storeInto(kwargs)
		d.SetStr("_kwargs", kwargs) // else Greenlet.kwargs makes it when asked
	}
	// Greenlet.start
	d.SetStr("_started", true)
	if d.live > fs.cls.attrHint {
		fs.cls.attrHint = d.live
	}
	if err := th.traceSpawn(obj, fs.laneName, "gevent"); err != nil {
		return nil, err
	}
	th.sched.Schedule(&wakeTask{g: g, gen: g.resumes, value: None, reason: wakeWoken})
	return obj, nil
}

// traceSpawn names greenlet object o's lane on the timeline, when someone
// watches: name is a str, or a function of o returning it.
func (th *Thread) traceSpawn(o, name Value, role string) error {
	g := glOf(o)
	if g == nil || th.env.Trace == nil {
		return nil
	}
	s, isStr := name.(string)
	if !isStr {
		v, err := th.callValue(name, []Value{o}, nil)
		if err != nil {
			return err
		}
		s, _ = v.(string)
	}
	g.name = s
	th.env.Trace("spawn", TraceEvent{G: g.id, Parent: th.curGreenlet().traceID(), Name: s, Role: role})
	return nil
}

// runnerCaller is the calling frame and greenlet of a native that only a
// callback runner calls (next_callback, run_spawned).
func (th *Thread) runnerCaller(what string) (*Frame, *Greenlet, error) {
	caller := th.inline
	th.inline = nil
	cur := th.curGreenlet()
	if caller == nil || th.native > 0 || !cur.runner {
		return nil, nil, th.newErr(RuntimeError, "%s() is for callback runners", what)
	}
	return caller, cur, nil
}

// runCallback hands a callback of the hub to an idle callback runner, or to
// a new one. gevent runs callbacks in the hub itself; the engine's hub is Go,
// so a runner (pylib/gevent.py _callback_runner, an internal greenlet) runs
// them, taken when the callback's turn comes: one runner serves a whole loop
// turn of callbacks. A callback may not block (BlockingSwitchOutError); a
// link()'s greenlet that switches elsewhere keeps its runner until it ends.
func (th *Thread) runCallback(job Value) error {
	if n := len(th.idleRunners); n > 0 {
		r := th.idleRunners[n-1]
		th.idleRunners = th.idleRunners[:n-1]
		return th.enterGreenlet(r, nil, nil, job, nil, "wake", "")
	}
	obj := th.newGreenletObject(GreenletClass)
	r := obj.Native.(*Greenlet)
	r.Run, r.Parent, r.internal, r.runner = th.runnerFn, th.theHub(), true, true
	th.firstJob = job
	return th.enterGreenlet(r, nil, nil, None, nil, "wake", "")
}

// parkInHub saves the current greenlet (its frame is waiting at caller) and
// switches to the hub. What wakes it decides the value its call returns.
func (th *Thread) parkInHub(caller *Frame, reason string) error {
	cur := th.curGreenlet()
	cur.top = caller
	cur.depth = th.depth
	if r := th.standInFor(cur); r != nil {
		// a link's greenlet waits: its callback runner goes on (see run_spawned)
		return th.enterGreenlet(r, nil, nil, None, nil, reason, "")
	}
	h := th.theHub()
	if cur == h {
		return th.newErr(GreenletError, "cannot switch to the hub from the hub")
	}
	return th.enterGreenlet(h, nil, nil, None, nil, reason, "")
}

func (th *Thread) needInline(what string) (*Frame, error) {
	caller := th.inline
	th.inline = nil
	if th.curG != nil && th.curG.runner {
		// as in gevent, whose callbacks run in the hub
		return nil, th.newErr(BlockingSwitchOutError, "Impossible to call blocking function in the event loop callback")
	}
	if caller == nil || th.native > 0 {
		return nil, th.newErr(RuntimeError, "%s cannot block here: it is called inside a call made by a built-in function (for example inside sorted(key=...) or __repr__); move it into plain Python code", what)
	}
	return caller, nil
}

// geventSleep parks the current greenlet on a timer (or, for 0, behind
// every greenlet already ready): gevent.sleep, and time.sleep once patched
// or between threads.
func (th *Thread) geventSleep(secs float64) (Value, error) {
	caller, err := th.needInline("sleep()")
	if err != nil {
		if pe, ok := err.(*PyError); ok && pe.Exc.Class == BlockingSwitchOutError {
			// gevent's sleep is Python: its frames are in the traceback
			st := excState(pe.Exc)
			st.TB = append(st.TB, TBEntry{Code: geventSleepInHubCode, Line: 1, PC: -1})
		}
		return nil, err
	}
	th.theHub()
	cur := th.curGreenlet()
	ns, yield := hub.GeventSleep(secs)
	task := &wakeTask{g: cur, gen: cur.resumes, value: None, reason: wakeTimer}
	if yield {
		th.sched.Schedule(task)
	} else {
		if _, err := th.sched.After(ns, task); err != nil {
			return nil, th.tooManyTimers()
		}
		if th.env.Trace != nil {
			until := th.sched.Now() + ns
			if ns == hub.Forever {
				until = math.MaxInt64
			}
			th.env.Trace("sleep", TraceEvent{G: cur.traceID(), UntilNS: until})
		}
	}
	if cur != th.hubG {
		cur.parked = parkedSleep
	}
	return suspended, th.parkInHub(caller, "sleep")
}

// geventSleepCode stands for gevent.sleep in tracebacks (see parkedSleep),
// geventSleepInHubCode for gevent.sleep refusing to block in a callback of
// the hub.
var (
	geventSleepCode      = &compile.Code{Filename: "<gevent>", Name: "sleep"}
	geventSleepInHubCode = &compile.Code{Filename: "<gevent>", Name: "sleep in the hub"}
)

func (th *Thread) tooManyTimers() error {
	n := int64(th.sched.Options().MaxTimers)
	return &haltError{Kind: "limit", Reason: "more than " + humanCount(n) + " timers are pending (the limit of one run)"}
}

// virtualISO is the virtual time as gevent prints it in error reports.
func (th *Thread) virtualISO() string {
	return VirtualEpoch.Add(time.Duration(*th.env.Clock)).UTC().Format("2006-01-02T15:04:05Z")
}

var timerClass = func() *Class {
	c := &Class{Name: "Timer", Dict: NewDict(), Builtin: "timer", Module: "gevent._gevent"}
	c.MRO = []*Class{c, ObjectClass}
	c.Dict.SetStr("cancel", &Builtin{Name: "cancel", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		if t, ok := a[0].(*Object).Native.(hub.Timer); ok {
			t.Cancel()
		}
		return None, nil
	}})
	// pending: neither fired nor cancelled (libev's timer.pending)
	c.Dict.SetStr("pending", &Property{Get: &Builtin{Name: "pending", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		t, ok := a[0].(*Object).Native.(hub.Timer)
		return ok && t.Pending(), nil
	}}})
	return c
}()

func makeGeventNative(th *Thread) *Module {
	m := NewModule("_gevent")
	m.Dict.SetStr("LoopExit", LoopExit)
	m.Def("getcurrent", func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return th.getcurrent(), nil })
	m.Def("get_hub", func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return th.glObject(th.theHub()), nil })
	m.Def("now", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		th.theHub()
		return float64(VirtualEpoch.UnixNano()+th.sched.Now()) / 1e9, nil
	})
	m.Def("timestamp", func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return th.virtualISO(), nil })
	// sleep(seconds): the current greenlet waits on a timer (or, for 0, yields
	// to every greenlet already ready).
	// sleep(seconds=0, ref=True) is gevent.sleep itself (no Python frame
	// between a sleeping greenlet and the hub).
	m.Def("sleep", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		secs := 0.0
		arg, given := Value(nil), len(a) > 0
		if given {
			arg = a[0]
		} else {
			arg, given = kw.Get("seconds")
		}
		if given {
			f, ok := toFloat(arg)
			if !ok {
				th.inline = nil
				return nil, th.typeError("'<=' not supported between instances of '%s' and 'int'", typeName(arg))
			}
			secs = f
		}
		return th.geventSleep(secs)
	})
	// schedule(greenlet[, value]): run greenlet with value at the end of this loop turn.
	m.Def("schedule", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		g := glOf(a[0])
		if g == nil {
			return nil, th.typeError("schedule() needs a greenlet")
		}
		th.theHub()
		var v Value = None
		if len(a) > 1 {
			v = a[1]
		}
		th.sched.Schedule(&wakeTask{g: g, gen: g.resumes, value: v, reason: wakeWoken})
		return None, nil
	})
	// throw_soon(greenlet, exc): raise exc in greenlet at the end of this loop turn.
	m.Def("throw_soon", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		g := glOf(a[0])
		exc, err := th.makeException(a[1])
		if err != nil {
			return nil, err
		}
		th.theHub()
		th.sched.Schedule(&wakeTask{g: g, gen: g.resumes, exc: exc, reason: wakeKilled})
		return None, nil
	})
	// wait(reason): park the current greenlet until something schedules it;
	// returns the value it was woken with.
	m.Def("wait", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		caller, err := th.needInline("waiting")
		if err != nil {
			return nil, err
		}
		reason := "wait"
		if len(a) > 0 {
			reason, _ = a[0].(string)
		}
		th.theHub()
		if th.env.Trace != nil {
			th.env.Trace("wait", TraceEvent{G: th.curGreenlet().traceID(), Reason: reason})
		}
		return suspended, th.parkInHub(caller, "wait")
	})
	// run_callback(function, *args): call function(*args) in its turn among
	// the hub's wake-ups, as gevent's loop.run_callback does.
	m.Def("run_callback", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		th.sched.Schedule(&wakeTask{g: th.theHub(), gen: -1, value: Tuple{a[0], append(Tuple{}, a[1:]...)}, reason: wakeCallback})
		return None, nil
	})
	// callback_runner(function) names the function callback runners run:
	// it loops over next_callback().
	m.Def("callback_runner", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		th.runnerFn = a[0]
		return None, nil
	})
	// run_spawned(function, source) is gevent's SpawnedLink: function runs
	// in a new greenlet of the hub, switched to from the callback runner,
	// which waits until it finishes or first waits (gevent's hub goes on
	// with its callbacks then).
	m.Def("run_spawned", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		caller, cur, err := th.runnerCaller("run_spawned")
		if err != nil {
			return nil, err
		}
		obj := th.newGreenletObject(GreenletClass)
		g := obj.Native.(*Greenlet)
		g.Run, g.Parent = a[0], th.theHub()
		if th.standIns == nil {
			th.standIns = map[*Greenlet]*Greenlet{}
		}
		th.standIns[g] = cur
		cur.top, cur.depth = caller, th.depth
		return suspended, th.enterGreenlet(g, []Value{a[1]}, nil, None, nil, "switch", "")
	})
	// next_callback() returns a callback runner's next (function, args),
	// waiting idle for it.
	m.Def("next_callback", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		if job := th.firstJob; job != nil {
			th.firstJob = nil // the job of a runner just made
			return job, nil
		}
		caller, cur, err := th.runnerCaller("next_callback")
		if err != nil {
			return nil, err
		}
		th.idleRunners = append(th.idleRunners, cur)
		return suspended, th.parkInHub(caller, "wait")
	})
	// timer(seconds, greenlet, value, throw=False): wake (or raise in) greenlet later.
	m.Def("timer", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		secs, _ := toFloat(a[0])
		g := glOf(a[1])
		th.theHub()
		task := &wakeTask{g: g, gen: -1, value: a[2], reason: wakeTimer}
		if t, ok := kw.Get("throw"); ok && truthy(t) {
			exc, err := th.makeException(a[2])
			if err != nil {
				return nil, err
			}
			task.exc, task.value = exc, nil
		}
		ns, yield := hub.GeventSleep(secs)
		if yield {
			ns = 0
		}
		t, err := th.sched.After(ns, task)
		if err != nil {
			return nil, th.tooManyTimers()
		}
		return &Object{Class: timerClass, Dict: NewDict(), Native: t}, nil
	})
	// wait_idle(): park until nothing else can run (gevent.wait() without arguments).
	m.Def("wait_idle", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		caller, err := th.needInline("gevent.wait()")
		if err != nil {
			return nil, err
		}
		th.theHub()
		cur := th.curGreenlet()
		if !cur.isMain {
			return nil, th.newErr(RuntimeError, "gevent.wait() without objects can only be called from the main greenlet here")
		}
		cur.idleWait = true
		return suspended, th.parkInHub(caller, "wait")
	})
	// mark_dead(greenlet): a greenlet killed before it started never runs.
	m.Def("mark_dead", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		if g := glOf(a[0]); g != nil && g.state == glUnstarted {
			g.state = glDead
		}
		return None, nil
	})
	m.Def("write_stderr", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		s, _ := a[0].(string)
		return None, th.write("stderr", s)
	})
	m.Def("print_exception", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		exc, ok := a[0].(*Object)
		if !ok {
			return None, nil
		}
		// print_exception(exc, module=False): module prints as Python's
		// traceback module does (gevent's reports), else as the interpreter
		style := tbInterpreter
		if len(a) > 1 && a[1] == true {
			style = tbModule
		}
		return None, th.write("stderr", th.formatException(exc, style))
	})
	// trace_spawn(g, name, role="gevent") names a greenlet's lane on the
	// timeline; name may be a function of g returning the name (a function,
	// not a bound method: spawning makes no object that only tracing needs).
	m.Def("trace_spawn", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		if g := glOf(a[0]); g != nil {
			g.internal = false // a library greenlet that is a learner's thread or task
		}
		role := "gevent"
		if len(a) > 2 {
			role, _ = a[2].(string)
		}
		return None, th.traceSpawn(a[0], a[1], role)
	})
	// fast_spawn(Greenlet, spawn, lane_name) makes spawn(run, *args,
	// **kwargs) (gevent.spawn) native: spawning is the inner loop of many
	// gevent programs. It freezes Greenlet, an immutable type in gevent, so
	// its __init__ and start stay the ones spawnGreenlet does; spawn is the
	// Python version, for a run given by keyword.
	m.Def("fast_spawn", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		cls, ok := a[0].(*Class)
		if !ok {
			return nil, th.typeError("fast_spawn() needs the Greenlet class")
		}
		cls.frozen = true // as gevent's compiled Greenlet: spawning relies on its methods
		cls.readonly = map[string]bool{"args": true, "kwargs": true, "value": true, "exception": true,
			"dead": true, "started": true, "minimal_ident": true}
		fs := &fastSpawn{cls: cls, python: a[1], laneName: a[2]}
		return &Builtin{Name: "spawn", Fn: func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.spawnGreenlet(fs, a, kw)
		}}, nil
	})
	// thread_started / thread_finished count live threads: while there are
	// some, an unpatched time.sleep lets them run (it releases the GIL).
	m.Def("thread_started", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		th.threads++
		return None, nil
	})
	// thread_greenlet(g) marks g as an unpatched thread (preempted after
	// its turn); threads_patched() says monkey.patch_thread() ran.
	m.Def("thread_greenlet", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		if g := glOf(a[0]); g != nil && !th.threadsPatched {
			g.thread = true
		}
		return None, nil
	})
	m.Def("threads_patched", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		th.threadsPatched = true
		return None, nil
	})
	m.Def("thread_finished", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		th.threads--
		return None, nil
	})
	m.Def("block_main", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		// unpatched time.sleep inside gevent: the clock moves, nobody else runs
		secs, _ := toFloat(a[0])
		return None, th.SleepBlocking(secs)
	})
	markNoRetain(m) // none of the functions above keeps its argument slice
	return m
}

func init() {
	LoopExit = newClass("LoopExit", []*Class{Exception}, NewDict())
	LoopExit.Module = "gevent.exceptions"
	BlockingSwitchOutError = newClass("BlockingSwitchOutError", []*Class{AssertionError}, NewDict())
	BlockingSwitchOutError.Module = "gevent.exceptions"
	RegisterModule("_gevent", makeGeventNative)
	RegisterModule("greenlet", func(th *Thread) *Module {
		m := NewModule("greenlet")
		m.Dict.SetStr("greenlet", GreenletClass)
		m.Dict.SetStr("GreenletExit", GreenletExit)
		m.Dict.SetStr("error", GreenletError)
		m.Dict.SetStr("__version__", "2.0.2")
		m.Def("getcurrent", func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return th.getcurrent(), nil })
		return m
	})
	_ = strings.TrimSpace
}
