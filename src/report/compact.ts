import type { Diagnostic } from "../diagnostics.js";
import { printableDiagnostic } from "./printable.js";

const SEVERITY = { error: "fel", warning: "varning" } as const;

/**
 * One line per finding, `FILE:LINE:COL: fel: message`, the form compilers
 * use and editors turn into links. Used by `draft`.
 */
export function formatCompact(diagnostics: readonly Diagnostic[]): string {
  diagnostics = diagnostics.map(printableDiagnostic);
  return diagnostics
    .map((d) => `${d.file}:${d.line}:${d.column}: ${SEVERITY[d.severity]}: ${d.message}\n`)
    .join("");
}
