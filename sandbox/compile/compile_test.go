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
			compile.JUMP_IF_TRUE_OR_POP, compile.FOR_ITER:
			if in.Arg < 0 || int(in.Arg) > len(c.Instrs) {
				t.Fatalf("%s: jump to %d outside %d instructions", c.Name, in.Arg, len(c.Instrs))
			}
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
