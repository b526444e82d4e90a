package py

// Benchmarks of the interpreter's hot paths. Each runs a small program whose
// loop repeats the measured operation b.N times, so ns/op is per operation
// (plus one loop iteration). Compare with ../shared/bench/compare for CPython.

import (
	"strconv"
	"strings"
	"testing"
)

func benchProgram(b *testing.B, src string) {
	b.Helper()
	src = strings.ReplaceAll(src, "N", strconv.Itoa(b.N))
	code, err := Compile("bench.py", src)
	if err != nil {
		b.Fatal(err)
	}
	var clock int64
	env := &Env{Filename: "bench.py", Clock: &clock, MaxDepth: 1000,
		Write:    func(string, string, int, int) error { return nil },
		ReadLine: func(string) (string, bool, error) { return "", false, nil }}
	th := NewThread(env, src)
	b.ResetTimer()
	if exit, halt := th.RunModule(code); exit != 0 || halt != nil {
		b.Fatalf("exit %d, %v", exit, halt)
	}
}

func BenchmarkLoop(b *testing.B) {
	benchProgram(b, "def run():\n    t = 0\n    for i in range(N):\n        t += i\nrun()\n")
}

// BenchmarkBigTotal is a running total past 2**63, updated in place.
func BenchmarkBigTotal(b *testing.B) {
	benchProgram(b, "def run():\n    t = 2**64\n    for i in range(N):\n        t += i\nrun()\n")
}

func BenchmarkCall(b *testing.B) {
	benchProgram(b, "def f(x):\n    return x\ndef run():\n    for i in range(N):\n        f(i)\nrun()\n")
}

func BenchmarkAttribute(b *testing.B) {
	benchProgram(b, "class A:\n    def __init__(self):\n        self.x = 1\ndef run():\n    a = A()\n    for i in range(N):\n        a.x\nrun()\n")
}

func BenchmarkMethodCall(b *testing.B) {
	benchProgram(b, "class A:\n    def m(self):\n        return 1\ndef run():\n    a = A()\n    for i in range(N):\n        a.m()\nrun()\n")
}

func BenchmarkGeneratorResume(b *testing.B) {
	benchProgram(b, "def g():\n    while True:\n        yield 1\ndef run():\n    it = g()\n    for i in range(N):\n        next(it)\nrun()\n")
}

func BenchmarkGeneratorSend(b *testing.B) {
	benchProgram(b, "def g():\n    x = 0\n    while True:\n        x = yield x\ndef run():\n    it = g()\n    next(it)\n    for i in range(N):\n        it.send(i)\nrun()\n")
}

func BenchmarkGreenletSwitch(b *testing.B) {
	benchProgram(b, "from greenlet import greenlet\ndef pong():\n    while True:\n        main.switch()\nmain = greenlet.getcurrent()\np = greenlet(pong)\ndef run():\n    for i in range(N):\n        p.switch()\nrun()\n")
}

func BenchmarkGeventSpawnJoin(b *testing.B) {
	benchProgram(b, "import gevent\ndef f():\n    pass\ngevent.joinall([gevent.spawn(f) for i in range(N)])\n")
}

func BenchmarkGeventSleepTimers(b *testing.B) {
	// in batches of 1,000: a run may have at most 10,000 timers pending
	benchProgram(b, "import gevent\ndef f(i):\n    gevent.sleep((i * 7919 % 1000) / 1000)\nfor k in range(0, N, 1000):\n    gevent.joinall([gevent.spawn(f, i) for i in range(k, min(k + 1000, N))])\n")
}
