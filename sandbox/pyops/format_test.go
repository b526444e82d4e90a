// Tests of format() for ints, floats and strings against CPython's goldens (testdata/format.txt).

package pyops

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// unescape decodes Python's unicode_escape text (\xNN, \uNNNN, \UNNNNNNNN, \n, \t, \r, \\).
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		n := 0
		switch s[i] {
		case 'x':
			n = 2
		case 'u':
			n = 4
		case 'U':
			n = 8
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
		if n > 0 {
			r, _ := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			b.WriteRune(rune(r))
			i += n
		}
	}
	return b.String()
}

func TestFormatGolden(t *testing.T) {
	f, err := os.Open("testdata/format.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	fails := 0
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), "|", 4)
		kind, val, spec, want := fields[0], fields[1], unescape(fields[2]), fields[3]
		if !strings.HasPrefix(want, "!") {
			want = unescape(want)
		}
		var got string
		var e *Error
		switch kind {
		case "i":
			got, e = FormatInt(goldenInt(val), spec)
		case "f":
			got, e = FormatFloat(goldenFloat(val), spec)
		case "s":
			got, e = FormatStr(unescape(val), spec)
		}
		if e != nil {
			got = errResult(e)
		}
		if got != want {
			t.Errorf("format(%s %s, %q) = %q, want %q", kind, val, spec, got, want)
			if fails++; fails > 40 {
				t.Fatal("too many failures")
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkFormatFloat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		FormatFloat(1234567.891, ",.2f")
	}
}

func BenchmarkFormatInt(b *testing.B) {
	v := goldenInt("1234567")
	for i := 0; i < b.N; i++ {
		FormatInt(v, ">10,")
	}
}
