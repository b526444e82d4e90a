package py

import (
	"runtime"
	"testing"
)

// TestIntBoxes: an int boxed in a chunk is an ordinary boxed int to Go (type
// switches, ==, map keys) and survives garbage collection while its chunk
// mates are gone.
func TestIntBoxes(t *testing.T) {
	var b intBoxes
	kept := map[Value]int{}
	var keep []Value
	for n := -1000; n < 100_000; n += 7 {
		v := b.box(n)
		if n%91 == 0 {
			keep = append(keep, v)
			kept[v] = n
		}
	}
	runtime.GC()
	for i := 0; i < 1000; i++ {
		b.box(1 << 40) // reuse memory freed by the collection, if any
	}
	runtime.GC()
	for _, v := range keep {
		n, ok := v.(int)
		if !ok || kept[v] != n || v != Value(n) {
			t.Fatalf("boxed %v (%T) lost its value", v, v)
		}
	}
	if len(kept) != len(keep) {
		t.Fatalf("%d distinct keys, want %d", len(kept), len(keep))
	}
	if allocs := testing.AllocsPerRun(1000, func() { b.box(1 << 30) }); allocs > 1.0/intChunk+0.01 {
		t.Errorf("%.2f allocations per boxed int, want at most 1/%d", allocs, intChunk)
	}
}
