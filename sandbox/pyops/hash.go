// This file defines hash() of ints and floats as CPython computes them (modulo 2**61-1), a
// fixed string hash, and bin/oct/hex.

package pyops

import (
	"hash/fnv"
	"math"
	"math/big"
)

const hashModulus = 1<<61 - 1

var bigHashModulus = big.NewInt(hashModulus)

// HashInt64 returns hash(n) for an int that fits int64.
func HashInt64(n int64) int64 {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-(n + 1)) + 1
	}
	h := int64(u % hashModulus)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// HashBig returns hash(n) for any int.
func HashBig(n *big.Int) int64 {
	if n.IsInt64() {
		return HashInt64(n.Int64())
	}
	h := new(big.Int).Mod(new(big.Int).Abs(n), bigHashModulus).Int64()
	if n.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// HashFloat returns hash(f): equal to the hash of an int when f is integral, 314159 for inf,
// -314159 for -inf. CPython hashes a NaN by its object identity; callers pass identity
// (e.g. an object id) for that case.
func HashFloat(f float64, identity int64) int64 {
	switch {
	case math.IsInf(f, 1):
		return 314159
	case math.IsInf(f, -1):
		return -314159
	case math.IsNaN(f):
		return identity
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign, m = -1, -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

// HashString returns a fixed, deterministic hash of a str (CPython's is randomised per
// process, so no program can rely on its value): 64-bit FNV-1a, never -1.
func HashString(s string) int64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	v := int64(h.Sum64())
	if v == -1 {
		v = -2
	}
	return v
}

// IntToBase returns bin(n), oct(n) or hex(n) for base 2, 8 or 16 ("-0x1f"), and str(n) for 10
// with 3.11's digit limit.
func IntToBase(n *big.Int, base int) (string, *Error) {
	prefix := map[int]string{2: "0b", 8: "0o", 16: "0x", 10: ""}[base]
	if base == 10 && n.BitLen() > 14000 {
		if err := checkIntStrDigits(n); err != nil {
			return "", err
		}
	}
	digits := new(big.Int).Abs(n).Text(base)
	if n.Sign() < 0 {
		return "-" + prefix + digits, nil
	}
	return prefix + digits, nil
}
