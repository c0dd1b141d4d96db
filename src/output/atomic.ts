import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes files so that a reader never sees half of one: each goes to a
 * temporary file beside its target and is renamed into place. All files are
 * written to temporaries first, so a failure leaves every earlier output as
 * it was.
 */
export async function writeFilesAtomically(files: readonly OutputFile[]): Promise<void> {
  const temporaries: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
      temporaries.push({ temp, path: file.path });
      await writeFile(temp, file.data);
    }
    for (const { temp, path } of temporaries) await rename(temp, path);
  } catch (error) {
    await Promise.all(temporaries.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
