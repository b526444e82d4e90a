package compile

// This file defines the compiler from a resolved syntax tree to Code objects.

import (
	"fmt"

	"coroutinetour/sandbox/resolve"
	"coroutinetour/sandbox/syntax"
)

// File compiles a parsed and resolved program into its module Code.
func File(f *syntax.File, info *resolve.Info) (code *Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*syntax.Error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	c := &compiler{info: info, file: f}
	u := c.newUnit(info.Module, "<module>", 1)
	c.u = u
	c.stmts(f.Body)
	c.emit(LOAD_CONST, c.constant(nil))
	c.emit(RETURN_VALUE, 0)
	return c.finishUnit(), nil
}

type compiler struct {
	info *resolve.Info
	file *syntax.File
	u    *unit
}

// unit is the state of the Code being compiled.
type unit struct {
	code     *Code
	scope    *resolve.Scope
	parent   *unit
	line     int
	span     Position // the range of the node being compiled (Col -1: none)
	depth    int
	consts   map[any]int
	names    map[string]int
	blocks   []*block
	regions  []*region
	handlers []pendingHandler
	updates  []int // the target loads and stores of `x += e` and `x -= e` on fast locals (see accum.go)
}

// block is an enclosing loop, try-finally, except body or with statement, for
// break, continue and return.
type block struct {
	kind       int
	continueTo int
	breaks     []int
	finally    []syntax.Stmt
	region     *region // the region protected by this finally
}

const (
	loopBlock = iota
	forLoopBlock
	finallyBlock
	handlerBlock
	withBlock
)

// region is a protected range of code whose exceptions go to one handler;
// it may be interrupted (inlined finally code is not protected by itself).
type region struct {
	start           int
	handlerLabel    *label
	depth, excDepth int
	open            bool
}

type pendingHandler struct {
	start, end      int
	target          *label
	depth, excDepth int
}

// label is a jump target that may not be known yet.
type label struct {
	pc      int
	patches []int
}

func (c *compiler) newUnit(s *resolve.Scope, name string, line int) *unit {
	code := &Code{Name: name, Filename: c.file.Name, FirstLine: line, HeadLine: line, Locals: s.Locals, Cells: s.Cells, Frees: s.Frees,
		Generator: s.Generator, ClassBody: s.Kind == resolve.Class}
	code.CellParams = make([]int, len(s.Cells))
	for i, n := range s.Cells {
		code.CellParams[i] = -1
		for j, l := range s.Locals {
			if l == n {
				code.CellParams[i] = j
			}
		}
	}
	return &unit{code: code, scope: s, parent: c.u, line: line, span: noPosition, consts: map[any]int{}, names: map[string]int{}}
}

func (c *compiler) finishUnit() *Code {
	u := c.u
	for _, h := range u.handlers {
		u.code.Handlers = append(u.code.Handlers, Handler{Start: int32(h.start), End: int32(h.end),
			Target: int32(h.target.pc), Depth: int32(h.depth), ExcDepth: int32(h.excDepth)})
	}
	// the depth followed along every path, jumps and handlers included; the
	// running count kept while emitting is kept too, as a second bound
	u.code.MaxStack = max(u.code.MaxStack, flowDepth(u.code.Instrs, u.code.Handlers))
	markShared(u.code.Instrs, u.updates)
	fuse(u.code.Instrs)
	cd := u.code
	cd.PlainArgs = cd.NumPos == len(cd.ArgNames) && !cd.VarArgs && !cd.KwArgs && !cd.Generator && len(cd.CellParams) == 0
	u.code.NameValues = make([]any, len(u.code.Names))
	for i, n := range u.code.Names {
		u.code.NameValues[i] = n
	}
	c.u = u.parent
	return u.code
}

// errNode reports a SyntaxError marking node n (on its first line).
func (c *compiler) errNode(n syntax.Node, format string, args ...any) {
	sp, ok := c.file.Spans[n]
	if !ok || sp.End.Line != sp.Start.Line {
		c.errAt(n.Position(), format, args...)
	}
	defer func() {
		if e, ok := recover().(*syntax.Error); ok {
			e.End = sp.End.Col
			panic(e)
		}
	}()
	c.errAt(sp.Start, format, args...)
}

// errThrough reports a SyntaxError marked from p through the first stop
// character after it on its line (CPython marks `except:` whole).
func (c *compiler) errThrough(p syntax.Pos, stop rune, format string, args ...any) {
	if p.Line >= 1 && p.Line <= len(c.file.Lines) {
		line := []rune(c.file.Lines[p.Line-1])
		for i := p.Col; i >= 0 && i < len(line); i++ {
			if line[i] == stop {
				defer func() {
					if e, ok := recover().(*syntax.Error); ok {
						e.End = i + 1
						panic(e)
					}
				}()
				break
			}
		}
	}
	c.errAt(p, format, args...)
}

func (c *compiler) errAt(p syntax.Pos, format string, args ...any) {
	text := ""
	if p.Line >= 1 && p.Line <= len(c.file.Lines) {
		text = c.file.Lines[p.Line-1]
	}
	panic(&syntax.Error{Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...), Line: p.Line, Col: p.Col, Text: text})
}

// stackEffect is each opcode's change of stack depth (arg-dependent ones are computed in emit).
var stackEffect = [numOpcodes]int{
	POP_TOP: -1, DUP_TOP: 1, DUP_TOP_TWO: 2,
	LOAD_CONST: 1, LOAD_FAST: 1, STORE_FAST: -1, LOAD_DEREF: 1, STORE_DEREF: -1, LOAD_CLOSURE: 1,
	LOAD_GLOBAL: 1, STORE_GLOBAL: -1, LOAD_NAME: 1, STORE_NAME: -1, STORE_ATTR: -2, DELETE_ATTR: -1,
	BINARY: -1, INPLACE: -1, COMPARE: -1, BINARY_SUBSCR: -1, STORE_SUBSCR: -3, DELETE_SUBSCR: -2, BUILD_SLICE: -2,
	LIST_APPEND: -1, SET_ADD: -1, MAP_ADD: -2, LIST_EXTEND: -1, SET_UPDATE: -1, DICT_UPDATE: -1,
	POP_JUMP_IF_FALSE: -1, POP_JUMP_IF_TRUE: -1, FOR_ITER: 1, RETURN_VALUE: -1,
	YIELD_FROM: -1, RERAISE: -1, CHECK_EXC: 0, SETUP_WITH: 1, WITH_EXCEPT: 1,
	LOAD_METHOD: 1, IMPORT_NAME: 1, IMPORT_FROM: 1, IMPORT_STAR: -1, LOAD_BUILD_CLASS: 1, LOAD_ASSERTION_ERROR: 1, SUPER_ZERO: 1,
	LOAD_FAST_SHARED: 1, STORE_FAST_SHARED: -1,
}

// effect is how an instruction changes the stack's depth when it goes on to
// the next one (see also flowDepth for jumps).
func effect(op Opcode, arg int) int {
	d := stackEffect[op]
	switch op {
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		d = 1 - arg
	case BUILD_MAP:
		d = 1 - 2*arg
	case UNPACK_SEQ:
		d = arg - 1
	case UNPACK_EX:
		d = (arg & 0xff) + (arg >> 8)
	case FORMAT_VALUE:
		if arg>>8 != 0 {
			d = -1
		}
	case CALL:
		d = -arg
	case CALL_KW:
		d = -arg - 1
	case CALL_METHOD:
		d = -arg - 1
	case CALL_EX:
		d = -1 - arg&CallExKw
	case MAKE_FUNCTION:
		d = 0
		for _, f := range []int{FnDefaults, FnKwDefaults, FnClosure} {
			if arg&f != 0 {
				d--
			}
		}
	case RAISE:
		d = -arg
	}
	return d
}

func (c *compiler) emit(op Opcode, arg int) int {
	u := c.u
	pc := len(u.code.Instrs)
	u.code.Instrs = append(u.code.Instrs, Instr{op, int32(arg)})
	u.code.Lines = append(u.code.Lines, int32(u.line))
	u.code.Positions = append(u.code.Positions, u.span)
	d := effect(op, arg)
	u.depth += d
	if u.depth > u.code.MaxStack {
		u.code.MaxStack = u.depth
	}
	return pc
}

func (c *compiler) pc() int { return len(c.u.code.Instrs) }

func (c *compiler) newLabel() *label { return &label{pc: -1} }

func (c *compiler) jump(op Opcode, l *label) {
	pc := c.emit(op, 0)
	if l.pc >= 0 {
		c.u.code.Instrs[pc].Arg = int32(l.pc)
	} else {
		l.patches = append(l.patches, pc)
	}
}

func (c *compiler) bind(l *label) {
	l.pc = c.pc()
	for _, p := range l.patches {
		c.u.code.Instrs[p].Arg = int32(l.pc)
	}
}

func (c *compiler) constant(v any) int {
	key := v
	switch v.(type) {
	case []byte, *Code, []string, nil:
		key = nil
	}
	if v != nil && key != nil {
		key = fmt.Sprintf("%T:%v", v, v)
		if i, ok := c.u.consts[key]; ok {
			return i
		}
	}
	if v == nil {
		if i, ok := c.u.consts["<None>"]; ok {
			return i
		}
		key = "<None>"
	}
	i := len(c.u.code.Consts)
	c.u.code.Consts = append(c.u.code.Consts, v)
	if key != nil {
		c.u.consts[key] = i
	}
	return i
}

func (c *compiler) name(n string) int {
	if i, ok := c.u.names[n]; ok {
		return i
	}
	i := len(c.u.code.Names)
	c.u.code.Names = append(c.u.code.Names, n)
	c.u.names[n] = i
	return i
}

// ---- protected regions ----

func (c *compiler) excDepth() int {
	n := 0
	for _, b := range c.u.blocks {
		if b.kind == handlerBlock {
			n++
		}
	}
	return n
}

func (c *compiler) openRegion(handler *label) *region {
	r := &region{start: c.pc(), handlerLabel: handler, depth: c.u.depth, excDepth: c.excDepth(), open: true}
	c.u.regions = append(c.u.regions, r)
	return r
}

func (c *compiler) closeSegment(r *region) {
	if r.open && c.pc() > r.start {
		c.u.handlers = append(c.u.handlers, pendingHandler{start: r.start, end: c.pc(), target: r.handlerLabel, depth: r.depth, excDepth: r.excDepth})
	}
	r.open = false
}

func (c *compiler) closeRegion(r *region) {
	c.closeSegment(r)
	regs := c.u.regions
	for i := len(regs) - 1; i >= 0; i-- {
		if regs[i] == r {
			c.u.regions = append(regs[:i], regs[i+1:]...)
			break
		}
	}
}

// suspend closes the segments of the innermost regions down to (and including)
// r, so that code emitted next is protected only by the regions outside r.
func (c *compiler) suspend(r *region) []*region {
	var closed []*region
	for i := len(c.u.regions) - 1; i >= 0; i-- {
		reg := c.u.regions[i]
		c.closeSegment(reg)
		closed = append(closed, reg)
		if reg == r {
			break
		}
	}
	return closed
}

func (c *compiler) resume(regs []*region) {
	for _, r := range regs {
		r.start = c.pc()
		r.open = true
	}
}

// ---- statements ----

func (c *compiler) stmts(body []syntax.Stmt) {
	for _, s := range body {
		c.stmt(s)
	}
}

// noPosition marks instructions made for no particular node.
var noPosition = Position{Col: -1}

// setSpan makes n's source range the position of the instructions emitted
// next (if n has one), and returns the previous position to restore.
func (c *compiler) setSpan(n syntax.Node) Position {
	saved := c.u.span
	if sp, ok := c.file.Spans[n]; ok {
		c.u.span = Position{Line: int32(sp.Start.Line), Col: int32(sp.Start.Col), EndLine: int32(sp.End.Line), EndCol: int32(sp.End.Col)}
	}
	return saved
}

func (c *compiler) stmt(s syntax.Stmt) {
	c.u.line = s.Position().Line
	saved := c.setSpan(s)
	defer func() { c.u.span = saved }()
	switch s := s.(type) {
	case *syntax.ExprStmt:
		c.expr(s.X)
		c.emit(POP_TOP, 0)
	case *syntax.Assign:
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(DUP_TOP, 0)
			}
			c.store(t)
		}
	case *syntax.AugAssign:
		c.augAssign(s)
	case *syntax.AnnAssign:
		if s.Value != nil {
			c.expr(s.Value)
			c.store(s.Target)
		}
	case *syntax.If:
		c.ifStmt(s)
	case *syntax.While:
		c.whileStmt(s)
	case *syntax.For:
		c.forStmt(s)
	case *syntax.Break:
		c.breakOrContinue(s.P, true)
	case *syntax.Continue:
		c.breakOrContinue(s.P, false)
	case *syntax.Pass:
	case *syntax.Return:
		if s.Value != nil {
			c.expr(s.Value)
		} else {
			c.emit(LOAD_CONST, c.constant(nil))
		}
		c.unwindFor(nil, true)
		c.u.line = s.P.Line
		c.emit(RETURN_VALUE, 0)
		c.u.depth++ // unreachable code after return keeps the old depth
		c.u.depth--
	case *syntax.FuncDef:
		for _, d := range s.Decorators {
			c.expr(d)
		}
		c.u.line = s.P.Line
		c.function(s, s.Name, s.Params, s.P.Line, func() { c.stmts(s.Body) }, false)
		c.applyDecorators(s.Decorators)
		c.storeName(s.Name)
	case *syntax.ClassDef:
		c.classDef(s)
	case *syntax.Try:
		c.tryStmt(s)
	case *syntax.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n = 1
			if s.Cause != nil {
				c.expr(s.Cause)
				n = 2
			}
		}
		c.u.line = s.P.Line
		c.emit(RAISE, n)
	case *syntax.With:
		c.withStmt(s, 0)
	case *syntax.Assert:
		end := c.newLabel()
		c.expr(s.Test)
		c.jump(POP_JUMP_IF_TRUE, end)
		c.emit(LOAD_ASSERTION_ERROR, 0)
		if s.Msg != nil {
			c.expr(s.Msg)
			c.emit(CALL, 1)
		}
		c.u.line = s.P.Line
		saved := c.setSpan(s.Test) // CPython points at the failed test
		c.emit(RAISE, 1)
		c.u.span = saved
		c.bind(end)
	case *syntax.Del:
		for _, t := range s.Targets {
			c.del(t)
		}
	case *syntax.Global, *syntax.Nonlocal:
	case *syntax.Import:
		for _, a := range s.Names {
			c.emit(IMPORT_NAME, c.name(a.Name))
			if a.AsName != "" {
				// "import a.b as c" binds the submodule
				parts := splitDots(a.Name)
				for _, p := range parts[1:] {
					c.emit(IMPORT_FROM, c.name(p))
					c.emit(ROT_TWO, 0)
					c.emit(POP_TOP, 0)
				}
				c.storeName(a.AsName)
			} else {
				c.storeName(splitDots(a.Name)[0])
			}
		}
	case *syntax.ImportFrom:
		c.emit(IMPORT_NAME, c.name(s.Module+"."))
		if len(s.Names) == 1 && s.Names[0].Name == "*" {
			c.emit(IMPORT_STAR, 0)
			return
		}
		for _, a := range s.Names {
			c.emit(IMPORT_FROM, c.name(a.Name))
			n := a.AsName
			if n == "" {
				n = a.Name
			}
			c.storeName(n)
		}
		c.emit(POP_TOP, 0)
	default:
		c.errAt(s.Position(), "this statement is not supported here")
	}
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func (c *compiler) ifStmt(s *syntax.If) {
	elseL, end := c.newLabel(), c.newLabel()
	c.expr(s.Cond)
	c.jump(POP_JUMP_IF_FALSE, elseL)
	c.stmts(s.Body)
	if len(s.Else) > 0 {
		c.jump(JUMP, end)
	}
	c.bind(elseL)
	c.stmts(s.Else)
	c.bind(end)
}

func (c *compiler) whileStmt(s *syntax.While) {
	top, elseL, end := c.newLabel(), c.newLabel(), c.newLabel()
	if alwaysTrue(s.Cond) {
		// while True: no test, as in CPython; a NOP on the while line is
		// where the loop starts, for line events
		c.u.line = s.P.Line
		c.emit(NOP, 0)
		c.bind(top)
	} else {
		c.bind(top)
		c.expr(s.Cond)
		c.jump(POP_JUMP_IF_FALSE, elseL)
	}
	b := &block{kind: loopBlock, continueTo: top.pc}
	c.u.blocks = append(c.u.blocks, b)
	c.stmts(s.Body)
	c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
	c.u.line = s.P.Line
	c.jump(JUMP, top)
	c.bind(elseL)
	c.stmts(s.Else)
	c.bind(end)
	for _, p := range b.breaks {
		c.u.code.Instrs[p].Arg = int32(end.pc)
	}
}

// alwaysTrue reports whether a loop condition is a constant that is true
// (while True, while 1).
func alwaysTrue(e syntax.Expr) bool {
	k, ok := e.(*syntax.Constant)
	if !ok {
		return false
	}
	switch v := k.Value.(type) {
	case bool:
		return v
	case int64:
		return v != 0
	}
	return false
}

func (c *compiler) forStmt(s *syntax.For) {
	c.expr(s.Iter)
	c.emit(GET_ITER, 0)
	top, elseL, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.bind(top)
	c.u.line = s.P.Line
	c.jump(FOR_ITER, elseL)
	c.store(s.Target)
	b := &block{kind: forLoopBlock, continueTo: top.pc}
	c.u.blocks = append(c.u.blocks, b)
	c.stmts(s.Body)
	c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
	c.u.line = s.P.Line
	c.jump(JUMP, top)
	c.bind(elseL)
	c.u.depth-- // FOR_ITER popped the iterator
	c.stmts(s.Else)
	c.bind(end)
	for _, p := range b.breaks {
		c.u.code.Instrs[p].Arg = int32(end.pc)
	}
}

// unwindFor emits the cleanup of every block from the innermost out to target
// (exclusive; nil means all blocks, for return). A return value, if any, stays
// on top of the stack.
func (c *compiler) unwindFor(target *block, hasValue bool) {
	saved := c.u.depth
	for i := len(c.u.blocks) - 1; i >= 0; i-- {
		b := c.u.blocks[i]
		if b == target {
			break
		}
		switch b.kind {
		case forLoopBlock:
			if hasValue {
				c.emit(ROT_TWO, 0)
			}
			c.emit(POP_TOP, 0)
		case handlerBlock:
			c.emit(POP_EXCEPT, 0)
		case withBlock:
			if hasValue {
				c.emit(ROT_TWO, 0)
			}
			c.exitWithoutError()
		case finallyBlock:
			regs := c.suspend(b.region)
			// the finally body runs outside the block itself
			inner := c.u.blocks[i:]
			c.u.blocks = c.u.blocks[:i]
			c.stmts(b.finally)
			c.u.blocks = append(c.u.blocks, inner...)
			c.resume(regs)
		}
	}
	c.u.depth = saved
}

func (c *compiler) breakOrContinue(p syntax.Pos, isBreak bool) {
	var loop *block
	for i := len(c.u.blocks) - 1; i >= 0; i-- {
		if k := c.u.blocks[i].kind; k == loopBlock || k == forLoopBlock {
			loop = c.u.blocks[i]
			break
		}
	}
	if loop == nil {
		if isBreak {
			c.errAt(p, "'break' outside loop")
		}
		c.errAt(p, "'continue' not properly in loop")
	}
	saved := c.u.depth
	c.unwindFor(loop, false)
	c.u.line = p.Line
	if isBreak {
		if loop.kind == forLoopBlock {
			c.emit(POP_TOP, 0)
		}
		pc := c.emit(JUMP, 0)
		loop.breaks = append(loop.breaks, pc)
	} else {
		c.emit(JUMP, loop.continueTo)
	}
	c.u.depth = saved
}

func (c *compiler) tryStmt(s *syntax.Try) {
	if len(s.Finally) > 0 {
		handler, end := c.newLabel(), c.newLabel()
		reg := c.openRegion(handler)
		b := &block{kind: finallyBlock, finally: s.Finally, region: reg}
		c.u.blocks = append(c.u.blocks, b)
		if len(s.Handlers) > 0 {
			c.tryExcept(s)
		} else {
			c.stmts(s.Body)
		}
		c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
		c.closeRegion(reg)
		c.stmts(s.Finally)
		c.jump(JUMP, end)
		// exceptional path: the exception is on the stack
		c.bind(handler)
		c.u.depth = reg.depth + 1
		hb := &block{kind: handlerBlock}
		c.u.blocks = append(c.u.blocks, hb)
		c.stmts(s.Finally)
		c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
		c.emit(POP_EXCEPT, 0)
		c.emit(RERAISE, 0)
		c.bind(end)
		c.u.depth = reg.depth
		return
	}
	c.tryExcept(s)
}

func (c *compiler) tryExcept(s *syntax.Try) {
	handler, end := c.newLabel(), c.newLabel()
	reg := c.openRegion(handler)
	c.stmts(s.Body)
	c.closeRegion(reg)
	c.stmts(s.Else)
	c.jump(JUMP, end)
	c.bind(handler)
	c.u.depth = reg.depth + 1
	for i, h := range s.Handlers {
		c.u.line = h.P.Line
		next := c.newLabel()
		if h.Type != nil {
			c.expr(h.Type)
			c.emit(CHECK_EXC, 0)
			c.jump(POP_JUMP_IF_FALSE, next)
		} else if i < len(s.Handlers)-1 {
			c.errThrough(h.P, ':', "default 'except:' must be last")
		}
		// stack: exc
		if h.Name != "" {
			c.store(&syntax.Name{P: h.P, Id: h.Name})
		} else {
			c.emit(POP_TOP, 0)
		}
		hb := &block{kind: handlerBlock}
		c.u.blocks = append(c.u.blocks, hb)
		var cleanup *region
		var cleanupL *label
		if h.Name != "" {
			// "except E as e" deletes e however the handler ends
			cleanupL = c.newLabel()
			cleanup = c.openRegion(cleanupL)
			cleanup.excDepth = c.excDepth()
			b := &block{kind: finallyBlock, region: cleanup, finally: []syntax.Stmt{
				&syntax.Assign{P: h.P, Targets: []syntax.Expr{&syntax.Name{P: h.P, Id: h.Name}}, Value: &syntax.Constant{P: h.P}},
				&syntax.Del{P: h.P, Targets: []syntax.Expr{&syntax.Name{P: h.P, Id: h.Name}}}}}
			c.u.blocks = append(c.u.blocks, b)
			c.stmts(h.Body)
			c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
			c.closeRegion(cleanup)
		} else {
			c.stmts(h.Body)
		}
		c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
		c.emit(POP_EXCEPT, 0)
		if h.Name != "" {
			c.u.line = h.P.Line
			c.emit(LOAD_CONST, c.constant(nil))
			c.storeName(h.Name)
			c.delName(h.Name)
		}
		c.jump(JUMP, end)
		if cleanup != nil {
			c.bind(cleanupL)
			c.u.depth = reg.depth + 1
			c.emit(LOAD_CONST, c.constant(nil))
			c.storeName(h.Name)
			c.delName(h.Name)
			c.emit(POP_EXCEPT, 0)
			c.emit(RERAISE, 0)
		}
		c.bind(next)
		c.u.depth = reg.depth + 1
	}
	c.emit(POP_EXCEPT, 0)
	c.emit(RERAISE, 0)
	c.bind(end)
	c.u.depth = reg.depth
}

func (c *compiler) withStmt(s *syntax.With, i int) {
	item := s.Items[i]
	c.expr(item.Ctx)
	c.u.line = s.P.Line
	c.emit(SETUP_WITH, 0)
	handler, end := c.newLabel(), c.newLabel()
	if item.Target != nil {
		c.store(item.Target)
	} else {
		c.emit(POP_TOP, 0)
	}
	reg := c.openRegion(handler)
	b := &block{kind: withBlock}
	c.u.blocks = append(c.u.blocks, b)
	if i+1 < len(s.Items) {
		c.withStmt(s, i+1)
	} else {
		c.stmts(s.Body)
	}
	c.u.blocks = c.u.blocks[:len(c.u.blocks)-1]
	c.closeRegion(reg)
	c.u.line = s.P.Line
	c.exitWithoutError()
	c.jump(JUMP, end)
	// exceptional exit: exit, exc on the stack
	c.bind(handler)
	c.u.depth = reg.depth + 1
	swallow := c.newLabel()
	c.emit(WITH_EXCEPT, 0)
	c.jump(POP_JUMP_IF_TRUE, swallow)
	c.emit(POP_EXCEPT, 0)
	c.emit(RERAISE, 0)
	c.bind(swallow)
	c.u.depth = reg.depth + 1
	c.emit(POP_TOP, 0)
	c.emit(POP_TOP, 0)
	c.emit(POP_EXCEPT, 0)
	c.bind(end)
	c.u.depth = reg.depth - 1
}

// exitWithoutError calls the __exit__ method on top of the stack with
// (None, None, None) and drops its result: leaving a with block normally.
func (c *compiler) exitWithoutError() {
	none := c.constant(nil)
	c.emit(LOAD_CONST, none)
	c.emit(LOAD_CONST, none)
	c.emit(LOAD_CONST, none)
	c.emit(CALL, 3)
	c.emit(POP_TOP, 0)
}

func (c *compiler) classDef(s *syntax.ClassDef) {
	for _, d := range s.Decorators {
		c.expr(d)
	}
	c.u.line = s.P.Line
	c.emit(LOAD_BUILD_CLASS, 0)
	scope := c.info.Scopes[s]
	u := c.newUnit(scope, s.Name, s.P.Line)
	c.u = u
	c.stmts(s.Body)
	if i, ok := indexOf(scope.Cells, "__class__"); ok {
		c.emit(LOAD_CLOSURE, i)
	} else {
		c.emit(LOAD_CONST, c.constant(nil))
	}
	c.emit(RETURN_VALUE, 0)
	code := c.finishUnit()
	c.u.line = s.P.Line
	c.makeFunction(code, scope, 0)
	c.emit(LOAD_CONST, c.constant(s.Name))
	for _, b := range s.Bases {
		c.expr(b)
	}
	if len(s.Keywords) > 0 {
		var names []string
		for _, k := range s.Keywords {
			c.expr(k.Value)
			names = append(names, k.Name)
		}
		c.emit(LOAD_CONST, c.constant(names))
		c.emit(CALL_KW, 2+len(s.Bases)+len(s.Keywords))
	} else {
		c.emit(CALL, 2+len(s.Bases))
	}
	c.applyDecorators(s.Decorators)
	c.storeName(s.Name)
}

// applyDecorators calls the decorators on the stack, the last one first;
// each call is located at its decorator (a failing one points there).
func (c *compiler) applyDecorators(decos []syntax.Expr) {
	savedLine, savedSpan := c.u.line, c.u.span
	for i := len(decos) - 1; i >= 0; i-- {
		c.u.line = decos[i].Position().Line
		c.setSpan(decos[i])
		c.emit(CALL, 1)
	}
	c.u.line, c.u.span = savedLine, savedSpan
}

func indexOf(xs []string, s string) (int, bool) {
	for i, x := range xs {
		if x == s {
			return i, true
		}
	}
	return 0, false
}

// function compiles a def or lambda and leaves the function object on the stack.
func (c *compiler) function(node syntax.Node, name string, ps *syntax.Params, line int, body func(), isLambda bool) {
	flags := 0
	if len(ps.Defaults) > 0 {
		for _, d := range ps.Defaults {
			c.expr(d)
		}
		c.emit(BUILD_TUPLE, len(ps.Defaults))
		flags |= FnDefaults
	}
	if len(ps.KwDefaults) > 0 {
		n := 0
		for _, k := range ps.Names[ps.NumPos:] {
			if d, ok := ps.KwDefaults[k]; ok {
				c.emit(LOAD_CONST, c.constant(k))
				c.expr(d)
				n++
			}
		}
		c.emit(BUILD_MAP, n)
		flags |= FnKwDefaults
	}
	scope := c.info.Scopes[node]
	u := c.newUnit(scope, name, line)
	if fd, ok := node.(*syntax.FuncDef); ok && len(fd.Decorators) > 0 {
		u.code.HeadLine = fd.Decorators[0].Position().Line
	}
	u.code.ArgNames = ps.Names
	u.code.NumPos = ps.NumPos
	u.code.VarArgs = ps.VarArgs != ""
	u.code.KwArgs = ps.KwArgs != ""
	c.u = u
	body()
	if isLambda {
		c.emit(RETURN_VALUE, 0)
	} else {
		c.emit(LOAD_CONST, c.constant(nil))
		c.emit(RETURN_VALUE, 0)
	}
	code := c.finishUnit()
	c.u.line = line
	c.makeFunction(code, scope, flags)
}

func (c *compiler) makeFunction(code *Code, scope *resolve.Scope, flags int) {
	if len(scope.Frees) > 0 {
		for _, n := range scope.Frees {
			_, i := c.u.scope.Lookup(n)
			c.emit(LOAD_CLOSURE, i)
		}
		c.emit(BUILD_TUPLE, len(scope.Frees))
		flags |= FnClosure
	}
	c.emit(LOAD_CONST, c.constant(code))
	c.emit(MAKE_FUNCTION, flags)
}

// ---- names and targets ----

func (c *compiler) loadName(n string) {
	where, i := c.u.scope.Lookup(n)
	switch where {
	case resolve.Local:
		c.emit(LOAD_FAST, i)
	case resolve.Cell, resolve.Free:
		c.emit(LOAD_DEREF, i)
	case resolve.Name:
		c.emit(LOAD_NAME, c.name(n))
	default: // a module's names are its globals: no namespace of its own to look in first
		c.emit(LOAD_GLOBAL, c.name(n))
	}
}

func (c *compiler) storeName(n string) {
	where, i := c.u.scope.Lookup(n)
	switch where {
	case resolve.Local:
		c.emit(STORE_FAST, i)
	case resolve.Cell, resolve.Free:
		c.emit(STORE_DEREF, i)
	case resolve.Name:
		c.emit(STORE_NAME, c.name(n))
	default: // a module's names are its globals: no namespace of its own to look in first
		c.emit(STORE_GLOBAL, c.name(n))
	}
}

func (c *compiler) delName(n string) {
	where, i := c.u.scope.Lookup(n)
	switch where {
	case resolve.Local:
		c.emit(DELETE_FAST, i)
	case resolve.Cell, resolve.Free:
		c.emit(DELETE_DEREF, i)
	case resolve.Name:
		c.emit(DELETE_NAME, c.name(n))
	default: // a module's names are its globals: no namespace of its own to look in first
		c.emit(DELETE_GLOBAL, c.name(n))
	}
}

// store assigns the value on top of the stack to a target.
func (c *compiler) store(t syntax.Expr) {
	saved := c.setSpan(t) // a failed store points at its target
	defer func() { c.u.span = saved }()
	switch t := t.(type) {
	case *syntax.Name:
		c.storeName(t.Id)
	case *syntax.Attribute:
		c.expr(t.X)
		c.u.line = t.P.Line
		c.emit(STORE_ATTR, c.name(t.Name))
	case *syntax.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.u.line = t.P.Line
		c.emit(STORE_SUBSCR, 0)
	case *syntax.Tuple:
		c.unpack(t.P, t.Elems)
	case *syntax.List:
		c.unpack(t.P, t.Elems)
	case *syntax.Starred:
		c.errNode(t, "starred assignment target must be in a list or tuple")
	default:
		c.errAt(t.Position(), "cannot assign to %T", t)
	}
}

func (c *compiler) unpack(p syntax.Pos, elems []syntax.Expr) {
	star := -1
	for i, e := range elems {
		if _, ok := e.(*syntax.Starred); ok {
			if star >= 0 {
				c.errAt(p, "multiple starred expressions in assignment")
			}
			star = i
		}
	}
	c.u.line = p.Line
	if star < 0 {
		c.emit(UNPACK_SEQ, len(elems))
	} else {
		c.emit(UNPACK_EX, star|(len(elems)-star-1)<<8)
	}
	for _, e := range elems {
		if s, ok := e.(*syntax.Starred); ok {
			c.store(s.X)
		} else {
			c.store(e)
		}
	}
}

func (c *compiler) del(t syntax.Expr) {
	saved := c.setSpan(t)
	defer func() { c.u.span = saved }()
	switch t := t.(type) {
	case *syntax.Name:
		c.delName(t.Id)
	case *syntax.Attribute:
		c.expr(t.X)
		c.emit(DELETE_ATTR, c.name(t.Name))
	case *syntax.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(DELETE_SUBSCR, 0)
	case *syntax.Tuple:
		for _, e := range t.Elems {
			c.del(e)
		}
	case *syntax.List:
		for _, e := range t.Elems {
			c.del(e)
		}
	default:
		c.errAt(t.Position(), "cannot delete %s", "expression")
	}
}

var binOps = map[string]int{"+": OpAdd, "-": OpSub, "*": OpMul, "/": OpTrueDiv, "//": OpFloorDiv, "%": OpMod,
	"**": OpPow, "<<": OpLShift, ">>": OpRShift, "&": OpAnd, "|": OpOr, "^": OpXor, "@": OpMatMul}

var cmpOps = map[string]int{"<": OpLt, "<=": OpLe, "==": OpEq, "!=": OpNe, ">": OpGt, ">=": OpGe,
	"in": OpIn, "not in": OpNotIn, "is": OpIs, "is not": OpIsNot}

func (c *compiler) augAssign(s *syntax.AugAssign) {
	op := binOps[s.Op]
	switch t := s.Target.(type) {
	case *syntax.Name:
		load := c.pc()
		c.expr(t) // an unbound name is shown under the target alone
		if in := c.u.code.Instrs[load]; in.Op == LOAD_FAST && (op == OpAdd || op == OpSub) {
			c.u.updates = append(c.u.updates, load)
		}
		c.expr(s.Value)
		c.u.line = s.P.Line
		c.emit(INPLACE, op)
		c.storeName(t.Id)
		if n := len(c.u.updates); n > 0 && c.u.updates[n-1] == load {
			c.u.updates = append(c.u.updates, c.pc()-1)
		}
	case *syntax.Attribute:
		c.expr(t.X)
		c.emit(DUP_TOP, 0)
		saved := c.setSpan(t) // a failing read is shown under the target
		c.emit(LOAD_ATTR, c.name(t.Name))
		c.u.span = saved
		c.expr(s.Value)
		c.u.line = s.P.Line
		c.emit(INPLACE, op)
		c.emit(ROT_TWO, 0)
		c.emit(STORE_ATTR, c.name(t.Name))
	case *syntax.Subscript:
		c.expr(t.X)
		c.expr(t.Index)
		c.emit(DUP_TOP_TWO, 0)
		saved := c.setSpan(t)
		c.emit(BINARY_SUBSCR, 0)
		c.u.span = saved
		c.expr(s.Value)
		c.u.line = s.P.Line
		c.emit(INPLACE, op)
		c.emit(ROT_THREE, 0)
		c.emit(STORE_SUBSCR, 0)
	}
}

// ---- expressions ----

func (c *compiler) expr(e syntax.Expr) {
	saved, savedSpan := c.u.line, c.setSpan(e)
	if l := e.Position().Line; l > 0 {
		c.u.line = l
	}
	defer func() { c.u.line, c.u.span = saved, savedSpan }()
	here := func() { c.u.line = e.Position().Line }
	switch e := e.(type) {
	case *syntax.Name:
		c.loadName(e.Id)
	case *syntax.Constant:
		c.emit(LOAD_CONST, c.constant(e.Value))
	case *syntax.FString:
		n := 0
		for _, p := range e.Parts {
			if fv, ok := p.(*syntax.FormattedValue); ok && fv.Debug != "" {
				c.emit(LOAD_CONST, c.constant(fv.Debug))
				n++
			}
			c.expr(p)
			n++
		}
		if n == 1 {
			if _, ok := e.Parts[0].(*syntax.Constant); ok {
				return
			}
		}
		c.emit(BUILD_STRING, n)
	case *syntax.FormattedValue:
		c.expr(e.Value)
		arg := int(e.Conversion)
		if e.Spec != nil {
			c.expr(e.Spec)
			arg |= 1 << 8
		}
		c.emit(FORMAT_VALUE, arg)
	case *syntax.UnaryOp:
		c.expr(e.X)
		here()
		c.emit(UNARY, map[string]int{"-": OpNeg, "+": OpPos, "~": OpInvert, "not": OpNot}[e.Op])
	case *syntax.BinOp:
		c.expr(e.X)
		c.expr(e.Y)
		here()
		c.emit(BINARY, binOps[e.Op])
	case *syntax.BoolOp:
		end := c.newLabel()
		c.expr(e.X)
		if e.Op == "and" {
			c.jump(JUMP_IF_FALSE_OR_POP, end)
		} else {
			c.jump(JUMP_IF_TRUE_OR_POP, end)
		}
		c.u.depth--
		c.expr(e.Y)
		c.bind(end)
	case *syntax.Compare:
		c.compare(e)
	case *syntax.IfExp:
		elseL, end := c.newLabel(), c.newLabel()
		c.expr(e.Cond)
		c.jump(POP_JUMP_IF_FALSE, elseL)
		c.expr(e.Then)
		c.jump(JUMP, end)
		c.bind(elseL)
		c.u.depth--
		c.expr(e.Else)
		c.bind(end)
	case *syntax.Lambda:
		c.function(e, "<lambda>", e.Params, e.P.Line, func() { c.expr(e.Body) }, true)
	case *syntax.Call:
		c.call(e)
	case *syntax.Attribute:
		c.expr(e.X)
		here()
		c.emit(LOAD_ATTR, c.name(e.Name))
	case *syntax.Subscript:
		c.expr(e.X)
		c.expr(e.Index)
		here()
		c.emit(BINARY_SUBSCR, 0)
	case *syntax.Slice:
		for _, x := range []syntax.Expr{e.Lo, e.Hi, e.Step} {
			if x == nil {
				c.emit(LOAD_CONST, c.constant(nil))
			} else {
				c.expr(x)
			}
		}
		c.emit(BUILD_SLICE, 0)
	case *syntax.Starred:
		c.errAt(e.P, "can't use starred expression here")
	case *syntax.Tuple:
		if c.sequence(e.Elems, BUILD_TUPLE) {
			c.emit(LIST_TO_TUPLE, 0)
		}
	case *syntax.List:
		c.sequence(e.Elems, BUILD_LIST)
	case *syntax.Set:
		c.sequence(e.Elems, BUILD_SET)
	case *syntax.Dict:
		c.dict(e)
	case *syntax.Comprehension:
		c.comprehension(e)
	case *syntax.Yield:
		if e.From {
			c.expr(e.X)
			c.emit(GET_YIELD_FROM_ITER, 0)
			c.emit(LOAD_CONST, c.constant(nil))
			here()
			c.emit(YIELD_FROM, 0)
			return
		}
		if e.X == nil {
			c.emit(LOAD_CONST, c.constant(nil))
		} else {
			c.expr(e.X)
		}
		here()
		c.emit(YIELD_VALUE, 0)
	case *syntax.NamedExpr:
		c.expr(e.Value)
		c.emit(DUP_TOP, 0)
		c.storeName(e.Name.Id)
	default:
		c.errAt(e.Position(), "this expression is not supported here")
	}
}

// sequence builds a tuple, list or set display; it reports whether a
// starred element made it build a list instead of a tuple.
func (c *compiler) sequence(elems []syntax.Expr, build Opcode) bool {
	starred := false
	for _, x := range elems {
		if _, ok := x.(*syntax.Starred); ok {
			starred = true
		}
	}
	if !starred {
		for _, x := range elems {
			c.expr(x)
		}
		c.emit(build, len(elems))
		return false
	}
	op, add, extend := BUILD_LIST, LIST_APPEND, LIST_EXTEND
	if build == BUILD_SET {
		op, add, extend = BUILD_SET, SET_ADD, SET_UPDATE
	}
	c.emit(op, 0)
	for _, x := range elems {
		if s, ok := x.(*syntax.Starred); ok {
			c.expr(s.X)
			c.emit(extend, 0)
		} else {
			c.expr(x)
			c.emit(add, 1)
		}
	}
	return build == BUILD_TUPLE
}

func (c *compiler) dict(e *syntax.Dict) {
	c.emit(BUILD_MAP, 0)
	for i, k := range e.Keys {
		if k == nil {
			c.expr(e.Values[i])
			c.emit(DICT_UPDATE, 0)
			continue
		}
		c.expr(k)
		c.expr(e.Values[i])
		c.emit(MAP_ADD, 1)
	}
}

func (c *compiler) compare(e *syntax.Compare) {
	c.expr(e.X)
	if len(e.Ops) == 1 {
		c.expr(e.Rests[0])
		c.u.line = e.P.Line
		c.emit(COMPARE, cmpOps[e.Ops[0]])
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i, op := range e.Ops {
		c.expr(e.Rests[i])
		c.u.line = e.P.Line
		if i < len(e.Ops)-1 {
			c.emit(DUP_TOP, 0)
			c.emit(ROT_THREE, 0)
			c.emit(COMPARE, cmpOps[op])
			c.jump(JUMP_IF_FALSE_OR_POP, cleanup)
			c.u.depth--
		} else {
			c.emit(COMPARE, cmpOps[op])
		}
	}
	c.jump(JUMP, end)
	c.bind(cleanup)
	c.u.depth++
	c.emit(ROT_TWO, 0)
	c.emit(POP_TOP, 0)
	c.bind(end)
}

func (c *compiler) call(e *syntax.Call) {
	if n, ok := e.Func.(*syntax.Name); ok && n.Id == "super" && len(e.Args) == 0 {
		if w, _ := c.u.scope.Lookup("__class__"); w == resolve.Free && len(c.u.code.ArgNames) > 0 {
			c.u.line = e.P.Line
			c.emit(SUPER_ZERO, 0)
			return
		}
	}
	if a, ok := e.Func.(*syntax.Attribute); ok && plainArgs(e.Args) {
		// obj.name(args): no bound method object is made for the call
		c.expr(a.X)
		c.u.line = a.Position().Line
		saved := c.setSpan(a) // a missing method points at obj.name
		c.emit(LOAD_METHOD, c.name(a.Name))
		c.u.span = saved
		for _, arg := range e.Args {
			c.expr(arg.Value)
		}
		c.u.line = e.P.Line
		c.emit(CALL_METHOD, len(e.Args))
		return
	}
	c.expr(e.Func)
	complexArgs := false
	nkw := 0
	for _, a := range e.Args {
		if a.Star > 0 {
			complexArgs = true
		}
		if a.Name != "" {
			nkw++
		}
	}
	if n := len(e.Args); n > 0 && e.Args[0].Star == 1 && (n == 1 || n == 2 && e.Args[1].Star == 2) {
		// f(*args) or f(*args, **kwargs): the iterable itself is the
		// argument tuple (no list built and copied), as CPython does
		c.expr(e.Args[0].Value)
		flags := CallExIterable
		if n == 2 {
			flags |= CallExKw
			c.emit(BUILD_MAP, 0)
			c.expr(e.Args[1].Value)
			c.emit(DICT_UPDATE, 1) // in a call: the callable is below the args and the dict
		}
		c.u.line = e.P.Line
		c.emit(CALL_EX, flags)
		return
	}
	if complexArgs {
		c.emit(BUILD_LIST, 0)
		for _, a := range e.Args {
			if a.Name != "" || a.Star == 2 {
				continue
			}
			c.expr(a.Value)
			if a.Star == 1 {
				c.emit(LIST_EXTEND, 0)
			} else {
				c.emit(LIST_APPEND, 1)
			}
		}
		c.emit(LIST_TO_TUPLE, 0)
		hasKw := 0
		if nkw > 0 || hasStar2(e.Args) {
			hasKw = 1
			c.emit(BUILD_MAP, 0)
			for _, a := range e.Args {
				if a.Name != "" {
					c.emit(LOAD_CONST, c.constant(a.Name))
					c.expr(a.Value)
					c.emit(MAP_ADD, 1)
				} else if a.Star == 2 {
					c.expr(a.Value)
					c.emit(DICT_UPDATE, 1) // in a call: the callable is below the args and the dict
				}
			}
		}
		c.u.line = e.P.Line
		c.emit(CALL_EX, hasKw)
		return
	}
	var names []string
	for _, a := range e.Args {
		if a.Name == "" {
			c.expr(a.Value)
		}
	}
	for _, a := range e.Args {
		if a.Name != "" {
			c.expr(a.Value)
			names = append(names, a.Name)
		}
	}
	c.u.line = e.P.Line
	if len(names) > 0 {
		c.emit(LOAD_CONST, c.constant(names))
		c.emit(CALL_KW, len(e.Args))
		return
	}
	c.emit(CALL, len(e.Args))
}

// plainArgs reports whether a call passes only positional arguments, without * or **.
func plainArgs(args []syntax.Arg) bool {
	for _, a := range args {
		if a.Name != "" || a.Star != 0 {
			return false
		}
	}
	return true
}

func hasStar2(args []syntax.Arg) bool {
	for _, a := range args {
		if a.Star == 2 {
			return true
		}
	}
	return false
}

// comprehension compiles a comprehension as a nested function called at once
// with the first iterable, as CPython does.
func (c *compiler) comprehension(e *syntax.Comprehension) {
	scope := c.info.Scopes[e]
	u := c.newUnit(scope, scope.Name, e.P.Line)
	u.code.ArgNames = []string{".0"}
	u.code.NumPos = 1
	c.u = u
	switch e.Kind {
	case "list":
		c.emit(BUILD_LIST, 0)
	case "set":
		c.emit(BUILD_SET, 0)
	case "dict":
		c.emit(BUILD_MAP, 0)
	}
	c.compFor(e, 0)
	if e.Kind == "gen" {
		c.emit(LOAD_CONST, c.constant(nil))
	}
	c.emit(RETURN_VALUE, 0)
	code := c.finishUnit()
	c.makeFunction(code, scope, 0)
	c.expr(e.Fors[0].Iter)
	c.emit(GET_ITER, 0)
	c.u.line = e.P.Line
	c.emit(CALL, 1)
}

func (c *compiler) compFor(e *syntax.Comprehension, i int) {
	f := e.Fors[i]
	if i == 0 {
		c.emit(LOAD_FAST, 0)
	} else {
		c.expr(f.Iter)
		c.emit(GET_ITER, 0)
	}
	top, end := c.newLabel(), c.newLabel()
	c.bind(top)
	c.jump(FOR_ITER, end)
	c.store(f.Target)
	for _, cond := range f.Ifs {
		c.expr(cond)
		c.jump(POP_JUMP_IF_FALSE, top)
	}
	if i+1 < len(e.Fors) {
		c.compFor(e, i+1)
	} else {
		// the result collection is below the iterators of every loop
		depth := len(e.Fors) + 1
		switch e.Kind {
		case "list":
			c.expr(e.Elt)
			c.emit(LIST_APPEND, depth)
		case "set":
			c.expr(e.Elt)
			c.emit(SET_ADD, depth)
		case "dict":
			c.expr(e.Elt)
			c.expr(e.Value)
			c.emit(MAP_ADD, depth)
		case "gen":
			c.expr(e.Elt)
			c.emit(YIELD_VALUE, 0)
			c.emit(POP_TOP, 0)
		}
	}
	c.jump(JUMP, top)
	c.bind(end)
	c.u.depth--
}
