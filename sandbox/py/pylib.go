package py

// This file defines the library modules written in Python (pylib/*.py),
// compiled and run on first import like any module.

import (
	"embed"
	"strings"
)

//go:embed pylib/*.py
var pylibFS embed.FS

func init() {
	entries, _ := pylibFS.ReadDir("pylib")
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".py")
		src, _ := pylibFS.ReadFile("pylib/" + e.Name())
		RegisterPythonModule(name, string(src))
	}
	RegisterModule("_sandbox", makeSandboxModule)
}

// RegisterPythonModule adds a module whose source is Python.
func RegisterPythonModule(name, source string) {
	RegisterModule(name, func(th *Thread) *Module {
		m, err := th.execModule(name, source)
		if err != nil {
			th.importErr = err
		}
		return m
	})
}

// execModule compiles and runs a library module's source in a new module.
func (th *Thread) execModule(name, source string) (*Module, error) {
	m := NewModule(name)
	filename := "<" + name + ">"
	code, err := Compile(filename, source)
	if err != nil {
		return m, &haltError{Kind: "internal", Reason: "internal error: the library module " + name + " does not compile: " + err.Error()}
	}
	th.modules[name] = m // visible to imports of itself while it runs
	fr := th.newFrame(code, nil, m)
	fr.mode = modeGo
	saved := th.cur
	if th.pushFrame(fr) == nil {
		return m, th.recursionError()
	}
	th.native++
	_, _, err = th.run(fr)
	th.native--
	th.cur = saved
	return m, err
}

// makeSandboxModule provides the native helpers the Python library modules use.
func makeSandboxModule(th *Thread) *Module {
	m := NewModule("_sandbox")
	m.Def("block_forever", func(th *Thread, args []Value, kw *Kwargs) (Value, error) {
		what := "the program"
		if len(args) > 0 {
			what, _ = args[0].(string)
		}
		return nil, &haltError{Kind: "idle", Reason: "the program waits forever: " + what + ", and nothing else can run"}
	})
	return m
}
