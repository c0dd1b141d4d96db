import { Inflate } from "fflate";
import { formatBytes, formatCount, LIMITS } from "../model/limits.js";

/** What went wrong reading a zip, as a Swedish sentence; `limit` when a limit was crossed rather than the file damaged. */
export class ZipProblem extends Error {
  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

/**
 * A zip file's central directory, read and checked: at most
 * LIMITS.docxEntries entries, each record whole, and names that every
 * program reads as the same file. Two entries with one name (or names that
 * differ only in case, as on Windows and macOS), a name with a `..` part,
 * an absolute path or a drive letter: one program reads one entry, another
 * the other, so the file is refused as damaged rather than read as one of
 * them. Every reader of a zip (check's, `init --fran`'s) calls this first.
 * Throws ZipProblem.
 */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipProblem(DAMAGED);
  if (count > LIMITS.docxEntries) {
    throw new ZipProblem(`Filen har ${formatCount(count)} delar; ett Word-dokument har ett tjugotal och får ha högst ${formatCount(LIMITS.docxEntries)}.`, true);
  }
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new ZipProblem(DAMAGED);
    const nameLength = view.getUint16(offset + 28, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({
      name,
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const parts = name.split(/[/\\]/u);
    if (name === "") throw new ZipProblem(DAMAGED);
    if (/^[/\\]|^[a-z]:/iu.test(name) || parts.includes("..")) throw new ZipProblem(badName(name));
    const key = name.replace(/\\/gu, "/").toLowerCase();
    if (names.has(key)) throw new ZipProblem(twice(name));
    names.add(key);
  }
  return entries;
}

/**
 * The named entries of a zip file (a DOCX), from its checked central
 * directory (zipDirectory), inflated under limits: no entry larger than
 * LIMITS.docxPartBytes, declared or actual. Inflating stops as soon as an
 * entry grows past its declared size or the limit, so a zip bomb costs a
 * few milliseconds, not its inflated size in time or memory. Entries not
 * asked for are never inflated. Throws ZipProblem.
 */
export function readZipEntries(bytes: Uint8Array, wanted: ReadonlySet<string> | ((name: string) => boolean)): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wants = typeof wanted === "function" ? wanted : (name: string) => wanted.has(name);
  const found = new Map<string, Uint8Array>();
  for (const { name, method, compressedSize, declaredSize, localOffset } of zipDirectory(bytes)) {
    if (!wants(name)) continue;
    if (declaredSize > LIMITS.docxPartBytes) throw new ZipProblem(tooLargePart(name, declaredSize), true);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) throw new ZipProblem(DAMAGED);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(start, start + compressedSize);
    if (data.length !== compressedSize) throw new ZipProblem(DAMAGED);
    if (method === 0) {
      if (compressedSize !== declaredSize) throw new ZipProblem(DAMAGED);
      found.set(name, data.slice());
    } else if (method === 8) {
      found.set(name, inflateAtMost(data, name, declaredSize));
    } else {
      throw new ZipProblem(DAMAGED);
    }
  }
  return found;
}

const DAMAGED = "Filen går inte att öppna som Word-dokument: den är skadad eller inte en DOCX-fil.";

function twice(name: string): string {
  return `Filen går inte att öppna som Word-dokument: den är skadad, eftersom delen ${name} finns två gånger (program läser olika av dem).`;
}

function badName(name: string): string {
  return `Filen går inte att öppna som Word-dokument: den är skadad, eftersom den har en del med namnet ”${name}”, som pekar utanför dokumentet.`;
}

function tooLargePart(name: string, size: number): string {
  return `Word-dokumentets del ${name} är ${formatBytes(size)} uppackad; remiss läser högst ${formatBytes(LIMITS.docxPartBytes)} per del, långt mer än ett tjänsteutlåtande behöver.`;
}

/** Where the zip's end-of-central-directory record starts (it may be followed by a comment of up to 65,535 bytes). */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new ZipProblem(DAMAGED);
}

/** Inflates in slices, stopping as soon as the output passes the declared size (a lie) or the limit. */
function inflateAtMost(data: Uint8Array, name: string, declaredSize: number): Uint8Array {
  const out = new Uint8Array(declaredSize);
  let length = 0;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > declaredSize) throw new ZipProblem(`Word-dokumentets del ${name} är större uppackad än filen själv uppger; filen är skadad eller gjord för att fylla minnet.`);
    out.set(chunk, length);
    length += chunk.length;
  });
  // At most 16 kB in at a time: deflate inflates at most about 1,000 times, so one step never makes more than 16 MB.
  const step = 16 * 1024;
  try {
    for (let at = 0; at < data.length; at += step) inflate.push(data.subarray(at, at + step), at + step >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem(DAMAGED);
  }
  if (length !== declaredSize) throw new ZipProblem(DAMAGED);
  return out;
}
