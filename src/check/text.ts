import { splitSentences } from "../view/sentences.js";
import type { TextBlock } from "./document.js";

/** A sentence of a block: where it starts in the block's text, its text and its word counts. */
export interface Sentence {
  readonly start: number;
  readonly text: string;
  readonly words: number;
  /** Words with more than six letters. */
  readonly longWords: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NOT_LETTER = /\P{L}/gu;

/** The words of a text: what stands between spaces, if it has a letter or digit (`t.ex.`, `Bob-strukturen`, `2025/804`). */
export function words(text: string): string[] {
  return text.split(/\s+/u).filter((token) => LETTER_OR_DIGIT.test(token));
}

/** A long word in LIX: more than six letters. */
export function isLongWord(word: string): boolean {
  return word.length > 6 && word.replace(NOT_LETTER, "").length > 6;
}

/** What a character is, for counting words: 0 not yet known, then one of the kinds below. */
const KIND = new Uint8Array(0x10000);
const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
const SPACE = 4;

/** The kind of a UTF-16 code unit that is not a surrogate, looked up once per character by the same classes as `words` and `isLongWord`. */
function kindOf(unit: number): number {
  let kind = KIND[unit]!;
  if (kind === 0) {
    const char = String.fromCharCode(unit);
    kind = /\s/u.test(char) ? SPACE : /\p{L}/u.test(char) ? LETTER : /\p{N}/u.test(char) ? DIGIT : OTHER;
    KIND[unit] = kind;
  }
  return kind;
}

/** The kind of the code point that a surrogate pair at `index` stands for. */
function codePointKind(text: string, index: number): number {
  const char = String.fromCodePoint(text.codePointAt(index)!);
  return /\p{L}/u.test(char) ? LETTER : /\p{N}/u.test(char) ? DIGIT : OTHER;
}

/**
 * `words(text).length` and how many of them are long words (`isLongWord`),
 * counted in one pass without building the words.
 */
export function wordCounts(text: string): { words: number; longWords: number } {
  let wordCount = 0;
  let longWords = 0;
  // The word being read: its length and letters in UTF-16 units, and whether it has a letter or digit.
  let length = 0;
  let letters = 0;
  let counts = false;
  const end = () => {
    if (counts) {
      wordCount++;
      if (length > 6 && letters > 6) longWords++;
    }
    length = 0;
    letters = 0;
    counts = false;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let kind: number;
    let size = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        kind = codePointKind(text, i);
        size = 2;
        i++;
      } else kind = OTHER;
    } else if (unit >= 0xd800 && unit <= 0xdfff) kind = OTHER;
    else kind = kindOf(unit);
    if (kind === SPACE) {
      end();
      continue;
    }
    length += size;
    if (kind === LETTER) {
      letters += size;
      counts = true;
    } else if (kind === DIGIT) counts = true;
  }
  end();
  return { words: wordCount, longWords };
}

/**
 * The sentences of a block with their start in the block's text. Line
 * breaks count as spaces (one sentence may run over several lines); the
 * splitting itself, with its Swedish abbreviations, is `splitSentences`.
 */
export function sentences(text: string): Sentence[] {
  const flat = text.replace(/\n/gu, " ");
  const spans: Sentence[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(flat)) {
    const start = flat.indexOf(sentence, cursor);
    const at = start === -1 ? cursor : start;
    const counts = wordCounts(sentence);
    spans.push({ start: at, text: sentence, words: counts.words, longWords: counts.longWords });
    cursor = at + sentence.length;
  }
  return spans;
}

const byBlock = new WeakMap<TextBlock, Sentence[]>();

/** A block's sentences, split and counted once however many rules read them. */
export function blockSentences(block: TextBlock): Sentence[] {
  let spans = byBlock.get(block);
  if (!spans) {
    spans = sentences(block.text);
    byBlock.set(block, spans);
  }
  return spans;
}

export interface LixCount {
  readonly words: number;
  readonly longWords: number;
  readonly sentences: number;
}

/** Words, long words and sentences of some blocks; each block ends at least one sentence. */
export function lixCount(blocks: readonly TextBlock[]): LixCount {
  let wordCount = 0;
  let longWords = 0;
  let sentenceCount = 0;
  for (const block of blocks) {
    for (const sentence of blockSentences(block)) {
      if (sentence.words === 0) continue;
      sentenceCount++;
      wordCount += sentence.words;
      longWords += sentence.longWords;
    }
  }
  return { words: wordCount, longWords, sentences: sentenceCount };
}

/** Björnsson's LIX: words per sentence + 100 × the share of words longer than six letters. */
export function lix(count: LixCount): number {
  if (count.words === 0 || count.sentences === 0) return 0;
  return count.words / count.sentences + (100 * count.longWords) / count.words;
}

/** A number as Swedish writes it: one decimal at most, decimal comma (`62,4`, `58`). */
export function formatDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", ",");
}

/** The first `count` words of a text, followed by " …" when there is more. */
export function firstWords(text: string, count: number): string {
  const parts = text.trim().split(/\s+/u);
  return parts.length <= count ? parts.join(" ") : `${parts.slice(0, count).join(" ")} …`;
}
