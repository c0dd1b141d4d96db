import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { eventTree, parseMarkdownForCheck } from "../../../src/check/readers/markdown-tree.js";
import { parseMarkdown, parseWithRemark } from "../../../src/readers/markdown/parse.js";
import { ROOT } from "../../support/cli.js";
import { fixtures } from "../support/fixtures.js";

/**
 * The tree `check` builds from micromark's events must be mdast's tree in
 * everything the reader reads (types, values, heading depths, positions,
 * children; list items left out, addresses written out as text), or not be
 * built at all (then the document goes to parseMarkdown).
 */

interface Shape {
  type: string;
  value?: string;
  depth?: number;
  position: unknown;
  children?: Shape[];
}

/** What the reader reads of a tree; list items are left out (their children stand in the list). */
function shape(node: Nodes): Shape {
  const out: Shape = { type: node.type, position: node.position };
  if ("value" in node) out.value = node.value;
  if (node.type === "heading") out.depth = node.depth;
  if ("children" in node) {
    out.children = (node.children as Nodes[]).flatMap((child) =>
      child.type === "listItem" ? (child.children as Nodes[]).map(shape) : [shape(child)],
    );
  }
  return out;
}

/**
 * mdast's tree as `check`'s reads it: GFM's addresses written out are text
 * there, not links (the event tree is built only where every link is such
 * an address), so each is unwrapped and joined to the text around it.
 */
function withAddressesAsText(node: Shape): Shape {
  if (!node.children) return node;
  const children: Shape[] = [];
  for (const child of node.children.flatMap((c) => (c.type === "link" ? c.children ?? [] : [c])).map(withAddressesAsText)) {
    const previous = children.at(-1);
    if (previous?.type === "text" && child.type === "text") {
      children[children.length - 1] = { ...previous, value: `${previous.value}${child.value}`, position: { start: (previous.position as { start: unknown }).start, end: (child.position as { end: unknown }).end } };
    } else children.push(child);
  }
  return { ...node, children };
}

/** "fast" when the event tree was built (and is the same as mdast's), "fallback" when it was not. */
function compare(source: string): "fast" | "fallback" {
  const fast = eventTree(source);
  if (!fast) return "fallback";
  const expected = withAddressesAsText(shape(parseWithRemark(source)));
  const actual = shape(fast);
  actual.position = expected.position;
  expect(actual, JSON.stringify(source.slice(0, 300))).toEqual(expected);
  return "fast";
}

function markdownFiles(): string[] {
  const top = readdirSync(join(ROOT, "fixtures")).filter((n) => n.endsWith(".md")).map((n) => join(ROOT, "fixtures", n));
  return [...top, ...fixtures().map((f) => f.path).filter((p) => p.endsWith(".md")), join(ROOT, "README.md")];
}

/** Block and inline constructs, those handled here and those left to mdast, to mutate the fixtures with. */
const CONSTRUCTS = [
  "- a\n- b\n\n  c\n\n1. x\n2) y\n   * z\n     zz\n\n-\n  q\n\n+ r\n\n* * *\n\n***x***\n\n_a_ __b__ *a **b** c*\n\ntext  \nbreak\\\nx\n\n<!-- c\nd -->\n\n<div>\nx\n</div>\n\n# h #\n\n###### h6\n####### no\n#no\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~struken~~ www.example.se [^1] - [ ] uppgift\n\n[^1]: Fotnot.\n",
  "Rubrik\n======\n\n> citat\n> mer\n\n    kod\n\n```js\nkod\n```\n\n[länk](https://example.se) ![bild](b.png) [ref] `kod` <https://a.se> &amp; &#65; <b>fet</b>\n\n[ref]: https://example.se\n",
];

describe("the event tree of a Markdown document", () => {
  it("is mdast's tree for every Markdown fixture it builds, and is built for every drafted document", () => {
    const results = markdownFiles().map((path) => [path, compare(readFileSync(path, "utf8"))] as const);
    for (const name of ["sodermalm-ks-2025-804.md", "skrivelse-flera-forfattare.md", "minimal.md"]) {
      expect(results.find(([path]) => path.endsWith(`/fixtures/${name}`))?.[1]).toBe("fast");
    }
    const drafted = readFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.md"), "utf8");
    expect(compare(drafted.replace(/\n/gu, "\r\n"))).toBe("fast");
    expect(compare(`\uFEFF${drafted}`)).toBe("fast");
    for (const construct of CONSTRUCTS) compare(construct);
  });

  it("is mdast's tree for thousands of mutated documents, or is not built", () => {
    const seeds = [...markdownFiles().map((path) => readFileSync(path, "utf8")), ...CONSTRUCTS];
    const pieces = ["*", "**", "_", "__", "\\", "\\\n", "  \n", "\n", "\n\n", "\r\n", "\r", "\t", " ", "    ", "- ", "\n- ", "\n1. ", "\n2) ", "\n  - ", "#", "\n# ", "\n## ", "<!-- ", " -->", "\n<!-- x -->\n", "<br>", "\n<div>\n", "\n---\n", "\n***\n", "`", "```", "[", "]", "(", ")", "![a](b)", "[x]: /u", "&amp;", "ö", "\u00a0", "*a*", "**b**", "\n> ", "\n===\n", "~~", "<http://a>", "|", "\\*", "\\#", "\\\\", "+ ", "\n\n- a\n\n  b\n", "\u0000"];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const mutate = (text: string): string => {
      const at = random(text.length + 1);
      switch (random(5)) {
        case 0:
        case 1:
        case 2:
          return text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
        case 3:
          return text.slice(0, at) + text.slice(at + 1 + random(20));
        default: {
          const other = random(text.length + 1);
          return text.slice(0, at) + text.slice(Math.min(at, other), Math.max(at, other)) + text.slice(at);
        }
      }
    };
    const counts = { fast: 0, fallback: 0 };
    for (let i = 0; i < 1500; i++) {
      let text = seeds[random(seeds.length)]!;
      for (let m = 1 + random(4); m > 0; m--) text = mutate(text);
      counts[compare(text)]++;
    }
    expect(counts.fast).toBeGreaterThan(500);
    expect(counts.fallback).toBeGreaterThan(50);
  });

  it("reads the front matter as mdast does, however its fences and the text after it look", () => {
    const drafted = readFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.md"), "utf8");
    const seeds = [drafted, "---\n---\n# x\n", "---\n\n---", "---  \na: 1\n---   \n\ntext\n", "---\n---\n---\n", "---\na\n", "---\n"];
    const pieces = ["---", "\n---\n", "\n---", "---\n", " ", "\t", "\r", "\r\n", "\0", "-", "\n", "\n\n", "\uFEFF", "a", "# h\n", "    ", "***", "\n===\n", "\n- x\n", "*", "<!-- x -->", "\n    kod\n"];
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const counts = { fast: 0, fallback: 0 };
    for (let i = 0; i < 1500; i++) {
      let text = seeds[random(seeds.length)]!;
      for (let m = 1 + random(3); m > 0; m--) {
        const at = random(Math.min(text.length, 1300) + 1);
        text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(4)) : text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      }
      counts[compare(text)]++;
    }
    expect(counts.fast).toBeGreaterThan(500);
  });

  it("falls back to parseMarkdown for what it does not build", () => {
    const source = "# Titel\n\nEn [länk](https://example.se) och `kod`.\n";
    expect(eventTree(source)).toBeUndefined();
    expect(parseMarkdownForCheck(source)).toEqual(parseMarkdown(source));
  });
});
