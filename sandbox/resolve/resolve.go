// Package resolve decides, for every name in a parsed program, where it lives:
// a local slot of its function, a cell shared with inner functions, a free
// variable captured from an enclosing function, or a global (module
// dictionary, then builtins). Class bodies look names up in the class
// namespace first.
//
// Resolution takes two passes over each scope tree: the first records which
// names each scope binds and uses; the second, bottom-up, passes the names a
// scope cannot bind itself to its enclosing scopes, turning a binding local
// into a cell when an inner function needs it.
package resolve

import (
	"fmt"
	"sort"
	"strings"

	"coroutinetour/sandbox/syntax"
)

// Kind is the kind of a scope.
type Kind int

// The scope kinds.
const (
	Module Kind = iota
	Function
	Class
)

// Where says how a name is reached.
type Where int

// The ways a name is reached.
const (
	Global Where = iota // module dictionary, then builtins
	Local               // a fast slot of the frame
	Cell                // a cell owned by this frame (captured by an inner function)
	Free                // a cell captured from an enclosing function
	Name                // class body: class namespace, then globals, then builtins
)

// Scope is the resolution of one module, function, lambda, comprehension or class body.
type Scope struct {
	Kind      Kind
	Name      string
	Parent    *Scope
	Locals    []string          // fast slots: parameters first, in order
	Cells     []string          // locals captured by inner functions (in cells, not slots)
	Frees     []string          // names captured from enclosing functions
	Generator bool              // contains yield
	declared  map[string]string // "global" or "nonlocal"
	bound     map[string]bool
	uses      map[string]bool
	children  []*Scope
	slot      map[string]int
	cell      map[string]int
	params    map[string]bool        // parameter names, for "is parameter and global"
	declPos   map[string]syntax.Node // each global/nonlocal declaration
	setAfter  map[string]bool        // declared names assigned since (a repeated declaration must come first)
}

// Lookup reports where name is reached from this scope and its index (slot
// index for Local, index into Cells followed by Frees for Cell and Free).
func (s *Scope) Lookup(name string) (Where, int) {
	if s.Kind == Module {
		return Global, 0
	}
	if i, ok := s.cell[name]; ok {
		if i < len(s.Cells) {
			return Cell, i
		}
		return Free, i
	}
	if s.Kind == Class {
		return Name, 0
	}
	if i, ok := s.slot[name]; ok {
		return Local, i
	}
	return Global, 0
}

// Info is the result of resolving a file: the scope of every node that opens one.
type Info struct {
	Scopes map[syntax.Node]*Scope
	Module *Scope
}

// Error is a scope error, reported as a SyntaxError.
type Error = syntax.Error

// File resolves a parsed program.
func File(f *syntax.File) (info *Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*syntax.Error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	r := &resolver{info: &Info{Scopes: map[syntax.Node]*Scope{}}, lines: f.Lines, spans: f.Spans}
	mod := r.newScope(Module, "<module>", nil, nil)
	r.info.Module = mod
	r.stmts(mod, f.Body)
	r.finish(mod)
	r.assign(mod)
	return r.info, nil
}

type resolver struct {
	info  *Info
	lines []string
	spans map[syntax.Node]syntax.Span
}

func (r *resolver) newScope(k Kind, name string, parent *Scope, node syntax.Node) *Scope {
	s := &Scope{Kind: k, Name: name, Parent: parent, declared: map[string]string{},
		bound: map[string]bool{}, uses: map[string]bool{}, slot: map[string]int{}, cell: map[string]int{},
		params: map[string]bool{}, declPos: map[string]syntax.Node{}, setAfter: map[string]bool{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	if node != nil {
		r.info.Scopes[node] = s
	}
	return s
}

// errNode reports a SyntaxError marking node n, as CPython marks the
// statement or expression its compiler refuses (to the end of the first
// line when n spans several).
func (r *resolver) errNode(n syntax.Node, format string, args ...any) {
	sp, ok := r.spans[n]
	if !ok {
		r.errAt(n.Position(), format, args...)
	}
	text := ""
	if sp.Start.Line >= 1 && sp.Start.Line <= len(r.lines) {
		text = r.lines[sp.Start.Line-1]
	}
	end := sp.End.Col
	if sp.End.Line != sp.Start.Line {
		end = len([]rune(strings.TrimRight(text, "\r\n")))
	}
	panic(&syntax.Error{Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...), Line: sp.Start.Line, Col: sp.Start.Col, End: end, Text: text})
}

func (r *resolver) errAt(p syntax.Pos, format string, args ...any) {
	text := ""
	if p.Line >= 1 && p.Line <= len(r.lines) {
		text = r.lines[p.Line-1]
	}
	panic(&syntax.Error{Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...), Line: p.Line, Col: p.Col, Text: text})
}

func (s *Scope) bind(name string) {
	if !s.bound[name] {
		s.bound[name] = true
		if s.Kind == Function && s.declared[name] == "" {
			if _, ok := s.slot[name]; !ok {
				s.slot[name] = len(s.Locals)
				s.Locals = append(s.Locals, name)
			}
		}
	}
}

func (r *resolver) stmts(s *Scope, body []syntax.Stmt) {
	for _, st := range body {
		r.stmt(s, st)
	}
}

func (r *resolver) stmt(s *Scope, st syntax.Stmt) {
	switch st := st.(type) {
	case *syntax.ExprStmt:
		r.expr(s, st.X)
	case *syntax.Assign:
		r.expr(s, st.Value)
		for _, t := range st.Targets {
			r.target(s, t)
		}
	case *syntax.AugAssign:
		r.expr(s, st.Value)
		r.expr(s, st.Target)
		r.target(s, st.Target)
	case *syntax.AnnAssign:
		if st.Value != nil {
			r.expr(s, st.Value)
			r.target(s, st.Target)
		}
	case *syntax.If:
		r.expr(s, st.Cond)
		r.stmts(s, st.Body)
		r.stmts(s, st.Else)
	case *syntax.While:
		r.expr(s, st.Cond)
		r.stmts(s, st.Body)
		r.stmts(s, st.Else)
	case *syntax.For:
		r.expr(s, st.Iter)
		r.target(s, st.Target)
		r.stmts(s, st.Body)
		r.stmts(s, st.Else)
	case *syntax.Return:
		if st.Value != nil {
			r.expr(s, st.Value)
		}
	case *syntax.FuncDef:
		for _, d := range st.Decorators {
			r.expr(s, d)
		}
		r.function(s, st, st.Name, st.Params, func(fs *Scope) { r.stmts(fs, st.Body) })
		s.bind(st.Name)
	case *syntax.ClassDef:
		for _, d := range st.Decorators {
			r.expr(s, d)
		}
		for _, b := range st.Bases {
			r.expr(s, b)
		}
		for _, k := range st.Keywords {
			r.expr(s, k.Value)
		}
		cs := r.newScope(Class, st.Name, s, st)
		r.stmts(cs, st.Body)
		s.bind(st.Name)
	case *syntax.Try:
		r.stmts(s, st.Body)
		for _, h := range st.Handlers {
			if h.Type != nil {
				r.expr(s, h.Type)
			}
			if h.Name != "" {
				s.bind(h.Name)
			}
			r.stmts(s, h.Body)
		}
		r.stmts(s, st.Else)
		r.stmts(s, st.Finally)
	case *syntax.Raise:
		if st.Exc != nil {
			r.expr(s, st.Exc)
		}
		if st.Cause != nil {
			r.expr(s, st.Cause)
		}
	case *syntax.With:
		for _, it := range st.Items {
			r.expr(s, it.Ctx)
			if it.Target != nil {
				r.target(s, it.Target)
			}
		}
		r.stmts(s, st.Body)
	case *syntax.Assert:
		r.expr(s, st.Test)
		if st.Msg != nil {
			r.expr(s, st.Msg)
		}
	case *syntax.Del:
		for _, t := range st.Targets {
			r.target(s, t)
		}
	case *syntax.Global, *syntax.Nonlocal:
		names, word := []string(nil), ""
		if g, ok := st.(*syntax.Global); ok {
			names, word = g.Names, "global"
		} else {
			names, word = st.(*syntax.Nonlocal).Names, "nonlocal"
			if s.Kind == Module {
				r.errNode(st, "nonlocal declaration not allowed at module level")
			}
		}
		for _, n := range names {
			// CPython's order of checks: parameter, then use, then assignment.
			switch {
			case s.params[n]:
				r.errNode(st, "name '%s' is parameter and %s", n, word)
			case s.setAfter[n] && s.declared[n] == "nonlocal":
				// (assigning a nonlocal name also counts as a use here, for its cell)
				r.errNode(st, "name '%s' is assigned to before %s declaration", n, word)
			case s.uses[n]:
				r.errNode(st, "name '%s' is used prior to %s declaration", n, word)
			case s.bound[n] || s.setAfter[n]:
				r.errNode(st, "name '%s' is assigned to before %s declaration", n, word)
			}
			s.declared[n] = word
			s.declPos[n] = st
		}
	case *syntax.Import:
		for _, a := range st.Names {
			name := a.AsName
			if name == "" {
				name = a.Name
				if i := indexByte(name, '.'); i >= 0 {
					name = name[:i]
				}
			}
			s.bind(name)
		}
	case *syntax.ImportFrom:
		for _, a := range st.Names {
			if a.Name == "*" {
				if s.Kind != Module {
					r.errNode(st, "import * only allowed at module level")
				}
				continue
			}
			name := a.AsName
			if name == "" {
				name = a.Name
			}
			s.bind(name)
		}
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// function opens a function scope for a def, lambda or comprehension.
func (r *resolver) function(s *Scope, node syntax.Node, name string, ps *syntax.Params, body func(*Scope)) *Scope {
	if ps != nil {
		for _, d := range ps.Defaults {
			r.expr(s, d)
		}
		for _, n := range ps.Names {
			if d, ok := ps.KwDefaults[n]; ok {
				r.expr(s, d)
			}
		}
	}
	fs := r.newScope(Function, name, s, node)
	if ps != nil {
		for _, n := range ps.Names {
			fs.bind(n)
			fs.params[n] = true
		}
		for _, n := range []string{ps.VarArgs, ps.KwArgs} {
			if n != "" {
				fs.bind(n)
				fs.params[n] = true
			}
		}
	}
	body(fs)
	return fs
}

func (r *resolver) target(s *Scope, e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Name:
		if s.declared[e.Id] == "" {
			s.bind(e.Id)
		} else {
			s.setAfter[e.Id] = true
		}
		if s.declared[e.Id] == "nonlocal" {
			s.uses[e.Id] = true
		}
	case *syntax.Tuple:
		for _, x := range e.Elems {
			r.target(s, x)
		}
	case *syntax.List:
		for _, x := range e.Elems {
			r.target(s, x)
		}
	case *syntax.Starred:
		r.target(s, e.X)
	case *syntax.Attribute:
		r.expr(s, e.X)
	case *syntax.Subscript:
		r.expr(s, e.X)
		r.expr(s, e.Index)
	}
}

func (r *resolver) expr(s *Scope, e syntax.Expr) {
	switch e := e.(type) {
	case nil:
	case *syntax.Name:
		s.uses[e.Id] = true
	case *syntax.Constant:
	case *syntax.FString:
		for _, p := range e.Parts {
			r.expr(s, p)
		}
	case *syntax.FormattedValue:
		r.expr(s, e.Value)
		if e.Spec != nil {
			r.expr(s, e.Spec)
		}
	case *syntax.UnaryOp:
		r.expr(s, e.X)
	case *syntax.BinOp:
		r.expr(s, e.X)
		r.expr(s, e.Y)
	case *syntax.BoolOp:
		r.expr(s, e.X)
		r.expr(s, e.Y)
	case *syntax.Compare:
		r.expr(s, e.X)
		for _, x := range e.Rests {
			r.expr(s, x)
		}
	case *syntax.IfExp:
		r.expr(s, e.Cond)
		r.expr(s, e.Then)
		r.expr(s, e.Else)
	case *syntax.Lambda:
		r.function(s, e, "<lambda>", e.Params, func(fs *Scope) { r.expr(fs, e.Body) })
	case *syntax.Call:
		r.expr(s, e.Func)
		for _, a := range e.Args {
			r.expr(s, a.Value)
		}
		if n, ok := e.Func.(*syntax.Name); ok && n.Id == "super" && len(e.Args) == 0 {
			// zero-argument super() needs __class__ and the first parameter
			s.uses["__class__"] = true
		}
	case *syntax.Attribute:
		r.expr(s, e.X)
	case *syntax.Subscript:
		r.expr(s, e.X)
		r.expr(s, e.Index)
	case *syntax.Slice:
		r.expr(s, e.Lo)
		r.expr(s, e.Hi)
		r.expr(s, e.Step)
	case *syntax.Starred:
		r.expr(s, e.X)
	case *syntax.Tuple:
		for _, x := range e.Elems {
			r.expr(s, x)
		}
	case *syntax.List:
		for _, x := range e.Elems {
			r.expr(s, x)
		}
	case *syntax.Set:
		for _, x := range e.Elems {
			r.expr(s, x)
		}
	case *syntax.Dict:
		for i := range e.Keys {
			r.expr(s, e.Keys[i])
			r.expr(s, e.Values[i])
		}
	case *syntax.Comprehension:
		// the first iterable is evaluated in the enclosing scope
		r.expr(s, e.Fors[0].Iter)
		name := comprehensionScopes[e.Kind]
		cs := r.function(s, e, name, nil, func(fs *Scope) {
			fs.bind(".0")
			for i, f := range e.Fors {
				if i > 0 {
					r.expr(fs, f.Iter)
				}
				r.target(fs, f.Target)
				for _, c := range f.Ifs {
					r.expr(fs, c)
				}
			}
			r.expr(fs, e.Elt)
			r.expr(fs, e.Value)
		})
		if e.Kind == "gen" {
			cs.Generator = true
		}
	case *syntax.Yield:
		if what, ok := comprehensionKinds[s.Name]; ok && s.Kind == Function {
			r.errNode(e, "'yield' inside %s", what)
		} else if s.Kind != Function {
			r.errNode(e, "'yield' outside function")
		}
		s.Generator = true
		r.expr(s, e.X)
	case *syntax.NamedExpr:
		r.expr(s, e.Value)
		t := s
		for t.Kind == Function && len(t.Name) > 0 && t.Name[0] == '<' && t.Name != "<lambda>" && t.Parent != nil {
			t = t.Parent
		}
		t.bind(e.Name.Id)
		if t != s {
			s.uses[e.Name.Id] = true
		}
	}
}

// finish computes, bottom-up, the names each scope needs from outside itself.
func (r *resolver) finish(s *Scope) map[string]bool {
	fromChildren := map[string]bool{}
	for _, c := range s.children {
		for n := range r.finish(c) {
			fromChildren[n] = true
		}
	}
	needs := map[string]bool{}
	switch s.Kind {
	case Module:
		return nil
	case Class:
		for n := range s.uses {
			if !s.bound[n] && n != "__class__" {
				needs[n] = true
			}
		}
		for n := range fromChildren {
			if n == "__class__" {
				s.addCell(n)
				continue
			}
			needs[n] = true
		}
		return needs
	}
	for n := range s.uses {
		if s.declared[n] == "global" {
			continue
		}
		if !s.bound[n] || s.declared[n] == "nonlocal" {
			needs[n] = true
		}
	}
	for _, n := range sortedKeys(fromChildren) {
		if s.declared[n] == "global" {
			continue
		}
		if s.bound[n] && s.declared[n] != "nonlocal" {
			s.addCell(n)
		} else {
			needs[n] = true
		}
	}
	for n, how := range s.declared {
		if how == "nonlocal" {
			needs[n] = true
		}
	}
	return needs
}

func (s *Scope) addCell(n string) {
	if _, ok := s.cell[n]; ok {
		return
	}
	s.cell[n] = len(s.Cells)
	s.Cells = append(s.Cells, n)
}

// assign decides, top-down, which needed names are free variables.
func (r *resolver) assign(s *Scope) {
	if s.Kind != Module {
		// Every nonlocal needs a binding in an enclosing function, used or not.
		for _, n := range sortedDeclared(s, "nonlocal") {
			if !enclosingBinds(s.Parent, n) {
				r.errNode(s.declPos[n], "no binding for nonlocal '%s' found", n)
			}
		}
		for _, n := range sortedKeys(r.needsOf(s)) {
			if enclosingBinds(s.Parent, n) {
				s.Frees = append(s.Frees, n)
			}
		}
		for i, n := range s.Frees {
			s.cell[n] = len(s.Cells) + i
		}
	}
	for _, c := range s.children {
		r.assign(c)
	}
}

// needsOf recomputes the names a scope takes from outside (after cells are known).
func (r *resolver) needsOf(s *Scope) map[string]bool {
	needs := map[string]bool{}
	var walk func(c *Scope)
	walk = func(c *Scope) {
		for n := range c.uses {
			needs[n] = true
		}
		for _, g := range c.children {
			walk(g)
		}
	}
	walk(s)
	out := map[string]bool{}
	for n := range needs {
		if s.declared[n] == "global" {
			continue
		}
		if s.Kind == Function && s.bound[n] && s.declared[n] != "nonlocal" {
			continue
		}
		if s.Kind == Class && n != "__class__" && !s.usesFromFunction(n) {
			continue
		}
		if _, own := s.cell[n]; own && s.Kind == Class {
			continue
		}
		out[n] = true
	}
	if s.Kind == Function {
		// names only a descendant binds are not needed from outside
		for n := range out {
			if !s.uses[n] && !descendantNeeds(s, n) {
				delete(out, n)
			}
		}
	}
	return out
}

func (s *Scope) usesFromFunction(n string) bool { return !s.bound[n] }

// descendantNeeds reports whether some inner scope uses n without binding it.
func descendantNeeds(s *Scope, n string) bool {
	for _, c := range s.children {
		if c.uses[n] && (!c.bound[n] || c.declared[n] == "nonlocal") && c.declared[n] != "global" {
			return true
		}
		if (!c.bound[n] || c.Kind == Class) && descendantNeeds(c, n) {
			return true
		}
	}
	return false
}

// enclosingBinds reports whether a function scope around s binds n.
func enclosingBinds(s *Scope, n string) bool {
	for ; s != nil; s = s.Parent {
		switch s.Kind {
		case Module:
			return false
		case Class:
			if n == "__class__" {
				return true
			}
			continue
		}
		if s.declared[n] == "global" {
			return false
		}
		if s.bound[n] && s.declared[n] != "nonlocal" {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sortedDeclared lists, sorted, the names s declares with the given word.
func sortedDeclared(s *Scope, word string) []string {
	m := map[string]bool{}
	for n, how := range s.declared {
		if how == word {
			m[n] = true
		}
	}
	return sortedKeys(m)
}

// comprehensionScopes names the scope of each kind of comprehension, and
// comprehensionKinds says what each is in messages.
var (
	comprehensionScopes = map[string]string{"list": "<listcomp>", "set": "<setcomp>", "dict": "<dictcomp>", "gen": "<genexpr>"}
	comprehensionKinds  = map[string]string{"<listcomp>": "list comprehension", "<setcomp>": "set comprehension", "<dictcomp>": "dict comprehension", "<genexpr>": "generator expression"}
)
