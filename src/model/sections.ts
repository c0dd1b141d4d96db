/**
 * The one declarative list of the sections of a tjänsteutlåtande. The
 * Markdown template iterates over it, `draft` renders one partial per entry
 * and `check` compares documents against it. No heading is spelled anywhere
 * else in the code.
 */
export interface SectionSpec {
  /** Stable id; also the name of the section's partial template. */
  readonly id: string;
  /** The heading as it stands in the document. */
  readonly heading: string;
  /** A required section must be present, once, in this order, with text. */
  readonly required: boolean;
  /** The case field whose writer's text the section holds, if any. */
  readonly field?: string;
}

export const SECTIONS = [
  { id: "forslag-till-beslut", heading: "Förvaltningens förslag till beslut", required: true, field: "forslag_till_beslut" },
  { id: "sammanfattning", heading: "Sammanfattning", required: true, field: "sammanfattning" },
  { id: "bakgrund", heading: "Bakgrund", required: true },
  { id: "arendet", heading: "Ärendet", required: true, field: "motion.beskrivning" },
  { id: "beredning", heading: "Ärendets beredning", required: true },
  { id: "synpunkter", heading: "Förvaltningens synpunkter och förslag", required: true, field: "synpunkter" },
  { id: "barnrattsanalys", heading: "Barnrättsanalys", required: true, field: "barnrattsanalys" },
  { id: "jamstalldhetsanalys", heading: "Jämställdhetsanalys", required: true, field: "jamstalldhetsanalys" },
  { id: "bilagor", heading: "Bilagor", required: false, field: "bilagor" },
] as const satisfies readonly SectionSpec[];

export type SectionId = (typeof SECTIONS)[number]["id"];

/**
 * The section list with a förvaltning's own required sections (from
 * remiss.config.yaml, `check.avsnitt`): they follow the built-in required
 * ones, in the order given, before the optional trailing ones.
 */
export function withExtraSections(headings: readonly string[]): readonly SectionSpec[] {
  if (headings.length === 0) return SECTIONS;
  const known = new Set(SECTIONS.map((s) => s.heading.toLowerCase()));
  const extra = headings
    .filter((heading) => !known.has(heading.toLowerCase()))
    .map((heading) => ({ id: `egen:${heading}`, heading, required: true }));
  const firstOptional = SECTIONS.findIndex((s) => !s.required);
  return [...SECTIONS.slice(0, firstOptional), ...extra, ...SECTIONS.slice(firstOptional)];
}

export function sectionById(id: SectionId): SectionSpec {
  const found = SECTIONS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown section ${id}`);
  return found;
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
 * In a DOCX, the paragraph styles of the closing sentence and of the
 * signatures: the writer sets them, and `check` ends the sections at them.
 */
export const CLOSING_STYLES = { closing: "Avslutning", signature: "Underskrift" } as const;
