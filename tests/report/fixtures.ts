import type { Diagnostic } from "../../src/diagnostics.js";

/** Hand-made findings for the reporter tests: two files, both severities, a whole-file finding. */
export const DIAGNOSTICS: Diagnostic[] = [
  { file: "utkast.md", line: 9, column: 1, severity: "error", rule: "sektion/saknas", message: "Ett avsnitt saknas." },
  { file: "utkast.md", line: 120, column: 14, severity: "warning", rule: "text/lix", message: "LIX 63,4." },
  { file: "ärenden/a, b.yaml", line: 0, column: 0, severity: "error", rule: "fil/saknas", message: "Filen finns inte." },
];
