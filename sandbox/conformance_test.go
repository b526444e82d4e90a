package sandbox_test

// This file runs the shared conformance programs (../shared/conformance) that
// the engine already matches, so that none of them regresses. The list grows
// as the engine does; ../shared/conformance/check shows the rest.

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"coroutinetour/sandbox"
)

// passing lists the conformance programs that must match CPython exactly.
var passing = map[string][]string{
	"programs": {
		"v01_gen_next_basic", "v02_gen_send", "v03_gen_throw_close", "v04_gen_return_value",
		"v05_yield_from_delegation", "v06_genexpr", "v07_infinite_pipeline", "v08_gen_state",
		"v09_gen_uncaught_error", "v10_gen_round_robin", "v11_greenlet_switch_args",
		"v12_greenlet_parent_getcurrent", "v13_greenlet_dead", "v14_greenlet_exit_throw",
		"v15_greenlet_error_to_parent", "v16_greenlet_generator", "v17_gevent_spawn_args", "v18_gevent_joinall_timeout",
		"v19_gevent_greenlet_status", "v20_gevent_kill", "v21_gevent_spawn_later", "v22_gevent_timeout",
		"v23_gevent_queue", "v24_gevent_joinable_queue",
		"v25_gevent_event", "v26_gevent_asyncresult", "v27_gevent_pool", "v28_gevent_semaphore",
		"v29_gevent_shared_counter", "v30_gevent_streamserver_echo", "v31_gevent_socket_basics",
		"v34_gevent_uncaught_in_greenlet", "v35_gevent_sleep0_interleave",
		"v32_monkey_sleep_threads", "v33_monkey_lock_queue", "v36_gevent_current_wait", "v37_classes", "v38_exceptions", "v39_formatting", "v40_collections",
		"v41_bytes_str", "v42_uncaught_traceback", "v43_sys_exit", "v44_input_stdin",
	},
	"seed": {
		"s000_01_gevent_foo_bar_ex", "s000_02_crawl_offline", "s003_01_yield_baozi", "s003_02_greenlet_switch",
		"s003_03_gevent_sleep_order", "s003_04_sync_vs_async", "s003_05_crawl_timing_offline", "s003_09_socket_selfcontained",
		"s003_10_socket_threads_selfcontained",
	},
}

var (
	timestampRe = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`)
	addressRe   = regexp.MustCompile(`0x[0-9a-fA-F]+`)
)

// significant keeps the stderr lines an engine must reproduce, as the
// conformance checker does.
func significant(err, name string) []string {
	err = addressRe.ReplaceAllString(timestampRe.ReplaceAllString(err, "<TIMESTAMP>"), "0x<ADDR>")
	own := `File "` + name + `.py"`
	lines := strings.Split(err, "\n")
	var keep []string
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if l[0] != ' ' && l[0] != '\t' {
			keep = append(keep, strings.TrimRight(l, " "))
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(l), own) {
			keep = append(keep, strings.TrimSpace(l))
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "    ") && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "File ") &&
				strings.Trim(lines[i+1], "^~ ") != "" {
				keep = append(keep, "    "+strings.TrimSpace(lines[i+1]))
			}
		}
	}
	return keep
}

func TestConformance(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "conformance")
	if _, err := os.Stat(root); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("../shared/conformance is needed in CI: %v", err)
		}
		t.Skipf("skipping: %s not found (the shared folder sits beside the project)", root)
	}
	for dir, names := range passing {
		for _, name := range names {
			dir, name := dir, name
			t.Run(name, func(t *testing.T) {
				base := filepath.Join(root, dir, name)
				src, err := os.ReadFile(base + ".py")
				if err != nil {
					t.Fatal(err)
				}
				stdin, _ := os.ReadFile(base + ".stdin")
				wantOut, _ := os.ReadFile(base + ".out")
				wantErr, _ := os.ReadFile(base + ".err")
				wantCode := 0
				if c, err := os.ReadFile(base + ".code"); err == nil {
					wantCode, _ = strconv.Atoi(strings.TrimSpace(string(c)))
				}
				var out, errs strings.Builder
				r := sandbox.Start(sandbox.Options{Programs: []sandbox.Program{{Name: name + ".py", Source: string(src), Stdin: string(stdin)}}},
					func(e sandbox.Event) {
						switch e.Kind {
						case sandbox.KindStdout:
							out.WriteString(e.Text)
						case sandbox.KindStderr:
							errs.WriteString(e.Text)
						}
					})
				res := r.Wait()
				if out.String() != string(wantOut) {
					t.Errorf("stdout differs from CPython's\n--- got\n%s--- want\n%s", out.String(), wantOut)
				}
				if res.Exits[0] != wantCode {
					t.Errorf("exit status %d, want %d (%s: %s)", res.Exits[0], wantCode, res.Status, res.Reason)
				}
				if a, b := strings.Join(significant(errs.String(), name), "\n"), strings.Join(significant(string(wantErr), name), "\n"); a != b {
					t.Errorf("stderr differs\n--- got\n%s\n--- want\n%s", a, b)
				}
			})
		}
	}
}

// TestSeedServerAndClient runs the seed's echo servers with their
// interactive clients as one run of two programs, as they were recorded
// with CPython: the server first, the client fed its recorded input.
func TestSeedServerAndClient(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "conformance", "seed")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("../shared/conformance is needed in CI: %v", err)
		}
		t.Skipf("skipping: %s not found", dir)
	}
	for _, pair := range [][2]string{{"s003_06_socket_server", "s003_07_socket_client_input"}, {"s000_04_socket_server", "s000_03_socket_client_input"}} {
		var progs []sandbox.Program
		for _, name := range pair {
			src, err := os.ReadFile(filepath.Join(dir, name+".py"))
			if err != nil {
				t.Fatal(err)
			}
			stdin, _ := os.ReadFile(filepath.Join(dir, name+".stdin"))
			progs = append(progs, sandbox.Program{Name: name + ".py", Source: string(src), Stdin: string(stdin)})
		}
		outs := make([]strings.Builder, 2)
		r := sandbox.Start(sandbox.Options{Programs: progs}, func(e sandbox.Event) {
			if e.Kind == sandbox.KindStdout {
				outs[e.Program].WriteString(e.Text)
			}
		})
		res := r.Wait()
		for i, name := range pair {
			want, _ := os.ReadFile(filepath.Join(dir, name+".out"))
			if outs[i].String() != string(want) {
				t.Errorf("%s: stdout differs\n--- got\n%s--- want\n%s", name, outs[i].String(), want)
			}
		}
		if res.Exits[1] != 1 || res.Exits[0] != -1 || res.Status != sandbox.StatusIdle {
			t.Errorf("%s: exits %v, status %s (%s); want the client to fail with EOFError and the server still waiting",
				pair[0], res.Exits, res.Status, res.Reason)
		}
	}
}

// TestSeedThreadedClient runs the seed's never-ending client of 100 threads
// against its server: it must run (all threads talking) until a limit stops
// it cleanly.
func TestSeedThreadedClient(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "conformance", "seed")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: %s not found", dir)
	}
	var progs []sandbox.Program
	for _, name := range []string{"s003_06_socket_server", "s003_08_socket_client_threads"} {
		src, err := os.ReadFile(filepath.Join(dir, name+".py"))
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, sandbox.Program{Name: name + ".py", Source: string(src)})
	}
	threads := map[string]bool{}
	var out strings.Builder
	r := sandbox.Start(sandbox.Options{Programs: progs, Limits: sandbox.Limits{MaxOutput: 256 << 10}}, func(e sandbox.Event) {
		if e.Kind == sandbox.KindStdout && e.Program == 1 {
			out.WriteString(e.Text)
		}
	})
	res := r.Wait()
	for _, line := range strings.Split(out.String(), "\n") {
		if i := strings.Index(line, "]recv from server: hello"); i > 0 {
			threads[line[:i]] = true
		}
	}
	if res.Status != sandbox.StatusLimit || len(threads) != 100 {
		t.Errorf("status %s (%s), %d threads talked; want a limit to stop it with all 100 threads talking", res.Status, res.Reason, len(threads))
	}
}
