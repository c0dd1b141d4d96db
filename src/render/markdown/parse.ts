import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * Markdown → mdast, the one tree that both the DOCX writer and `check` read.
 * Front matter (`---` YAML) becomes a `yaml` node at the start of the tree.
 */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).freeze();

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
