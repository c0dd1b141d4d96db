import type { Nodes, Root } from "mdast";
import { parseFieldMarkdown } from "../readers/markdown/parse.js";

/** Swedish abbreviations whose final period does not end a sentence (compared case-insensitively). */
export const ABBREVIATIONS: readonly string[] = [
  "t.ex.", "t.ex", "bl.a.", "s.k.", "m.m.", "o.s.v.", "osv.", "dvs.", "d.v.s.", "etc.",
  "p.g.a.", "pga.", "fr.o.m.", "t.o.m.", "ca.", "jfr.", "resp.", "kap.", "nr.", "st.",
  "s.", "f.d.", "m.fl.", "o.d.", "e.d.", "enl.", "inkl.", "exkl.", "kl.", "tel.",
  // Months ("mars", "maj", "juni" and "juli" are not shortened) and the words of a kansli's references.
  "jan.", "feb.", "febr.", "apr.", "aug.", "sept.", "okt.", "nov.", "dec.", "prop.", "bet.", "dnr.",
];

const ABBREVIATION_SET = new Set(ABBREVIATIONS.map((a) => a.toLocaleLowerCase("sv")));

/** End punctuation, closing quotes/brackets/emphasis, then the whitespace before the next sentence. */
const SENTENCE_END = /[.!?]+[”"’)\]*_]*(\s+)/gu;
/** A character that can start a sentence. */
const SENTENCE_START = /[\p{Lu}\p{Nd}”"“'‘’«(\[*_`]/u;
/** Opening punctuation in front of a word, ignored when looking up an abbreviation. */
const OPENING = /^[(\[”"“‘’'«*_]+/u;

/** True when the period ending `before` belongs to an abbreviation or an initial, not a sentence end. */
function endsInAbbreviation(before: string): boolean {
  // The last word only: scanning the whole text before each full stop would cost the square of its length.
  const token = lastWord(before).replace(OPENING, "");
  return ABBREVIATION_SET.has(token.toLocaleLowerCase("sv")) || /^(\p{Lu}\.)+$/u.test(token);
}

function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && !/\s/u.test(text.charAt(start - 1))) start--;
  return text.slice(start);
}

/** Whether a character can start a sentence. */
export function startsSentence(ch: string): boolean {
  return SENTENCE_START.test(ch);
}

/**
 * Where the sentences of one paragraph's text (on one line) are, as
 * [start, end) ranges without the spaces between them. `canStart` says
 * whether the character after a sentence's end can start the next one.
 */
export function sentenceSpans(text: string, canStart: (ch: string) => boolean = startsSentence): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const punctEnd = match.index + match[0].length - (match[1]?.length ?? 0);
    const next = text.charAt(match.index + match[0].length);
    if (!canStart(next)) continue;
    const run = /^[.!?]+/u.exec(match[0])?.[0] ?? "";
    if (run === "." && endsInAbbreviation(text.slice(Math.max(0, match.index - 40), match.index + 1))) continue;
    spans.push([start, punctEnd]);
    start = match.index + match[0].length;
  }
  spans.push([start, text.length]);
  return spans;
}

/** Splits one paragraph's text (on one line) into trimmed sentences. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text)
    .map(([start, end]) => text.slice(start, end).trim())
    .filter((s) => s.length > 0);
}

/** A line that, at the start of a line after text, would begin a new block instead of continuing the paragraph. */
const BLOCK_START =
  /^(?:#{1,6}(?:\s|$)|>|[*+-](?:\s|$)|\d{1,9}[.)](?:\s|$)|`{3,}|~{3,}|<|=+\s*$|-+\s*$|([*_-])(?:\s*\1){2,}\s*$)/u;

/** A "sentence" that is only a list marker ("1.", "2)"): the text after it belongs on its line. */
const BARE_MARKER = /^(?:\d{1,9}[.)]|[*+-])$/u;

/** Sentences with any that would start a block merged into the one before it (a bare marker takes the next one along). */
function mergeBlockStarts(sentences: readonly string[]): string[] {
  const merged: string[] = [];
  let glueNext = false;
  for (const sentence of sentences) {
    if (merged.length > 0 && (glueNext || BLOCK_START.test(sentence))) {
      merged[merged.length - 1] += ` ${sentence}`;
      glueNext = !glueNext && BARE_MARKER.test(sentence);
    } else {
      merged.push(sentence);
      glueNext = false;
    }
  }
  return merged;
}

/** True when a string ends in an odd number of backslashes (the last one not escaped). */
function endsInOpenBackslash(s: string): boolean {
  return ((/\\*$/u.exec(s)?.[0].length ?? 0) % 2) === 1;
}

/** One paragraph's text with one sentence per line; hard line breaks are kept (as `\`). */
export function reflowParagraphText(text: string): string {
  const lines = text.replace(/\r\n?/gu, "\n").split("\n");
  const segments: string[][] = [[]];
  lines.forEach((line, i) => {
    const current = segments[segments.length - 1] ?? [];
    const isLast = i === lines.length - 1;
    if (!isLast && endsInOpenBackslash(line)) {
      current.push(line.slice(0, -1));
      segments.push([]);
    } else if (!isLast && / {2,}$/u.test(line)) {
      const content = line.trimEnd();
      // A literal backslash before the spaces must be escaped once the break is written as `\`.
      current.push(endsInOpenBackslash(content) ? `${content}\\` : content);
      segments.push([]);
    } else {
      current.push(line);
    }
  });
  return segments
    .map((segment) => {
      const joined = segment.map((l) => l.trim()).filter((l) => l.length > 0).join(" ");
      return mergeBlockStarts(splitSentences(joined)).join("\n");
    })
    .join("\\\n");
}

/** A replacement of the source range [start, end). */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Node types a reflowed paragraph may sit in. */
const FLOW_PARENTS = new Set(["root", "list", "listItem"]);
/** Node types whose source is kept exactly as written. */
const VERBATIM = new Set(["code", "html", "yaml"]);
/** A GFM table delimiter row ("|---|:--:|"): a paragraph with one is left alone. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/u;

/** Collects the edits (reflowed paragraphs, hard breaks as `\`) and verbatim ranges of a parsed fragment. */
function collect(node: Nodes, flow: boolean, source: string, edits: Edit[], verbatim: Edit[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) {
    if (VERBATIM.has(node.type)) {
      verbatim.push({ start, end, text: source.slice(start, end) });
      return;
    }
    if (node.type === "paragraph" && flow) {
      const slice = source.slice(start, end);
      const isTable = slice.split("\n").some((l, i) => i > 0 && l.includes("|") && TABLE_DELIMITER.test(l));
      if (!isTable) {
        const indent = " ".repeat((node.position?.start.column ?? 1) - 1);
        edits.push({ start, end, text: reflowParagraphText(slice).replaceAll("\n", `\n${indent}`) });
        return;
      }
    }
    if (node.type === "break") {
      edits.push({ start, end, text: "\\\n" });
      return;
    }
  }
  if ("children" in node) {
    const childFlow = flow && FLOW_PARENTS.has(node.type);
    for (const child of node.children) collect(child as Nodes, childFlow, source, edits, verbatim);
  }
}

/** Normalises text outside verbatim ranges: no trailing whitespace before a line end, at most one blank line in a row. */
function normaliseLines(text: string): string {
  return text.replace(/[ \t]+(?=\n)/gu, "").replace(/\n{3,}/gu, "\n\n");
}

/** A user-written Markdown fragment with one sentence per line in its paragraphs; everything else kept as written. */
export function reflowMarkdown(markdown: string): string {
  const source = markdown.replace(/\r\n/gu, "\n");
  const tree: Root = parseFieldMarkdown(source);
  const edits: Edit[] = [];
  const verbatim: Edit[] = [];
  collect(tree, true, source, edits, verbatim);
  const all = [...edits.map((e) => ({ ...e, keep: false })), ...verbatim.map((e) => ({ ...e, keep: true }))].sort(
    (a, b) => a.start - b.start,
  );
  let out = "";
  let pos = 0;
  for (const edit of all) {
    out += normaliseLines(source.slice(pos, edit.start));
    out += edit.keep ? edit.text : normaliseLines(edit.text);
    pos = edit.end;
  }
  out += normaliseLines(`${source.slice(pos)}\n`);
  return out.replace(/\s+$/u, "");
}
