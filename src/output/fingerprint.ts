import { createHash } from "node:crypto";
import { docxBlocks } from "../import/blocks.js";
import { DocxProblem, readDocxModel, readDocxModelFromParts, type DocxModel } from "../readers/docx/read.js";
import { pendingChanges } from "../readers/docx/resolve.js";

/**
 * A fingerprint of what remiss wrote, kept in the output itself, so that an
 * edit by hand is seen before the next `draft` overwrites it.
 *
 * - Markdown: each part of the file has its own, so that two branches that
 *   change different sections merge without a conflict. The part before
 *   the first section (front matter, letterhead, title) has it as the
 *   front matter's last line (`fingeravtryck: …`); each section (`## `, up
 *   to the next) as the comment line under its heading
 *   (`<!-- fingeravtryck: … -->`). A file in the older form, with only the
 *   front matter's line over the whole file, is read as before.
 * - DOCX: the custom property `RemissFingeravtryck` is a fingerprint of
 *   what the document says, read as `import` reads it (text, emphasis,
 *   lists, headings, tables, footnotes), not of its XML: a word processor
 *   that saves the document again without changing it rewrites the XML,
 *   and that is no hand edit. Tracked changes and comments are.
 */
export const MARKDOWN_KEY = "fingeravtryck";
export const DOCX_PROPERTY = "RemissFingeravtryck";

/** What a file on disk is, seen from its fingerprint. */
export type OutputState = "intact" | "edited" | "unsigned";

export function fingerprint(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 16);
}

const FRONT_LINE = new RegExp(`^${MARKDOWN_KEY}: ([0-9a-f]{16})\\n`, "mu");
const SECTION_LINE = new RegExp(`^<!-- ${MARKDOWN_KEY}: ([0-9a-f]{16}) -->$`, "u");
const sectionLine = (hash: string) => `<!-- ${MARKDOWN_KEY}: ${hash} -->`;

/** Line endings never decide whether a file was edited. */
function lf(text: string): string {
  return text.replace(/\r\n?/gu, "\n");
}

/** The Markdown split where each section begins: the lines of its `## ` heading (outside code fences). */
function parts(markdown: string): string[] {
  const lines = markdown.split("\n");
  const out: string[][] = [[]];
  let fence: string | undefined;
  for (const line of lines) {
    const opens = /^ {0,3}(`{3,}|~{3,})/u.exec(line)?.[1];
    if (fence) {
      if (opens && opens[0] === fence[0] && opens.length >= fence.length) fence = undefined;
    } else if (opens) fence = opens;
    else if (/^## /u.test(line)) out.push([]);
    out.at(-1)!.push(line);
  }
  return out.map((part) => part.join("\n"));
}

/** The Markdown with its fingerprints: the front matter's for the part before the first section, one under each section's heading. */
export function signMarkdown(markdown: string): string {
  const end = markdown.startsWith("---\n") ? markdown.indexOf("\n---\n", 3) : -1;
  if (end === -1) return markdown;
  const [head, ...sections] = parts(markdown);
  const signedHead = `${head!.slice(0, end + 1)}${MARKDOWN_KEY}: ${fingerprint(head!)}\n${head!.slice(end + 1)}`;
  const signed = sections.map((section) => {
    const newline = section.indexOf("\n");
    const heading = newline === -1 ? section : section.slice(0, newline);
    const rest = newline === -1 ? "" : section.slice(newline);
    return `${heading}\n\n${sectionLine(fingerprint(section))}${rest}`;
  });
  return [signedHead, ...signed].join("\n");
}

/** The Markdown without its fingerprint lines: what was signed. */
function unsigned(text: string): { parts: { text: string; recorded?: string }[] } {
  const split = parts(lf(text));
  return {
    parts: split.map((part, index) => {
      if (index === 0) {
        const match = FRONT_LINE.exec(part);
        return match ? { text: part.slice(0, match.index) + part.slice(match.index + match[0].length), recorded: match[1]! } : { text: part };
      }
      const lines = part.split("\n");
      const at = lines.findIndex((line) => SECTION_LINE.test(line));
      if (at === -1) return { text: part };
      const recorded = SECTION_LINE.exec(lines[at]!)![1]!;
      // The line and the blank line signMarkdown put before it.
      const from = at >= 2 && lines[at - 1] === "" ? at - 1 : at;
      lines.splice(from, at - from + 1);
      return { text: lines.join("\n"), recorded };
    }),
  };
}

export function markdownState(text: string): OutputState {
  const { parts: split } = unsigned(text);
  const signedSections = split.slice(1).filter((p) => p.recorded !== undefined).length;
  if (split[0]!.recorded === undefined) return "unsigned";
  if (signedSections === 0) {
    // The older form: one fingerprint over the whole file.
    const whole = lf(text);
    const match = FRONT_LINE.exec(whole)!;
    const rest = whole.slice(0, match.index) + whole.slice(match.index + match[0].length);
    if (fingerprint(rest) === match[1]) return "intact";
    if (split.length === 1) return fingerprint(split[0]!.text) === split[0]!.recorded ? "intact" : "edited";
    return "edited";
  }
  return split.every((part) => part.recorded !== undefined && fingerprint(part.text) === part.recorded) ? "intact" : "edited";
}

/** Two Markdown drafts that say the same once their fingerprints and line endings are set aside. */
export function sameMarkdown(a: string, b: string): boolean {
  const text = (t: string) => unsigned(t).parts.map((p) => p.text).join("\n");
  return text(a) === text(b);
}

/** What a Word document says, as one fingerprint: the blocks `import` reads, with every change accepted. */
export function docxContentFingerprint(model: DocxModel): string {
  return fingerprint(docxBlocks(model, "accept", () => undefined).map((b) => `${b.kind} ${b.depth ?? ""} ${b.key}`).join("\n"));
}

/** The custom.xml part with the fingerprint of what the document says added as the last property. */
export function signCustomXml(customXml: string, parts: ReadonlyMap<string, string | Uint8Array>): string {
  const pids = [...customXml.matchAll(/\spid="(\d+)"/gu)].map((m) => Number(m[1]));
  const pid = Math.max(1, ...pids) + 1;
  const property = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${DOCX_PROPERTY}"><vt:lpwstr>${docxContentFingerprint(readDocxModelFromParts(parts))}</vt:lpwstr></property>`;
  if (customXml.includes("</Properties>")) return customXml.replace("</Properties>", `${property}</Properties>`);
  return customXml.replace(/\/>\s*$/u, `>${property}</Properties>`);
}

function readModel(bytes: Uint8Array): DocxModel | undefined {
  try {
    return readDocxModel(bytes);
  } catch (error) {
    if (error instanceof DocxProblem) return undefined;
    throw error;
  }
}

export function docxState(bytes: Uint8Array): OutputState {
  const model = readModel(bytes);
  if (!model) return "edited";
  const recorded = model.properties.get(DOCX_PROPERTY);
  if (!recorded || !/^[0-9a-f]{16}$/u.test(recorded)) return "unsigned";
  if (pendingChanges(model.paragraphs).length > 0 || model.comments.size > 0) return "edited";
  return docxContentFingerprint(model) === recorded ? "intact" : "edited";
}

/** The fingerprint a DOCX records, for comparing a file with what the YAML gives today. */
export function docxFingerprint(bytes: Uint8Array): string | undefined {
  return readModel(bytes)?.properties.get(DOCX_PROPERTY);
}

/**
 * Whether a Word document on disk says, with its tracked changes accepted,
 * what a new draft says: the case says it too (after `remiss import`), so
 * writing the new draft loses no text. Its comments and the record of its
 * changes stay in the reviewer's copy; `import` has reported them.
 */
export function sameDocx(existing: Uint8Array, draft: Uint8Array): boolean {
  const model = readModel(existing);
  if (!model) return false;
  return docxContentFingerprint(model) === docxFingerprint(draft);
}
