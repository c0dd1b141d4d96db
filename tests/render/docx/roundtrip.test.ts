import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx, renderMdast } from "../../../src/render/docx/index.js";
import {
  allParagraphs,
  attrOf,
  blocksOf,
  bodyBlocks,
  child,
  childrenOf,
  docxParts,
  findAll,
  parseXml,
  partText,
  readNumbering,
  tagOf,
  type DocxParagraph,
  type DocxTable,
} from "./docx-reader.js";
import {
  MINIMAL_MD,
  MIXED_MD,
  REFERENCE_MD,
  REFERENCE_THREE_SIGNATORIES_MD,
  THREE_SIGNATORIES_MD,
  expectedText,
  markdownHeadings,
  markdownParagraphs,
  tree,
} from "./inputs.js";

/** Renders, then reads word/document.xml back: the DOCX as a reader of the file sees it. */
async function render(markdown: string) {
  const bytes = await renderDocx(markdown);
  const blocks = bodyBlocks(bytes);
  return { bytes, blocks, paragraphs: allParagraphs(blocks), parts: docxParts(bytes) };
}

type Rendered = Awaited<ReturnType<typeof render>>;

function tables(rendered: Rendered): DocxTable[] {
  return rendered.blocks.filter((b): b is DocxTable => b.kind === "tbl");
}

function headingsOf(paragraphs: readonly DocxParagraph[]) {
  return paragraphs.filter((p) => p.style?.startsWith("Heading")).map((p) => ({ depth: Number(p.style!.slice(7)), text: p.text }));
}

/** The part a header or footer reference of the section points at. */
function headerFooterPart(rendered: Rendered, kind: "header" | "footer", type: "first" | "default"): string | undefined {
  const document = parseXml(rendered.parts["word/document.xml"]!);
  const [sectPr] = findAll(document, "w:sectPr");
  const reference = childrenOf(sectPr!).find((c) => tagOf(c) === `w:${kind}Reference` && attrOf(c, "w:type") === type);
  if (!reference) return undefined;
  const id = attrOf(reference, "r:id");
  const rels = parseXml(rendered.parts["word/_rels/document.xml.rels"]!);
  const target = findAll(rels, "Relationship").find((r) => attrOf(r, "Id") === id);
  return target ? rendered.parts[`word/${attrOf(target, "Target")}`] : undefined;
}

describe("DOCX round trip of the reference (fixtures/sodermalm-ks-2025-804.md)", () => {
  let doc: Rendered;
  beforeAll(async () => {
    doc = await render(REFERENCE_MD);
  });

  it("has the headings as Word's heading styles, with their text, in order", () => {
    const expected = markdownHeadings(REFERENCE_MD);
    expect(expected[0]).toEqual({ depth: 1, text: "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga" });
    expect(expected.filter((h) => h.depth === 2).map((h) => h.text)).toContain("Förvaltningens förslag till beslut");
    expect(headingsOf(doc.paragraphs)).toEqual(expected);
    expect(doc.paragraphs.find((p) => p.style === "Heading1")?.text).toBe(expected[0]!.text);
  });

  it("gives the heading styles outline levels (navigation pane, TOC, PDF bookmarks)", () => {
    const styles = parseXml(doc.parts["word/styles.xml"]!);
    for (const [id, level] of [["Heading1", "0"], ["Heading2", "1"], ["Heading3", "2"]] as const) {
      const style = findAll(styles, "w:style").find((s) => attrOf(s, "w:styleId") === id);
      expect(style, id).toBeDefined();
      expect(attrOf(child(style!, "w:name")!, "w:val")).toBe(`heading ${id.slice(7)}`);
      const outline = findAll([style!], "w:outlineLvl")[0];
      expect(outline && attrOf(outline, "w:val")).toBe(level);
    }
  });

  it("has every paragraph of the Markdown as text, in order (soft breaks as spaces, hard breaks as line breaks)", () => {
    const stream = doc.paragraphs.map((p) => p.text).join("\n");
    let from = 0;
    const expected = markdownParagraphs(REFERENCE_MD).map(expectedText);
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const text of expected) {
      const at = stream.indexOf(text, from);
      expect(at, `missing or out of order: ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
      from = at + text.length;
    }
    // The sentences of a paragraph are joined with a space, never a line break.
    expect(stream).toContain("fått en motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga. Motionen är skriven av Andréa Hedin (M).");
  });

  it("renders the motion's yrkanden as a bulleted list", () => {
    const { nums, abstracts } = readNumbering(doc.bytes);
    const items = doc.paragraphs.filter((p) => p.text.startsWith("Att "));
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.numId).toBeDefined();
      expect(item.ilvl).toBe("0");
      const abstract = abstracts.get(nums.get(item.numId!)!.abstractNumId)!;
      expect(abstract["0"]!.numFmt).toBe("bullet");
    }
    expect(items[0]!.numId).toBe(items[1]!.numId);
  });

  it("puts the metadata block in the body of page 1 in reading order: Tjänsteutlåtande, Dnr and date, then Handläggare, Telefon, E-post, Till", () => {
    const [info, handlaggare, till] = doc.blocks as DocxParagraph[];
    // Ordinary body text at the right of the page, not a frame (a screen reader reads a frame out of order).
    expect(info!.framed).toBe(false);
    expect(info!.style).toBe("Dokumentuppgifter");
    expect(findAll([info!.node], "w:ind").map((ind) => Number(attrOf(ind, "w:left")))).toEqual([expect.any(Number)]);
    expect(Number(attrOf(findAll([info!.node], "w:ind")[0]!, "w:left"))).toBeGreaterThan(4000);
    expect(info!.text).toBe("Tjänsteutlåtande\nDnr SÖD 2025/1234\n2025-10-07");
    expect(handlaggare!.text).toBe("Handläggare: Kim Lindqvist\nTelefon: 08-508 12 345\nE-post: kim.lindqvist@stockholm.se");
    expect(till!.text).toBe("Till Södermalms stadsdelsnämnd");
    expect(doc.blocks[3]).toMatchObject({ kind: "p", style: "Heading1" });
    expect(doc.blocks[4]).toMatchObject({ kind: "p", style: "Subtitle", text: "Remiss från Kommunstyrelsen, KS 2025/804" });
  });

  it("has a first-page header with the letterhead and Sida 1 (N) from PAGE and NUMPAGES fields, without doubling the document info", () => {
    const first = headerFooterPart(doc, "header", "first")!;
    expect(first).toBeDefined();
    const text = partText(first);
    expect(text).toContain("Södermalms stadsdelsförvaltning\nStadsdelsdirektörens stab och kansli");
    expect(text).toContain("Sida  ()"); // the field results are filled in by Word and LibreOffice
    expect(first).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(first).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(text).not.toContain("SÖD 2025/1234");
    expect(text).not.toContain("2025-10-07");
    const document = doc.parts["word/document.xml"]!;
    expect(findAll(parseXml(document), "w:titlePg")).toHaveLength(1);
  });

  it("has a header for later pages with the Dnr and Sida N (M)", () => {
    const later = headerFooterPart(doc, "header", "default")!;
    expect(later).toBeDefined();
    expect(partText(later)).toContain("Dnr SÖD 2025/1234");
    expect(later).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });

  it("has the address block at the foot of page 1 only", () => {
    const footer = headerFooterPart(doc, "footer", "first")!;
    expect(partText(footer).split("\n")).toEqual(
      expect.arrayContaining(["Virkesvägen 3", "Box 90 185", "120 22 Stockholm", "Växel 08-508 12 000", "soder@stockholm.se", "start.stockholm"]),
    );
    expect(headerFooterPart(doc, "footer", "default")).toBeUndefined();
  });

  it("lays out A4 pages", () => {
    const [pgSz] = findAll(parseXml(doc.parts["word/document.xml"]!), "w:pgSz");
    expect(attrOf(pgSz!, "w:w")).toBe("11906");
    expect(attrOf(pgSz!, "w:h")).toBe("16838");
  });

  it("puts the two signatories side by side in one row of a borderless table: name over title over förvaltning", () => {
    const [signatures] = tables(doc);
    expect(signatures!.rows).toHaveLength(1);
    expect(signatures!.rows[0]!.map((cell) => cell.map((p) => p.text))).toEqual([
      ["Snorre Berglund", "Stadsdelsdirektör", "Södermalms stadsdelsförvaltning"],
      ["Maria Klemets Hellberg", "Avdelningschef", "Södermalms stadsdelsförvaltning"],
    ]);
    const borders = findAll([signatures!.node], "w:tblBorders")[0]!;
    expect(childrenOf(borders).map((b) => attrOf(b, "w:val"))).toEqual(["none", "none", "none", "none", "none", "none"]);
    // The closing sentence has the closing style, which keeps it with the signatures.
    const closing = doc.paragraphs.find((p) => p.text.startsWith("Förvaltningen föreslår att stadsdelsnämnden överlämnar"))!;
    expect(closing.style).toBe("Avslutning");
    const style = findAll(parseXml(doc.parts["word/styles.xml"]!), "w:style").find((s) => attrOf(s, "w:styleId") === "Avslutning")!;
    expect(findAll([style], "w:keepNext")).toHaveLength(1);
  });

  it("numbers Bilagor as a list that starts at 1", () => {
    const bilaga = doc.paragraphs.find((p) => p.text === "Motionen.")!;
    const { nums, abstracts } = readNumbering(doc.bytes);
    const num = nums.get(bilaga.numId!)!;
    expect(abstracts.get(num.abstractNumId)!["0"]).toMatchObject({ numFmt: "decimal", lvlText: "%1." });
    expect(num.startOverrides["0"]).toBe("1");
  });
});

describe("DOCX signatures", () => {
  it("starts a second row for a third signatory (the reference with one more)", async () => {
    const doc = await render(REFERENCE_THREE_SIGNATORIES_MD);
    const [signatures] = tables(doc);
    expect(signatures!.rows.map((row) => row.length)).toEqual([2, 2]);
    expect(signatures!.rows[0]!.map((cell) => cell[0]!.text)).toEqual(["Snorre Berglund", "Maria Klemets Hellberg"]);
    expect(signatures!.rows[1]![0]!.map((p) => p.text)).toEqual(["Kim Lindqvist", "Utredare", "Södermalms stadsdelsförvaltning"]);
    expect(signatures!.rows[1]![1]!.map((p) => p.text)).toEqual([""]);
  });

  it("ends the signatures at the next heading (Bilagor stays a heading and a list)", async () => {
    const doc = await render(THREE_SIGNATORIES_MD);
    const index = doc.blocks.findIndex((b) => b.kind === "tbl");
    expect(doc.blocks[index + 1]).toMatchObject({ kind: "p", style: "Heading2", text: "Bilagor" });
    expect((tables(doc)[0]!.rows[1]![0] ?? []).map((p) => p.text)).toEqual(["Aino Kask", "Enhetschef", "Farsta stadsdelsförvaltning"]);
  });

  it("writes one signatory as plain paragraphs, not a table, and ends the document there", async () => {
    const doc = await render(MINIMAL_MD);
    expect(tables(doc)).toEqual([]);
    expect(doc.blocks.slice(-3).map((b) => (b.kind === "p" ? [b.style, b.text] : b.kind))).toEqual([
      ["Underskrift", "Eva Ek"],
      ["Underskrift", "Stadsdelsdirektör"],
      ["Underskrift", "Farsta stadsdelsförvaltning"],
    ]);
  });

  it("gives the signature table a caption for screen readers", async () => {
    const doc = await render(REFERENCE_MD);
    const [signatures] = tables(doc);
    const caption = findAll([signatures!.node], "w:tblCaption")[0];
    const description = findAll([signatures!.node], "w:tblDescription")[0];
    expect([caption && attrOf(caption, "w:val"), description && attrOf(description, "w:val")]).toEqual([
      "Underskrifter",
      "De som skriver under utlåtandet, två i bredd.",
    ]);
  });

  it("ends a document whose last block is the signature table with a paragraph whose mark is hidden, so nothing empty is read out", async () => {
    const doc = await render(REFERENCE_MD.replace(/\n## Bilagor\n[\s\S]*$/u, "\n"));
    expect(doc.blocks.at(-2)?.kind).toBe("tbl");
    const last = doc.blocks.at(-1)!;
    expect(last).toMatchObject({ kind: "p", text: "" });
    expect(findAll([last.node], "w:vanish")).toHaveLength(1);
    expect(findAll([last.node], "w:specVanish")).toHaveLength(1);
  });
});

describe("DOCX numbered lists", () => {
  it("restarts every numbered list at 1: förslag till beslut and Bilagor have separate w:num instances", async () => {
    const doc = await render(THREE_SIGNATORIES_MD);
    const { nums } = readNumbering(doc.bytes);
    const forslag = doc.paragraphs.filter((p) => p.text.startsWith("Stadsdelsnämnden ") && p.numId !== undefined);
    const bilagor = doc.paragraphs.filter((p) => ["Skrivelsen.", "Karta över skolvägar."].includes(p.text));
    expect(forslag).toHaveLength(2);
    expect(bilagor).toHaveLength(2);
    // Items of one list count on together …
    expect(new Set(forslag.map((p) => p.numId)).size).toBe(1);
    expect(new Set(bilagor.map((p) => p.numId)).size).toBe(1);
    // … and each list is an instance of its own that starts again at 1.
    expect(forslag[0]!.numId).not.toBe(bilagor[0]!.numId);
    for (const numId of [forslag[0]!.numId!, bilagor[0]!.numId!]) expect(nums.get(numId)!.startOverrides["0"]).toBe("1");
  });

  it("nests lists a level down, each nested list with an instance of its own, and keeps a list's own first number", async () => {
    const doc = await render(MIXED_MD);
    const { nums, abstracts } = readNumbering(doc.bytes);
    const at = (text: string) => doc.paragraphs.find((p) => p.text === text)!;
    const outer = at("Att uppdra åt trafiknämnden att bygga fler övergångsställen.");
    const middle = at("Särskilt vid skolor med många elever.");
    const inner = at("Vid Farsta strand.");
    expect([outer.ilvl, middle.ilvl, inner.ilvl]).toEqual(["0", "1", "2"]);
    expect(at("Att utreda sänkt hastighet vid skolor.").numId).toBe(outer.numId);
    expect(at("Även vid fritidsgårdar.").numId).toBe(middle.numId);
    expect(new Set([outer.numId, middle.numId, inner.numId]).size).toBe(3);
    const format = (p: DocxParagraph) => abstracts.get(nums.get(p.numId!)!.abstractNumId)![p.ilvl!]!.numFmt;
    expect([format(outer), format(middle), format(inner)]).toEqual(["bullet", "bullet", "decimal"]);
    expect(nums.get(inner.numId!)!.startOverrides["2"]).toBe("1");
    // "3. Skolvägsinventering …" continues the writer's own numbering from 3.
    const fromThree = at("Skolvägsinventering i samverkan med skolorna.");
    expect(nums.get(fromThree.numId!)!.startOverrides["0"]).toBe("3");
    // A list item's second paragraph is indented, not numbered.
    const second = at("Det gäller särskilt de yngsta barnen, som ofta går själva.");
    expect(second.numId).toBeUndefined();
    expect(findAll([second.node], "w:ind")).toHaveLength(1);
  });
});

describe("DOCX inline and block formatting", () => {
  let doc: Rendered;
  beforeAll(async () => {
    doc = await render(MIXED_MD);
  });

  const runsOf = (p: DocxParagraph) => findAll([p.node], "w:r");
  const runWith = (p: DocxParagraph, text: string) =>
    runsOf(p).find((r) => findAll([r], "w:t").some((t) => childrenOf(t).some((x) => x["#text"] === text)));

  it("has every paragraph and heading of the mixed document", () => {
    const stream = doc.paragraphs.map((p) => p.text).join("\n");
    let from = 0;
    for (const text of markdownParagraphs(MIXED_MD).map(expectedText)) {
      const at = stream.indexOf(text, from);
      expect(at, `missing or out of order: ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
      from = at + text.length;
    }
    expect(headingsOf(doc.paragraphs)).toEqual(markdownHeadings(MIXED_MD));
    expect(headingsOf(doc.paragraphs).map((h) => h.depth)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
  });

  it("makes bold, italic and inline code", () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith("Förvaltningen ser mycket positivt"))!;
    expect(findAll([runWith(p, "mycket positivt")!], "w:b")).toHaveLength(1);
    expect(findAll([runWith(p, "grundläggande")!], "w:i")).toHaveLength(1);
    expect(findAll([runWith(p, " bild av läget.")!], "w:b")).toHaveLength(0);
    const code = doc.paragraphs.find((x) => x.text.includes("TRF-2024-12"))!;
    const codeStyle = findAll([runWith(code, "TRF-2024-12")!], "w:rStyle")[0]!;
    expect(attrOf(codeStyle, "w:val")).toBe("Kod");
  });

  it("makes links external hyperlinks, reference links included", () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith("Kommunstyrelsen har remitterat"))!;
    const links = findAll([p.node], "w:hyperlink");
    expect(links.map((l) => findAll([l], "w:t").map((t) => String(childrenOf(t)[0]?.["#text"])).join(""))).toEqual([
      "stadens webbplats",
      "trafikplanen",
    ]);
    const rels = parseXml(doc.parts["word/_rels/document.xml.rels"]!);
    const targets = links.map((l) => findAll(rels, "Relationship").find((r) => attrOf(r, "Id") === attrOf(l, "r:id")));
    expect(targets.map((r) => r && attrOf(r, "Target"))).toEqual(["https://start.stockholm/trafik", "https://start.stockholm/trafikplan"]);
    expect(targets.map((r) => r && attrOf(r, "TargetMode"))).toEqual(["External", "External"]);
  });

  it("renders a block quote, a thematic break, a code block and <br>", () => {
    const quote = doc.paragraphs.find((x) => x.text.startsWith("Alla barn ska kunna gå"))!;
    expect(quote.style).toBe("Quote");
    expect(quote.text).toBe("Alla barn ska kunna gå till skolan på ett tryggt sätt. Det är stadens ansvar att skolvägarna är säkra.");
    const rule = doc.paragraphs.find((x) => findAll([x.node], "w:pBdr").length > 0)!;
    expect(rule.text).toBe("");
    expect(attrOf(findAll([rule.node], "w:bottom")[0]!, "w:val")).toBe("single");
    const code = doc.paragraphs.find((x) => x.style === "Kodblock")!;
    expect(code.text).toBe("Trafikmätning vecka 41: 1 240 fordon per dygn\nTrafikmätning vecka 42: 1 310 fordon per dygn");
    expect(doc.paragraphs.some((x) => x.text === "Pensionärsrådet har lämnat synpunkter på ärendet.\nDe stödjer förslaget.")).toBe(true);
  });

  it("renders a table node (GFM, in a tree) as a table with borders and a bold first row", async () => {
    const root = tree(MINIMAL_MD);
    const at = root.children.findIndex((n) => n.type === "heading" && n.depth === 2);
    const cell = (value: string) => ({ type: "tableCell" as const, children: [{ type: "text" as const, value }] });
    root.children.splice(at, 0, {
      type: "table",
      align: [null, "right"],
      children: [
        { type: "tableRow", children: [cell("Stadsdel"), cell("Övergångsställen")] },
        { type: "tableRow", children: [cell("Farsta"), cell("12")] },
      ],
    });
    const blocks = bodyBlocks(await renderMdast(root));
    const table = blocks.find((b): b is DocxTable => b.kind === "tbl" && b.rows[0]?.[0]?.[0]?.text === "Stadsdel")!;
    expect(table.rows.map((row) => row.map((c) => c.map((p) => p.text).join("")))).toEqual([
      ["Stadsdel", "Övergångsställen"],
      ["Farsta", "12"],
    ]);
    expect(childrenOf(findAll([table.node], "w:tblBorders")[0]!).every((b) => attrOf(b, "w:val") === "single")).toBe(true);
    expect(findAll([table.rows[0]![0]![0]!.node], "w:b")).toHaveLength(1);
    expect(findAll([table.rows[1]![0]![0]!.node], "w:b")).toHaveLength(0);
    expect(attrOf(findAll([table.rows[1]![1]![0]!.node], "w:jc")[0]!, "w:val")).toBe("right");
  });

  it("renders the text content of node types it has no clause for, instead of crashing", async () => {
    const root = tree(MINIMAL_MD);
    const at = root.children.findIndex((n) => n.type === "heading" && n.depth === 2);
    root.children.splice(
      at,
      0,
      { type: "okändBlock", children: [{ type: "text", value: "Text i en okänd nod." }] } as never,
      { type: "paragraph", children: [{ type: "text", value: "Före " }, { type: "okändInline", value: "mitten" } as never, { type: "text", value: " efter." }] },
      { type: "math", value: "E = mc^2" } as never,
    );
    const bytes = await renderMdast(root);
    const texts = allParagraphs(bodyBlocks(bytes)).map((p) => p.text);
    expect(texts).toContain("Text i en okänd nod.");
    expect(texts).toContain("Före mitten efter.");
    expect(texts).toContain("E = mc^2");
  });
});

describe("DOCX with optional front matter missing", () => {
  it("renders the minimal case: no Dnr, date, handläggare, address", async () => {
    const doc = await render(MINIMAL_MD);
    const [info] = doc.blocks as DocxParagraph[];
    expect(info).toMatchObject({ framed: false, style: "Dokumentuppgifter", text: "Tjänsteutlåtande" });
    const first = headerFooterPart(doc, "header", "first")!;
    expect(partText(first)).toContain("Farsta stadsdelsförvaltning");
    expect(partText(headerFooterPart(doc, "header", "default")!)).not.toContain("Dnr");
    expect(headerFooterPart(doc, "footer", "first")).toBeUndefined();
  });

  it("renders Markdown without front matter or metadata block, the header then from nothing", async () => {
    const doc = await render("# Rubrik\n\nEn mening.\n\n## Avsnitt\n\nEn till.\n");
    expect(headingsOf(doc.paragraphs)).toEqual([
      { depth: 1, text: "Rubrik" },
      { depth: 2, text: "Avsnitt" },
    ]);
    const first = blocksOf(headerFooterPart(doc, "header", "first")!);
    expect(allParagraphs(first).map((p) => p.text)).toContain("Tjänsteutlåtande");
  });

  it("shows Tjänsteutlåtande, Dnr and date in the header when the body has no such paragraph", async () => {
    const markdown = REFERENCE_MD.replace("Tjänsteutlåtande\\\nDnr SÖD 2025/1234\\\n2025-10-07\n\n", "");
    const doc = await render(markdown);
    expect(doc.paragraphs.some((p) => p.framed)).toBe(false);
    const text = partText(headerFooterPart(doc, "header", "first")!);
    expect(text).toContain("Tjänsteutlåtande\nDnr SÖD 2025/1234\n2025-10-07\nSida  ()");
  });
});

describe("the end of the document on one page", () => {
  it("keeps the closing sentence, the signatures, the Bilagor heading and every bilaga but the last with the next paragraph", async () => {
    const doc = await render(THREE_SIGNATORIES_MD);
    const keeps = (p: DocxParagraph) => findAll([p.node], "w:keepNext").length > 0 || ["Avslutning", "Underskrift", "Heading2"].includes(p.style ?? "");
    const closing = doc.paragraphs.findIndex((p) => p.style === "Avslutning");
    const tail = doc.paragraphs.slice(closing).filter((p) => p.text !== "");
    expect(tail.at(-1)!.text).toBe("Karta över skolvägar.");
    for (const paragraph of tail.slice(0, -1)) expect(keeps(paragraph), paragraph.text).toBe(true);
    expect(findAll([tail.at(-1)!.node], "w:keepNext")).toHaveLength(0);
  });
});
