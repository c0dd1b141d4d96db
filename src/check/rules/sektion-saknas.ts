import { normalizeHeading, type Position } from "../document.js";
import { quote, type Rule } from "../rule.js";
import { firstOccurrences, isBefore } from "../sections.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A required section whose heading is not in the document. Reported where
 * it should have stood: at the heading of the earliest section that belongs
 * after it, at the signatures if that comes first, or at the end. A heading
 * with the right text at the wrong level is reported at that heading.
 */
export const sektionSaknas: Rule = {
  ...RULE_SPECS["sektion/saknas"],
  check(document, report, { sections }) {
    const { outline } = document;
    if (!outline) return;
    const first = firstOccurrences(document);
    sections.forEach((spec, index) => {
      if (!spec.required || first.has(spec.id)) return;
      const name = quote(spec.heading);
      const wrongLevel = outline.headings.find(
        (h) => h.depth !== 2 && normalizeHeading(h.text) === normalizeHeading(spec.heading),
      );
      if (wrongLevel) {
        report(
          wrongLevel,
          `Avsnittet ${name} saknas: rubriken ${name} står på nivå ${wrongLevel.depth}, men avsnittens rubriker ska ha nivå 2. Ändra rubrikens nivå till 2.`,
        );
        return;
      }
      let next: { position: Position; name: string } | undefined;
      for (const later of sections.slice(index + 1)) {
        const section = first.get(later.id);
        if (section && (!next || isBefore(section.position, next.position))) {
          next = { position: section.position, name: later.heading };
        }
      }
      const { signatures } = outline;
      // A section the house style sets without a heading is added as its text alone.
      const what = spec.untitled ? "Lägg till dess text (husstilen ger det ingen rubrik)" : "Lägg till det, med rubrik och text,";
      if (signatures && (!next || isBefore(signatures, next.position))) {
        report(signatures, `Avsnittet ${name} saknas. ${what} före underskrifterna.`);
      } else if (next) {
        report(next.position, `Avsnittet ${name} saknas. ${what} före ${quote(next.name)}.`);
      } else {
        report(outline.end, `Avsnittet ${name} saknas. ${what} i slutet av dokumentet.`);
      }
    });
  },
};
