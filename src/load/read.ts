import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { LIMITS, tooLarge } from "../model/limits.js";

/** The file name that stands for standard input, as in eslint and prettier: `cat arende.yaml | remiss check -`. */
export const STDIN = "-";

/** Standard input, to its end, but never more than the limit. */
export async function readStandardInput(limit: { bytes: number; what: string } = { bytes: LIMITS.caseBytes, what: "ett ärende" }): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit.bytes) {
      process.stdin.destroy();
      throw new RemissError(`${STDIN} (standard in): ${tooLarge(size, limit.bytes, limit.what)}`, EXIT_USAGE);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a file the user named (`-`: standard input). A file that does not exist or cannot be read
 * is a usage problem (exit 2), said in Swedish, never a stack trace.
 *
 * The reading itself is synchronous: a case is a few kilobytes, and in a
 * run over many cases the thread would otherwise wait for each read to come
 * back from libuv's thread pool (about a tenth of a 200-case run).
 */
export async function readInputFile(
  file: string,
  cwd: string = process.cwd(),
  limit: { bytes: number; what: string } = { bytes: LIMITS.caseBytes, what: "ett ärende" },
): Promise<Uint8Array> {
  if (file === STDIN) return readStandardInput(limit);
  try {
    const path = resolve(cwd, file);
    const info = statSync(path);
    if (info.isDirectory()) {
      throw new RemissError(`${file}: är en mapp, inte en fil. Ange en YAML-fil, t.ex. ${file}/arende.yaml.`, EXIT_USAGE);
    }
    // A named pipe would wait for ever, a device like /dev/zero never end: only regular files are read.
    if (!info.isFile()) {
      throw new RemissError(`${file}: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en YAML-fil.`, EXIT_USAGE);
    }
    if (info.size > limit.bytes) throw new RemissError(`${file}: ${tooLarge(info.size, limit.bytes, limit.what)}`, EXIT_USAGE);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof RemissError) throw error;
    throw new RemissError(describeFsError(file, error), EXIT_USAGE);
  }
}

export function describeFsError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return `${file}: filen finns inte. Kontrollera namnet och mappen.`;
    case "EACCES":
    case "EPERM":
      return `${file}: du har inte behörighet att läsa filen.`;
    case "EISDIR":
      return `${file}: är en mapp, inte en fil.`;
    case "ENAMETOOLONG":
      return `${file}: namnet är för långt för filsystemet.`;
    case "ELOOP":
      return `${file}: filen går inte att läsa; den är en länk som pekar på sig själv.`;
    default:
      return `${file}: filen går inte att läsa; filsystemet tillät det inte.`;
  }
}

/** Why a file or folder could not be read, as a Swedish clause ("du har inte behörighet att läsa den"), for `check` and the templates folder. */
export function readProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case "EACCES":
    case "EPERM":
      return "du har inte behörighet att läsa den";
    case "EISDIR":
      return "det är en mapp";
    case "ENOTDIR":
      return "en del av sökvägen är en fil, inte en mapp";
    case "ENAMETOOLONG":
      return "namnet är för långt";
    case "ELOOP":
      return "den är en länk som pekar på sig själv";
    default:
      return "filsystemet tillät inte det";
  }
}
