import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../src/check/document.js";
import { runRules } from "../../src/check/engine.js";
import { readMarkdown } from "../../src/check/readers/markdown.js";
import type { Rule } from "../../src/check/rule.js";
import { RULES } from "../../src/check/rules/index.js";
import { longestIncreasingRun } from "../../src/check/rules/sektion-ordning.js";

describe("runRules", () => {
  it("adds each rule's id and severity to what it reports, after the reader's own findings", () => {
    const rule: Rule = {
      id: "test/regel",
      severity: "warning",
      description: "En regel för testet.",
      check: (_document, report) => report({ line: 3, column: 2 }, "Ett fynd."),
    };
    const own = { line: 1, column: 1, severity: "error" as const, rule: "schema/saknas", message: "Saknas." };
    expect(runRules(emptyDocument([own]), {}, [rule])).toEqual([
      own,
      { line: 3, column: 2, severity: "warning", rule: "test/regel", message: "Ett fynd." },
    ]);
  });

  it("takes the limits of the text rules as parameters", () => {
    const doc = readMarkdown("## Avsnitt\n\nEn mening med sex ord här.\n");
    const rules = RULES.filter((r) => r.id === "text/lang-mening" || r.id === "text/lix");
    expect(runRules(doc, {}, rules)).toEqual([]);
    expect(runRules(doc, { sentenceMaxWords: 5, lixMinWords: 1, lixMax: 5 }, rules).map((f) => f.message)).toEqual([
      "Avsnittet ”Avsnitt” har LIX 6, över gränsen 5, och är svårt att läsa. Skriv kortare meningar och byt långa ord mot kortare där det går.",
      "Meningen ”En mening med sex ord …” har 6 ord. Dela upp den i kortare meningar, högst 5 ord.",
    ]);
  });

  it("has rules with unique ids of the form area/name", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z-]+$/u);
  });
});

describe("longestIncreasingRun", () => {
  it("keeps the longest run in list order, the earliest one when several are as long", () => {
    expect(longestIncreasingRun([])).toEqual([]);
    expect(longestIncreasingRun([0, 1, 2])).toEqual([0, 1, 2]);
    expect(longestIncreasingRun([1, 0])).toEqual([0]);
    // A section moved to the end: everything else stays in order.
    expect(longestIncreasingRun([0, 2, 3, 4, 1])).toEqual([0, 1, 2, 3]);
    // A section moved to the front.
    expect(longestIncreasingRun([4, 0, 1, 2, 3])).toEqual([1, 2, 3, 4]);
  });
});
