package py

// This file defines the library modules written in Python (pylib/*.py),
// compiled and run on first import like any module.

import (
	"embed"
	"strings"
	"sync"

	"coroutinetour/sandbox/compile"
)

//go:embed pylib/*.py
var pylibFS embed.FS

func init() {
	entries, _ := pylibFS.ReadDir("pylib")
	for _, e := range entries {
		file := "pylib/" + e.Name()
		// read when first compiled, not at start-up: a program imports a
		// few of these, and copying them all is an eighth of pyrun's start
		registerPython(strings.TrimSuffix(e.Name(), ".py"), func() string {
			src, _ := pylibFS.ReadFile(file)
			return string(src)
		})
	}
	RegisterModule("_sandbox", makeSandboxModule)
}

// RegisterPythonModule adds a module whose source is Python.
func RegisterPythonModule(name, source string) {
	registerPython(name, func() string { return source })
}

// registerPython adds a module whose source, Python, source returns.
func registerPython(name string, source func() string) {
	RegisterModule(name, func(th *Thread) *Module {
		m, err := th.execModule(name, source)
		if err != nil {
			th.importErr = err
		}
		return m
	})
}

// libraryCode holds each library module compiled once for the whole process.
// Runs never share these code objects: each run executes a shallow copy (see
// cloneCode), because the VM keeps per-run caches in a code object.
var libraryCode sync.Map // module name -> *compiledModule

type compiledModule struct {
	once sync.Once
	code *compile.Code
	err  error
}

// cloneCode copies a code object and the code objects among its constants,
// sharing everything that the VM only reads (instructions, names, lines).
func cloneCode(c *compile.Code) *compile.Code {
	out := *c
	out.Cache = nil
	out.Consts = make([]any, len(c.Consts))
	for i, k := range c.Consts {
		if inner, ok := k.(*compile.Code); ok {
			k = cloneCode(inner)
		}
		out.Consts[i] = k
	}
	return &out
}

// execModule runs a library module's source in a new module.
func (th *Thread) execModule(name string, source func() string) (*Module, error) {
	m := NewModule(name)
	v, ok := libraryCode.Load(name)
	if !ok {
		v, _ = libraryCode.LoadOrStore(name, &compiledModule{})
	}
	lib := v.(*compiledModule)
	lib.once.Do(func() {
		src := source()
		lib.code, lib.err = Compile("<"+name+">", src)
		markLibraryLines("<"+name+">", src)
	})
	if lib.err != nil {
		return m, &haltError{Kind: "internal", Reason: "internal error: the library module " + name + " does not compile: " + lib.err.Error()}
	}
	code := cloneCode(lib.code)
	th.modules[name] = m // visible to imports of itself while it runs
	fr := th.newFrame(code, nil, m)
	fr.mode = modeGo
	saved := th.cur
	if th.pushFrame(fr) == nil {
		return m, th.recursionError()
	}
	th.native++
	_, _, err := th.run(fr)
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
