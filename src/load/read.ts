import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
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
    return readRegularFile(resolve(cwd, file), limit.bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "EISDIR") throw new RemissError(`${file}: är en mapp, inte en fil. Ange en YAML-fil, t.ex. ${file}/arende.yaml.`, EXIT_USAGE);
    if (code === NOT_REGULAR) {
      throw new RemissError(`${file}: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en YAML-fil.`, EXIT_USAGE);
    }
    if (code === TOO_LARGE) throw new RemissError(`${file}: ${tooLarge((error as TooLargeError).size, limit.bytes, limit.what)}`, EXIT_USAGE);
    throw new RemissError(describeFsError(file, error), EXIT_USAGE);
  }
}

/** The error code of readRegularFile for a file that is not a regular file (a named pipe, a device, a socket). */
export const NOT_REGULAR = "REMISS_NOT_REGULAR";
/** The error code of readRegularFile for a file larger than its limit. */
export const TOO_LARGE = "REMISS_TOO_LARGE";

interface TooLargeError extends NodeJS.ErrnoException {
  size: number;
}

/**
 * The bytes of a regular file, read so that nothing can make remiss wait or
 * run out of memory: it is opened without blocking (a named pipe would
 * otherwise wait in `open` for a writer, deaf to Ctrl-C), then what was
 * opened is asked (fstat, so a link swapped meanwhile changes nothing)
 * whether it is a regular file and not larger than `maxBytes`, and only
 * then are at most that many bytes read (a link to /dev/zero never ends).
 * Errors carry `code`: the system's (ENOENT, EACCES…), EISDIR for a folder,
 * NOT_REGULAR, or TOO_LARGE with the file's `size`.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A socket cannot be opened at all.
    if ((error as NodeJS.ErrnoException).code === "ENXIO") throw Object.assign(new Error(`${path}: not a regular file`), { code: NOT_REGULAR });
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error(`${path}: a folder`), { code: "EISDIR" });
    if (!info.isFile()) throw Object.assign(new Error(`${path}: not a regular file`), { code: NOT_REGULAR });
    if (info.size > maxBytes) throw Object.assign(new Error(`${path}: too large`), { code: TOO_LARGE, size: info.size });
    // At most the size fstat gave (a file that grows meanwhile is read as it was), and at least what is there when it shrank.
    const buffer = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
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
    case NOT_REGULAR:
      return "den är ingen vanlig fil utan t.ex. en namngiven pipe eller en enhet";
    case TOO_LARGE:
      return "den är för stor";
    default:
      return "filsystemet tillät inte det";
  }
}
