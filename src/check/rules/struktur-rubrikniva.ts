import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A level-1 or level-2 heading inside a block quote or a list, or a heading more than one level below the heading before it: `####` straight
 * under a section's `##`. The outline that screen readers, the navigation
 * pane and PDF bookmarks follow would have a hole (WCAG 1.3.1, PDF/UA).
 */
export const strukturRubrikniva: Rule = {
  ...RULE_SPECS["struktur/rubrikniva"],
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
    // `> ## Rubrik` opens no section in Markdown, but would look like one (and in Word be one).
    for (const heading of document.outline?.nestedHeadings ?? []) {
      report(
        heading,
        `Rubriken ${quote(heading.text)} på nivå ${heading.depth} står i ett citat eller en lista. Nivå 1 och 2 hör till dokumentets egna avsnitt; använd ### eller ta bort rubriken ur citatet eller listan.`,
      );
    }
  },
};
