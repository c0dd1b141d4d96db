import type { Diagnostic } from "../diagnostics.js";
import { printableDiagnostic } from "./printable.js";

/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=F,line=L,col=C,title=RULE::message`. GitHub shows them as
 * annotations on the lines of the pull request. A finding about a whole
 * file (line 0) has no line or column.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  diagnostics = diagnostics.map(printableDiagnostic);
  return diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(d.file)}`];
      if (d.line > 0) properties.push(`line=${d.line}`);
      if (d.line > 0 && d.column > 0) properties.push(`col=${d.column}`);
      properties.push(`title=${escapeProperty(d.rule)}`);
      return `::${d.severity} ${properties.join(",")}::${escapeData(d.message)}\n`;
    })
    .join("");
}

/** The message part: %, CR and LF escaped as GitHub's runner reads them. */
export function escapeData(text: string): string {
  return text.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
}

/** A property value: as data, and also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, "%3A").replace(/,/gu, "%2C");
}
