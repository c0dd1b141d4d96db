/**
 * The one declarative list of the sections of a tjänsteutlåtande. The
 * Markdown template iterates over it, `draft` renders one partial per entry
 * and `check` compares documents against it. No heading is spelled anywhere
 * else in the code.
 */
export interface SectionSpec {
  /** Stable id; for a built-in section also the name of its partial template. Own sections: `egen:<heading>`. */
  readonly id: string;
  /** The heading as it stands in the document. */
  readonly heading: string;
  /** A required section must be present, once, with text; in this order unless `ordered` is false. */
  readonly required: boolean;
  /** The case field whose writer's text the section holds, if any. */
  readonly field?: string;
  /** An own section: its text comes from the case's `egna_avsnitt` entry with this heading. */
  readonly own?: boolean;
  /** False for a section that must be there but may stand anywhere (`check.avsnitt`). */
  readonly ordered?: boolean;
  /**
   * The section's text stands without a heading (`- sammanfattning: ""`):
   * the draft marks where it begins (SECTION_MARKER, a bookmark in the
   * DOCX), so that `check` still finds it; `heading` is then only the name
   * messages give it.
   */
  readonly untitled?: boolean;
}

/** A built-in section: what it is fed from, so that a house style that leaves it out can say which fields go unused. */
export interface BuiltinSectionSpec extends SectionSpec {
  /** Case fields that only this section uses. */
  readonly feeds: readonly string[];
}

/** The built-in sections, in the built-in order (Stockholm stad's, as in the reference). */
export const SECTIONS = [
  { id: "forslag-till-beslut", heading: "Förvaltningens förslag till beslut", required: true, field: "forslag_till_beslut", feeds: ["forslag_till_beslut"] },
  { id: "sammanfattning", heading: "Sammanfattning", required: true, field: "sammanfattning", feeds: ["sammanfattning"] },
  { id: "bakgrund", heading: "Bakgrund", required: true, feeds: ["remiss.aven_till"] },
  { id: "arendet", heading: "Ärendet", required: true, field: "remissobjekt.beskrivning", feeds: ["remissobjekt.beskrivning", "remissobjekt.yrkanden"] },
  { id: "beredning", heading: "Ärendets beredning", required: true, feeds: ["beredning"] },
  { id: "synpunkter", heading: "Förvaltningens synpunkter och förslag", required: true, field: "synpunkter", feeds: ["synpunkter"] },
  { id: "barnrattsanalys", heading: "Barnrättsanalys", required: true, field: "barnrattsanalys", feeds: ["barnrattsanalys"] },
  { id: "jamstalldhetsanalys", heading: "Jämställdhetsanalys", required: true, field: "jamstalldhetsanalys", feeds: ["jamstalldhetsanalys"] },
  { id: "bilagor", heading: "Bilagor", required: false, field: "bilagor", feeds: ["bilagor"] },
] as const satisfies readonly BuiltinSectionSpec[];

export type SectionId = (typeof SECTIONS)[number]["id"];

/** The ids of the built-in sections, for messages and "menade du …?". */
export const SECTION_IDS: readonly string[] = SECTIONS.map((s) => s.id);

/** The section an own section follows when its entry does not say (`efter`). */
export const DEFAULT_OWN_SECTION_AFTER = "synpunkter";

/** The id of an own section with this heading. */
export function ownSectionId(heading: string): string {
  return `egen:${heading}`;
}

/** An own section, required unless said otherwise. */
export function ownSection(heading: string, required = true): SectionSpec {
  return { id: ownSectionId(heading), heading, required, own: true };
}

/**
 * The section list with a förvaltning's own required sections (from
 * remiss.config.yaml, `check.avsnitt`): they may stand anywhere, so they
 * follow the list's sections, and are required wherever they stand.
 */
export function withExtraSections(sections: readonly SectionSpec[], headings: readonly string[]): readonly SectionSpec[] {
  const known = new Set(sections.map((s) => s.heading.toLocaleLowerCase("sv")));
  const extra = headings
    .filter((heading) => !known.has(heading.toLocaleLowerCase("sv")))
    .map((heading) => ({ ...ownSection(heading), ordered: false }));
  return extra.length === 0 ? sections : [...sections, ...extra];
}

/**
 * Marks, in the generated Markdown, where the sections end: the closing
 * sentence follows. `check` ends the last section's text there, so an empty
 * last section is seen as empty.
 */
export const CLOSING_MARKER = "<!-- avslutning -->";

/**
 * Marks, in the generated Markdown, where the signatures begin. The DOCX
 * writer lays the paragraphs after it out side by side.
 */
export const SIGNATURES_MARKER = "<!-- underskrifter -->";

/**
 * Marks, in the generated Markdown, where a section without a heading
 * begins (`<!-- avsnitt: sammanfattning -->`): `check` opens the section
 * there as at a heading, and the DOCX writer turns it into a bookmark
 * (SECTION_BOOKMARK_PREFIX + the id) on the section's first paragraph.
 */
export const SECTION_MARKER = (id: string) => `<!-- avsnitt: ${id} -->`;
/** The section id of a section marker, or undefined for any other line. */
export function parseSectionMarker(line: string): string | undefined {
  return /^<!-- avsnitt: ([\p{L}\p{N}_:. -]+?) -->$/u.exec(line.trim())?.[1];
}
export const SECTION_BOOKMARK_PREFIX = "_remiss_avsnitt_";
/** The bookmark that marks where a section without a heading begins in the DOCX (at most 40 characters). */
export function sectionBookmark(id: string): string {
  return `${SECTION_BOOKMARK_PREFIX}${id.replace(/[^\p{L}\p{N}_]/gu, "_")}`.slice(0, 40);
}

/**
 * Marks, in the generated Markdown, where a case field's text begins and
 * ends (`<!-- fält: synpunkter -->` … `<!-- /fält: synpunkter -->`), so that
 * `import` knows which field each block came from; the DOCX writer turns
 * each pair into a bookmark (FIELD_BOOKMARK_PREFIX + the path with `_`).
 * Text outside the markers is the house style's or the case's data.
 */
export const FIELD_MARKER = { open: (path: string) => `<!-- fält: ${path} -->`, close: (path: string) => `<!-- /fält: ${path} -->` } as const;
/** A field marker's path and whether it opens or closes, or undefined for any other line. */
export function parseFieldMarker(line: string): { path: string; open: boolean } | undefined {
  const match = /^<!-- (\/?)fält: ([\p{L}\p{N}_.]+) -->$/u.exec(line.trim());
  return match ? { path: match[2]!, open: match[1] === "" } : undefined;
}
/**
 * The bookmark of a field's paragraph in the DOCX (the `n`th of the field):
 * hidden in Word's list of bookmarks (a leading underscore), at most 40
 * characters, as Word allows.
 */
export const FIELD_BOOKMARK_PREFIX = "_remiss_";
export function fieldBookmark(path: string, n: number): string {
  const suffix = `_${n}`;
  return `${FIELD_BOOKMARK_PREFIX}${path.replace(/\./gu, "_")}`.slice(0, 40 - suffix.length) + suffix;
}
/** A field bookmark's name without its paragraph number: the same for every paragraph of one field. */
export function fieldBookmarkBase(name: string): string {
  return name.replace(/_\d+$/u, "");
}

/**
 * In a DOCX, the paragraph styles of the closing sentence and of the
 * signatures: the writer sets them, and `check` ends the sections at them.
 */
export const CLOSING_STYLES = { closing: "Avslutning", signature: "Underskrift" } as const;
