// This file defines random.Random's methods over Go types: getrandbits, randbelow, randrange,
// randint, choice, shuffle, sample, choices and the distributions. Logs, sines and cosines
// come from pyops, correctly rounded like glibc's nearly always are (Go's math is often an
// ulp off).

package random

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"coroutinetour/sandbox/pyops"
)

// Error is a Python exception (type name and CPython's message) for the interpreter to raise.
type Error struct {
	Type string
	Msg  string
}

// Error returns "Type: Msg".
func (e *Error) Error() string { return e.Type + ": " + e.Msg }

// GetRandBits returns getrandbits(k) for k >= 0.
func (s *Source) GetRandBits(k int) *big.Int {
	if k <= 32 {
		if k == 0 {
			return new(big.Int)
		}
		return new(big.Int).SetUint64(uint64(s.Uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	bytes := make([]byte, words*4)
	for i := 0; i < words; i++ {
		r := s.Uint32()
		if k < 32 {
			r >>= 32 - k
		}
		// little-endian words, stored big-endian for SetBytes
		off := (words - 1 - i) * 4
		bytes[off], bytes[off+1], bytes[off+2], bytes[off+3] = byte(r>>24), byte(r>>16), byte(r>>8), byte(r)
		k -= 32
	}
	return new(big.Int).SetBytes(bytes)
}

// RandBelowInt returns _randbelow(n) for 0 < n: getrandbits(n.bit_length()) until below n.
func (s *Source) RandBelowInt(n int64) int64 {
	k := 0
	for v := n; v > 0; v >>= 1 {
		k++
	}
	if k <= 32 {
		for {
			var r int64
			if k > 0 {
				r = int64(s.Uint32() >> (32 - k))
			}
			if r < n {
				return r
			}
		}
	}
	for {
		r := s.GetRandBits(k).Int64()
		if r < n {
			return r
		}
	}
}

// RandBelow returns _randbelow(n) for a big n > 0.
func (s *Source) RandBelow(n *big.Int) *big.Int {
	if n.IsInt64() {
		return big.NewInt(s.RandBelowInt(n.Int64()))
	}
	k := n.BitLen()
	for {
		r := s.GetRandBits(k)
		if r.Cmp(n) < 0 {
			return r
		}
	}
}

// RandRange returns randrange(start, stop, step); hasStop false means randrange(start).
func (s *Source) RandRange(start, stop, step *big.Int, hasStop bool) (*big.Int, *Error) {
	if !hasStop {
		if start.Sign() > 0 {
			return s.RandBelow(start), nil
		}
		return nil, &Error{"ValueError", "empty range for randrange()"}
	}
	width := new(big.Int).Sub(stop, start)
	if step.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return new(big.Int).Add(start, s.RandBelow(width)), nil
		}
		return nil, &Error{"ValueError", fmt.Sprintf("empty range for randrange() (%s, %s, %s)", start, stop, width)}
	}
	var cnt *big.Int
	switch step.Sign() {
	case 1:
		cnt = floorDiv(new(big.Int).Sub(new(big.Int).Add(width, step), big.NewInt(1)), step)
	case -1:
		cnt = floorDiv(new(big.Int).Add(new(big.Int).Add(width, step), big.NewInt(1)), step)
	default:
		return nil, &Error{"ValueError", "zero step for randrange()"}
	}
	if cnt.Sign() <= 0 {
		return nil, &Error{"ValueError", "empty range for randrange()"}
	}
	r := s.RandBelow(cnt)
	return r.Mul(r, step).Add(r, start), nil
}

func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

// RandInt returns randint(a, b) = randrange(a, b+1).
func (s *Source) RandInt(a, b *big.Int) (*big.Int, *Error) {
	return s.RandRange(a, new(big.Int).Add(b, big.NewInt(1)), big.NewInt(1), true)
}

// Choice returns the index choice() picks in a sequence of length n.
func (s *Source) Choice(n int) (int, *Error) {
	if n == 0 {
		return 0, &Error{"IndexError", "Cannot choose from an empty sequence"}
	}
	return int(s.RandBelowInt(int64(n))), nil
}

// Shuffle shuffles n items in place as shuffle() does, through swap.
func (s *Source) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i >= 1; i-- {
		j := int(s.RandBelowInt(int64(i + 1)))
		swap(i, j)
	}
}

// Sample returns the indices sample(population, k) picks from a population of n, in order.
func (s *Source) Sample(n, k int) ([]int, *Error) {
	if k < 0 || k > n {
		return nil, &Error{"ValueError", "Sample larger than population or is negative"}
	}
	result := make([]int, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := 0; i < k; i++ {
			j := int(s.RandBelowInt(int64(n - i)))
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}
	selected := make(map[int]bool, k)
	for i := 0; i < k; i++ {
		j := int(s.RandBelowInt(int64(n)))
		for selected[j] {
			j = int(s.RandBelowInt(int64(n)))
		}
		selected[j] = true
		result[i] = j
	}
	return result, nil
}

// Choices returns the indices choices() picks: k draws from n items, uniformly when
// cumWeights is nil, else by bisecting the cumulative weights (len n).
func (s *Source) Choices(n, k int, cumWeights []float64) ([]int, *Error) {
	out := make([]int, 0, max(k, 0))
	if cumWeights == nil {
		fn := float64(n)
		for i := 0; i < k; i++ {
			j := int(math.Floor(s.Random() * fn))
			if j >= n { // only when n == 0: CPython raises IndexError indexing the population
				return nil, &Error{"IndexError", "list index out of range"}
			}
			out = append(out, j)
		}
		return out, nil
	}
	if len(cumWeights) != n {
		return nil, &Error{"ValueError", "The number of weights does not match the population"}
	}
	if n == 0 {
		return nil, &Error{"IndexError", "list index out of range"}
	}
	total := cumWeights[n-1]
	if total <= 0 {
		return nil, &Error{"ValueError", "Total of weights must be greater than zero"}
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, &Error{"ValueError", "Total of weights must be finite"}
	}
	hi := n - 1
	for i := 0; i < k; i++ {
		x := s.Random() * total
		// bisect_right(cumWeights, x, 0, hi)
		j := sort.Search(hi, func(i int) bool { return cumWeights[i] > x })
		out = append(out, j)
	}
	return out, nil
}

// Uniform returns uniform(a, b).
func (s *Source) Uniform(a, b float64) float64 { return a + (b-a)*s.Random() }

// Triangular returns triangular(low, high, mode); hasMode false means mode=None.
func (s *Source) Triangular(low, high, mode float64, hasMode bool) float64 {
	u := s.Random()
	c := 0.5
	if hasMode {
		if high == low {
			return low
		}
		c = (mode - low) / (high - low)
	}
	if u > c {
		u, c = 1-u, 1-c
		low, high = high, low
	}
	return low + (high-low)*math.Sqrt(u*c)
}

// Gauss returns gauss(mu, sigma), keeping the pair's second value for the next call.
func (s *Source) Gauss(mu, sigma float64) float64 {
	var z float64
	if s.gaussNext != nil {
		z = *s.gaussNext
		s.gaussNext = nil
	} else {
		x2pi := s.Random() * 2 * math.Pi
		g2rad := math.Sqrt(-2.0 * pyops.Log(1.0-s.Random()))
		z = pyops.Cos(x2pi) * g2rad
		next := pyops.Sin(x2pi) * g2rad
		s.gaussNext = &next
	}
	return mu + z*sigma
}

// nvMagic is NV_MAGICCONST = 4*exp(-0.5)/sqrt(2.0).
var nvMagic = 4 * math.Exp(-0.5) / math.Sqrt(2.0)

// NormalVariate returns normalvariate(mu, sigma) (Kinderman and Monahan's method).
func (s *Source) NormalVariate(mu, sigma float64) float64 {
	var z float64
	for {
		u1 := s.Random()
		u2 := 1.0 - s.Random()
		z = nvMagic * (u1 - 0.5) / u2
		if z*z/4.0 <= -pyops.Log(u2) {
			break
		}
	}
	return mu + z*sigma
}

// ExpoVariate returns expovariate(lambd).
func (s *Source) ExpoVariate(lambd float64) (float64, *Error) {
	if lambd == 0 {
		return 0, &Error{"ZeroDivisionError", "float division by zero"}
	}
	return -pyops.Log(1.0-s.Random()) / lambd, nil
}
