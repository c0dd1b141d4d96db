import type { Diagnostic } from "../diagnostics.js";
import { printableDiagnostic } from "./printable.js";

export interface StylishOptions {
  /** ANSI colours; the command decides (terminal, NO_COLOR, FORCE_COLOR). */
  readonly color: boolean;
  /** How many files were checked, for the line shown when nothing was found. */
  readonly fileCount: number;
  /** Only errors are shown (--quiet): the clean line says "inga fel". */
  readonly quiet?: boolean;
  /** The terminal's width: messages are wrapped to fit it. Undefined: no wrapping. */
  readonly width?: number;
}

const SEVERITY = { error: "fel", warning: "varning" } as const;

/**
 * For people at a terminal: the findings grouped by file, one aligned row
 * each (`  12:1  fel  message  rule`), then a summary line. Diagnostics are
 * shown in the order given; the command sorts them.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  diagnostics = diagnostics.map(printableDiagnostic);
  const paint = painter(options.color);
  if (diagnostics.length === 0) {
    const files = options.fileCount === 1 ? "1 fil" : `${options.fileCount} filer`;
    return `${paint.green(`✔ Inga ${options.quiet ? "fel" : "problem"} i ${files}.`)}\n`;
  }

  let out = "";
  for (const group of groupByFile(diagnostics)) {
    const lineWidth = Math.max(...group.map((d) => (d.line > 0 ? String(d.line).length : 0)));
    const rows = group.map((d) => ({
      position: d.line > 0 ? `${String(d.line).padStart(lineWidth)}:${d.column}` : "",
      d,
    }));
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const severityWidth = Math.max(...group.map((d) => SEVERITY[d.severity].length));
    const ruleWidth = Math.max(...group.map((d) => d.rule.length));
    // The message's column, after "  position  severity  ".
    const messageColumn = 2 + (positionWidth > 0 ? positionWidth + 2 : 0) + severityWidth + 2;
    const room = options.width === undefined ? Infinity : options.width - messageColumn - 2 - ruleWidth;
    const wrapAt = room >= 24 ? room : Infinity;
    const messageWidth = Math.min(wrapAt, Math.max(...group.map((d) => d.message.length)));
    out += `${paint.underline(group[0]!.file)}\n`;
    for (const { position, d } of rows) {
      const severity = SEVERITY[d.severity].padEnd(severityWidth);
      const [first, ...rest] = wrap(d.message, wrapAt);
      const cells = [
        d.severity === "error" ? paint.red(severity) : paint.yellow(severity),
        first!.padEnd(messageWidth),
        paint.dim(d.rule),
      ];
      // A group of whole-file findings has no position column at all.
      if (positionWidth > 0) cells.unshift(paint.dim(position.padEnd(positionWidth)));
      out += `  ${cells.join("  ")}\n`;
      for (const line of rest) out += `${" ".repeat(messageColumn)}${line}\n`;
    }
    out += "\n";
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const summary = `✖ ${diagnostics.length} problem (${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"})`;
  return `${out}${errors > 0 ? paint.boldRed(summary) : paint.boldYellow(summary)}\n`;
}

/** Words into lines of at most `width` characters (a longer word stands alone). */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

function groupByFile(diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return [...groups.values()];
}

export function painter(color: boolean) {
  const code = (open: string, close: string) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    red: code("31", "39"),
    yellow: code("33", "39"),
    green: code("32", "39"),
    dim: code("2", "22"),
    underline: code("4", "24"),
    boldRed: (text: string) => code("1", "22")(code("31", "39")(text)),
    boldYellow: (text: string) => code("1", "22")(code("33", "39")(text)),
  };
}
