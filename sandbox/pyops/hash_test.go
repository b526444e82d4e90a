// Tests of hash() and bin/oct/hex against CPython's goldens (testdata/hash.txt).

package pyops

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestHashGolden(t *testing.T) {
	f, err := os.Open("testdata/hash.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "|")
		want, _ := strconv.ParseInt(p[2], 10, 64)
		if p[0] == "f" {
			if got := HashFloat(goldenFloat(p[1]), 0); got != want {
				t.Errorf("hash(%s) = %d, want %d", p[1], got, want)
			}
			continue
		}
		n := goldenInt(p[1])
		if got := HashBig(n); got != want {
			t.Errorf("hash(%s) = %d, want %d", p[1], got, want)
		}
		for i, base := range []int{2, 8, 16} {
			if got, _ := IntToBase(n, base); got != p[3+i] {
				t.Errorf("base %d of %s = %s, want %s", base, p[1], got, p[3+i])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
