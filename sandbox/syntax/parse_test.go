package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrors checks the message and line of common mistakes against what
// CPython 3.11 says for them.
func TestErrors(t *testing.T) {
	cases := []struct {
		src, kind, msg string
		line, col      int
	}{
		{"print(\"a\"\n", "SyntaxError", "'(' was never closed", 1, 5},
		{"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 4},
		{"if x\n    pass\n", "SyntaxError", "expected ':'", 1, 4},
		{"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 7},
		{"print \"hi\"\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0},
		{"f() = 3\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0},
		{"return 5\n", "SyntaxError", "'return' outside function", 1, 0},
		{"x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4},
		{"class A\n  pass\n", "SyntaxError", "expected ':'", 1, 7},
		{"if True:\nprint(1)\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 0},
		{"  x = 1\n", "IndentationError", "unexpected indent", 1, 2},
		{"break\n", "SyntaxError", "'break' outside loop", 1, 0},
		{"x = )\n", "SyntaxError", "unmatched ')'", 1, 4},
		{"x = [1, 2)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 9},
		{"def f(a=1, b):\n  pass\n", "SyntaxError", "non-default argument follows default argument", 1, 11},
		{"f(x=1, 2)\n", "SyntaxError", "positional argument follows keyword argument", 1, 8},
		{"x = 1_000j\n", "SyntaxError", "complex numbers are not supported here", 1, 4},
		{"async def f():\n  pass\n", "SyntaxError", "'async' is not supported here", 1, 0},
		{"x = \"\"\"abc\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 4},
		{"if True:\n    x = 1\n  y = 2\n", "IndentationError", "unindent does not match any outer indentation level", 3, 7},
		{"if x:\n\tpass\n        pass\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 8},
		{"if 1:\n        a=1\n\tb=2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1},
		{"if 1:\n    if 1:\n\tb=2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1},
		{"f(**a, *b)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 2},
		{"f(**a, b=1, *c)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 2},
		{"del f()\n", "SyntaxError", "cannot delete function call", 1, 4},
		{"del 1\n", "SyntaxError", "cannot delete literal", 1, 4},
		{"del (a, f())\n", "SyntaxError", "cannot delete function call", 1, 8},
		{"x = {1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 11},
		{"x = {1: 2, a b}\n", "SyntaxError", "':' expected after dictionary key", 1, 11},
		{"x = {\"a\": 1, \"b\"}\n", "SyntaxError", "':' expected after dictionary key", 1, 15},
		{"def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 6},
		{"def f(*, **k): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 6},
		{"f = lambda *: 1\n", "SyntaxError", "named arguments must follow bare *", 1, 12},
		{"x = b'\u00e9'\n", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 9}, // the next token, in bytes (as CPython)
	}
	for _, c := range cases {
		_, err := Parse("main.py", c.src)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want %s", c.src, err, c.msg)
			continue
		}
		if e.Kind != c.kind || e.Msg != c.msg || e.Line != c.line || e.Col != c.col {
			t.Errorf("%q:\n got %s: %s at %d:%d\nwant %s: %s at %d:%d", c.src, e.Kind, e.Msg, e.Line, e.Col, c.kind, c.msg, c.line, c.col)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	_, err := Parse("main.py", "x = 1\nprint(\"a\"\n")
	got := err.(*Error).Format("main.py")
	want := "  File \"main.py\", line 2\n    print(\"a\"\n         ^\nSyntaxError: '(' was never closed\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// seeds are the conformance programs and benchmark workloads, when ../shared is there.
func seeds(f *testing.F) {
	for _, pattern := range []string{"../../../shared/conformance/*/*.py", "../../../shared/bench/workloads/*.py"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("x = [1, (2, {3: 4})]\n")
	f.Add("def f(*a, **k):\n    yield from g()\n")
	f.Add("f'{x!r:>{w}}'\n")
}

// FuzzParse: parsing never panics, and errors point inside the source.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			return
		}
		_, err := Parse("main.py", src)
		if e, ok := err.(*Error); ok {
			if e.Line < 1 || e.Line > strings.Count(src, "\n")+2 {
				t.Errorf("error line %d outside the source", e.Line)
			}
		}
	})
}

// TestFormatCarets checks whole printed errors, caret runs included, against
// CPython 3.11's output for `python3 main.py`.
func TestFormatCarets(t *testing.T) {
	cases := []struct{ src, want string }{
		{"return f(1, 2)\n", "  File \"main.py\", line 1\n    return f(1, 2)\n    ^^^^^^^^^^^^^^\nSyntaxError: 'return' outside function\n"},
		{"if 1:\n    continue\n", "  File \"main.py\", line 2\n    continue\n    ^^^^^^^^\nSyntaxError: 'continue' not properly in loop\n"},
		{"break\n", "  File \"main.py\", line 1\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n"},
		{"if x:\n\tpass\n        pass\n", "  File \"main.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n"},
	}
	for _, c := range cases {
		_, err := Parse("main.py", c.src)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v", c.src, err)
			continue
		}
		if got := e.Format("main.py"); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}
