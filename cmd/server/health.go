package main

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// checkHealth asks the server listening on addr (as given to -addr, e.g.
// ":8080") for /healthz, and reports whether it answered 200. It lets a
// scratch image's HEALTHCHECK run the binary itself, with no curl or wget.
func checkHealth(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1" // listening on every interface: ask the loopback one
	}
	c := http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("/healthz answered %s", resp.Status)
	}
	return nil
}
