import { access, readFile } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { EXIT_INVALID, EXIT_OK, RemissError, type ExitCode } from "../errors.js";
import { writeFilesAtomically } from "../output/atomic.js";
import { SCHEMA_FILE, STARTER_CASE } from "../paths.js";
import type { CommandIo } from "./io.js";

export interface InitOptions {
  force?: boolean;
  /** Today, injectable for tests. */
  today?: Date;
}


/**
 * `remiss init [FILE]`: a starter case with every field, a comment on each
 * and placeholders that `remiss check` flags, so nothing is sent unfinished.
 */
export async function runInit(file: string | undefined, options: InitOptions, io: CommandIo): Promise<ExitCode> {
  const target = resolve(io.cwd, file ?? "arende.yaml");
  const shown = file ?? "arende.yaml";
  if (!options.force && (await access(target).then(() => true, () => false))) {
    throw new RemissError(`${shown}: filen finns redan och skrivs inte över. Välj ett annat namn, eller använd --force.`, EXIT_INVALID);
  }
  const today = options.today ?? new Date();
  const values: Record<string, string> = {
    schema: relative(dirname(target), SCHEMA_FILE).split("\\").join("/"),
    fil: basename(target),
    datum: isoDate(today),
    svar_senast: isoDate(new Date(today.getTime() + 30 * 86_400_000)),
  };
  const starter = (await readFile(STARTER_CASE, "utf8")).replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
  await writeFilesAtomically([{ path: target, data: starter }]);
  io.stdout(`Skrev ${shown}. Fyll i fälten och kör sedan: remiss draft ${shown}\n`);
  return EXIT_OK;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
