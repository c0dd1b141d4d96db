import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";

/**
 * A fingerprint of what remiss wrote, kept in the output itself, so that an
 * edit by hand is seen before the next `draft` overwrites it: the Markdown's
 * front matter has `fingeravtryck:` (a hash of the rest of the file), the
 * DOCX the custom property `RemissFingeravtryck` (a hash of its
 * word/document.xml, which any save in Word rewrites).
 */
export const MARKDOWN_KEY = "fingeravtryck";
export const DOCX_PROPERTY = "RemissFingeravtryck";

/** What a file on disk is, seen from its fingerprint. */
export type OutputState = "intact" | "edited" | "unsigned";

export function fingerprint(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 16);
}

const MARKDOWN_LINE = new RegExp(`^${MARKDOWN_KEY}: ([0-9a-f]{16})\\n`, "mu");

/** The Markdown with its fingerprint as the front matter's last line (none without a front matter). */
export function signMarkdown(markdown: string): string {
  const end = markdown.startsWith("---\n") ? markdown.indexOf("\n---\n", 3) : -1;
  if (end === -1) return markdown;
  return `${markdown.slice(0, end + 1)}${MARKDOWN_KEY}: ${fingerprint(markdown)}\n${markdown.slice(end + 1)}`;
}

export function markdownState(text: string): OutputState {
  const match = MARKDOWN_LINE.exec(text);
  if (!match) return "unsigned";
  const unsigned = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  return fingerprint(unsigned) === match[1] ? "intact" : "edited";
}

/** The custom.xml part with the fingerprint of document.xml added as the last property. */
export function signCustomXml(customXml: string, documentXml: string): string {
  const pids = [...customXml.matchAll(/\spid="(\d+)"/gu)].map((m) => Number(m[1]));
  const pid = Math.max(1, ...pids) + 1;
  const property = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${DOCX_PROPERTY}"><vt:lpwstr>${fingerprint(documentXml)}</vt:lpwstr></property>`;
  if (customXml.includes("</Properties>")) return customXml.replace("</Properties>", `${property}</Properties>`);
  return customXml.replace(/\/>\s*$/u, `>${property}</Properties>`);
}

export function docxState(bytes: Uint8Array): OutputState {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" || file.name === "docProps/custom.xml" });
  } catch {
    return "edited";
  }
  const custom = parts["docProps/custom.xml"];
  const document = parts["word/document.xml"];
  const recorded = custom ? new RegExp(`name="${DOCX_PROPERTY}"><vt:lpwstr>([0-9a-f]{16})<`, "u").exec(strFromU8(custom))?.[1] : undefined;
  if (!recorded) return "unsigned";
  return document && fingerprint(document) === recorded ? "intact" : "edited";
}

/** The fingerprint a DOCX records, for comparing a file with what the YAML gives today. */
export function docxFingerprint(bytes: Uint8Array): string | undefined {
  try {
    const custom = unzipSync(bytes, { filter: (file) => file.name === "docProps/custom.xml" })["docProps/custom.xml"];
    return custom ? new RegExp(`name="${DOCX_PROPERTY}"><vt:lpwstr>([0-9a-f]{16})<`, "u").exec(strFromU8(custom))?.[1] : undefined;
  } catch {
    return undefined;
  }
}
