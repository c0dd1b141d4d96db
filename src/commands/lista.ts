import { EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { expandCaseInputs } from "../load/inputs.js";
import { STDIN } from "../load/read.js";
import { isGlob } from "../load/walk.js";
import { isCalendarDate } from "../model/schema.js";
import { printable } from "../report/printable.js";
import { joinSwedish } from "../view/lists.js";
import { useColor } from "./check.js";
import type { CommandIo } from "./io.js";

export interface ListaOptions {
  per?: string;
  format?: string;
  separator?: string;
  outDir?: string;
  /** false with --no-color. */
  color?: boolean;
}

const FORMATS = ["tabell", "json", "csv", "ics"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `remiss lista`: every case in the folders and files given (the current
 * folder by default), one row each, as a table, JSON, CSV or an iCalendar
 * file (src/lista/). Exit 0, or 2 when a file could not be read (it still
 * has its row) or for a usage error.
 */
export async function runLista(paths: readonly string[], options: ListaOptions, io: CommandIo): Promise<ExitCode> {
  const format = parseFormat(options.format);
  const per = await parsePer(options.per);
  const separator = parseSeparator(options.separator, format);
  if (paths.includes(STDIN)) throw new RemissError("lista läser ärendena ur filer och mappar, inte från standard in. Ange en mapp, t.ex. remiss lista arenden/.", EXIT_USAGE);
  const given = paths.length > 0 ? paths : ["."];
  const files = await expandCaseInputs(given, io.cwd);
  if (files.length === 0) {
    const tried = joinSwedish(given.map((path) => `${isGlob(path) ? "mönstret" : "mappen"} ”${printable(path)}”`));
    throw new RemissError(`Inga YAML-filer hittades i ${tried} (lista läser *.yaml och *.yml utom remiss.config.yaml, också i undermappar).`, EXIT_USAGE);
  }
  const { collectCases } = await import("../lista/collect.js");
  const { cases, ignored } = await collectCases(files, { cwd: io.cwd, per, outDir: options.outDir });
  if (ignored > 0) io.stderr(`${ignored === 1 ? "1 fil" : `${ignored} filer`} hoppades över enligt check.ignorera i remiss.config.yaml.\n`);
  const rows = cases.map((c) => c.row);
  switch (format) {
    case "tabell": {
      const { formatTable } = await import("../lista/table.js");
      io.stdout(formatTable(cases, per, options.color !== false && useColor(io)));
      break;
    }
    case "json":
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      break;
    case "csv": {
      const { formatCsv } = await import("../lista/csv.js");
      io.stdout(formatCsv(rows, separator));
      break;
    }
    case "ics": {
      const { formatIcs } = await import("../lista/ics.js");
      io.stdout(formatIcs(rows, per));
      break;
    }
  }
  const unreadable = cases.filter((c) => c.problem !== undefined);
  // The table says it in its notes; the other formats are for programs, and a person reads standard error.
  if (format !== "tabell") for (const c of unreadable) io.stderr(`${printable(c.row.fil)}: ${printable(c.problem!)}\n`);
  return unreadable.length > 0 ? EXIT_USAGE : EXIT_OK;
}

function parseFormat(value: string | undefined): Format {
  const format = (value ?? "tabell").trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new RemissError(`Okänt format ”${printable(value ?? "")}” för --format. Välj tabell, json, csv eller ics.`, EXIT_USAGE);
}

/** --per: a real date, ÅÅÅÅ-MM-DD; by default today in the local time zone. */
async function parsePer(value: string | undefined): Promise<string> {
  const { localToday } = await import("../lista/dates.js");
  if (value === undefined) return localToday();
  const day = value.trim();
  if (isCalendarDate(day)) return day;
  throw new RemissError(`--per ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. --per 2026-03-01), inte ”${printable(value)}”.`, EXIT_USAGE);
}

function parseSeparator(value: string | undefined, format: Format): ";" | "," {
  if (value === undefined) return ";";
  if (format !== "csv") throw new RemissError("--separator gäller bara --format csv.", EXIT_USAGE);
  if (value === ";" || value === ",") return value;
  throw new RemissError(`--separator ska vara ; (standard, som svenska Excel vill ha) eller ett kommatecken (--separator ,), inte ”${printable(value)}”.`, EXIT_USAGE);
}
