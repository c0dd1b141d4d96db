import type { Section } from "../document.js";
import { quote, type Rule } from "../rule.js";
import { firstOccurrences } from "../sections.js";
import { RULE_SPECS } from "../../model/rules.js";

/**
 * A required section out of order (sections that `check.avsnitt` adds may stand anywhere). The sections that are in order are the
 * longest run that follows the section list (the earliest such run in the
 * document); every other one is reported at its heading with the section
 * it should follow.
 */
export const sektionOrdning: Rule = {
  ...RULE_SPECS["sektion/ordning"],
  check(document, report, { sections }) {
    if (!document.outline) return;
    const first = firstOccurrences(document);
    // A section that may stand anywhere (check.avsnitt) has no place to be out of.
    const required = sections.filter((spec) => spec.required && spec.ordered !== false);
    const present = document.sections
      .filter((s) => s.spec?.required && s.spec.ordered !== false && first.get(s.spec.id) === s)
      .map((section) => ({ section, rank: required.findIndex((spec) => spec.id === section.spec?.id) }));
    const inOrder = new Set(longestIncreasingRun(present.map((p) => p.rank)).map((i) => present[i]!));
    for (const item of present) {
      if (inOrder.has(item)) continue;
      const before = [...inOrder].filter((o) => o.rank < item.rank).at(-1);
      const after = [...inOrder].find((o) => o.rank > item.rank);
      const where = before
        ? `så att det kommer efter ${name(before.section)}`
        : `så att det kommer först, före ${name(after!.section)}`;
      report(item.section.position, `Avsnittet ${name(item.section)} står på fel plats. Flytta det ${where}.`);
    }
  },
};

function name(section: Section): string {
  return quote(section.spec?.heading ?? "");
}

/**
 * Indices of a longest strictly increasing subsequence of `ranks`; among
 * equally long ones, the one that starts earliest and keeps earliest.
 */
export function longestIncreasingRun(ranks: readonly number[]): number[] {
  const n = ranks.length;
  const length = new Array<number>(n).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      if (ranks[j]! > ranks[i]! && length[j]! + 1 > length[i]!) length[i] = length[j]! + 1;
    }
  }
  const best = Math.max(0, ...length);
  const run: number[] = [];
  let need = best;
  let last = -Infinity;
  for (let i = 0; i < n && need > 0; i++) {
    if (length[i] === need && ranks[i]! > last) {
      run.push(i);
      last = ranks[i]!;
      need--;
    }
  }
  return run;
}
