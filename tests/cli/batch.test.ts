import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/**
 * A run over many cases gives each case the bytes it gets alone: nothing
 * one case leaves behind in the process (docx's counters, remembered parts)
 * reaches the next.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-batch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Copies a fixture case (and its images) into `folder` under the given name. */
function caseFile(fixture: string, folder: string, name: string): void {
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(ROOT, "fixtures", fixture), join(folder, name));
}

describe("draft over many cases", () => {
  it("writes each case the same bytes as when it is drafted alone, images and lists included", () => {
    const batch = join(dir, "alla");
    // Cases with images, footnotes and lists, and cases without, mixed.
    const names = ["a-bilder.yaml", "b-kort.yaml", "c-bilder.yaml", "d-skrivelse.yaml", "e-bilder.yaml"];
    const sources = ["markdown-alla/arende.yaml", "minimal.yaml", "markdown-alla/arende.yaml", "skrivelse-flera-forfattare.yaml", "markdown-alla/arende.yaml"];
    names.forEach((name, i) => caseFile(sources[i]!, batch, name));
    copyFileSync(join(ROOT, "fixtures", "markdown-alla", "karta.png"), join(batch, "karta.png"));
    const env = { ...process.env, SOURCE_DATE_EPOCH: "1760000000" };
    const all = runCli(["draft", batch, "--out-dir", join(dir, "ut")], { cwd: dir, env });
    expect(all.code, all.stderr).toBe(0);
    for (const name of names) {
      const alone = join(dir, `ensam-${name}`);
      const result = runCli(["draft", join(batch, name), "--out-dir", alone], { cwd: dir, env });
      expect(result.code, result.stderr).toBe(0);
      const base = name.replace(/\.yaml$/u, "");
      for (const extension of [".md", ".docx"]) {
        expect(readFileSync(join(dir, "ut", `${base}${extension}`)).equals(readFileSync(join(alone, `${base}${extension}`))), `${base}${extension}`).toBe(true);
      }
    }
  });
});
