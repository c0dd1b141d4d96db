// @ts-check
/**
 * esbuild as scripts/build.mjs sees it when the bench builds its profiled
 * copy: the same, except that the build of the bundle (the one call with an
 * `outfile`) also writes an external source map, which maps the minified
 * bundle's functions back to their packages. The code is unchanged.
 */
import * as esbuild from "esbuild";

export * from "esbuild";

/** @param {import("esbuild").BuildOptions} options */
export function build(options) {
  return esbuild.build(options.outfile ? { ...options, sourcemap: "external" } : options);
}
