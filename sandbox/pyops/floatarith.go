// This file defines float arithmetic and round() with Python's semantics.

package pyops

import (
	"math"
	"math/big"
)

// FloatDivMod returns divmod(a, b) for floats, computed as CPython's float_divmod does.
// what names the operation for the zero-divisor message: "//", "%" or "divmod".
func FloatDivMod(a, b float64, what string) (q, m float64, err *Error) {
	if b == 0 {
		switch what {
		case "//":
			return 0, 0, newError("ZeroDivisionError", "float floor division by zero")
		case "%":
			return 0, 0, newError("ZeroDivisionError", "float modulo")
		default:
			return 0, 0, newError("ZeroDivisionError", "float divmod()")
		}
	}
	m = math.Mod(a, b)
	div := (a - m) / b
	if m != 0 {
		if (b < 0) != (m < 0) {
			m += b
			div -= 1
		}
	} else {
		m = math.Copysign(0, b)
	}
	if div != 0 {
		q = math.Floor(div)
		if div-q > 0.5 {
			q += 1
		}
	} else {
		q = math.Copysign(0, a/b)
	}
	return q, m, nil
}

// FloatFloorDiv returns a//b for floats.
func FloatFloorDiv(a, b float64) (float64, *Error) {
	q, _, err := FloatDivMod(a, b, "//")
	return q, err
}

// FloatMod returns a%b for floats, with the sign of b.
func FloatMod(a, b float64) (float64, *Error) {
	if b == 0 {
		return 0, newError("ZeroDivisionError", "float modulo")
	}
	m := math.Mod(a, b)
	if m != 0 {
		if (b < 0) != (m < 0) {
			m += b
		}
	} else {
		m = math.Copysign(0, b)
	}
	return m, nil
}

// FloatTrueDiv returns a/b for floats.
func FloatTrueDiv(a, b float64) (float64, *Error) {
	if b == 0 {
		return 0, newError("ZeroDivisionError", "float division by zero")
	}
	return a / b, nil
}

// FloatPow returns a**b for floats. ok is false when the result is complex (a negative base
// with a non-integer exponent): CPython then returns a complex number, which this package
// does not model.
func FloatPow(a, b float64) (r float64, ok bool, err *Error) {
	if a == 0 && b < 0 && !math.IsInf(b, 0) {
		return 0, true, errNegPow
	}
	if a < 0 && !math.IsInf(a, 0) && b != math.Trunc(b) && !math.IsInf(b, 0) {
		return 0, false, nil
	}
	r = math.Pow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return 0, true, newError("OverflowError", "(34, 'Numerical result out of range')")
	}
	return r, true, nil
}

// RoundFloat returns round(x) as an int: the nearest integer, ties to even.
func RoundFloat(x float64) (*big.Int, *Error) {
	return FloatToInt(math.RoundToEven(x))
}

// RoundFloatDigits returns round(x, n): x rounded to n decimal digits, ties to even on x's
// exact binary value, then correctly rounded back to a float.
func RoundFloatDigits(x float64, n int64) (float64, *Error) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return x, nil
	}
	if n > 323 {
		return x, nil
	}
	if n < -308 {
		return math.Copysign(0, x), nil
	}
	exact := new(big.Rat)
	exact.SetFloat64(x)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(abs64(n)), nil))
	if n >= 0 {
		exact.Mul(exact, scale)
	} else {
		exact.Quo(exact, scale)
	}
	whole := roundRatHalfEven(exact)
	r := new(big.Rat).SetInt(whole)
	if n >= 0 {
		r.Quo(r, scale)
	} else {
		r.Mul(r, scale)
	}
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return 0, newError("OverflowError", "rounded value too large to represent")
	}
	if f == 0 {
		f = math.Copysign(0, x)
	}
	return f, nil
}

// RoundBig returns round(a, n) for an int: a itself when n >= 0, else a rounded to a multiple
// of 10**-n, ties to even.
func RoundBig(a *big.Int, n int64) *big.Int {
	if n >= 0 {
		return new(big.Int).Set(a)
	}
	if -n > int64(a.BitLen())/3+2 { // 10**-n exceeds 2*|a|: rounds to zero
		return new(big.Int)
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
	q := roundRatHalfEven(new(big.Rat).SetFrac(a, scale))
	return q.Mul(q, scale)
}

func roundRatHalfEven(r *big.Rat) *big.Int {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// q truncates toward zero; compare 2|m| with the denominator.
	twice := new(big.Int).Abs(m)
	twice.Lsh(twice, 1)
	c := twice.Cmp(r.Denom())
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
