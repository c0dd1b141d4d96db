import type { TextBlock } from "../document.js";
import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";
import { sentences, words } from "../text.js";

/** An ISO date standing on its own: not inside a longer run of digits, hyphens or letters. */
const ISO_DATE = /(?<![\p{L}\p{N}/-])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}]|[-/]\p{N})/gu;

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** Fewer words than this in the sentence besides the date: a line of a list of dates, not a sentence. */
const SENTENCE_WORDS = 4;

/**
 * An ISO date (2025-10-07) inside a sentence of a section's paragraphs and
 * list items, where Myndigheternas skrivregler write the date with the
 * month's name (7 oktober 2025). Tables, the page-1 block, the front matter
 * and lists of dates are left alone: a line or sentence that begins with
 * the date, or that has only a few words besides it
 * (`Tjänsteskrivelse 2023-10-10.`), is a line of such a list.
 */
export const textDatum: Rule = {
  ...RULE_SPECS["text/datum"],
  check(document, report) {
    for (const section of document.sections) {
      for (const block of section.body) {
        if (block.kind !== "paragraph" && block.kind !== "list-item") continue;
        for (const found of datesInSentences(block)) {
          report(
            block.at(found.index),
            `Datumet ${quote(found.iso)} står i löpande text. Skriv ${quote(found.written)}; sifferformen passar i tabeller, listor och brevhuvudet.`,
          );
        }
      }
    }
  },
};

interface DateInText {
  readonly index: number;
  readonly iso: string;
  readonly written: string;
}

/** The ISO dates of a block that stand in a sentence, with the form to write instead. */
export function datesInSentences(block: Pick<TextBlock, "text">): DateInText[] {
  const { text } = block;
  if (!text.includes("-")) return [];
  const found: DateInText[] = [];
  for (const match of text.matchAll(ISO_DATE)) {
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const lineStart = text.lastIndexOf("\n", match.index) + 1;
    const lineEnd = text.indexOf("\n", match.index);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const at = match.index - lineStart;
    const sentence = sentences(line).find((s) => at >= s.start && at < s.start + s.text.length);
    if (!sentence || line.slice(sentence.start, at).trim() === "") continue;
    if (words(sentence.text.replace(ISO_DATE, " ")).length < SENTENCE_WORDS) continue;
    found.push({ index: match.index, iso: match[0], written: `${day} ${MONTHS[month - 1]} ${match[1]}` });
  }
  return found;
}
