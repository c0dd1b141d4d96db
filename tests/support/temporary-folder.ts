import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest's global setup: every temporary folder of a test run, the tests'
 * own and those the spawned CLI makes (`remiss-pdf-*`), is made in one
 * folder for the run (TMPDIR, which os.tmpdir() reads and the test workers
 * and every spawned process inherit), and that folder is removed when the
 * run ends, so `npm test` leaves nothing in /tmp, whichever test forgot.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "remiss-tests-"));
  // Searchable by everyone, as /tmp is: a test that runs the CLI as another user (nobody) must reach its folder.
  chmodSync(root, 0o755);
  const before = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
