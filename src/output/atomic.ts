import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { EXIT_USAGE, RemissError } from "../errors.js";

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes files so that a reader never sees half of one, and a case's files
 * (its .md, .docx, .pdf) are replaced together or not at all. Each goes to a
 * temporary file beside its target; only when all are written are they
 * renamed into place. An earlier file at a target is kept under a second
 * name (a hard link, else a copy) until every rename has succeeded; if one
 * fails, the files already renamed are put back as they were. A failure is
 * a RemissError (exit 2) in Swedish that names the user's file, never the
 * temporary one.
 */
let temporaryCount = 0;

/** A short name of its own beside `path`, so that a target whose name is near the file system's limit still gets one. */
function temporaryBeside(path: string, kind: "tmp" | "bak"): string {
  return join(dirname(path), `.remiss-${process.pid}-${++temporaryCount}.${kind}`);
}

export async function writeFilesAtomically(files: readonly OutputFile[], shown: (path: string) => string = (path) => path): Promise<void> {
  writeAll(files, shown);
}

/**
 * The same, synchronously: a case's files are a few small writes and
 * renames, and done at once they need no turns of the event loop (which in
 * a run over many cases would wait between the cases' work), and a signal
 * is handled between one case's files and the next, never half-way.
 */
function writeAll(files: readonly OutputFile[], shown: (path: string) => string): void {
  const temporaries: { temp: string; path: string; backup?: string }[] = [];
  const renamed: typeof temporaries = [];
  let current = files[0]?.path ?? "";
  try {
    for (const file of files) {
      current = file.path;
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = temporaryBeside(file.path, "tmp");
      temporaries.push({ temp, path: file.path });
      track(temp);
      writeFileSync(temp, file.data);
    }
    if (files.length > 1) {
      for (const entry of temporaries) {
        current = entry.path;
        entry.backup = keepEarlier(entry.path);
      }
    }
    for (const entry of temporaries) {
      current = entry.path;
      renameSync(entry.temp, entry.path);
      untrack(entry.temp);
      renamed.push(entry);
    }
  } catch (error) {
    // Put back what was already replaced, newest first; a target that did not exist before goes away again.
    for (const entry of renamed.reverse()) {
      try {
        if (entry.backup) renameSync(entry.backup, entry.path);
        else rmSync(entry.path, { force: true });
      } catch {
        // The other files are still put back.
      }
    }
    cleanUp(temporaries);
    throw new RemissError(`${shown(current)}: kunde inte skrivas, eftersom ${writeProblem(error)}. Ingen fil skrevs över.`, EXIT_USAGE);
  }
  cleanUp(temporaries);
}

/** A second name for the file at `path` (a hard link, else a copy), or undefined when there is no file there. */
function keepEarlier(path: string): string | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info?.isFile()) return undefined;
  const backup = temporaryBeside(path, "bak");
  track(backup);
  try {
    linkSync(path, backup);
  } catch {
    copyFileSync(path, backup);
  }
  return backup;
}

function cleanUp(entries: readonly { temp: string; backup?: string }[]): void {
  for (const { temp, backup } of entries) {
    for (const path of backup ? [temp, backup] : [temp]) {
      try {
        rmSync(path, { force: true });
      } catch {
        // A temporary file that cannot be removed is left; the user's files are in place.
      }
      untrack(path);
    }
  }
}

/** Temporary files on disk right now: removed if the process is interrupted (SIGINT, SIGTERM). */
const live = new Set<string>();
function track(path: string): void {
  live.add(path);
}
function untrack(path: string): void {
  live.delete(path);
}

/**
 * Runs `work` with Ctrl-C (SIGINT) and SIGTERM ending the process cleanly:
 * the temporary files of a write under way are removed, then the process
 * exits with 130 or 143, as shells expect. (Not for `--watch`, which ends
 * on Ctrl-C by itself.)
 */
export async function removingTemporariesOnSignal<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporaryFiles();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Removes this process's temporary files; for a signal handler, so synchronous. */
export function removeTemporaryFiles(): void {
  for (const path of live) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
  }
  live.clear();
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
