import { randomBytes } from "node:crypto";
import { closeSync, constants, copyFileSync, fchmodSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
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
 *
 * Anyone who can create files in the output folder (a shared folder, a pull
 * request's files in CI) must not be able to make remiss write elsewhere:
 * the temporary names are random, each is created only if nothing (not even
 * a link) is there yet, and a link is never followed. A file written over
 * keeps its mode, so a draft someone made private stays private.
 */

/** A short, unpredictable name beside `path`, so that a target whose name is near the file system's limit still gets one. */
function temporaryBeside(path: string, kind: "tmp" | "bak"): string {
  return join(dirname(path), `.remiss-${randomBytes(6).toString("hex")}.${kind}`);
}

/** Open flags for a new file that must not exist yet and must not be a link (O_NOFOLLOW where the system has it). */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Writes `data` to a new temporary file beside `path`, with the mode of the file at `path` if there is one; the temporary's name. */
function writeTemporary(path: string, data: string | Uint8Array): string {
  const earlier = statSync(path, { throwIfNoEntry: false });
  const mode = earlier?.isFile() ? earlier.mode & 0o7777 : undefined;
  for (let attempt = 0; ; attempt++) {
    const temp = temporaryBeside(path, "tmp");
    let fd: number;
    try {
      fd = openSync(temp, NEW_FILE, mode ?? 0o666);
    } catch (error) {
      // A name taken (by chance, or by a planted link): another one.
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && attempt < 10) continue;
      throw error;
    }
    track(temp);
    try {
      // The umask applies to a new file's mode; the earlier file's is kept as it was.
      if (mode !== undefined) fchmodSync(fd, mode);
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      closeSync(fd);
      cleanUp([{ temp }]);
      throw error;
    }
    closeSync(fd);
    return temp;
  }
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
      temporaries.push({ temp: writeTemporary(file.path, file.data), path: file.path });
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
    copyFileSync(path, backup, constants.COPYFILE_EXCL);
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

/** Temporary files on disk right now: removed if the process is interrupted (SIGINT, SIGTERM, SIGHUP). */
const live = new Set<string>();
function track(path: string): void {
  live.add(path);
}
function untrack(path: string): void {
  live.delete(path);
}

/** Other work to undo on a signal (the PDF step's LibreOffice and its folder), each synchronous. */
const undoers = new Set<() => void>();

/** Has `undo` run if a signal ends the process before the returned function is called. */
export function undoOnSignal(undo: () => void): () => void {
  undoers.add(undo);
  return () => undoers.delete(undo);
}

/** The exit code shells expect of a process ended by a signal: 128 + its number. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Runs `work` with Ctrl-C (SIGINT), SIGTERM and SIGHUP (a terminal closed)
 * ending the process cleanly: the temporary files of a write under way are
 * removed and whatever was registered with undoOnSignal is undone, then the
 * process exits with 130, 143 or 129, as shells expect. (Not for `--watch`,
 * which ends on Ctrl-C by itself.)
 */
export async function removingTemporariesOnSignal<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporaryFiles();
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  const signals = Object.keys(SIGNAL_EXIT) as NodeJS.Signals[];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    return await work();
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}

/** Removes this process's temporary files and undoes what was registered; for a signal handler, so synchronous. */
export function removeTemporaryFiles(): void {
  for (const undo of undoers) {
    try {
      undo();
    } catch {
      // The rest is still undone.
    }
  }
  undoers.clear();
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
