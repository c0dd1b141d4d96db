import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseWithRemark } from "../../../src/render/markdown/parse.js";
import { plainTree } from "../../../src/render/markdown/plain.js";
import { ROOT } from "../../support/cli.js";

/** The tree plainTree builds for plain prose is exactly remark's, positions included; anything else it leaves to remark. */
describe("plainTree", () => {
  it("equals remark's tree for the plain fields of every fixture, and declines the others", () => {
    const texts: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === "string") texts.push(value);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    for (const name of readdirSync(join(ROOT, "fixtures")).filter((n) => n.endsWith(".yaml"))) collect(parse(readFileSync(join(ROOT, "fixtures", name), "utf8")));
    let plain = 0;
    for (const text of texts) {
      const tree = plainTree(text);
      if (tree === undefined) continue;
      plain++;
      expect(tree).toEqual(parseWithRemark(text));
    }
    // Most of what writers type is plain prose.
    expect(plain).toBeGreaterThan(texts.length / 3);
  });

  it("equals remark's tree for random prose of words, punctuation and blank lines", () => {
    const word = fc.constantFrom("Förvaltningen", "delar", "bilden", "att", "barn", "och", "unga", "2025", "kommunfullmäktige", "(M)", "”citat”", "–", "50 %", "1:a", "ca", "s.k.", "Å", "é", "1.", "-", "+", "=", "!", "?", "$", "^", ":");
    const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(" "));
    const text = fc.array(fc.oneof(line, fc.constant("")), { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join("\n")}${"\n"}`);
    fc.assert(
      fc.property(text, (t) => {
        const tree = plainTree(t);
        if (tree !== undefined) expect(tree).toEqual(parseWithRemark(t));
      }),
      { numRuns: 500 },
    );
  });

  it("declines Markdown, a link's makings, and lines that open blocks", () => {
    for (const text of ["*fet*", "a [b](c)", "www.stockholm.se", "https://a.se", "a@b.se", "- punkt", "1. punkt", "> citat", "# Rubrik", "a  \nb", " indrag", "rad\n===", "a | b", "&amp;", "a\tb", "   "]) {
      expect(plainTree(text), text).toBeUndefined();
    }
  });
});
