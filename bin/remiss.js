#!/usr/bin/env node
// The one place that sets the exit code.
import { main } from "../dist/cli.js";

// A reader that stops reading (`remiss draft --stdout x.yaml | head -1`) is no error: end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

process.exitCode = await main(process.argv);
