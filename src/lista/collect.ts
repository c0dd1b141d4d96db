import { existsSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { checkFiles } from "../check/check-files.js";
import { CasePreparer } from "../commands/draft-case.js";
import type { Diagnostic } from "../diagnostics.js";
import { ProfileLoader } from "../load/config.js";
import { loadCaseFile } from "../load/index.js";
import { KIND_VALUES, kindOf } from "../model/kinds.js";
import { isCalendarDate, type Case } from "../model/schema.js";
import { draftFileState, type DraftFileState } from "../output/draft-state.js";
import { daysLeft, oneYearLater } from "./dates.js";
import type { DraftState, ListRow } from "./row.js";

/** The kinds whose answer has a limit of one year from the day they were väckt (kommunallagen 5 kap. 35 §). */
export const ONE_YEAR_KINDS: ReadonlySet<string> = new Set(["motion", "medborgarforslag"]);

const PLACEHOLDER_RULE = "text/platshallare";
const CASE_FILE = /\.ya?ml$/iu;
const NOT_A_CASE = "Filen är inget ärende: lista läser ärenden (.yaml, .yml). Ange ärendets YAML-fil, eller en mapp.";

/** A file as the list names it: relative to the folder the command runs in, with / between folders. */
function shownPath(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split(sep).join("/") || file;
}

/** One case as the list shows it: its row, and what the table says below it. */
export interface ListedCase {
  readonly row: ListRow;
  /** Why the file could not be read, when it could not. */
  readonly problem?: string;
  /** The drafts edited by hand (for `remiss import`). */
  readonly edited: readonly string[];
}

export interface CollectOptions {
  readonly cwd: string;
  /** The day the list is made for, ÅÅÅÅ-MM-DD. */
  readonly per: string;
  /** Where the drafts are, as `draft -o` wrote them; by default beside each case. */
  readonly outDir?: string | undefined;
}

/**
 * The cases among `files` (as `draft` finds them in folders) and their
 * rows, sorted by reply date (cases without one last), then by file. Each
 * file is checked as `check` checks it, with the settings of its nearest
 * remiss.config.yaml: files its `check.ignorera` names are left out (they
 * are counted), errors and placeholders are check's own findings. Each
 * case is drafted in memory and compared with its drafts as
 * `draft --check` does. Nothing stops at one file: an invalid case has the
 * row of what could be read, an unreadable file a row with its error.
 */
export async function collectCases(files: readonly string[], options: CollectOptions): Promise<{ cases: ListedCase[]; ignored: number }> {
  const { cwd } = options;
  // A file named that is no case (`remiss lista utkast.md`) is a row with that said; check would read it as what it is.
  const yaml = files.filter((file) => CASE_FILE.test(file));
  const results = await checkFiles(yaml, cwd);
  const profiles = new ProfileLoader(cwd);
  const cases: ListedCase[] = files
    .filter((file) => !CASE_FILE.test(file))
    .map((file) => ({ row: { fil: shownPath(file, cwd), utkast: "saknas", fel: 1 }, problem: NOT_A_CASE, edited: [] }));
  let ignored = 0;
  const context = { ...options, profiles, preparers: new Map<string, CasePreparer>() };
  for (const [index, file] of yaml.entries()) {
    const result = results[index]!;
    if (result.ignored) {
      ignored++;
      continue;
    }
    cases.push(await listCase(file, result.diagnostics, result.unreadable, context));
  }
  return { cases: cases.sort(compareCases), ignored };
}

async function listCase(
  file: string,
  diagnostics: readonly Diagnostic[],
  unreadable: boolean,
  context: CollectOptions & { profiles: ProfileLoader; preparers: Map<string, CasePreparer> },
): Promise<ListedCase> {
  const { cwd, per } = context;
  const fil = shownPath(file, cwd);
  let errors = diagnostics.filter((d) => d.severity === "error" && d.rule !== PLACEHOLDER_RULE).length;
  const drafts = draftPaths(file, context.outDir);
  if (unreadable) {
    const problem = diagnostics.find((d) => d.severity === "error")?.message ?? "Filen går inte att läsa.";
    return { row: { fil, utkast: (await draftState(drafts, undefined, cwd)).utkast, fel: Math.max(1, errors) }, problem, edited: [] };
  }
  let fields: CaseFields = {};
  let expected: (string | Uint8Array | undefined)[] | undefined;
  try {
    const profile = await context.profiles.forCase(resolve(cwd, file));
    // A config with errors stops every case under it (check says so with the first of them only).
    const config = profile.diagnostics[0]?.file;
    if (config !== undefined && !diagnostics.some((d) => d.file === config)) errors += profile.diagnostics.filter((d) => d.severity === "error").length;
    const loaded = await loadCaseFile(file, profile.config, cwd, profile.style);
    fields = loaded.case ? fromCase(loaded.case) : fromData(loaded.data);
    // Only the drafts that are there are made in memory: a case without a Word document is not rendered to one.
    const formats = (["md", "docx"] as const).filter((_, index) => existsSync(resolve(cwd, drafts[index]!)));
    if (loaded.case && formats.length > 0) {
      let preparer = context.preparers.get(formats.join());
      if (!preparer) {
        preparer = new CasePreparer({ formats, cwd, outDir: context.outDir, check: true });
        context.preparers.set(formats.join(), preparer);
      }
      const prepared = await preparer.prepare(file);
      const outputs = prepared.failed === undefined ? prepared.outputs : undefined;
      if (outputs) expected = drafts.map((path) => outputs.find((o) => o.path === path)?.data);
    }
  } catch {
    // Checking the file has said what is wrong with it: its row shows what could be read.
  }
  const state = await draftState(drafts, expected, cwd);
  const row: ListRow = {
    fil,
    ...(fields.dnr !== undefined ? { dnr: fields.dnr } : {}),
    ...(fields.remissDnr !== undefined ? { remiss_dnr: fields.remissDnr } : {}),
    ...(fields.titel !== undefined ? { titel: fields.titel } : {}),
    ...(fields.typ !== undefined ? { typ: fields.typ } : {}),
    ...(fields.remittent !== undefined ? { remittent: fields.remittent } : {}),
    ...(fields.svarSenast !== undefined ? { svar_senast: fields.svarSenast, dagar_kvar: daysLeft(fields.svarSenast, per), forsenad: daysLeft(fields.svarSenast, per) < 0 } : {}),
    utkast: state.utkast,
    platshallare: diagnostics.filter((d) => d.rule === PLACEHOLDER_RULE).length,
    fel: errors,
    ...(fields.datum !== undefined ? { datum: fields.datum } : {}),
    ...(fields.datum !== undefined && fields.typ !== undefined && ONE_YEAR_KINDS.has(fields.typ) ? { beredas_senast: oneYearLater(fields.datum) } : {}),
  };
  return { row, edited: state.edited };
}

/** The drafts of a case, as `draft` names them: NAME.md and NAME.docx beside it, or in the out-dir. */
function draftPaths(file: string, outDir: string | undefined): string[] {
  const target = join(outDir ?? dirname(file), basename(file, extname(file)));
  return [`${target}.md`, `${target}.docx`];
}

/**
 * The state of a case's drafts together: `andrat` when one was edited by
 * hand, `saknas` when there are none, `aktuellt` when each that is there
 * (the Markdown, the Word document or both: a kansli may draft only one)
 * is what the case gives today, else `inaktuellt` (from another version of
 * the case, or the case cannot be drafted now). A draft that cannot be
 * read is not known to be current.
 */
async function draftState(drafts: readonly string[], expected: readonly (string | Uint8Array | undefined)[] | undefined, cwd: string): Promise<{ utkast: DraftState; edited: string[] }> {
  const states: DraftFileState[] = drafts.map((path, index) => {
    try {
      return draftFileState(resolve(cwd, path), path, expected?.[index]);
    } catch {
      return "stale";
    }
  });
  const edited = drafts.filter((_, index) => states[index] === "edited");
  if (edited.length > 0) return { utkast: "andrat", edited };
  const present = states.filter((s) => s !== "missing");
  if (present.length === 0) return { utkast: "saknas", edited };
  return { utkast: present.every((s) => s === "same") ? "aktuellt" : "inaktuellt", edited };
}

interface CaseFields {
  dnr?: string;
  remissDnr?: string;
  titel?: string;
  typ?: string;
  remittent?: string;
  svarSenast?: string;
  datum?: string;
}

function fromCase(valid: Case): CaseFields {
  const objekt = valid.remissobjekt;
  return dropUndefined({
    dnr: valid.dnr,
    remissDnr: valid.remiss.dnr,
    titel: objekt.titel,
    typ: objekt.typ,
    remittent: valid.remiss.fran,
    svarSenast: valid.remiss.svar_senast,
    datum: objekt.datum,
  });
}

/** What an invalid case's fields say, where they say it plainly: text as text, dates that are dates. */
function fromData(data: unknown): CaseFields {
  const top = record(data);
  const remiss = record(top["remiss"]);
  const objekt = record(top["remissobjekt"] ?? top["motion"]);
  const typ = text(objekt["typ"]);
  return dropUndefined({
    dnr: text(top["dnr"]),
    remissDnr: text(remiss["dnr"]),
    titel: text(objekt["titel"]),
    typ: typ !== undefined && KIND_VALUES.includes(typ) ? kindOf(typ).typ : undefined,
    remittent: text(remiss["fran"]),
    svarSenast: calendarDate(remiss["svar_senast"]),
    datum: calendarDate(objekt["datum"]),
  });
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function calendarDate(value: unknown): string | undefined {
  const day = text(value);
  return day !== undefined && isCalendarDate(day) ? day : undefined;
}

function dropUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** By reply date, the cases without one last; then by file. */
export function compareCases(a: ListedCase, b: ListedCase): number {
  const order = (x: string | undefined, y: string | undefined) => (x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1);
  return order(a.row.svar_senast, b.row.svar_senast) || order(a.row.fil, b.row.fil);
}
