// Package compile turns a resolved syntax tree into bytecode for the VM in
// package py: one Code object per module, function, lambda, comprehension and
// class body, each with a line table and an exception table (so no block stack
// is needed at run time).
package compile

// This file defines the opcodes and the Code object.

// Opcode is one VM instruction.
type Opcode uint8

// The opcodes, with stack pictures (before OP after; top of stack on the right).
const (
	NOP         Opcode = iota //   - NOP -
	POP_TOP                   //   x POP_TOP -
	DUP_TOP                   //   x DUP_TOP x x
	DUP_TOP_TWO               // x y DUP_TOP_TWO x y x y
	ROT_TWO                   // x y ROT_TWO y x
	ROT_THREE                 // x y z ROT_THREE z x y
	ROT_FOUR                  // w x y z ROT_FOUR z w x y

	LOAD_CONST    //   - LOAD_CONST<i> consts[i]
	LOAD_FAST     //   - LOAD_FAST<i> locals[i]
	STORE_FAST    //   x STORE_FAST<i> -
	DELETE_FAST   //   - DELETE_FAST<i> -
	LOAD_DEREF    //   - LOAD_DEREF<i> cells[i].value
	STORE_DEREF   //   x STORE_DEREF<i> -
	DELETE_DEREF  //   - DELETE_DEREF<i> -
	LOAD_CLOSURE  //   - LOAD_CLOSURE<i> cells[i]
	LOAD_GLOBAL   //   - LOAD_GLOBAL<name> value
	STORE_GLOBAL  //   x STORE_GLOBAL<name> -
	DELETE_GLOBAL //   - DELETE_GLOBAL<name> -
	LOAD_NAME     //   - LOAD_NAME<name> value        (class body: namespace, globals, builtins)
	STORE_NAME    //   x STORE_NAME<name> -
	DELETE_NAME   //   - DELETE_NAME<name> -
	LOAD_ATTR     //   x LOAD_ATTR<name> x.name
	STORE_ATTR    // v x STORE_ATTR<name> -           (x.name = v)
	DELETE_ATTR   //   x DELETE_ATTR<name> -

	BINARY        // x y BINARY<op> z
	INPLACE       // x y INPLACE<op> z
	UNARY         //   x UNARY<op> y
	COMPARE       // x y COMPARE<op> bool
	BINARY_SUBSCR //   x i BINARY_SUBSCR x[i]
	STORE_SUBSCR  // v x i STORE_SUBSCR -         (x[i] = v)
	DELETE_SUBSCR //   x i DELETE_SUBSCR -
	BUILD_SLICE   // lo hi step BUILD_SLICE slice

	BUILD_TUPLE   // x1..xn BUILD_TUPLE<n> tuple
	BUILD_LIST    // x1..xn BUILD_LIST<n> list
	BUILD_SET     // x1..xn BUILD_SET<n> set
	BUILD_MAP     // k1 v1..kn vn BUILD_MAP<n> dict
	LIST_APPEND   // list ... x LIST_APPEND<depth> list ...   (list is depth below x)
	SET_ADD       // set ... x SET_ADD<depth> set ...
	MAP_ADD       // dict ... k v MAP_ADD<depth> dict ...
	LIST_EXTEND   // list it LIST_EXTEND list
	SET_UPDATE    // set it SET_UPDATE set
	DICT_UPDATE   // dict m DICT_UPDATE<inCall> dict   (inCall: f ** m, f is 3 below m)
	LIST_TO_TUPLE // list LIST_TO_TUPLE tuple
	UNPACK_SEQ    // seq UNPACK_SEQ<n> xn..x1        (x1 on top)
	UNPACK_EX     // seq UNPACK_EX<before|after<<8> ...  (before, a list, after; first on top)
	BUILD_STRING  // s1..sn BUILD_STRING<n> str
	FORMAT_VALUE  // x [spec] FORMAT_VALUE<conv|hasSpec<<8> str

	JUMP                 //   - JUMP<t> -
	POP_JUMP_IF_FALSE    //   x POP_JUMP_IF_FALSE<t> -
	POP_JUMP_IF_TRUE     //   x POP_JUMP_IF_TRUE<t> -
	JUMP_IF_FALSE_OR_POP //   x JUMP_IF_FALSE_OR_POP<t> x | -
	JUMP_IF_TRUE_OR_POP  //   x JUMP_IF_TRUE_OR_POP<t> x | -
	GET_ITER             //   x GET_ITER iter
	FOR_ITER             // iter FOR_ITER<t> iter x   (exhausted: pops iter, jumps to t)

	CALL                // f a1..an CALL<n> result
	CALL_KW             // f a1..an names CALL_KW<n> result   (names: tuple of the last keyword names)
	LOAD_METHOD         // obj LOAD_METHOD<name> f self|NULL   (self: obj when f is a plain method of its type)
	CALL_METHOD         // f self|NULL a1..an CALL_METHOD<n> result   (self, when not NULL, is the first argument)
	CALL_EX             // f args [kwargs] CALL_EX<flags> result   (flags: CallExKw, CallExIterable)
	MAKE_FUNCTION       // [defaults] [kwdefaults] [closure] code MAKE_FUNCTION<flags> fn
	RETURN_VALUE        //   x RETURN_VALUE -
	YIELD_VALUE         //   x YIELD_VALUE sent
	YIELD_FROM          // it x YIELD_FROM it sent | result (done: it popped)
	GET_YIELD_FROM_ITER // x GET_YIELD_FROM_ITER iter

	RAISE       // [exc [cause]] RAISE<n> -      (n=0: re-raise the exception being handled)
	RERAISE     //   exc RERAISE -                 (keeps the traceback)
	POP_EXCEPT  //   - POP_EXCEPT -                (leave an except block)
	CHECK_EXC   // exc type CHECK_EXC exc bool
	SETUP_WITH  //   cm SETUP_WITH exit entered
	WITH_EXCEPT // exit exc WITH_EXCEPT exit exc handled

	IMPORT_NAME          //   - IMPORT_NAME<name> module     (top package for "import a.b")
	IMPORT_FROM          // module IMPORT_FROM<name> module value
	IMPORT_STAR          // module IMPORT_STAR -
	LOAD_BUILD_CLASS     // - LOAD_BUILD_CLASS build_class
	LOAD_ASSERTION_ERROR // - LOAD_ASSERTION_ERROR AssertionError
	SUPER_ZERO           // - SUPER_ZERO super(__class__, first argument)
	LOAD_FAST_SHARED     // - LOAD_FAST_SHARED<i> locals[i]   (an accumulator is read: see accum.go)
	STORE_FAST_SHARED    // x STORE_FAST_SHARED<i> -          (an accumulator is set)

	numOpcodes
)

// CALL_EX flags.
const (
	CallExKw       = 1 // a kwargs dict is on the stack
	CallExIterable = 2 // args is any iterable (f(*x)), not always a tuple
)

// MAKE_FUNCTION flags.
const (
	FnDefaults   = 1
	FnKwDefaults = 2
	FnClosure    = 4
)

// Binary and unary operator codes, for BINARY, INPLACE, UNARY and COMPARE.
const (
	OpAdd = iota
	OpSub
	OpMul
	OpTrueDiv
	OpFloorDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpAnd
	OpOr
	OpXor
	OpMatMul
	OpNeg
	OpPos
	OpInvert
	OpNot
	OpLt
	OpLe
	OpEq
	OpNe
	OpGt
	OpGe
	OpIn
	OpNotIn
	OpIs
	OpIsNot
)

// OperatorSymbols maps operator codes to their Python spelling.
var OperatorSymbols = []string{"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
	"-", "+", "~", "not", "<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"}

// Position is an instruction's source range: Line:Col to EndLine:EndCol
// (exclusive), in characters from 0. Col is -1 when the range is unknown.
type Position struct {
	Line, Col, EndLine, EndCol int32
}

// Instr is one instruction with its argument.
type Instr struct {
	Op  Opcode
	Arg int32
}

// Handler is one exception table entry: an exception raised by an
// instruction in [Start, End) resets the stack to Depth entries and the
// handled-exception stack to ExcDepth entries, pushes the exception and jumps
// to Target. Inner entries come first.
type Handler struct {
	Start, End, Target int32
	Depth, ExcDepth    int32
}

// Code is a compiled function, lambda, comprehension, class body or module.
type Code struct {
	Name     string
	Filename string
	Instrs   []Instr
	Lines    []int32 // source line of each instruction
	// Positions holds the source range of the expression or statement each
	// instruction was made for, as CPython's co_positions does; tracebacks
	// draw their carets from it.
	Positions []Position
	Consts    []any // int64, *big.Int, float64, string, []byte, bool, nil (None), syntax.Ellipsis, *Code, []string (keyword names)
	Names     []string
	// NameValues holds each name boxed once, for the VM's dict keys; shared
	// read-only by every run.
	NameValues []any
	Locals     []string // fast slots, parameters first
	Cells      []string // cells owned by the frame
	Frees      []string // cells captured from the enclosing function
	ArgNames   []string // parameter names: positional, then keyword-only
	NumPos     int      // positional parameters
	VarArgs    bool
	KwArgs     bool
	Generator  bool
	ClassBody  bool
	Handlers   []Handler
	MaxStack   int
	FirstLine  int
	// HeadLine is CPython's co_firstlineno: the first decorator's line, else
	// FirstLine. A generator thrown into before it starts is shown there.
	HeadLine int
	// CellParams maps a cell index to the parameter slot it is initialised from (-1: none).
	CellParams []int
	// PlainArgs: positional parameters only, no cells, not a generator, so
	// a call with exactly NumPos arguments copies them into the locals.
	PlainArgs bool
	// Cache is owned by the VM (constants converted to values).
	Cache any
}
