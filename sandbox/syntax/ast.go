// Package syntax turns Python source into an abstract syntax tree: the scanner
// (tokens with INDENT/DEDENT), the recursive-descent parser and the AST, every
// node carrying the position where it starts.
package syntax

// This file defines the AST.

// Pos is a position in the source: 1-based line, 0-based column in characters.
type Pos struct {
	Line, Col int
}

// Node is any AST node.
type Node interface{ Position() Pos }

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// File is a parsed program.
type File struct {
	Name  string
	Lines []string // source lines, for tracebacks
	Body  []Stmt
	// Spans holds the source range of each expression and statement, as
	// CPython's AST has it (a parenthesized expression's range leaves out
	// its parentheses), for the carets under traceback lines.
	Spans map[Node]Span
}

// Span is a node's source range; End is just past its last character.
type Span struct {
	Start, End Pos
}

// ---- expressions ----

type (
	// Name is a variable reference.
	Name struct {
		P  Pos
		Id string
	}
	// Constant is a literal: int64, *big.Int, float64, string, []byte (bytes),
	// bool, nil (None) or Ellipsis.
	Constant struct {
		P     Pos
		Value any
	}
	// FString is an f-string: literal strings and FormattedValues in order.
	FString struct {
		P     Pos
		Parts []Expr
	}
	// FormattedValue is one {expr!conv:spec} field of an f-string.
	FormattedValue struct {
		P          Pos
		Value      Expr
		Conversion byte   // 0, 'r', 's' or 'a'
		Spec       Expr   // nil or an *FString
		Debug      string // the "expr=" text for self-documenting fields
	}
	// UnaryOp is -x, +x, ~x or not x.
	UnaryOp struct {
		P  Pos
		Op string
		X  Expr
	}
	// BinOp is x op y for arithmetic and bitwise operators.
	BinOp struct {
		P    Pos
		Op   string
		X, Y Expr
	}
	// BoolOp is x and y / x or y.
	BoolOp struct {
		P    Pos
		Op   string
		X, Y Expr
	}
	// Compare is a chain x op1 y op2 z.
	Compare struct {
		P     Pos
		X     Expr
		Ops   []string // "<", "==", "in", "not in", "is", "is not", ...
		Rests []Expr
	}
	// IfExp is a if cond else b.
	IfExp struct {
		P                Pos
		Cond, Then, Else Expr
	}
	// Lambda is lambda params: body.
	Lambda struct {
		P      Pos
		Params *Params
		Body   Expr
	}
	// Call is f(args).
	Call struct {
		P    Pos
		Func Expr
		Args []Arg
	}
	// Attribute is x.name.
	Attribute struct {
		P    Pos
		X    Expr
		Name string
	}
	// Subscript is x[index].
	Subscript struct {
		P     Pos
		X     Expr
		Index Expr
	}
	// Slice is lo:hi:step inside a subscript; absent parts are nil.
	Slice struct {
		P            Pos
		Lo, Hi, Step Expr
	}
	// Starred is *x in a display, call or assignment target.
	Starred struct {
		P Pos
		X Expr
	}
	// Tuple is a, b or (a, b).
	Tuple struct {
		P     Pos
		Elems []Expr
	}
	// List is [a, b].
	List struct {
		P     Pos
		Elems []Expr
	}
	// Set is {a, b}.
	Set struct {
		P     Pos
		Elems []Expr
	}
	// Dict is {k: v, **m}; a nil key marks **m.
	Dict struct {
		P      Pos
		Keys   []Expr
		Values []Expr
	}
	// Comprehension is a list/set/dict comprehension or generator expression.
	Comprehension struct {
		P     Pos
		Kind  string // "list", "set", "dict", "gen"
		Elt   Expr   // element (key for dict)
		Value Expr   // dict value
		Fors  []CompFor
	}
	// Yield is yield x / yield from x.
	Yield struct {
		P    Pos
		X    Expr // may be nil
		From bool
	}
	// NamedExpr is name := value.
	NamedExpr struct {
		P     Pos
		Name  *Name
		Value Expr
	}
)

// CompFor is one "for target in iter if cond..." clause of a comprehension.
type CompFor struct {
	Target Expr
	Iter   Expr
	Ifs    []Expr
}

// Arg is one argument of a call: positional (Name ""), keyword (Name set),
// *x (Star 1) or **x (Star 2).
type Arg struct {
	Name  string
	Star  int
	Value Expr
}

// Params is a function's parameter list.
type Params struct {
	Names      []string // positional (and positional-only) parameters, then keyword-only
	Defaults   []Expr   // defaults of the last len(Defaults) positional parameters
	NumPos     int      // how many of Names are positional
	KwDefaults map[string]Expr
	VarArgs    string // *args name, "" if none
	KwArgs     string // **kwargs name, "" if none
}

// ---- statements ----

type (
	// ExprStmt is an expression evaluated for its effect.
	ExprStmt struct {
		P Pos
		X Expr
	}
	// Assign is t1 = t2 = value.
	Assign struct {
		P       Pos
		Targets []Expr
		Value   Expr
	}
	// AugAssign is target op= value.
	AugAssign struct {
		P      Pos
		Target Expr
		Op     string // "+", "-", ...
		Value  Expr
	}
	// AnnAssign is target: annotation [= value].
	AnnAssign struct {
		P      Pos
		Target Expr
		Value  Expr // may be nil
	}
	// If is if/elif/else (elif chains nest in Else).
	If struct {
		P    Pos
		Cond Expr
		Body []Stmt
		Else []Stmt
	}
	// While is while cond: body else: orelse.
	While struct {
		P    Pos
		Cond Expr
		Body []Stmt
		Else []Stmt
	}
	// For is for target in iter: body else: orelse.
	For struct {
		P      Pos
		Target Expr
		Iter   Expr
		Body   []Stmt
		Else   []Stmt
	}
	// Break, Continue and Pass are the simple statements of the same names.
	Break    struct{ P Pos }
	Continue struct{ P Pos }
	Pass     struct{ P Pos }
	// Return is return [value].
	Return struct {
		P     Pos
		Value Expr
	}
	// FuncDef is a def statement.
	FuncDef struct {
		P          Pos
		Name       string
		Params     *Params
		Body       []Stmt
		Decorators []Expr
	}
	// ClassDef is a class statement.
	ClassDef struct {
		P          Pos
		Name       string
		Bases      []Expr
		Keywords   []Arg
		Body       []Stmt
		Decorators []Expr
	}
	// Try is try/except/else/finally.
	Try struct {
		P        Pos
		Body     []Stmt
		Handlers []Handler
		Else     []Stmt
		Finally  []Stmt
	}
	// Raise is raise [exc [from cause]].
	Raise struct {
		P     Pos
		Exc   Expr
		Cause Expr
	}
	// With is with a as x, b: body.
	With struct {
		P     Pos
		Items []WithItem
		Body  []Stmt
	}
	// Assert is assert test, msg.
	Assert struct {
		P    Pos
		Test Expr
		Msg  Expr
	}
	// Del is del targets.
	Del struct {
		P       Pos
		Targets []Expr
	}
	// Global and Nonlocal declare names.
	Global struct {
		P     Pos
		Names []string
	}
	Nonlocal struct {
		P     Pos
		Names []string
	}
	// Import is import a.b as c, d.
	Import struct {
		P     Pos
		Names []Alias
	}
	// ImportFrom is from module import a as b, c (or *).
	ImportFrom struct {
		P      Pos
		Module string
		Names  []Alias
	}
)

// Handler is one except clause.
type Handler struct {
	P    Pos
	Type Expr // nil for a bare except
	Name string
	Body []Stmt
}

// WithItem is one context manager of a with statement.
type WithItem struct {
	Ctx    Expr
	Target Expr // may be nil
}

// Alias is one imported name.
type Alias struct {
	Name, AsName string
}

func (n *Name) Position() Pos           { return n.P }
func (n *Constant) Position() Pos       { return n.P }
func (n *FString) Position() Pos        { return n.P }
func (n *FormattedValue) Position() Pos { return n.P }
func (n *UnaryOp) Position() Pos        { return n.P }
func (n *BinOp) Position() Pos          { return n.P }
func (n *BoolOp) Position() Pos         { return n.P }
func (n *Compare) Position() Pos        { return n.P }
func (n *IfExp) Position() Pos          { return n.P }
func (n *Lambda) Position() Pos         { return n.P }
func (n *Call) Position() Pos           { return n.P }
func (n *Attribute) Position() Pos      { return n.P }
func (n *Subscript) Position() Pos      { return n.P }
func (n *Slice) Position() Pos          { return n.P }
func (n *Starred) Position() Pos        { return n.P }
func (n *Tuple) Position() Pos          { return n.P }
func (n *List) Position() Pos           { return n.P }
func (n *Set) Position() Pos            { return n.P }
func (n *Dict) Position() Pos           { return n.P }
func (n *Comprehension) Position() Pos  { return n.P }
func (n *Yield) Position() Pos          { return n.P }
func (n *NamedExpr) Position() Pos      { return n.P }

func (*Name) exprNode()           {}
func (*Constant) exprNode()       {}
func (*FString) exprNode()        {}
func (*FormattedValue) exprNode() {}
func (*UnaryOp) exprNode()        {}
func (*BinOp) exprNode()          {}
func (*BoolOp) exprNode()         {}
func (*Compare) exprNode()        {}
func (*IfExp) exprNode()          {}
func (*Lambda) exprNode()         {}
func (*Call) exprNode()           {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Slice) exprNode()          {}
func (*Starred) exprNode()        {}
func (*Tuple) exprNode()          {}
func (*List) exprNode()           {}
func (*Set) exprNode()            {}
func (*Dict) exprNode()           {}
func (*Comprehension) exprNode()  {}
func (*Yield) exprNode()          {}
func (*NamedExpr) exprNode()      {}

func (n *ExprStmt) Position() Pos   { return n.P }
func (n *Assign) Position() Pos     { return n.P }
func (n *AugAssign) Position() Pos  { return n.P }
func (n *AnnAssign) Position() Pos  { return n.P }
func (n *If) Position() Pos         { return n.P }
func (n *While) Position() Pos      { return n.P }
func (n *For) Position() Pos        { return n.P }
func (n *Break) Position() Pos      { return n.P }
func (n *Continue) Position() Pos   { return n.P }
func (n *Pass) Position() Pos       { return n.P }
func (n *Return) Position() Pos     { return n.P }
func (n *FuncDef) Position() Pos    { return n.P }
func (n *ClassDef) Position() Pos   { return n.P }
func (n *Try) Position() Pos        { return n.P }
func (n *Raise) Position() Pos      { return n.P }
func (n *With) Position() Pos       { return n.P }
func (n *Assert) Position() Pos     { return n.P }
func (n *Del) Position() Pos        { return n.P }
func (n *Global) Position() Pos     { return n.P }
func (n *Nonlocal) Position() Pos   { return n.P }
func (n *Import) Position() Pos     { return n.P }
func (n *ImportFrom) Position() Pos { return n.P }

func (*ExprStmt) stmtNode()   {}
func (*Assign) stmtNode()     {}
func (*AugAssign) stmtNode()  {}
func (*AnnAssign) stmtNode()  {}
func (*If) stmtNode()         {}
func (*While) stmtNode()      {}
func (*For) stmtNode()        {}
func (*Break) stmtNode()      {}
func (*Continue) stmtNode()   {}
func (*Pass) stmtNode()       {}
func (*Return) stmtNode()     {}
func (*FuncDef) stmtNode()    {}
func (*ClassDef) stmtNode()   {}
func (*Try) stmtNode()        {}
func (*Raise) stmtNode()      {}
func (*With) stmtNode()       {}
func (*Assert) stmtNode()     {}
func (*Del) stmtNode()        {}
func (*Global) stmtNode()     {}
func (*Nonlocal) stmtNode()   {}
func (*Import) stmtNode()     {}
func (*ImportFrom) stmtNode() {}
