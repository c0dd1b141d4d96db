import Handlebars from "handlebars";
import { PHRASES as PRECOMPILED } from "remiss:precompiled";
import { kindOf } from "../model/kinds.js";
import { PHRASES, phraseFor, type PhraseName, type PhraseValue, type SlotName } from "../model/phrases.js";
import { escapeInlineSyntax, escapeLineStart } from "./escape.js";
import { withoutSecondMark } from "./remissobjekt.js";
import { sentenceSpans, startsSentence } from "./sentences.js";
import { capitalizeFirst } from "./words.js";

/** The slots one sentence is written from; a missing slot is empty (and false for `{{#if}}`). */
export type Slots = Partial<Record<SlotName, string>>;

/** Writes the named stock sentence from its slots; "" when the house style has left the sentence out. */
export type Phraser = (name: PhraseName, slots: Slots) => string;

const hbs = Handlebars.create();
/** Compiled phrases by their text: the default ones precompiled at build time (in the bundle), others compiled when first used. */
const compiled = new Map<string, HandlebarsTemplateDelegate>(Object.entries(PRECOMPILED ?? {}).map(([text, spec]) => [text, hbs.template(spec)]));

/** Options of a phraser. */
export interface PhraserOptions {
  /**
   * True (the default): the sentence is Markdown for the document, its
   * own words escaped so that nothing in them is read as Markdown structure
   * and each sentence on a line of its own. False: plain text on one line,
   * for the front matter and the DOCX properties.
   */
  readonly markdown?: boolean;
}

/** Private-use characters around a slot's value while a phrase is written, so that its text is never split or escaped. */
const SLOT_OPEN = "\uE000";
const SLOT_CLOSE = "\uE001";
const SLOT = /\uE000([^\uE001]*)\uE001/gu;

/** The phrase's text with each slot's value masked ("x" for every character), same length, the brackets kept. */
function masked(text: string): string {
  return text.replace(SLOT, (_, value: string) => SLOT_OPEN + "x".repeat(value.length) + SLOT_CLOSE);
}

/** A written sentence's own words escaped for Markdown, the slots' values (escaped by the view model) kept. */
function escapeOwnWords(text: string): string {
  let out = "";
  let position = 0;
  for (const match of text.matchAll(SLOT)) {
    out += escapeInlineSyntax(text.slice(position, match.index)) + match[1];
    position = match.index + match[0].length;
  }
  return out + escapeInlineSyntax(text.slice(position));
}

/** A "sentence" that is only a number or a list marker ("1.", "2)"): it belongs with the words after it. */
const BARE_MARKER = /^(?:\d{1,9}[.)]|[*+-])$/u;

function glueBareMarkers(text: string, spans: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let carry: number | undefined;
  for (const [start, end] of spans) {
    const from = carry ?? start;
    carry = undefined;
    if (BARE_MARKER.test(text.slice(start, end).trim())) carry = from;
    else out.push([from, end]);
  }
  if (carry !== undefined) out.push([carry, text.length]);
  return out;
}

const withoutBrackets = (text: string): string => text.replace(/[\uE000\uE001]/gu, "");

/** One sentence as the document shows it: a capital first letter, no second mark after a title's own ? or !. */
function finishSentence(text: string, markdown: boolean): string {
  const written = markdown ? escapeLineStart(escapeOwnWords(text)) : withoutBrackets(text);
  const plain = withoutBrackets(written);
  // After a number or a marker that starts the sentence ("1. nämnden …"), the first word takes the capital.
  const marker = LEADING_MARKER.exec(plain)?.[0] ?? "";
  return withoutSecondMark(marker + capitalizeFirst(plain.slice(marker.length)));
}

/** A number or list marker at a sentence's start, escaped or not, with the space after it. */
const LEADING_MARKER = /^(?:\d{1,9}\\?[.)]|\\?[-+*])\s+/u;

/**
 * The phrases of a house style as a function. A phrase's text was checked
 * when the config was loaded (only known slots, `#if`/`#unless`), so
 * compiling cannot fail on a förvaltning's text; slot values are data, so
 * `{{…}}` in a case's own text stays literal. Each sentence gets a capital
 * first letter and never a second mark after a title's own ? or !; for
 * Markdown, each sentence stands on a line of its own (never split inside
 * a slot's value) and the phrase's own words are escaped, so that a
 * förvaltning's "1." or "*" is text, not a list or emphasis.
 */
export function createPhraser(fraser: Readonly<Record<PhraseName, PhraseValue>>, typ = "motion", options: PhraserOptions = {}): Phraser {
  const kind = kindOf(typ);
  const markdown = options.markdown ?? true;
  return (name, slots) => {
    const source = phraseFor(fraser[name], kind.typ, kind.alias);
    if (source.trim() === "") return "";
    let template = compiled.get(source);
    if (!template) {
      template = hbs.compile(source, { noEscape: true, strict: false, knownHelpersOnly: true, knownHelpers: { if: true, unless: true } });
      compiled.set(source, template);
    }
    // An empty slot stays empty, so that {{#if}} sees it as false.
    const bracketed = Object.fromEntries(Object.entries(slots).map(([slot, value]) => [slot, value ? SLOT_OPEN + withoutBrackets(value) + SLOT_CLOSE : value]));
    const text = template(bracketed).replace(/[ \t\r\n]+/gu, " ").trim();
    if (withoutBrackets(text).trim() === "") return "";
    // A heading is no sentence: it keeps its first letter and its marks as written, on one line.
    if ("mening" in PHRASES[name]) return markdown ? withoutBrackets(escapeLineStart(escapeOwnWords(text))) : withoutBrackets(text);
    if (!markdown) return finishSentence(text, false);
    const mask = masked(text);
    return glueBareMarkers(mask, sentenceSpans(mask, (ch) => ch === SLOT_OPEN || startsSentence(ch)))
      .map(([start, end]) => text.slice(start, end).trim())
      .filter((sentence) => withoutBrackets(sentence) !== "")
      .map((sentence) => finishSentence(sentence, true))
      .join("\n");
  };
}
