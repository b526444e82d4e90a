// build.mjs bundles static/src into static/dist/app.js and static/dist/app.css.
// Run with `npm run build`; `npm run size` also prints raw and gzip sizes.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

await esbuild.build({
  entryPoints: { app: "src/main.js" },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  outdir: "dist",
  legalComments: "none",
  logLevel: "warning",
});

// A tiny classic script for <head>, run before the first paint.
await esbuild.build({
  entryPoints: { theme: "src/theme-early.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: "dist",
  logLevel: "warning",
});

let total = 0;
for (const name of ["dist/app.js", "dist/app.css", "dist/theme.js"]) {
  const data = readFileSync(name);
  const gz = gzipSync(data, { level: 9 }).length;
  total += gz;
  if (process.argv.includes("--size")) {
    console.log(`${name}: ${data.length} bytes, ${gz} gzip`);
  }
}
if (total > 300 * 1024) {
  console.error(`bundle is ${total} bytes gzip, over the 300 KB budget`);
  process.exit(1);
}
