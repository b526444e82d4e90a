package syntax

// This file defines the recursive-descent parser.

import (
	"fmt"
	"strings"
)

// Parse parses a whole program. The error, if any, is an *Error.
func Parse(filename, src string) (f *File, err error) {
	lines := strings.Split(src, "\n")
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			f, err = nil, e
		}
	}()
	sc := &scanner{src: []rune(src), lines: lines}
	sc.toks = make([]token, 0, len(sc.src)/4+16) // about one token per four characters
	sc.scan()
	// about one spanned node for every two tokens: sized at once, the map never grows
	p := &parser{toks: sc.toks, lines: lines, whole: true, spans: make(map[Node]Span, len(sc.toks)/2)}
	f = &File{Name: filename, Lines: lines, Spans: p.spans}
	for p.tok().kind != tEOF {
		if p.tok().kind == tNewline {
			p.i++
			continue
		}
		f.Body = append(f.Body, p.statement()...)
	}
	return f, nil
}

type parser struct {
	toks  []token
	i     int
	lines []string
	whole bool // parsing a whole file (not an f-string's field)
	// specDepth counts the format specs being read around an f-string field
	specDepth int
	depth     int
	// funcDepth and loopDepth let the parser report misplaced return/break.
	funcDepth, loopDepth int
	spans                map[Node]Span
}

// mark records the span of n, from start to the end of the last token read,
// unless n has one already: an inner rule made n, and its span is the
// tighter one (a parenthesized expression's leaves out the parentheses).
func (p *parser) mark(n Node, start Pos) {
	if n == nil || p.spans == nil {
		return // an f-string field: its tokens carry the string's position
	}
	if _, ok := p.spans[n]; !ok {
		p.spans[n] = Span{Start: start, End: p.lastEnd()}
	}
}

// forgotComma reports an element followed by something that is not a comma
// or the closing bracket. When an expression follows, CPython marks both
// (from prev to the end of the next expression) and asks about a comma;
// otherwise it points at the token.
func (p *parser) forgotComma(prev Expr) {
	if sp, ok := p.spans[prev]; ok {
		save := p.i
		end, parsed := func() (end Pos, ok bool) {
			defer func() {
				if r := recover(); r != nil {
					if _, isErr := r.(*Error); !isErr {
						panic(r)
					}
				}
			}()
			next := p.expr()
			sn, ok := p.spans[next]
			return sn.End, ok
		}()
		p.i = save
		if parsed {
			if end.Line != sp.Start.Line {
				// a range over lines is shown on its first line, to its end
				end.Col = len([]rune(lineAt(p.lines, sp.Start.Line)))
			}
			p.errSpan(sp.Start, end.Col, "invalid syntax. Perhaps you forgot a comma?")
		}
	}
	p.errTok(p.tok(), "invalid syntax")
}

// markExpr is mark for an expression, returning it.
func (p *parser) markExpr(e Expr, start Pos) Expr {
	if e != nil {
		p.mark(e, start)
	}
	return e
}

// lastEnd is where the last token read ends (newlines and indentation
// aside).
func (p *parser) lastEnd() Pos {
	for j := p.i - 1; j >= 0; j-- {
		switch t := &p.toks[j]; t.kind {
		case tNewline, tIndent, tDedent, tEOF:
		default:
			return Pos{Line: t.endLine, Col: t.endCol}
		}
	}
	return Pos{}
}

func (p *parser) tok() *token { return &p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) is(op string) bool {
	t := p.tok()
	return (t.kind == tOp || t.kind == tName) && t.text == op
}

func (p *parser) accept(op string) bool {
	if p.is(op) {
		p.i++
		return true
	}
	return false
}

// errTok reports a SyntaxError at token t, marking the whole token as
// CPython marks the token it stopped at.
func (p *parser) errTok(t *token, format string, args ...any) {
	switch t.kind {
	case tName, tOp, tInt, tFloat, tString, tFString:
		if t.endLine == t.pos.Line && t.endCol > t.pos.Col {
			p.errSpan(t.pos, t.endCol, format, args...)
		}
	}
	p.errAt(t.pos, format, args...)
}

// unexpectedIndent reports an indented line where none may start.
func (p *parser) unexpectedIndent(t *token) {
	defer func() {
		if e, ok := recover().(*Error); ok {
			e.NoCaret = true
			panic(e)
		}
	}()
	p.errKind("IndentationError", t.pos, "unexpected indent")
}

// errRange reports a SyntaxError marked from start to end when both are on
// one line, else at start.
func (p *parser) errRange(start, end Pos, format string, args ...any) {
	if end.Line == start.Line {
		p.errSpan(start, end.Col, format, args...)
	}
	p.errAt(start, format, args...)
}

func (p *parser) errAt(pos Pos, format string, args ...any) {
	p.errKind("SyntaxError", pos, format, args...)
}

// errSpan reports a SyntaxError whose caret run covers columns [pos.Col, endCol).
func (p *parser) errSpan(pos Pos, endCol int, format string, args ...any) {
	defer func() {
		if e, ok := recover().(*Error); ok {
			e.End = endCol
			panic(e)
		}
	}()
	p.errAt(pos, format, args...)
}

func (p *parser) errKind(kind string, pos Pos, format string, args ...any) {
	if end := p.toks[len(p.toks)-1].pos; p.whole && (pos.Line > end.Line || pos.Line == end.Line && pos.Col >= end.Col) {
		// at the end of the input, CPython shows the file's last line, with no caret
		last := len(p.lines)
		if last > 1 && p.lines[last-1] == "" {
			last-- // the empty "line" after the final newline
		}
		panic(&Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Line: last, Text: p.lines[last-1], AtEnd: true})
	}
	text := ""
	if pos.Line >= 1 && pos.Line <= len(p.lines) {
		text = p.lines[pos.Line-1]
	}
	panic(&Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Line: pos.Line, Col: pos.Col, Text: text})
}

func (p *parser) expect(op string) token {
	if !p.is(op) {
		t := p.tok()
		if op == ":" || op == "(" {
			// a token CPython's grammar forces: it marks the token found
			p.errTok(t, "expected '%s'", op)
		}
		p.errTok(t, "invalid syntax")
	}
	return p.next()
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func (p *parser) ident() string {
	t := p.tok()
	if t.kind != tName || keywords[t.text] {
		p.errTok(t, "invalid syntax")
	}
	p.i++
	return t.text
}

// ---- statements ----

func (p *parser) statement() []Stmt {
	start := p.tok().pos
	out := p.statementUnmarked()
	if len(out) == 1 {
		p.mark(out[0], start) // a compound statement spans its whole block
	}
	return out
}

func (p *parser) statementUnmarked() []Stmt {
	t := p.tok()
	if t.kind == tIndent {
		p.unexpectedIndent(t)
	}
	if t.kind == tName {
		switch t.text {
		case "if":
			return []Stmt{p.ifStmt()}
		case "while":
			return []Stmt{p.whileStmt()}
		case "for":
			return []Stmt{p.forStmt()}
		case "def":
			return []Stmt{p.funcDef(nil)}
		case "class":
			return []Stmt{p.classDef(nil)}
		case "try":
			return []Stmt{p.tryStmt()}
		case "with":
			return []Stmt{p.withStmt()}
		case "async":
			p.errAt(t.pos, "'async' is not supported here")
		case "match":
			if n := p.toks[p.i+1]; n.kind == tName && !keywords[n.text] {
				p.errAt(t.pos, "'match' statements are not supported here")
			}
		}
	}
	if t.kind == tOp && t.text == "@" {
		var decos []Expr
		for p.accept("@") {
			decos = append(decos, p.expr())
			p.endOfLine()
		}
		if p.is("def") {
			return []Stmt{p.funcDef(decos)}
		}
		if p.is("class") {
			return []Stmt{p.classDef(decos)}
		}
		p.errTok(p.tok(), "invalid syntax")
	}
	var out []Stmt
	for {
		out = append(out, p.markedSimpleStmt())
		if !p.accept(";") || p.tok().kind == tNewline {
			break
		}
	}
	p.endOfLine()
	return out
}

// markedSimpleStmt is simpleStmt, recording the statement's span.
func (p *parser) markedSimpleStmt() Stmt {
	start := p.tok().pos
	st := p.simpleStmt()
	p.mark(st, start)
	return st
}

func (p *parser) endOfLine() {
	t := p.tok()
	if t.kind == tNewline {
		p.i++
		return
	}
	if t.kind == tEOF {
		return
	}
	p.errTok(t, "invalid syntax")
}

// block parses ":" then an indented suite (or a simple statement on the same line).
func (p *parser) block(what string, line int) []Stmt {
	p.expect(":")
	if p.tok().kind != tNewline {
		var out []Stmt
		for {
			out = append(out, p.markedSimpleStmt())
			if !p.accept(";") || p.tok().kind == tNewline {
				break
			}
		}
		p.endOfLine()
		return out
	}
	p.i++
	if p.tok().kind != tIndent {
		p.errKind("IndentationError", p.tok().pos, "expected an indented block after %s on line %d", what, line)
	}
	p.i++
	var out []Stmt
	for p.tok().kind != tDedent && p.tok().kind != tEOF {
		out = append(out, p.statement()...)
	}
	p.i++
	return out
}

func (p *parser) ifStmt() Stmt {
	t := p.next()
	cond := p.namedExpr()
	p.misusedAssign(cond)
	word := "'if' statement"
	if t.text == "elif" {
		word = "'elif' statement"
	}
	s := &If{P: t.pos, Cond: cond, Body: p.block(word, t.pos.Line)}
	if p.is("elif") {
		s.Else = []Stmt{p.ifStmt()}
	} else if p.is("else") {
		e := p.next()
		s.Else = p.block("'else' statement", e.pos.Line)
	}
	return s
}

func (p *parser) whileStmt() Stmt {
	t := p.next()
	s := &While{P: t.pos, Cond: p.namedExpr()}
	p.misusedAssign(s.Cond)
	p.loopDepth++
	s.Body = p.block("'while' statement", t.pos.Line)
	p.loopDepth--
	if p.is("else") {
		e := p.next()
		s.Else = p.block("'else' statement", e.pos.Line)
	}
	return s
}

func (p *parser) forStmt() Stmt {
	t := p.next()
	target := p.targetList()
	p.expect("in")
	s := &For{P: t.pos, Target: target, Iter: p.exprList()}
	p.loopDepth++
	s.Body = p.block("'for' statement", t.pos.Line)
	p.loopDepth--
	if p.is("else") {
		e := p.next()
		s.Else = p.block("'else' statement", e.pos.Line)
	}
	return s
}

func (p *parser) funcDef(decos []Expr) Stmt {
	t := p.next()
	name := p.ident()
	p.expect("(")
	params := p.params(")")
	p.expect(")")
	if p.accept("->") {
		p.expr()
	}
	saveLoop := p.loopDepth
	p.funcDepth++
	p.loopDepth = 0
	body := p.block("function definition", t.pos.Line)
	p.funcDepth--
	p.loopDepth = saveLoop
	return &FuncDef{P: t.pos, Name: name, Params: params, Body: body, Decorators: decos}
}

// params parses a parameter list up to the closing token.
func (p *parser) params(end string) *Params {
	ps := &Params{}
	kwOnly := false
	seen := map[string]bool{}
	add := func(pos Pos, n string) {
		if seen[n] {
			p.errAt(pos, "duplicate argument '%s' in function definition", n)
		}
		seen[n] = true
	}
	for !p.is(end) {
		pos := p.tok().pos
		switch {
		case p.accept("**"):
			ps.KwArgs = p.ident()
			add(pos, ps.KwArgs)
			if end == ")" && p.accept(":") {
				p.expr()
			}
		case p.accept("*"):
			kwOnly = true
			// A bare * must be followed by a named keyword-only parameter.
			if p.is(end) || p.is(",") && (p.toks[p.i+1].text == end || p.toks[p.i+1].text == "**") {
				if end == ":" {
					pos = p.tok().pos // CPython points a lambda's error after the star
				}
				p.errAt(pos, "named arguments must follow bare *")
			}
			if !p.is(",") && !p.is(end) {
				ps.VarArgs = p.ident()
				add(pos, ps.VarArgs)
				if end == ")" && p.accept(":") {
					p.expr()
				}
			}
		case p.accept("/"):
		default:
			n := p.ident()
			add(pos, n)
			if end == ")" && p.accept(":") {
				p.expr()
			}
			var def Expr
			if p.accept("=") {
				def = p.expr()
			}
			if kwOnly {
				ps.Names = append(ps.Names, n)
				if def != nil {
					if ps.KwDefaults == nil {
						ps.KwDefaults = map[string]Expr{}
					}
					ps.KwDefaults[n] = def
				}
			} else {
				if def == nil && len(ps.Defaults) > 0 {
					p.errAt(pos, "non-default argument follows default argument")
				}
				ps.Names = append(ps.Names, n)
				ps.NumPos++
				if def != nil {
					ps.Defaults = append(ps.Defaults, def)
				}
			}
		}
		if !p.accept(",") {
			break
		}
	}
	return ps
}

func (p *parser) classDef(decos []Expr) Stmt {
	t := p.next()
	s := &ClassDef{P: t.pos, Name: p.ident(), Decorators: decos}
	if p.accept("(") {
		for _, a := range p.callArgs() {
			if a.Name != "" {
				s.Keywords = append(s.Keywords, a)
			} else {
				s.Bases = append(s.Bases, a.Value)
			}
		}
	}
	saveLoop, saveFunc := p.loopDepth, p.funcDepth
	p.loopDepth, p.funcDepth = 0, 0
	s.Body = p.block("class definition", t.pos.Line)
	p.loopDepth, p.funcDepth = saveLoop, saveFunc
	return s
}

func (p *parser) tryStmt() Stmt {
	t := p.next()
	s := &Try{P: t.pos, Body: p.block("'try' statement", t.pos.Line)}
	for p.is("except") {
		e := p.next()
		if p.is("*") {
			p.errAt(e.pos, "'except*' is not supported here")
		}
		h := Handler{P: e.pos}
		if !p.is(":") {
			h.Type = p.expr()
			if p.is(",") {
				p.errAt(p.tok().pos, "multiple exception types must be parenthesized")
			}
			if p.accept("as") {
				h.Name = p.ident()
			}
		}
		h.Body = p.block("'except' statement", e.pos.Line)
		s.Handlers = append(s.Handlers, h)
	}
	if p.is("else") {
		e := p.next()
		s.Else = p.block("'else' statement", e.pos.Line)
	}
	if p.is("finally") {
		e := p.next()
		s.Finally = p.block("'finally' statement", e.pos.Line)
	}
	if s.Handlers == nil && s.Finally == nil {
		p.errTok(p.tok(), "expected 'except' or 'finally' block")
	}
	return s
}

func (p *parser) withStmt() Stmt {
	t := p.next()
	s := &With{P: t.pos}
	paren := false
	if p.is("(") {
		// with (a as b, c): needs lookahead; try the parenthesized form only when "as" follows inside
		save := p.i
		p.i++
		depth := 1
		hasAs := false
		for j := p.i; j < len(p.toks) && depth > 0; j++ {
			tk := p.toks[j]
			if tk.kind == tOp && (tk.text == "(" || tk.text == "[" || tk.text == "{") {
				depth++
			} else if tk.kind == tOp && (tk.text == ")" || tk.text == "]" || tk.text == "}") {
				depth--
			} else if depth == 1 && tk.kind == tName && tk.text == "as" {
				hasAs = true
			}
		}
		if hasAs {
			paren = true
		} else {
			p.i = save
		}
	}
	for {
		item := WithItem{Ctx: p.expr()}
		if p.accept("as") {
			item.Target = p.target()
		}
		s.Items = append(s.Items, item)
		if !p.accept(",") {
			break
		}
		if paren && p.is(")") {
			break
		}
	}
	if paren {
		p.expect(")")
	}
	s.Body = p.block("'with' statement", t.pos.Line)
	return s
}

func (p *parser) simpleStmt() Stmt {
	t := p.tok()
	pos := t.pos
	if t.kind == tName {
		switch t.text {
		case "pass":
			p.i++
			return &Pass{P: pos}
		case "break":
			p.i++
			if p.loopDepth == 0 {
				p.errSpan(pos, pos.Col+len("break"), "'break' outside loop")
			}
			return &Break{P: pos}
		case "continue":
			p.i++
			if p.loopDepth == 0 {
				p.errSpan(pos, pos.Col+len("continue"), "'continue' not properly in loop")
			}
			return &Continue{P: pos}
		case "return":
			p.i++
			s := &Return{P: pos}
			if !p.atStmtEnd() {
				s.Value = p.exprList()
			}
			if p.funcDepth == 0 {
				// The caret run covers the whole statement, as CPython's does.
				end := pos.Col + len("return")
				if last := p.toks[p.i-1]; last.pos.Line == pos.Line && last.endCol > end {
					end = last.endCol
				}
				p.errSpan(pos, end, "'return' outside function")
			}
			return s
		case "raise":
			p.i++
			s := &Raise{P: pos}
			if !p.atStmtEnd() {
				s.Exc = p.expr()
				if p.accept("from") {
					s.Cause = p.expr()
				}
			}
			return s
		case "global", "nonlocal":
			p.i++
			var names []string
			for {
				names = append(names, p.ident())
				if !p.accept(",") {
					break
				}
			}
			if t.text == "global" {
				return &Global{P: pos, Names: names}
			}
			return &Nonlocal{P: pos, Names: names}
		case "del":
			p.i++
			s := &Del{P: pos}
			for {
				e := p.orExprNoIn()
				p.checkTarget(e, "delete")
				s.Targets = append(s.Targets, e)
				if !p.accept(",") || p.atStmtEnd() {
					break
				}
			}
			return s
		case "assert":
			p.i++
			s := &Assert{P: pos, Test: p.expr()}
			if p.accept(",") {
				s.Msg = p.expr()
			}
			return s
		case "import":
			p.i++
			s := &Import{P: pos}
			for {
				name := p.dottedName()
				a := Alias{Name: name}
				if p.accept("as") {
					a.AsName = p.ident()
				}
				s.Names = append(s.Names, a)
				if !p.accept(",") {
					break
				}
			}
			return s
		case "from":
			p.i++
			if p.is(".") || p.is("...") {
				p.errAt(p.tok().pos, "relative imports are not supported here")
			}
			s := &ImportFrom{P: pos, Module: p.dottedName()}
			p.expect("import")
			if p.accept("*") {
				s.Names = []Alias{{Name: "*"}}
				return s
			}
			paren := p.accept("(")
			for {
				a := Alias{Name: p.ident()}
				if p.accept("as") {
					a.AsName = p.ident()
				}
				s.Names = append(s.Names, a)
				if !p.accept(",") {
					break
				}
				if paren && p.is(")") {
					break
				}
			}
			if paren {
				p.expect(")")
			}
			return s
		case "print":
			if n := p.toks[p.i+1]; n.kind == tString || n.kind == tName && !keywords[n.text] || n.kind == tInt {
				// marked from print to the end of what follows it
				save := p.i
				p.i++
				_, ok := p.try(p.exprListStar)
				end := p.lastEnd()
				p.i = save
				if ok {
					p.errRange(pos, end, "Missing parentheses in call to 'print'. Did you mean print(...)?")
				}
				p.errAt(pos, "Missing parentheses in call to 'print'. Did you mean print(...)?")
			}
		}
	}
	from := p.i
	first := p.yieldOr(p.exprListStar) // a yield statement, or the expression or target list
	if _, ok := first.(*NamedExpr); ok && p.toks[from].kind == tName {
		// a named expression needs parentheses to be a statement
		for k := from; k < p.i; k++ {
			if t := &p.toks[k]; t.kind == tOp && t.text == ":=" {
				p.errTok(t, "invalid syntax")
			}
		}
	}
	switch {
	case p.is("="):
		s := &Assign{P: pos, Targets: []Expr{first}}
		eq := p.i
		for p.accept("=") {
			s.Targets = append(s.Targets, p.yieldOr(p.exprListStar))
		}
		s.Value = s.Targets[len(s.Targets)-1]
		s.Targets = s.Targets[:len(s.Targets)-1]
		if len(s.Targets) == 1 && !p.validTarget(first) {
			// CPython reads the statement again as expressions: the one
			// before the '=' is taken for a comparison gone wrong
			end := p.i
			p.i = eq
			p.misusedAssign(p.lastUnparenthesized(first))
			p.i = end
		}
		for _, tg := range s.Targets {
			p.checkTarget(tg, "assign to")
		}
		return s
	case p.tok().kind == tOp && len(p.tok().text) >= 2 && strings.HasSuffix(p.tok().text, "=") && !p.is("==") && !p.is("<=") && !p.is(">=") && !p.is("!="):
		op := strings.TrimSuffix(p.next().text, "=")
		switch first.(type) {
		case *Name, *Attribute, *Subscript:
		default:
			p.errExpr(first, "'%s' is an illegal expression for augmented assignment", describe(first))
		}
		return &AugAssign{P: pos, Target: first, Op: op, Value: p.yieldOr(p.exprList)}
	case p.is(":"):
		p.i++
		p.expr()
		s := &AnnAssign{P: pos, Target: first}
		if p.accept("=") {
			s.Value = p.yieldOr(p.exprList)
		}
		return s
	}
	return &ExprStmt{P: pos, X: first}
}

func (p *parser) atStmtEnd() bool {
	t := p.tok()
	return t.kind == tNewline || t.kind == tEOF || t.kind == tOp && t.text == ";"
}

func (p *parser) dottedName() string {
	name := p.ident()
	for p.accept(".") {
		name += "." + p.ident()
	}
	return name
}

// describe names an expression kind as CPython's error messages do.
func describe(e Expr) string {
	switch e := e.(type) {
	case *Call:
		return "function call"
	case *Constant:
		return "literal"
	case *BinOp, *UnaryOp:
		return "expression"
	case *Compare:
		return "comparison"
	case *BoolOp:
		return "expression"
	case *Lambda:
		return "lambda"
	case *IfExp:
		return "conditional expression"
	case *FString:
		return "f-string expression"
	case *Comprehension:
		if e.Kind == "gen" {
			return "generator expression"
		}
		return e.Kind + " comprehension"
	case *Yield:
		return "yield expression"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *Tuple:
		return "tuple"
	case *NamedExpr:
		return "named expression"
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Name:
		return "name"
	case *Starred:
		return "starred"
	case *List:
		return "list"
	}
	return "expression"
}

// checkTarget refuses what cannot be assigned to or deleted, marking the
// offending expression as CPython does.
func (p *parser) checkTarget(e Expr, verb string) {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
		return
	case *Tuple:
		for _, x := range e.Elems {
			p.checkTarget(x, verb)
		}
		return
	case *List:
		for _, x := range e.Elems {
			p.checkTarget(x, verb)
		}
		return
	case *Starred:
		p.checkTarget(e.X, verb)
		return
	}
	p.errExpr(e, "cannot %s %s", verb, targetName(e))
}

// validTarget reports whether checkTarget accepts e.
func (p *parser) validTarget(e Expr) bool {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
		return true
	case *Tuple:
		for _, x := range e.Elems {
			if !p.validTarget(x) {
				return false
			}
		}
		return true
	case *List:
		for _, x := range e.Elems {
			if !p.validTarget(x) {
				return false
			}
		}
		return true
	case *Starred:
		return p.validTarget(e.X)
	}
	return false
}

// lastUnparenthesized is the last element of e when e is a tuple written
// without parentheses, else e.
func (p *parser) lastUnparenthesized(e Expr) Expr {
	if t, ok := e.(*Tuple); ok && len(t.Elems) > 0 {
		ts, ok1 := p.spans[t]
		fs, ok2 := p.spans[t.Elems[0]]
		if ok1 && ok2 && ts.Start == fs.Start {
			return t.Elems[len(t.Elems)-1]
		}
	}
	return e
}

// misusedAssign reports e followed by '=' where CPython's grammar reads a
// named expression (an if or while condition, a list element, the last
// target of an invalid assignment): when a '|'-level expression follows
// the '=' and no second '=' or ':=' comes after it, CPython asks whether
// '==' was meant. Otherwise it returns, and the caller reports the error.
func (p *parser) misusedAssign(e Expr) {
	if !p.is("=") {
		return
	}
	save := p.i
	p.i++
	value, ok := p.try(p.bitOr)
	after := p.tok()
	p.i = save
	if !ok || after.kind == tOp && (after.text == "=" || after.text == ":=") {
		return
	}
	switch e := e.(type) {
	case *Name:
		if sp, ok := p.spans[value]; ok && sp.End.Line == e.P.Line {
			p.errSpan(e.P, sp.End.Col, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		}
		p.errAt(e.P, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	case *Tuple, *List, *Starred, *Compare, *BoolOp, *Lambda, *IfExp:
		return // a display CPython leaves alone, or not a '|'-level expression
	case *Comprehension:
		if e.Kind == "gen" {
			return
		}
	case *Constant:
		switch e.Value.(type) {
		case nil, bool:
			return
		}
	case *UnaryOp:
		if e.Op == "not" {
			return
		}
	}
	p.errExpr(e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", targetName(e))
}

// try runs parse, reporting whether it succeeded; a syntax error it meets
// is dropped.
func (p *parser) try(parse func() Expr) (e Expr, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isErr := r.(*Error); !isErr {
				panic(r)
			}
			e, ok = nil, false
		}
	}()
	return parse(), true
}

// targetName names an expression in "cannot assign to ..." as CPython does.
func targetName(e Expr) string {
	if c, ok := e.(*Constant); ok {
		switch v := c.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		case Ellipsis:
			return "ellipsis"
		}
	}
	return describe(e)
}

// errExpr reports a SyntaxError marking expression e (to the end of its
// first line when it spans several).
func (p *parser) errExpr(e Expr, format string, args ...any) {
	if sp, ok := p.spans[e]; ok {
		end := sp.End.Col
		if sp.End.Line != sp.Start.Line {
			end = len([]rune(strings.TrimRight(lineAt(p.lines, sp.Start.Line), "\r\n")))
		}
		p.errSpan(sp.Start, end, format, args...)
	}
	p.errAt(e.Position(), format, args...)
}

// ---- expressions ----

// enter guards the parser's recursion so that no input can overflow the Go
// stack; bracket nesting itself is limited by the scanner, as CPython's is.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxRecursion {
		p.errAt(p.tok().pos, "the expression is nested too deeply")
	}
}

// maxRecursion bounds nested expressions of every kind (brackets, operators).
const maxRecursion = 1200

// exprList parses "a, b, c" (a tuple when there is a comma).
func (p *parser) exprList() Expr {
	pos := p.tok().pos
	e := p.expr()
	if !p.is(",") {
		return e
	}
	elems := []Expr{e}
	for p.accept(",") {
		if p.atExprEnd() {
			break
		}
		elems = append(elems, p.expr())
	}
	return p.markExpr(&Tuple{P: pos, Elems: elems}, pos)
}

// exprListStar is exprList where elements may be starred.
func (p *parser) exprListStar() Expr {
	pos := p.tok().pos
	e := p.starOrExpr()
	if !p.is(",") {
		return e
	}
	elems := []Expr{e}
	for p.accept(",") {
		if p.atExprEnd() {
			break
		}
		elems = append(elems, p.starOrExpr())
	}
	return p.markExpr(&Tuple{P: pos, Elems: elems}, pos)
}

func (p *parser) atExprEnd() bool {
	t := p.tok()
	if t.kind == tNewline || t.kind == tEOF {
		return true
	}
	if t.kind == tOp {
		switch t.text {
		case ")", "]", "}", "=", ":", ";":
			return true
		}
		if strings.HasSuffix(t.text, "=") && len(t.text) >= 2 && t.text != "==" && t.text != "<=" && t.text != ">=" && t.text != "!=" {
			return true
		}
	}
	return t.kind == tName && t.text == "in"
}

func (p *parser) starOrExpr() Expr {
	if p.is("*") {
		t := p.next()
		return p.markExpr(&Starred{P: t.pos, X: p.orExpr()}, t.pos)
	}
	if p.is("yield") {
		p.errTok(p.tok(), "invalid syntax") // not in parentheses, after '=' or as a statement
	}
	return p.namedExpr()
}

// targetList parses for-loop targets.
func (p *parser) targetList() Expr {
	pos := p.tok().pos
	e := p.target()
	if !p.is(",") {
		return e
	}
	elems := []Expr{e}
	for p.accept(",") {
		if p.is("in") || p.is("=") {
			break
		}
		elems = append(elems, p.target())
	}
	return p.markExpr(&Tuple{P: pos, Elems: elems}, pos)
}

func (p *parser) target() Expr {
	if p.is("*") {
		t := p.next()
		return p.markExpr(&Starred{P: t.pos, X: p.target()}, t.pos)
	}
	e := p.orExprNoIn()
	p.checkTarget(e, "assign to")
	return e
}

func (p *parser) orExprNoIn() Expr { return p.bitOr() }

func (p *parser) namedExpr() Expr {
	if p.tok().kind == tName && p.toks[p.i+1].kind == tOp && p.toks[p.i+1].text == ":=" {
		t := p.next()
		p.next()
		return p.markExpr(&NamedExpr{P: t.pos, Name: &Name{P: t.pos, Id: t.text}, Value: p.expr()}, t.pos)
	}
	return p.expr()
}

// expr parses a full expression: conditional expressions and lambdas.
func (p *parser) expr() Expr {
	p.enter()
	defer func() { p.depth-- }()
	if p.is("lambda") {
		t := p.next()
		params := p.params(":")
		p.expect(":")
		save := p.funcDepth
		p.funcDepth = 1
		body := p.expr()
		p.funcDepth = save
		return p.markExpr(&Lambda{P: t.pos, Params: params, Body: body}, t.pos)
	}
	if p.is("yield") {
		p.errTok(p.tok(), "invalid syntax") // not in parentheses, after '=' or as a statement
	}
	start := p.tok().pos
	e := p.orExpr()
	if p.is("if") && !p.inCompIf() {
		p.i++
		cond := p.orExpr()
		if !p.is("else") {
			// CPython marks the expression so far ("a if b")
			if end := p.lastEnd(); end.Line == start.Line {
				p.errSpan(start, end.Col, "expected 'else' after 'if' expression")
			}
			p.errAt(p.tok().pos, "expected 'else' after 'if' expression")
		}
		p.i++
		return p.markExpr(&IfExp{P: e.Position(), Cond: cond, Then: e, Else: p.expr()}, start)
	}
	return e
}

func (p *parser) inCompIf() bool { return false }

// yieldOr parses a yield expression where CPython's grammar takes one (a
// statement, the value of an assignment), or else what rest parses.
func (p *parser) yieldOr(rest func() Expr) Expr {
	if p.is("yield") {
		return p.yieldExpr()
	}
	return rest()
}

func (p *parser) yieldExpr() Expr {
	t := p.next()
	y := &Yield{P: t.pos}
	if p.accept("from") {
		y.From = true
		y.X = p.expr()
	} else if !p.atExprEnd() && !p.is(")") {
		y.X = p.exprListStar()
	}
	p.markExpr(y, t.pos)
	// a yield outside a function, or in a comprehension, is refused by
	// resolve (as CPython's symtable and compiler do, after parsing)
	return y
}

func (p *parser) orExpr() Expr {
	start := p.tok().pos
	e := p.andExpr()
	for p.is("or") {
		p.i++
		e = p.markExpr(&BoolOp{P: e.Position(), Op: "or", X: e, Y: p.andExpr()}, start)
	}
	return e
}

func (p *parser) andExpr() Expr {
	start := p.tok().pos
	e := p.notExpr()
	for p.is("and") {
		p.i++
		e = p.markExpr(&BoolOp{P: e.Position(), Op: "and", X: e, Y: p.notExpr()}, start)
	}
	return e
}

func (p *parser) notExpr() Expr {
	if p.is("not") {
		t := p.next()
		p.enter()
		defer func() { p.depth-- }()
		return p.markExpr(&UnaryOp{P: t.pos, Op: "not", X: p.notExpr()}, t.pos)
	}
	return p.comparison()
}

func (p *parser) comparison() Expr {
	start := p.tok().pos
	e := p.bitOr()
	var c *Compare
	for {
		op := ""
		t := p.tok()
		switch {
		case t.kind == tOp && (t.text == "<" || t.text == ">" || t.text == "==" || t.text == ">=" || t.text == "<=" || t.text == "!="):
			op = t.text
			p.i++
		case p.is("in"):
			op = "in"
			p.i++
		case p.is("not") && p.toks[p.i+1].kind == tName && p.toks[p.i+1].text == "in":
			op = "not in"
			p.i += 2
		case p.is("is"):
			p.i++
			op = "is"
			if p.accept("not") {
				op = "is not"
			}
		}
		if op == "" {
			break
		}
		if c == nil {
			c = &Compare{P: e.Position(), X: e}
		}
		c.Ops = append(c.Ops, op)
		c.Rests = append(c.Rests, p.bitOr())
	}
	if c != nil {
		return p.markExpr(c, start)
	}
	return e
}

var binPrec = map[string]int{
	"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "//": 6, "%": 6, "@": 6,
}

func (p *parser) bitOr() Expr { return p.binary(1) }

// binary parses binary operators by precedence climbing.
func (p *parser) binary(min int) Expr {
	start := p.tok().pos
	x := p.unary()
	for {
		t := p.tok()
		prec, ok := binPrec[t.text]
		if t.kind != tOp || !ok || prec < min {
			return x
		}
		p.i++
		y := p.binary(prec + 1)
		x = p.markExpr(&BinOp{P: x.Position(), Op: t.text, X: x, Y: y}, start)
	}
}

func (p *parser) unary() Expr {
	t := p.tok()
	if t.kind == tOp && (t.text == "-" || t.text == "+" || t.text == "~") {
		p.i++
		p.enter()
		defer func() { p.depth-- }()
		x := p.unary()
		if c, ok := x.(*Constant); ok && t.text == "-" {
			switch v := c.Value.(type) {
			case int64:
				if v != -v || v == 0 {
					return p.markExpr(&Constant{P: t.pos, Value: -v}, t.pos)
				}
			case float64:
				return p.markExpr(&Constant{P: t.pos, Value: -v}, t.pos)
			}
		}
		return p.markExpr(&UnaryOp{P: t.pos, Op: t.text, X: x}, t.pos)
	}
	return p.power()
}

func (p *parser) power() Expr {
	if p.is("await") {
		// no function here is async: CPython refuses every await too
		t := p.next()
		msg := "'await' outside async function"
		if p.funcDepth == 0 {
			msg = "'await' outside function"
		}
		if _, ok := p.try(p.power); ok {
			p.errRange(t.pos, p.lastEnd(), "%s", msg)
		}
		p.errAt(t.pos, "%s", msg)
	}
	start := p.tok().pos
	x := p.postfix(p.atom(), start)
	if p.is("**") {
		p.i++
		y := p.unary()
		return p.markExpr(&BinOp{P: x.Position(), Op: "**", X: x, Y: y}, start)
	}
	return x
}

// postfix parses calls, subscripts and attributes after the primary x,
// which starts at start.
func (p *parser) postfix(x Expr, start Pos) Expr {
	for {
		t := p.tok()
		if t.kind != tOp {
			return x
		}
		switch t.text {
		case "(":
			p.i++
			x = p.markExpr(&Call{P: x.Position(), Func: x, Args: p.callArgs()}, start)
		case "[":
			p.i++
			sub := &Subscript{P: x.Position(), X: x, Index: p.subscript()}
			p.expect("]")
			x = p.markExpr(sub, start)
		case ".":
			p.i++
			x = p.markExpr(&Attribute{P: x.Position(), X: x, Name: p.ident()}, start)
		default:
			return x
		}
	}
}

// callArgs parses arguments after "(" up to and including ")".
func (p *parser) callArgs() []Arg {
	p.enter()
	defer func() { p.depth-- }()
	var args []Arg
	sawKw, sawDoubleStar := false, false
	kwSeen := map[string]bool{}
	misplaced := ""
	var gen *Span // the first bare generator expression among the arguments
	var doubleStars Span
	comma := false
	for !p.is(")") {
		pos := p.tok().pos
		switch {
		case p.accept("**"):
			args = append(args, Arg{Star: 2, Value: p.expr()})
			if !sawDoubleStar {
				doubleStars.Start = pos
			}
			doubleStars.End = p.lastEnd()
			sawKw, sawDoubleStar = true, true
		case p.accept("*"):
			if sawDoubleStar && misplaced == "" { // (a misplaced positional argument is reported first)
				// CPython marks the ** arguments before it
				if doubleStars.End.Line == doubleStars.Start.Line {
					p.errSpan(doubleStars.Start, doubleStars.End.Col, "iterable argument unpacking follows keyword argument unpacking")
				}
				p.errAt(pos, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, Arg{Star: 1, Value: p.expr()})
		case p.tok().kind == tName && p.toks[p.i+1].kind == tOp && p.toks[p.i+1].text == "=":
			if t := p.tok(); t.text == "True" || t.text == "False" || t.text == "None" {
				p.errSpan(t.pos, p.toks[p.i+1].endCol, "cannot assign to %s", t.text)
			}
			name := p.ident()
			p.i++
			value := p.expr()
			if kwSeen[name] {
				p.errRange(pos, p.lastEnd(), "keyword argument repeated: %s", name)
			}
			kwSeen[name] = true
			args = append(args, Arg{Name: name, Value: value})
			sawKw = true
			if sawDoubleStar {
				doubleStars.End = p.lastEnd()
			}
		default:
			e := p.namedExpr()
			if eq := p.tok(); eq.kind == tOp && eq.text == "=" {
				// a keyword argument must be a bare name
				if sp, ok := p.spans[e]; ok && sp.Start.Line == eq.pos.Line {
					p.errSpan(sp.Start, eq.endCol, "expression cannot contain assignment, perhaps you meant \"==\"?")
				}
				p.errAt(e.Position(), "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if p.is("for") {
				e = p.comprehension(pos, "gen", e, nil, ")")
				if gen == nil {
					gen = &Span{Start: pos, End: p.lastEnd()}
				}
			}
			if sawDoubleStar && misplaced == "" {
				misplaced = "positional argument follows keyword argument unpacking"
			}
			if sawKw && misplaced == "" {
				// CPython finds out once it has read the arguments
				misplaced = "positional argument follows keyword argument"
			}
			args = append(args, Arg{Value: e})
		}
		if comma = p.accept(","); !comma {
			if !p.is(")") {
				p.forgotComma(args[len(args)-1].Value)
			}
			break
		}
	}
	if gen != nil && (len(args) > 1 || comma) {
		// only a call's sole argument may be a generator expression without its own parentheses
		p.errRange(gen.Start, gen.End, "Generator expression must be parenthesized")
	}
	if misplaced != "" {
		p.errTok(p.tok(), "%s", misplaced)
	}
	p.expect(")")
	return args
}

func (p *parser) subscript() Expr {
	pos := p.tok().pos
	first := p.sliceItem()
	if !p.is(",") {
		return first
	}
	elems := []Expr{first}
	for p.accept(",") {
		if p.is("]") {
			break
		}
		elems = append(elems, p.sliceItem())
	}
	return p.markExpr(&Tuple{P: pos, Elems: elems}, pos)
}

func (p *parser) sliceItem() Expr {
	pos := p.tok().pos
	var lo, hi, step Expr
	if !p.is(":") {
		lo = p.namedExpr()
		if !p.is(":") {
			return lo
		}
	}
	p.expect(":")
	if !p.is(":") && !p.is("]") && !p.is(",") {
		hi = p.expr()
	}
	if p.accept(":") {
		if !p.is("]") && !p.is(",") {
			step = p.expr()
		}
	}
	return p.markExpr(&Slice{P: pos, Lo: lo, Hi: hi, Step: step}, pos)
}

// atom parses a name, a literal or a bracketed form, and records its span
// (brackets included; an expression in parentheses keeps its own).
func (p *parser) atom() Expr {
	start := p.tok().pos
	e := p.atomUnmarked()
	return p.markExpr(e, start)
}

func (p *parser) atomUnmarked() Expr {
	t := p.tok()
	switch t.kind {
	case tName:
		switch t.text {
		case "True":
			p.i++
			return &Constant{P: t.pos, Value: true}
		case "False":
			p.i++
			return &Constant{P: t.pos, Value: false}
		case "None":
			p.i++
			return &Constant{P: t.pos, Value: nil}
		}
		if keywords[t.text] {
			p.errTok(t, "invalid syntax")
		}
		p.i++
		return &Name{P: t.pos, Id: t.text}
	case tInt, tFloat:
		p.i++
		return &Constant{P: t.pos, Value: t.num}
	case tString:
		p.i++
		if t.bytes {
			return &Constant{P: t.pos, Value: runesToBytes(t.str)}
		}
		return p.stringConcat(&Constant{P: t.pos, Value: t.str})
	case tFString:
		p.i++
		return p.stringConcat(p.fstring(*t))
	case tOp:
		switch t.text {
		case "(":
			p.i++
			p.enter()
			defer func() { p.depth-- }()
			if p.accept(")") {
				return &Tuple{P: t.pos}
			}
			if p.is("yield") { // (yield x): the parentheses make it an expression
				e := p.yieldExpr()
				p.expect(")")
				return e
			}
			e := p.starOrExpr()
			if p.is("for") {
				e = p.comprehension(t.pos, "gen", e, nil, ")")
				p.expect(")")
				return e
			}
			if p.accept(")") {
				return e
			}
			elems := []Expr{e}
			for p.accept(",") {
				if p.is(")") {
					break
				}
				elems = append(elems, p.starOrExpr())
			}
			if !p.is(")") {
				p.misusedAssign(elems[len(elems)-1])
				p.forgotComma(elems[len(elems)-1])
			}
			p.i++
			return &Tuple{P: t.pos, Elems: elems}
		case "[":
			p.i++
			p.enter()
			defer func() { p.depth-- }()
			if p.accept("]") {
				return &List{P: t.pos}
			}
			e := p.starOrExpr()
			if p.is("for") {
				e = p.comprehension(t.pos, "list", e, nil, "]")
				p.expect("]")
				return e
			}
			elems := []Expr{e}
			for p.accept(",") {
				if p.is("]") {
					break
				}
				elems = append(elems, p.starOrExpr())
			}
			if !p.is("]") {
				p.misusedAssign(elems[len(elems)-1])
				p.forgotComma(elems[len(elems)-1])
			}
			p.i++
			return &List{P: t.pos, Elems: elems}
		case "{":
			p.i++
			p.enter()
			defer func() { p.depth-- }()
			return p.braces(t.pos)
		case "...":
			p.i++
			return &Constant{P: t.pos, Value: Ellipsis{}}
		}
	case tNewline, tEOF:
		p.errTok(t, "invalid syntax")
	case tIndent:
		p.unexpectedIndent(t)
	}
	p.errTok(t, "invalid syntax")
	return nil
}

// Ellipsis is the value of the literal "...".
type Ellipsis struct{}

func runesToBytes(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

func (p *parser) stringConcat(first Expr) Expr {
	// adjacent string and f-string literals form one f-string
	if p.tok().kind != tString && p.tok().kind != tFString {
		return first
	}
	parts := []Expr{}
	add := func(e Expr) {
		if f, ok := e.(*FString); ok {
			parts = append(parts, f.Parts...)
		} else {
			parts = append(parts, e)
		}
	}
	add(first)
	for p.tok().kind == tString && !p.tok().bytes || p.tok().kind == tFString {
		t := p.next()
		if t.kind == tString {
			add(&Constant{P: t.pos, Value: t.str})
		} else {
			add(p.fstring(t))
		}
	}
	return &FString{P: first.Position(), Parts: parts}
}

func (p *parser) braces(pos Pos) Expr {
	if p.accept("}") {
		return &Dict{P: pos}
	}
	if p.accept("**") {
		d := &Dict{P: pos, Keys: []Expr{nil}, Values: []Expr{p.bitOr()}}
		return p.dictRest(d)
	}
	first := p.starOrExpr()
	if p.is(":") {
		colon := p.next()
		if p.is("}") || p.is(",") {
			p.errTok(&colon, "expression expected after dictionary key and ':'")
		}
		v := p.expr()
		if p.is("for") {
			e := p.comprehension(pos, "dict", first, v, "}")
			p.expect("}")
			return e
		}
		d := &Dict{P: pos, Keys: []Expr{first}, Values: []Expr{v}}
		return p.dictRest(d)
	}
	if p.is("for") {
		e := p.comprehension(pos, "set", first, nil, "}")
		p.expect("}")
		return e
	}
	s := &Set{P: pos, Elems: []Expr{first}}
	for p.accept(",") {
		if p.is("}") {
			break
		}
		s.Elems = append(s.Elems, p.starOrExpr())
	}
	if !p.is("}") {
		p.misusedAssign(s.Elems[len(s.Elems)-1])
		p.forgotComma(s.Elems[len(s.Elems)-1])
	}
	p.i++
	return s
}

func (p *parser) dictRest(d *Dict) Expr {
	for p.accept(",") {
		if p.is("}") {
			break
		}
		if p.accept("**") {
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, p.bitOr())
			continue
		}
		k := p.expr()
		if !p.is(":") {
			// CPython points at the last character of the key.
			last := p.toks[p.i-1]
			pos := last.pos
			if last.endCol > pos.Col {
				pos.Col = last.endCol - 1
			}
			p.errAt(pos, "':' expected after dictionary key")
		}
		colon := p.next()
		if p.is("}") || p.is(",") {
			p.errTok(&colon, "expression expected after dictionary key and ':'")
		}
		d.Keys = append(d.Keys, k)
		d.Values = append(d.Values, p.expr())
	}
	if !p.is("}") {
		p.forgotComma(d.Values[len(d.Values)-1])
	}
	p.i++
	return d
}

func (p *parser) comprehension(pos Pos, kind string, elt, value Expr, end string) Expr {
	c := &Comprehension{P: pos, Kind: kind, Elt: elt, Value: value}
	for p.is("for") {
		p.i++
		f := CompFor{Target: p.targetList()}
		p.expect("in")
		f.Iter = p.orExpr()
		for p.is("if") {
			p.i++
			f.Ifs = append(f.Ifs, p.orExprCond())
		}
		c.Fors = append(c.Fors, f)
	}
	return c
}

// orExprCond parses a comprehension condition (no unparenthesized conditional expression).
func (p *parser) orExprCond() Expr { return p.orExpr() }

// fstring parses the body of an f-string token into parts.
// afterStrings is the token after the run of string literals at the
// current one: CPython reads an f-string once it has the whole run, so its
// errors point at that token.
func (p *parser) afterStrings() *token {
	k := p.i
	for k < len(p.toks)-1 && (p.toks[k].kind == tString || p.toks[k].kind == tFString) {
		k++
	}
	return &p.toks[k]
}

func (p *parser) fstring(t token) Expr {
	body := []rune(t.str)
	fs := &FString{P: t.pos}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			s := lit.String()
			if !t.raw {
				sc := &scanner{lines: p.lines}
				s = sc.unescape([]rune(s), false, t.pos)
			}
			fs.Parts = append(fs.Parts, &Constant{P: t.pos, Value: s})
			lit.Reset()
		}
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '{' {
			if i+1 < len(body) && body[i+1] == '{' {
				lit.WriteRune('{')
				i++
				continue
			}
			flush()
			j, fv := p.fstringField(t, body, i+1)
			fs.Parts = append(fs.Parts, fv)
			i = j
			continue
		}
		if c == '}' {
			if i+1 < len(body) && body[i+1] == '}' {
				lit.WriteRune('}')
				i++
				continue
			}
			p.errTok(p.afterStrings(), "f-string: single '}' is not allowed")
		}
		lit.WriteRune(c)
	}
	flush()
	return fs
}

// fstringField parses one replacement field starting after '{'; it returns the
// index of the closing '}'.
func (p *parser) fstringField(t token, body []rune, start int) (int, Expr) {
	if p.specDepth >= 2 { // a field in a spec in a spec: CPython stops there
		p.errTok(p.afterStrings(), "f-string: expressions nested too deeply")
	}
	depth := 0
	var quote rune
	i := start
	exprEnd := -1
	for ; i < len(body); i++ {
		c := body[i]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}':
			if depth == 0 {
				exprEnd = i
			} else {
				depth--
			}
		case '!':
			if depth == 0 && i+1 < len(body) && body[i+1] != '=' {
				exprEnd = i
			}
		case ':':
			if depth == 0 {
				exprEnd = i
			}
		}
		if exprEnd >= 0 {
			break
		}
	}
	if exprEnd < 0 {
		p.errTok(p.afterStrings(), "f-string: expecting '}'")
	}
	text := string(body[start:exprEnd])
	fv := &FormattedValue{P: t.pos}
	trimmed := strings.TrimRight(text, " ")
	if strings.HasSuffix(trimmed, "=") && !strings.HasSuffix(trimmed, "==") && !strings.HasSuffix(trimmed, "!=") && !strings.HasSuffix(trimmed, "<=") && !strings.HasSuffix(trimmed, ">=") {
		fv.Debug = text
		text = strings.TrimSuffix(trimmed, "=")
		fv.Conversion = 'r'
	}
	if strings.TrimSpace(text) == "" {
		p.errTok(p.afterStrings(), "f-string: empty expression not allowed")
	}
	fv.Value = p.subExpr(t, text, start)
	i = exprEnd
	if body[i] == '!' {
		if i+1 >= len(body) {
			p.errTok(p.afterStrings(), "f-string: expecting '}'")
		}
		fv.Conversion = byte(body[i+1])
		if !strings.ContainsRune("rsa", body[i+1]) {
			p.errTok(p.afterStrings(), "f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		i += 2
	}
	if i < len(body) && body[i] == ':' {
		if fv.Debug != "" && fv.Conversion == 'r' {
			fv.Conversion = 0
		}
		// the spec runs to the matching '}', and may hold nested fields
		specStart := i + 1
		d := 0
		j := specStart
		for ; j < len(body); j++ {
			if body[j] == '{' {
				d++
			} else if body[j] == '}' {
				if d == 0 {
					break
				}
				d--
			}
		}
		if j >= len(body) {
			p.errTok(p.afterStrings(), "f-string: expecting '}'")
		}
		p.specDepth++
		spec := p.fstring(token{str: string(body[specStart:j]), raw: true, pos: t.pos}).(*FString)
		p.specDepth--
		fv.Spec = spec
		i = j
	}
	if i >= len(body) || body[i] != '}' {
		p.errTok(p.afterStrings(), "f-string: expecting '}'")
	}
	return i, fv
}

// subExpr parses an expression embedded in an f-string.
func (p *parser) subExpr(t token, text string, start int) Expr {
	sc := &scanner{src: []rune("(" + text + ")"), lines: p.lines}
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(*Error); ok {
					e.Line, e.Text = t.pos.Line, lineAt(p.lines, t.pos.Line)
					e.Msg = "f-string: " + e.Msg
					panic(e)
				}
				panic(r)
			}
		}()
		sc.scan()
	}()
	// a field of a one-line f-string gets its real columns (the carets of
	// tracebacks point into it); a field of a longer one keeps its columns
	// in the text the scanner saw, "(" + text + ")"
	bodyCol := p.fstringBodyCol(t)
	offset := 0 // real column minus column in "(" + text + ")"
	if bodyCol >= 0 {
		offset = bodyCol + start - 1
	}
	for k := range sc.toks {
		tk := &sc.toks[k]
		tk.pos = Pos{Line: t.pos.Line, Col: tk.pos.Col + offset}
		tk.endCol, tk.endLine = tk.endCol+offset, t.pos.Line
	}
	sub := &parser{toks: sc.toks, lines: p.lines, funcDepth: p.funcDepth, depth: p.depth}
	if bodyCol >= 0 {
		sub.spans = p.spans
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(*Error); ok && !strings.HasPrefix(e.Msg, "f-string: ") {
				// CPython shows a syntax error in a field on the field's
				// text, in parentheses
				e.Msg, e.Text, e.Line = "f-string: "+e.Msg, "("+text+")", t.pos.Line
				e.Col -= offset
				if e.End > 0 {
					e.End -= offset
				}
			}
			panic(r)
		}
	}()
	return sub.expr()
}

// fstringBodyCol is the column where the text of a one-line f-string token
// begins (after its prefix and quotes), or -1.
func (p *parser) fstringBodyCol(t token) int {
	if t.endLine != t.pos.Line || t.pos.Line < 1 || t.pos.Line > len(p.lines) {
		return -1
	}
	line := []rune(p.lines[t.pos.Line-1])
	i := t.pos.Col
	for i < len(line) && line[i] != '"' && line[i] != '\'' {
		i++ // the prefix letters
	}
	if i >= len(line) {
		return -1
	}
	q := 1
	if i+2 < len(line) && line[i+1] == line[i] && line[i+2] == line[i] {
		q = 3
	}
	return i + q
}

func lineAt(lines []string, n int) string {
	if n >= 1 && n <= len(lines) {
		return lines[n-1]
	}
	return ""
}
