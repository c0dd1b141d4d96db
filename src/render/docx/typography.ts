/**
 * Every font, size and colour of the DOCX, in one place. Styles, the
 * letterhead and the signature table read these; nothing else names a font
 * or a point size.
 *
 * The fonts are the ones Stockholm stad's Word templates use and that every
 * Word installation has. LibreOffice substitutes the metrically compatible
 * Liberation fonts (Liberation Serif, Sans, Mono), so lines and pages break
 * at the same places there as in Word.
 */
export const FONTS = {
  /** Running text, lists, the metadata block and the signatures. */
  body: "Times New Roman",
  /** Headings, the letterhead, the page header and the address footer. */
  heading: "Arial",
  /** Inline code and code blocks. */
  code: "Courier New",
} as const;

/** Sizes in points. */
export const SIZES = {
  body: 12,
  /** `# ` the title (Heading 1). */
  title: 16,
  /** The paragraph right after the title: "Remiss från …". */
  subtitle: 12,
  /** `## ` the sections (Heading 2). */
  section: 12,
  /** `### ` the writer's own headings (Heading 3). */
  subsection: 12,
  /** `####` and deeper. */
  minorHeading: 11,
  /** Letterhead, "Tjänsteutlåtande / Dnr / datum / Sida" and later pages' header. */
  letterhead: 10,
  /** The metadata block in the body: "Handläggare …", "Till …". */
  metadata: 11,
  /** The address block at the foot of page 1. */
  footer: 8,
  code: 10,
} as const;

/** Exact line heights (points) where lines must line up: the header and the document info. */
export const LINE_HEIGHTS = {
  letterhead: 13,
  footer: 10,
} as const;

/** Colours as RRGGBB. Text is black throughout, as in a printed utlåtande. */
export const COLORS = {
  text: "000000",
  /** The hairline above the address footer and of thematic breaks. */
  rule: "808080",
  link: "0563C1",
  /** Borders of ordinary (not signature) tables. */
  tableBorder: "808080",
} as const;

/** Points → half-points, the unit of `w:sz`. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Points → twentieths of a point (twips), the unit of spacing and line heights. */
export function pointsToTwips(points: number): number {
  return Math.round(points * 20);
}

/** Centimetres → twips. */
export function cm(centimetres: number): number {
  return Math.round((centimetres * 1440) / 2.54);
}
