import type { Finding } from "../diagnostics.js";
import type { FieldPath, SourceMap } from "./positions.js";
import { emptyMapping, setOwn } from "./yaml.js";
import { formatPath } from "./validate.js";

/**
 * Characters that must never reach a Word document. XML 1.0 allows no C0
 * control but tab, line feed and carriage return, no U+FFFE or U+FFFF and no
 * lone surrogate; DEL and the C1 controls are allowed but invisible and
 * never meant. Two of them are common in pasted text and have an obvious
 * meaning: U+000B is how Word and PowerPoint store a line break
 * (Shift+Enter), and U+2028/U+2029 are Unicode's line and paragraph
 * separators. Those become a line break in a Markdown field and a space
 * elsewhere, with a warning; every other one is an error.
 */
const LINE_BREAKS = new Set([0x0b, 0x2028, 0x2029]);

function isForbidden(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff;
}

/** U+000B, as messages write a code point. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first character of a string that the loader cleans away (see above), with its offset; undefined when there is none. */
function firstToClean(text: string): { offset: number; code: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { offset: i, code };
    }
    if ((code >= 0xdc00 && code <= 0xdfff) || isForbidden(code) || LINE_BREAKS.has(code)) return { offset: i, code };
  }
  return undefined;
}

/**
 * Every string in the data with the line-break characters replaced and a
 * finding for each field that had any: a warning for line breaks, an error
 * for each other invisible control, where it stands. `isMarkdown` says which fields take
 * Markdown (a hard line break there, a space elsewhere).
 */
export function cleanCharacters(data: unknown, map: SourceMap, isMarkdown: (path: FieldPath) => boolean): { data: unknown; findings: Finding[] } {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === "string") return cleanString(value, path);
    if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, index]));
    if (value !== null && typeof value === "object") {
      const out = emptyMapping();
      for (const [key, item] of Object.entries(value)) setOwn(out, key, visit(item, [...path, key]));
      return out;
    }
    return value;
  };
  const cleanString = (value: string, path: (string | number)[]): string => {
    if (firstToClean(value) === undefined) return value;
    const field = formatPath(path);
    const markdown = isMarkdown(path);
    let out = "";
    let breakAt: { offset: number; code: number } | undefined;
    let breaks = 0;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const pair = code >= 0xd800 && code <= 0xdbff && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        out += value.slice(i, i + 2);
        i++;
      } else if (LINE_BREAKS.has(code)) {
        breakAt ??= { offset: i, code };
        breaks++;
        // A hard break in Markdown, unless the line ends there anyway.
        const lineEnds = i + 1 >= value.length || value[i + 1] === "\n" || value[i + 1] === "\r";
        out += markdown ? (lineEnds ? "" : "\\\n") : " ";
      } else if (isForbidden(code) || (code >= 0xd800 && code <= 0xdfff)) {
        // Each one where it stands: a user removes them all in one go.
        findings.push({
          ...map.locateInValue(path, i),
          severity: "error",
          rule: "schema/styrtecken",
          message: `”${String(path.at(-1))}” innehåller ett osynligt styrtecken, ${codePointName(code)}, som inte kan stå i ett Word-dokument. Ta bort det. (${field})`,
        });
      } else out += value[i];
    }
    if (breakAt) {
      const what = breaks === 1 ? "ett osynligt radbrytningstecken" : `${breaks} osynliga radbrytningstecken`;
      const origin = breakAt.code === 0x0b ? " (så sparar Word en radbrytning gjord med Skift+Retur)" : "";
      const result = markdown ? "en radbrytning" : "ett mellanslag";
      findings.push({
        ...map.locateInValue(path, breakAt.offset),
        severity: "warning",
        rule: "schema/styrtecken",
        message: `”${String(path.at(-1))}” innehåller ${what}, ${codePointName(breakAt.code)}${origin}. Det blev ${result}; skriv om raden om det inte var meningen. (${field})`,
      });
    }
    return out;
  };
  return { data: visit(data, []), findings };
}
