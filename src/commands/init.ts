import { existsSync, readFileSync } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { ProfileLoader } from "../load/config.js";
import type { HouseStyle } from "../model/husstil.js";
import { writeFilesAtomically } from "../output/atomic.js";
import { SCHEMA_FILE, STARTER_CASE } from "../paths.js";
import type { Intake } from "../intake/starter.js";
import { LIMITS, formatBytes } from "../model/limits.js";
import { formatCompact } from "../report/compact.js";
import { printable } from "../report/printable.js";
import type { CommandIo } from "./io.js";

export interface InitOptions {
  force?: boolean;
  /** The remitted document to fill the starter from. */
  fran?: string;
  /** The remittent's letter to fill the starter from. */
  remissbrev?: string;
  /** Today, injectable for tests. */
  today?: Date;
}

/**
 * `remiss init [FILE]`: a starter case with every field, a comment on each
 * and placeholders that `remiss check` flags, so nothing is sent unfinished.
 * It fits the nearest remiss.config.yaml: no fields for the sections its
 * house style leaves out or for what it gives every case (letterhead,
 * signatories), and an entry under `egna_avsnitt` for each own section.
 * Dates it cannot know (the reply date, the organs' dates) are left for the
 * writer, commented out, never invented.
 */
export async function runInit(file: string | undefined, options: InitOptions, io: CommandIo): Promise<ExitCode> {
  const target = resolve(io.cwd, file ?? "arende.yaml");
  const shown = printable(file ?? "arende.yaml");
  if (!options.force && (await access(target).then(() => true, () => false))) {
    throw new RemissError(`${shown}: filen finns redan och skrivs inte över. Välj ett annat namn, eller använd --force.`, EXIT_INVALID);
  }
  const profile = await new ProfileLoader(io.cwd).forCase(target);
  if (profile.diagnostics.length > 0) {
    io.stderr(formatCompact(profile.diagnostics));
    io.stderr(`${shown}: inget skrevs, eftersom ${profile.diagnostics[0]!.file} har fel. Rätta dem och kör igen.\n`);
    return EXIT_INVALID;
  }
  // The documents are read before anything is written: one that cannot be read stops init with nothing written.
  const intake = options.fran || options.remissbrev ? await readIntake(options, io, profile.config.forvaltning?.namnd) : undefined;
  const today = options.today ?? new Date();
  const values: Record<string, string> = {
    schema: relative(dirname(target), schemaForRepo(dirname(target))).split("\\").join("/"),
    fil: basename(target),
    datum: isoDate(today),
    egna_avsnitt: ownSectionEntries(profile.style),
  };
  const template = await readFile(STARTER_CASE, "utf8");
  // What the profile gives every case (the letterhead, the signatories) is left out: a placeholder would override it.
  const given = [...(profile.config.forvaltning?.namn && profile.config.forvaltning.namnd ? ["forvaltning"] : []), ...(profile.config.underskrifter ? ["underskrifter"] : [])];
  const starter = fitToStyle(template, profile.style, given).replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
  const filled = intake ? (await import("../intake/starter.js")).fillStarter(starter, intake) : undefined;
  if (filled && Buffer.byteLength(filled.text) > LIMITS.caseBytes) {
    // Never a case that draft would refuse.
    throw new RemissError(
      `${shown}: skrevs inte, eftersom texten från dokumentet skulle göra ärendet större än ${formatBytes(LIMITS.caseBytes)}, mer än ett ärende får vara. Kör remiss init utan --fran och klistra in det som behövs.`,
      EXIT_USAGE,
    );
  }
  await writeFilesAtomically([{ path: target, data: filled?.text ?? starter }], () => shown);
  io.stdout(`Skrev ${shown}. Fyll i fälten och kör sedan: remiss draft ${shown}\n`);
  if (filled) io.stdout(`${printable(filled.summary)}\n`);
  if (intake) {
    const warnings = (await import("../intake/warnings.js")).intakeWarnings(intake, profile.config.forvaltning?.namnd);
    if (warnings.length > 0) io.stderr(formatCompact(warnings));
  }
  return EXIT_OK;
}

/** Reads and extracts the remitted document and the letter (RemissError, exit 2, when one cannot be read). */
async function readIntake(options: InitOptions, io: CommandIo, ownNamnd: string | undefined): Promise<Intake> {
  const [{ readInputFile }, { readSourceDocument }] = await Promise.all([import("../load/read.js"), import("../intake/source.js")]);
  const read = async (file: string) => readSourceDocument(file, await readInputFile(file, io.cwd, { bytes: LIMITS.sourceBytes, what: "ett dokument" }));
  const intake: { objekt?: Intake["objekt"]; brev?: Intake["brev"] } = {};
  if (options.fran) {
    const source = await read(options.fran);
    const { extractRemissobjekt } = await import("../intake/remissobjekt.js");
    intake.objekt = { found: extractRemissobjekt(source), source };
  }
  if (options.remissbrev) {
    const source = await read(options.remissbrev);
    const { extractRemissbrev } = await import("../intake/remissbrev.js");
    intake.brev = { found: extractRemissbrev(source, ownNamnd), source };
  }
  return intake;
}

/**
 * The starter's blocks, each between `#@ ID` and `#@`, kept when the house
 * style has the section ID (`egna-avsnitt`: when it has own sections;
 * `forvaltning` and `underskrifter`: unless the profile gives them) and
 * dropped otherwise; the marker lines never reach the file.
 */
export function fitToStyle(template: string, style: HouseStyle, givenByProfile: readonly string[] = []): string {
  const keep = new Set(style.sections.map((s) => s.id));
  if (style.sections.some((s) => s.own)) keep.add("egna-avsnitt");
  for (const key of ["forvaltning", "underskrifter"]) if (!givenByProfile.includes(key)) keep.add(key);
  const out: string[] = [];
  let skipping = false;
  for (const line of template.split("\n")) {
    const marker = /^#@(?: (\S+))?\s*$/u.exec(line);
    if (marker) {
      skipping = marker[1] !== undefined && !keep.has(marker[1]);
      continue;
    }
    if (!skipping) out.push(line);
  }
  return out.join("\n").replace(/\n{3,}/gu, "\n\n");
}

/** One `egna_avsnitt` entry per own section of the house style, with a placeholder text that `check` finds. */
function ownSectionEntries(style: HouseStyle): string {
  return style.sections
    .filter((s) => s.own)
    .map((s) => {
      const optional = s.required ? "" : "   # valfritt";
      return `  - rubrik: ${JSON.stringify(s.heading)}${optional}\n    text: |\n      [Skriv avsnittet ${s.heading} här.]`;
    })
    .join("\n");
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The schema the modeline points at: remiss as installed in the case's repo
 * (`node_modules/remiss/schema/remiss.schema.json`, there or in a folder
 * above, or where a package.json that depends on remiss will install it), so
 * that the line is right for every colleague and CI job that clones the
 * repo; this package's own file only when there is no such repo.
 */
function schemaForRepo(caseDir: string): string {
  for (let dir = caseDir; ; dir = dirname(dir)) {
    const installed = join(dir, "node_modules", "remiss", "schema", "remiss.schema.json");
    if (existsSync(installed) || dependsOnRemiss(join(dir, "package.json"))) return installed;
    if (dirname(dir) === dir) return SCHEMA_FILE;
  }
}

function dependsOnRemiss(packageJson: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(packageJson, "utf8")) as Record<string, Record<string, unknown> | undefined>;
    return ["dependencies", "devDependencies", "optionalDependencies"].some((field) => typeof manifest[field]?.["remiss"] === "string");
  } catch {
    return false;
  }
}
