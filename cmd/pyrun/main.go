// Command pyrun runs Python programs in Coroutine Tour's sandboxed engine,
// like python3 runs them: output to the terminal, input from the terminal,
// and CPython's exit status.
//
//	pyrun [flags] FILE.py [FILE2.py ...]
//
// Several files run together as separate programs on one virtual clock (and,
// with the network emulation, one virtual network); the terminal's input
// goes to the last one and each output line is prefixed with its program's name.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"coroutinetour/sandbox"
	"coroutinetour/sandbox/vnet"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pyrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	steps := fs.Int64("steps", -1, "instruction limit (-1: none, like python3; the site uses 20 million)")
	wall := fs.Duration("timeout", 10*time.Minute, "real compute time limit")
	memory := fs.Int64("memory", 4<<30, "accounted memory limit in bytes")
	greenlets := fs.Int("greenlets", 1_000_000, "live greenlets limit (the site allows 1000)")
	timers := fs.Int("timers", 1_000_000, "pending timers limit (the site allows 10000)")
	trace := fs.Bool("trace", false, "print coroutine events (spawn, switch, ...) as JSON lines to stderr")
	outDir := fs.String("out", "", "also write each program's stdout, stderr and exit status to DIR/NAME.out, .err, .code")
	cpuProfile := fs.String("cpuprofile", "", "write a Go CPU profile of the run to FILE (for engine developers)")
	memProfile := fs.String("memprofile", "", "write a Go heap profile to FILE when the run ends: alloc_space shows what the run allocated (for engine developers)")
	hostsFile := fs.String("hosts", "", "add hosts to the simulated internet from FILE: one per line, MATCH LATENCY [status=N] [size=N] [body=TEXT]")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: pyrun [flags] FILE.py [FILE2.py ...]\n\nRuns Python programs in the Coroutine Tour engine, like python3 does.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "pyrun: %v\n", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "pyrun: %v\n", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	// Without -memprofile, no allocation is sampled: the samples' records
	// would only add to the memory a program's run costs.
	runtime.MemProfileRate = 0
	if *memProfile != "" {
		runtime.MemProfileRate = 4096 // finer than the default, to see small objects
		defer writeHeapProfile(*memProfile, stderr)
	}
	var programs []sandbox.Program
	for _, path := range fs.Args() {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "pyrun: can't open file '%s': %v\n", path, err)
			return 2
		}
		programs = append(programs, sandbox.Program{Name: path, Source: string(src)})
	}
	var hosts []sandbox.Host
	if *hostsFile != "" {
		text, err := os.ReadFile(*hostsFile)
		if err != nil {
			fmt.Fprintf(stderr, "pyrun: can't read the hosts file: %v\n", err)
			return 2
		}
		parsed, err := vnet.ParseHosts(string(text))
		if err != nil {
			fmt.Fprintf(stderr, "pyrun: %s: %v\n", *hostsFile, err)
			return 2
		}
		for _, h := range parsed {
			hosts = append(hosts, sandbox.Host(h))
		}
	}
	multi := len(programs) > 1
	outs := make([]strings.Builder, len(programs))
	errs := make([]strings.Builder, len(programs))
	atLineStart := make([]bool, len(programs))
	for i := range atLineStart {
		atLineStart[i] = true
	}
	enc := json.NewEncoder(stderr)
	last := -1 // the program whose output was shown last
	opts := sandbox.Options{Programs: programs, Trace: *trace, Interactive: true, Hosts: hosts,
		Limits: sandbox.Limits{MaxSteps: *steps, MaxWall: *wall, MaxMemory: *memory, MaxGreenlets: *greenlets, MaxTimers: *timers}}
	r := sandbox.Start(opts, func(e sandbox.Event) {
		switch e.Kind {
		case sandbox.KindStdout, sandbox.KindStderr:
			w := stdout
			if e.Kind == sandbox.KindStderr {
				w = stderr
				errs[e.Program].WriteString(e.Text)
			} else {
				outs[e.Program].WriteString(e.Text)
			}
			if !multi {
				io.WriteString(w, e.Text)
				return
			}
			prefix := filepath.Base(programs[e.Program].Name) + ": "
			if last >= 0 && last != e.Program && !atLineStart[last] {
				// another program speaks while this one's line is open (a prompt)
				io.WriteString(w, "\n")
				atLineStart[last] = true
			}
			last = e.Program
			for _, line := range strings.SplitAfter(e.Text, "\n") {
				if line == "" {
					continue
				}
				if atLineStart[e.Program] {
					io.WriteString(w, prefix)
				}
				io.WriteString(w, line)
				atLineStart[e.Program] = strings.HasSuffix(line, "\n")
			}
		default:
			if *trace {
				enc.Encode(e)
			}
		}
	})
	typist := len(programs) - 1 // the terminal's input goes to the last program
	go func() {
		br := bufio.NewReader(stdin)
		for {
			line, err := br.ReadString('\n')
			if line != "" {
				r.Input(typist, line)
			}
			if err != nil {
				r.CloseInput(typist)
				for i := range programs {
					r.CloseInput(i)
				}
				return
			}
		}
	}()
	res := r.Wait()
	if *outDir != "" {
		for i, p := range programs {
			base := filepath.Join(*outDir, strings.TrimSuffix(filepath.Base(p.Name), ".py"))
			os.WriteFile(base+".out", []byte(outs[i].String()), 0o644)
			os.WriteFile(base+".err", []byte(errs[i].String()), 0o644)
			os.WriteFile(base+".code", []byte(fmt.Sprintf("%d\n", res.Exits[i])), 0o644)
		}
	}
	switch res.Status {
	case sandbox.StatusLimit, sandbox.StatusIdle:
		fmt.Fprintf(stderr, "pyrun: stopped: %s\n", res.Reason)
		return 1
	case sandbox.StatusStopped:
		return 130
	}
	if res.Status == sandbox.StatusError && res.ExitCode == 0 {
		fmt.Fprintf(stderr, "pyrun: %s\n", res.Reason)
		return 1
	}
	return res.ExitCode
}

// writeHeapProfile writes the heap profile of everything allocated so far to path.
func writeHeapProfile(path string, stderr io.Writer) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "pyrun: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fmt.Fprintf(stderr, "pyrun: %v\n", err)
	}
}
