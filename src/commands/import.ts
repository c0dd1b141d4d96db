import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { parse as parseYaml } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { docxBlocks, markdownBlocks, type DraftBlock } from "../import/blocks.js";
import { mapDraft, type FieldKind, type StockChange } from "../import/map.js";
import { editYaml, type YamlEdit } from "../import/yaml-edit.js";
import { ProfileLoader } from "../load/config.js";
import { loadCaseFile, loadCaseText } from "../load/index.js";
import { fieldBookmark, fieldBookmarkBase, parseFieldMarker } from "../model/sections.js";
import { writeFilesAtomically } from "../output/atomic.js";
import { DocxProblem, readDocxModel, type DocxModel } from "../readers/docx/read.js";
import { pendingChanges } from "../readers/docx/resolve.js";
import { createMarkdownRenderer } from "../render/markdown/render.js";
import { parseMarkdown } from "../readers/markdown/parse.js";
import { printable } from "../report/printable.js";
import { joinSwedish } from "../view/lists.js";
import { buildViewModel, type ViewModel } from "../view/model.js";
import { reflowMarkdown } from "../view/sentences.js";
import { parseFormat, report } from "./check.js";
import type { CommandIo } from "./io.js";

export interface ImportOptions {
  arende?: string;
  godkann?: boolean;
  avvisa?: boolean;
  dryRun?: boolean;
  format?: string;
  color?: boolean;
}

/** Case fields that are lists of plain text, item by item; the others are Markdown. */
const LIST_FIELDS: ReadonlyMap<string, FieldKind> = new Map([
  ["remissobjekt.yrkanden", "list"],
  ["bilagor", "list"],
  ["forslag_till_beslut", "list"],
]);

/** Stock sentences that a field of the case can replace, and the field. */
const OVERRIDES: Readonly<Record<string, { field: string; kind: FieldKind }>> = {
  avslutning: { field: "avslutning", kind: "markdown" },
  standardforslag: { field: "forslag_till_beslut", kind: "list" },
};

/**
 * `remiss import UTKAST`: an edited draft (a DOCX from Word or LibreOffice,
 * or the Markdown edited by hand) back into its case file. Read the case
 * and draft it as it stands today; read the edited draft; map each block
 * back to its field (src/import/map.ts); report what is no field's (stock
 * sentences, the case's data), every comment and, without --godkann or
 * --avvisa, every tracked change; rewrite the changed fields in the YAML,
 * all other bytes kept.
 */
export async function runImport(draftArg: string, options: ImportOptions, io: CommandIo): Promise<ExitCode> {
  const format = parseFormat(options.format);
  if (options.godkann && options.avvisa) throw new RemissError("Välj antingen --godkann eller --avvisa, inte båda.", EXIT_USAGE);
  const draftPath = resolve(io.cwd, draftArg);
  const kind = extname(draftPath).toLowerCase();
  if (kind === ".doc") throw new RemissError(`${draftArg}: filen är ett äldre Word-dokument (.doc). Öppna den i Word och spara den som .docx, och kör sedan remiss import igen.`, EXIT_USAGE);
  if (kind !== ".docx" && kind !== ".md") throw new RemissError(`${draftArg}: remiss import läser ett utkast som .docx eller .md.`, EXIT_USAGE);
  if (!existsSync(draftPath)) throw new RemissError(`${draftArg}: filen finns inte.`, EXIT_USAGE);
  const bytes = readFileSync(draftPath);

  let model: DocxModel | undefined;
  let source = "";
  if (kind === ".docx") {
    try {
      model = readDocxModel(bytes);
    } catch (error) {
      if (error instanceof DocxProblem) throw new RemissError(`${draftArg}: ${error.message} Inget skrevs.`, EXIT_USAGE);
      throw error;
    }
    if (!model.properties.has("RemissFingeravtryck") && !model.paragraphs.some((p) => p.markers.some((m) => m.name?.startsWith("_remiss_")))) {
      throw new RemissError(`${draftArg}: Word-dokumentet är inte ett utkast som remiss har skrivit, så det går inte att veta vilka fält texten hör till. Inget skrevs.`, EXIT_USAGE);
    }
  } else {
    source = bytes.toString("utf8").replace(/^\uFEFF/u, "").replace(/\r\n?/gu, "\n");
  }
  const front = kind === ".md" ? frontMatter(source) : undefined;

  const caseArg = options.arende ?? findCase(draftPath, io.cwd, model, front);
  if (!caseArg) {
    throw new RemissError(`${draftArg}: hittar inget ärende till utkastet. Ange YAML-filen med --arende.`, EXIT_USAGE);
  }
  const caseFile = relative(io.cwd, resolve(io.cwd, caseArg)) || caseArg;
  const profile = await new ProfileLoader(io.cwd).forCase(resolve(io.cwd, caseFile));
  const loaded = await loadCaseFile(caseFile, profile.config, io.cwd, profile.style);
  const diagnostics: Diagnostic[] = [...profile.diagnostics];
  if (!loaded.case || loaded.diagnostics.some((d) => d.severity === "error")) {
    io.stdout(report(format, [...diagnostics, ...loaded.diagnostics], io, 1, false, options.color !== false));
    io.stderr(`${printable(caseFile)}: ärendet har fel; rätta dem innan utkastet tas in. Inget skrevs.\n`);
    return EXIT_INVALID;
  }
  const c = loaded.case;

  // Another case's draft is refused.
  const draftDnr = model ? model.properties.get("Dnr") : (front?.dnr as string | undefined);
  const draftRemissDnr = model ? model.properties.get("RemissDnr") : ((front?.remiss as Record<string, unknown> | undefined)?.dnr as string | undefined);
  if ((draftDnr !== undefined && c.dnr !== undefined && draftDnr !== c.dnr) || (draftRemissDnr !== undefined && c.remiss.dnr !== undefined && draftRemissDnr !== c.remiss.dnr)) {
    throw new RemissError(
      `${draftArg}: utkastet hör till ett annat ärende (Dnr ${draftDnr ?? draftRemissDnr}) än ${caseFile} (Dnr ${c.dnr ?? c.remiss.dnr}). Ange rätt ärende med --arende. Inget skrevs.`,
      EXIT_USAGE,
    );
  }

  const templates = profile.templatesDir;
  const view = buildViewModel(c, profile.style);
  const markdown = createMarkdownRenderer(templates)(view);
  const bookmarks = new Map<string, string>();
  for (const line of markdown.split("\n")) {
    const marker = parseFieldMarker(line);
    if (marker?.open) bookmarks.set(fieldBookmarkBase(fieldBookmark(marker.path, 1)), marker.path);
  }
  const fieldOf = (name: string) => bookmarks.get(name);

  let generated: DraftBlock[];
  let edited: DraftBlock[];
  if (model) {
    const { renderDocx } = await import("../render/docx/index.js");
    const docx = await renderDocx(markdown, { style: profile.style, baseDir: dirname(resolve(io.cwd, caseFile)), ...(io.env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}) });
    generated = docxBlocks(readDocxModel(docx), "accept", fieldOf);
    const pending = pendingChanges(model.paragraphs);
    if (pending.length > 0 && !options.godkann && !options.avvisa) {
      // Where each change stands: the field its paragraph goes to with the changes accepted.
      const blocks = docxBlocks(model, "accept", fieldOf);
      const placed = mapDraft(generated, blocks, LIST_FIELDS).fieldOf;
      const found: Diagnostic[] = pending.map((change) => ({
        file: draftArg,
        line: change.paragraph,
        column: 1,
        severity: "error",
        rule: "import/sparad-andring",
        message: `${changeWord(change)}${change.author ? ` av ${change.author}` : ""}${fieldAt(blocks, placed, change.paragraph)}${change.text === "¶" ? "" : `: ”${shorten(change.text)}”`}. Godkänn eller avvisa ändringarna i Word, eller kör med --godkann eller --avvisa.`,
      }));
      io.stdout(report(format, found, io, 1, false, options.color !== false));
      io.stderr(`${printable(draftArg)}: ${pending.length === 1 ? "1 spårad ändring väntar" : `${pending.length} spårade ändringar väntar`}; inget skrevs.\n`);
      return EXIT_INVALID;
    }
    edited = docxBlocks(model, options.avvisa ? "reject" : "accept", fieldOf);
    if (pending.length > 0) diagnostics.push(note(draftArg, 0, "import/sparad-andring", `${pending.length === 1 ? "1 spårad ändring" : `${pending.length} spårade ändringar`} ${options.avvisa ? "avvisades" : "godkändes"} när utkastet togs in; Word-dokumentet har dem kvar.`));
    diagnostics.push(...commentFindings(model, edited, draftArg));
  } else {
    generated = markdownBlocks(parseMarkdown(markdown), markdown);
    edited = markdownBlocks(parseMarkdown(source), source);
  }

  const mapping = mapDraft(generated, edited, LIST_FIELDS);
  const edits: YamlEdit[] = [];
  const changed: string[] = [];
  const yamlPath = (path: string): (string | number)[] => {
    const parts = path.split(".").map((p) => (/^\d+$/u.test(p) ? Number(p) : p));
    if (parts[0] === "remissobjekt" && c.formatVersion === 1) parts[0] = "motion";
    return parts;
  };
  for (const change of mapping.changes) {
    const path = yamlPath(change.path);
    // With inledning_i_stycke the opening sentences stand in the field's first paragraph; they are the house style's, not the field's.
    const opening = view.iStycke?.find((o) => o.path === change.path)?.text;
    const value = typeof change.value === "string" && opening !== undefined ? withoutOpening(change.value, opening) : change.value;
    edits.push({ path, value: typeof value === "string" ? keepParagraphs(value, valueAt(loaded.data, path)) : value });
    changed.push(change.path);
  }
  for (const stock of mapping.stock) {
    const finding = stockFinding(stock, view, draftArg, Boolean(options.godkann));
    if (finding.override && !changed.includes(finding.override.field)) {
      const block = stock.edited!;
      edits.push({ path: [finding.override.field], value: finding.override.kind === "list" ? [block.plain] : block.markdown });
      changed.push(finding.override.field);
    }
    diagnostics.push(finding.diagnostic);
  }
  for (const field of mapping.missing) {
    diagnostics.push(note(draftArg, 0, "import/avsnitt-saknas", `Texten i fältet ${field} finns inte kvar i utkastet; fältet ändrades inte. Ta bort det i ${caseFile} om det ska bort.`));
  }

  const caseText = loaded.text;
  const next = edits.length > 0 ? editYaml(caseText, edits) : caseText;
  if (next !== caseText) {
    const check = loadCaseText(next, caseFile, profile.config, profile.style);
    if (!check.case || check.diagnostics.some((d) => d.severity === "error")) {
      io.stdout(report(format, [...diagnostics, ...check.diagnostics], io, 1, false, options.color !== false));
      io.stderr(`${printable(caseFile)}: ärendet blir ogiltigt med ändringarna från ${printable(draftArg)}; inget skrevs.\n`);
      return EXIT_INVALID;
    }
  }
  if (diagnostics.length > 0) io.stdout(report(format, diagnostics, io, 1, false, options.color !== false));

  if (next === caseText) {
    io.stderr(`${printable(draftArg)}: inget att ta in; utkastet säger det som ${printable(caseFile)} säger.\n`);
    return EXIT_OK;
  }
  if (options.dryRun) {
    io.stdout(createTwoFilesPatch(caseFile, caseFile, caseText, next, "", "", { context: 3 }).split("\n").slice(1).join("\n"));
    io.stderr(`Med --dry-run skrevs inget. Fält som skulle ändras: ${joinSwedish(changed)}.\n`);
    return EXIT_OK;
  }
  const original = readFileSync(resolve(io.cwd, caseFile));
  // The file's own line endings and byte-order mark.
  const crlf = original.includes("\r\n");
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
  const out = `${bom ? "\uFEFF" : ""}${crlf ? next.replace(/\n/gu, "\r\n") : next}`;
  await writeFilesAtomically([{ path: resolve(io.cwd, caseFile), data: out }], () => caseFile);
  // Beside JSON or GitHub's annotations on standard output, what was written is said on standard error.
  (format === "stylish" ? io.stdout : io.stderr)(`${printable(`Skrev ${caseFile}: ${joinSwedish(changed)} ändrades efter ${basename(draftArg)}.`)}\n`);
  return EXIT_OK;
}

/** A field's text without the opening sentences the draft put before it, when it still begins with them. */
function withoutOpening(text: string, opening: string): string {
  const flat = (t: string) => t.replace(/\s+/gu, " ");
  const words = flat(opening).trim();
  const start = flat(text).trimStart();
  if (!start.startsWith(words)) return text;
  // Count the opening's characters in the original text, whitespace runs as one.
  let i = 0;
  let matched = 0;
  const source = text.trimStart();
  while (i < source.length && matched < words.length) {
    if (/\s/u.test(source[i]!)) {
      while (i < source.length && /\s/u.test(source[i]!)) i++;
      matched++;
    } else {
      i++;
      matched++;
    }
  }
  return source.slice(i).replace(/^[ \t]*\n?/u, "").trimStart();
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/**
 * A field's new text with each paragraph that did not change as the file
 * wrote it (its own line breaks), so that the YAML's diff shows only the
 * paragraphs that changed.
 */
function keepParagraphs(text: string, before: unknown): string {
  if (typeof before !== "string") return text;
  const original = new Map<string, string>();
  for (const paragraph of before.replace(/\s+$/u, "").split(/\n[ \t]*\n/u)) original.set(reflowMarkdown(paragraph), paragraph);
  return text
    .split(/\n\n/u)
    .map((paragraph) => original.get(paragraph) ?? paragraph)
    .join("\n\n");
}

/** The case beside the draft (same name), else one in its folder or the current one whose Dnr the draft's properties name. */
function findCase(draftPath: string, cwd: string, model: DocxModel | undefined, front: Record<string, unknown> | undefined): string | undefined {
  const dir = dirname(draftPath);
  const stem = basename(draftPath, extname(draftPath)).replace(/\.andringar$/u, "");
  for (const ext of [".yaml", ".yml"]) {
    const candidate = join(dir, `${stem}${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  const dnr = model?.properties.get("Dnr") ?? (front?.dnr as string | undefined);
  const remissDnr = model?.properties.get("RemissDnr") ?? ((front?.remiss as Record<string, unknown> | undefined)?.dnr as string | undefined);
  if (!dnr && !remissDnr) return undefined;
  const matches: string[] = [];
  for (const folder of new Set([dir, cwd])) {
    let names: string[] = [];
    try {
      names = readdirSync(folder).filter((n) => /\.ya?ml$/iu.test(n) && n !== "remiss.config.yaml");
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const data = parseYaml(readFileSync(join(folder, name), "utf8")) as Record<string, unknown> | null;
        const remiss = data?.remiss as Record<string, unknown> | undefined;
        if ((dnr && data?.dnr === dnr) || (!dnr && remissDnr && remiss?.dnr === remissDnr)) matches.push(join(folder, name));
      } catch {
        // Not a case: passed over.
      }
    }
  }
  return matches.length === 1 ? matches[0] : undefined;
}

function frontMatter(source: string): Record<string, unknown> | undefined {
  if (!source.startsWith("---\n")) return undefined;
  const end = source.indexOf("\n---\n", 3);
  if (end === -1) return undefined;
  try {
    const data = parseYaml(source.slice(4, end)) as unknown;
    return data !== null && typeof data === "object" ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function changeWord(change: { kind: "ins" | "del" | "format"; text: string }): string {
  if (change.text === "¶") return change.kind === "ins" ? "Nytt stycke" : "Styckebrytning borttagen";
  return change.kind === "ins" ? "Infogat" : change.kind === "del" ? "Borttaget" : "Ändrad formatering";
}

function fieldAt(blocks: readonly DraftBlock[], placed: ReadonlyMap<DraftBlock, string>, paragraph: number): string {
  const block = [...blocks].reverse().find((b) => b.line <= paragraph);
  const field = block ? (placed.get(block) ?? block.field) : undefined;
  return field ? ` i fältet ${field}` : "";
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function note(file: string, line: number, rule: string, message: string): Diagnostic {
  return { file, line, column: line === 0 ? 0 : 1, severity: "warning", rule, message };
}

/** Each comment as a finding: where it is anchored, its field, author and text. It stays in the document. */
function commentFindings(model: DocxModel, blocks: readonly DraftBlock[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const comment of model.comments.values()) {
    const start = model.paragraphs.find((p) => p.markers.some((m) => m.kind === "comment-start" && m.id === comment.id));
    const anchor = start ? anchorText(model, comment.id, start.index) : "";
    const block = start ? [...blocks].reverse().find((b) => b.line <= start.index) : undefined;
    const where = block?.field ? ` i fältet ${block.field}` : "";
    out.push({
      file,
      line: start?.index ?? 0,
      column: start ? 1 : 0,
      severity: "warning",
      rule: "import/kommentar",
      message: `Kommentar${comment.author ? ` av ${comment.author}` : ""}${where}${anchor ? ` vid ”${shorten(anchor)}”` : ""}: ”${comment.text}”. Kommentaren finns kvar i Word-dokumentet; ändra i ärendet om den kräver det.`,
    });
  }
  return out;
}

/** The text a comment is anchored to: from its range's start to its end. */
function anchorText(model: DocxModel, id: string, from: number): string {
  let text = "";
  for (const paragraph of model.paragraphs.slice(from - 1)) {
    const full = paragraph.segments.filter((s) => s.revision?.kind !== "del").map((s) => s.text).join("");
    const start = paragraph.markers.find((m) => m.kind === "comment-start" && m.id === id)?.offset ?? 0;
    const end = paragraph.markers.find((m) => m.kind === "comment-end" && m.id === id)?.offset;
    text += `${text ? " " : ""}${full.slice(start, end)}`;
    if (end !== undefined) break;
  }
  return text.trim();
}

/** A changed stock sentence or piece of the case's data: what it was, where it came from, what to do. */
function stockFinding(stock: StockChange, view: ViewModel, file: string, godkann: boolean): { diagnostic: Diagnostic; override?: { field: string; kind: FieldKind } } {
  const at = stock.edited ?? stock.generated!;
  const line = stock.edited?.line ?? 0;
  const was = stock.generated;
  // A phrase of several sentences stands on several lines; compared with its spaces made one.
  const flat = (text: string): string => text.replace(/\s+/gu, " ");
  const phrases = was ? view.fraser.filter((f) => flat(was.markdown).includes(flat(f.text)) || flat(was.plain).includes(flat(f.text))).map((f) => f.namn) : [];
  const unique = [...new Set(phrases)];
  const what = stock.edited && was ? `Ändrat ”${shorten(was.plain)}” till ”${shorten(stock.edited.plain)}”` : stock.edited ? `Nytt stycke ”${shorten(stock.edited.plain)}”` : `Borttaget ”${shorten(at.plain)}”`;
  const override = unique.map((name) => OVERRIDES[name]).find((o) => o !== undefined);
  if (override && stock.edited && godkann) {
    return {
      diagnostic: note(file, line, "import/fast-text", `${what}. Meningen kommer från husstilens fras ”${unique.join("”, ”")}”; med --godkann skrevs den nya texten till fältet ${override.field} i ärendet.`),
      override,
    };
  }
  let where: string;
  if (unique.length > 0) {
    const own = override ? ` eller skriv ${override.field === "avslutning" ? "en egen avslutning" : "ett eget förslag till beslut"} i ärendet (${override.field}:, eller kör med --godkann)` : "";
    where = `Meningen kommer från husstilens fras ”${unique.join("”, ”")}” och är ingen uppgift i ärendet, så ändringen togs inte med. Ändra frasen i remiss.config.yaml (husstil.fraser)${own}.`;
  } else if (at.kind === "heading") {
    where = "Rubriken kommer från husstilens avsnittslista, så ändringen togs inte med. Ändra rubriken i remiss.config.yaml (husstil.avsnitt).";
  } else if (was && !stock.edited && was.region !== "body") {
    where = "Texten kommer från ärendets uppgifter, så ändringen togs inte med. Ändra uppgiften i ärendet.";
  } else if (stock.edited && !was && stock.section === undefined) {
    where = "Stycket står utanför ärendets avsnitt och hör inte till något fält, så det togs inte med. Flytta texten till ett avsnitt med ett fält, eller skriv in den i ärendet.";
  } else {
    where = "Texten kommer från ärendets uppgifter eller husstilen och hör inte till något fält, så ändringen togs inte med. Ändra uppgiften i ärendet.";
  }
  return { diagnostic: note(file, line, "import/fast-text", `${what}. ${where}`) };
}


