/**
 * What remiss reads at most. Each limit is far above any real
 * tjänsteutlåtande (the reference case is 9 KB, its DOCX 14 KB, its
 * document.xml 60 KB) and low enough that the largest allowed input is
 * drafted or checked in seconds with bounded memory. Crossing one is a
 * Swedish error, never a crash; the README's "Gränser" lists them, and
 * tests/cli/limits.test.ts tries each at the limit and just over it.
 */
export const LIMITS = {
  /** A case file (YAML). */
  caseBytes: 1024 * 1024,
  /** remiss.config.yaml. */
  configBytes: 256 * 1024,
  /** A remitted document or a remittent's letter read by `init --fran` (PDF, DOCX, text). */
  sourceBytes: 50 * 1024 * 1024,
  /** Pages of a remitted PDF that `init --fran` reads: what it fills in stands on the first pages. */
  sourcePages: 60,
  /** Text `init --fran` takes from a remitted document, in characters: a case's text holds at most fieldChars. */
  sourceChars: 150_000,
  /** A remitted PDF's compressed streams once inflated, all together (a Flate bomb stops here). */
  sourceInflatedBytes: 128 * 1024 * 1024,
  /** A Markdown draft read by check. */
  markdownBytes: 2 * 1024 * 1024,
  /** A Word document read by check (images included). */
  docxBytes: 50 * 1024 * 1024,
  /** Characters in one text of a case (the reference's longest is about 3,000). */
  fieldChars: 200_000,
  /** Items in one YAML list (yrkanden, bilagor, underskrifter). */
  yamlListItems: 1000,
  /** The text of a case once its aliases (*namn) are written out: bytes, not only aliases, are counted. */
  expandedChars: 2_000_000,
  /** Levels of mappings and lists inside each other in a YAML file (a case uses 4). */
  yamlDepth: 16,
  /** Block quotes and lists inside each other in Markdown (counted from a line's markers and indentation). */
  markdownDepth: 16,
  /** List items in one Markdown text: each becomes paragraphs and numbering in the Word document. */
  markdownListItems: 2000,
  /** `[` in one paragraph (links, footnote references): the Markdown parser's time grows with their square. */
  markdownBrackets: 100,
  /** `[` in one Markdown text (a draft, or a field of a case): each costs the parser time and memory. */
  markdownBracketsTotal: 5000,
  /** Entries in a DOCX's zip (a Word document has about 20). */
  docxEntries: 1000,
  /** One XML part of a DOCX once inflated (document.xml, styles.xml, custom.xml). */
  docxPartBytes: 8 * 1024 * 1024,
  /** Paragraphs in a DOCX (table cells included). */
  docxParagraphs: 50_000,
} as const;

/** A count as Swedish writes it: 2000 → "2 000". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, " ");
}

/** A size in Swedish: "1 MB", "256 kB", "3,2 MB". */
export function formatBytes(bytes: number): string {
  const swedish = (value: number) => String(Math.round(value * 10) / 10).replace(".", ",");
  if (bytes >= 1024 * 1024) return `${swedish(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${swedish(bytes / 1024)} kB`;
  return `${bytes} byte`;
}

/** "filen är 3,2 MB, men ett ärende får vara högst 1 MB. …": why a file that is too large is not read (lower case, after "FILE: "). */
export function tooLarge(size: number, limit: number, what: string): string {
  return `filen är ${formatBytes(size)}, men ${what} får vara högst ${formatBytes(limit)}. Kontrollera att det är rätt fil; dela annars upp texten.`;
}
