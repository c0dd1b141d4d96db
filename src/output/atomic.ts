import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { EXIT_USAGE, RemissError } from "../errors.js";

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes files so that a reader never sees half of one: each goes to a
 * temporary file beside its target and is renamed into place. All files are
 * written to temporaries first, so a failure leaves every earlier output as
 * it was. A failure is a RemissError (exit 2) in Swedish that names the
 * user's file, never the temporary one.
 */
let temporaryCount = 0;

export async function writeFilesAtomically(files: readonly OutputFile[], shown: (path: string) => string = (path) => path): Promise<void> {
  const temporaries: { temp: string; path: string }[] = [];
  let current = files[0]?.path ?? "";
  try {
    for (const file of files) {
      current = file.path;
      await mkdir(dirname(file.path), { recursive: true });
      // A short name of its own, so that a target whose name is near the file system's limit still gets a temporary file.
      const temp = join(dirname(file.path), `.remiss-${process.pid}-${++temporaryCount}.tmp`);
      temporaries.push({ temp, path: file.path });
      await writeFile(temp, file.data);
    }
    for (const { temp, path } of temporaries) {
      current = path;
      await rename(temp, path);
    }
  } catch (error) {
    await Promise.all(temporaries.map(({ temp }) => rm(temp, { force: true })));
    throw new RemissError(`${shown(current)}: kunde inte skrivas, eftersom ${writeProblem(error)}. Ingen fil skrevs över.`, EXIT_USAGE);
  }
}

/** Why a file could not be written, as a Swedish clause. */
export function writeProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case "EACCES":
    case "EPERM":
      return "du saknar behörighet att skriva i mappen";
    case "EROFS":
      return "mappen är skrivskyddad";
    case "ENOSPC":
    case "EDQUOT":
      return "disken är full";
    case "ENOENT":
      return "mappen finns inte";
    case "ENOTDIR":
    case "EEXIST":
      return "en del av sökvägen är en fil, inte en mapp";
    case "EISDIR":
      return "det finns en mapp med samma namn";
    case "ENAMETOOLONG":
      return "namnet är för långt för filsystemet";
    case "EBUSY":
    case "ETXTBSY":
      return "filen används av ett annat program (är den öppen i Word?)";
    default:
      return "filsystemet inte tillät det";
  }
}
