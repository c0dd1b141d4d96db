import type { Diagnostic } from "../diagnostics.js";

/** One JSON array of `{file, line, column, severity, rule, message}`, for programs. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const list = diagnostics.map(({ file, line, column, severity, rule, message }) => ({
    file,
    line,
    column,
    severity,
    rule,
    message,
  }));
  return `${JSON.stringify(list)}\n`;
}
