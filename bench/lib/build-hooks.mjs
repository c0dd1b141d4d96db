// @ts-check
/**
 * Module hooks for building the profiled copy of remiss (see bundle.mjs):
 * registered with `node --import` around scripts/build.mjs, they hand that
 * script esbuild-shim.mjs instead of esbuild, so the build is the project's
 * own, options and all, plus a source map. Nothing else is redirected.
 */
import { register } from "node:module";

register(new URL("./build-resolve.mjs", import.meta.url));
