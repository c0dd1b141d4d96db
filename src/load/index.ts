import type { Diagnostic, Finding } from "../diagnostics.js";
import { MARKDOWN_FIELDS, type Case } from "../model/schema.js";
import { parseMarkdown } from "../render/markdown/parse.js";
import { decodeInput } from "./decode.js";
import { SourceMap, type FieldPath, type Position } from "./positions.js";
import { readInputFile } from "./read.js";
import { formatPath, validateCase, valueAt } from "./validate.js";
import { parseYaml } from "./yaml.js";

export { formatPath } from "./validate.js";
export type { FieldPath, Position } from "./positions.js";

/** A case file after loading: the valid case, or the findings that stop it. */
export interface LoadedCase {
  file: string;
  /** The decoded text (BOM removed, LF line ends). Empty when it could not be decoded. */
  text: string;
  /** Present when the file is valid. */
  case?: Case;
  /** Every problem in the file, in source order. */
  diagnostics: Diagnostic[];
  /** Where a field stands in the file (missing fields: their parent key). */
  locate(path: FieldPath): Position;
  /** Where the character at `offset` of a string field's value stands in the file. */
  locateInValue(path: FieldPath, offset: number): Position;
}

/** Reads and loads a case file; a missing or unreadable file throws RemissError (exit 2). */
export async function loadCaseFile(file: string): Promise<LoadedCase> {
  return loadCaseText(await readInputFile(file), file);
}

/** YAML bytes → a validated case with positions, or every problem found, together. */
export function loadCaseText(input: Uint8Array | string, file: string): LoadedCase {
  const decoded = typeof input === "string" ? decodeInput(new TextEncoder().encode(input)) : decodeInput(input);
  const nowhere = () => ({ line: 1, column: 1 });
  if (!decoded.ok) {
    return { file, text: "", diagnostics: [{ file, ...decoded.finding }], locate: nowhere, locateInValue: nowhere };
  }
  const text = decoded.text.replace(/^\uFEFF/, "");
  const parsed = parseYaml(text);
  const map = new SourceMap(parsed.doc, parsed.lineCounter, text);
  const base = {
    file,
    text,
    locate: (path: FieldPath) => map.locate(path),
    locateInValue: (path: FieldPath, offset: number) => map.locateInValue(path, offset),
  };
  if (parsed.findings.length > 0) return { ...base, diagnostics: toDiagnostics(file, parsed.findings) };

  const validated = validateCase(parsed.data, map);
  const findings = validated.ok ? [] : [...validated.findings];
  findings.push(...markdownHeadingFindings(parsed.data, map));
  const diagnostics = toDiagnostics(file, findings);
  return validated.ok && findings.length === 0 ? { ...base, case: validated.value, diagnostics } : { ...base, diagnostics };
}

/**
 * A level-1 or level-2 heading inside the writer's text would break the
 * document's sections: it is an error at its own line.
 */
function markdownHeadingFindings(data: unknown, map: SourceMap): Finding[] {
  const findings: Finding[] = [];
  for (const path of MARKDOWN_FIELDS) {
    const value = valueAt(data, path);
    if (typeof value !== "string") continue;
    for (const node of parseMarkdown(value).children) {
      if (node.type !== "heading" || node.depth > 2 || node.position?.start.offset === undefined) continue;
      findings.push({
        ...map.locateInValue(path, node.position.start.offset),
        severity: "error",
        rule: "schema/rubrikniva",
        message: `Rubriker på nivå ${node.depth} är förbehållna dokumentets egna avsnitt. Använd ### för en egen rubrik. (${formatPath(path)})`,
      });
    }
  }
  return findings;
}

function toDiagnostics(file: string, findings: readonly Finding[]): Diagnostic[] {
  return findings
    .map((f) => ({ file, ...f }))
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1));
}
