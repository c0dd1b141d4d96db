import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { packageVersion } from "../../src/paths.js";
import { runCli } from "../support/cli.js";

/**
 * Version-1 case files (`motion:`, no house style) keep giving the very
 * bytes they gave: a kansli's committed drafts must not change under them
 * when remiss gains a feature. The hashes are of what `remiss draft`
 * writes for the three version-1 fixtures: the Markdown, and the DOCX part
 * by part (docProps/app.xml names remiss's version, so it is checked on its
 * own). Change them only for a change of output that is meant, and say so
 * in the commit: so far, the handläggare's e-post under Telefon, the
 * document properties a records system reads (app.xml, custom.xml) and the
 * cleaned styles with Swedish Word's default tab stop, and signatures for
 * screen readers (one signatory as paragraphs, a caption on the table),
 * GFM (an e-mail address written out is a link, as GitHub shows it), and
 * the page-1 document info as body text in reading order, not a frame,
 * Bilagor kept on the signatures' page, and the organs' dates in the front
 * matter and the properties (so check compares them in drafts too).
 */
const EXPECTED: Record<string, { md: string; docx: string }> = {
  "minimal": {
    md: "938494896b14c26bb7974da2ea271c90241e640757dcdac80bf6a0a2e9433ab0",
    docx: "154cfbc08872d005561bd57149269569ee2652cc1a498dc774f58f1d623103a0",
  },
  "skrivelse-flera-forfattare": {
    md: "6b107543533b6a6f8c9cb5d84d95c0c83cda1c0d44f2ea947d10c7df89329121",
    docx: "e35688a2a3bfcea7605ea689144837b27919b8bee6eccddecbb6100aad8cd3f5",
  },
  "sodermalm-ks-2025-804": {
    md: "60d3ed36bbd2a9d9039789f274ede58b8c9ddaf9c3fa706acd60a9f4fd97c860",
    docx: "dbff031d3d384fd7124ea5d11c2d577fb39f69fadb5a65681ec2b048173fbbce",
  },
};

const out = mkdtempSync(join(tmpdir(), "remiss-v1-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** One hash over every part but app.xml, in the zip's order, names included. */
function docxHash(bytes: Uint8Array): string {
  const hash = createHash("sha256");
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name === "docProps/app.xml") continue;
    hash.update(name).update(data);
  }
  return hash.digest("hex");
}

describe("version-1 files give the same bytes", () => {
  for (const [name, hashes] of Object.entries(EXPECTED)) {
    it(`drafts fixtures/${name}.yaml to the same Markdown and DOCX as before`, () => {
      const result = runCli(["draft", `fixtures/${name}.yaml`, "--out-dir", out], { env: { SOURCE_DATE_EPOCH: "1700000000" } });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const docx = readFileSync(join(out, `${name}.docx`));
      expect({ md: sha256(readFileSync(join(out, `${name}.md`))), docx: docxHash(docx) }).toEqual(hashes);
      expect(new TextDecoder().decode(unzipSync(docx)["docProps/app.xml"])).toContain(`<Application>remiss ${packageVersion()}</Application>`);
    });
  }
});
