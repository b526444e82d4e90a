package compile_test

import (
	"os"
	"path/filepath"
	"testing"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/resolve"
	"coroutinetour/sandbox/syntax"
)

// FuzzCompile: whatever parses, resolves and compiles without a panic, and
// every jump stays inside its code.
func FuzzCompile(f *testing.F) {
	for _, pattern := range []string{"../../../shared/conformance/*/*.py", "../../../shared/bench/workloads/*.py"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("try:\n    x = 1\nfinally:\n    for i in y:\n        break\n")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			return
		}
		file, err := syntax.Parse("main.py", src)
		if err != nil {
			return
		}
		info, err := resolve.File(file)
		if err != nil {
			return
		}
		code, err := compile.File(file, info)
		if err != nil {
			return
		}
		check(t, code)
	})
}

func check(t *testing.T, c *compile.Code) {
	for _, in := range c.Instrs {
		switch in.Op {
		case compile.JUMP, compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE, compile.JUMP_IF_FALSE_OR_POP,
			compile.JUMP_IF_TRUE_OR_POP, compile.FOR_ITER, compile.FOR_ITER_STORE_FAST:
			if in.Arg < 0 || int(in.Arg) > len(c.Instrs) {
				t.Fatalf("%s: jump to %d outside %d instructions", c.Name, in.Arg, len(c.Instrs))
			}
		}
	}
	for i, in := range c.Instrs {
		if n := compile.Covered(in.Op); i+n > len(c.Instrs) {
			t.Fatalf("%s: superinstruction %d at %d covers past the end", c.Name, in.Op, i)
		}
	}
	for _, h := range c.Handlers {
		if h.Start < 0 || h.End > int32(len(c.Instrs)) || h.Target < 0 || h.Target >= int32(len(c.Instrs)) {
			t.Fatalf("%s: handler %+v outside the code", c.Name, h)
		}
	}
	for _, k := range c.Consts {
		if sub, ok := k.(*compile.Code); ok {
			check(t, sub)
		}
	}
}

func compileSource(t *testing.T, src string) *compile.Code {
	t.Helper()
	file, err := syntax.Parse("t.py", src)
	if err != nil {
		t.Fatal(err)
	}
	info, err := resolve.File(file)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.File(file, info)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// TestFuse: everyday runs become one superinstruction, whose covered
// instructions stay in place for jumps into them.
func TestFuse(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []compile.Opcode // the function's first instructions
	}{
		{"return a + b", []compile.Opcode{compile.FAST_FAST_BINARY, compile.LOAD_FAST, compile.BINARY, compile.RETURN_VALUE}},
		{"return a - 1", []compile.Opcode{compile.FAST_CONST_BINARY, compile.CONST_BINARY, compile.BINARY}},
		{"if a < 2:\n        return a", []compile.Opcode{compile.FAST_CONST_COMPARE, compile.LOAD_CONST, compile.COMPARE, compile.POP_JUMP_IF_FALSE}},
		{"a += b * b", []compile.Opcode{compile.LOAD_FAST, compile.FAST_FAST_BINARY, compile.LOAD_FAST, compile.BINARY, compile.INPLACE_STORE_FAST, compile.STORE_FAST}},
		{"return a, b", []compile.Opcode{compile.LOAD_FAST_LOAD_FAST, compile.LOAD_FAST, compile.BUILD_TUPLE}},
		{"return a / 2", []compile.Opcode{compile.LOAD_FAST_LOAD_CONST, compile.LOAD_CONST, compile.BINARY}}, // no int fast path for /
		{"for i in b:\n        pass", []compile.Opcode{compile.LOAD_FAST, compile.GET_ITER, compile.FOR_ITER_STORE_FAST, compile.STORE_FAST}},
		{"return a in b", []compile.Opcode{compile.LOAD_FAST_LOAD_FAST, compile.LOAD_FAST, compile.COMPARE}},
	} {
		code := compileSource(t, "def f(a, b):\n    "+tc.body+"\n")
		var fn *compile.Code
		for _, k := range code.Consts {
			if c, ok := k.(*compile.Code); ok {
				fn = c
			}
		}
		for i, op := range tc.want {
			if got := fn.Instrs[i].Op; got != op {
				t.Errorf("%q: instruction %d is %d, want %d", tc.body, i, got, op)
			}
		}
	}
}

// TestMaxStack: a frame's stack is exactly as deep as the code needs, on
// every path (no slack: the VM indexes the stack without growing it).
func TestMaxStack(t *testing.T) {
	for _, tc := range []struct {
		body string
		want int
	}{
		{"return a", 1},
		{"return (a, b, a)", 3},
		{"return a + b * a", 3},
		{"for x in b:\n        a(x)", 3}, // the iterator, a and x
		{"try:\n        a()\n    except ValueError as e:\n        return e", 2}, // the exception and its class
		{"return a if b else (a, b)", 2},
		{"with a as b:\n        pass", 4}, // exit(None, None, None) on the way out
	} {
		code := compileSource(t, "def f(a, b):\n    "+tc.body+"\n")
		var fn *compile.Code
		for _, k := range code.Consts {
			if c, ok := k.(*compile.Code); ok {
				fn = c
			}
		}
		if fn.MaxStack != tc.want {
			t.Errorf("%q: MaxStack %d, want %d", tc.body, fn.MaxStack, tc.want)
		}
	}
}
