package py

// This file defines the in-place update of accumulators: `total += x` on a
// local that holds a big int no one else can see (compile/accum.go marks the
// loads that let it be seen).

import (
	"math"
	"math/big"
	"math/bits"

	"coroutinetour/sandbox/compile"
)

// accumulate runs `locals[slot] = a + b` (a - b when sub) for the two ints on
// top of the stack, the update of an accumulator, and reports whether it did
// (false: the operands need the general path). A big sum is written into a,
// when a is the big int of the accumulator the frame owns; otherwise the sum
// is a new big int, which the frame then owns: nothing but the local refers
// to it.
func (th *Thread) accumulate(fr *Frame, sub bool, slot int) bool {
	a, b := fr.stack[fr.sp-2], fr.stack[fr.sp-1]
	owned := int(fr.owned) == slot+1 && fr.locals[slot] == a
	if acc, ok := a.(*big.Int); ok && owned {
		if d, ok := b.(int); ok && growInPlace(acc, sub, d) {
			fr.sp -= 2
			fr.stack[fr.sp], fr.stack[fr.sp+1] = nil, nil
			return true
		}
	}
	w, n, neg, ok := sumNarrow(sub, a, b)
	if !ok {
		return false
	}
	var v Value
	if small, ok := narrowInt(w[0], n, neg); ok {
		v = th.ints.box(small)
	} else if acc, ok := a.(*big.Int); ok && owned && cap(acc.Bits()) >= n {
		words := acc.Bits()[:n]
		copy(words, w[:n])
		acc.SetBits(words)
		if neg {
			acc.Neg(acc)
		}
		v = acc
	} else {
		v, _ = addNarrow(sub, a, b)
		if slot <= compile.MaxAccumulator {
			fr.owned = int16(slot + 1)
		}
	}
	fr.sp -= 2
	fr.stack[fr.sp], fr.stack[fr.sp+1] = nil, nil
	fr.locals[slot] = v
	return true
}

// growInPlace adds d to z (subtracts when sub) in z's own words, when that
// moves z away from zero (the running total's everyday step) and the words
// have room for a carry; it reports whether it did.
func growInPlace(z *big.Int, sub bool, d int) bool {
	up := (d > 0) != sub // the step is positive
	if d == 0 || d == math.MinInt || z.Sign() == 0 || (z.Sign() > 0) != up {
		return false
	}
	words := z.Bits()
	n := len(words)
	if n < cap(words) || n >= 2 && words[n-1] != math.MaxUint64 {
		c := uint64(d)
		if d < 0 {
			c = uint64(-d)
		}
		for i := range words {
			var s uint64
			s, c = bits.Add64(uint64(words[i]), c, 0)
			words[i] = big.Word(s)
			if c == 0 {
				return true
			}
		}
		// the carry leaves the top word: the magnitude gains a word
		neg := z.Sign() < 0
		z.SetBits(append(words, 1))
		if neg {
			z.Neg(z)
		}
		return true
	}
	return false
}
