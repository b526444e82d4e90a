package py

// This file defines the operators: arithmetic with Python semantics (floor
// division, modulo signs, arbitrary-precision ints), comparisons, truth,
// subscripts, and the dunder methods of user classes.

import (
	"math"
	"math/big"
	"strings"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/pyops"
)

// smallIntOp is the fast path for int op int; ok is false when the result
// needs the general path (overflow, division, errors). The caller boxes
// the result (th.ints.box).
func smallIntOp(op, x, y int) (int, bool) {
	switch op {
	case compile.OpAdd:
		r := x + y
		if (r > x) == (y > 0) {
			return r, true
		}
	case compile.OpSub:
		r := x - y
		if (r < x) == (y > 0) {
			return r, true
		}
	case compile.OpMul:
		if x > -(1<<31) && x < 1<<31 && y > -(1<<31) && y < 1<<31 {
			return x * y, true
		}
	case compile.OpFloorDiv:
		if y != 0 && !(x == math.MinInt && y == -1) {
			q := x / y
			if (x%y != 0) && ((x < 0) != (y < 0)) {
				q--
			}
			return q, true
		}
	case compile.OpMod:
		if y != 0 && y != -1 {
			m := x % y
			if m != 0 && ((m < 0) != (y < 0)) {
				m += y
			}
			return m, true
		}
	case compile.OpAnd:
		return x & y, true
	case compile.OpOr:
		return x | y, true
	case compile.OpXor:
		return x ^ y, true
	}
	return 0, false
}

func compareInts(op, x, y int) Value { return intCompare(op, x, y) }

// intCompare applies a comparison operator to two small ints.
func intCompare(op, x, y int) bool {
	switch op {
	case compile.OpLt:
		return x < y
	case compile.OpLe:
		return x <= y
	case compile.OpEq:
		return x == y
	case compile.OpNe:
		return x != y
	case compile.OpGt:
		return x > y
	}
	return x >= y
}

var dunders = map[int][2]string{
	compile.OpAdd: {"__add__", "__radd__"}, compile.OpSub: {"__sub__", "__rsub__"},
	compile.OpMul: {"__mul__", "__rmul__"}, compile.OpTrueDiv: {"__truediv__", "__rtruediv__"},
	compile.OpFloorDiv: {"__floordiv__", "__rfloordiv__"}, compile.OpMod: {"__mod__", "__rmod__"},
	compile.OpPow: {"__pow__", "__rpow__"}, compile.OpLShift: {"__lshift__", "__rlshift__"},
	compile.OpRShift: {"__rshift__", "__rrshift__"}, compile.OpAnd: {"__and__", "__rand__"},
	compile.OpOr: {"__or__", "__ror__"}, compile.OpXor: {"__xor__", "__rxor__"},
	compile.OpMatMul: {"__matmul__", "__rmatmul__"},
}

var inplaceDunders = map[int]string{
	compile.OpAdd: "__iadd__", compile.OpSub: "__isub__", compile.OpMul: "__imul__",
	compile.OpTrueDiv: "__itruediv__", compile.OpFloorDiv: "__ifloordiv__", compile.OpMod: "__imod__",
	compile.OpOr: "__ior__", compile.OpAnd: "__iand__",
}

// NotImplemented is the NotImplemented singleton.
type notImplementedT struct{}

// NotImplemented is returned by binary dunders that do not handle an operand.
var NotImplemented = notImplementedT{}

// ellipsisT is the type of Ellipsis.
type ellipsisT struct{}

// Ellipsis is the ... singleton.
var Ellipsis = ellipsisT{}

func (th *Thread) binaryOp(op int, x, y Value, inplace bool) (Value, error) {
	if inplace {
		if l, ok := x.(*List); ok && op == compile.OpAdd {
			items, err := th.iterate(y)
			if err != nil {
				if _, isIt := y.(*List); !isIt {
					return nil, th.typeError("'%s' object is not iterable", typeName(y))
				}
				return nil, err
			}
			l.Items = append(l.Items, items...)
			return l, th.alloc(int64(16 * len(items)))
		}
		if o, ok := x.(*Object); ok {
			if name, ok := inplaceDunders[op]; ok {
				if m := o.Class.lookup(name); m != nil {
					r, err := th.callValue(m, []Value{x, y}, nil)
					if err != nil || r != NotImplemented {
						return r, err
					}
				}
			}
		}
	}
	if v, ok, err := th.builtinBinary(op, x, y); ok || err != nil {
		return v, err
	}
	names := dunders[op]
	xo, xUser := x.(*Object)
	yo, yUser := y.(*Object)
	if xUser {
		if m := xo.Class.lookup(names[0]); m != nil {
			r, err := th.callValue(m, []Value{x, y}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if yUser {
		if m := yo.Class.lookup(names[1]); m != nil {
			r, err := th.callValue(m, []Value{y, x}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	sym := compile.OperatorSymbols[op]
	if inplace {
		sym += "="
	}
	if op == compile.OpAdd && isStr(x) && !isStr(y) {
		return nil, th.typeError("can only concatenate str (not \"%s\") to str", typeName(y))
	}
	if op == compile.OpAdd {
		if _, ok := x.(*List); ok {
			return nil, th.typeError("can only concatenate list (not \"%s\") to list", typeName(y))
		}
		if _, ok := tupleOf(x); ok {
			return nil, th.typeError("can only concatenate tuple (not \"%s\") to tuple", typeName(y))
		}
	}
	if op == compile.OpPow {
		return nil, th.typeError("unsupported operand type(s) for ** or pow(): '%s' and '%s'", typeName(x), typeName(y))
	}
	if op == compile.OpMul {
		for _, pair := range [][2]Value{{x, y}, {y, x}} {
			switch pair[0].(type) {
			case string, *List, Tuple, *Pair, Bytes:
				return nil, th.typeError("can't multiply sequence by non-int of type '%s'", typeName(pair[1]))
			}
		}
	}
	return nil, th.typeError("unsupported operand type(s) for %s: '%s' and '%s'", sym, typeName(x), typeName(y))
}

func isStr(v Value) bool { _, ok := v.(string); return ok }

func isInt(v Value) bool {
	switch v.(type) {
	case int, *big.Int, bool:
		return true
	}
	return false
}

func toFloat(v Value) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case int:
		return float64(v), true
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		return f, true
	}
	return 0, false
}

// builtinBinary handles operators between built-in types.
func (th *Thread) builtinBinary(op int, x, y Value) (Value, bool, error) {
	if isInt(x) && isInt(y) {
		v, err := th.intOp(op, x, y)
		return v, v != nil || err != nil, err
	}
	_, xf := x.(float64)
	_, yf := y.(float64)
	if (xf && (yf || isInt(y))) || (yf && isInt(x)) {
		a, _ := toFloat(x)
		b, _ := toFloat(y)
		v, err := th.floatOp(op, a, b)
		return v, v != nil || err != nil, err
	}
	switch a := x.(type) {
	case string:
		switch b := y.(type) {
		case string:
			if op == compile.OpAdd {
				if err := th.alloc(int64(len(a) + len(b))); err != nil {
					return nil, true, err
				}
				return a + b, true, nil
			}
			if op == compile.OpMod {
				v, err := th.percentFormat(a, b)
				return v, true, err
			}
		}
		if op == compile.OpMul && isInt(y) {
			v, err := th.repeatStr(a, y)
			return v, true, err
		}
		if op == compile.OpMod {
			v, err := th.percentFormat(a, y)
			return v, true, err
		}
	case Bytes:
		if b, ok := y.(Bytes); ok && op == compile.OpAdd {
			return a + b, true, nil
		}
		if b, ok := y.(*ByteArray); ok && op == compile.OpAdd {
			return a + Bytes(b.B), true, nil
		}
		if op == compile.OpMod {
			v, err := th.percentFormatBytes(a, y)
			return v, true, err
		}
		if op == compile.OpAdd {
			return nil, true, th.typeError("can't concat %s to bytes", typeName(y))
		}
		if op == compile.OpMul && isInt(y) {
			v, err := th.repeatStr(string(a), y)
			if err != nil {
				return nil, true, err
			}
			return Bytes(v.(string)), true, nil
		}
	case *ByteArray:
		if op == compile.OpAdd {
			var tail []byte
			switch b := y.(type) {
			case Bytes:
				tail = []byte(b)
			case *ByteArray:
				tail = b.B
			default:
				return nil, true, th.typeError("can't concat %s to bytearray", typeName(y))
			}
			if err := th.alloc(int64(len(a.B) + len(tail))); err != nil {
				return nil, true, err
			}
			return &ByteArray{B: append(append(make([]byte, 0, len(a.B)+len(tail)), a.B...), tail...)}, true, nil
		}
		if op == compile.OpMul && isInt(y) {
			v, err := th.repeatStr(string(a.B), y)
			if err != nil {
				return nil, true, err
			}
			return &ByteArray{B: []byte(v.(string))}, true, nil
		}
	case *List:
		if b, ok := y.(*List); ok && op == compile.OpAdd {
			items := make([]Value, 0, len(a.Items)+len(b.Items))
			items = append(append(items, a.Items...), b.Items...)
			return &List{Items: items}, true, th.alloc(int64(16 * len(items)))
		}
		if op == compile.OpMul && isInt(y) {
			items, err := th.repeatSeq(a.Items, y)
			return &List{Items: items}, true, err
		}
	case *Pair:
		return th.builtinBinary(op, Tuple(a[:]), y)
	case Tuple:
		if b, ok := tupleOf(y); ok && op == compile.OpAdd {
			out := make(Tuple, 0, len(a)+len(b))
			return append(append(out, a...), b...), true, nil
		}
		if op == compile.OpMul && isInt(y) {
			items, err := th.repeatSeq(a, y)
			return Tuple(items), true, err
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			v, err := th.setOp(op, a, b)
			return v, v != nil || err != nil, err
		}
	case *Dict:
		if b, ok := y.(*Dict); ok && op == compile.OpOr {
			d := a.copy()
			err := th.dictUpdate(d, b, false)
			return d, true, err
		}
	}
	if op == compile.OpMul && isInt(x) {
		switch y.(type) {
		case string, *List, Tuple, *Pair, Bytes:
			return th.builtinBinary(op, y, x)
		}
	}
	return nil, false, nil
}

func (th *Thread) repeatStr(s string, n Value) (Value, error) {
	k, ok := n.(int)
	if !ok {
		if b, isB := n.(bool); isB {
			if b {
				k = 1
			}
		} else {
			return nil, th.newErr(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
	}
	if k <= 0 || s == "" {
		return "", nil
	}
	if int64(len(s))*int64(k) > 1<<28 {
		return nil, th.newErr(MemoryError, "")
	}
	if err := th.alloc(int64(len(s) * k)); err != nil {
		return nil, err
	}
	if err := th.charge(len(s) * k / 64); err != nil {
		return nil, err
	}
	return strings.Repeat(s, k), nil
}

func (th *Thread) repeatSeq(items []Value, n Value) ([]Value, error) {
	k, ok := n.(int)
	if !ok {
		return nil, th.newErr(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if k <= 0 || len(items) == 0 {
		return []Value{}, nil
	}
	if int64(len(items))*int64(k) > 1<<25 {
		return nil, th.newErr(MemoryError, "")
	}
	if err := th.alloc(int64(16 * len(items) * k)); err != nil {
		return nil, err
	}
	out := make([]Value, 0, len(items)*k)
	for i := 0; i < k; i++ {
		out = append(out, items...)
	}
	return out, th.charge(len(out) / 16)
}

// intOp does arithmetic on ints of any size.
func (th *Thread) intOp(op int, x, y Value) (Value, error) {
	if b, ok := x.(bool); ok {
		x = boolInt(b)
	}
	if b, ok := y.(bool); ok {
		y = boolInt(b)
	}
	if v, ok := th.intFast(op, x, y); ok {
		return v, nil
	}
	if op == compile.OpAdd || op == compile.OpSub {
		if v, ok := addNarrow(op == compile.OpSub, x, y); ok {
			return v, nil
		}
	}
	switch op {
	case compile.OpAdd, compile.OpSub, compile.OpMul:
		// a small operand is written into the thread's scratch ints, not allocated
		a, b := bigOf(x, &th.bigScratch[0]), bigOf(y, &th.bigScratch[1])
		aw, bw := len(a.Bits()), len(b.Bits())
		switch op {
		case compile.OpAdd:
			return normBig(newBigResult(max(aw, bw)+1).Add(a, b)), nil
		case compile.OpSub:
			return normBig(newBigResult(max(aw, bw)+1).Sub(a, b)), nil
		}
		if a.BitLen()+b.BitLen() > 1<<20 {
			return nil, th.newErr(MemoryError, "")
		}
		return normBig(newBigResult(aw+bw).Mul(a, b)), th.charge((a.BitLen() + b.BitLen()) / 64)
	}
	a, b := toBig(x), toBig(y)
	switch op {
	case compile.OpFloorDiv, compile.OpMod:
		if b.Sign() == 0 {
			if op == compile.OpMod {
				return nil, th.newErr(ZeroDivisionError, "integer modulo by zero")
			}
			return nil, th.newErr(ZeroDivisionError, "integer division or modulo by zero")
		}
		q, m := new(big.Int).DivMod(a, b, new(big.Int))
		// big.DivMod is Euclidean: adjust to Python's floor semantics for negative divisors
		if m.Sign() != 0 && b.Sign() < 0 {
			q.Add(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == compile.OpFloorDiv {
			return normBig(q), nil
		}
		return normBig(m), nil
	case compile.OpTrueDiv:
		if b.Sign() == 0 {
			return nil, th.newErr(ZeroDivisionError, "division by zero")
		}
		if a.IsInt64() && b.IsInt64() && abs64(a.Int64()) < 1<<53 && abs64(b.Int64()) < 1<<53 {
			return float64(a.Int64()) / float64(b.Int64()), nil
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return nil, th.newErr(OverflowError, "integer division result too large for a float")
		}
		return f, nil
	case compile.OpPow:
		if b.Sign() < 0 {
			fa, _ := toFloat(x)
			fb, _ := toFloat(y)
			return th.floatPow(fa, fb)
		}
		if a.BitLen() > 0 && b.IsInt64() && int64(a.BitLen())*b.Int64() > 1<<22 && a.CmpAbs(big.NewInt(1)) > 0 {
			return nil, th.newErr(MemoryError, "")
		}
		if !b.IsInt64() && a.CmpAbs(big.NewInt(1)) > 0 {
			return nil, th.newErr(MemoryError, "")
		}
		r := new(big.Int).Exp(a, b, nil)
		return normBig(r), th.charge(r.BitLen() / 64)
	case compile.OpLShift:
		if b.Sign() < 0 {
			return nil, th.valueError("negative shift count")
		}
		if !b.IsInt64() || b.Int64() > 1<<22 {
			return nil, th.newErr(OverflowError, "too many digits in integer")
		}
		return normBig(new(big.Int).Lsh(a, uint(b.Int64()))), nil
	case compile.OpRShift:
		if b.Sign() < 0 {
			return nil, th.valueError("negative shift count")
		}
		if !b.IsInt64() {
			if a.Sign() < 0 {
				return -1, nil
			}
			return 0, nil
		}
		return normBig(new(big.Int).Rsh(a, uint(b.Int64()))), nil
	case compile.OpAnd:
		return normBig(new(big.Int).And(a, b)), nil
	case compile.OpOr:
		return normBig(new(big.Int).Or(a, b)), nil
	case compile.OpXor:
		return normBig(new(big.Int).Xor(a, b)), nil
	}
	return nil, nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (th *Thread) floatOp(op int, a, b float64) (Value, error) {
	switch op {
	case compile.OpAdd:
		return a + b, nil
	case compile.OpSub:
		return a - b, nil
	case compile.OpMul:
		return a * b, nil
	case compile.OpTrueDiv:
		if b == 0 {
			return nil, th.newErr(ZeroDivisionError, "float division by zero")
		}
		return a / b, nil
	case compile.OpFloorDiv:
		if b == 0 {
			return nil, th.newErr(ZeroDivisionError, "float floor division by zero")
		}
		return math.Floor(a / b), nil
	case compile.OpMod:
		if b == 0 {
			return nil, th.newErr(ZeroDivisionError, "float modulo")
		}
		m := math.Mod(a, b)
		if m != 0 && (m < 0) != (b < 0) {
			m += b
		}
		return m, nil
	case compile.OpPow:
		return th.floatPow(a, b)
	}
	return nil, nil
}

// setOp computes a set operator from the stored hash keys: like CPython,
// it never calls __hash__ again.
func (th *Thread) setOp(op int, a, b *Set) (Value, error) {
	out := NewSet()
	type item struct {
		key Value
		hk  any // without its probe number
	}
	has := func(s *Set, it item) bool {
		_, ok, _ := th.findKey(s.d, it.hk, it.key)
		return ok
	}
	each := func(s *Set, keep func(item) bool) {
		for i, e := range s.d.entries {
			if e.deleted() {
				continue
			}
			if it := (item{e.key, baseKey(s.d.hkAt(i))}); keep(it) {
				if needsEq(it.hk) {
					if _, dup, _ := th.findKey(out.d, it.hk, it.key); !dup {
						out.d.setHashed(out.d.freeProbe(it.hk), it.key, None)
					}
				} else {
					out.d.setHashed(it.hk, it.key, None)
				}
			}
		}
	}
	all := func(item) bool { return true }
	notIn := func(s *Set) func(item) bool { return func(it item) bool { return !has(s, it) } }
	switch op {
	case compile.OpOr:
		each(a, all)
		each(b, all)
	case compile.OpAnd:
		each(a, func(it item) bool { return has(b, it) })
	case compile.OpSub:
		each(a, notIn(b))
	case compile.OpXor:
		each(a, notIn(b))
		each(b, notIn(a))
	default:
		return nil, nil
	}
	out.Frozen = a.Frozen
	return out, nil
}

func (th *Thread) unaryOp(op int, x Value) (Value, error) {
	switch op {
	case compile.OpNot:
		t, err := th.truth(x)
		return !t, err
	case compile.OpNeg:
		switch v := x.(type) {
		case int:
			if v != math.MinInt {
				return -v, nil
			}
			return new(big.Int).Neg(big.NewInt(int64(v))), nil
		case bool:
			return -boolInt(v), nil
		case *big.Int:
			return normBig(new(big.Int).Neg(v)), nil
		case float64:
			return -v, nil
		}
	case compile.OpPos:
		switch v := x.(type) {
		case int, *big.Int, float64:
			return v, nil
		case bool:
			return boolInt(v), nil
		}
	case compile.OpInvert:
		switch v := x.(type) {
		case int:
			return ^v, nil
		case bool:
			return ^boolInt(v), nil
		case *big.Int:
			return normBig(new(big.Int).Not(v)), nil
		}
	}
	name := map[int]string{compile.OpNeg: "__neg__", compile.OpPos: "__pos__", compile.OpInvert: "__invert__"}[op]
	if o, ok := x.(*Object); ok {
		if m := o.Class.lookup(name); m != nil {
			return th.callValue(m, []Value{x}, nil)
		}
	}
	sym := map[int]string{compile.OpNeg: "-", compile.OpPos: "+", compile.OpInvert: "~"}[op]
	return nil, th.typeError("bad operand type for unary %s: '%s'", sym, typeName(x))
}

// truth implements bool(x).
func (th *Thread) truth(x Value) (bool, error) {
	switch v := x.(type) {
	case bool:
		return v, nil
	case NoneType:
		return false, nil
	case int:
		return v != 0, nil
	case float64:
		return v != 0, nil
	case string:
		return v != "", nil
	case *big.Int:
		return v.Sign() != 0, nil
	case *List:
		return len(v.Items) > 0, nil
	case Tuple:
		return len(v) > 0, nil
	case *Pair:
		return true, nil
	case *Dict:
		return v.Len() > 0, nil
	case *Set:
		return v.Len() > 0, nil
	case Bytes:
		return len(v) > 0, nil
	case *Range:
		return v.Len() > 0, nil
	case *Object:
		if m := v.Class.lookup("__bool__"); m != nil {
			r, err := th.callValue(m, []Value{v}, nil)
			if err != nil {
				return false, err
			}
			b, ok := r.(bool)
			if !ok {
				return false, th.typeError("__bool__ should return bool, returned %s", typeName(r))
			}
			return b, nil
		}
		if m := v.Class.lookup("__len__"); m != nil {
			r, err := th.callValue(m, []Value{v}, nil)
			if err != nil {
				return false, err
			}
			n, _ := r.(int)
			return n != 0, nil
		}
		if l, ok := th.nativeLen(v); ok {
			return l > 0, nil
		}
	}
	return true, nil
}

// truthy is truth for values that cannot fail.
// An object counts as true here: its __bool__ needs a running thread.
func truthy(v Value) bool {
	if _, ok := v.(*Object); ok {
		return true
	}
	var noThread *Thread // truth uses its thread only for objects
	t, _ := noThread.truth(v)
	return t
}

// compareOp implements comparison operators, in, not in, is and is not.
func (th *Thread) compareOp(op int, x, y Value) (Value, error) {
	switch op {
	case compile.OpIs:
		return identical(x, y), nil
	case compile.OpIsNot:
		return !identical(x, y), nil
	case compile.OpIn, compile.OpNotIn:
		ok, err := th.contains(y, x)
		if op == compile.OpNotIn {
			ok = !ok
		}
		return ok, err
	case compile.OpEq, compile.OpNe:
		eq, err := th.equal(x, y)
		if op == compile.OpNe {
			eq = !eq
		}
		return eq, err
	}
	return th.order(op, x, y)
}

// identical implements "is".
func identical(x, y Value) bool {
	switch x.(type) {
	case *List, *Dict, *Set, *Object, *Class, *Function, *Generator, *Module, *Builtin, *big.Int:
		return x == y
	case Tuple, *Pair:
		ta := tupleItems(x)
		tb, ok := tupleOf(y)
		return ok && len(ta) == len(tb) && (len(ta) == 0 || &ta[0] == &tb[0])
	case *BoundMethod:
		return x == y
	}
	return x == y
}

var reflected = map[string]string{"__lt__": "__gt__", "__gt__": "__lt__", "__le__": "__ge__", "__ge__": "__le__", "__eq__": "__eq__", "__ne__": "__ne__"}

// equal implements ==.
func (th *Thread) equal(x, y Value) (bool, error) {
	if th.native > maxNative {
		return false, th.newErr(RecursionError, "maximum recursion depth exceeded in comparison")
	}
	switch a := x.(type) {
	case string:
		b, ok := y.(string)
		return ok && a == b, nil
	case int:
		switch b := y.(type) {
		case int:
			return a == b, nil
		case bool:
			return a == boolInt(b), nil
		case float64:
			return float64(a) == b, nil
		}
	case NoneType:
		_, ok := y.(NoneType)
		return ok, nil
	}
	if isInt(x) && isInt(y) {
		return toBig(x).Cmp(toBig(y)) == 0, nil
	}
	if fx, ok := toFloat(x); ok {
		if fy, ok := toFloat(y); ok {
			return fx == fy, nil
		}
	}
	if xo, ok := x.(*Object); ok {
		if m := xo.Class.lookup("__eq__"); m != nil {
			r, err := th.callValue(m, []Value{x, y}, nil)
			if err != nil || r != NotImplemented {
				return truthy(r), err
			}
		}
	}
	if yo, ok := y.(*Object); ok {
		if m := yo.Class.lookup("__eq__"); m != nil {
			r, err := th.callValue(m, []Value{y, x}, nil)
			if err != nil || r != NotImplemented {
				return truthy(r), err
			}
		}
	}
	th.native++
	defer func() { th.native-- }()
	switch a := x.(type) {
	case *List:
		b, ok := y.(*List)
		if !ok {
			return false, nil
		}
		return th.seqEqual(a.Items, b.Items)
	case Tuple, *Pair:
		ta := tupleItems(x)
		tb, ok := tupleOf(y)
		if !ok {
			return false, nil
		}
		return th.seqEqual(ta, tb)
	case *Dict:
		b, ok := y.(*Dict)
		if !ok || a.Len() != b.Len() {
			return false, nil
		}
		for _, kv := range a.Items() {
			v, found, err := th.dictGet(b, kv[0])
			if err != nil || !found {
				return false, err
			}
			if eq, err := th.equal(kv[1], v); !eq || err != nil {
				return false, err
			}
		}
		return true, nil
	case *Set:
		b, ok := y.(*Set)
		if !ok || a.Len() != b.Len() {
			return false, nil
		}
		for _, e := range a.Elems() {
			if has, _ := th.setHas(b, e); !has {
				return false, nil
			}
		}
		return true, nil
	case Bytes:
		switch b := y.(type) {
		case Bytes:
			return a == b, nil
		case *ByteArray:
			return string(a) == string(b.B), nil
		}
		return false, nil
	case *ByteArray:
		switch b := y.(type) {
		case Bytes:
			return string(a.B) == string(b), nil
		case *ByteArray:
			return string(a.B) == string(b.B), nil
		}
		return false, nil
	case *Range:
		b, ok := y.(*Range)
		return ok && *a == *b, nil
	case *BoundMethod:
		b, ok := y.(*BoundMethod)
		return ok && identical(a.Self, b.Self) && a.Func == b.Func, nil
	}
	return identical(x, y), nil
}

func (th *Thread) seqEqual(a, b []Value) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	for i := range a {
		if identical(a[i], b[i]) {
			continue
		}
		eq, err := th.equal(a[i], b[i])
		if !eq || err != nil {
			return false, err
		}
	}
	return true, nil
}

var orderNames = map[int]string{compile.OpLt: "__lt__", compile.OpLe: "__le__", compile.OpGt: "__gt__", compile.OpGe: "__ge__"}

// order implements <, <=, >, >=.
func (th *Thread) order(op int, x, y Value) (Value, error) {
	c, ok, err := th.cmp(x, y)
	if err != nil {
		return nil, err
	}
	if ok {
		switch op {
		case compile.OpLt:
			return c < 0, nil
		case compile.OpLe:
			return c <= 0, nil
		case compile.OpGt:
			return c > 0, nil
		}
		return c >= 0, nil
	}
	name := orderNames[op]
	if xo, isObj := x.(*Object); isObj {
		if m := xo.Class.lookup(name); m != nil {
			r, err := th.callValue(m, []Value{x, y}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if yo, isObj := y.(*Object); isObj {
		if m := yo.Class.lookup(reflected[name]); m != nil {
			r, err := th.callValue(m, []Value{y, x}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	return nil, th.typeError("'%s' not supported between instances of '%s' and '%s'", compile.OperatorSymbols[op], typeName(x), typeName(y))
}

// cmp compares built-in values; ok is false when the types do not order.
// NaN compares false in every direction (reported as an unordered result).
func (th *Thread) cmp(x, y Value) (int, bool, error) {
	if isInt(x) && isInt(y) {
		if a, ok := x.(int); ok {
			if b, ok := y.(int); ok {
				switch {
				case a < b:
					return -1, true, nil
				case a > b:
					return 1, true, nil
				}
				return 0, true, nil
			}
		}
		return toBig(x).Cmp(toBig(y)), true, nil
	}
	if fx, ok := toFloat(x); ok {
		if fy, ok := toFloat(y); ok {
			switch {
			case fx < fy:
				return -1, true, nil
			case fx > fy:
				return 1, true, nil
			case fx == fy:
				return 0, true, nil
			}
			return 2, true, nil // NaN: every comparison false
		}
	}
	switch a := x.(type) {
	case string:
		if b, ok := y.(string); ok {
			return strings.Compare(a, b), true, nil
		}
	case Bytes:
		if b, ok := y.(Bytes); ok {
			return strings.Compare(string(a), string(b)), true, nil
		}
	case *List:
		if b, ok := y.(*List); ok {
			return th.seqCmp(a.Items, b.Items)
		}
	case Tuple, *Pair:
		ta := tupleItems(x)
		if tb, ok := tupleOf(y); ok {
			return th.seqCmp(ta, tb)
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			sub := true
			for _, e := range a.Elems() {
				if has, _ := th.setHas(b, e); !has {
					sub = false
				}
			}
			if sub && a.Len() == b.Len() {
				return 0, true, nil
			}
			if sub {
				return -1, true, nil
			}
			return 1, true, nil
		}
	}
	return 0, false, nil
}

func (th *Thread) seqCmp(a, b []Value) (int, bool, error) {
	for i := 0; i < len(a) && i < len(b); i++ {
		eq, err := th.equal(a[i], b[i])
		if err != nil {
			return 0, false, err
		}
		if !eq {
			lt, err := th.order(compile.OpLt, a[i], b[i])
			if err != nil {
				return 0, false, err
			}
			if truthy(lt) {
				return -1, true, nil
			}
			return 1, true, nil
		}
	}
	switch {
	case len(a) < len(b):
		return -1, true, nil
	case len(a) > len(b):
		return 1, true, nil
	}
	return 0, true, nil
}

// contains implements "x in container".
func (th *Thread) contains(container, x Value) (bool, error) {
	switch c := container.(type) {
	case string:
		s, ok := x.(string)
		if !ok {
			return false, th.typeError("'in <string>' requires string as left operand, not %s", typeName(x))
		}
		return strings.Contains(c, s), nil
	case Bytes:
		switch s := x.(type) {
		case Bytes:
			return strings.Contains(string(c), string(s)), nil
		case int:
			return strings.IndexByte(string(c), byte(s)) >= 0, nil
		}
		return false, th.typeError("a bytes-like object is required, not '%s'", typeName(x))
	case *Dict:
		_, ok, err := th.dictGet(c, x)
		return ok, err
	case *Set:
		return th.setHas(c, x)
	case *List:
		return th.seqContains(c.Items, x)
	case Tuple:
		return th.seqContains(c, x)
	case *Pair:
		return th.seqContains(c[:], x)
	case *Range:
		n, ok := x.(int)
		if !ok {
			break
		}
		if c.Step > 0 {
			return n >= c.Start && n < c.Stop && (n-c.Start)%c.Step == 0, nil
		}
		return n <= c.Start && n > c.Stop && (c.Start-n)%(-c.Step) == 0, nil
	case *Object:
		if m := c.Class.lookup("__contains__"); m != nil {
			r, err := th.callValue(m, []Value{c, x}, nil)
			if err != nil {
				return false, err
			}
			return th.truth(r)
		}
	}
	it, err := th.getIter(container)
	if err != nil {
		if pe, ok := err.(*PyError); ok && pe.Exc.Class == TypeError {
			return false, th.typeError("argument of type '%s' is not iterable", typeName(container))
		}
		return false, err
	}
	// consume only up to the first match, as CPython does for iterators
	for {
		v, ok, err := th.next(it)
		if err != nil || !ok {
			return false, err
		}
		if identical(v, x) {
			return true, nil
		}
		if eq, err := th.equal(v, x); eq || err != nil {
			return eq, err
		}
	}
}

func (th *Thread) seqContains(items []Value, x Value) (bool, error) {
	for _, v := range items {
		if identical(v, x) {
			return true, nil
		}
		eq, err := th.equal(v, x)
		if eq || err != nil {
			return eq, err
		}
	}
	return false, nil
}

// floatPow is a ** b for floats, correctly rounded as CPython's (pyops). A
// negative number to a fractional power has a complex result in CPython:
// complex numbers are not supported here, so it is an error, not a NaN.
func (th *Thread) floatPow(a, b float64) (Value, error) {
	r, ok, err := pyops.FloatPow(a, b)
	if err != nil {
		return nil, th.opsError(err)
	}
	if !ok {
		return nil, th.valueError("complex numbers are not supported here ((%s) ** %s has a complex result)", floatRepr(a), floatRepr(b))
	}
	return r, nil
}
