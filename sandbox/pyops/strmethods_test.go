// Tests of the str methods against CPython's goldens (testdata/strmethods.txt).

package pyops

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func splitGolden(s string) []string {
	if s == "<empty>" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "\x1e") {
		out = append(out, unescape(p))
	}
	return out
}

func TestStrMethodsGolden(t *testing.T) {
	f, err := os.Open("testdata/strmethods.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "|")
		in := unescape(p[1])
		switch p[0] {
		case "split", "rsplit":
			mx, _ := strconv.Atoi(p[3])
			fn := Split
			if p[0] == "rsplit" {
				fn = RSplit
			}
			got, _ := fn(in, unescape(p[2]), p[2] != "<None>", mx)
			if strings.Join(got, "\x1e") != strings.Join(splitGolden(p[4]), "\x1e") || len(got) != len(splitGolden(p[4])) {
				t.Errorf("%q.%s(%s, %d) = %q, want %q", in, p[0], p[2], mx, got, splitGolden(p[4]))
			}
		case "splitlines":
			got := SplitLines(in, p[2] == "1")
			want := splitGolden(p[3])
			if strings.Join(got, "\x1e") != strings.Join(want, "\x1e") || len(got) != len(want) {
				t.Errorf("%q.splitlines(%s) = %q, want %q", in, p[2], got, want)
			}
		case "strip":
			has := p[2] != "<None>"
			ch := unescape(p[2])
			for i, lr := range [][2]bool{{true, true}, {true, false}, {false, true}} {
				if got := Strip(in, ch, has, lr[0], lr[1]); got != unescape(p[3+i]) {
					t.Errorf("%q strip%d(%q) = %q, want %q", in, i, ch, got, unescape(p[3+i]))
				}
			}
		case "expandtabs":
			ts, _ := strconv.Atoi(p[2])
			if got := ExpandTabs(in, ts); got != unescape(p[3]) {
				t.Errorf("%q.expandtabs(%d) = %q, want %q", in, ts, got, unescape(p[3]))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
