// Package random holds CPython's random module algorithms, exactly: the Mersenne Twister
// MT19937 with CPython's seeding, and the methods of random.Random on plain Go types, so that
// the same seed gives the same numbers as CPython 3.11.
//
// This file defines Source, the generator state, and its seeding.
package random

import (
	"crypto/sha512"
	"math/big"
)

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// DefaultSeed is what Seed(nil)-style seeding uses here: CPython seeds from the OS's
// randomness, but runs in the sandbox must be reproducible, so seed(None) means seed(0x5eed).
const DefaultSeed = 0x5eed

// Source is the state of one random.Random: the twister's 624 words, its position, and the
// spare value gauss() keeps for its next call.
type Source struct {
	mt        [n]uint32
	index     int
	gaussNext *float64
}

// New returns a Source seeded with DefaultSeed.
func New() *Source {
	s := &Source{}
	s.SeedInt(big.NewInt(DefaultSeed))
	return s
}

func (s *Source) initGenrand(seed uint32) {
	s.mt[0] = seed
	for i := 1; i < n; i++ {
		s.mt[i] = 1812433253*(s.mt[i-1]^(s.mt[i-1]>>30)) + uint32(i)
	}
	s.index = n
}

func (s *Source) initByArray(key []uint32) {
	s.initGenrand(19650218)
	i, j := 1, 0
	k := n
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		s.mt[i] = (s.mt[i] ^ ((s.mt[i-1] ^ (s.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			s.mt[0] = s.mt[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		s.mt[i] = (s.mt[i] ^ ((s.mt[i-1] ^ (s.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			s.mt[0] = s.mt[n-1]
			i = 1
		}
	}
	s.mt[0] = 0x80000000
	s.index = n
}

// SeedInt seeds as random.seed(a) does for an int: the absolute value's 32-bit words, least
// significant first, feed init_by_array.
func (s *Source) SeedInt(a *big.Int) {
	abs := new(big.Int).Abs(a)
	var key []uint32
	mask := big.NewInt(0xffffffff)
	for abs.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(abs, mask).Uint64()))
		abs.Rsh(abs, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	s.initByArray(key)
	s.gaussNext = nil
}

// SeedBytes seeds as random.seed(b) does for bytes (and str, given its UTF-8 bytes) with
// version 2: the int whose big-endian bytes are b followed by sha512(b).
func (s *Source) SeedBytes(b []byte) {
	sum := sha512.Sum512(b)
	s.SeedInt(new(big.Int).SetBytes(append(append([]byte{}, b...), sum[:]...)))
}

// Uint32 returns the twister's next 32-bit output (genrand_uint32).
func (s *Source) Uint32() uint32 {
	if s.index >= n {
		var y uint32
		kk := 0
		for ; kk < n-m; kk++ {
			y = (s.mt[kk] & upperMask) | (s.mt[kk+1] & lowerMask)
			s.mt[kk] = s.mt[kk+m] ^ (y >> 1) ^ (matrixA * (y & 1))
		}
		for ; kk < n-1; kk++ {
			y = (s.mt[kk] & upperMask) | (s.mt[kk+1] & lowerMask)
			s.mt[kk] = s.mt[kk+(m-n)] ^ (y >> 1) ^ (matrixA * (y & 1))
		}
		y = (s.mt[n-1] & upperMask) | (s.mt[0] & lowerMask)
		s.mt[n-1] = s.mt[m-1] ^ (y >> 1) ^ (matrixA * (y & 1))
		s.index = 0
	}
	y := s.mt[s.index]
	s.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Random returns random.random(): a float in [0, 1) from 53 bits of two outputs.
func (s *Source) Random() float64 {
	a := s.Uint32() >> 5
	b := s.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// State returns getstate()'s middle element: the 624 words and the position (625 ints).
func (s *Source) State() []uint32 {
	st := make([]uint32, n+1)
	copy(st, s.mt[:])
	st[n] = uint32(s.index)
	return st
}

// SetState restores State's data; ok is false when it has the wrong length or position.
func (s *Source) SetState(st []uint32) bool {
	if len(st) != n+1 || st[n] > n {
		return false
	}
	copy(s.mt[:], st[:n])
	s.index = int(st[n])
	return true
}

// GaussNext returns gauss()'s saved value (part of getstate()), or nil.
func (s *Source) GaussNext() *float64 { return s.gaussNext }

// SetGaussNext restores gauss()'s saved value.
func (s *Source) SetGaussNext(v *float64) { s.gaussNext = v }
