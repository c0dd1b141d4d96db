// Builds the CLI: one bundle per command, so that a command loads only what it
// needs and Node does not resolve hundreds of small module files at start-up.
// Type checking is `npm run typecheck` (tsc), separately.
import { rm } from "node:fs/promises";
import { build } from "esbuild";

const outdir = process.env.REMISS_BUILD_DIR ?? "dist";
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["src/cli.ts"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  chunkNames: "chunks/[name]-[hash]",
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __remissRequire } from 'node:module'; const require = __remissRequire(import.meta.url);" },
  logLevel: "warning",
});
