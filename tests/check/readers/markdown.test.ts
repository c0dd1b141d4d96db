import { describe, expect, it } from "vitest";
import type { TextBlock } from "../../../src/check/document.js";
import { readMarkdown } from "../../../src/check/readers/markdown.js";
import { SECTIONS, SIGNATURES_MARKER } from "../../../src/model/sections.js";

/** Where `needle` in a block's text stands in the file. */
function where(block: TextBlock | undefined, needle: string) {
  const offset = block?.text.indexOf(needle) ?? -1;
  expect(offset, `”${needle}” in ${JSON.stringify(block?.text)}`).toBeGreaterThanOrEqual(0);
  return block!.at(offset);
}

const [first, second] = SECTIONS;

describe("readMarkdown", () => {
  it("gives every character of a block its line and column in the file", () => {
    const doc = readMarkdown(
      [
        "Text med *betoning*, `kod` och [länk](https://example.se) på en rad.", // 1
        "", // 2
        "- En punkt", // 3
        "  som fortsätter \\[med escape\\] och &auml;ndelse och mer.", // 4
        "", // 5
        "> Citat över", // 6
        "> två rader med 👍 emoji och slut.", // 7
        "", // 8
        "Hård\\", // 9
        "radbrytning.", // 10
      ].join("\n"),
    );
    const [paragraph, item, quote, hard] = doc.blocks;
    expect(paragraph?.text).toBe("Text med betoning, kod och länk på en rad.");
    expect(where(paragraph, "betoning")).toEqual({ line: 1, column: 11 });
    expect(where(paragraph, "kod")).toEqual({ line: 1, column: 23 });
    expect(where(paragraph, "på en rad")).toEqual({ line: 1, column: 59 });
    expect(item?.kind).toBe("list-item");
    expect(item?.text).toBe("En punkt\nsom fortsätter [med escape] och ändelse och mer.");
    expect(where(item, "som")).toEqual({ line: 4, column: 3 });
    expect(where(item, "[med")).toEqual({ line: 4, column: 19 });
    expect(where(item, "ändelse")).toEqual({ line: 4, column: 37 });
    expect(where(item, "och mer")).toEqual({ line: 4, column: 50 });
    expect(where(quote, "två")).toEqual({ line: 7, column: 3 });
    expect(where(quote, "emoji")).toEqual({ line: 7, column: 20 });
    expect(hard?.text).toBe("Hård\nradbrytning.");
    expect(where(hard, "radbrytning")).toEqual({ line: 10, column: 1 });
  });

  it("opens a section at each level-2 heading and ends its text at the next one or at the signatures", () => {
    const doc = readMarkdown(
      [
        "# Titel", // 1
        "Ingress.", // 2
        `## ${first.heading}`, // 3
        "Text ett.", // 4
        "### Egen rubrik", // 5
        "Mer text.", // 6
        `##   ${second.heading.toUpperCase()}  `, // 7
        "Text två.", // 8
        SIGNATURES_MARKER, // 9
        "Underskrift", // 10
        "## Eget avsnitt", // 11
      ].join("\n"),
    );
    expect(doc.sections.map((s) => [s.heading?.text, s.spec?.id, s.position.line, s.body.map((b) => b.text)])).toEqual([
      [first.heading, first.id, 3, ["Text ett.", "Egen rubrik", "Mer text."]],
      [second.heading.toUpperCase(), second.id, 7, ["Text två."]],
      ["Eget avsnitt", undefined, 11, []],
    ]);
    expect(doc.outline?.headings.map((h) => [h.depth, h.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 5],
      [2, 7],
      [2, 11],
    ]);
    expect(doc.outline?.signatures).toEqual({ line: 9, column: 1 });
    expect(doc.outline?.end).toEqual({ line: 11, column: 16 });
    // The signatures are text of the document, for the placeholder rule, but of no section.
    expect(doc.blocks.map((b) => b.text)).toContain("Underskrift");
  });

  it("reads the dates of the front matter with their lines in the file", () => {
    const doc = readMarkdown(
      [
        "---", // 1
        "datum: 2025-10-07", // 2
        "remiss:", // 3
        "  svar_senast: '2025-10-28'", // 4
        "beredning:", // 5
        "  behandlats:", // 6
        "    - organ: pensionärsrådet", // 7
        "      datum: 2025-10-06", // 8
        "    - organ: ett datum som inte är ett datum", // 9
        "      datum: snart", // 10
        "---", // 11
        "# Titel", // 12
      ].join("\n"),
    );
    expect(doc.dates).toEqual({
      datum: { value: "2025-10-07", line: 2, column: 8 },
      svarSenast: { value: "2025-10-28", line: 4, column: 16 },
      behandlats: [{ value: "2025-10-06", line: 8, column: 14, organ: "pensionärsrådet" }],
    });
  });

  it("reads no dates from a front matter that is not YAML, and none without one", () => {
    expect(readMarkdown("---\ndatum: [2025-10-07\n---\n").dates).toEqual({ behandlats: [] });
    expect(readMarkdown("# Titel\n").dates).toEqual({ behandlats: [] });
  });
});
