import { formatDecimal, lix, lixCount } from "../text.js";
import type { Rule } from "../rule.js";
import { sectionName } from "../sections.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A section whose LIX (Björnsson's readability index: words per sentence
 * + 100 × the share of words longer than six letters) is above the limit.
 * Only paragraphs and list items count; a section with fewer words than
 * `lixMinWords` is too short for the index to say anything.
 */
export const textLix: Rule = {
  ...RULE_SPECS["text/lix"],
  check(document, report, params) {
    for (const section of document.sections) {
      const count = lixCount(section.body.filter((b) => b.kind === "paragraph" || b.kind === "list-item"));
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
