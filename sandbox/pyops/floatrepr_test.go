// Tests of FloatRepr against CPython's goldens (testdata/floatrepr.txt, from testdata/gen.py).

package pyops

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestFloatReprGolden(t *testing.T) {
	f, err := os.Open("testdata/floatrepr.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		hex, want, _ := strings.Cut(sc.Text(), " ")
		x, err := strconv.ParseFloat(hex, 64)
		if err != nil {
			t.Fatalf("bad golden %q: %v", hex, err)
		}
		if got := FloatRepr(x); got != want {
			t.Errorf("FloatRepr(%s) = %q, want %q", hex, got, want)
		}
		n++
	}
	if n < 1000 {
		t.Fatalf("only %d golden lines", n)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkFloatRepr(b *testing.B) {
	xs := []float64{0.1, 1.0, 1e16, 1.5e-05, 123456789012345.0, 3.141592653589793}
	for i := 0; i < b.N; i++ {
		FloatRepr(xs[i%len(xs)])
	}
}
