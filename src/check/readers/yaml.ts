import { loadCaseText, type FieldPath, type LoadedCase } from "../../load/index.js";
import { valueAt } from "../../load/validate.js";
import { MARKDOWN_FIELDS } from "../../model/schema.js";
import { SECTIONS, type SectionSpec } from "../../model/sections.js";
import { parseMarkdown } from "../../render/markdown/parse.js";
import { emptyDocument, type CheckDocument, type DateField, type Section, type TextBlock } from "../document.js";
import { blocksOf } from "./mdast-text.js";

/**
 * A case file (YAML) → CheckDocument. Everything the loader reports
 * (`yaml/…`, `schema/…`, `fil/…`) passes through as it is. When the case is
 * valid, each Markdown text field becomes a section (without a heading: the
 * schema already requires the fields), every other text is a block for the
 * placeholder rule, and the dates come from the case. A finding in a text
 * points at the line of the YAML file where that text stands.
 */
export function readYaml(bytes: Uint8Array, file: string): CheckDocument {
  const loaded = loadCaseText(bytes, file);
  const findings = loaded.diagnostics.map(({ file: _file, ...finding }) => finding);
  const valid = loaded.case;
  if (!valid) return emptyDocument(findings);

  const markdownFields = new Set(MARKDOWN_FIELDS.map((path) => path.join(".")));
  const sections: Section[] = [];
  const blocks: TextBlock[] = [];
  for (const spec of SECTIONS as readonly SectionSpec[]) {
    if (!spec.field || !markdownFields.has(spec.field)) continue;
    const path = spec.field.split(".");
    const value = valueAt(valid, path);
    if (typeof value !== "string") continue;
    const body = blocksOf(parseMarkdown(value).children, value, (offset) => loaded.locateInValue(path, offset));
    sections.push({ spec, field: spec.field, position: loaded.locate(path), body });
  }
  forEachString(valid, [], (path, value) => {
    if (markdownFields.has(path.join("."))) return;
    blocks.push(plainBlock(loaded, path, value));
  });
  blocks.push(...sections.flatMap((s) => s.body));

  const date = (path: FieldPath, value: string | undefined): DateField | undefined =>
    value === undefined ? undefined : { value, ...loaded.locate(path) };
  const datum = date(["datum"], valid.datum);
  const svarSenast = date(["remiss", "svar_senast"], valid.remiss.svar_senast);
  const behandlats = (valid.beredning?.behandlats ?? []).map((item, index) => ({
    ...date(["beredning", "behandlats", index, "datum"], item.datum)!,
    organ: item.organ,
  }));
  return {
    lineUnit: "rad",
    sections,
    blocks,
    dates: { behandlats, ...(datum ? { datum } : {}), ...(svarSenast ? { svarSenast } : {}) },
    findings,
  };
}

/** A one-line text field (a name, a title, an att-sats) as a block. */
function plainBlock(loaded: LoadedCase, path: FieldPath, text: string): TextBlock {
  return { kind: "paragraph", text, at: (offset) => loaded.locateInValue(path, offset) };
}

/** Every string in the case with its path, in the order of the keys. */
function forEachString(node: unknown, path: (string | number)[], visit: (path: FieldPath, value: string) => void): void {
  if (typeof node === "string") visit(path, node);
  else if (Array.isArray(node)) node.forEach((item, index) => forEachString(item, [...path, index], visit));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) forEachString(value, [...path, key], visit);
  }
}
