import type { Heading, Nodes, Root } from "mdast";
import { hasErrors, type Diagnostic, type Finding } from "../diagnostics.js";
import type { Config } from "../model/config.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../model/husstil.js";
import { markdownFieldPaths, type Case } from "../model/schema.js";
import { parseFieldMarkdown } from "../readers/markdown/parse.js";
import { dirname, resolve } from "node:path";
import { readImage } from "../images.js";
import { isSafeLink, linkScheme } from "../model/links.js";
import { LIMITS, formatBytes } from "../model/limits.js";
import { cleanCharacters } from "./characters.js";
import { decodeInput } from "./decode.js";
import { markdownShapeProblem, unclosedFence } from "./markdown-limits.js";
import { SourceMap, type FieldPath, type Position } from "./positions.js";
import { readInputFile } from "./read.js";
import { sectionFindings } from "./sections.js";
import { formatPath, validateCase, valueAt } from "./validate.js";
import { parseYaml } from "./yaml.js";

export { formatPath } from "./validate.js";
export type { FieldPath, Position } from "./positions.js";

/** A case file after loading: the valid case, or the findings that stop it. */
export interface LoadedCase {
  file: string;
  /** The decoded text (BOM removed, LF line ends). Empty when it could not be decoded. */
  text: string;
  /** Present when the file is valid. */
  case?: Case;
  /** The data as the file writes it (no defaults from the config), for readers that walk its fields; undefined when unreadable. */
  data: unknown;
  /** Every problem in the file, in source order. */
  diagnostics: Diagnostic[];
  /** Where a field stands in the file (missing fields: their parent key). */
  locate(path: FieldPath): Position;
  /** Where the character at `offset` of a string field's value stands in the file. */
  locateInValue(path: FieldPath, offset: number): Position;
}

/** What a förvaltning's profile supplies to a case that does not say it itself. */
export type CaseDefaults = Pick<Config, "forvaltning" | "underskrifter">;

/** A YAML file read as far as it goes: its data with positions, or the findings that stop it. */
export interface YamlSource {
  file: string;
  text: string;
  /** Undefined when the text or the YAML could not be read. */
  data: unknown;
  map?: SourceMap;
  findings: Finding[];
}

/**
 * Bytes → text → YAML with positions, every string cleaned of characters
 * that cannot reach a Word document (src/load/characters.ts). `isMarkdown`
 * says which fields take Markdown. The findings may be warnings only; any
 * error stops the file.
 */
export function readYamlSource(
  input: Uint8Array | string,
  file: string,
  isMarkdown: (path: FieldPath, data: unknown) => boolean = () => false,
): YamlSource {
  const decoded = decodeInput(typeof input === "string" ? new TextEncoder().encode(input) : input);
  if (!decoded.ok) return { file, text: "", data: undefined, findings: [decoded.finding] };
  const text = decoded.text.replace(/^\uFEFF/, "");
  const parsed = parseYaml(text);
  const map = new SourceMap(parsed.doc, parsed.lineCounter, text);
  if (parsed.findings.length > 0 || parsed.data === undefined) return { file, text, data: parsed.data, map, findings: parsed.findings };
  const cleaned = cleanCharacters(parsed.data, map, (path) => isMarkdown(path, parsed.data));
  return { file, text, data: cleaned.data, map, findings: cleaned.findings };
}

/** Whether a field of a case takes Markdown; asked of every text field, so the Markdown fields are listed once per file. */
function isMarkdownField(path: FieldPath, data: unknown): boolean {
  const remembered = data !== null && typeof data === "object";
  let keys = remembered ? markdownKeys.get(data) : undefined;
  if (!keys) {
    keys = new Set(markdownFieldPaths(data).map(formatPath));
    if (remembered) markdownKeys.set(data, keys);
  }
  return keys.has(formatPath(path));
}
const markdownKeys = new WeakMap<object, Set<string>>();

/** Reads and loads a case file (named relative to `cwd`); a missing or unreadable file throws RemissError (exit 2). */
export async function loadCaseFile(file: string, defaults?: CaseDefaults, cwd?: string, style?: HouseStyle): Promise<LoadedCase> {
  return loadCaseText(await readInputFile(file, cwd), file, defaults, style, dirname(resolve(cwd ?? process.cwd(), file)));
}

/**
 * YAML bytes → a validated case with positions, or every problem found,
 * together. The house style decides which sections, and so which fields,
 * the case must have.
 */
export function loadCaseText(
  input: Uint8Array | string,
  file: string,
  defaults?: CaseDefaults,
  style: HouseStyle = DEFAULT_HOUSE_STYLE,
  /** The case file's folder, where its images are; without it, images are not looked for. */
  baseDir?: string,
): LoadedCase {
  const source = readYamlSource(input, file, isMarkdownField);
  const map = source.map;
  const nowhere = () => ({ line: 1, column: 1 });
  const base = {
    file,
    text: source.text,
    data: source.data,
    locate: (path: FieldPath) => map?.locate(path) ?? nowhere(),
    locateInValue: (path: FieldPath, offset: number) => map?.locateInValue(path, offset) ?? nowhere(),
  };
  if (!map || hasErrors(source.findings)) return { ...base, diagnostics: toDiagnostics(file, source.findings) };

  const shapes = markdownShapeFindings(source.data, map);
  if (shapes.length > 0) return { ...base, diagnostics: toDiagnostics(file, [...source.findings, ...shapes]) };

  const data = withDefaults(source.data, defaults);
  const validated = validateCase(data, map, style);
  const findings = [...source.findings, ...(validated.ok ? sectionFindings(validated.value, data, style, map) : validated.findings)];
  findings.push(...markdownHeadingFindings(data, map), ...markdownContentFindings(data, map, baseDir));
  const diagnostics = toDiagnostics(file, findings);
  const valid = validated.ok && !findings.some((f) => f.severity === "error");
  return valid ? { ...base, case: validated.value, diagnostics } : { ...base, diagnostics };
}

/** The profile's letterhead under the case's own, field by field; its signatories when the case has none. */
function withDefaults(data: unknown, defaults: CaseDefaults | undefined): unknown {
  if (!defaults || data === null || typeof data !== "object" || Array.isArray(data)) return data;
  const merged: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  if (defaults.forvaltning && (merged.forvaltning === undefined || isPlainObject(merged.forvaltning))) {
    merged.forvaltning = { ...defaults.forvaltning, ...(merged.forvaltning as object | undefined) };
  }
  if (defaults.underskrifter && merged.underskrifter === undefined) merged.underskrifter = defaults.underskrifter;
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Markdown fields the parser would handle in more than linear time or with
 * deep recursion (src/load/markdown-limits.ts): an error at the line, and no
 * field of the file is parsed.
 */
function markdownShapeFindings(data: unknown, map: SourceMap): Finding[] {
  const findings: Finding[] = [];
  for (const path of markdownFieldPaths(data)) {
    const value = valueAt(data, path);
    if (typeof value !== "string") continue;
    const problem = markdownShapeProblem(value);
    if (problem) findings.push({ ...map.locateInValue(path, problem.offset), severity: "error", rule: problem.rule, message: `${problem.message} (${formatPath(path)})` });
  }
  return findings;
}

/**
 * Headings in the writer's text: a level-1 or level-2 heading would break
 * the document's sections, and a heading that skips a level (#### straight
 * under the section's ##) breaks the outline that screen readers and PDF
 * bookmarks follow (WCAG 1.3.1). Each is an error at its own line.
 */
function markdownHeadingFindings(data: unknown, map: SourceMap): Finding[] {
  const findings: Finding[] = [];
  for (const path of markdownFieldPaths(data)) {
    const value = valueAt(data, path);
    if (typeof value !== "string") continue;
    let previous = 2;
    for (const node of headingsOf(parseFieldMarkdown(value))) {
      const offset = node.position?.start.offset;
      if (offset === undefined) continue;
      const at = map.locateInValue(path, offset);
      if (node.depth <= 2) {
        findings.push({
          ...at,
          severity: "error",
          rule: "schema/rubrikniva",
          message: `Rubriker på nivå ${node.depth} är förbehållna dokumentets egna avsnitt. Använd ### för en egen rubrik. (${formatPath(path)})`,
        });
        continue;
      }
      if (node.depth > previous + 1) {
        findings.push({
          ...at,
          severity: "error",
          rule: "schema/rubrikniva",
          message: `Rubriken har nivå ${node.depth} men står under en rubrik på nivå ${previous}; en nivå får inte hoppas över. Skriv ${"#".repeat(previous + 1)} i stället för ${"#".repeat(node.depth)}. (${formatPath(path)})`,
        });
      }
      previous = node.depth;
    }
  }
  return findings;
}

/**
 * What a Word document cannot show as the Markdown shows it: raw HTML (a
 * field's text is text; the document's own markers are the program's), an
 * image without alternative text, an image from the web, or one that is not
 * a PNG or JPEG file beside the case, and a code fence left open (which
 * would run into the next field: every field must parse as a closed unit).
 * Each is an error at its line.
 */
function markdownContentFindings(data: unknown, map: SourceMap, baseDir: string | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const path of markdownFieldPaths(data)) {
    const value = valueAt(data, path);
    if (typeof value !== "string") continue;
    const field = formatPath(path);
    const visit = (node: Nodes) => {
      const offset = node.position?.start.offset;
      const report = (rule: string, message: string) =>
        findings.push({ ...(offset === undefined ? map.locate(path) : map.locateInValue(path, offset)), severity: "error", rule, message: `${message} (${field})` });
      if (node.type === "html" && !/^<br\s*\/?>$/iu.test(node.value.trim())) {
        report("schema/html", "HTML-kod kan inte stå i texten; den kommer inte med i Word-dokumentet. Skriv texten som vanlig Markdown, t.ex. **fet** eller en lista med -.");
      } else if (node.type === "image") {
        const problem = imageProblem(node.url, node.alt ?? "", baseDir);
        if (problem) report("schema/bild", problem);
      } else if ((node.type === "link" || node.type === "definition") && linkScheme(node.url) !== undefined && !isSafeLink(node.url)) {
        report(
          "schema/lank",
          `Länken går till ”${linkScheme(node.url)}:”, som inte får stå i ett dokument (den kan starta ett program eller öppna en fil hos läsaren). Länka till en webbsida (https://…) eller en e-postadress (mailto:…).`,
        );
      } else if (node.type === "imageReference") {
        report("schema/bild", "En bild måste skrivas med sin fil direkt: ![Beskrivning av bilden](bild.png).");
      } else if (node.type === "code" && offset !== undefined) {
        const fence = unclosedFence(value.slice(offset, node.position?.end.offset));
        if (fence) {
          report(
            "schema/kodblock",
            `Kodblocket som börjar med ${fence} här avslutas aldrig, så i dokumentet skulle det ta med sig resten av texten, de följande avsnitten och underskrifterna. Avsluta det med en rad med bara ${fence}, eller ta bort raden.`,
          );
        }
      }
      if ("children" in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(parseFieldMarkdown(value));
  }
  return findings;
}

/** What is wrong with an image, if anything. */
function imageProblem(url: string, alt: string, baseDir: string | undefined): string | undefined {
  if (alt.trim() === "") {
    return "Bilden saknar alternativtext, som skärmläsare läser upp. Skriv vad bilden visar inom hakparenteserna: ![Karta över skolvägarna](karta.png).";
  }
  if (/^[a-z][a-z0-9+.-]*:/iu.test(url) || url.startsWith("//")) {
    return `Bilden ”${alt}” ligger på webben (${url}). Spara den som en PNG- eller JPEG-fil bredvid ärendet och skriv filens namn.`;
  }
  if (baseDir === undefined) return undefined;
  const image = readImage(resolve(baseDir, decodeURI(url)));
  if (image === "missing") return `Bildfilen ”${url}” finns inte. Skriv sökvägen räknat från ärendets mapp.`;
  if (image === "unknown") return `Bildfilen ”${url}” är inte en PNG- eller JPEG-bild. Spara den som PNG eller JPEG.`;
  if (image === "special") return `Bildfilen ”${url}” är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en PNG- eller JPEG-fil.`;
  if (image === "large") return `Bildfilen ”${url}” är större än ett Word-dokument får vara (${formatBytes(LIMITS.docxBytes)}). Spara bilden i lägre upplösning.`;
  return undefined;
}

/** Every heading of a fragment, in document order, also inside block quotes and lists. */
function headingsOf(tree: Root): Heading[] {
  const found: Heading[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "heading") found.push(node);
    else if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

export function toDiagnostics(file: string, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => ({ file, ...f })).sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1));
}
