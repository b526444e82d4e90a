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
	if a < 0 && !math.IsInf(a, 0) && b != math.Trunc(b) && !math.IsInf(b, 0) && !math.IsNaN(b) {
		return 0, false, nil
	}
	r = powCorrectlyRounded(a, b)
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

// powCorrectlyRounded computes a**b rounded once: C's pow (which CPython calls) is correctly
// rounded on glibc, while Go's math.Pow may be off by an ulp or more. Integer exponents are
// multiplied out in big floats; other exponents go through exp(b·log a) in big floats.
func powCorrectlyRounded(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) || a == 0 {
		return math.Pow(a, b)
	}
	if b == 0.5 && a > 0 {
		return math.Sqrt(a)
	}
	if math.Abs(b) > 1<<53 {
		return math.Pow(a, b)
	}
	if b == math.Trunc(b) && math.Abs(b) <= 64 {
		return powSmallInt(a, int(b))
	}
	if b != math.Trunc(b) {
		if a < 0 {
			return math.NaN()
		}
		return powByLog(a, b)
	}
	n := int64(math.Abs(b))
	const prec = 320
	x := new(big.Float).SetPrec(prec).SetFloat64(a)
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r.Mul(r, x)
		}
		x.Mul(x, x)
	}
	if b < 0 {
		r.Quo(new(big.Float).SetPrec(prec).SetInt64(1), r)
	}
	f, _ := r.Float64()
	return f
}

const powPrec = 192

// powByLog returns exp(b·log a) for a > 0, computed with powPrec bits and rounded once.
func powByLog(a, b float64) float64 {
	y := bigLog(a)
	y.Mul(y, new(big.Float).SetPrec(powPrec).SetFloat64(b))
	yf, _ := y.Float64()
	if yf > 710 {
		return math.Inf(1)
	}
	if yf < -746 {
		return 0
	}
	f, _ := bigExp(y).Float64()
	return f
}

// bigAtanh returns atanh(z) = z + z³/3 + z⁵/5 + … for small |z|.
func bigAtanh(z *big.Float) *big.Float {
	z2 := new(big.Float).SetPrec(powPrec).Mul(z, z)
	term := new(big.Float).SetPrec(powPrec).Set(z)
	sum := new(big.Float).SetPrec(powPrec).Set(z)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		t := new(big.Float).SetPrec(powPrec).Quo(term, new(big.Float).SetInt64(k))
		if t.Sign() == 0 || t.MantExp(nil)-sum.MantExp(nil) < -powPrec-4 {
			break
		}
		sum.Add(sum, t)
	}
	return sum
}

func bigLn2() *big.Float {
	third := new(big.Float).SetPrec(powPrec).Quo(big.NewFloat(1), big.NewFloat(3))
	r := bigAtanh(third)
	return r.Mul(r, big.NewFloat(2))
}

// bigLog returns ln a for a > 0: a = m·2^e with m in [0.5, 1), ln m = 2·atanh((m-1)/(m+1)).
func bigLog(a float64) *big.Float {
	m, e := math.Frexp(a)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	bm := new(big.Float).SetPrec(powPrec).SetFloat64(m)
	num := new(big.Float).SetPrec(powPrec).Sub(bm, big.NewFloat(1))
	den := new(big.Float).SetPrec(powPrec).Add(bm, big.NewFloat(1))
	r := bigAtanh(num.Quo(num, den))
	r.Mul(r, big.NewFloat(2))
	ln2e := bigLn2()
	ln2e.Mul(ln2e, new(big.Float).SetInt64(int64(e)))
	return r.Add(r, ln2e)
}

// bigExp returns e^y: y = k·ln2 + r with |r| <= ln2/2, e^r by its Taylor series.
func bigExp(y *big.Float) *big.Float {
	ln2 := bigLn2()
	kf, _ := new(big.Float).Quo(y, ln2).Float64()
	k := math.Round(kf)
	r := new(big.Float).SetPrec(powPrec).Mul(ln2, big.NewFloat(k))
	r.Sub(y, r)
	sum := new(big.Float).SetPrec(powPrec).SetInt64(1)
	term := new(big.Float).SetPrec(powPrec).SetInt64(1)
	for n := int64(1); n < 200; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(n))
		if term.Sign() == 0 || term.MantExp(nil) < -powPrec-4 {
			break
		}
		sum.Add(sum, term)
	}
	return sum.SetMantExp(sum, int(k))
}

// powSmallInt is a ** n for |n| <= 64 in double-double arithmetic (each
// product kept as an unevaluated sum of two floats, exact to about 106 bits):
// correctly rounded but for results within 2**-100 of a halfway point, and
// as fast as a few multiplications, for the everyday x ** 2 and x ** 3.
func powSmallInt(a float64, n int) float64 {
	neg := n < 0
	if neg {
		n = -n
	}
	rh, rl := 1.0, 0.0
	bh, bl := a, 0.0
	for n > 0 {
		if n&1 == 1 {
			rh, rl = mulDD(rh, rl, bh, bl)
		}
		n >>= 1
		if n > 0 {
			bh, bl = mulDD(bh, bl, bh, bl)
		}
	}
	if math.IsInf(rh, 0) || math.IsNaN(rh) || rh == 0 {
		if neg {
			return 1 / rh
		}
		return rh
	}
	if !neg {
		return rh + rl
	}
	// 1 / (rh + rl): a first quotient, then one correction from its residual
	q := 1 / rh
	r := math.FMA(-q, rh, 1) - q*rl
	return q + q*r
}

// mulDD multiplies two double-double numbers.
func mulDD(ah, al, bh, bl float64) (float64, float64) {
	p := ah * bh
	if math.IsInf(p, 0) || p == 0 {
		return p, 0 // past the float range: the error terms would be inf - inf
	}
	e := math.FMA(ah, bh, -p) + (ah*bl + al*bh)
	h := p + e
	return h, e - (h - p)
}
