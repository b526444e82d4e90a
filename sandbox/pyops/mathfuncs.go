// This file defines log, exp, sin and cos rounded once from 192-bit big floats. glibc's (which
// CPython's math module and random use) are correctly rounded in nearly all cases, so these
// match CPython far more often than Go's math package does; rare one-ulp differences remain.

package pyops

import (
	"math"
	"math/big"
)

// Log returns the natural logarithm of x, correctly rounded (math.Log's special cases).
func Log(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) || x == 1 {
		return math.Log(x)
	}
	f, _ := bigLog(x).Float64()
	return f
}

// Exp returns e**x, correctly rounded.
func Exp(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 || x > 710 || x < -746 {
		return math.Exp(x)
	}
	f, _ := bigExp(new(big.Float).SetPrec(powPrec).SetFloat64(x)).Float64()
	return f
}

// Sin returns sin(x), correctly rounded for |x| <= 8 (the range random.gauss uses); larger
// arguments use math.Sin.
func Sin(x float64) float64 {
	if math.Abs(x) > 8 || x == 0 || math.IsNaN(x) {
		return math.Sin(x)
	}
	return taylorTrig(x, 1)
}

// Cos returns cos(x), correctly rounded for |x| <= 8; larger arguments use math.Cos.
func Cos(x float64) float64 {
	if math.Abs(x) > 8 || math.IsNaN(x) {
		return math.Cos(x)
	}
	return taylorTrig(x, 0)
}

// taylorTrig sums x**k/k! - x**(k+2)/(k+2)! + … from k = start (0: cos, 1: sin).
func taylorTrig(x float64, start int64) float64 {
	bx := new(big.Float).SetPrec(powPrec).SetFloat64(x)
	x2 := new(big.Float).SetPrec(powPrec).Mul(bx, bx)
	term := new(big.Float).SetPrec(powPrec).SetInt64(1)
	if start == 1 {
		term.Set(bx)
	}
	sum := new(big.Float).SetPrec(powPrec).Set(term)
	for k := start; k < 400; k += 2 {
		term.Mul(term, x2)
		term.Quo(term, new(big.Float).SetInt64((k+1)*(k+2)))
		term.Neg(term)
		if term.Sign() == 0 || term.MantExp(nil) < sum.MantExp(nil)-powPrec-8 {
			break
		}
		sum.Add(sum, term)
	}
	f, _ := sum.Float64()
	return f
}
