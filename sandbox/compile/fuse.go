package compile

// This file defines the superinstructions: one dispatch of the VM loop for a
// run of two or three instructions that everyday code repeats (loading two
// locals, `n - 1`, `i < n` and its jump, `total += x`, a for loop over a range in a function or a module).
//
// Fusing rewrites only the opcode of the run's first instruction; the others
// stay in place, unchanged. So a jump into the middle of a run still finds
// its original instruction, line numbers and exception ranges are untouched,
// and no jump needs renumbering. A superinstruction takes its operands from
// the instructions it covers and does their work only in the common case
// (bound locals, small ints, a range iterator); otherwise the VM runs the
// first instruction as it was (each superinstruction names it) and goes on
// with the next, so every error is raised by the instruction that raises it
// in unfused code.

// Superinstructions. Arg is the first covered instruction's argument; the
// others' arguments are read from the instructions that follow.
const (
	LOAD_FAST_LOAD_FAST   Opcode = numOpcodes + iota // LOAD_FAST a; LOAD_FAST b
	LOAD_FAST_LOAD_CONST                             // LOAD_FAST a; LOAD_CONST c
	FAST_FAST_BINARY                                 // LOAD_FAST a; LOAD_FAST b; BINARY|INPLACE op
	FAST_CONST_BINARY                                // LOAD_FAST a; LOAD_CONST c; BINARY|INPLACE op
	FAST_FAST_COMPARE                                // LOAD_FAST a; LOAD_FAST b; COMPARE op [; POP_JUMP_IF_x t]
	FAST_CONST_COMPARE                               // LOAD_FAST a; LOAD_CONST c; COMPARE op [; POP_JUMP_IF_x t]
	CONST_BINARY                                     // LOAD_CONST c; BINARY|INPLACE op
	BINARY_STORE_FAST                                // BINARY op; STORE_FAST x
	INPLACE_STORE_FAST                               // INPLACE op; STORE_FAST x
	FOR_ITER_STORE_FAST                              // FOR_ITER t; STORE_FAST x
	FOR_ITER_STORE_GLOBAL                            // FOR_ITER t; STORE_GLOBAL x   (a module's loop)

	numAllOpcodes
)

// Unfused is the instruction a superinstruction starts with, which the VM
// runs when the superinstruction's common case does not hold.
func Unfused(op Opcode) Opcode {
	switch op {
	case LOAD_FAST_LOAD_FAST, LOAD_FAST_LOAD_CONST, FAST_FAST_BINARY, FAST_CONST_BINARY,
		FAST_FAST_COMPARE, FAST_CONST_COMPARE:
		return LOAD_FAST
	case CONST_BINARY:
		return LOAD_CONST
	case FOR_ITER_STORE_FAST, FOR_ITER_STORE_GLOBAL:
		return FOR_ITER
	case BINARY_STORE_FAST:
		return BINARY
	case INPLACE_STORE_FAST:
		return INPLACE
	}
	return op
}

// Covered is the number of instructions a superinstruction stands for (1 for
// a plain instruction). The compare superinstructions may also take the
// conditional jump after them; the VM checks for it at run time.
func Covered(op Opcode) int {
	switch op {
	case LOAD_FAST_LOAD_FAST, LOAD_FAST_LOAD_CONST, CONST_BINARY, BINARY_STORE_FAST, INPLACE_STORE_FAST, FOR_ITER_STORE_FAST, FOR_ITER_STORE_GLOBAL:
		return 2
	case FAST_FAST_BINARY, FAST_CONST_BINARY, FAST_FAST_COMPARE, FAST_CONST_COMPARE:
		return 3
	}
	return 1
}

// fusion is one pattern: the opcodes of a run and its superinstruction.
type fusion struct {
	ops   []Opcode
	super Opcode
}

// fusions lists the patterns. In the middle or at the end of a run, BINARY
// stands for INPLACE too: the two differ only for objects with in-place
// methods, never on the fast path.
var fusions = []fusion{
	{[]Opcode{LOAD_FAST, LOAD_FAST, BINARY}, FAST_FAST_BINARY},
	{[]Opcode{LOAD_FAST, LOAD_CONST, BINARY}, FAST_CONST_BINARY},
	{[]Opcode{LOAD_FAST, LOAD_FAST, COMPARE}, FAST_FAST_COMPARE},
	{[]Opcode{LOAD_FAST, LOAD_CONST, COMPARE}, FAST_CONST_COMPARE},
	{[]Opcode{LOAD_FAST, LOAD_FAST}, LOAD_FAST_LOAD_FAST},
	{[]Opcode{LOAD_FAST, LOAD_CONST}, LOAD_FAST_LOAD_CONST},
	{[]Opcode{LOAD_CONST, BINARY}, CONST_BINARY},
	{[]Opcode{BINARY, STORE_FAST}, BINARY_STORE_FAST},
	{[]Opcode{INPLACE, STORE_FAST}, INPLACE_STORE_FAST},
	{[]Opcode{FOR_ITER, STORE_FAST}, FOR_ITER_STORE_FAST},
	{[]Opcode{FOR_ITER, STORE_GLOBAL}, FOR_ITER_STORE_GLOBAL},
}

// matches reports whether the pattern's opcodes start at instrs[i].
func (f *fusion) matches(instrs []Instr, i int) bool {
	if i+len(f.ops) > len(instrs) {
		return false
	}
	for k, want := range f.ops {
		got := instrs[i+k].Op
		if got == INPLACE && k > 0 {
			got = BINARY
		}
		if got != want {
			return false
		}
	}
	// only operators with an int fast path are worth it
	for k, want := range f.ops {
		arg := instrs[i+k].Arg
		switch {
		case want == COMPARE && arg > OpGe,
			(want == BINARY || want == INPLACE) && !intFastOp(int(arg)):
			return false
		}
	}
	return true
}

// intFastOp reports whether a binary operator has a fast path for two small
// ints in the VM.
func intFastOp(op int) bool {
	switch op {
	case OpAdd, OpSub, OpMul, OpFloorDiv, OpMod, OpAnd, OpOr, OpXor:
		return true
	}
	return false
}

// fuse rewrites the first instruction of each run worth fusing. Runs are
// chosen to take the fewest dispatches along straight-line code (a dynamic
// program from the end); a run may begin inside another, for code that
// jumps there.
func fuse(instrs []Instr) {
	n := len(instrs)
	cost := make([]int, n+1) // dispatches from instruction i to the end
	best := make([]Opcode, n)
	for i := n - 1; i >= 0; i-- {
		cost[i], best[i] = 1+cost[i+1], instrs[i].Op
		for k := range fusions {
			f := &fusions[k]
			if f.matches(instrs, i) && 1+cost[i+len(f.ops)] < cost[i] {
				cost[i], best[i] = 1+cost[i+len(f.ops)], f.super
			}
		}
	}
	for i := range instrs {
		instrs[i].Op = best[i]
	}
}
