import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Packer } from "docx";
import { unzipSync } from "fflate";
import { DEFAULT_HOUSE_STYLE } from "../../../src/model/husstil.js";
import { FONTS } from "../../../src/render/docx/typography.js";
import type { DocumentFonts } from "../../../src/render/docx/styles.js";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/readers/markdown/parse.js";
import { renderBody } from "../../../src/render/docx/blocks.js";
import { createContext } from "../../../src/render/docx/context.js";
import { buildDocument, documentParts } from "../../../src/render/docx/document.js";
import { readFrontMatter } from "../../../src/render/docx/frontmatter.js";
import { packageDocx } from "../../../src/render/docx/package.js";
import { coreProperties } from "../../../src/render/docx/properties.js";
import { ROOT } from "../../support/cli.js";

/**
 * The parts are taken from docx's compiler rather than from Packer's zip
 * (it saves a cold start the DEFLATE and INFLATE of every part), and the
 * parts that are the same for every document of a house style are
 * remembered between documents. Every way must give the same file, byte for
 * byte, as Packer's own zip of a document docx compiled afresh.
 */
const FIXTURES = [
  "fixtures/sodermalm-ks-2025-804.md",
  "fixtures/skrivelse-flera-forfattare.md",
  "fixtures/betankande-lat-fler-forma-framtiden.md",
  "fixtures/minimal.md",
  "fixtures/markdown-alla/arende.md",
  "fixtures/husstil-malmo/temperatur-inomhus.md",
];

/** Fonts of another house style: its styles and theme are other parts. */
const OTHER_FONTS: DocumentFonts = { ...FONTS, body: "Georgia", heading: "Verdana" };

function document(file: string, fonts: DocumentFonts = FONTS) {
  const tree = parseMarkdown(readFileSync(join(ROOT, file), "utf8"));
  const front = readFrontMatter(tree);
  const context = createContext(DEFAULT_HOUSE_STYLE.dokument, fonts, join(ROOT, file, ".."));
  const body = renderBody(tree, context);
  const core = coreProperties(front, body.title, {});
  return { doc: buildDocument({ front, body, numbering: context.state.numbering, footnotes: context.state.footnotes, core, style: DEFAULT_HOUSE_STYLE, fonts }), core };
}

async function viaParts(file: string, fonts: DocumentFonts = FONTS): Promise<Buffer> {
  const { doc, core } = document(file, fonts);
  return Buffer.from(packageDocx(await documentParts(doc, JSON.stringify(fonts)), core, { application: "remiss" }));
}

async function viaPacker(file: string, fonts: DocumentFonts = FONTS): Promise<Buffer> {
  const { doc, core } = document(file, fonts);
  return Buffer.from(packageDocx(new Map(Object.entries(unzipSync(await Packer.pack(doc, "uint8array")))), core, { application: "remiss" }));
}

describe("document parts", () => {
  it("come from the compiler docx's Packer uses", () => {
    expect(typeof (Packer as unknown as { compiler?: { compile?: unknown } }).compiler?.compile).toBe("function");
  });

  it("give the same DOCX as Packer's own zip, unzipped, for every fixture, however many documents came before and in whatever fonts", async () => {
    const expected = new Map<string, Buffer>();
    for (const fonts of [FONTS, OTHER_FONTS]) for (const file of FIXTURES) expected.set(`${fonts.body} ${file}`, await viaPacker(file, fonts));
    // Forwards, backwards and forwards again, the fonts alternating: every part is written once, then remembered.
    const order = [...FIXTURES, ...[...FIXTURES].reverse(), ...FIXTURES];
    for (const [i, file] of order.entries()) {
      const fonts = i % 2 === 0 ? FONTS : OTHER_FONTS;
      const got = await viaParts(file, fonts);
      expect(got.equals(expected.get(`${fonts.body} ${file}`)!), `${file} in ${fonts.body}, document ${i + 1}`).toBe(true);
    }
  });

  it("differ where the documents differ: the numbering follows the lists each document has", async () => {
    const numbering = async (file: string) => {
      const { doc } = document(file);
      return (await documentParts(doc, JSON.stringify(FONTS))).get("word/numbering.xml");
    };
    const lists = await numbering("fixtures/markdown-alla/arende.md");
    const fewer = await numbering("fixtures/minimal.md");
    expect(lists).not.toEqual(fewer);
    expect(await numbering("fixtures/markdown-alla/arende.md")).toEqual(lists);
  });
});
