package py

// This file defines the random module on CPython's Mersenne Twister, so that
// random.seed(1); random.random() prints the same number as CPython.

import (
	"math"
	"math/big"
)

// mt19937 is the Mersenne Twister generator, as in CPython's _randommodule.c.
type mt19937 struct {
	state [624]uint32
	index int
}

func (m *mt19937) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < 624; i++ {
		m.state[i] = 1812433253*(m.state[i-1]^(m.state[i-1]>>30)) + uint32(i)
	}
	m.index = 624
}

func (m *mt19937) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := len(key)
	if k < 624 {
		k = 624
	}
	for ; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
	}
	m.state[0] = 0x80000000
	m.index = 624
}

func (m *mt19937) next() uint32 {
	if m.index >= 624 {
		for i := 0; i < 624; i++ {
			y := (m.state[i] & 0x80000000) | (m.state[(i+1)%624] & 0x7fffffff)
			v := m.state[(i+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.state[i] = v
		}
		m.index = 0
	}
	y := m.state[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (m *mt19937) random() float64 {
	a, b := m.next()>>5, m.next()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

func (m *mt19937) seed(n *big.Int) {
	n = new(big.Int).Abs(n)
	var key []uint32
	words := n.Bits()
	_ = words
	tmp := new(big.Int).Set(n)
	mask := big.NewInt(0xffffffff)
	for tmp.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(tmp, mask).Uint64()))
		tmp.Rsh(tmp, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
}

// getrandbits returns k random bits, as CPython builds them from 32-bit words.
func (m *mt19937) getrandbits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(m.next() >> (32 - uint(k))))
	}
	r := new(big.Int)
	shift := uint(0)
	for k > 0 {
		w := m.next()
		if k < 32 {
			w >>= uint(32 - k)
		}
		r.Or(r, new(big.Int).Lsh(big.NewInt(int64(w)), shift))
		shift += 32
		k -= 32
	}
	return r
}

func (m *mt19937) randbelow(n int) int {
	if n <= 0 {
		return 0
	}
	k := big.NewInt(int64(n)).BitLen()
	for {
		r := int(m.getrandbits(k).Int64())
		if r < n {
			return r
		}
	}
}

func makeRandom(th *Thread) *Module {
	m := NewModule("random")
	gen := &mt19937{}
	gen.seed(big.NewInt(20240101)) // seed(None) is deterministic in the sandbox
	m.Def("seed", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 0 || args[0] == None {
			gen.seed(big.NewInt(20240101))
			return None, nil
		}
		switch a := args[0].(type) {
		case int, *big.Int, bool:
			gen.seed(toBig(a))
		case float64:
			h, _ := th.hashKey(a)
			if n, ok := h.(int); ok {
				gen.seed(big.NewInt(int64(n)))
			} else {
				gen.seed(big.NewInt(int64(math.Float64bits(a))))
			}
		case string:
			n := new(big.Int).SetBytes([]byte(a))
			gen.seed(n)
		default:
			return nil, th.typeError("The only supported seed types are: None, int, float, str, bytes, and bytearray.")
		}
		return None, nil
	})
	m.Def("random", func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return gen.random(), nil })
	m.Def("getrandbits", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		k, _ := args[0].(int)
		return normBig(gen.getrandbits(k)), nil
	})
	randrange := func(th *Thread, start, stop, step int) (Value, error) {
		width := stop - start
		if step == 1 {
			if width <= 0 {
				return nil, th.valueError("empty range for randrange() (%d, %d, %d)", start, stop, width)
			}
			return start + gen.randbelow(width), nil
		}
		n := 0
		if step > 0 {
			n = (width + step - 1) / step
		} else if step < 0 {
			n = (width + step + 1) / step
		} else {
			return nil, th.valueError("zero step for randrange()")
		}
		if n <= 0 {
			return nil, th.valueError("empty range for randrange()")
		}
		return start + step*gen.randbelow(n), nil
	}
	m.Def("randrange", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if err := argCount(th, "randrange", args, 1, 3); err != nil {
			return nil, err
		}
		n := make([]int, len(args))
		for i, a := range args {
			v, ok := a.(int)
			if !ok {
				return nil, th.typeError("'%s' object cannot be interpreted as an integer", typeName(a))
			}
			n[i] = v
		}
		switch len(n) {
		case 1:
			if n[0] <= 0 {
				return nil, th.valueError("empty range for randrange()")
			}
			return gen.randbelow(n[0]), nil
		case 2:
			return randrange(th, n[0], n[1], 1)
		}
		return randrange(th, n[0], n[1], n[2])
	})
	m.Def("randint", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		if len(args) != 2 {
			return nil, th.typeError("Random.randint() missing 1 required positional argument: 'b'")
		}
		a, _ := args[0].(int)
		b, _ := args[1].(int)
		return randrange(th, a, b+1, 1)
	})
	m.Def("choice", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		n, err := th.length(args[0])
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, th.newErr(IndexError, "Cannot choose from an empty sequence")
		}
		return th.getItem(args[0], gen.randbelow(n))
	})
	m.Def("shuffle", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		l, ok := args[0].(*List)
		if !ok {
			return nil, th.typeError("'%s' object does not support item assignment", typeName(args[0]))
		}
		for i := len(l.Items) - 1; i > 0; i-- {
			j := gen.randbelow(i + 1)
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return None, nil
	})
	m.Def("uniform", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		a, _ := toFloat(args[0])
		b, _ := toFloat(args[1])
		return a + (b-a)*gen.random(), nil
	})
	m.Def("sample", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		pool, err := th.iterate(args[0])
		if err != nil {
			return nil, err
		}
		pool = append([]Value{}, pool...)
		k, _ := args[1].(int)
		n := len(pool)
		if k < 0 || k > n {
			return nil, th.valueError("Sample larger than population or is negative")
		}
		out := make([]Value, k)
		for i := 0; i < k; i++ {
			j := gen.randbelow(n - i)
			out[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return &List{Items: out}, nil
	})
	return m
}
