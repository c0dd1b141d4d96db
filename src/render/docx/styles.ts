import { CLOSING_STYLES } from "../../model/sections.js";
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  type ICharacterStyleOptions,
  type ILevelsOptions,
  type ITableBordersOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from "docx";
import { COLORS, FONTS, LINE_HEIGHTS, SIZES, cm, halfPoints, pointsToTwips } from "./typography.js";

/**
 * The style map (pandoc's StyleMap): every paragraph and character style the
 * writer uses, by id. Headings are Word's built-in "heading 1" … "heading 6"
 * with outline levels, so the navigation pane, a table of contents and PDF
 * bookmarks work. The names of the writer's own styles are Swedish, since
 * Word shows them to the user.
 */
export const STYLE = {
  normal: "Normal",
  heading: (depth: number): string => `Heading${Math.min(Math.max(depth, 1), 6)}`,
  subtitle: "Subtitle",
  /** "Tjänsteutlåtande / Dnr / datum" at the top right of page 1 (body text in a frame). */
  documentInfo: "Dokumentuppgifter",
  /** The rest of the metadata block: "Handläggare …", "Till …". */
  metadata: "Arendeuppgifter",
  letterhead: "Brevhuvud",
  footerAddress: "Adressfot",
  signature: CLOSING_STYLES.signature,
  /** The closing sentence before the signatures. */
  closing: CLOSING_STYLES.closing,
  listParagraph: "ListParagraph",
  quote: "Quote",
  code: "Kodblock",
  tableText: "Tabelltext",
  /** docx's built-in style of footnote text. */
  footnoteText: "FootnoteText",
  hyperlink: "Hyperlink",
  inlineCode: "Kod",
} as const;

/** Swedish, for spelling and hyphenation: the document defaults and core.xml's dc:language. */
export const DOCUMENT_LANGUAGE = "sv-SE";

const BODY_AFTER = pointsToTwips(SIZES.body); // one empty line between paragraphs, as in the reference

/** The fonts a document is set in: the house style's, else typography.ts's. */
export type DocumentFonts = { readonly [K in keyof typeof FONTS]: string };

/** Every style of the document, in the given fonts. */
export function documentStyles(fonts: DocumentFonts = FONTS): IStylesOptions {
  const headingRun = (size: number, extra: { italics?: boolean } = {}) => ({
    font: fonts.heading,
    size: halfPoints(size),
    bold: true,
    color: COLORS.text,
    ...extra,
  });

  const headingStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE.heading(1),
      name: "heading 1",
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: headingRun(SIZES.title),
      paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: pointsToTwips(30), after: pointsToTwips(6) } },
    },
    {
      id: STYLE.heading(2),
      name: "heading 2",
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: headingRun(SIZES.section),
      paragraph: { outlineLevel: 1, keepNext: true, keepLines: true, spacing: { before: pointsToTwips(12), after: pointsToTwips(3) } },
    },
    {
      id: STYLE.heading(3),
      name: "heading 3",
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: headingRun(SIZES.subsection, { italics: true }),
      paragraph: { outlineLevel: 2, keepNext: true, keepLines: true, spacing: { before: pointsToTwips(6), after: pointsToTwips(3) } },
    },
    ...[4, 5, 6].map(
      (depth): IParagraphStyleOptions => ({
        id: STYLE.heading(depth),
        name: `heading ${depth}`,
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: headingRun(SIZES.minorHeading, { italics: depth > 4 }),
        paragraph: { outlineLevel: depth - 1, keepNext: true, keepLines: true, spacing: { before: pointsToTwips(6), after: pointsToTwips(2) } },
      }),
    ),
  ];

  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE.normal,
      name: "Normal",
      quickFormat: true,
      paragraph: { spacing: { before: 0, after: BODY_AFTER, line: 240, lineRule: LineRuleType.AUTO } },
    },
    ...headingStyles,
    {
      id: STYLE.subtitle,
      name: "Subtitle",
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: { font: fonts.heading, size: halfPoints(SIZES.subtitle) },
      paragraph: { keepNext: true, spacing: { after: pointsToTwips(18) } },
    },
    {
      id: STYLE.metadata,
      name: "Ärendeuppgifter",
      basedOn: STYLE.normal,
      next: STYLE.normal,
      run: { size: halfPoints(SIZES.metadata) },
      paragraph: { spacing: { after: pointsToTwips(6) } },
    },
    {
      id: STYLE.letterhead,
      name: "Brevhuvud",
      basedOn: STYLE.normal,
      run: { font: fonts.heading, size: halfPoints(SIZES.letterhead) },
      paragraph: { spacing: { line: pointsToTwips(LINE_HEIGHTS.letterhead), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
    {
      // Its lines stand in the letterhead's right-hand column and look like it: the same font and exact line height.
      id: STYLE.documentInfo,
      name: "Dokumentuppgifter",
      basedOn: STYLE.letterhead,
      next: STYLE.metadata,
      paragraph: { spacing: { after: pointsToTwips(SIZES.body) } },
    },
    {
      id: STYLE.footerAddress,
      name: "Adressfot",
      basedOn: STYLE.normal,
      run: { font: fonts.heading, size: halfPoints(SIZES.footer) },
      paragraph: { spacing: { line: pointsToTwips(LINE_HEIGHTS.footer), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
    {
      id: STYLE.closing,
      name: "Avslutning",
      basedOn: STYLE.normal,
      next: STYLE.signature,
      paragraph: { keepNext: true },
    },
    {
      id: STYLE.signature,
      name: "Underskrift",
      basedOn: STYLE.normal,
      paragraph: { keepNext: true, keepLines: true, spacing: { after: 0 } },
    },
    {
      id: STYLE.listParagraph,
      name: "List Paragraph",
      basedOn: STYLE.normal,
      quickFormat: true,
      paragraph: { spacing: { after: pointsToTwips(6) } },
    },
    {
      id: STYLE.quote,
      name: "Quote",
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: { italics: true },
      paragraph: { indent: { left: cm(1), right: cm(1) } },
    },
    {
      id: STYLE.code,
      name: "Kodblock",
      basedOn: STYLE.normal,
      run: { font: fonts.code, size: halfPoints(SIZES.code) },
      paragraph: { indent: { left: cm(0.5) }, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.tableText,
      name: "Tabelltext",
      basedOn: STYLE.normal,
      paragraph: { spacing: { before: pointsToTwips(2), after: pointsToTwips(2) } },
    },
  ];

  const characterStyles: ICharacterStyleOptions[] = [
    {
      id: STYLE.hyperlink,
      name: "Hyperlink",
      run: { color: COLORS.link, underline: {} },
    },
    {
      id: STYLE.inlineCode,
      name: "Kod",
      run: { font: fonts.code, size: halfPoints(SIZES.code) },
    },
  ];

  return {
    default: {
      document: {
        run: {
          font: fonts.body,
          size: halfPoints(SIZES.body),
          color: COLORS.text,
          language: { value: DOCUMENT_LANGUAGE },
        },
        paragraph: { spacing: { before: 0, after: BODY_AFTER } },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

/** The styles in the built-in fonts. */
export const STYLES: IStylesOptions = documentStyles();

/** Fonts of the document theme, for anything (such as a table of contents added in Word) that uses theme fonts. */
export function themeFonts(fonts: DocumentFonts = FONTS): { headings: string; body: string } {
  return { headings: fonts.heading, body: fonts.body };
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
/** Tables that only lay out: the letterhead, the address footer, the signatures. */
export const NO_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** The thematic break: a paragraph with a hairline under it. */
export const RULE_BORDER = {
  bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: COLORS.rule },
} as const;

// --- Numbering -------------------------------------------------------------

/** Indent of a list level's text, and the hanging indent of its number or bullet. */
const LIST_INDENT_STEP = cm(0.63);
const LIST_HANGING = cm(0.63);

export function listTextIndent(level: number): number {
  return LIST_INDENT_STEP * (level + 1);
}

const BULLETS = ["•", "–", "▪"] as const;
/** Nine levels of a bulleted or numbered list; `start` is where each level begins. */
export function listLevels(ordered: boolean, start = 1, fonts: DocumentFonts = FONTS): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level): ILevelsOptions => {
    const paragraph = { indent: { left: listTextIndent(level), hanging: LIST_HANGING } };
    if (!ordered) {
      return {
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % BULLETS.length] ?? "•",
        alignment: AlignmentType.LEFT,
        style: { paragraph, run: { font: fonts.body } },
      };
    }
    // Decimal at every level, as the Markdown writes its numbers ("1.", "2." …).
    return { level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start, alignment: AlignmentType.LEFT, style: { paragraph } };
  });
}
