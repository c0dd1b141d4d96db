import { lineReference, quote, type Rule } from "../rule.js";
import { firstOccurrences } from "../sections.js";
import { RULE_SPECS } from "../../model/rules.js";

/** A required section whose heading occurs again: reported at each later one. */
export const sektionDubblett: Rule = {
  ...RULE_SPECS["sektion/dubblett"],
  check(document, report) {
    if (!document.outline) return;
    const first = firstOccurrences(document);
    for (const section of document.sections) {
      const original = section.spec?.required ? first.get(section.spec.id) : undefined;
      if (!original || original === section) continue;
      report(
        section.position,
        `Avsnittet ${quote(section.spec!.heading)} finns redan ${lineReference(document, original.position.line)}. Flytta texten dit och ta bort den här rubriken.`,
      );
    }
  },
};
