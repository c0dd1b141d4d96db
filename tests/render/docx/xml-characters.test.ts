import { describe, expect, it } from "vitest";
import { escapeXml, refuseNonXmlCharacters } from "../../../src/render/docx/package.js";

/** The last guard: no part is packed with a character XML 1.0 forbids (a bug, never a user's file, if it fires). */
describe("XML characters in the packed parts", () => {
  it("escapes markup characters and keeps tabs, line ends and characters outside the BMP", () => {
    expect(escapeXml('Kultur- & fritid <"A">\t\n😀')).toBe("Kultur- &amp; fritid &lt;&quot;A&quot;&gt;\t\n😀");
  });

  it("refuses C0 controls, U+FFFE/U+FFFF and lone surrogates", () => {
    for (const bad of ["a\u000bb", "a\u0000b", "a\u001fb", "a\ufffeb", "a\uffffb", "a\ud800b", "a\udc00b"]) {
      expect(() => escapeXml(bad), JSON.stringify(bad)).toThrow(/is not allowed in XML 1\.0/u);
      expect(() => refuseNonXmlCharacters(`<w:t>${bad}</w:t>`, "word/document.xml")).toThrow(/^word\/document\.xml: character U\+/u);
    }
  });
});
