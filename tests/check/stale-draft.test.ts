import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxDifference, markdownDifference } from "../../src/check/stale-draft.js";
import { renderDocx } from "../../src/render/docx/index.js";

const MARKDOWN = readFileSync(new URL("../../fixtures/minimal.md", import.meta.url), "utf8");

describe("markdownDifference", () => {
  it("finds none between a draft and itself signed, with other comments, with CRLF", () => {
    const signed = MARKDOWN.replace("\n---\n", "\nfingeravtryck: 0123456789abcdef\n---\n");
    expect(signed).not.toBe(MARKDOWN);
    expect(markdownDifference(signed, MARKDOWN)).toBeUndefined();
    expect(markdownDifference(signed.replace(/\n/gu, "\r\n"), MARKDOWN)).toBeUndefined();
    expect(markdownDifference(signed.replace("\n## ", "\n<!-- remiss:avsnitt 5d2a -->\n## "), MARKDOWN)).toBeUndefined();
  });

  it("gives the file's first line that differs, or the line after its end when it stops short", () => {
    const lines = MARKDOWN.split("\n");
    const at = lines.findIndex((l) => l.includes("Förvaltningen delar skribentens bild."));
    const edited = MARKDOWN.replace("Förvaltningen delar skribentens bild.", "[Fyll i kostnaden här]");
    expect(markdownDifference(edited, MARKDOWN)).toEqual({ line: at + 1, column: 1 });
    expect(markdownDifference(lines.slice(0, at).join("\n"), MARKDOWN)).toEqual({ line: at + 1, column: 1 });
  });
});

describe("docxDifference", () => {
  it("finds none between a DOCX and itself with another fingerprint, and the first paragraph that differs otherwise", async () => {
    const docx = await renderDocx(MARKDOWN);
    const parts = unzipSync(docx);
    const custom = strFromU8(parts["docProps/custom.xml"]!);
    const refingered = zipSync({ ...parts, "docProps/custom.xml": strToU8(custom.replace(/<\/Properties>/u, '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="Annat"><vt:lpwstr>x</vt:lpwstr></property></Properties>')) });
    expect(docxDifference(refingered, docx)).toBeUndefined();
    const stale = await renderDocx(MARKDOWN.replace("Förvaltningen delar skribentens bild.", "[Fyll i kostnaden här]"));
    const at = docxDifference(stale, docx);
    expect(at?.part).toBeUndefined();
    expect(at?.line).toBeGreaterThan(1);
  });

  it("sees a letterhead that differs, in its part", async () => {
    const docx = await renderDocx(MARKDOWN);
    const other = await renderDocx(MARKDOWN.replace("namn: Farsta stadsdelsförvaltning", "namn: Vantörs stadsdelsförvaltning"));
    expect(docxDifference(other, docx)?.part).toMatch(/^sid(?:huvudet|foten)/u);
  });
});
