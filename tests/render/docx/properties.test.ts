import { describe, expect, it } from "vitest";
import { RemissError } from "../../../src/errors.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { attrOf, child, coreProperty, docxParts, findAll, parseXml, part } from "./docx-reader.js";
import { MINIMAL_MD, REFERENCE_MD } from "./inputs.js";

/** The reference with its `datum` line taken out of the front matter. */
const WITHOUT_DATUM = REFERENCE_MD.replace(/^datum: .*\n/m, "");

describe("DOCX document properties (docProps/core.xml)", () => {
  it("takes title, subject, creator, lastModifiedBy and keywords from the front matter", async () => {
    const bytes = await renderDocx(REFERENCE_MD);
    expect(coreProperty(bytes, "dc:title")).toBe("Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga");
    expect(coreProperty(bytes, "dc:subject")).toBe("Remiss från Kommunstyrelsen, KS 2025/804");
    expect(coreProperty(bytes, "dc:creator")).toBe("Södermalms stadsdelsförvaltning");
    expect(coreProperty(bytes, "cp:lastModifiedBy")).toBe("Södermalms stadsdelsförvaltning");
    expect(coreProperty(bytes, "cp:keywords")).toBe("SÖD 2025/1234, KS 2025/804");
  });

  it("declares the language sv-SE in core.xml and in the styles' document defaults", async () => {
    const bytes = await renderDocx(REFERENCE_MD);
    expect(part(bytes, "docProps/core.xml")).toContain("<dc:language>sv-SE</dc:language>");
    const styles = parseXml(part(bytes, "word/styles.xml"));
    const [defaults] = findAll(styles, "w:rPrDefault");
    const lang = findAll([defaults!], "w:lang")[0];
    expect(lang && attrOf(lang, "w:val")).toBe("sv-SE");
  });

  it("sets the fonts in the styles: a serif body and sans-serif headings", async () => {
    const styles = parseXml(part(await renderDocx(REFERENCE_MD), "word/styles.xml"));
    const [defaults] = findAll(styles, "w:rPrDefault");
    expect(attrOf(findAll([defaults!], "w:rFonts")[0]!, "w:ascii")).toBe("Times New Roman");
    expect(attrOf(findAll([defaults!], "w:sz")[0]!, "w:val")).toBe("24");
    const heading = findAll(styles, "w:style").find((s) => attrOf(s, "w:styleId") === "Heading2")!;
    expect(attrOf(findAll([heading], "w:rFonts")[0]!, "w:ascii")).toBe("Arial");
  });

  it("dates created and modified from the front matter's datum, at midnight UTC", async () => {
    const bytes = await renderDocx(REFERENCE_MD, { sourceDateEpoch: "1700000000" });
    expect(coreProperty(bytes, "dcterms:created")).toBe("2025-10-07T00:00:00Z");
    expect(coreProperty(bytes, "dcterms:modified")).toBe("2025-10-07T00:00:00Z");
  });

  it("uses SOURCE_DATE_EPOCH when there is no datum", async () => {
    const bytes = await renderDocx(WITHOUT_DATUM, { sourceDateEpoch: "1760000000" });
    expect(coreProperty(bytes, "dcterms:created")).toBe("2025-10-09T08:53:20Z");
    expect(coreProperty(bytes, "dcterms:modified")).toBe("2025-10-09T08:53:20Z");
  });

  it("writes no creation or modification date when there is neither, so that the clock never reaches the bytes", async () => {
    const core = part(await renderDocx(MINIMAL_MD), "docProps/core.xml");
    expect(core).not.toContain("dcterms:created");
    expect(core).not.toContain("dcterms:modified");
    expect(core).toContain("<dc:creator>Farsta stadsdelsförvaltning</dc:creator>");
  });

  it("ignores a datum that is not a calendar date, and an empty SOURCE_DATE_EPOCH", async () => {
    const markdown = REFERENCE_MD.replace("datum: 2025-10-07", "datum: 2025-02-30");
    const bytes = await renderDocx(markdown, { sourceDateEpoch: "" });
    expect(coreProperty(bytes, "dcterms:created")).toBeUndefined();
  });

  it("refuses a SOURCE_DATE_EPOCH that is not a number of seconds, in Swedish", async () => {
    await expect(renderDocx(WITHOUT_DATUM, { sourceDateEpoch: "igår" })).rejects.toThrow(RemissError);
    await expect(renderDocx(WITHOUT_DATUM, { sourceDateEpoch: "igår" })).rejects.toThrow(/SOURCE_DATE_EPOCH ska vara ett heltal/);
  });

  it("never writes docx's default author Un-named, also without front matter", async () => {
    const bytes = await renderDocx("# Rubrik\n\nText.\n");
    const core = part(bytes, "docProps/core.xml");
    expect(core).not.toContain("Un-named");
    expect(coreProperty(bytes, "dc:creator")).toBeUndefined();
    expect(coreProperty(bytes, "dc:title")).toBe("Rubrik");
    expect(core).toContain("<dc:language>sv-SE</dc:language>");
    for (const text of Object.values(docxParts(bytes))) expect(text).not.toContain("Un-named");
  });

  it("leaves out keywords that are missing and keeps the one there is", async () => {
    const bytes = await renderDocx(MINIMAL_MD);
    expect(coreProperty(bytes, "cp:keywords")).toBe("KS 2025/1001");
    expect(coreProperty(bytes, "dc:creator")).toBe("Farsta stadsdelsförvaltning");
  });

  it("escapes XML special characters in the properties", async () => {
    const markdown = REFERENCE_MD.replace(/^titel: .*$/m, 'titel: "Motion om <skolor> & förskolor"');
    const bytes = await renderDocx(markdown);
    expect(coreProperty(bytes, "dc:title")).toBe("Motion om <skolor> & förskolor");
    const core = parseXml(part(bytes, "docProps/core.xml"));
    expect(child(core.find((n) => "cp:coreProperties" in n)!, "dc:title")).toBeDefined();
  });
});

describe("DOCX properties a records system reads (docProps/app.xml, docProps/custom.xml)", () => {
  /** name → value of every custom property, in the file's order. */
  function customProperties(bytes: Uint8Array): [string, string][] {
    return findAll(parseXml(part(bytes, "docProps/custom.xml")), "property").map((p) => {
      const value = findAll([p], "vt:lpwstr")[0];
      const text = value ? String((value["vt:lpwstr"] as { "#text"?: string }[])[0]?.["#text"] ?? "") : "";
      return [attrOf(p, "name")!, text];
    });
  }

  it("names the application and the förvaltning in app.xml", async () => {
    const app = part(await renderDocx(REFERENCE_MD, { application: "remiss 9.9.9" }), "docProps/app.xml");
    expect(app).toContain("<Application>remiss 9.9.9</Application>");
    expect(app).toContain("<Company>Södermalms stadsdelsförvaltning</Company>");
  });

  it("writes the diarienummer, the remittent, the dates, the handläggare and the nämnd as custom properties", async () => {
    expect(customProperties(await renderDocx(REFERENCE_MD))).toEqual([
      ["Dnr", "SÖD 2025/1234"],
      ["RemissDnr", "KS 2025/804"],
      ["Remittent", "Kommunstyrelsen"],
      ["SvarSenast", "2025-10-28"],
      ["Datum", "2025-10-07"],
      ["Handlaggare", "Kim Lindqvist"],
      ["Namnd", "Södermalms stadsdelsnämnd"],
      ["Behandlats", "2025-10-06 förvaltningsgruppen; 2025-10-06 pensionärsrådet"],
      ["RemissFingeravtryck", expect.stringMatching(/^[0-9a-f]{16}$/u)],
    ]);
  });

  it("writes only the properties the case gives", async () => {
    expect(customProperties(await renderDocx(MINIMAL_MD)).map(([name]) => name)).toEqual(["RemissDnr", "Remittent", "SvarSenast", "Namnd", "RemissFingeravtryck"]);
  });
});
