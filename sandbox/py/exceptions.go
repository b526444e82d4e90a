package py

// This file defines the exception classes, exception state and tracebacks
// printed as CPython 3.11 prints them.

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"coroutinetour/sandbox/compile"
)

// ExcState is the state of an exception instance.
type ExcState struct {
	Args            Tuple
	TB              []TBEntry // innermost first
	Cause, Context  Value     // exception objects or nil
	SuppressContext bool
	// Value holds StopIteration.value and SystemExit.code.
	Value Value
	// Suggestion is the "Did you mean" name of a NameError or AttributeError:
	// like CPython, only the printed traceback shows it, not str(exc).
	Suggestion string
}

// TBEntry is one traceback frame.
type TBEntry struct {
	Code *compile.Code
	Line int
	PC   int // the instruction, for the carets under the line
	// Reloaded marks an entry of a traceback gevent pickled and rebuilt
	// (Greenlet.get re-raising a greenlet's exception): CPython rebuilds it
	// with stand-in code, 'raise __traceback_maker' at the line, so the
	// carets cover columns 6 to 23 of the real line, whatever is there.
	Reloaded bool
}

// reloadedPos is the source range of a Reloaded entry on src, its line:
// CPython reads the columns on the line with its newline.
func reloadedPos(line int, src string) compile.Position {
	end := min(23, utf8.RuneCountInString(src)+1)
	return compile.Position{Line: int32(line), Col: 6, EndLine: int32(line), EndCol: int32(end)}
}

// PyError is a Python exception travelling through Go code.
type PyError struct {
	Exc     *Object
	reraise bool // raised again as it was: no new traceback entry in this frame
}

func (e *PyError) Error() string { return e.Exc.Class.Name + ": " + excMessage(e.Exc) }

func excState(o *Object) *ExcState {
	if s, ok := o.Native.(*ExcState); ok {
		return s
	}
	s := &ExcState{}
	o.Native = s
	return s
}

// The built-in exception classes.
var (
	BaseException, Exception, SystemExit, KeyboardInterrupt, GeneratorExit, StopIteration,
	ArithmeticError, ZeroDivisionError, OverflowError, AssertionError, AttributeError, EOFError,
	ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError, NameError,
	UnboundLocalError, OSError, RuntimeError, NotImplementedError, RecursionError, TypeError,
	ValueError, UnicodeError, StopAsyncIteration, SyntaxError, IndentationError, TimeoutError,
	ConnectionError, BrokenPipeError, ConnectionResetError, ConnectionRefusedError, FloatingPointError,
	Warning, UserWarning, DeprecationWarning, RuntimeWarning, UnicodeDecodeError, UnicodeEncodeError,
	BufferError, ReferenceError, FileNotFoundError, PermissionError, BlockingIOError, InterruptedError,
	SystemError *Class
)

var exceptionClasses []*Class

func excClass(name string, bases ...*Class) *Class {
	c := newClass(name, bases, NewDict())
	c.Module = "builtins"
	exceptionClasses = append(exceptionClasses, c)
	return c
}

func init() {
	BaseException = excClass("BaseException", ObjectClass)
	BaseException.Builtin = "exception"
	SystemExit = excClass("SystemExit", BaseException)
	KeyboardInterrupt = excClass("KeyboardInterrupt", BaseException)
	GeneratorExit = excClass("GeneratorExit", BaseException)
	Exception = excClass("Exception", BaseException)
	StopIteration = excClass("StopIteration", Exception)
	StopAsyncIteration = excClass("StopAsyncIteration", Exception)
	ArithmeticError = excClass("ArithmeticError", Exception)
	ZeroDivisionError = excClass("ZeroDivisionError", ArithmeticError)
	OverflowError = excClass("OverflowError", ArithmeticError)
	FloatingPointError = excClass("FloatingPointError", ArithmeticError)
	AssertionError = excClass("AssertionError", Exception)
	AttributeError = excClass("AttributeError", Exception)
	BufferError = excClass("BufferError", Exception)
	EOFError = excClass("EOFError", Exception)
	ImportError = excClass("ImportError", Exception)
	ModuleNotFoundError = excClass("ModuleNotFoundError", ImportError)
	LookupError = excClass("LookupError", Exception)
	IndexError = excClass("IndexError", LookupError)
	KeyError = excClass("KeyError", LookupError)
	MemoryError = excClass("MemoryError", Exception)
	NameError = excClass("NameError", Exception)
	UnboundLocalError = excClass("UnboundLocalError", NameError)
	OSError = excClass("OSError", Exception)
	BlockingIOError = excClass("BlockingIOError", OSError)
	ConnectionError = excClass("ConnectionError", OSError)
	BrokenPipeError = excClass("BrokenPipeError", ConnectionError)
	ConnectionResetError = excClass("ConnectionResetError", ConnectionError)
	ConnectionRefusedError = excClass("ConnectionRefusedError", ConnectionError)
	FileNotFoundError = excClass("FileNotFoundError", OSError)
	InterruptedError = excClass("InterruptedError", OSError)
	PermissionError = excClass("PermissionError", OSError)
	TimeoutError = excClass("TimeoutError", OSError)
	ReferenceError = excClass("ReferenceError", Exception)
	RuntimeError = excClass("RuntimeError", Exception)
	NotImplementedError = excClass("NotImplementedError", RuntimeError)
	RecursionError = excClass("RecursionError", RuntimeError)
	SyntaxError = excClass("SyntaxError", Exception)
	IndentationError = excClass("IndentationError", SyntaxError)
	TypeError = excClass("TypeError", Exception)
	ValueError = excClass("ValueError", Exception)
	UnicodeError = excClass("UnicodeError", ValueError)
	UnicodeDecodeError = excClass("UnicodeDecodeError", UnicodeError)
	UnicodeEncodeError = excClass("UnicodeEncodeError", UnicodeError)
	Warning = excClass("Warning", Exception)
	UserWarning = excClass("UserWarning", Warning)
	DeprecationWarning = excClass("DeprecationWarning", Warning)
	RuntimeWarning = excClass("RuntimeWarning", Warning)
	// the rest of CPython's built-in exceptions: the engine never raises
	// them, but programs name them in except clauses and raise them
	SystemError = excClass("SystemError", Exception)
	excClass("TabError", IndentationError)
	excClass("UnicodeTranslateError", UnicodeError)
	excClass("ConnectionAbortedError", ConnectionError)
	for _, name := range []string{"FileExistsError", "IsADirectoryError", "NotADirectoryError", "ChildProcessError", "ProcessLookupError"} {
		excClass(name, OSError)
	}
	for _, name := range []string{"SyntaxWarning", "FutureWarning", "ImportWarning", "BytesWarning", "ResourceWarning", "PendingDeprecationWarning", "UnicodeWarning", "EncodingWarning"} {
		excClass(name, Warning)
	}
}

// isException reports whether c is BaseException or a subclass.
func isExceptionClass(c *Class) bool { return c.isSubclass(BaseException) }

// newExc creates an exception instance with the given args.
func newExc(c *Class, args ...Value) *Object {
	o := &Object{Class: c, Dict: NewDict()}
	st := excState(o)
	st.Args = Tuple(args)
	if c.isSubclass(StopIteration) || c.isSubclass(SystemExit) {
		if len(args) > 0 {
			st.Value = args[0]
		} else {
			st.Value = None
		}
	}
	return o
}

// newErr returns a Python exception of class c with a formatted message.
func (th *Thread) newErr(c *Class, format string, args ...any) error {
	if format == "" && len(args) == 0 {
		return &PyError{Exc: newExc(c)}
	}
	return &PyError{Exc: newExc(c, fmt.Sprintf(format, args...))}
}

func (th *Thread) typeError(format string, args ...any) error {
	return th.newErr(TypeError, format, args...)
}

func (th *Thread) valueError(format string, args ...any) error {
	return th.newErr(ValueError, format, args...)
}

// excMessage is str(exception).
func excMessage(o *Object) string {
	st := excState(o)
	if o.Class.isSubclass(KeyError) && len(st.Args) == 1 {
		return Repr(st.Args[0])
	}
	switch len(st.Args) {
	case 0:
		return ""
	case 1:
		return Str(st.Args[0])
	}
	return Repr(st.Args)
}

// FormatException renders an uncaught exception as CPython prints it:
// the chain of causes and contexts, each with its traceback.
func (th *Thread) FormatException(exc *Object) string { return th.formatException(exc, tbInterpreter) }

// formatException renders exc as CPython's printer style does.
func (th *Thread) formatException(exc *Object, style tbStyle) string {
	var b strings.Builder
	seen := map[*Object]bool{}
	th.formatChain(&b, exc, seen, style)
	return b.String()
}

func (th *Thread) formatChain(b *strings.Builder, exc *Object, seen map[*Object]bool, style tbStyle) {
	seen[exc] = true
	st := excState(exc)
	if c, ok := st.Cause.(*Object); ok && !seen[c] {
		th.formatChain(b, c, seen, style)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	} else if c, ok := st.Context.(*Object); ok && !st.SuppressContext && !seen[c] {
		th.formatChain(b, c, seen, style)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if len(st.TB) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		th.formatTB(b, st.TB, style)
	}
	b.WriteString(th.excLine(exc))
	b.WriteByte('\n')
}

// formatTB prints traceback entries outermost first, folding long runs of
// the same line as CPython does.
func (th *Thread) formatTB(b *strings.Builder, tb []TBEntry, style tbStyle) {
	var last TBEntry
	repeat := 0
	flush := func() {
		if repeat > 3 {
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", repeat-3, plural(repeat-3))
		}
	}
	for i := len(tb) - 1; i >= 0; i-- {
		e := tb[i]
		if e.Code != nil && e.Code.Filename == "<_inline>" {
			continue // builtins written in Python are builtins to the learner
		}
		if i < len(tb)-1 && e.Code == last.Code && e.Line == last.Line {
			repeat++
			if repeat > 3 {
				continue
			}
		} else {
			flush()
			repeat = 1
		}
		last = e
		if isLibraryEntry(e) {
			if text, j, ok := cpythonRun(tb, i); ok {
				b.WriteString(text)
				i, last = j, tb[j]
				continue
			}
		}
		if frame, ok := cpythonFrames[e.Code.Filename+" "+e.Code.Name]; ok {
			fmt.Fprintf(b, "  %s\n", frame)
			continue
		}
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", e.Code.Filename, e.Line, e.Code.Name)
		if src := th.sourceLine(e.Code.Filename, e.Line); strings.TrimSpace(src) != "" {
			fmt.Fprintf(b, "    %s\n", sourceLineText(src, style))
			if e.Reloaded {
				if carets := caretLine(src, e.Line, reloadedPos(e.Line, src), style); carets != "" {
					b.WriteString(carets)
					b.WriteByte('\n')
				}
			} else if e.PC >= 0 && e.PC < len(e.Code.Positions) {
				if carets := caretLine(src, e.Line, e.Code.Positions[e.PC], style); carets != "" {
					b.WriteString(carets)
					b.WriteByte('\n')
				}
			}
		}
	}
	flush()
}

// cpythonFrames is how CPython 3.11 with gevent 22.10 (Debian's packages,
// the reference) names the library frames that our modules, written in
// Python, have in their place (keyed by file and function here): every
// failed greenlet's report starts with gevent's run frame, every failed
// thread's with threading's two.
var cpythonFrames = map[string]string{
	"<gevent> run":           `File "src/gevent/greenlet.py", line 908, in gevent._gevent_cgreenlet.Greenlet.run`,
	"<gevent> _notify_links": `File "src/gevent/greenlet.py", line 1026, in gevent._gevent_cgreenlet.Greenlet._notify_links`,
	"<threading> _bootstrap": `File "/usr/lib/python3.11/threading.py", line 1038, in _bootstrap_inner
    self.run()`,
	"<threading> run": `File "/usr/lib/python3.11/threading.py", line 975, in run
    self._target(*self._args, **self._kwargs)`,
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// excLine is the final "Type: message" line.
func (th *Thread) excLine(exc *Object) string {
	name := exc.Class.Name
	if exc.Class.Module != "" && exc.Class.Module != "builtins" && exc.Class.Module != "__main__" {
		name = exc.Class.Module + "." + name
	}
	msg, err := th.str(exc)
	if err != nil {
		msg = "<exception str() failed>"
	}
	if s := excState(exc).Suggestion; s != "" {
		msg += ". Did you mean: '" + s + "'?"
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// sourceLine is the program's source line, as written (a trailing \r aside).
func (th *Thread) sourceLine(filename string, line int) string {
	if filename != th.env.Filename || line < 1 || line > len(th.lines) {
		return ""
	}
	return strings.TrimRight(th.lines[line-1], "\r")
}

// addTB records that exc passed through frame fr at its current line.
func addTB(exc *Object, fr *Frame) {
	st := excState(exc)
	line := fr.line()
	if fr.pc == 0 {
		// a generator thrown into before it started: CPython shows its
		// first line (the def, or its first decorator)
		line = fr.code.HeadLine
	}
	st.TB = append(st.TB, TBEntry{Code: fr.code, Line: line, PC: fr.pc - 1})
}

// currentHandled is the exception being handled (sys.exc_info()), if any.
func (th *Thread) currentHandled() *Object {
	for fr := th.cur; fr != nil; fr = fr.back {
		if h := fr.handled(); len(h) > 0 {
			if o, ok := h[len(h)-1].(*Object); ok {
				return o
			}
		}
	}
	return nil
}
