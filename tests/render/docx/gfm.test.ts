import { describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { attrOf, bodyBlocks, child, findAll, parseXml, part, type DocxTable } from "./docx-reader.js";

/** GitHub's Markdown extensions reach the DOCX as GitHub shows them. */
const MARKDOWN = `---
titel: Kostnader
---

# Kostnader

Kostnaden är låg[^1] och inte ~~hög~~ enligt kalkylen[^kalkyl]. Se budgeten[^1].

| Insats | Kostnad (tkr) | Kommentar |
|---|---:|:---:|
| Fältassistenter | 1 200 | Nya |
| Lokaler | 300 | |

[^1]: Enligt budgeten för 2026.
[^kalkyl]: Kalkylen finns i bilaga 2.

    Med ett andra stycke.
`;

describe("GFM in the DOCX", () => {
  it("makes a table a real Word table: header row repeated on each page, alignment kept, borders", async () => {
    const bytes = await renderDocx(MARKDOWN);
    const [table] = bodyBlocks(bytes).filter((b): b is DocxTable => b.kind === "tbl");
    expect(table!.rows.map((row) => row.map((cell) => cell.map((p) => p.text).join("\n")))).toEqual([
      ["Insats", "Kostnad (tkr)", "Kommentar"],
      ["Fältassistenter", "1 200", "Nya"],
      ["Lokaler", "300", ""],
    ]);
    const rows = findAll([table!.node], "w:tr");
    expect(findAll([rows[0]!], "w:tblHeader")).toHaveLength(1);
    expect(findAll([rows[1]!], "w:tblHeader")).toHaveLength(0);
    const alignments = findAll([rows[1]!], "w:jc").map((jc) => attrOf(jc, "w:val"));
    expect(alignments).toEqual(["left", "right", "center"]);
    expect(findAll([table!.node], "w:tblBorders")[0] && child(findAll([table!.node], "w:tblBorders")[0]!, "w:top")).toBeDefined();
  });

  it("strikes through ~~text~~", async () => {
    const paragraph = findAll(parseXml(part(await renderDocx(MARKDOWN), "word/document.xml")), "w:r").find((r) =>
      JSON.stringify(r).includes('"hög"'),
    );
    expect(paragraph && findAll([paragraph], "w:strike")).toHaveLength(1);
  });

  it("makes footnotes Word footnotes, numbered in order of first reference, one footnote per definition", async () => {
    const bytes = await renderDocx(MARKDOWN);
    const references = findAll(parseXml(part(bytes, "word/document.xml")), "w:footnoteReference").map((r) => attrOf(r, "w:id"));
    expect(references).toEqual(["1", "2", "1"]);
    const notes = findAll(parseXml(part(bytes, "word/footnotes.xml")), "w:footnote").filter((n) => Number(attrOf(n, "w:id")) > 0);
    const texts = notes.map((note) => [attrOf(note, "w:id"), findAll([note], "w:t").map((t) => JSON.stringify(t)).join("")]);
    expect(texts).toHaveLength(2);
    expect(texts[0]![1]).toContain("Enligt budgeten för 2026.");
    expect(texts[1]![1]).toContain("Kalkylen finns i bilaga 2.");
    expect(texts[1]![1]).toContain("Med ett andra stycke.");
    // The definitions are not body text.
    const body = bodyBlocks(bytes).flatMap((b) => (b.kind === "p" ? [b.text] : []));
    expect(body.join("\n")).not.toContain("Enligt budgeten");
  });
});
