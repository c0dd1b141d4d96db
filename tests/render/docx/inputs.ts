import { readFileSync } from "node:fs";
import type { Heading, Nodes, Paragraph, Root } from "mdast";
import { parseMarkdown } from "../../../src/readers/markdown/parse.js";
import { ROOT } from "../../support/cli.js";

export { ROOT };

/** The Markdown the tests render: the project's golden files, and a mixed document of this folder. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), "utf8");
}

/** The golden Markdown of the reference case, KS 2025/804: two signatories. */
export const REFERENCE_MD = fixture("sodermalm-ks-2025-804.md");
/** Three signatories, a numbered förslag till beslut and numbered Bilagor. */
export const THREE_SIGNATORIES_MD = fixture("skrivelse-flera-forfattare.md");
/** No dnr, datum, handläggare, address: the optional front matter left out. */
export const MINIMAL_MD = fixture("minimal.md");
/** Inline formatting, links, quotes, nested lists, a list from 3, code, a rule, three signatories. */
export const MIXED_MD = readFileSync(new URL("./fixtures/blandat.md", import.meta.url), "utf8");

/**
 * The reference with a third signatory added after the second: the variant
 * the issue asks for, from the real golden file.
 */
export const REFERENCE_THREE_SIGNATORIES_MD = REFERENCE_MD.replace(
  "Avdelningschef\\\nSödermalms stadsdelsförvaltning\n",
  "Avdelningschef\\\nSödermalms stadsdelsförvaltning\n\nKim Lindqvist\\\nUtredare\\\nSödermalms stadsdelsförvaltning\n",
);

/**
 * Text of an mdast node as it should stand in the DOCX: soft line breaks
 * are spaces, hard breaks "\n". Written here rather than taken from the
 * writer, so the tests do not check the writer against itself.
 */
export function expectedText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value.replace(/[ \t]*\n[ \t]*/g, " ");
    case "break":
      return "\n";
    case "html":
      return /^<br\s*\/?>$/i.test(node.value) ? "\n" : node.value.replace(/<[^>]*>/g, "");
    default:
      return "children" in node ? (node.children as Nodes[]).map(expectedText).join("") : "";
  }
}

export function tree(markdown: string): Root {
  return parseMarkdown(markdown);
}

/** Every paragraph of the Markdown outside the front matter, in order (list items' included). */
export function markdownParagraphs(markdown: string): Paragraph[] {
  const found: Paragraph[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "paragraph") found.push(node);
    else if ("children" in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree(markdown));
  return found;
}

export function markdownHeadings(markdown: string): { depth: number; text: string }[] {
  return tree(markdown)
    .children.filter((node): node is Heading => node.type === "heading")
    .map((heading) => ({ depth: heading.depth, text: expectedText(heading) }));
}
