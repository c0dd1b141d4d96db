import { describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { attrOf, child, childrenOf, findAll, parseXml, part, type XmlNode } from "./docx-reader.js";
import { MIXED_MD, REFERENCE_MD } from "./inputs.js";

/** The styles a user meets in Word's gallery: clean, consistent, Swedish. */
function styles(bytes: Uint8Array): XmlNode[] {
  return findAll(parseXml(part(bytes, "word/styles.xml")), "w:style");
}

const has = (style: XmlNode, tag: string) => child(style, tag) !== undefined;

describe("the styles of the DOCX", () => {
  it("has no paragraph style named like a Word character style", async () => {
    const paragraphIds = styles(await renderDocx(REFERENCE_MD))
      .filter((s) => attrOf(s, "w:type") === "paragraph")
      .map((s) => attrOf(s, "w:styleId"));
    expect(paragraphIds).not.toContain("Strong");
    expect(paragraphIds).not.toContain("Emphasis");
  });

  it("bases, follows and links every style on a style that exists", async () => {
    const all = styles(await renderDocx(MIXED_MD));
    const ids = new Set(all.map((s) => attrOf(s, "w:styleId")));
    for (const style of all) {
      for (const tag of ["w:basedOn", "w:next", "w:link"]) {
        const target = child(style, tag);
        if (target) expect(ids, `${attrOf(style, "w:styleId")} ${tag}`).toContain(attrOf(target, "w:val"));
      }
    }
    expect(ids).toContain("DefaultParagraphFont");
  });

  it("hides the styles the document does not use, and keeps the used ones and Heading 1–3 in view", async () => {
    const bytes = await renderDocx(REFERENCE_MD);
    const byId = new Map(styles(bytes).map((s) => [attrOf(s, "w:styleId"), s]));
    for (const id of ["Title", "Quote", "Kodblock", "Heading4", "Caption", "Bibliography"]) {
      const style = byId.get(id)!;
      expect([has(style, "w:semiHidden"), has(style, "w:unhideWhenUsed"), has(style, "w:qFormat")], id).toEqual([true, true, false]);
    }
    for (const id of ["Normal", "Heading1", "Heading2", "Heading3", "Underskrift", "Avslutning", "Brevhuvud", "Dokumentuppgifter"]) {
      expect(has(byId.get(id)!, "w:semiHidden"), id).toBe(false);
    }
    // The code block style is in view where the document has code.
    const mixed = new Map(styles(await renderDocx(MIXED_MD)).map((s) => [attrOf(s, "w:styleId"), s]));
    expect(has(mixed.get("Kodblock")!, "w:semiHidden")).toBe(false);
  });

  it("keeps each style's elements in the schema's order (semiHidden before unhideWhenUsed, both before qFormat and pPr)", async () => {
    const order = ["w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"];
    for (const style of styles(await renderDocx(REFERENCE_MD))) {
      const ranks = childrenOf(style).map((c) => order.indexOf(Object.keys(c).find((k) => k !== ":@")!));
      expect(ranks.every((rank) => rank >= 0), attrOf(style, "w:styleId")).toBe(true);
      expect([...ranks].sort((a, b) => a - b), attrOf(style, "w:styleId")).toEqual(ranks);
    }
  });

  it("sets Swedish Word's default tab stop, 2.3 cm", async () => {
    expect(part(await renderDocx(REFERENCE_MD), "word/settings.xml")).toContain('<w:defaultTabStop w:val="1304"/>');
  });
});
