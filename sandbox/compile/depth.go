package compile

// This file defines flowDepth: the most values a code's stack holds, found
// by following every path (as CPython's stackdepth does), so that frames get
// exactly the stack they need.

// flowDepth walks the instructions from the start and from every handler
// (entered with its depth plus the exception) and returns the deepest stack.
func flowDepth(instrs []Instr, handlers []Handler) int {
	depthAt := make([]int, len(instrs)) // depth before each instruction, -1 until reached
	for i := range depthAt {
		depthAt[i] = -1
	}
	var work []int
	reach := func(pc, depth int) {
		if pc < len(instrs) && depth > depthAt[pc] {
			depthAt[pc] = depth
			work = append(work, pc)
		}
	}
	reach(0, 0)
	for _, h := range handlers {
		reach(int(h.Target), int(h.Depth)+1)
	}
	most := 0
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		in := instrs[pc]
		in.Op = Unfused(in.Op) // a run's covered instructions are still in place
		depth := depthAt[pc]
		most = max(most, depth)
		next := depth + effect(in.Op, int(in.Arg))
		most = max(most, next)
		switch in.Op {
		case JUMP:
			reach(int(in.Arg), depth)
		case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
			reach(int(in.Arg), depth-1)
			reach(pc+1, depth-1)
		case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
			reach(int(in.Arg), depth) // the value stays when it jumps
			reach(pc+1, depth-1)
		case FOR_ITER:
			reach(int(in.Arg), depth-1) // exhausted: the iterator is popped
			reach(pc+1, depth+1)
		case RETURN_VALUE, RAISE, RERAISE:
		default:
			reach(pc+1, next)
		}
	}
	return most
}
