package compile

// This file defines how the compiler marks accumulators: fast locals that a
// function updates with `x += e` or `x -= e`.
//
// The VM adds into a big int in place when the local holding it is the only
// reference to it (a running total past 2**63 then allocates nothing per
// step). The frame owns the accumulator's int from the update that made it
// until anything else reads or sets that local, so every other load and store
// of an accumulator is a LOAD_FAST_SHARED or STORE_FAST_SHARED, which ends
// the ownership. The update's own load and store stay LOAD_FAST and
// STORE_FAST: between the two, the value lives only on the stack.

// MaxAccumulator bounds the locals that can be accumulators: the frame keeps
// the one it owns in an int16.
const MaxAccumulator = 1<<15 - 2

// markShared rewrites the other loads and stores of the accumulators.
// updates lists the updates' own loads and stores (instruction indexes).
func markShared(instrs []Instr, updates []int) {
	if len(updates) == 0 {
		return
	}
	acc := map[int32]bool{}
	own := map[int]bool{}
	for _, pc := range updates {
		if instrs[pc].Op == LOAD_FAST && instrs[pc].Arg <= MaxAccumulator {
			acc[instrs[pc].Arg] = true
		}
		own[pc] = true
	}
	for pc, in := range instrs {
		if !acc[in.Arg] || own[pc] {
			continue
		}
		switch in.Op {
		case LOAD_FAST:
			instrs[pc].Op = LOAD_FAST_SHARED
		case STORE_FAST:
			instrs[pc].Op = STORE_FAST_SHARED
		}
	}
}
