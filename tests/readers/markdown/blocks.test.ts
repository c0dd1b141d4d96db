import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Root } from "mdast";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { documentTree } from "../../../src/readers/markdown/blocks.js";
import { parseMarkdownRegion, parseWithRemark } from "../../../src/readers/markdown/parse.js";
import { ROOT } from "../../support/cli.js";

/** remark without front matter, as parseMarkdown gives documentTree for a run of blocks. */
const regionParser = parseMarkdownRegion;

/** The parser's own tree of the whole document. */
const remark = (markdown: string): Root => parseWithRemark(markdown);

/** Every .md below a folder. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

describe("documentTree", () => {
  it("equals remark's tree, positions included, for every Markdown file among the fixtures and golden drafts", () => {
    const files = [...markdownFiles(join(ROOT, "fixtures")), ...markdownFiles(join(ROOT, "tests"))];
    expect(files.length).toBeGreaterThan(20);
    let fast = 0;
    for (const file of files) {
      const markdown = readFileSync(file, "utf8");
      const tree = documentTree(markdown, regionParser);
      if (tree === undefined) continue;
      fast++;
      expect(tree, file).toEqual(remark(markdown));
    }
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it("equals remark's tree for every text field of every fixture case, most of them without the parser", () => {
    const texts: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === "string") texts.push(value);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    for (const name of readdirSync(join(ROOT, "fixtures")).filter((n) => n.endsWith(".yaml"))) collect(parse(readFileSync(join(ROOT, "fixtures", name), "utf8")));
    let withoutParser = 0;
    for (const text of texts) {
      let parsed = false;
      const tree = documentTree(text, (region) => {
        parsed = true;
        return regionParser(region);
      });
      if (tree === undefined) continue;
      if (!parsed) withoutParser++;
      expect(tree, JSON.stringify(text)).toEqual(remark(text));
    }
    // Most of what writers type is plain prose.
    expect(withoutParser).toBeGreaterThan(texts.length / 2);
  });

  it("parses only the blocks that need the parser in a drafted document", () => {
    const markdown = readFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.md"), "utf8");
    const regions: string[] = [];
    const tree = documentTree(markdown, (region) => {
      regions.push(region);
      return regionParser(region);
    });
    expect(tree).toEqual(remark(markdown));
    // None: headings, plain paragraphs (the metadata block's e-mail address a link), a simple list of att-satser, draft's comments.
    expect(regions).toEqual([]);
    expect(JSON.stringify(tree)).toContain('"url":"mailto:kim.lindqvist@stockholm.se"');
  });

  it("equals remark's tree for random documents of simple and complex blocks", () => {
    const word = fc.constantFrom("Förvaltningen", "delar", "bilden", "att", "barn", "2025", "(M)", "”citat”", "–", "50 %", "1:a", "s.k.", "é", "!", "?", ":", "*fet*", "_kursiv_", "[länk](https://a.se)", "www.a.se", "a@b.se", "`kod`", "\\*", "&amp;", "<b>", "~~bort~~", "a|b", "kim.l@stockholm.se", "a@b.se.", "(a@b.se)", "x/a@b.se", "a@b.se1", "a@b.c-", "a+b@c.d.se", "a@b.se@c.se", "a@www.b.se", "a_b@c_d.se", "a@b", "@b.se", "a@.se", "E-post:", "a.@b.se", "a@b.se,", "a@b.se!", "a@b.se”");
    const prose = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(" "));
    const paragraph = fc.array(fc.tuple(prose, fc.boolean()), { minLength: 1, maxLength: 4 }).map((lines) => lines.map(([text, hard], i) => (hard && i < lines.length - 1 ? `${text}\\` : text)).join("\n"));
    const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), prose).map(([depth, text]) => `${"#".repeat(depth)} ${text}`);
    const item = fc.tuple(fc.constantFrom("- ", "* ", "+ ", "1. ", "2. ", "10. ", "1) ", "- [ ] ", "-  "), prose).map(([marker, text]) => `${marker}${text}`);
    const list = fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join("\n"));
    const other = fc.constantFrom(
      "<!-- avslutning -->",
      "<!-- a -- b -->",
      "<div>x</div>",
      "> citat\n> mer",
      "    kod",
      "  indrag",
      "  - inre",
      "---",
      "***",
      "Rubrik\n===",
      "Text\n---",
      "| a | b |\n| - | - |\n| 1 | 2 |",
      "- a\n  fortsätter",
      "1. a\n   - b",
      "=",
      "#",
      "- ",
      "text  ",
      " text",
    );
    const block = fc.oneof(paragraph, heading, list, other);
    const separator = fc.constantFrom("\n\n", "\n\n\n", "\n");
    const front = fc.constantFrom("", "---\na: 1\n---\n", "---\n---\n", "---\ntitel: x\n---\n\n", "---  \na: 1\n---\n", "---\na: 1\n\nb: 2\n---\n", "----\n", " ---\na\n---\n");
    const document = fc
      .tuple(front, fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 8 }), fc.constantFrom("", "\n"))
      .map(([head, blocks, end]) => `${head}${blocks.map(([b, s]) => `${b}${s}`).join("").trimEnd()}${end}`);
    fc.assert(
      fc.property(document, (markdown) => {
        const tree = documentTree(markdown, regionParser);
        if (tree !== undefined) expect(tree).toEqual(remark(markdown));
      }),
      { numRuns: Number(process.env.BLOCKS_RUNS ?? 1000), ...(process.env.BLOCKS_SEED ? { seed: Number(process.env.BLOCKS_SEED) } : {}) },
    );
  });

  it("equals remark's tree for the documents that once told them apart", () => {
    // A region's last line is parsed with its line ending: micromark reads `<b>` at the very end of its input differently.
    for (const markdown of [
      "- a\n  fortsätter\n<b>\n",
      "- Förvaltningen\n<b>\n\n# Förvaltningen",
      "  - inre\n<b>\n\n# Förvaltningen",
      "- a\n\n- b\n",
      "- a\n\n  b\n\nc\n",
      "a\n\n    kod\n",
      "",
      "Förvaltningen delar bilden.\nEn mening till.\n\nNästa stycke.",
      // E-mail addresses: a link, a trailing dot outside it, none after a slash or with a digit last, two in a row.
      "Telefon: 08\\\nE-post: kim.l@stockholm.se\n",
      "Skriv till a@b.se.\n",
      "(a@b.se) och c+d@e.f.se\n",
      "x/a@b.se och a@b.se1\n",
      "a@b.se@c.se\n",
    ]) {
      const tree = documentTree(markdown, regionParser);
      expect(tree, JSON.stringify(markdown)).toBeDefined();
      expect(tree, JSON.stringify(markdown)).toEqual(remark(markdown));
    }
  });

  it("declines documents whose blocks could be tied together across blank lines", () => {
    for (const markdown of ["a\tb", "a\r\nb", "[a]: https://a.se", "a[^1]\n\n[^1]: not", "```\nkod\n\nmer\n```", "~~~\nkod\n~~~", "a\u0000b", "---\n---\n\uFEFF# x\n", "---  \na: 1\n---\n", "---\na: 1\n---  \n", "<!--\nx\n\ny -->", "<pre>\nx\n\ny</pre>", "a\n   \nb", "---\ntitel: x\n"]) {
      expect(documentTree(markdown, regionParser), JSON.stringify(markdown)).toBeUndefined();
    }
  });
});
