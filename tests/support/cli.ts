import { spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../src/diagnostics.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/remiss.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would: a new Node process on bin/remiss.js. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // No colours and no wrapping unless a test asks: the output is compared as it stands.
    env: { ...process.env, NO_COLOR: "1", COLUMNS: "", ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** No output a user sees may carry a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|node:internal|Error: .*\n\s+at /.test(text);
}

/** Ctrl-C to a `--watch`, and its exit code; should it not end within 15 s, the test says so instead of hanging. */
export function exitAfterCtrlC(child: ChildProcess): Promise<number | null | string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve("no exit within 15 s of SIGINT");
    }, 15_000);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
    child.kill("SIGINT");
  });
}

/** `remiss check --format json` in a folder: its exit code and findings. A stack trace on stderr fails the test. */
export function checkJson(args: readonly string[], cwd: string): { code: number | null; findings: Diagnostic[] } {
  const result = runCli(["check", "--format", "json", ...args], { cwd });
  if (hasStackTrace(result.stderr)) throw new Error(`check printed a stack trace:\n${result.stderr}`);
  return { code: result.code, findings: JSON.parse(result.stdout) as Diagnostic[] };
}
