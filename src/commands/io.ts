/**
 * What a command may touch of the outside world. The CLI passes the real
 * process streams; tests can pass collectors. Commands never call
 * `process.exit` and never write to `process.stdout` directly.
 */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The terminal's width, when standard output is one. */
  readonly stdoutColumns?: number;
}

export function processIo(): CommandIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
