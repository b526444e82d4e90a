// This file defines how engine output is compared with golden outputs
// recorded from CPython (lessons/golden/record normalises the same way).

package lessons

import (
	"regexp"
	"strings"
)

var (
	timestampRe = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`)
	addressRe   = regexp.MustCompile(`0x[0-9a-fA-F]+`)
)

// SignificantStderr returns the stderr lines the engine must reproduce
// exactly: unindented lines (messages, exception lines) and the traceback
// frames of the program's own file with their source lines and the carets
// under them (every lesson example matches CPython's). Timestamps and
// addresses are replaced by placeholders, as the recorder does, and frames
// inside library code are left out because the engine's libraries are not
// CPython's.
func SignificantStderr(stderr, file string) []string {
	stderr = addressRe.ReplaceAllString(timestampRe.ReplaceAllString(stderr, "<TIMESTAMP>"), "0x<ADDR>")
	var keep []string
	lines := strings.Split(stderr, "\n")
	own := `File "` + file + `"`
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if l[0] != ' ' {
			keep = append(keep, strings.TrimRight(l, " "))
		} else if strings.HasPrefix(strings.TrimSpace(l), own) {
			keep = append(keep, strings.TrimSpace(l))
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "    ") && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "File ") &&
				strings.Trim(lines[i+1], "^~ ") != "" {
				keep = append(keep, "    "+strings.TrimSpace(lines[i+1]))
				// and the carets under the source line, as they are
				if i+2 < len(lines) && strings.TrimSpace(lines[i+2]) != "" && strings.Trim(lines[i+2], "^~ ") == "" {
					keep = append(keep, strings.TrimRight(lines[i+2], " "))
				}
			}
		}
	}
	return keep
}
