import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { documentTree } from "./blocks.js";

/**
 * Markdown → mdast, the one tree that both the DOCX writer and `check` read.
 * Front matter (`---` YAML) becomes a `yaml` node at the start of the tree;
 * GitHub's extensions (tables, strikethrough, footnotes, task lists and
 * links written as plain addresses) are read as GitHub shows them, so the
 * DOCX says what the Markdown says in a pull request.
 *
 * The parser's tree, with the parser run only on the blocks that need it
 * (src/readers/markdown/blocks.ts): most of a drafted document is headings
 * and plain prose, whose tree is known from their shape.
 */
export function parseMarkdown(markdown: string): Root {
  return documentTree(markdown, parseMarkdownRegion) ?? parseWithRemark(markdown);
}

/** remark itself (remark-parse with GitHub's extensions and front matter), made on first use: a drafted document may never need it. */
export function parseWithRemark(markdown: string): Root {
  fullProcessor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]).freeze();
  return fullProcessor.parse(markdown);
}
let fullProcessor: Processor<Root> | undefined;

/** The same without front matter: for a run of blocks inside a document (blocks.ts). */
export function parseMarkdownRegion(markdown: string): Root {
  regionProcessor ??= unified().use(remarkParse).use(remarkGfm).freeze();
  return regionProcessor.parse(markdown);
}
let regionProcessor: Processor<Root> | undefined;

/**
 * The writer's text fields are parsed twice in a draft (the loader looks for
 * level-1 and level-2 headings, the view model reflows the sentences), so
 * the last few of their trees are kept. Trees are shared: callers only read
 * them.
 */
const recentFields = new Map<string, Root>();
const RECENT_MAX = 16;

export function parseFieldMarkdown(markdown: string): Root {
  const cached = recentFields.get(markdown);
  if (cached) return cached;
  // Mostly plain prose, which needs no parser (blocks.ts).
  const tree = parseMarkdown(markdown);
  if (recentFields.size >= RECENT_MAX) recentFields.delete(recentFields.keys().next().value!);
  recentFields.set(markdown, tree);
  return tree;
}
