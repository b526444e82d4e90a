package py

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// TestAddNarrow checks the two-word fast path of + and - against math/big,
// at the edges where a result changes width or sign.
func TestAddNarrow(t *testing.T) {
	edges := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(-1),
		big.NewInt(math.MaxInt64), big.NewInt(math.MinInt64),
		new(big.Int).Lsh(big.NewInt(1), 63), new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 63)),
		new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 63), big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1)),
		new(big.Int).Lsh(big.NewInt(1), 64),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1)),
		new(big.Int).Neg(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))),
		new(big.Int).Lsh(big.NewInt(1), 127),
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		n := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(r.Intn(129))))
		if r.Intn(2) == 0 {
			n.Neg(n)
		}
		edges = append(edges, n)
	}
	asValue := func(b *big.Int) Value { return normBig(new(big.Int).Set(b)) }
	for i, a := range edges {
		for j, b := range edges {
			if i > 40 && j > 40 && (i+j)%7 != 0 {
				continue // every edge with every value, a sample of the random pairs
			}
			for _, sub := range []bool{false, true} {
				got, ok := addNarrow(sub, asValue(a), asValue(b))
				if !ok {
					continue // a wider operand: math/big's path
				}
				want := new(big.Int).Add(a, b)
				if sub {
					want.Sub(a, b)
				}
				g := toBig(got)
				if g.Cmp(want) != 0 {
					t.Fatalf("%v %v %v: got %v, want %v", a, map[bool]string{false: "+", true: "-"}[sub], b, g, want)
				}
				if _, isBig := got.(*big.Int); isBig == want.IsInt64() {
					t.Fatalf("%v: result of the wrong kind %T", want, got)
				}
			}
		}
	}
}
