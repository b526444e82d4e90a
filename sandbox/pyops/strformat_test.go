// Tests of FormatString's parsing against CPython (cases and results from str.format).

package pyops

import (
	"fmt"
	"strings"
	"testing"
)

// describe formats a field as the cases' args ('ab', 5, 'c', a='A') would, for plain fields.
func describe(ref FieldRef, conversion byte, spec string) (string, *Error) {
	args := []string{"ab", "5", "c"}
	var v string
	if ref.Keyword != "" {
		v = "A"
	} else {
		v = args[ref.Position]
	}
	if len(ref.Accessors) > 0 {
		return "", &Error{Type: "AttributeError", Msg: "'str' object has no attribute '" + ref.Accessors[0].Attr + "'"}
	}
	if conversion == 'r' {
		v = "'" + v + "'"
	}
	if ref.Position == 1 && ref.Keyword == "" && conversion == 0 {
		s, err := FormatInt(goldenInt(v), spec)
		return s, err
	}
	return FormatStr(v, spec)
}

func TestFormatString(t *testing.T) {
	cases := []struct{ format, want string }{
		{"{}", "ab"}, {"{0}{1}", "ab5"},
		{"{}{1}", "!ValueError: cannot switch from automatic field numbering to manual field specification"},
		{"{0}{}", "!ValueError: cannot switch from manual field specification to automatic field numbering"},
		{"}", "!ValueError: Single '}' encountered in format string"},
		{"{", "!ValueError: Single '{' encountered in format string"},
		{"{ ", "!ValueError: expected '}' before end of string"},
		{"a}}b{{c", "a}b{c"},
		{"{!}", "!ValueError: unmatched '{' in format spec"},
		{"{!x}", "!ValueError: Unknown conversion specifier x"},
		{"{!r", "!ValueError: unmatched '{' in format spec"},
		{"{!rx}", "!ValueError: expected ':' after conversion specifier"},
		{"{0.}", "!ValueError: Empty attribute in format string"},
		{"{0[}", "!ValueError: expected '}' before end of string"},
		{"{0[0]x}", "!ValueError: Only '.' or '[' may follow ']' in format field specifier"},
		{"{:{}}", "ab   "},
		{"{:{:{}}}", "!ValueError: Max string recursion exceeded"},
		{"{0:{1}}", "ab   "},
		{"{a.b[c]}", "!AttributeError: 'str' object has no attribute 'b'"},
		{"{0!r:>{1}}", " 'ab'"},
		{"{[}", "!ValueError: expected '}' before end of string"},
		{"{0{}", "!ValueError: unexpected '{' in field name"},
		{"x{}y{}z", "xaby5z"},
		{"{:>5}", "   ab"},
		{"{:{{}}", "!ValueError: unmatched '{' in format spec"},
	}
	for _, c := range cases {
		got, err := FormatString(c.format, describe)
		if err != nil {
			got = errResult(err)
		}
		if got != c.want {
			t.Errorf("%q.format(...) = %q, want %q", c.format, got, c.want)
		}
	}
}

func TestFieldAccessors(t *testing.T) {
	var got FieldRef
	_, err := FormatString("{name.attr[3][key].x}", func(ref FieldRef, _ byte, _ string) (string, *Error) {
		got = ref
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s := fmt.Sprintf("%+v", got)
	want := "{Position:0 Keyword:name Accessors:[{Attr:attr Key: IsIndex:false Index:0} {Attr: Key:3 IsIndex:true Index:3} {Attr: Key:key IsIndex:false Index:0} {Attr:x Key: IsIndex:false Index:0}]}"
	if !strings.EqualFold(s, want) {
		t.Errorf("ref = %s\nwant  %s", s, want)
	}
}
