// Tests of FormatPercent against CPython's goldens (testdata/percent.txt).

package pyops

import (
	"bufio"
	"math/big"
	"os"
	"strings"
	"testing"
)

// testValue is a PercentValue for the goldens' ints, floats, strs and bools.
type testValue struct {
	kind byte // 'i', 'f', 's', 'b'
	i    *big.Int
	f    float64
	s    string
}

func (v testValue) TypeName() string {
	return map[byte]string{'i': "int", 'f': "float", 's': "str", 'b': "bool"}[v.kind]
}

func (v testValue) Str() (string, *Error) {
	switch v.kind {
	case 'f':
		return FloatRepr(v.f), nil
	case 's':
		return v.s, nil
	case 'b':
		if v.i.Sign() != 0 {
			return "True", nil
		}
		return "False", nil
	}
	return v.i.String(), nil
}

func (v testValue) Repr() (string, *Error) {
	if v.kind == 's' {
		return "'" + v.s + "'", nil // the goldens only repr plain strings
	}
	return v.Str()
}

func (v testValue) Index() (*big.Int, bool) { return v.i, v.i != nil }

func (v testValue) Float() (float64, bool) {
	if v.i != nil {
		f, _ := new(big.Float).SetInt(v.i).Float64()
		return f, true
	}
	return v.f, v.kind == 'f'
}

func (v testValue) Char() (rune, bool) {
	if v.kind == 's' && len([]rune(v.s)) == 1 {
		return []rune(v.s)[0], true
	}
	return 0, false
}

func decodeValue(s string) PercentValue {
	kind, text, _ := strings.Cut(s, ":")
	switch kind {
	case "i":
		return testValue{kind: 'i', i: goldenInt(text)}
	case "b":
		return testValue{kind: 'b', i: goldenInt(text)}
	case "f":
		return testValue{kind: 'f', f: goldenFloat(text)}
	}
	return testValue{kind: 's', s: unescape(text)}
}

func decodeArgs(s string) PercentArgs {
	switch {
	case strings.HasPrefix(s, "T"):
		args := PercentArgs{IsTuple: true}
		if s != "T" {
			for _, item := range strings.Split(s[1:], ";") {
				args.Items = append(args.Items, decodeValue(item))
			}
		}
		return args
	case strings.HasPrefix(s, "M"):
		m := map[string]PercentValue{}
		if s != "M" {
			for _, item := range strings.Split(s[1:], ";") {
				k, v, _ := strings.Cut(item, "=")
				m[k] = decodeValue(v)
			}
		}
		self := testValue{kind: 's', s: "{...}"}
		return PercentArgs{Items: []PercentValue{self}, Lookup: func(key string) (PercentValue, *Error) {
			if v, ok := m[key]; ok {
				return v, nil
			}
			return nil, &Error{Type: "KeyError", Msg: "'" + key + "'"}
		}}
	}
	return PercentArgs{Items: []PercentValue{decodeValue(s)}}
}

func TestPercentGolden(t *testing.T) {
	f, err := os.Open("testdata/percent.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), "|", 3)
		format, want := unescape(fields[0]), fields[2]
		if !strings.HasPrefix(want, "!") {
			want = unescape(want)
		}
		got, e := FormatPercent(format, decodeArgs(fields[1]))
		if e != nil {
			got = errResult(e)
		}
		if got != want {
			t.Errorf("%q %% %s = %q, want %q", format, fields[1], got, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
