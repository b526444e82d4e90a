package vnet

// This file defines the errors sockets report, with Linux's errno and
// CPython's text.

import "fmt"

// Error is a socket error as CPython raises it: Errno and the text that
// str(exc) shows after "[Errno N] ". Class names the Python exception.
type Error struct {
	Errno int
	Text  string
	Class string // "ConnectionRefusedError", "socket.gaierror", "TimeoutError", ...
}

// Error returns str(exc): "[Errno 111] Connection refused", or "timed out"
// for a timeout (which has no errno).
func (e *Error) Error() string {
	if e.Errno == 0 {
		return e.Text
	}
	return fmt.Sprintf("[Errno %d] %s", e.Errno, e.Text)
}

// The errors the virtual network reports. Compare with ==.
var (
	ErrWouldBlock     = &Error{11, "Resource temporarily unavailable", "BlockingIOError"}
	ErrRefused        = &Error{111, "Connection refused", "ConnectionRefusedError"}
	ErrBrokenPipe     = &Error{32, "Broken pipe", "BrokenPipeError"}
	ErrReset          = &Error{104, "Connection reset by peer", "ConnectionResetError"}
	ErrAddrInUse      = &Error{98, "Address already in use", "OSError"}
	ErrAddrNotAvail   = &Error{99, "Cannot assign requested address", "OSError"}
	ErrBadFD          = &Error{9, "Bad file descriptor", "OSError"}
	ErrInvalid        = &Error{22, "Invalid argument", "OSError"}
	ErrNotConnected   = &Error{107, "Transport endpoint is not connected", "OSError"}
	ErrIsConnected    = &Error{106, "Transport endpoint is already connected", "OSError"}
	ErrNetUnreachable = &Error{101, "Network is unreachable", "OSError"}
	ErrTooManyFiles   = &Error{24, "Too many open files", "OSError"}
	// ErrTimeout is socket.timeout (TimeoutError) raised by a socket with a
	// timeout; the Python layer raises it when its hub timer wins.
	ErrTimeout = &Error{0, "timed out", "TimeoutError"}
	// ErrNoName is what getaddrinfo reports offline for a name it does not
	// know (glibc's EAI_NONAME); urlopen shows it as
	// "<urlopen error [Errno -2] Name or service not known>".
	ErrNoName = &Error{-2, "Name or service not known", "socket.gaierror"}
	// ErrNameTemporary is EAI_AGAIN, for a host configured to fail that way.
	ErrNameTemporary = &Error{-3, "Temporary failure in name resolution", "socket.gaierror"}
)
