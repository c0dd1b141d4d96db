import type { Diagnostic } from "../diagnostics.js";

/**
 * Text from outside (file names, keys, values, template names) made safe to
 * print to a terminal or a CI log: C0 and C1 control characters, DEL, the
 * Unicode line and paragraph separators and (unless asked to keep them)
 * line breaks are shown escaped, `\u001b`, `\n`. An escape sequence in a
 * key can then neither retitle nor clear the terminal, and a file named
 * "x\n::error file=…" cannot start a line that GitHub Actions would read
 * as a workflow command.
 */
export function printable(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const pattern = options.keepLineBreaks ? CONTROLS_BUT_LINE_BREAKS : CONTROLS;
  if (!pattern.test(text)) return text;
  return text.replace(new RegExp(pattern.source, "gu"), escapeOne);
}

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;

function escapeOne(ch: string): string {
  switch (ch) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}

/** A diagnostic with its file, rule and message printable (see printable). */
export function printableDiagnostic(d: Diagnostic): Diagnostic {
  const file = printable(d.file);
  const message = printable(d.message);
  const rule = printable(d.rule);
  return file === d.file && message === d.message && rule === d.rule ? d : { ...d, file, message, rule };
}
