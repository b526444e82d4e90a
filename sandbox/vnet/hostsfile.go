package vnet

// This file defines the text format of `pyrun --hosts FILE`.

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseHosts reads a hosts file: one host per line,
//
//	MATCH LATENCY [status=N] [size=N] [body=TEXT...]
//
// MATCH is a host name or a URL prefix, LATENCY a duration ("120ms", "1.5s",
// "0"), body= takes the rest of the line with \n, \t and \\ unescaped. Blank
// lines and lines starting with # are ignored. Errors name the line.
func ParseHosts(text string) ([]Host, error) {
	var hosts []Host
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || line[0] == '#' {
			continue
		}
		h, err := parseHostLine(line)
		if err != nil {
			return nil, fmt.Errorf("hosts line %d: %s", i+1, err)
		}
		hosts = append(hosts, h)
	}
	return hosts, nil
}

func parseHostLine(line string) (Host, error) {
	var h Host
	body := ""
	hasBody := false
	if i := strings.Index(line, "body="); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
		body, hasBody = line[i+len("body="):], true
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) < 2 {
		return h, fmt.Errorf("want MATCH LATENCY [status=N] [size=N] [body=TEXT]")
	}
	h.Match = f[0]
	if host, _ := splitMatch(h.Match); host == "" {
		return h, fmt.Errorf("no host name in %q", h.Match)
	}
	d, err := time.ParseDuration(f[1])
	if err != nil || d < 0 {
		return h, fmt.Errorf("bad latency %q (write e.g. 120ms or 1.5s)", f[1])
	}
	h.Latency = d
	for _, kv := range f[2:] {
		k, v, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(v)
		switch {
		case !ok:
			return h, fmt.Errorf("want key=value, got %q", kv)
		case k == "status" && err == nil && n >= 100 && n <= 999:
			h.Status = n
		case k == "size" && err == nil && n >= 0 && n <= 16<<20:
			h.Size = n
		default:
			return h, fmt.Errorf("bad option %q", kv)
		}
	}
	if hasBody {
		h.Body = strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\t`, "\t").Replace(body)
	}
	return h, nil
}
