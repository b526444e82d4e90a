// Package sandbox is Coroutine Tour's engine: a Python 3 subset interpreter with
// greenlet, gevent, socket, time, threading and urllib emulated on a virtual clock
// and a virtual network.
//
// This file defines the public API: what a run is given (Options, Program, Limits),
// what it reports while it runs (Event) and how it ends (Result). The stages live in
// sub-packages: syntax (scanner, parser, AST), resolve (scopes), compile (bytecode),
// py (values and the interpreter), and the emulated modules beside them.
//
// A run is started with Start and executes on its own goroutine. Events reach the
// caller's callback in order, from that goroutine only. Input, Stop and Wait may be
// called from any goroutine.
package sandbox

import "time"

// Version identifies the engine's behaviour. Cached results are keyed by it, so it
// must change whenever a change could alter what a program prints.
const Version = "0.1.0"

// Program is one source file that runs as its own process within a run.
type Program struct {
	// Name is the file name shown in tracebacks ("main.py", "server.py").
	Name string
	// Source is the program's text.
	Source string
	// Stdin is input supplied up front. More may arrive later through Run.Input
	// when Options.Interactive is set; otherwise input() at its end raises EOFError.
	Stdin string
}

// Limits bounds what one run may use. A run that exceeds any of them stops with
// Status "limit" and a plain-language Reason; Python code cannot catch it.
type Limits struct {
	MaxSteps     int64         // bytecode instructions, natives charged by work (negative: no limit)
	MaxWall      time.Duration // real compute time (input waits excluded)
	MaxMemory    int64         // accounted bytes of Python-visible objects
	MaxOutput    int64         // bytes written to stdout and stderr together
	MaxDepth     int           // Python frames per coroutine (RecursionError)
	MaxGreenlets int           // live greenlets and threads
	MaxTimers    int           // pending timers
	MaxSockets   int           // open virtual sockets
	MaxVirtual   time.Duration // virtual time a run may reach
	MaxSource    int           // bytes of source per program
	MaxLifetime  time.Duration // real time from start to end, input waits included
}

// DefaultLimits returns the limits used when a caller sets none.
func DefaultLimits() Limits {
	return Limits{
		MaxSteps:     20_000_000,
		MaxWall:      5 * time.Second,
		MaxMemory:    64 << 20,
		MaxOutput:    1 << 20,
		MaxDepth:     1000,
		MaxGreenlets: 1000,
		MaxTimers:    10_000,
		MaxSockets:   64,
		MaxVirtual:   time.Hour,
		MaxSource:    64 << 10,
		MaxLifetime:  10 * time.Minute,
	}
}

// Options describes one run.
type Options struct {
	// Programs run together on one virtual network and one virtual clock, started
	// in this order. Most runs hold one program.
	Programs []Program
	// Limits; zero fields take the value of DefaultLimits.
	Limits Limits
	// Trace asks for line events and coroutine events (spawn, switch, sleep,
	// wait, exit). Without it only output, input and exit events are emitted.
	Trace bool
	// Interactive keeps each program's stdin open after Stdin is consumed:
	// input() then waits (the virtual clock does not advance) until Run.Input or
	// Run.CloseInput is called.
	Interactive bool
	// Hosts adds or replaces hosts of the simulated internet (see docs/hosts.md).
	Hosts []Host
	// Args are sys.argv[1:] for every program.
	Args []string
}

// Host is one site of the simulated internet that urlopen and sockets can reach.
type Host struct {
	// Match is a host name ("www.python.org") or a URL prefix
	// ("https://www.cnblogs.com/alex3714/").
	Match string `json:"match"`
	// Latency is the virtual time from request to response.
	Latency time.Duration `json:"latency"`
	// Status is the HTTP status (200 when zero).
	Status int `json:"status,omitempty"`
	// Body is the page's text; when empty, Size bytes of generated HTML are served.
	Body string `json:"body,omitempty"`
	Size int    `json:"size,omitempty"`
}

// Event kinds. Output and lifecycle kinds are always emitted; the others only
// when Options.Trace is set. docs/protocol.md documents each field per kind.
const (
	KindStdout      = "stdout"       // Text written to a program's stdout
	KindStderr      = "stderr"       // Text written to a program's stderr
	KindInputWait   = "input-wait"   // a program waits in input(); Text is the prompt
	KindInput       = "input"        // a line reached a program's input(); Text is the line as read, ending in "\n" ("\r\n" read as "\n"), except a last line cut short by the end of input
	KindProgramExit = "program-exit" // a program ended; Code is its exit status
	KindSpawn       = "spawn"        // a coroutine was created: G, Parent, Name, Role, Line
	KindSwitch      = "switch"       // control passed From -> To; Reason, Label
	KindSleep       = "sleep"        // G sleeps until UntilNS
	KindWait        = "wait"         // G waits on Reason (socket, queue, event, lock, join, input)
	KindExit        = "exit"         // G finished; Value or Error
	KindLine        = "line"         // G is about to run Line of its program
)

// Coroutine roles, for Event.Role.
const (
	RoleProgram   = "program"   // a program's main greenlet
	RoleGenerator = "generator" // a generator or generator expression
	RoleGreenlet  = "greenlet"  // a raw greenlet.greenlet
	RoleGevent    = "gevent"    // a gevent.Greenlet (spawned task)
	RoleThread    = "thread"    // a threading.Thread (or a patched one)
	RoleHub       = "hub"       // gevent's hub
)

// Event is one thing that happened in a run, in order. Seq increases strictly
// from 1; TimeNS is the absolute virtual time in nanoseconds since Epoch and never
// decreases. Fields that do not apply to a Kind are zero and omitted in JSON.
type Event struct {
	Seq     int64  `json:"seq"`
	TimeNS  int64  `json:"t_ns"`
	Kind    string `json:"kind"`
	Program int    `json:"program"`            // index into Options.Programs
	G       int    `json:"g,omitempty"`        // the coroutine concerned (ids unique within a run)
	Text    string `json:"text,omitempty"`     // output, prompt or input line
	Line    int    `json:"line,omitempty"`     // 1-based source line in Program
	Name    string `json:"name,omitempty"`     // spawn: how the learner knows it ("consumer", "foo")
	Role    string `json:"role,omitempty"`     // spawn: one of the Role constants
	Parent  int    `json:"parent,omitempty"`   // spawn: the coroutine that created it
	From    int    `json:"from,omitempty"`     // switch: the coroutine that gave up control
	To      int    `json:"to,omitempty"`       // switch: the coroutine that runs next
	Reason  string `json:"reason,omitempty"`   // switch/wait: why (see docs/protocol.md)
	Label   string `json:"label,omitempty"`    // switch: what was passed, as the learner wrote it ("send(3)")
	UntilNS int64  `json:"until_ns,omitempty"` // sleep: absolute virtual wake-up time
	Value   string `json:"value,omitempty"`    // exit: repr of the return value
	Error   string `json:"error,omitempty"`    // exit: "ValueError: bad" when it died of an exception
	Code    int    `json:"code,omitempty"`     // program-exit: exit status
}

// Epoch is virtual time zero: every run's clock starts here, so time.time()
// prints the same in every run.
var Epoch = time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)

// Run statuses, for Result.Status.
const (
	StatusOK      = "ok"      // every program exited with status 0
	StatusError   = "error"   // some program exited with a non-zero status
	StatusLimit   = "limit"   // a limit stopped the run; Reason says which
	StatusStopped = "stopped" // the host called Stop
	StatusIdle    = "idle"    // no program could ever make progress again (e.g. a server in accept)
)

// Result is how a run ended.
type Result struct {
	Status    string        // one of the Status constants
	Reason    string        // plain words for a learner, empty when Status is "ok"
	ExitCode  int           // of the first program that failed, else 0
	Exits     []int         // exit status per program (-1: never exited)
	VirtualNS int64         // virtual time elapsed since Epoch
	Steps     int64         // instructions executed
	Wall      time.Duration // real time spent, not counting waits for typed input
	Events    int64         // events emitted
}

// The run itself is implemented in run.go:
//
//	func Start(opts Options, emit func(Event)) *Run // begins the run on its own goroutine
//	func (r *Run) Input(program int, data string)    // a line (or more) typed by the learner
//	func (r *Run) CloseInput(program int)            // end of input: input() raises EOFError
//	func (r *Run) Stop()                             // ends the run with StatusStopped
//	func (r *Run) Done() <-chan struct{}             // closed when the run has ended
//	func (r *Run) Wait() Result                      // blocks until the end
//
// emit is called on the run's goroutine, in Seq order, and must not block for long:
// a caller that needs to batch or send over a network copies the event and returns.
