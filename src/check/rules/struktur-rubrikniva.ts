import { quote, type Rule } from "../rule.js";

/**
 * A heading more than one level below the heading before it: `####` straight
 * under a section's `##`. The outline that screen readers, the navigation
 * pane and PDF bookmarks follow would have a hole (WCAG 1.3.1, PDF/UA).
 */
export const strukturRubrikniva: Rule = {
  id: "struktur/rubrikniva",
  severity: "error",
  description: "En rubrik hoppar över en nivå, t.ex. nivå 4 direkt under ett avsnitts rubrik på nivå 2.",
  check(document, report) {
    const headings = document.outline?.headings ?? [];
    let previous = 0;
    for (const heading of headings) {
      if (heading.depth > previous + 1 && previous > 0) {
        report(
          heading,
          `Rubriken ${quote(heading.text)} har nivå ${heading.depth} men rubriken före har nivå ${previous}. Ändra den till nivå ${previous + 1}, så att ingen nivå hoppas över.`,
        );
      }
      previous = heading.depth;
    }
  },
};
