// This file defines integer arithmetic with Python's semantics: int64 fast paths that report
// overflow, and *big.Int versions for the rest.

package pyops

import (
	"math"
	"math/big"
)

var (
	errIntDivZero = newError("ZeroDivisionError", "integer division or modulo by zero")
	errIntModZero = newError("ZeroDivisionError", "integer modulo by zero")
	errDivZero    = newError("ZeroDivisionError", "division by zero")
	errNegPow     = newError("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	errNegShift   = newError("ValueError", "negative shift count")
)

// MaxIntBits bounds the size of an int result (in bits) that Pow and LeftShift will build;
// larger results fail with MemoryError before anything is allocated.
const MaxIntBits = 1 << 26

// Normalize returns b as an int64 (ok true) when it fits, so callers can keep small ints small.
func Normalize(b *big.Int) (small int64, ok bool) {
	if b.IsInt64() {
		return b.Int64(), true
	}
	return 0, false
}

// AddInt64 returns a+b and false when the sum overflows int64.
func AddInt64(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0)
}

// SubInt64 returns a-b and false when the difference overflows int64.
func SubInt64(a, b int64) (int64, bool) {
	c := a - b
	return c, (c < a) == (b > 0)
}

// MulInt64 returns a*b and false when the product overflows int64.
func MulInt64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}

// FloorDivInt64 returns a//b. ok is false on overflow (MinInt64 // -1): redo it with big ints.
func FloorDivInt64(a, b int64) (q int64, ok bool, err *Error) {
	if b == 0 {
		return 0, false, errIntDivZero
	}
	if b == -1 && a == math.MinInt64 {
		return 0, false, nil
	}
	q = a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q, true, nil
}

// ModInt64 returns a%b with the sign of b.
func ModInt64(a, b int64) (int64, *Error) {
	if b == 0 {
		return 0, errIntModZero
	}
	if b == -1 {
		return 0, nil
	}
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m, nil
}

// FloorDivBig returns a//b.
func FloorDivBig(a, b *big.Int) (*big.Int, *Error) {
	q, _, err := DivModBig(a, b)
	return q, err
}

// ModBig returns a%b with the sign of b.
func ModBig(a, b *big.Int) (*big.Int, *Error) {
	if b.Sign() == 0 {
		return nil, errIntModZero
	}
	_, m, err := DivModBig(a, b)
	return m, err
}

// DivModBig returns divmod(a, b): the floor quotient and the remainder with the sign of b.
func DivModBig(a, b *big.Int) (q, m *big.Int, err *Error) {
	if b.Sign() == 0 {
		return nil, nil, errIntDivZero
	}
	q, m = new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m, nil
}

// TrueDivBig returns a/b correctly rounded to a float, as CPython does for int/int.
func TrueDivBig(a, b *big.Int) (float64, *Error) {
	if b.Sign() == 0 {
		return 0, errDivZero
	}
	f, _ := new(big.Rat).SetFrac(a, b).Float64()
	if math.IsInf(f, 0) {
		return 0, newError("OverflowError", "integer division result too large for a float")
	}
	if f == 0 && (a.Sign() < 0) != (b.Sign() < 0) {
		f = math.Copysign(0, -1) // CPython divides as floats: 0 / -5 is -0.0
	}
	return f, nil
}

// TrueDivInt64 returns a/b as a float, correctly rounded.
func TrueDivInt64(a, b int64) (float64, *Error) {
	if b == 0 {
		return 0, errDivZero
	}
	const exact = 1 << 53
	if a > -exact && a < exact && b > -exact && b < exact {
		return float64(a) / float64(b), nil
	}
	return TrueDivBig(big.NewInt(a), big.NewInt(b))
}

// PowBig returns a**b for b >= 0. A negative b needs floats: use FloatPow. Results larger
// than MaxIntBits fail with MemoryError before they are computed.
func PowBig(a, b *big.Int) (*big.Int, *Error) {
	if b.Sign() < 0 {
		return nil, newError("ValueError", "negative exponent")
	}
	abs := new(big.Int).Abs(a)
	if abs.Cmp(big.NewInt(1)) > 0 {
		if !b.IsInt64() || float64(abs.BitLen()-1)*float64(b.Int64()) > MaxIntBits {
			return nil, newError("MemoryError", "")
		}
	}
	return new(big.Int).Exp(a, b, nil), nil
}

// PowModBig returns pow(a, b, m), including negative b (a modular inverse), with CPython's
// errors. The result has the sign of m.
func PowModBig(a, b, m *big.Int) (*big.Int, *Error) {
	if m.Sign() == 0 {
		return nil, newError("ValueError", "pow() 3rd argument cannot be 0")
	}
	mabs := new(big.Int).Abs(m)
	if mabs.Cmp(big.NewInt(1)) == 0 {
		return new(big.Int), nil
	}
	base := new(big.Int).Mod(a, mabs)
	exp := b
	if b.Sign() < 0 {
		inv := new(big.Int).ModInverse(base, mabs)
		if inv == nil {
			return nil, newError("ValueError", "base is not invertible for the given modulus")
		}
		base = inv
		exp = new(big.Int).Neg(b)
	}
	r := new(big.Int).Exp(base, exp, mabs)
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return r, nil
}

// LeftShiftBig returns a << n.
func LeftShiftBig(a, n *big.Int) (*big.Int, *Error) {
	if n.Sign() < 0 {
		return nil, errNegShift
	}
	if a.Sign() == 0 {
		return new(big.Int), nil
	}
	if !n.IsInt64() || n.Int64()+int64(a.BitLen()) > MaxIntBits {
		return nil, newError("MemoryError", "")
	}
	return new(big.Int).Lsh(a, uint(n.Int64())), nil
}

// RightShiftBig returns a >> n (rounding toward minus infinity, as Python does).
func RightShiftBig(a, n *big.Int) (*big.Int, *Error) {
	if n.Sign() < 0 {
		return nil, errNegShift
	}
	if !n.IsInt64() || n.Int64() > int64(a.BitLen()) {
		if a.Sign() < 0 {
			return big.NewInt(-1), nil
		}
		return new(big.Int), nil
	}
	return new(big.Int).Rsh(a, uint(n.Int64())), nil // big.Int.Rsh floors for negatives
}

// BigToFloat returns float(a), or OverflowError when a is too large.
func BigToFloat(a *big.Int) (float64, *Error) {
	f, _ := new(big.Float).SetInt(a).Float64()
	if math.IsInf(f, 0) {
		return 0, newError("OverflowError", "int too large to convert to float")
	}
	return f, nil
}

// FloatToInt returns int(f), truncating toward zero.
func FloatToInt(f float64) (*big.Int, *Error) {
	if math.IsNaN(f) {
		return nil, newError("ValueError", "cannot convert float NaN to integer")
	}
	if math.IsInf(f, 0) {
		return nil, newError("OverflowError", "cannot convert float infinity to integer")
	}
	b, _ := big.NewFloat(math.Trunc(f)).Int(nil)
	return b, nil
}
