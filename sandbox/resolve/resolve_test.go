// This file tests scope resolution: locals, cells, free variables, class
// bodies, generators and the global/nonlocal errors.
package resolve

import (
	"strings"
	"testing"

	"coroutinetour/sandbox/syntax"
)

// resolveSrc parses and resolves src, failing the test on a parse error.
func resolveSrc(t *testing.T, src string) (*syntax.File, *Info, error) {
	t.Helper()
	f, err := syntax.Parse("main.py", src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	info, err := File(f)
	return f, info, err
}

// scopeNamed finds the scope called name below the module.
func scopeNamed(info *Info, name string) *Scope {
	for _, s := range info.Scopes {
		if s.Name == name {
			return s
		}
	}
	return nil
}

func TestClosure(t *testing.T) {
	_, info, err := resolveSrc(t, "def outer(a):\n    b = 1\n    def inner():\n        return a + b + c\n    return inner\n")
	if err != nil {
		t.Fatal(err)
	}
	outer, inner := scopeNamed(info, "outer"), scopeNamed(info, "inner")
	if outer == nil || inner == nil {
		t.Fatal("missing scopes")
	}
	if got := strings.Join(outer.Cells, ","); got != "a,b" {
		t.Errorf("outer cells = %q, want a,b", got)
	}
	if got := strings.Join(inner.Frees, ","); got != "a,b" {
		t.Errorf("inner frees = %q, want a,b", got)
	}
	if w, _ := inner.Lookup("c"); w != Global {
		t.Errorf("c in inner: %v, want Global", w)
	}
	if w, _ := outer.Lookup("inner"); w != Local {
		t.Errorf("inner in outer: %v, want Local", w)
	}
	if w, _ := info.Module.Lookup("outer"); w != Global {
		t.Errorf("outer at module: %v, want Global", w)
	}
}

func TestParametersFirst(t *testing.T) {
	_, info, err := resolveSrc(t, "def f(x, y=2, *args, k, **kw):\n    z = x\n    return z\n")
	if err != nil {
		t.Fatal(err)
	}
	f := scopeNamed(info, "f")
	if got := strings.Join(f.Locals, ","); !strings.HasPrefix(got, "x,y,k,args,kw") || !strings.Contains(got, "z") {
		t.Errorf("locals = %q, want x,y,k,args,kw (CPython's co_varnames order) then z", got)
	}
}

func TestGenerator(t *testing.T) {
	_, info, err := resolveSrc(t, "def g():\n    yield 1\ndef h():\n    return 1\n")
	if err != nil {
		t.Fatal(err)
	}
	if !scopeNamed(info, "g").Generator || scopeNamed(info, "h").Generator {
		t.Error("Generator flag wrong")
	}
}

func TestClassBody(t *testing.T) {
	_, info, err := resolveSrc(t, "x = 1\nclass A:\n    y = x\n    def m(self):\n        return y\n")
	if err != nil {
		t.Fatal(err)
	}
	a, m := scopeNamed(info, "A"), scopeNamed(info, "m")
	if w, _ := a.Lookup("y"); w != Name {
		t.Errorf("y in class body: %v, want Name", w)
	}
	// Methods skip the class scope: y inside m is a global.
	if w, _ := m.Lookup("y"); w != Global {
		t.Errorf("y in method: %v, want Global", w)
	}
}

func TestNonlocal(t *testing.T) {
	_, info, err := resolveSrc(t, "def f():\n    n = 0\n    def g():\n        nonlocal n\n        n += 1\n    return g\n")
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := scopeNamed(info, "g").Lookup("n"); w != Free {
		t.Errorf("n in g: %v, want Free", w)
	}
	if w, _ := scopeNamed(info, "f").Lookup("n"); w != Cell {
		t.Errorf("n in f: %v, want Cell", w)
	}
}

// TestErrors checks CPython 3.11's messages for misplaced declarations.
func TestErrors(t *testing.T) {
	cases := []struct {
		src, msg string
		line     int
	}{
		{"nonlocal x\n", "nonlocal declaration not allowed at module level", 1},
		{"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2},
		{"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3},
		{"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3},
		{"def f(x):\n    global x\n", "name 'x' is parameter and global", 2},
	}
	for _, c := range cases {
		_, _, err := resolveSrc(t, c.src)
		e, ok := err.(*syntax.Error)
		if !ok {
			t.Errorf("%q: got %v, want %q", c.src, err, c.msg)
			continue
		}
		if e.Msg != c.msg || e.Line != c.line {
			t.Errorf("%q: got %q at line %d, want %q at line %d", c.src, e.Msg, e.Line, c.msg, c.line)
		}
	}
}
