import { quote, type Rule } from "../rule.js";
import { blockSentences, firstWords } from "../text.js";
import { RULE_SPECS } from "../../model/rules.js";

/** How many words of a long sentence the message quotes. */
const QUOTED_WORDS = 5;

/** A sentence in a section's paragraphs or list items with more words than the limit. */
export const textLangMening: Rule = {
  ...RULE_SPECS["text/lang-mening"],
  check(document, report, params) {
    for (const section of document.sections) {
      for (const block of section.body) {
        if (block.kind !== "paragraph" && block.kind !== "list-item") continue;
        for (const sentence of blockSentences(block)) {
          const count = sentence.words;
          if (count <= params.sentenceMaxWords) continue;
          report(
            block.at(sentence.start),
            `Meningen ${quote(firstWords(sentence.text, QUOTED_WORDS))} har ${count} ord. Dela upp den i kortare meningar, högst ${params.sentenceMaxWords} ord.`,
          );
        }
      }
    }
  },
};
