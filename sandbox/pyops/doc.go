// Package pyops holds CPython's algorithms for numbers, text and formatting, on plain Go types.
//
// Functions here do not know the interpreter's value types: ints are int64 (with *big.Int for
// the rest), floats are float64 and Python str values are Go strings in UTF-8. Failures come
// back as *Error carrying CPython's exact exception type and message, so the interpreter can
// raise them unchanged.
package pyops
