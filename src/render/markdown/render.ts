import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { stringify } from "yaml";
import type { ViewModel } from "../../view/model.js";

/** The built-in templates, shipped with the package. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../../templates/", import.meta.url));
export const MAIN_TEMPLATE = "tjansteutlatande.md.hbs";
const EXTENSION = ".md.hbs";

export type MarkdownRenderer = (view: ViewModel) => string;

/**
 * Compiles the templates once; the renderer it returns turns view models
 * into Markdown. Templates only place the view model's strings; values are
 * data, never template source, so `{{…}}` in a writer's text stays literal.
 */
export function createMarkdownRenderer(templatesDir: string = BUILTIN_TEMPLATES): MarkdownRenderer {
  const hbs = Handlebars.create();
  hbs.registerHelper("rader", function (this: unknown, options: Handlebars.HelperOptions) {
    return `${joinLines(options.fn(this))}\n`;
  });
  for (const file of templateFiles(templatesDir)) {
    if (file === MAIN_TEMPLATE) continue;
    const name = file.slice(0, -EXTENSION.length);
    hbs.registerPartial(name, hbs.compile(readFileSync(join(templatesDir, file), "utf8"), { noEscape: true }));
  }
  const main = hbs.compile(readFileSync(join(templatesDir, MAIN_TEMPLATE), "utf8"), { noEscape: true });
  return (view) => normalize(main({ ...view, frontMatter: stringify(view.metadata, { lineWidth: 0 }).trimEnd() }));
}

/** The lines of a block, empty ones dropped, joined with hard breaks (`\` at the line end). */
function joinLines(block: string): string {
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join("\\\n");
}

/** Every template file below a folder, as paths relative to it with `/`. */
function templateFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(EXTENSION)) files.push(relative(dir, path).split("\\").join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

/** Diff-friendly, stable layout: no trailing spaces, at most one blank line, one final newline. */
function normalize(markdown: string): string {
  return `${markdown
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
