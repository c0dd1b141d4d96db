/**
 * Exit codes live here and only `bin/remiss.js` (through `src/cli.ts`) sets
 * `process.exitCode`. Everything below returns a code or throws `RemissError`.
 */
export const EXIT_OK = 0;
/** Invalid input, or `check` found errors (or too many warnings). */
export const EXIT_INVALID = 1;
/** Usage errors and files that cannot be read. */
export const EXIT_USAGE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_INVALID | typeof EXIT_USAGE;

/** An error whose Swedish message is fit to show a user as it is. */
export class RemissError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_USAGE,
  ) {
    super(message);
    this.name = "RemissError";
  }
}

/** An unexpected error in a few words for a user: its message, one line, never a stack. */
export function unexpectedDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 200) || "okänt fel";
}
