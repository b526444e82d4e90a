// Command server runs the Coroutine Tour site: the lessons, and every example
// run in the sandboxed engine over a websocket.
//
//	go run ./cmd/server            # http://localhost:8080
//	go run ./cmd/server -h         # the flags and their environment variables
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"coroutinetour/sandbox"
	"coroutinetour/web"
)

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

// shutdownWait bounds a graceful shutdown (Docker waits 10 s before SIGKILL).
const shutdownWait = 9 * time.Second

func main() {
	defAddr := env("ADDR", ":8080")
	if p := os.Getenv("PORT"); p != "" && os.Getenv("ADDR") == "" {
		defAddr = ":" + p
	}
	d := sandbox.DefaultLimits()
	addr := flag.String("addr", defAddr, "address to listen on (env ADDR, or PORT)")
	lessonsDir := flag.String("lessons", env("LESSONS_DIR", ""), "serve the lessons in this directory instead of the embedded ones, reloading on change (env LESSONS_DIR)")
	origins := flag.String("origin", env("ORIGINS", ""), "extra allowed websocket origins, comma-separated, e.g. https://tour.example.org (env ORIGINS); the site's own host is always allowed")
	maxRuns := flag.Int("max-runs", envInt("MAX_RUNS", 16), "runs executing at once (env MAX_RUNS)")
	rate := flag.Int("runs-per-minute", envInt("RUNS_PER_MINUTE", 1200), "runs per minute per client address (env RUNS_PER_MINUTE)")
	steps := flag.Int64("limit-steps", int64(envInt("LIMIT_STEPS", int(d.MaxSteps))), "instructions per run (env LIMIT_STEPS)")
	wall := flag.Duration("limit-wall", envDuration("LIMIT_WALL", d.MaxWall), "real compute time per run (env LIMIT_WALL)")
	mem := flag.Int64("limit-memory", int64(envInt("LIMIT_MEMORY", int(d.MaxMemory))), "accounted bytes per run (env LIMIT_MEMORY)")
	output := flag.Int64("limit-output", int64(envInt("LIMIT_OUTPUT", int(d.MaxOutput))), "output bytes per run (env LIMIT_OUTPUT)")
	virtual := flag.Duration("limit-virtual", envDuration("LIMIT_VIRTUAL", d.MaxVirtual), "virtual time a run may reach (env LIMIT_VIRTUAL)")
	lifetime := flag.Duration("limit-lifetime", envDuration("LIMIT_LIFETIME", d.MaxLifetime), "real time a run may live, input waits included (env LIMIT_LIFETIME)")
	trustProxy := flag.Bool("trust-proxy", os.Getenv("TRUST_PROXY") == "1", "take client addresses from X-Forwarded-For (behind a reverse proxy) (env TRUST_PROXY=1)")
	healthcheck := flag.Bool("healthcheck", false, "ask the server at -addr for /healthz and exit 0 if it answers 200, 1 otherwise (for Docker's HEALTHCHECK)")
	flag.Parse()

	if *healthcheck {
		if err := checkHealth(*addr); err != nil {
			fmt.Fprintln(os.Stderr, "unhealthy:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}

	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	var allowed []string
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			allowed = append(allowed, o)
		}
	}
	srv, err := web.New(web.Config{
		LessonsDir: *lessonsDir, Origins: allowed, MaxRuns: *maxRuns, RunsPerMinute: *rate, TrustProxy: *trustProxy, Logger: log,
		Limits: sandbox.Limits{MaxSteps: *steps, MaxWall: *wall, MaxMemory: *mem, MaxOutput: *output, MaxVirtual: *virtual, MaxLifetime: *lifetime},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "server: cannot start:", err)
		os.Exit(1)
	}
	hs := &http.Server{
		Addr:              *addr,
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// On SIGTERM/SIGINT: stop accepting, tell open websockets ("bye"),
	// stop their runs, and be gone within shutdownWait.
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		<-ctx.Done()
		log.Info("shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
		defer cancel()
		srv.Shutdown()
		hs.Shutdown(sctx) // hijacked websockets are not waited for here...
		conns := make(chan struct{})
		go func() { srv.Wait(); close(conns) }()
		select { // ...but here
		case <-conns:
		case <-sctx.Done():
			log.Warn("shutdown: websockets still open after the deadline")
		}
	}()
	log.Info("serving Coroutine Tour", "addr", *addr, "lessons", len(srv.Course().Lessons))
	if err := hs.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
	<-finished
	log.Info("stopped")
}
