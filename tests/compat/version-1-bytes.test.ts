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
 * fingerprint in each draft so that hand edits are never overwritten, the
 * separator notes as Word writes them, and the field markers and per-section
 * fingerprints that `remiss import` reads.
 */
const EXPECTED: Record<string, { md: string; docx: string }> = {
  "minimal": {
    md: "ac26023ec9b7344e719335586db922ac8775f4dd6bade3e0026b9f070131b11f",
    docx: "e1b311a6892d7a60c2e315d9909651b3d283ba33e16cf75dae353c8360104e8f",
  },
  "skrivelse-flera-forfattare": {
    md: "ca005b036ee2ba4c327cc180c71353877ab15b8366898be838ee29edd480e39f",
    docx: "dd6fe648e569cde95a0a398bbd7e7746357f3d305ee5214de5047836ee030bac",
  },
  "sodermalm-ks-2025-804": {
    md: "075f1088110bac31bdeacac6cac0db5da55fd116e52c794a9f45bed1d17424a3",
    docx: "e85271fb2858564818ff7565b1bfab627bf1aec626d68868ffe2e76a43fd8a55",
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
