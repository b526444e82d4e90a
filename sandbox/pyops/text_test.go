// Tests of repr and int/float parsing against CPython's goldens (testdata/text.txt).

package pyops

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestTextGolden(t *testing.T) {
	f, err := os.Open("testdata/text.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	fails := 0
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), "|", 3)
		op, in, want := fields[0], unescape(fields[1]), fields[2]
		if !strings.HasPrefix(want, "!") {
			want = unescape(want)
		}
		var got string
		var e *Error
		switch {
		case op == "srepr":
			got = StrRepr(in)
		case op == "brepr":
			raw := make([]byte, 0, len(in))
			for _, r := range in {
				raw = append(raw, byte(r))
			}
			got = BytesRepr(raw)
		case op == "float":
			var x float64
			if x, e = ParseFloat(in); e == nil {
				got = strconv.FormatFloat(x, 'x', -1, 64)
				want = strconv.FormatFloat(goldenFloat(want), 'x', -1, 64)
			}
		case strings.HasPrefix(op, "int"):
			base, _ := strconv.Atoi(op[3:])
			n, err := ParseInt(in, base)
			if e = err; e == nil {
				got = n.String()
			}
		}
		if e != nil {
			got = errResult(e)
		}
		if got != want {
			if len(got) > 200 {
				got = got[:200]
			}
			if len(want) > 200 {
				want = want[:200]
			}
			t.Errorf("%s(%q) = %q, want %q", op, in, got, want)
			if fails++; fails > 40 {
				t.Fatal("too many failures")
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
