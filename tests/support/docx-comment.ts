import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { escapeXml } from "../../src/render/docx/package.js";

/**
 * A second reviewer's comment, written into a DOCX as ECMA-376 Part 1
 * §17.13.4 says, because LibreOffice 7.4 cannot add one over UNO headless
 * (nor open a commented DOCX that way). What Word writes for a comment:
 *
 * - word/comments.xml (§17.13.4.6): `w:comment` with `w:id`, `w:author`,
 *   `w:date`, `w:initials`, its text as paragraphs in style CommentText, the
 *   first starting with the annotation reference mark (`w:annotationRef`,
 *   §17.13.4.1) in style CommentReference;
 * - word/document.xml: `w:commentRangeStart` / `w:commentRangeEnd`
 *   (§17.13.4.4, §17.13.4.3) around the anchored text, splitting runs where
 *   the text begins or ends inside one, then a run in style CommentReference
 *   holding `w:commentReference` (§17.13.4.5);
 * - the comments relationship of the main part and its content-type
 *   override, and the two styles when styles.xml lacks them.
 *
 * Every other part keeps its bytes; the zip is written again.
 */
export interface CommentSpec {
  /** Text in one paragraph of the body (as after accepting its tracked changes: deleted text does not count). */
  anchorText: string;
  /** Which occurrence of `anchorText` in document order, from 1 (default 1). */
  occurrence?: number;
  author: string;
  initials: string;
  /** ISO 8601, e.g. "2025-10-08T09:30:00Z"; written without fractions of a second. */
  date: string;
  /** The comment; a line break starts a new paragraph of it. */
  text: string;
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
/** Word's ids and names of the two comment styles (the names are the built-in "annotation" styles). */
const REFERENCE_STYLE = "CommentReference";
const TEXT_STYLE = "CommentText";

export function addComment(docx: Uint8Array, spec: CommentSpec): Uint8Array {
  const files = unzipSync(docx);
  const read = (name: string): string | undefined => (files[name] === undefined ? undefined : strFromU8(files[name]!));
  const documentXml = read("word/document.xml");
  if (documentXml === undefined) throw new Error("addComment: the DOCX has no word/document.xml");

  const existingComments = read("word/comments.xml");
  const id = unusedId(documentXml, existingComments ?? "");
  const changed = new Map<string, string>();
  changed.set("word/document.xml", anchorComment(documentXml, spec, id));
  changed.set("word/comments.xml", withComment(existingComments, commentXml(spec, id)));
  const styles = read("word/styles.xml");
  if (styles !== undefined) changed.set("word/styles.xml", withCommentStyles(styles));
  changed.set("word/_rels/document.xml.rels", withCommentsRelationship(read("word/_rels/document.xml.rels")));
  const types = read("[Content_Types].xml");
  if (types === undefined) throw new Error("addComment: the DOCX has no [Content_Types].xml");
  changed.set("[Content_Types].xml", withCommentsOverride(types));

  const entries: Zippable = {};
  const mtime = new Date(1980, 0, 1);
  for (const name of new Set([...Object.keys(files), ...changed.keys()])) {
    const text = changed.get(name);
    entries[name] = [text === undefined ? files[name]! : strToU8(text), { level: 6, mtime }];
  }
  return zipSync(entries);
}

/** An id no annotation, bookmark or revision of the document or its comments uses. */
function unusedId(...parts: string[]): number {
  let max = -1;
  for (const part of parts) for (const match of part.matchAll(/\sw:id="(\d+)"/gu)) max = Math.max(max, Number(match[1]));
  return max + 1;
}

/** One w:t's text content in document.xml: where it starts and ends in the source, and its text, decoded. */
interface TextPiece {
  runStart: number;
  runEnd: number;
  /** The run's start tag and properties, to open the second half of a split run. */
  runOpen: string;
  tagStart: number;
  contentStart: number;
  contentEnd: number;
  /** Source offset of each decoded character, and one past the last. */
  offsets: number[];
  text: string;
  firstInRun: boolean;
  lastInRun: boolean;
}

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/gu;

/** The paragraphs of a WordprocessingML part, each as its w:t pieces in order (innermost paragraph for nested ones). */
function paragraphPieces(xml: string): TextPiece[][] {
  const paragraphs: TextPiece[][] = [];
  const openParagraphs: TextPiece[][] = [];
  let run: { start: number; open: string; pieces: TextPiece[] } | undefined;
  let runDepth = 0;
  let text: { tagStart: number; contentStart: number } | undefined;
  for (const match of xml.matchAll(TOKEN)) {
    const [whole, closing, name, , selfClosing] = match;
    if (name === undefined) continue;
    const at = match.index;
    if (name === "w:p") {
      if (closing) paragraphs.push(openParagraphs.pop() ?? []);
      else if (selfClosing) paragraphs.push([]);
      else openParagraphs.push([]);
    } else if (name === "w:r") {
      if (closing) {
        runDepth--;
        if (run && runDepth === 0) {
          const pieces = run.pieces;
          for (const piece of pieces) piece.runEnd = at + whole.length;
          if (pieces.length > 0) {
            pieces[0]!.firstInRun = true;
            pieces[pieces.length - 1]!.lastInRun = true;
          }
          openParagraphs[openParagraphs.length - 1]?.push(...pieces);
          run = undefined;
        }
      } else if (!selfClosing) {
        if (runDepth === 0) run = { start: at, open: whole, pieces: [] };
        runDepth++;
      }
    } else if (name === "w:rPr" && run && !closing && at === run.start + run.open.length && run.open.startsWith("<w:r") && !run.open.includes("<w:rPr")) {
      // The run's own properties, right after its start tag (not the w:rPr inside a w:rPrChange).
      run.open = xml.slice(run.start, selfClosing ? at + whole.length : matchingClose(xml, at, "w:rPr"));
    } else if (name === "w:t" && run && runDepth === 1) {
      if (selfClosing) continue;
      if (!closing) text = { tagStart: at, contentStart: at + whole.length };
      else if (text) {
        const { text: decoded, offsets } = decodeWithOffsets(xml, text.contentStart, at);
        run.pieces.push({
          runStart: run.start,
          runEnd: -1,
          runOpen: run.open,
          tagStart: text.tagStart,
          contentStart: text.contentStart,
          contentEnd: at,
          offsets,
          text: decoded,
          firstInRun: false,
          lastInRun: false,
        });
        text = undefined;
      }
    }
  }
  return paragraphs;
}

/** The offset just past the end tag that closes the element starting at `at`. */
function matchingClose(xml: string, at: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, "gu");
  tags.lastIndex = at;
  let depth = 0;
  for (let match = tags.exec(xml); match; match = tags.exec(xml)) {
    if (match[2]) continue;
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  throw new Error(`addComment: <${name}> is not closed`);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeWithOffsets(xml: string, start: number, end: number): { text: string; offsets: number[] } {
  let text = "";
  const offsets: number[] = [];
  for (let i = start; i < end; ) {
    if (xml[i] === "&") {
      const semicolon = xml.indexOf(";", i);
      const entity = xml.slice(i + 1, semicolon);
      const char = entity.startsWith("#x")
        ? String.fromCodePoint(parseInt(entity.slice(2), 16))
        : entity.startsWith("#")
          ? String.fromCodePoint(parseInt(entity.slice(1), 10))
          : ENTITIES[entity];
      if (char === undefined) throw new Error(`addComment: unknown entity &${entity};`);
      for (const unit of char.split("")) {
        text += unit;
        offsets.push(i);
      }
      i = semicolon + 1;
    } else {
      text += xml[i];
      offsets.push(i);
      i++;
    }
  }
  offsets.push(end);
  return { text, offsets };
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Where a position in a paragraph's text falls: the piece and the offset in it. */
function locate(pieces: TextPiece[], position: number, preferNext: boolean): { piece: TextPiece; offset: number } {
  let start = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const end = start + piece.text.length;
    const inside = preferNext ? position >= start && position < end : position > start && position <= end;
    if (inside) return { piece, offset: position - start };
    start = end;
  }
  throw new Error(`addComment: position ${position} is outside the paragraph`);
}

/**
 * The edits that put `markup` at a position: before or after the whole run
 * when the position is at its edge, else inside the run, which is split
 * there (its properties repeated on the second half): between two of its
 * w:t, or inside one.
 */
function markAt(piece: TextPiece, offset: number, markup: string, edits: Edit[]): void {
  if (offset === 0 && piece.firstInRun) {
    edits.push({ at: piece.runStart, remove: 0, insert: markup });
    return;
  }
  if (offset === piece.text.length && piece.lastInRun) {
    edits.push({ at: piece.runEnd, remove: 0, insert: markup });
    return;
  }
  const between = `</w:r>${markup}${piece.runOpen}`;
  if (offset === 0) {
    edits.push({ at: piece.tagStart, remove: 0, insert: between });
    return;
  }
  if (offset === piece.text.length) {
    edits.push({ at: piece.contentEnd + "</w:t>".length, remove: 0, insert: between });
    return;
  }
  // Both halves keep their spaces.
  edits.push({ at: piece.tagStart, remove: piece.contentStart - piece.tagStart, insert: '<w:t xml:space="preserve">' });
  edits.push({ at: piece.offsets[offset]!, remove: 0, insert: `</w:t></w:r>${markup}${piece.runOpen}<w:t xml:space="preserve">` });
}

function anchorComment(xml: string, spec: CommentSpec, id: number): string {
  const occurrence = spec.occurrence ?? 1;
  if (spec.anchorText === "") throw new Error("addComment: anchorText is empty");
  let seen = 0;
  for (const pieces of paragraphPieces(xml)) {
    const text = pieces.map((piece) => piece.text).join("");
    for (let from = text.indexOf(spec.anchorText); from >= 0; from = text.indexOf(spec.anchorText, from + 1)) {
      if (++seen !== occurrence) continue;
      const start = locate(pieces, from, true);
      const end = locate(pieces, from + spec.anchorText.length, false);
      const edits: Edit[] = [];
      markAt(start.piece, start.offset, `<w:commentRangeStart w:id="${id}"/>`, edits);
      markAt(
        end.piece,
        end.offset,
        `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="${REFERENCE_STYLE}"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`,
        edits,
      );
      return applyEdits(xml, edits);
    }
  }
  throw new Error(`addComment: "${spec.anchorText}" occurs ${seen} time(s) in one paragraph, not ${occurrence}`);
}

/** Applies edits from the last to the first; two edits of the same w:t start tag are one. */
function applyEdits(xml: string, edits: Edit[]): string {
  const unique = edits.filter((edit, i) => edit.remove === 0 || edits.findIndex((other) => other.at === edit.at && other.remove > 0) === i);
  // At one position, the later edit in the list goes after the earlier one.
  const ordered = unique.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.at - a.edit.at || b.order - a.order);
  let out = xml;
  for (const { edit } of ordered) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.at + edit.remove);
  return out;
}

function commentXml(spec: CommentSpec, id: number): string {
  const date = new Date(spec.date);
  if (Number.isNaN(date.getTime())) throw new Error(`addComment: "${spec.date}" is not a date`);
  const when = date.toISOString().replace(/\.\d{3}Z$/u, "Z");
  const paragraphs = spec.text.split(/\r?\n/u).map(
    (line, i) =>
      `<w:p><w:pPr><w:pStyle w:val="${TEXT_STYLE}"/></w:pPr>` +
      (i === 0 ? `<w:r><w:rPr><w:rStyle w:val="${REFERENCE_STYLE}"/></w:rPr><w:annotationRef/></w:r>` : "") +
      (line === "" ? "" : `<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`) +
      `</w:p>`,
  );
  return (
    `<w:comment w:id="${id}" w:author="${escapeXml(spec.author)}" w:date="${when}" w:initials="${escapeXml(spec.initials)}">` +
    paragraphs.join("") +
    `</w:comment>`
  );
}

function withComment(existing: string | undefined, comment: string): string {
  if (existing === undefined) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comment}</w:comments>`;
  }
  if (!existing.includes(`xmlns:w="${W_NS}"`)) throw new Error("addComment: word/comments.xml does not use the prefix w for WordprocessingML");
  if (/<w:comments\b[^>]*\/>/u.test(existing)) return existing.replace(/<w:comments\b([^>]*)\/>/u, `<w:comments$1>${comment}</w:comments>`);
  return existing.replace("</w:comments>", `${comment}</w:comments>`);
}

function withCommentStyles(styles: string): string {
  const has = (id: string) => new RegExp(`<w:style\\b[^>]*w:styleId="${id}"`, "u").test(styles);
  const basedOn = (id: string) => (has(id) ? `<w:basedOn w:val="${id}"/>` : "");
  let added = "";
  if (!has(REFERENCE_STYLE)) {
    added +=
      `<w:style w:type="character" w:styleId="${REFERENCE_STYLE}"><w:name w:val="annotation reference"/>${basedOn("DefaultParagraphFont")}` +
      `<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>`;
  }
  if (!has(TEXT_STYLE)) {
    added +=
      `<w:style w:type="paragraph" w:styleId="${TEXT_STYLE}"><w:name w:val="annotation text"/>${basedOn("Normal")}` +
      `<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>`;
  }
  return added === "" ? styles : styles.replace("</w:styles>", `${added}</w:styles>`);
}

function withCommentsRelationship(rels: string | undefined): string {
  const xml =
    rels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  if (xml.includes(`Type="${COMMENTS_REL}"`)) return xml;
  const ids = new Set([...xml.matchAll(/\bId="([^"]*)"/gu)].map((match) => match[1]));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  return xml.replace("</Relationships>", `<Relationship Id="rId${n}" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`);
}

function withCommentsOverride(types: string): string {
  if (/PartName="\/word\/comments\.xml"/u.test(types)) return types;
  return types.replace("</Types>", `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`);
}
