// Package py holds the values and the interpreter together (as starlark-go
// does): Python objects, the bytecode VM with heap frames, generators,
// exceptions with CPython-style tracebacks, builtins and the library modules.
package py

// This file defines the value representation.

import (
	"math"
	"math/big"
	"math/bits"

	"coroutinetour/sandbox/compile"
)

// Value is any Python value. The concrete types are:
//
//	NoneType, bool, int (small ints), *big.Int (large ints), float64, string (str),
//	Bytes, *List, Tuple and *Pair (tuples), *Dict, *Set, *Range, *Slice, *Function, *Builtin,
//	*BoundMethod, *Class, *Object, *Generator, *Module, *Cell, *Property,
//	*StaticMethod, *ClassMethod, *Super, *Iterator.
type Value any

// NoneType is the type of None.
type NoneType struct{}

// None is Python's None.
var None = NoneType{}

// Bytes is an immutable bytes value.
type Bytes string

// List is a Python list.
type List struct {
	Items []Value
}

// Tuple is a Python tuple.
type Tuple []Value

// Pair is a tuple of two items, as the VM's BUILD_TUPLE makes them (`(k, v)`,
// `return a, b`): boxed as a *Pair, it is one 32-byte allocation where a
// Tuple in a Value is two (its items and its slice header), 56 bytes. Code
// that reads tuples sees both through tupleOf; a Pair's items are never
// written after it is made, as no tuple's are.
type Pair [2]Value

// tupleOf returns v's items when v is a tuple (a Tuple or a Pair; a Pair's
// items are a view of the pair itself, so &t[0] is the same for both).
func tupleOf(v Value) (Tuple, bool) {
	switch t := v.(type) {
	case Tuple:
		return t, true
	case *Pair:
		return t[:], true
	}
	return nil, false
}

// tupleItems is v's items when v is a tuple; nil otherwise.
func tupleItems(v Value) Tuple {
	t, _ := tupleOf(v)
	return t
}

// newTuple is a new tuple of a copy of items: a Pair for two.
func newTuple(items []Value) Value {
	if len(items) == 2 {
		return &Pair{items[0], items[1]}
	}
	t := make(Tuple, len(items))
	copy(t, items)
	return t
}

// asTuple is v, with a Pair turned into a Tuple of the same items, for the
// code that switches on Tuple. It allocates a slice header for a Pair: hot
// paths use tupleOf instead.
func asTuple(v Value) Value {
	if p, ok := v.(*Pair); ok {
		return Tuple(p[:])
	}
	return v
}

// emptyTuple is the one empty tuple, boxed once (as CPython has one too).
var emptyTuple Value = Tuple{}

// Range is a Python range.
type Range struct {
	Start, Stop, Step int
}

// Len is the number of elements of the range.
func (r *Range) Len() int {
	if r.Step > 0 && r.Start < r.Stop {
		return (r.Stop - r.Start + r.Step - 1) / r.Step
	}
	if r.Step < 0 && r.Start > r.Stop {
		return (r.Start - r.Stop - r.Step - 1) / (-r.Step)
	}
	return 0
}

// Slice is a Python slice object.
type Slice struct {
	Start, Stop, Step Value
}

// Cell holds a variable shared between a function and its inner functions.
type Cell struct {
	V Value // nil when unbound
}

// Function is a Python function: code plus its defaults, closure and globals.
type Function struct {
	Code       *compile.Code
	Name       string
	Qualname   string
	Defaults   []Value
	KwDefaults *Dict
	Closure    []*Cell
	Globals    *Module
	Dict       *Dict
}

// Builtin is a function written in Go.
type Builtin struct {
	Name string
	Fn   func(th *Thread, args []Value, kw *Kwargs) (Value, error)
	Self Value // the bound receiver of a method, or nil
	// Owner is the type name for methods ("str" for str.upper), for messages.
	Owner string
	// NoRetain promises that Fn keeps no reference to its args slice once it
	// returns: the VM may then pass arguments in a reused buffer.
	NoRetain bool
	// resume marks generator.send, generator.__next__ and greenlet.switch,
	// which the VM makes itself (see callResume).
	resume resumeKind
}

// resumeKind says which of the VM's own calls a builtin is (see callResume).
type resumeKind uint8

const (
	resumeNone   resumeKind = iota
	resumeSend              // generator.send
	resumeNext              // generator.__next__
	resumeSwitch            // greenlet.switch
)

// resumeKindOf is the resumeKind of the method name of the built-in type owner.
func resumeKindOf(owner, name string) resumeKind {
	switch {
	case owner == "generator" && name == "send":
		return resumeSend
	case owner == "generator" && name == "__next__":
		return resumeNext
	case owner == "greenlet" && name == "switch":
		return resumeSwitch
	}
	return resumeNone
}

// Kwargs are the keyword arguments of a call to a builtin, in order.
type Kwargs struct {
	Names  []string
	Values []Value
}

// storeInto sets each keyword argument in d (none when k is nil).
func (k *Kwargs) storeInto(d *Dict) {
	if k == nil {
		return
	}
	for i, n := range k.Names {
		d.SetStr(n, k.Values[i])
	}
}

// Get returns the keyword argument name, if given.
func (k *Kwargs) Get(name string) (Value, bool) {
	if k == nil {
		return nil, false
	}
	for i, n := range k.Names {
		if n == name {
			return k.Values[i], true
		}
	}
	return nil, false
}

// Len is the number of keyword arguments.
func (k *Kwargs) Len() int {
	if k == nil {
		return 0
	}
	return len(k.Names)
}

// BoundMethod is a function bound to its receiver.
type BoundMethod struct {
	Self Value
	Func Value
}

// Property is a property descriptor.
type Property struct {
	Get, Set, Del Value
	Doc           Value
}

// StaticMethod wraps a function so that it is not bound.
type StaticMethod struct{ Func Value }

// ClassMethod wraps a function so that it binds to the class.
type ClassMethod struct{ Func Value }

// Super is the result of super().
type Super struct {
	Class *Class // search starts after this class in the MRO
	Self  Value
}

// Module is a Python module: a name and its namespace.
type Module struct {
	Name string
	Dict *Dict
}

// Object is an instance of a user-defined class (or of an exception class).
type Object struct {
	Class *Class
	Dict  *Dict
	// Native holds the state of instances of built-in classes written in Go
	// (exceptions keep their traceback here).
	Native any
}

// Class is a Python class (built-in or user-defined).
type Class struct {
	Name  string
	Bases []*Class
	MRO   []*Class
	Dict  *Dict
	// Builtin is the Go-side kind for built-in types ("int", "str", ... or "" for user classes).
	Builtin string
	Module  string
	// userClass marks classes made by a class statement: they belong to one
	// run, unlike the built-in classes that every run shares.
	userClass bool
	// frozen marks a library class written in Python that CPython has as a
	// compiled, immutable type (gevent's Greenlet): its attributes cannot
	// be set or deleted. readonly names the attributes its instances have
	// read-only, as the compiled type's fields are.
	frozen   bool
	readonly map[string]bool
	// attrHint is the most attributes an instance of the class has had so
	// far (counted at stores and at the end of __init__), to size the next
	// instance's dict at once (user classes only).
	attrHint int
}

// smallIntLimit keeps int results within int64 before switching to big.Int.
var (
	bigMaxInt = big.NewInt(int64(^uint(0) >> 1))
	bigMinInt = new(big.Int).Neg(new(big.Int).Add(bigMaxInt, big.NewInt(1)))
)

// normBig returns a small int when the big value fits.
func normBig(b *big.Int) Value {
	if b.IsInt64() {
		return int(b.Int64())
	}
	return b
}

// bigCell is a big int whose magnitude, when it is small, lives in the same
// allocation: sums and products of ints just past 2**63 (the running total
// of a loop) then cost one allocation instead of two.
type bigCell struct {
	n big.Int
	w [bigCellWords]big.Word
}

const bigCellWords = 3

// newBigResult returns a zero big.Int with room for a result of the given
// number of words.
func newBigResult(words int) *big.Int {
	if words > bigCellWords {
		return new(big.Int)
	}
	c := new(bigCell)
	c.n.SetBits(c.w[:0])
	return &c.n
}

// narrowMag is the magnitude and sign of an int or of a big int of at most
// two words; ok is false for a wider big int or another type.
func narrowMag(v Value) (hi, lo uint64, neg, ok bool) {
	switch v := v.(type) {
	case int:
		if v < 0 {
			return 0, uint64(-v), true, true // -MinInt64 wraps to 1<<63, its magnitude
		}
		return 0, uint64(v), false, true
	case *big.Int:
		w := v.Bits()
		switch len(w) {
		case 1:
			return 0, uint64(w[0]), v.Sign() < 0, true
		case 2:
			return uint64(w[1]), uint64(w[0]), v.Sign() < 0, true
		}
	}
	return 0, 0, false, false
}

// addNarrow is x + y (x - y when sub) for ints and big ints of up to two
// words: the running total of a loop just past 2**63 (sums of squares,
// factorial-sized products kept small) adds in a few instructions and one
// allocation instead of going through math/big's general path. ok is false
// when an operand is wider (the caller then uses math/big). A big result is
// always a new big int.
func addNarrow(sub bool, x, y Value) (Value, bool) {
	w, n, neg, ok := sumNarrow(sub, x, y)
	if !ok {
		return nil, false
	}
	if v, ok := narrowInt(w[0], n, neg); ok {
		return v, true
	}
	c := new(bigCell)
	copy(c.w[:], w[:n])
	c.n.SetBits(c.w[:n])
	if neg {
		c.n.Neg(&c.n)
	}
	return &c.n, true
}

// sumNarrow is the magnitude (n words of w) and sign of x + y (x - y when
// sub) for ints and big ints of up to two words; ok is false for others.
func sumNarrow(sub bool, x, y Value) (w [3]big.Word, n int, neg, ok bool) {
	xh, xl, xneg, ok1 := narrowMag(x)
	yh, yl, yneg, ok2 := narrowMag(y)
	if !ok1 || !ok2 {
		return w, 0, false, false
	}
	if sub {
		yneg = !yneg
	}
	neg = xneg
	if xneg == yneg {
		lo, c := bits.Add64(xl, yl, 0)
		hi, c := bits.Add64(xh, yh, c)
		w = [3]big.Word{big.Word(lo), big.Word(hi), big.Word(c)}
	} else {
		// the signs differ: subtract the smaller magnitude from the larger
		if xh < yh || xh == yh && xl < yl {
			xh, xl, yh, yl, neg = yh, yl, xh, xl, yneg
		}
		lo, b := bits.Sub64(xl, yl, 0)
		hi, _ := bits.Sub64(xh, yh, b)
		w = [3]big.Word{big.Word(lo), big.Word(hi), 0}
	}
	n = 3
	for n > 0 && w[n-1] == 0 {
		n--
	}
	return w, n, neg, true
}

// narrowInt is the small int of magnitude lo and sign neg when it fits one
// (n, the magnitude's words, is at most 1).
func narrowInt(lo big.Word, n int, neg bool) (int, bool) {
	if n > 1 {
		return 0, false
	}
	m := uint64(lo)
	if !neg && m <= math.MaxInt64 {
		return int(m), true
	}
	if neg && m <= 1<<63 {
		return int(-m), true // -(1<<63) wraps to MinInt64
	}
	return 0, false
}

// bigOf is toBig for an operand used only during one operation: a small int
// is written into scratch instead of a new big.Int.
func bigOf(v Value, scratch *big.Int) *big.Int {
	switch v := v.(type) {
	case int:
		return scratch.SetInt64(int64(v))
	case *big.Int:
		return v
	}
	return toBig(v)
}

func toBig(v Value) *big.Int {
	switch v := v.(type) {
	case int:
		return big.NewInt(int64(v))
	case bool:
		if v {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	case *big.Int:
		return v
	}
	return nil
}
