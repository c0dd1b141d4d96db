import type { CommandIo } from "../../../src/commands/io.js";

export interface CollectingIo extends CommandIo {
  readonly out: string[];
  readonly err: string[];
}

/** A CommandIo that keeps what a command writes, for runCheck tests without a process. */
export function collectingIo(cwd: string, options: { env?: NodeJS.ProcessEnv; tty?: boolean } = {}): CollectingIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
  };
}
