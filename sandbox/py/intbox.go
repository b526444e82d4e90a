package py

// This file defines how the VM boxes the ints its arithmetic makes.

import "unsafe"

// A Python int is a Go int in an interface, and Go allocates 8 bytes for
// every int it boxes past 255: a loop of arithmetic spends a third of its time
// there. The VM's hot paths (int arithmetic, range loops) box instead into
// chunks of intChunk ints, one allocation for each chunk.
//
// The interface is built by hand: its type word is int's, its data word
// points into the chunk. That is the layout Go itself gives a boxed int (a
// pointer to an immutable int), and no int in a chunk is ever written after
// it is boxed. A chunk stays alive while any of its ints does, so a chunk is
// small: at worst an int kept alive costs intChunk*8 bytes instead of 16.
const intChunk = 8

// intBoxes hands out boxed ints from the current chunk.
type intBoxes struct {
	chunk *[intChunk]int // nil before the first box
	used  int            // how many of chunk's ints are handed out
}

// eface is the layout of a Go interface value (type word, data word).
type eface struct {
	typ, data unsafe.Pointer
}

// intTypeWord is the type word of an int in an interface.
var intTypeWord = func() unsafe.Pointer {
	var v Value = 1 << 20
	return (*eface)(unsafe.Pointer(&v)).typ
}()

// smallInts backs the boxes of 0 to 255, as Go's own static table does when
// it boxes them (box takes them from here without a call into the runtime).
var smallInts = func() (t [256]int) {
	for i := range t {
		t[i] = i
	}
	return t
}()

// box returns n as a Value. (A chunk pointer and a count, not a slice of the
// chunk's rest: the pointer is written only once per chunk, so boxing costs
// no write barrier check.)
func (b *intBoxes) box(n int) Value {
	if uint(n) < 256 {
		return *(*Value)(unsafe.Pointer(&eface{typ: intTypeWord, data: unsafe.Pointer(&smallInts[n])}))
	}
	if b.used == intChunk || b.chunk == nil {
		b.chunk, b.used = new([intChunk]int), 0
	}
	p := &b.chunk[b.used]
	b.used++
	*p = n
	return *(*Value)(unsafe.Pointer(&eface{typ: intTypeWord, data: unsafe.Pointer(p)}))
}
