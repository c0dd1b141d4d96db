import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
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

  it("says and writes the same, in the same order, when worker threads draft some of the cases", () => {
    const batch = join(dir, "manga");
    // Valid cases of several kinds, broken ones (syntax, a duplicate key, a binary file) and one with placeholders left, spread over the run.
    const sources = [
      "sodermalm-ks-2025-804.yaml",
      "invalid/duplicate-key.yaml",
      "minimal.yaml",
      "skrivelse-flera-forfattare.yaml",
      "markdown-alla/arende.yaml",
      "invalid/citattecken-stangs-inte.yaml",
      "motion-fran-parti.yaml",
      "medborgarforslag-giftfri-forskola.yaml",
      "invalid/binary.yaml",
      "betankande-lat-fler-forma-framtiden.yaml",
      "motion-fraga-vardval.yaml",
    ];
    const names: string[] = [];
    for (let round = 0; round < 3; round++) {
      sources.forEach((source, i) => {
        const name = `${String(round * sources.length + i).padStart(2, "0")}-${source.replace(/^.*\//u, "")}`;
        caseFile(source, batch, name);
        names.push(name);
      });
    }
    copyFileSync(join(ROOT, "fixtures", "markdown-alla", "karta.png"), join(batch, "karta.png"));
    const run = (threads: string, out: string) =>
      runCli(["draft", batch, "--out-dir", join(dir, out)], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: "1760000000", REMISS_DRAFT_THREADS: threads, NODE_DEBUG: "remiss-pool" } });
    const one = run("1", "en");
    const three = run("3", "tre");
    // invalid/binary.yaml cannot be read: exit 2, as the README says.
    expect(one.code).toBe(2);
    expect(three.code).toBe(one.code);
    expect(three.stdout.replaceAll("/tre/", "/en/")).toBe(one.stdout);
    const said = (stderr: string) => stderr.split("\n").filter((l) => !l.startsWith("REMISS-POOL")).join("\n");
    expect(said(three.stderr).replaceAll("/tre/", "/en/")).toBe(said(one.stderr));
    expect(said(one.stderr)).toContain("inget skrevs");
    // The two workers drafted cases too.
    const jobs = [...three.stderr.matchAll(/worker did (\d+) jobs/gu)].map((m) => Number(m[1]));
    expect(jobs).toHaveLength(2);
    expect(jobs.every((n) => n > 0)).toBe(true);
    expect(one.stderr).not.toContain("worker");
    const written = readdirSync(join(dir, "en")).sort();
    expect(readdirSync(join(dir, "tre")).sort()).toEqual(written);
    expect(written.length).toBe(2 * 3 * 8);
    for (const file of written) expect(readFileSync(join(dir, "tre", file)).equals(readFileSync(join(dir, "en", file))), file).toBe(true);
  });
});
