import { readFileSync } from "node:fs";
import { Packer } from "docx";
import { unzipSync } from "fflate";
import { DEFAULT_HOUSE_STYLE } from "../../../src/model/husstil.js";
import { FONTS } from "../../../src/render/docx/typography.js";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/render/markdown/parse.js";
import { renderBody } from "../../../src/render/docx/blocks.js";
import { createContext } from "../../../src/render/docx/context.js";
import { buildDocument, documentParts } from "../../../src/render/docx/document.js";
import { readFrontMatter } from "../../../src/render/docx/frontmatter.js";
import { packageDocx } from "../../../src/render/docx/package.js";
import { coreProperties } from "../../../src/render/docx/properties.js";

/**
 * The parts are taken from docx's compiler rather than from Packer's zip
 * (it saves a cold start the DEFLATE and INFLATE of every part). Both ways
 * must give the same file, byte for byte.
 */
function document() {
  const tree = parseMarkdown(readFileSync(new URL("../../../fixtures/sodermalm-ks-2025-804.md", import.meta.url), "utf8"));
  const front = readFrontMatter(tree);
  const context = createContext(DEFAULT_HOUSE_STYLE.dokument);
  const body = renderBody(tree, context);
  const core = coreProperties(front, body.title, {});
  return { doc: buildDocument({ front, body, numbering: context.state.numbering, footnotes: context.state.footnotes, core, style: DEFAULT_HOUSE_STYLE, fonts: FONTS }), core };
}

describe("document parts", () => {
  it("come from the compiler docx's Packer uses", () => {
    expect(typeof (Packer as unknown as { compiler?: { compile?: unknown } }).compiler?.compile).toBe("function");
  });

  it("give the same DOCX as Packer's own zip, unzipped", async () => {
    const first = document();
    const fromCompiler = packageDocx(await documentParts(first.doc), first.core, { application: "remiss" });
    const second = document();
    const fromZip = packageDocx(new Map(Object.entries(unzipSync(await Packer.pack(second.doc, "uint8array")))), second.core, { application: "remiss" });
    expect(Buffer.from(fromCompiler).equals(Buffer.from(fromZip))).toBe(true);
  });
});
