#!/usr/bin/env node
// The one place that sets the exit code.
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv);
