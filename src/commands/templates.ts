import { access, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { EXIT_INVALID, EXIT_OK, RemissError, type ExitCode } from "../errors.js";
import { writeFilesAtomically } from "../output/atomic.js";
import { BUILTIN_TEMPLATES, templateFiles } from "../render/markdown/render.js";
import { printable } from "../report/printable.js";
import type { CommandIo } from "./io.js";

/**
 * `remiss templates export DIR`: copies the built-in templates, the main
 * template and one partial per section, to start the förvaltning's own.
 */
export async function runTemplatesExport(dir: string, options: { force?: boolean }, io: CommandIo): Promise<ExitCode> {
  const target = resolve(io.cwd, dir);
  const names = templateFiles(BUILTIN_TEMPLATES);
  if (!options.force) {
    const existing: string[] = [];
    for (const name of names) if (await access(join(target, name)).then(() => true, () => false)) existing.push(name);
    if (existing.length > 0) {
      throw new RemissError(`${printable(dir)}: ${existing.join(", ")} finns redan och skrivs inte över. Använd --force för att skriva över.`, EXIT_INVALID);
    }
  }
  const files = await Promise.all(names.map(async (name) => ({ path: join(target, name), data: await readFile(join(BUILTIN_TEMPLATES, name)) })));
  await writeFilesAtomically(files, (path) => join(dir, relative(target, path)));
  io.stdout(`Skrev ${names.length} mallar till ${printable(dir)}. Ange mappen som templates: i remiss.config.yaml, eller med --templates.\n`);
  return EXIT_OK;
}
