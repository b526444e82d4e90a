// This file defines Error, the exception description every failing function returns.

package pyops

// Error describes a Python exception: its type name (e.g. "ValueError") and its message,
// both worded exactly as CPython 3.11 words them.
type Error struct {
	Type string
	Msg  string
}

// Error returns "Type: Msg", as a traceback's last line shows it.
func (e *Error) Error() string { return e.Type + ": " + e.Msg }

func newError(typ, msg string) *Error { return &Error{Type: typ, Msg: msg} }
