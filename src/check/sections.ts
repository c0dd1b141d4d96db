import { SECTIONS, type SectionSpec } from "../model/sections.js";
import { normalizeHeading, type CheckDocument, type Heading, type Position, type Section, type TextBlock } from "./document.js";
import { quote } from "./rule.js";

/** The first section of each kind in the section list, in document order (later ones are duplicates). */
export function firstOccurrences(document: CheckDocument): Map<string, Section> {
  const first = new Map<string, Section>();
  for (const section of document.sections) {
    if (section.spec && !first.has(section.spec.id)) first.set(section.spec.id, section);
  }
  return first;
}

/** Whether a section has prose: a paragraph, list item, table cell or code with anything but spaces. */
export function hasText(section: Section): boolean {
  return section.body.some((block) => block.kind !== "heading" && block.text.trim().length > 0);
}

/** A section as messages name it: its heading in quotes, and its YAML field when it has one. */
export function sectionName(section: Section): string {
  const name = quote(section.spec?.heading ?? section.heading?.text ?? "");
  return section.field ? `${name} (${section.field})` : name;
}

/** Whether a comes before b in the document. */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

const SPEC_BY_HEADING = new Map(SECTIONS.map((spec) => [normalizeHeading(spec.heading), spec]));

/** The section a level-2 heading opens, matched against the section list (trimmed, any case). */
export function sectionAt(heading: Heading, body: readonly TextBlock[], sections: readonly SectionSpec[] = SECTIONS): Section {
  const spec =
    sections === SECTIONS
      ? SPEC_BY_HEADING.get(normalizeHeading(heading.text))
      : sections.find((s) => normalizeHeading(s.heading) === normalizeHeading(heading.text));
  return { heading, position: heading, body, ...(spec ? { spec } : {}) };
}

/**
 * A section without a heading, where the draft marks it (SECTION_MARKER in
 * Markdown, a section bookmark in DOCX): the built-in section of that id.
 * Without text there is nothing left of it, so it is missing (sektion/saknas),
 * not empty: undefined.
 */
export function untitledSectionAt(id: string, position: Position, body: readonly TextBlock[]): Section | undefined {
  const spec = SECTIONS.find((s) => s.id === id);
  const section: Section = { position, body, ...(spec ? { spec } : {}) };
  return hasText(section) ? section : undefined;
}

/** The document with its sections matched against another section list (a config's). */
export function withSectionList(document: CheckDocument, sections: readonly SectionSpec[]): CheckDocument {
  if (sections === SECTIONS || !document.outline) return document;
  return {
    ...document,
    sections: document.sections.map((s) => {
      if (s.heading) return sectionAt(s.heading, s.body, sections);
      // A section without a heading keeps its id; the list's entry names it.
      const spec = s.spec && sections.find((x) => x.id === s.spec!.id);
      return spec ? { ...s, spec } : s;
    }),
  };
}
