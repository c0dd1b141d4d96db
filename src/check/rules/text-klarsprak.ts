import { findKlarsprak, KLARSPRAK } from "../klarsprak.js";
import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A word or phrase from the klarspråk list (src/check/data/klarsprak.json,
 * with the förvaltning's changes from `check.klarsprak`) in the text the
 * writer writes: the sections' paragraphs, list items, table cells and own
 * headings. Not the page-1 block, the title or the signatures, and not
 * inside quotation marks or a block quote (someone else's words).
 */
export const textKlarsprak: Rule = {
  ...RULE_SPECS["text/klarsprak"],
  check(document, report, params) {
    const list = params.klarsprak ?? KLARSPRAK;
    if (list.length === 0) return;
    // The remitted document's title is its authors' wording, also where a sentence repeats it.
    const titles = [
      ...(document.outline?.headings ?? []).filter((h) => h.depth === 1 && h.text.length > 0).map((h) => h.text),
      ...(document.title ? [document.title] : []),
    ];
    for (const section of document.sections) {
      for (const block of section.body) {
        if (block.kind === "code" || block.quoted) continue;
        const inTitle = titleSpans(block.text, titles);
        for (const match of findKlarsprak(block.text, list)) {
          if (inTitle.some(([from, to]) => match.index >= from && match.index < to)) continue;
          const written = match.text.replace(/\s+/gu, " ");
          const form = written.toLocaleLowerCase("sv") === match.entry.ord.toLocaleLowerCase("sv") ? "" : ` (här ${quote(written)})`;
          report(block.at(match.index), `Skriv ${alternatives(match.entry.forslag)} i stället för ${quote(match.entry.ord)}${form}.`);
        }
      }
    }
  },
};

/** `om, när det gäller` → ”om” eller ”när det gäller”. */
function alternatives(suggestion: string): string {
  const parts = suggestion.split(/\s*,\s*/u).filter(Boolean).map(quote);
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} eller ${parts.at(-1)}`;
}

/** Where the titles stand in a text, as [from, to) offsets, in any case (a sentence writes ”en motion avseende …”). */
function titleSpans(text: string, titles: readonly string[]): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  const flat = text.replace(/\s+/gu, " ").toLocaleLowerCase("sv");
  // Offsets in `flat` are those of `text` only when no run of white space was shortened.
  if (flat.length !== text.length) return spans;
  for (const title of titles.map((t) => t.toLocaleLowerCase("sv"))) {
    for (let at = flat.indexOf(title); at !== -1; at = flat.indexOf(title, at + 1)) spans.push([at, at + title.length]);
  }
  return spans;
}
