import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { docxParts } from "./docx.js";
import { addComment } from "./docx-comment.js";
import { validateDocxParts } from "./ooxml-schema.js";
import { acceptAll, hasLibreOfficeUno, libreOfficeParagraphs, rejectAll, resave, reviewEdits, type ReviewEdit } from "./review.js";

/**
 * The test tooling itself: LibreOffice (over UNO) as a reviewer who edits a
 * drafted DOCX with tracked changes, accepts or rejects them and reads the
 * paragraphs back, and addComment as a second reviewer's comment. CI installs
 * python3-uno (.ci/run); without it the LibreOffice tests are skipped.
 */
const reference = readFileSync(new URL("../../fixtures/sodermalm-ks-2025-804.md", import.meta.url), "utf8");
/** Stands word for word in "Sammanfattning" and in "Förvaltningens synpunkter och förslag". */
const TWICE =
  "Förvaltningens område för barn och unga har mycket goda erfarenheter av förstärkningsteamet som med sin kunskap och erfarenhet bidrar till att förstärka kompetens hos framförallt nya medarbetare. ";
const EDITS: ReviewEdit[] = [
  { replace: "Polisregion Stockholm", with: "Polismyndigheten" },
  { insertAfter: "Enligt barnkonventionen har varje barn", paragraph: "Granskaren lägger till ett stycke om barnens röster." },
  { delete: TWICE, occurrence: 2 },
];
const AUTHOR = "Anna Berg";

/** The edits applied to a list of paragraphs the way LibreOffice applies them to the document. */
function edited(paragraphs: readonly string[]): string[] {
  const out = [...paragraphs];
  const at = (text: string, occurrence = 1): [number, number] => {
    let seen = 0;
    for (let i = 0; i < out.length; i++) {
      for (let from = out[i]!.indexOf(text); from >= 0; from = out[i]!.indexOf(text, from + 1)) if (++seen === occurrence) return [i, from];
    }
    throw new Error(`${text} not found`);
  };
  const [r, rAt] = at("Polisregion Stockholm");
  out[r] = `${out[r]!.slice(0, rAt)}Polismyndigheten${out[r]!.slice(rAt + "Polisregion Stockholm".length)}`;
  const [p] = at("Enligt barnkonventionen har varje barn");
  out.splice(p + 1, 0, "Granskaren lägger till ett stycke om barnens röster.");
  const [d, dAt] = at(TWICE, 2);
  out[d] = out[d]!.slice(0, dAt) + out[d]!.slice(dAt + TWICE.length);
  return out;
}

let dir: string;
let original: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remiss-review-"));
  original = await renderDocx(reference);
  writeFileSync(join(dir, "utkast.docx"), original);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasLibreOfficeUno())("LibreOffice as the reviewer", () => {
  let before: string[];
  beforeAll(() => {
    before = libreOfficeParagraphs(join(dir, "utkast.docx"));
    reviewEdits(join(dir, "utkast.docx"), join(dir, "granskad.docx"), EDITS, AUTHOR);
  });

  it("reads every paragraph in document order, the signature table's cells included", () => {
    expect(before).toContain("Förvaltningens synpunkter och förslag");
    expect(before.indexOf("Sammanfattning")).toBeLessThan(before.indexOf("Förvaltningens synpunkter och förslag"));
    expect(before).toContain("Snorre Berglund");
    expect(before.filter((p) => p.includes(TWICE))).toHaveLength(2);
  });

  it("records each edit as w:ins and w:del with the reviewer as author and a date", () => {
    const xml = docxParts(readFileSync(join(dir, "granskad.docx")))["word/document.xml"]!;
    const revisions = [...xml.matchAll(/<w:(ins|del) ([^>]*)>/gu)];
    expect(revisions.length).toBeGreaterThanOrEqual(4);
    for (const [, , attributes] of revisions) {
      expect(attributes).toContain(`w:author="${AUTHOR}"`);
      expect(attributes).toMatch(/w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/u);
    }
    const deleted = [...xml.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/gu)].map((m) => m[1]).join("|");
    expect(deleted).toContain("Polisregion Stockholm");
    expect(deleted).toContain(TWICE.trim());
    // Only the second occurrence is deleted: the first still stands as text.
    expect(xml.split(TWICE.trim()).length - 1).toBe(2);
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t[^>]*>Granskaren lägger till/u);
  });

  it("accept-all gives the edited text, reject-all the original", () => {
    acceptAll(join(dir, "granskad.docx"), join(dir, "godkand.docx"));
    rejectAll(join(dir, "granskad.docx"), join(dir, "avvisad.docx"));
    expect(libreOfficeParagraphs(join(dir, "godkand.docx"))).toEqual(edited(before));
    expect(libreOfficeParagraphs(readFileSync(join(dir, "avvisad.docx")))).toEqual(before);
  });

  it("opens a DOCX with addComment's comment and keeps the comment when it saves again", () => {
    const commented = addComment(readFileSync(join(dir, "granskad.docx")), {
      anchorText: "Polismyndigheten",
      author: "Per Holm",
      initials: "PH",
      date: "2025-10-09T08:15:00Z",
      text: "Heter den så?",
    });
    writeFileSync(join(dir, "kommenterad.docx"), commented);
    resave(join(dir, "kommenterad.docx"), join(dir, "kommenterad-sparad.docx"));
    const parts = docxParts(readFileSync(join(dir, "kommenterad-sparad.docx")));
    expect(parts["word/comments.xml"]).toMatch(/<w:comment w:id="(\d+)" w:author="Per Holm" w:date="2025-10-09T08:15:00Z" w:initials="PH">.*Heter den så\?/u);
    const id = /<w:comment w:id="(\d+)"/u.exec(parts["word/comments.xml"]!)![1];
    const range = new RegExp(`<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`, "u").exec(parts["word/document.xml"]!)![1]!;
    expect([...range.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join("")).toBe("Polismyndigheten");
    expect(parts["word/document.xml"]).toContain(`<w:commentReference w:id="${id}"/>`);
    // The reviewer's tracked changes are still there.
    expect(parts["word/document.xml"]).toContain(`w:author="${AUTHOR}"`);
  });
});

describe("addComment", () => {
  // The first free id: the draft's own bookmarks take the first ones (ids of annotations are unique across kinds).
  let first = 0;
  beforeAll(() => {
    const xml = docxParts(original)["word/document.xml"]!;
    first = Math.max(-1, ...[...xml.matchAll(/\sw:id="(\d+)"/gu)].map((m) => Number(m[1]))) + 1;
  });
  const comment = { author: "Eva Ek", initials: "EE", date: "2025-10-08T09:00:00.000Z", text: "Stämmer siffran?\nKolla med Kim." };

  it("splits the runs around the anchor, writes comments.xml, the relationship, the content type and the styles", () => {
    const out = docxParts(addComment(original, { ...comment, anchorText: "åtta socialsekreterare" }));
    const body = out["word/document.xml"]!;
    expect(body).toMatch(
      /<w:t xml:space="preserve">[^<]*arbetar idag <\/w:t><\/w:r><w:commentRangeStart w:id="(\d+)"\/><w:r><w:t xml:space="preserve">åtta socialsekreterare<\/w:t><\/w:r><w:commentRangeEnd w:id="\1"\/><w:r><w:rPr><w:rStyle w:val="CommentReference"\/><\/w:rPr><w:commentReference w:id="\1"\/><\/w:r><w:r><w:t xml:space="preserve">[^<]/u,
    );
    expect(out["word/comments.xml"]).toContain(
      `<w:comment w:id="${first}" w:author="Eva Ek" w:date="2025-10-08T09:00:00Z" w:initials="EE">` +
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' +
        '<w:r><w:t xml:space="preserve">Stämmer siffran?</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:t xml:space="preserve">Kolla med Kim.</w:t></w:r></w:p></w:comment>',
    );
    expect(out["word/_rels/document.xml.rels"]).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/u);
    expect(out["[Content_Types].xml"]).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    expect(out["word/styles.xml"]).toMatch(/w:styleId="CommentReference"><w:name w:val="annotation reference"\/>/u);
    expect(out["word/styles.xml"]).toMatch(/w:styleId="CommentText"><w:name w:val="annotation text"\/>/u);
  });

  it("keeps the text of every paragraph and the bytes of every other part", () => {
    const before = docxParts(original);
    const after = docxParts(addComment(original, { ...comment, anchorText: "Motionen är skriven av", occurrence: 2 }));
    const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join("");
    expect(text(after["word/document.xml"]!)).toBe(text(before["word/document.xml"]!));
    for (const name of Object.keys(before)) {
      if (["word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"].includes(name)) continue;
      expect(after[name], name).toBe(before[name]);
    }
    // The second occurrence: in "Bakgrund", after the first in "Sammanfattning".
    const body = after["word/document.xml"]!;
    expect(body.indexOf("<w:commentRangeStart")).toBeGreaterThan(body.indexOf(">Bakgrund<"));
  });

  it("anchors across runs, and a second comment gets its own id beside the first", () => {
    const once = addComment(original, { ...comment, anchorText: "E-post: kim.lindqvist" });
    expect(docxParts(once)["word/document.xml"]).toContain(
      `<w:commentRangeStart w:id="${first}"/><w:r><w:t xml:space="preserve">E-post: </w:t></w:r><w:hyperlink w:history="1" r:id="rId12">` +
        `<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">kim.lindqvist</w:t></w:r><w:commentRangeEnd w:id="${first}"/>` +
        `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${first}"/></w:r>` +
        '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">@stockholm.se</w:t></w:r></w:hyperlink>',
    );
    const twice = docxParts(addComment(once, { ...comment, author: "Per Holm", initials: "PH", anchorText: "Stadsdelsnämnden överlämnar förvaltningens" }));
    const ids = [...twice["word/comments.xml"]!.matchAll(/<w:comment w:id="(\d+)" w:author="([^"]*)"/gu)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([
      [String(first), "Eva Ek"],
      [String(first + 1), "Per Holm"],
    ]);
    expect(twice["word/_rels/document.xml.rels"]!.match(/relationships\/comments"/gu)).toHaveLength(1);
    expect(twice["[Content_Types].xml"]!.match(/\/word\/comments\.xml/gu)).toHaveLength(1);
    expect(() => addComment(original, { ...comment, anchorText: "finns inte i texten" })).toThrow(/occurs 0 time/u);
  });

  it("splits a run as LibreOffice writes them: several w:t, properties with a w:rPrChange", () => {
    const files = unzipSync(original);
    const run = '<w:r><w:rPr><w:b/><w:rPrChange w:id="90" w:author="A" w:date="2025-10-08T09:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Bil</w:t><w:t>agor &amp; mer</w:t></w:r>';
    files["word/document.xml"] = strToU8(strFromU8(files["word/document.xml"]!).replace('<w:r><w:t xml:space="preserve">Bilagor</w:t></w:r>', run));
    const body = docxParts(addComment(zipSync(files), { ...comment, anchorText: "agor &" }))["word/document.xml"]!;
    const props = '<w:rPr><w:b/><w:rPrChange w:id="90" w:author="A" w:date="2025-10-08T09:00:00Z"><w:rPr/></w:rPrChange></w:rPr>';
    expect(body).toContain(
      `<w:r>${props}<w:t>Bil</w:t></w:r><w:commentRangeStart w:id="91"/>` +
        `<w:r>${props}<w:t xml:space="preserve">agor &amp;</w:t></w:r><w:commentRangeEnd w:id="91"/>` +
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="91"/></w:r>' +
        `<w:r>${props}<w:t xml:space="preserve"> mer</w:t></w:r>`,
    );
  });

  it("writes parts valid against the ISO/IEC 29500 Transitional schemas", () => {
    const commented = addComment(addComment(original, { ...comment, anchorText: "åtta socialsekreterare" }), { ...comment, anchorText: "Bilagor" });
    const results = validateDocxParts(commented, join(dir, "xsd"));
    expect(results.map((r) => r.part)).toContain("word/comments.xml");
    for (const { part, errors, status } of results) {
      expect(errors, part).toBe("");
      expect(status, part).toBe(0);
    }
  });
});
