package py

import (
	"testing"
	"unsafe"
)

// TestObjectSizes keeps the objects a program makes by the hundred thousand
// within the Go size classes their layout was chosen for: a field added
// carelessly would cost every greenlet or dict the next class up.
func TestObjectSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Greenlet", unsafe.Sizeof(Greenlet{}), 96},
		{"Dict", unsafe.Sizeof(Dict{}), 48},
		{"Frame", unsafe.Sizeof(Frame{}), 176},
		{"Object", unsafe.Sizeof(Object{}), 32},
		{"wakeTask", unsafe.Sizeof(wakeTask{}), 48},
		{"Pair", unsafe.Sizeof(Pair{}), 32},
	} {
		if c.size > c.max {
			t.Errorf("%s is %d bytes, over its %d", c.name, c.size, c.max)
		}
	}
}
