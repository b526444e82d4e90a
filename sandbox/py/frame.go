package py

// This file defines frames, threads of execution and the environment a
// program runs in.

import (
	"math/big"
	"sync/atomic"

	"coroutinetour/sandbox/hub"
	"coroutinetour/sandbox/vnet"
	"time"

	"coroutinetour/sandbox/compile"
)

// How a finished (or yielding) frame hands its result to the frame below it.
const (
	modePush       = iota // push the result on the caller's stack
	modeInit              // __init__: push the new instance instead of the result
	modeGo                // return to the Go code that started the frame (nested run)
	modeFor               // a generator resumed by FOR_ITER: exhaustion jumps to forTarget
	modeForNext           // a user __next__ called by FOR_ITER: StopIteration jumps to forTarget
	modeDelegate          // a generator driven by YIELD_FROM in the frame below
	modeGreenlet          // the first frame of a greenlet: its end switches to the parent
	modeGeventBody        // the first frame of a gevent greenlet, its _run: its end runs Greenlet._finish or _fail
)

// Frame is one activation of a code object. Frames live on the heap and are
// linked through back, so a Python call never recurses on the Go stack.
type Frame struct {
	code      *compile.Code
	fn        *Function
	data      *codeData
	consts    []Value // data.consts, kept here too: LOAD_CONST is among the hottest instructions
	pc        int
	stack     []Value
	sp        int
	locals    []Value // the start of the frame's one allocation; its cells and its stack follow
	globals   *Module
	back      *Frame
	gen       *Generator
	excs      *[]Value // exceptions being handled (innermost last); nil until the first
	aux       Value    // modeInit: the instance; a class body: its namespace (see classNS)
	mode      int32
	forTarget int32
	depth     int32
	charged   bool  // its size was counted against the memory limit (credited back when it ends)
	owned     int16 // 1 + the accumulator whose big int no one else has seen; 0: none (see accum.go)
}

// cell is the frame's i-th cell (its own cells, then its closure's): the
// cells live in its space, between the locals and the stack.
func (fr *Frame) cell(i int) *Cell { return fr.space()[len(fr.locals)+i].(*Cell) }

// classNS is the namespace a class body's frame stores its names in; nil
// for any other frame.
func (fr *Frame) classNS() *Dict {
	d, _ := fr.aux.(*Dict)
	return d
}

// nameSpace is where LOAD_NAME looks first and STORE_NAME stores: a class
// body's namespace, or the globals for a frame without one.
func (fr *Frame) nameSpace() *Dict {
	if d := fr.classNS(); d != nil {
		return d
	}
	return fr.globals.Dict
}

// handled is the stack of exceptions the frame is handling, innermost last.
func (fr *Frame) handled() []Value {
	if fr.excs == nil {
		return nil
	}
	return *fr.excs
}

// pushHandled enters the handling of exc.
func (fr *Frame) pushHandled(exc Value) {
	if fr.excs == nil {
		fr.excs = new([]Value) // most frames never handle one: the slice is not in the frame
	}
	*fr.excs = append(*fr.excs, exc)
}

// popHandled leaves the handling of all but the outermost n exceptions.
func (fr *Frame) popHandled(n int) {
	if h := fr.handled(); n >= 0 && n < len(h) {
		clear(h[n:])
		*fr.excs = h[:n]
	}
}

// space is the frame's locals, cells and stack, the one allocation kept when the
// frame is reused (locals is not capped, so it reaches over the stack).
func (fr *Frame) space() []Value { return fr.locals[:cap(fr.locals)] }

// accountedSize is what the frame counts against the memory limit.
func (fr *Frame) accountedSize() int64 { return int64(64 + 16*cap(fr.locals)) }

// credit gives back the memory counted for a frame that ended.
func (th *Thread) credit(fr *Frame) {
	if fr.charged {
		th.memory -= fr.accountedSize()
		fr.charged = false
	}
}

func (fr *Frame) push(v Value) {
	fr.stack[fr.sp] = v
	fr.sp++
}

func (fr *Frame) pop() Value {
	fr.sp--
	v := fr.stack[fr.sp]
	fr.stack[fr.sp] = nil
	return v
}

func (fr *Frame) top() Value { return fr.stack[fr.sp-1] }

// line is the source line of the instruction being executed.
func (fr *Frame) line() int {
	pc := fr.pc - 1
	if pc < 0 {
		pc = 0
	}
	if pc < len(fr.code.Lines) {
		return int(fr.code.Lines[pc])
	}
	return fr.code.FirstLine
}

// Env is what a program sees of the outside world. Every field is supplied by
// the sandbox run; none reaches the host.
type Env struct {
	// Write sends text to the program's stdout ("stdout") or stderr ("stderr");
	// g is the coroutine that wrote it (see TraceEvent), line the line of the
	// program that was running (0 when unknown).
	Write func(stream, text string, g, line int) error
	// ReadLine reads one line of stdin (without its newline); ok is false at end of input.
	ReadLine func(prompt string) (line string, ok bool, err error)
	// Filename is the program's file name, for tracebacks.
	Filename string
	// Argv is sys.argv.
	Argv []string
	// Clock is the virtual time in nanoseconds; Sleep advances it.
	Clock *int64
	// Limits.
	MaxSteps     int64
	MaxDepth     int
	MaxMemory    int64
	MaxVirtual   int64
	MaxGreenlets int // live greenlets and threads (0: no limit)
	MaxTimers    int // pending timers (0: the hub's default)
	Deadline     time.Time
	Cancel       *atomic.Bool
	// Shared, when a run holds several programs, is their common hub and network;
	// Program is this program's index among them.
	Shared  *Shared
	Program int
	// Hosts add to (or replace) the simulated internet's default hosts.
	Hosts []vnet.Host
	// OnSteps, if set, is told how many instructions ran when the program ends.
	OnSteps func(steps int64)
	// Trace receives coroutine events (nil: none).
	Trace func(kind string, ev TraceEvent)
}

// TraceEvent carries the details of a coroutine event for Env.Trace.
type TraceEvent struct {
	G, Parent, From, To       int
	Name, Role, Reason, Label string
	Line                      int
	UntilNS                   int64
	Value, Error              string
}

// Thread is the interpreter state of one program: its modules, its current
// frame and its budgets. It is not safe for concurrent use.
type Thread struct {
	env       *Env
	cur       *Frame
	main      *Module
	modules   map[string]*Module
	builtins  *Dict
	steps     int64 // remaining before the slow path
	used      int64 // steps used so far
	memory    int64
	native    int // depth of nested Go -> Python calls
	depth     int
	nextID    int
	ids       map[any]int
	halted    error
	inline    *Frame // the calling frame while a builtin runs from the VM loop
	reprSeen  map[any]bool
	importErr error
	// greenlets: the running one, the main one, gevent's hub and its scheduler
	curG, mainG, hubG *Greenlet
	sched             *hub.Hub
	glIDs             int
	threads           int  // live threading.Thread greenlets
	liveGreenlets     int  // greenlets started and not yet dead
	usesGevent        bool // the program imported gevent (deadlocks are gevent's LoopExit)
	lines             []string
	spareFrames       []*Frame   // frames of finished calls, reused by the next calls
	argStack          []Value    // arguments of NoRetain builtins being called, innermost last
	bigScratch        [2]big.Int // small operands of big-int arithmetic (see bigOf)
	ints              intBoxes   // boxes the ints of the VM's arithmetic and range loops
	classEpoch        int        // changes whenever a class's attributes change (attribute caches)
	switchedAt        int64      // th.used at the latest greenlet switch (thread preemption)
	threadsPatched    bool       // monkey.patch_thread() ran: threads are plain greenlets
	// the hub's callback runners (see runCallback): the function they run,
	// the idle ones, and the job of the one just made
	runnerFn    Value
	idleRunners []*Greenlet
	firstJob    Value
	standIns    map[*Greenlet]*Greenlet // a link's greenlet -> the runner waiting for it (run_spawned)
}

// maxSpareFrames bounds the frames kept for reuse per thread.
const maxSpareFrames = 64

// haltError stops a run; Python code cannot catch it.
type haltError struct {
	Reason string
	Kind   string // "limit", "stopped", "internal"
}

func (h *haltError) Error() string { return h.Reason }

// stepQuantum is how many instructions run between slow-path checks.
const stepQuantum = 10_000

// maxNative bounds Go recursion through nested calls, repr and comparison.
const maxNative = 200

// slowPath refills the step counter and checks the limits.
func (th *Thread) slowPath() error {
	if th.env == nil {
		// a detached thread (Repr of a plain value): nothing to limit
		th.steps = stepQuantum
		return nil
	}
	th.used += stepQuantum - th.steps
	if th.env.MaxSteps > 0 && th.used >= th.env.MaxSteps {
		return &haltError{Kind: "limit", Reason: "more than " + humanCount(th.env.MaxSteps) + " steps: is there an endless loop?"}
	}
	if th.env.Cancel != nil && th.env.Cancel.Load() {
		return &haltError{Kind: "stopped", Reason: "stopped"}
	}
	if !th.env.Deadline.IsZero() && time.Now().After(th.env.Deadline) {
		return &haltError{Kind: "limit", Reason: "the program ran too long (the time limit for one run is reached): is there an endless loop?"}
	}
	th.steps = stepQuantum
	return nil
}

// charge counts work done by a builtin in proportion to its size.
func (th *Thread) charge(n int) error {
	th.steps -= int64(n)
	if th.steps <= 0 {
		return th.slowPath()
	}
	return nil
}

// alloc counts memory of new Python-visible objects against the limit.
func (th *Thread) alloc(bytes int64) error {
	th.memory += bytes
	if th.env.MaxMemory > 0 && th.memory > th.env.MaxMemory {
		return th.newErr(MemoryError, "")
	}
	return nil
}

// Steps is how many instructions have run.
func (th *Thread) Steps() int64 { return th.used + stepQuantum - th.steps }

func humanCount(n int64) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return itoa(int(n/1_000_000)) + " million"
	}
	return itoa(int(n))
}
