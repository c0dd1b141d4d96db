import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

/**
 * Version-1 case files (`motion:`, no house style) must keep giving the very
 * bytes they gave before `remissobjekt`, own sections and house styles came:
 * a kansli's committed drafts must not change under them. The hashes are of
 * the files `remiss draft` wrote for the three version-1 fixtures before
 * those features were added. Change them only for a change of output that is
 * meant, and say so in the commit.
 */
const EXPECTED: Record<string, { md: string; docx: string }> = {
  "minimal": {
    md: "938494896b14c26bb7974da2ea271c90241e640757dcdac80bf6a0a2e9433ab0",
    docx: "d9345992515b9b2a93630aa7d0a43af076b4e6d4e4431686a5bccac7c148b256",
  },
  "skrivelse-flera-forfattare": {
    md: "592236671fb7a75b6f7eb57a435603155546b79817ecd54b0650e6371b2a1df4",
    docx: "dee03e88c5ea6fc30d1883b8916d2c7c7bd8a7bdb367fbf219f4ca2aa37112db",
  },
  "sodermalm-ks-2025-804": {
    md: "d7041ba63ca0c40344e8d43d0c7d992597182cc74b8b30a562ce57d1c4fe7157",
    docx: "647bfb9783c429fd73eb4267a22e0e3d8c9355234bf6adbf7f4ee1dd038b0e19",
  },
};

const out = mkdtempSync(join(tmpdir(), "remiss-v1-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("version-1 files give today's bytes", () => {
  for (const [name, hashes] of Object.entries(EXPECTED)) {
    it(`drafts fixtures/${name}.yaml to the same Markdown and DOCX as before`, () => {
      const result = runCli(["draft", `fixtures/${name}.yaml`, "--out-dir", out], { env: { SOURCE_DATE_EPOCH: "1700000000" } });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect({ md: sha256(join(out, `${name}.md`)), docx: sha256(join(out, `${name}.docx`)) }).toEqual(hashes);
    });
  }
});
