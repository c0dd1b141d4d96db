import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { PhrasingContent, Table as MdastTable } from "mdast";
import { blockContext, paragraphMark, withEnv, type Context, type RevisionKind, type Revisions } from "./context.js";
import { renderInlines } from "./inlines.js";
import { PAGE } from "./page.js";
import { NO_BORDERS, STYLE } from "./styles.js";
import { COLORS, pointsToTwips } from "./typography.js";

/** One signatory: the lines of its paragraph (name, title, förvaltning), each a list of inline nodes. */
export type Signatory = readonly (readonly PhrasingContent[])[];

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 } as const;

/** Space above the first row of signatures, and between rows. */
const SIGNATURE_GAP = pointsToTwips(36);

/**
 * The signatures: one signatory as plain paragraphs; two or more side by
 * side, two to a row, in a borderless table (with a caption for screen
 * readers, added when the package is made): name over title over
 * förvaltning. A third signatory starts a second row. Every line keeps with
 * the next, so the closing sentence, the signatures and Bilagor stay on one
 * page.
 */
export function signatures(
  signatories: readonly Signatory[],
  context: Context,
  /** `remiss diff`: each signatory's change, and the node whose `data.mark` its last line's mark follows. */
  tracked: { revisions: readonly (RevisionKind | undefined)[]; marks: readonly { data?: unknown }[] } = { revisions: [], marks: [] },
): (Paragraph | Table)[] {
  if (signatories.length === 0) return [];
  const own = (index: number) => {
    const revision = tracked.revisions[index];
    return revision ? withEnv(context, { revision }) : context;
  };
  if (signatories.length === 1) return signatureParagraphs(signatories[0]!, own(0), tracked.marks[0]);
  const columnWidth = Math.floor(PAGE.textWidth / 2);
  const rows: TableRow[] = [];
  for (let index = 0; index < signatories.length; index += 2) {
    const pair = [signatories[index], signatories[index + 1]];
    // A row whose signatories are all inserted (or all deleted) is an inserted (deleted) row.
    const kinds = new Set(pair.map((signatory, offset) => (signatory ? tracked.revisions[index + offset] : undefined)).filter((kind, offset) => kind || pair[offset]));
    const rowKind = kinds.size === 1 ? [...kinds][0] : undefined;
    rows.push(
      new TableRow({
        cantSplit: true,
        ...rowRevision(rowKind, context),
        children: pair.map(
          (signatory, offset) =>
            new TableCell({
              borders: NO_BORDERS,
              margins: { ...NO_MARGINS, right: pointsToTwips(6) },
              width: { size: columnWidth, type: WidthType.DXA },
              children: signatureParagraphs(signatory ?? [], own(index + offset), { data: { mark: "none" } }),
            }),
        ),
      }),
    );
  }
  return [
    new Table({
      rows,
      width: { size: columnWidth * 2, type: WidthType.DXA },
      columnWidths: [columnWidth, columnWidth],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
    }),
  ];
}

/** `last`: whose `data.mark` the last line's mark follows (in a cell, none: a cell keeps its last paragraph). */
function signatureParagraphs(signatory: Signatory, context: Context, last?: { data?: unknown }): Paragraph[] {
  // An empty cell still needs one paragraph, and carries the gap above the row.
  const lines = signatory.length > 0 ? signatory : [[]];
  return lines.map(
    (line, index) =>
      new Paragraph({
        style: STYLE.signature,
        ...(index === 0 ? { spacing: { before: SIGNATURE_GAP } } : {}),
        ...paragraphMark(context, index === lines.length - 1 ? last : undefined),
        children: renderInlines(line, context),
      }),
  );
}

/** A table row inserted or deleted (`w:trPr/w:ins`, `w:del`), when the document shows changes. */
function rowRevision(kind: RevisionKind | undefined, context: Context): { insertion?: ReturnType<Revisions["next"]>; deletion?: ReturnType<Revisions["next"]> } {
  const { revisions } = context.state;
  if (!revisions || !kind) return {};
  return kind === "ins" ? { insertion: revisions.next() } : { deletion: revisions.next() };
}

/**
 * An ordinary table (GFM, in a writer's text): thin borders, the first row
 * bold and marked as the header, repeated on every page, and each column
 * aligned as its delimiter row says.
 */
export function dataTable(table: MdastTable, context: Context): Table {
  const columnCount = Math.max(1, ...table.children.map((row) => row.children.length));
  const columnWidth = Math.floor(PAGE.textWidth / columnCount);
  const line = { style: BorderStyle.SINGLE, size: 4, color: COLORS.tableBorder } as const;
  const rows = table.children.map((row, rowIndex) => {
    const rowContext = blockContext(row, blockContext(table, context));
    return new TableRow({
        ...(rowIndex === 0 ? { tableHeader: true } : {}),
        ...rowRevision(rowContext.revision, context),
        children: Array.from({ length: columnCount }, (_, columnIndex) => {
          const cell = row.children[columnIndex];
          const children: ParagraphChild[] = cell ? renderInlines(cell.children, rowContext, { bold: rowIndex === 0 }) : [];
          return new TableCell({
            width: { size: columnWidth, type: WidthType.DXA },
            children: [new Paragraph({ style: STYLE.tableText, alignment: alignmentOf(table.align?.[columnIndex]), children })],
          });
        }),
      });
  });
  return new Table({
    rows,
    width: { size: columnWidth * columnCount, type: WidthType.DXA },
    columnWidths: Array.from({ length: columnCount }, () => columnWidth),
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

function alignmentOf(align: "left" | "right" | "center" | null | undefined) {
  return align === "right" ? AlignmentType.RIGHT : align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
}
