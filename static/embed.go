// Package static holds the browser code and styles: sources in src/, the
// bundle built by `npm run build` (in this folder) in dist/, embedded here.
package static

import "embed"

// Dist is the built bundle (app.js, app.css).
//
//go:embed dist
var Dist embed.FS
