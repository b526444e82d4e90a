package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCheckHealth(t *testing.T) {
	var status atomic.Int32
	status.Store(http.StatusOK)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(int(status.Load()))
	}))
	defer ts.Close()
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())

	// -addr as the server is usually given it (":PORT", every interface), and explicit hosts
	for _, addr := range []string{":" + port, "0.0.0.0:" + port, "127.0.0.1:" + port} {
		if err := checkHealth(addr); err != nil {
			t.Errorf("checkHealth(%q) = %v, want nil", addr, err)
		}
	}

	status.Store(http.StatusServiceUnavailable)
	if err := checkHealth(":" + port); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("server answering 503: checkHealth = %v, want an error naming 503", err)
	}

	ts.Close()
	if err := checkHealth(":" + port); err == nil {
		t.Error("no server listening: checkHealth = nil, want an error")
	}
	if err := checkHealth("8080"); err == nil {
		t.Error("malformed address: checkHealth = nil, want an error")
	}
}
