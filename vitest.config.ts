import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The bundle's precompiled templates (scripts/build.mjs); the TypeScript compiles them at run time.
    alias: { "remiss:precompiled": fileURLToPath(new URL("tests/support/precompiled.ts", import.meta.url)) },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // One temporary folder for the run, removed at its end (tests/support/temporary-folder.ts).
    globalSetup: ["tests/support/temporary-folder.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
