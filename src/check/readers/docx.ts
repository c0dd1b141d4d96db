import { CLOSING_STYLES, SECTIONS, SECTION_BOOKMARK_PREFIX, sectionBookmark } from "../../model/sections.js";
import { quote } from "../rule.js";
import { emptyDocument, type CheckDocument, type Heading, type Position, type ReviewChange, type ReviewComment, type Section, type TextBlock } from "../document.js";
import { sectionAt, untitledSectionAt } from "../sections.js";
import { DocxProblem, readDocxModel, type DocxFurniture, type DocxModel, type DocxParagraph } from "../../readers/docx/read.js";

/**
 * DOCX → CheckDocument, from the one DOCX reader's model (src/readers/docx).
 * A paragraph's "line" is its number among the body's paragraphs, table
 * cells included, counted from 1; its "column" is the character in the
 * paragraph, from 1. Headings come from paragraph styles: Title or
 * Heading 1 is the title, Heading 2 opens a section, Heading 3 and deeper
 * are the writer's own headings. Localized style ids (`Rubrik2`) and
 * outline levels work too. Tracked changes are read as if accepted, as
 * Word shows them with markup hidden; the changes themselves and the
 * comments are in `review`.
 *
 * The rest of what a reader sees is read too, as `outside`: the headers and
 * footers the sections show, the footnotes and endnotes, text boxes, and the
 * document properties (title, subject, author, keywords, the custom
 * properties). Their positions name the part (`sidhuvudet på första sidan,
 * stycke 2`) and count its paragraphs from 1; a text box stands at the
 * paragraph that holds it. Hidden text (`w:vanish`, directly or through a run style or a
 * paragraph style) is not text of any block: it is in `hidden`.
 */
export function readDocx(bytes: Uint8Array): CheckDocument {
  let model: DocxModel;
  try {
    model = readDocxModel(bytes);
  } catch (error) {
    if (!(error instanceof DocxProblem)) throw error;
    return notDocx(error.message, error.kind === "damaged" ? RESAVE : "");
  }

  const headings: Heading[] = [];
  const sections: Section[] = [];
  const blocks: TextBlock[] = [];
  const outside: TextBlock[] = [];
  const hidden: TextBlock[] = [];
  let current: { heading?: Heading; untitled?: { id: string; position: Position }; body: TextBlock[] } | undefined;
  const close = () => {
    const section = current && (current.heading ? sectionAt(current.heading, current.body) : untitledSectionAt(current.untitled!.id, current.untitled!.position, current.body));
    if (section) sections.push(section);
    current = undefined;
  };
  let signatures: Position | undefined;
  for (const paragraph of model.paragraphs) {
    const line = paragraph.index;
    if (!signatures && (paragraph.styleId === CLOSING_STYLES.closing || paragraph.styleId === CLOSING_STYLES.signature)) {
      // The closing sentence and the signatures end the sections.
      signatures = { line, column: 1 };
      close();
    }
    // A section without a heading begins at its bookmark (sectionBookmark).
    const untitled = signatures ? undefined : untitledSectionId(paragraph);
    if (untitled !== undefined) {
      close();
      current = { untitled: { id: untitled, position: { line, column: 1 } }, body: [] };
    }
    const read = readParagraph(paragraph);
    const { text } = read;
    const at = (offset: number): Position => ({ line, column: Math.max(0, Math.min(offset, text.length)) + 1 });
    hidden.push(...hiddenBlocks(read, at));
    boxBlocks(paragraph, at, outside, hidden);
    // A paragraph whose text is all hidden is no heading: the reader sees none.
    const depth = paragraph.table || (read.hidden.length > 0 && text.trim() === "") ? undefined : paragraph.heading;
    const block: TextBlock = { kind: depth ? "heading" : paragraph.table ? "table-cell" : "paragraph", text, at };
    blocks.push(block);
    if (depth) {
      const heading: Heading = { line, column: 1, text: text.replace(/\s+/gu, " ").trim(), depth };
      headings.push(heading);
      if (depth === 2) {
        close();
        current = { heading, body: [] };
        continue;
      }
    }
    current?.body.push(block);
  }
  close();

  for (const part of model.furniture) partBlocks(part.paragraphs, furnitureLabel(part), outside, hidden);
  for (const note of model.notes) partBlocks(note.paragraphs, `${note.kind === "footnote" ? "fotnot" : "slutnot"} ${note.number}`, outside, hidden);
  outside.push(...propertyBlocks(model));
  const review = reviewOf(model, blocks);

  return {
    lineUnit: "stycke",
    outline: { headings, ...(signatures ? { signatures } : {}), end: { line: Math.max(1, model.paragraphs.length), column: 1 } },
    sections,
    blocks,
    ...(outside.length > 0 ? { outside } : {}),
    ...(hidden.length > 0 ? { hidden } : {}),
    ...(review.changes.length > 0 || review.comments.length > 0 ? { review } : {}),
    dates: documentDates(model.properties, blocks),
    findings: [],
  };
}

/** The id of the section without a heading whose bookmark starts in this paragraph, if any. */
function untitledSectionId(paragraph: DocxParagraph): string | undefined {
  for (const marker of paragraph.markers) {
    if (marker.kind !== "bookmark-start" || !marker.name?.startsWith(SECTION_BOOKMARK_PREFIX)) continue;
    return SECTIONS.find((s) => sectionBookmark(s.id) === marker.name)?.id ?? marker.name.slice(SECTION_BOOKMARK_PREFIX.length);
  }
  return undefined;
}

const RESAVE = " Öppna den i Word och spara den på nytt som Word-dokument (.docx).";

function notDocx(problem: string, advice: string): CheckDocument {
  return emptyDocument([{ line: 0, column: 0, severity: "error", rule: "fil/docx", message: `${problem}${advice}` }], "stycke");
}

/** What a paragraph shows, and what it holds that it does not show. */
interface ReadParagraph {
  /** The text a reader sees, with tracked changes accepted: tabs and line breaks as spaces. */
  readonly text: string;
  /** Hidden runs, each run of them at the offset in `text` where it stands. */
  readonly hidden: { offset: number; text: string }[];
}

/** Check reads a tab or a line break as a space, and a non-breaking hyphen as a hyphen, so that sentences and words read on. */
const shown = (text: string) => text.replace(/[\t\n]/gu, " ").replace(/\u2011/gu, "-").replace(/\u00ad/gu, "");

function readParagraph(paragraph: DocxParagraph): ReadParagraph {
  const read: { text: string; hidden: { offset: number; text: string }[] } = { text: "", hidden: [] };
  for (const segment of paragraph.segments) {
    if (segment.revision?.kind === "del") continue;
    const text = shown(segment.text);
    if (!segment.hidden) read.text += text;
    else {
      const last = read.hidden.at(-1);
      if (last && last.offset === read.text.length) last.text += text;
      else read.hidden.push({ offset: read.text.length, text });
    }
  }
  return read;
}

/** The hidden runs of a paragraph, as blocks at the place in the paragraph where they stand. */
function hiddenBlocks(read: ReadParagraph, at: (offset: number) => Position): TextBlock[] {
  return read.hidden.map(({ offset, text }) => ({ kind: "paragraph", text, at: () => at(offset) }));
}

/** The paragraphs of a paragraph's text boxes, placed at the paragraph that holds them (`part` says they are in a text box). */
function boxBlocks(paragraph: DocxParagraph, host: (offset: number) => Position, outside: TextBlock[], hidden: TextBlock[]): void {
  for (const box of paragraph.boxes ?? []) {
    const anchor = host(box.offset);
    const part = `en textruta i ${anchor.part ?? `stycke ${anchor.line}`}`;
    for (const inner of box.paragraphs) {
      const read = readParagraph(inner);
      const { text } = read;
      const at = (offset: number): Position => ({ line: anchor.line, column: Math.max(0, Math.min(offset, text.length)) + 1, part });
      outside.push({ kind: "paragraph", text, at });
      hidden.push(...hiddenBlocks(read, at));
      boxBlocks(inner, at, outside, hidden);
    }
  }
}

/** A header's, footer's or note's paragraphs, numbered from 1 within it. */
function partBlocks(paragraphs: readonly DocxParagraph[], part: string, outside: TextBlock[], hidden: TextBlock[]): void {
  for (const paragraph of paragraphs) {
    const read = readParagraph(paragraph);
    const { text } = read;
    const at = (offset: number): Position => ({ line: paragraph.index, column: Math.max(0, Math.min(offset, text.length)) + 1, part: `${part}, stycke ${paragraph.index}` });
    outside.push({ kind: paragraph.table ? "table-cell" : "paragraph", text, at });
    hidden.push(...hiddenBlocks(read, at));
    boxBlocks(paragraph, at, outside, hidden);
  }
}

const FURNITURE_LABELS: Record<DocxFurniture["kind"], Record<DocxFurniture["type"], string>> = {
  header: { default: "sidhuvudet", first: "sidhuvudet på första sidan", even: "sidhuvudet på jämna sidor" },
  footer: { default: "sidfoten", first: "sidfoten på första sidan", even: "sidfoten på jämna sidor" },
};

function furnitureLabel(part: DocxFurniture): string {
  return FURNITURE_LABELS[part.kind][part.type];
}

/** What Word calls the document properties it shows (File › Info), by element of docProps/core.xml. */
const CORE_PROPERTIES: Record<string, string> = {
  "dc:title": "Rubrik",
  "dc:subject": "Ämne",
  "dc:creator": "Författare",
  "cp:keywords": "Nyckelord",
  "dc:description": "Kommentarer",
  "cp:category": "Kategori",
  "cp:contentStatus": "Status",
  "cp:lastModifiedBy": "Senast sparad av",
};

/** The document properties as text: core.xml's (title, subject, …) and each custom property's value. */
function propertyBlocks(model: DocxModel): TextBlock[] {
  const found: { name: string; value: string }[] = [];
  for (const [tag, value] of model.coreProperties) {
    const name = CORE_PROPERTIES[tag];
    if (name && value.trim() !== "") found.push({ name, value });
  }
  for (const [name, value] of model.properties) if (value.trim() !== "") found.push({ name, value });
  return found.map(({ name, value }) => ({ kind: "paragraph", text: value, at: () => ({ line: 0, column: 0, part: `dokumentegenskapen ${quote(name)}` }) }));
}

/**
 * The tracked changes and comments a reviewer left: each change (a run of
 * inserted or deleted text, a paragraph mark, a formatting change) at the
 * paragraph where it stands, in the body, the headers and footers and the
 * notes; each comment at the paragraph where its range starts (else the
 * first paragraph), with the text the range covers.
 */
function reviewOf(model: DocxModel, blocks: readonly TextBlock[]): { changes: ReviewChange[]; comments: ReviewComment[] } {
  const changes: ReviewChange[] = [];
  const anchors = new Map<string, { position: Position; text: string }>();
  const open = new Map<string, { position: Position; from: number; text: string }>();
  const visit = (paragraphs: readonly DocxParagraph[], atOf: (paragraph: DocxParagraph, index: number) => (offset: number) => Position) => {
    paragraphs.forEach((paragraph, index) => {
      const at = atOf(paragraph, index);
      let offset = 0;
      for (const segment of paragraph.segments) {
        const text = shown(segment.text);
        const change = segment.revision ?? segment.formatChange;
        if (change) {
          const kind = segment.revision ? (segment.revision.kind === "ins" ? "insättning" : "borttagning") : "formatering";
          const end = offset + (segment.revision?.kind === "del" ? 0 : text.length);
          const last = changes.at(-1);
          if (last && last.paragraph === paragraph && last.kind === kind && last.author === change.author && last.end === offset) {
            last.text += text;
            last.end = end;
          } else changes.push({ position: at(offset), kind, text, ...(change.author ? { author: change.author } : {}), end, paragraph });
        }
        if (segment.revision?.kind !== "del" && !segment.hidden) offset += text.length;
      }
      const mark = paragraph.mark ?? paragraph.formatChange;
      if (mark) changes.push({ position: at(paragraph.mark ? offset : 0), kind: paragraph.mark ? (paragraph.mark.kind === "ins" ? "nytt stycke" : "borttaget stycke") : "formatering", text: "", ...(mark.author ? { author: mark.author } : {}), end: offset, paragraph });
      const text = readParagraph(paragraph).text;
      for (const marker of paragraph.markers) {
        if (marker.kind === "comment-start") open.set(marker.id, { position: at(marker.offset), from: marker.offset, text });
        else if (marker.kind === "comment-end") {
          const start = open.get(marker.id);
          if (start) anchors.set(marker.id, { position: start.position, text: (start.text === text ? text.slice(start.from, marker.offset) : start.text.slice(start.from)).trim() });
        }
      }
      for (const box of paragraph.boxes ?? []) visit(box.paragraphs, () => () => at(box.offset));
    });
  };
  visit(model.paragraphs, (_, index) => blocks[index]!.at);
  for (const part of model.furniture) visit(part.paragraphs, (paragraph) => (offset) => ({ line: paragraph.index, column: offset + 1, part: `${furnitureLabel(part)}, stycke ${paragraph.index}` }));
  for (const note of model.notes) visit(note.paragraphs, (paragraph) => (offset) => ({ line: paragraph.index, column: offset + 1, part: `${note.kind === "footnote" ? "fotnot" : "slutnot"} ${note.number}, stycke ${paragraph.index}` }));
  const comments: ReviewComment[] = [...model.comments.values()].map((comment) => {
    const anchor = anchors.get(comment.id) ?? (open.has(comment.id) ? { position: open.get(comment.id)!.position, text: "" } : undefined);
    return { position: anchor?.position ?? { line: 1, column: 1 }, text: comment.text, anchor: anchor?.text ?? "", ...(comment.author ? { author: comment.author } : {}) };
  });
  return { changes, comments };
}

/**
 * The report's date and the last day to answer, from the custom properties
 * remiss writes (`Datum`, `SvarSenast`), each placed at the first paragraph
 * that shows it (the document info on page 1 for the date), else at the
 * first paragraph; and the organs' dates (`Behandlats`), each at the
 * paragraph that names the organ.
 */
function documentDates(custom: ReadonlyMap<string, string>, blocks: readonly TextBlock[]): CheckDocument["dates"] {
  const properties = new Map([...custom].map(([name, value]) => [name, value.trim()]));
  const date = (name: string) => {
    const value = properties.get(name);
    if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/u.test(value)) return undefined;
    const index = blocks.findIndex((b) => b.text.includes(value));
    return { value, ...(index === -1 ? { line: 1, column: 1 } : blocks[index]!.at(blocks[index]!.text.indexOf(value))) };
  };
  const datum = date("Datum");
  const svarSenast = date("SvarSenast");
  // "2025-10-06 förvaltningsgruppen; 2025-10-08 pensionärsrådet", each placed at the paragraph that names the organ.
  const behandlats = (properties.get("Behandlats") ?? "")
    .split(";")
    .map((item) => /^\s*(\d{4}-\d{2}-\d{2})(?:\s+(.+?))?\s*$/u.exec(item))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const organ = match[2];
      const index = organ ? blocks.findIndex((b) => b.kind !== "heading" && b.text.includes(organ)) : -1;
      const at = index === -1 ? { line: 1, column: 1 } : blocks[index]!.at(blocks[index]!.text.indexOf(organ!));
      return { value: match[1]!, ...at, ...(organ ? { organ } : {}) };
    });
  return { behandlats, ...(datum ? { datum } : {}), ...(svarSenast ? { svarSenast } : {}) };
}
