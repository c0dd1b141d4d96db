import type { Section, TextBlock } from "../document.js";
import { formatDecimal, lix, lixCount, type LixCount } from "../text.js";
import type { Rule } from "../rule.js";
import { sectionName } from "../sections.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A section whose LIX (Björnsson's readability index: words per sentence
 * + 100 × the share of words longer than six letters) is above the limit.
 * Only body text counts (see `bodyLixCount`); a section with fewer words
 * than `lixMinWords` is too short for the index to say anything.
 */
export const textLix: Rule = {
  ...RULE_SPECS["text/lix"],
  check(document, report, params) {
    for (const section of document.sections) {
      const count = bodyLixCount(section);
      if (count.words < params.lixMinWords) continue;
      const value = lix(count);
      if (value <= params.lixMax) continue;
      report(
        section.position,
        `Avsnittet ${sectionName(section)} har LIX ${formatDecimal(value)}, över gränsen ${formatDecimal(params.lixMax)}, och är svårt att läsa. Skriv kortare meningar och byt långa ord mot kortare där det går.`,
      );
    }
  },
};

/**
 * A list marker typed as text at the start of a paragraph (`1. `, `a) `,
 * `• `, `– `), as in a Word document without Word's own numbering: it is no
 * word and ends no sentence.
 */
const TYPED_MARKER = /^[ \t]*(?:[•◦▪▫‣⁃●○■□–—*+-]|\(?(?:\d{1,3}|[a-zåäö]|[ivx]{1,4})[.)])[ \t\u00a0]+/iu;

const stripped = new WeakMap<TextBlock, TextBlock>();

/** The block without a typed list marker at its start (the same block when it has none). */
function withoutMarker(block: TextBlock): TextBlock {
  const marker = TYPED_MARKER.exec(block.text);
  if (!marker) return block;
  let result = stripped.get(block);
  if (!result) {
    const cut = marker[0].length;
    result = { kind: block.kind, text: block.text.slice(cut), at: (offset) => block.at(offset + cut) };
    stripped.set(block, result);
  }
  return result;
}

/**
 * What LIX counts in a section: its body text only. Paragraphs and list
 * items count, without their list markers (Markdown's `-` and `1.` and
 * Word's numbering are not text; a marker typed by hand is taken away);
 * headings, tables and code do not, and the page-1 block, the title and the
 * signatures stand in no section. Each paragraph or list item ends at least
 * one sentence.
 */
export function bodyLixCount(section: Pick<Section, "body">): LixCount {
  return lixCount(section.body.filter((b) => b.kind === "paragraph" || b.kind === "list-item").map(withoutMarker));
}
