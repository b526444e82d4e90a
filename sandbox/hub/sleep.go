package hub

// This file defines how sleep durations are checked, as CPython 3.11's
// time.sleep and gevent 22.10's gevent.sleep do on Linux.

import "math"

// Forever is a deadline no timer reaches: the hub stops at the horizon first.
const Forever = int64(math.MaxInt64)

// SleepError is an exception the Python layer raises for a bad duration.
type SleepError struct {
	Type    string // Python exception class: "ValueError", "OverflowError", "OSError"
	Errno   int    // for OSError
	Message string // str(exc)
}

func (e *SleepError) Error() string { return e.Type + ": " + e.Message }

// ktimeMax is the largest deadline Linux's clock_nanosleep accepts, in ns.
const ktimeMax = int64(math.MaxInt64)

// TimeSleep checks seconds as CPython's time.sleep does and converts it to
// nanoseconds, rounded away from zero as CPython's _PyTime_ROUND_TIMEOUT does
// (so -1e-12 is negative). now is the current virtual monotonic time in ns.
//
//	time.sleep(-1)            ValueError: sleep length must be non-negative
//	time.sleep(float('nan'))  ValueError: Invalid value NaN (not a number)
//	time.sleep(float('inf'))  OverflowError: timestamp too large to convert to C _PyTime_t
//	time.sleep(2**63)         the same OverflowError
//	time.sleep(9223372036)    OSError: [Errno 22] Invalid argument (the deadline
//	                          now+seconds passes Linux's KTIME_MAX)
//
// Python ints should be converted to float64 by the caller; non-numbers are
// the caller's TypeError ("'str' object cannot be interpreted as an integer").
func TimeSleep(seconds float64, now int64) (int64, *SleepError) {
	if math.IsNaN(seconds) {
		return 0, &SleepError{Type: "ValueError", Message: "Invalid value NaN (not a number)"}
	}
	// CPython converts to _PyTime_t (int64 ns) first, rounding up for timeouts.
	d := seconds * 1e9
	if d < 0 {
		d = math.Floor(d)
	} else {
		d = math.Ceil(d)
	}
	if !(d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
		return 0, &SleepError{Type: "OverflowError", Message: "timestamp too large to convert to C _PyTime_t"}
	}
	ns := int64(d)
	if ns < 0 {
		return 0, &SleepError{Type: "ValueError", Message: "sleep length must be non-negative"}
	}
	if ns > ktimeMax-now || now+ns > ktimeMax-ktimeMax%1_000_000_000 {
		return 0, &SleepError{Type: "OSError", Errno: 22, Message: "[Errno 22] Invalid argument"}
	}
	return ns, nil
}

// GeventSleep converts seconds for gevent.sleep (and a monkey-patched
// time.sleep). gevent never raises for a number:
//
//   - seconds <= 0 (and -0.0) is sleep(0): yield is true, the caller queues
//     the greenlet with Schedule (loop.run_callback) instead of a timer;
//   - nan and inf, and durations past int64 nanoseconds, never wake (real
//     gevent hangs its loop on nan): ns is Forever and the hub stops the run
//     at the horizon with a plain message instead of hanging.
//
// Non-numbers are the caller's TypeError ("'<=' not supported between
// instances of 'str' and 'int'").
func GeventSleep(seconds float64) (ns int64, yield bool) {
	if math.IsNaN(seconds) || math.IsInf(seconds, 1) {
		return Forever, false
	}
	if seconds <= 0 {
		return 0, true
	}
	d := math.Round(seconds * 1e9)
	if d >= 9223372036854775807.0 {
		return Forever, false
	}
	ns = int64(d)
	if ns == 0 {
		ns = 1 // a positive sleep is a timer, even when shorter than 1 ns
	}
	return ns, false
}
