import { quote, type Rule } from "../rule.js";
import { firstOccurrences, hasText } from "../sections.js";
import { RULE_SPECS } from "../../model/rules.js";

/** A required section with a heading but no text under it (up to the next `##` heading or the signatures). */
export const sektionTom: Rule = {
  ...RULE_SPECS["sektion/tom"],
  check(document, report) {
    if (!document.outline) return;
    for (const section of firstOccurrences(document).values()) {
      if (!section.spec?.required || hasText(section)) continue;
      report(section.position, `Avsnittet ${quote(section.spec.heading)} är tomt. Skriv avsnittets text under rubriken.`);
    }
  },
};
