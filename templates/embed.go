// Package templates holds the site's HTML templates, embedded in the binary.
package templates

import "embed"

// FS holds every template.
//
//go:embed *.html
var FS embed.FS
