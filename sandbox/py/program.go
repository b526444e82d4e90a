package py

// This file defines how a whole program runs: compile, execute the module,
// and report an uncaught exception or sys.exit as CPython does.

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/resolve"
	"coroutinetour/sandbox/syntax"
)

// Halt describes why a program was stopped by the sandbox (a limit, a stop
// from the host, or an internal error); Python code cannot catch it.
type Halt struct {
	Kind   string // "limit", "stopped" or "internal"
	Reason string
}

func (h *Halt) Error() string { return h.Reason }

// Compile parses, resolves and compiles a program. A syntax error is
// returned as *syntax.Error.
func Compile(filename, source string) (*compile.Code, error) {
	f, err := syntax.Parse(filename, source)
	if err != nil {
		return nil, err
	}
	info, err := resolve.File(f)
	if err != nil {
		return nil, err
	}
	return compile.File(f, info)
}

// NewThread prepares the interpreter state for one program.
func NewThread(env *Env, source string) *Thread {
	th := &Thread{env: env, modules: map[string]*Module{}, steps: stepQuantum, lines: strings.Split(source, "\n")}
	th.builtins = th.makeBuiltins()
	th.main = NewModule("__main__")
	th.main.Dict.SetStr("__builtins__", &Module{Name: "builtins", Dict: th.builtins})
	th.main.Dict.SetStr("__file__", env.Filename)
	th.main.Dict.SetStr("__doc__", None)
	th.modules["__main__"] = th.main
	return th
}

// RunProgram runs source as the program env.Filename and returns its exit
// status. Output, including tracebacks, goes through env.Write. A non-nil
// error is a *Halt: the sandbox stopped the program.
func RunProgram(env *Env, source string) (int, error) {
	code, err := Compile(env.Filename, source)
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			if werr := env.Write("stderr", se.Format(env.Filename), 1, se.Line); werr != nil {
				return 1, asHalt(werr)
			}
			return 1, nil
		}
		return 1, &Halt{Kind: "internal", Reason: "internal error while compiling"}
	}
	th := NewThread(env, source)
	return th.RunModule(code)
}

// Prepare compiles a program of a shared run and makes its interpreter; a
// syntax error is returned to be printed when the program's turn comes.
func Prepare(env *Env, source string) (*Thread, *compile.Code, error) {
	th := NewThread(env, source)
	code, err := Compile(env.Filename, source)
	return th, code, err
}

// RunPrepared runs a prepared program (or prints its syntax error).
func (th *Thread) RunPrepared(code *compile.Code, compileErr error) (int, error) {
	if compileErr != nil {
		if se, ok := compileErr.(*syntax.Error); ok {
			if werr := th.env.Write("stderr", se.Format(th.env.Filename), 1, se.Line); werr != nil {
				return 1, asHalt(werr)
			}
			return 1, nil
		}
		return 1, &Halt{Kind: "internal", Reason: "internal error while compiling"}
	}
	return th.RunModule(code)
}

// RunModule executes compiled module code as __main__.
func (th *Thread) RunModule(code *compile.Code) (exit int, halt error) {
	defer func() {
		if th.env.OnSteps != nil {
			th.env.OnSteps(th.Steps())
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			exit, halt = 1, &Halt{Kind: "internal", Reason: internalReason(r)}
		}
	}()
	fr := th.newFrame(code, nil, th.main)
	fr.mode = modeGo
	th.cur = nil
	th.pushFrame(fr)
	_, _, err := th.run(fr)
	if err == nil && th.threads > 0 {
		err = th.joinThreads()
	}
	if err == nil {
		return 0, nil
	}
	return th.reportError(err)
}

// joinThreads waits, as CPython's interpreter does at exit, for the threads
// that are still running (threading._shutdown, run in the main greenlet).
func (th *Thread) joinThreads() error {
	code, err := Compile("<shutdown>", "import threading\nthreading._shutdown()\n")
	if err != nil {
		return err
	}
	fr := th.newFrame(code, nil, th.main)
	fr.mode = modeGo
	th.cur = nil
	th.depth = 0
	th.pushFrame(fr)
	_, _, err = th.run(fr)
	return err
}

// internalReason describes a Go panic without showing Go's panic text.
func internalReason(r any) string {
	if os.Getenv("TOUR_ENGINE_DEBUG") != "" {
		// for engine developers only: learners never see Go panic text
		fmt.Fprintf(os.Stderr, "engine panic: %v\n%s", r, debug.Stack())
	}
	return "internal error in the engine (this is a bug in Coroutine Tour, not in your program)"
}

func asHalt(err error) error {
	switch e := err.(type) {
	case *Halt:
		return e
	case *haltError:
		return &Halt{Kind: e.Kind, Reason: e.Reason}
	}
	return &Halt{Kind: "internal", Reason: err.Error()}
}

// reportError prints an uncaught exception (or handles SystemExit) and
// returns the exit status.
func (th *Thread) reportError(err error) (int, error) {
	pe, ok := err.(*PyError)
	if !ok {
		return 1, asHalt(err)
	}
	exc := pe.Exc
	if exc.Class.isSubclass(SystemExit) {
		v := excState(exc).Value
		switch c := v.(type) {
		case nil, NoneType:
			return 0, nil
		case int:
			return c & 0xff, nil
		case bool:
			return boolInt(c), nil
		default:
			s, _ := th.str(c)
			if werr := th.env.Write("stderr", s+"\n", 1, 0); werr != nil {
				return 1, asHalt(werr)
			}
			return 1, nil
		}
	}
	th.cur = nil
	text := th.FormatException(exc)
	if werr := th.env.Write("stderr", text, th.traceGreenletID(), 0); werr != nil {
		return 1, asHalt(werr)
	}
	if exc.Class.isSubclass(KeyboardInterrupt) {
		return 130, nil // CPython ends by the interrupt signal: a shell reports 128+SIGINT
	}
	return 1, nil
}

var _ = fmt.Sprint
