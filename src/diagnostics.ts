/**
 * The one shape every problem takes, whether it comes from loading YAML,
 * validating a case or checking a document. Reporters in `src/report/` turn
 * lists of these into text; nothing else prints them.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** The file as the user named it (relative paths stay relative). */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when the problem concerns the whole file or line. */
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. `schema/okand-nyckel` or `sektion/saknas`. */
  rule: string;
  /** Swedish, plain, says what is wrong and what to do. */
  message: string;
}

/** A finding before the engine has added the file name. */
export type Finding = Omit<Diagnostic, "file">;

export function hasErrors(diagnostics: readonly Finding[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: file, line, column, rule, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
