import {
  BorderStyle,
  ImageRun,
  LineRuleType,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionPropertiesOptions,
} from "docx";
import { DEFAULT_LABELS, type HouseStyle, type LabelName, type Logo } from "../../model/husstil.js";
import type { FrontMatter } from "./frontmatter.js";
import { NO_BORDERS, STYLE } from "./styles.js";
import { COLORS, cm, pointsToTwips } from "./typography.js";


const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = {
  top: cm(2.5),
  bottom: cm(2.2),
  left: cm(3.5),
  right: cm(3.5),
  header: cm(1.2),
  footer: cm(1.0),
} as const;
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** The right-hand column of the header: "Tjänsteutlåtande / Dnr / datum / Sida". */
const INFO_WIDTH = cm(6);

/** Page geometry in twips. */
export const PAGE = {
  ...A4,
  margin: MARGIN,
  textWidth: TEXT_WIDTH,
  letterheadWidth: TEXT_WIDTH - INFO_WIDTH,
  infoWidth: INFO_WIDTH,
} as const;

export function sectionProperties(): ISectionPropertiesOptions {
  return {
    titlePage: true,
    page: {
      size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
      margin: { ...MARGIN, gutter: 0 },
    },
  };
}

/**
 * Page 1: the logo, the organisation, the förvaltning and its avdelning at
 * the top left; at the top right "Sida 1 (N)", with the document info above
 * it from the front matter when the body has no document info paragraph of
 * its own.
 */
export function firstPageHeader(front: FrontMatter, hasDocumentInfo: boolean, style: HouseStyle): Header {
  const left = [
    ...(style.logotyp ? [logoParagraph(style.logotyp, style.organisation ?? front.forvaltning.namn ?? "", style.etiketter.logotyp)] : []),
    ...(style.organisation ? [letterheadLine(style.organisation, true)] : []),
    letterheadLine(front.forvaltning.namn ?? "", true),
    ...(front.forvaltning.avdelning ? [letterheadLine(front.forvaltning.avdelning)] : []),
  ];
  const labels = style.etiketter;
  const right = hasDocumentInfo
    ? [pageLine(labels)]
    : [...documentInfoLines(front, style.dokument, labels).map((line, index) => letterheadLine(line, index === 0)), pageLine(labels)];
  // Word ends a header with a paragraph; this one also keeps the body a line below the letterhead.
  return new Header({ children: [twoColumns(left, right), letterheadLine("")] });
}

/** Later pages: the Dnr and "Sida N (M)" at the top right. */
export function laterPagesHeader(front: FrontMatter, labels: Readonly<Record<LabelName, string>> = DEFAULT_LABELS): Header {
  const right = [...(front.dnr ? [letterheadLine(`${labels.dnr} ${front.dnr}`)] : []), pageLine(labels)];
  return new Header({ children: [twoColumns([letterheadLine("")], right), letterheadLine("")] });
}

/** "Tjänsteutlåtande", "Dnr …", the date: as the Markdown's metadata block has them. */
function documentInfoLines(front: FrontMatter, label: string, labels: Readonly<Record<LabelName, string>>): string[] {
  return [label, ...(front.dnr ? [`${labels.dnr} ${front.dnr}`] : []), ...(front.datum ? [front.datum] : [])];
}

/** The logo's height on the page, in pixels at 96 dpi (1.5 cm); its width follows, within the letterhead column. */
const LOGO_HEIGHT = 57;

/** The house style's logo at the top left of page 1: an inline image with alt text, above the letterhead's lines. */
function logoParagraph(logo: Logo, alt: string, name: string): Paragraph {
  const maxWidth = Math.floor((PAGE.letterheadWidth / 1440) * 96);
  let width = Math.round((logo.width * LOGO_HEIGHT) / logo.height);
  let height = LOGO_HEIGHT;
  if (width > maxWidth) {
    height = Math.round((height * maxWidth) / width);
    width = maxWidth;
  }
  return new Paragraph({
    style: STYLE.letterhead,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, after: pointsToTwips(6) },
    children: [
      new ImageRun({ type: logo.type, data: logo.data, transformation: { width, height }, altText: { name, description: alt } }),
    ],
  });
}

/**
 * Page 1's foot: the postal address beside "Växel …", e-post and webb, under
 * a hairline. Undefined when the front matter has none of them.
 */
export function firstPageFooter(front: FrontMatter, labels: Readonly<Record<LabelName, string>> = DEFAULT_LABELS): Footer | undefined {
  const { namn, adress, vaxel, epost, webb } = front.forvaltning;
  const address = [...(namn ? [footerLine(namn, true)] : []), ...adress.map((line) => footerLine(line))];
  const contact = [...(vaxel ? [`${labels.vaxel} ${vaxel}`] : []), ...(epost ? [epost] : []), ...(webb ? [webb] : [])].map((line) =>
    footerLine(line),
  );
  if (adress.length === 0 && contact.length === 0) return undefined;
  const rule = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule, space: 4 } as const;
  const half = Math.floor(PAGE.textWidth / 2);
  const cell = (children: Paragraph[]) =>
    new TableCell({
      borders: { ...NO_BORDERS, top: rule },
      margins: { top: pointsToTwips(4), bottom: 0, left: 0, right: 0 },
      width: { size: half, type: WidthType.DXA },
      children: children.length > 0 ? children : [footerLine("")],
    });
  const table = new Table({
    rows: [new TableRow({ children: [cell(address), cell(contact)] })],
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
  return new Footer({ children: [table, footerLine("")] });
}

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      borders: NO_BORDERS,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      width: { size: width, type: WidthType.DXA },
      children,
    });
  return new Table({
    rows: [new TableRow({ children: [cell(left, PAGE.letterheadWidth), cell(right, PAGE.infoWidth)] })],
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: [PAGE.letterheadWidth, PAGE.infoWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

function letterheadLine(text: string, bold = false): Paragraph {
  return new Paragraph({ style: STYLE.letterhead, children: text ? [new TextRun({ text, bold })] : [] });
}

function footerLine(text: string, bold = false): Paragraph {
  return new Paragraph({ style: STYLE.footerAddress, children: text ? [new TextRun({ text, bold })] : [] });
}

/** "Sida N (M)" with real PAGE and NUMPAGES fields, so it stays right when the text changes in Word. */
function pageLine(labels: Readonly<Record<LabelName, string>>): Paragraph {
  return new Paragraph({
    style: STYLE.letterhead,
    children: [
      new TextRun(`${labels.sida} `),
      new TextRun({ children: [PageNumber.CURRENT] }),
      new TextRun(" ("),
      new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
      new TextRun(")"),
    ],
  });
}
