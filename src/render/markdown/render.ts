import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { stringify } from "yaml";
import { EXIT_INVALID, RemissError } from "../../errors.js";
import { signMarkdown } from "../../output/fingerprint.js";
import type { ViewModel } from "../../view/model.js";

import { readProblem, readRegularFile } from "../../load/read.js";
import { LIMITS } from "../../model/limits.js";
import { BUILTIN_TEMPLATES } from "../../paths.js";
import { TEMPLATES as PRECOMPILED } from "remiss:precompiled";

export { BUILTIN_TEMPLATES };
export const MAIN_TEMPLATE = "tjansteutlatande.md.hbs";
const EXTENSION = ".md.hbs";

export type MarkdownRenderer = (view: ViewModel) => string;

interface TemplateSource {
  /** Name relative to the templates folder, with `/`: `sektioner/bakgrund.md.hbs`. */
  name: string;
  /** The file it was read from, for messages. */
  path: string;
  source: string;
  /** Precompiled at build time (built-in templates in the bundle). */
  spec?: TemplateSpecification;
}

/**
 * Compiles the templates once; the renderer it returns turns view models
 * into Markdown. A förvaltning's own templates folder replaces the built-in
 * files of the same name; the rest stay built in. Templates only place the
 * view model's strings: values are data, never template source, so `{{…}}`
 * in a writer's text stays literal.
 */
export function createMarkdownRenderer(ownTemplates?: string): MarkdownRenderer {
  const templates = new Map<string, TemplateSource>();
  if (PRECOMPILED) {
    for (const [name, { source, spec }] of Object.entries(PRECOMPILED)) templates.set(name, { name, path: join(BUILTIN_TEMPLATES, name), source, spec });
  }
  const folders = [...(PRECOMPILED ? [] : [BUILTIN_TEMPLATES]), ...(ownTemplates ? [ownTemplates] : [])];
  for (const dir of folders) {
    if (!existsSync(dir)) throw new RemissError(`${dir}: mallmappen finns inte. Kontrollera ”templates” i remiss.config.yaml eller --templates.`);
    try {
      for (const name of templateFiles(dir)) {
        const path = join(dir, name);
        // A template is far smaller than a case: a pipe or a device among them is refused, not waited on.
        templates.set(name, { name, path, source: readRegularFile(path, LIMITS.caseBytes).toString("utf8") });
      }
    } catch (error) {
      throw new RemissError(`${dir}: mallarna går inte att läsa (${readProblem(error)}). Kontrollera ”templates” i remiss.config.yaml eller --templates.`);
    }
  }
  const hbs = Handlebars.create();
  hbs.registerHelper("rader", function (this: unknown, options: Handlebars.HelperOptions) {
    return `${joinLines(options.fn(this))}\n`;
  });
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const template of templates.values()) {
    compiled.set(template.name, compile(hbs, template));
  }
  for (const [name, delegate] of compiled) {
    if (name !== MAIN_TEMPLATE) hbs.registerPartial(name.slice(0, -EXTENSION.length), attributed(delegate, templates.get(name)!));
  }
  const main = compiled.get(MAIN_TEMPLATE)!;
  const mainSource = templates.get(MAIN_TEMPLATE)!;
  return (view) => {
    const context = { ...view, frontMatter: stringify(view.metadata, { lineWidth: 0 }).trimEnd() };
    return signMarkdown(normalize(attributed(main, mainSource)(context)));
  };
}

/** Parses a template at once, so that a syntax error is reported before anything is drafted. */
function compile(hbs: typeof Handlebars, template: TemplateSource): HandlebarsTemplateDelegate {
  if (template.spec) return hbs.template(template.spec);
  try {
    hbs.parse(template.source);
  } catch (error) {
    throw templateError(template, error);
  }
  return hbs.compile(template.source, { noEscape: true });
}

/** A template whose run-time errors name the template file and line. */
function attributed(delegate: HandlebarsTemplateDelegate, template: TemplateSource): HandlebarsTemplateDelegate {
  return (context, options) => {
    try {
      return delegate(context, options);
    } catch (error) {
      if (error instanceof RemissError) throw error;
      throw templateError(template, error);
    }
  };
}

function templateError(template: TemplateSource, error: unknown): RemissError {
  const raw = error instanceof Error ? error.message : String(error);
  const { message, name } = swedishTemplateError(raw);
  // Where: Handlebars's own line for a parse error; for a run-time error, the first line that uses the name it complains about.
  const used = name ? template.source.split("\n").findIndex((l) => new RegExp(`\\{\\{[#>/^~\\s]*${escapeRegExp(name)}\\b`, "u").test(l)) + 1 : 0;
  const line = (error as { lineNumber?: number }).lineNumber ?? (used || Number(/on line (\d+)/.exec(raw)?.[1] ?? 1));
  return new RemissError(`${template.path}:${line}: fel i mallen: ${message}`, EXIT_INVALID);
}

/** Handlebars's English errors, said in Swedish, with the name they are about (a partial, a helper), if any. */
function swedishTemplateError(raw: string): { message: string; name?: string } {
  let match = /The partial (\S+) could not be found/u.exec(raw);
  if (match) return { message: `delmallen ”${match[1]}” finns inte. Kontrollera namnet i {{> ${match[1]}}}.`, name: match[1]! };
  match = /Missing helper: "([^"]+)"/u.exec(raw);
  if (match) return { message: `hjälpfunktionen ”${match[1]}” finns inte. Mallarna kan använda if, unless, each, with och rader.`, name: match[1]! };
  match = /(\S+) doesn't match (\S+)/u.exec(raw);
  if (match) return { message: `blocket {{#${match[1]}}} avslutas med {{/${match[2]}}}. Avsluta det med {{/${match[1]}}}.` };
  if (/Parse error|Expecting|Lexical error/u.test(raw)) {
    return { message: "en {{…}}-tagg är felskriven eller inte avslutad. Kontrollera klamrarna och blockens {{#…}} och {{/…}}." };
  }
  match = /"([^"]+)" not defined in/u.exec(raw);
  if (match) return { message: `värdet ”${match[1]}” finns inte i utlåtandets data.`, name: match[1]! };
  return { message: "mallen går inte att köra. Jämför den med de inbyggda mallarna (remiss templates export)." };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
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
export function templateFiles(dir: string): string[] {
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
