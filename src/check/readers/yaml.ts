import { loadCaseText, type CaseDefaults, type FieldPath, type LoadedCase } from "../../load/index.js";
import { formatPath, valueAt } from "../../load/validate.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../../model/husstil.js";
import { SECTIONS } from "../../model/sections.js";
import { buildViewModel, documentSections } from "../../view/model.js";
import { parseMarkdown } from "../../readers/markdown/parse.js";
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
export function readYaml(bytes: Uint8Array, file: string, defaults?: CaseDefaults, style: HouseStyle = DEFAULT_HOUSE_STYLE): CheckDocument {
  const loaded = loadCaseText(bytes, file, defaults, style);
  const findings = loaded.diagnostics.map(({ file: _file, ...finding }) => finding);
  const valid = loaded.case;
  if (!valid) return emptyDocument(findings);

  // The text fields as the file writes them: the remitted document under `motion:` in a version-1 file.
  const objekt = valid.formatVersion === 1 ? "motion" : "remissobjekt";
  const fieldPath = (field: string): (string | number)[] =>
    field.split(".").map((segment) => (segment === "remissobjekt" ? objekt : segment));
  const sections: Section[] = [];
  const markdownFields = new Set<string>();
  const blocks: TextBlock[] = [];
  // The sentences remiss writes into a section (the introduction of Sammanfattning, the att-satser under
  // Ärendet) are measured with the writer's own, so that LIX and sentence lengths are those of the draft.
  const fieldBlocks: TextBlock[] = [];
  const drafted = new Map(buildViewModel(valid, style).sektioner.map((view) => [view.id, view.data]));
  for (const spec of documentSections(valid, style)) {
    const ownIndex = spec.own ? (valid.egna_avsnitt ?? []).findIndex((e) => sameHeading(e.rubrik, spec.heading)) : -1;
    const path = spec.own ? (ownIndex === -1 ? undefined : ["egna_avsnitt", ownIndex, "text"]) : spec.field ? fieldPath(spec.field) : undefined;
    const value = path ? valueAt(loaded.data, path) : undefined;
    const parts = drafted.get(spec.id);
    if (!path || typeof value !== "string" || spec.id === "forslag-till-beslut") {
      // A section remiss writes itself (Bakgrund, Ärendets beredning, the default förslag): its sentences are
      // measured too, placed at the field that feeds it, else at the remiss.
      if (!parts) continue;
      const feed = (SECTIONS.find((s) => s.id === spec.id)?.feeds ?? []).map(fieldPath).find((p) => valueAt(loaded.data, p) !== undefined);
      const position = loaded.locate(feed ?? ["remiss"]);
      const body = Object.values(parts).flatMap((part) => blocksOf(parseMarkdown(part).children, part, () => position).filter((b) => b.kind !== "heading"));
      sections.push({ spec, position, body });
      continue;
    }
    markdownFields.add(formatPath(path));
    const position = loaded.locate(path);
    const own = blocksOf(parseMarkdown(value).children, value, (offset) => loaded.locateInValue(path, offset));
    const body = parts
      ? Object.entries(parts).flatMap(([name, part]) =>
          WRITERS_PART.has(name) ? own : blocksOf(parseMarkdown(part).children, part, () => position).filter((b) => b.kind !== "heading"),
        )
      : own;
    sections.push({ spec, field: formatPath(path), position, body });
    fieldBlocks.push(...own);
  }
  forEachString(loaded.data, [], (path, value) => {
    if (markdownFields.has(formatPath(path))) return;
    blocks.push(plainBlock(loaded, path, value));
  });
  // Placeholders are looked for in the writer's text only: a generated sentence repeats a field that is reported already.
  blocks.push(...fieldBlocks);

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
    title: valid.remissobjekt.titel.trim(),
    findings,
  };
}

/** The parts of a drafted section that hold the writer's field (the rest is what remiss writes around it). */
const WRITERS_PART = new Set(["text", "beskrivning"]);

function sameHeading(a: string, b: string): boolean {
  const key = (h: string) => h.trim().replace(/\s+/gu, " ").toLocaleLowerCase("sv");
  return key(a) === key(b);
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
