import { formatCount } from "./model/limits.js";

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

/**
 * Findings that say a file cannot be read as what it claims to be: binary,
 * not in a text encoding remiss reads, or a damaged Word document. Like a
 * missing file, such a file is exit 2 (README: "filer som inte går att läsa").
 */
const UNREADABLE_RULES: ReadonlySet<string> = new Set(["fil/binar", "fil/teckenkodning", "fil/docx"]);

export function hasUnreadable(diagnostics: readonly Finding[]): boolean {
  return diagnostics.some((d) => d.severity === "error" && UNREADABLE_RULES.has(d.rule));
}

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

/** More findings of one rule in one file than this are summed up in one more: "… och 2 400 till av samma slag". */
export const MAX_FINDINGS_PER_RULE = 100;

/**
 * At most MAX_FINDINGS_PER_RULE findings of each rule in one file (in the
 * given order), the rest said in one finding at the first of them. A file
 * with 40,000 unknown keys gives a readable report, and reporting stays
 * linear in the input.
 */
export function capPerRule<T extends Finding>(findings: readonly T[]): T[] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  if ([...counts.values()].every((count) => count <= MAX_FINDINGS_PER_RULE)) return [...findings];
  const seen = new Map<string, number>();
  const out: T[] = [];
  for (const finding of findings) {
    const index = (seen.get(finding.rule) ?? 0) + 1;
    seen.set(finding.rule, index);
    if (index <= MAX_FINDINGS_PER_RULE) out.push(finding);
    else if (index === MAX_FINDINGS_PER_RULE + 1) {
      const rest = counts.get(finding.rule)! - MAX_FINDINGS_PER_RULE;
      out.push({ ...finding, message: `… och ${formatCount(rest)} till av samma slag (${finding.rule}) i filen. Rätta de första och kör igen.` });
    }
  }
  return out;
}
