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
 * matter and the properties (so check compares them in drafts too), and a
 * fingerprint in each draft so that hand edits are never overwritten, and the
 * separator notes as Word writes them.
 */
const EXPECTED: Record<string, { md: string; docx: string }> = {
  "minimal": {
    md: "c38dee549837614f59d836b1cff48047787596d3675a3e511a3bcf0dedf951d8",
    docx: "abc9e5a189b11c8e41d95cf74dba4b244dd2c89c4fce09f53c9391343ce9a0b3",
  },
  "skrivelse-flera-forfattare": {
    md: "270939e87444f66e2f331ad4ecbda222b53768f802e839ab49fb1a5f1437a38b",
    docx: "bb9db83b74da0b672ba3c08e4680224de314c2bcdee42b9995276084586c0c88",
  },
  "sodermalm-ks-2025-804": {
    md: "928514cb5dd02c43d9ae7986e7e131a19c633e6fac363d643a2d346bdf24c1e2",
    docx: "1f5423362ddf49b13450a7a4dc49bb7b05fe883f7a22f6f706658ea201a08775",
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
