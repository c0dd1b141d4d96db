import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFiles, PARALLEL_MIN_FILES } from "../../src/check/check-files.js";
import { expandCheckInputs } from "../../src/check/files.js";
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics.js";
import { ROOT, runCli } from "../support/cli.js";
import { docxFromDescription } from "./support/docx-fixture.js";
import { fixtures } from "./support/fixtures.js";

/**
 * `check` over more files than PARALLEL_MIN_FILES, where the files are
 * shared out to worker threads: the findings must be exactly those of
 * checking each file on its own. The folder has the check fixtures (Markdown,
 * YAML, DOCX), drafted documents with small changes, a folder under a
 * remiss.config.yaml with its own limits and sections, one under a broken
 * config, and a binary file.
 */
let dir: string;
let files: string[];
let oneByOne: Diagnostic[];

const CONFIG_FILE = "remiss.config.yaml";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remiss-check-many-"));
  const sources: { name: string; bytes: Uint8Array | string }[] = [];
  for (const fixture of fixtures()) {
    const name = `${fixture.folder.replace("/", "-")}-${fixture.name}`;
    const text = readFileSync(fixture.path, "utf8");
    if (fixture.name.endsWith(".docx.txt")) sources.push({ name: name.replace(/\.txt$/u, ""), bytes: await docxFromDescription(text) });
    else sources.push({ name, bytes: text });
  }
  for (const name of ["sodermalm-ks-2025-804.md", "skrivelse-flera-forfattare.md", "minimal.md", "sodermalm-ks-2025-804.yaml"]) {
    sources.push({ name, bytes: readFileSync(join(ROOT, "fixtures", name), "utf8") });
  }
  const write = (folder: string, count: number, offset: number) => {
    mkdirSync(join(dir, folder), { recursive: true });
    for (let i = 0; i < count; i++) {
      const { name, bytes } = sources[(i + offset) % sources.length]!;
      // Markdown a little different each time: a longer sentence, another line ending.
      const varied =
        typeof bytes === "string" && name.endsWith(".md")
          ? vary(bytes, i)
          : bytes;
      writeFileSync(join(dir, folder, `${String(i).padStart(3, "0")}-${name}`), varied);
    }
  };
  write("many", PARALLEL_MIN_FILES, 0);
  write("many/egen", 40, 7);
  writeFileSync(join(dir, "many/egen", CONFIG_FILE), "check:\n  avsnitt: [Ekonomiska konsekvenser]\n  lix: 45\n  meningslangd: 20\n");
  write("many/trasig", 5, 3);
  writeFileSync(join(dir, "many/trasig", CONFIG_FILE), "check:\n  lix: hög\n");
  writeFileSync(join(dir, "many", "binar.md"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));

  files = (await expandCheckInputs(["many"], dir)).files;
  // One file at a time; a broken config's findings come once, with the first file under it.
  const seen = new Set<string>();
  oneByOne = [];
  for (const file of files) {
    for (const diagnostic of (await checkFiles([file], dir))[0]!.diagnostics) {
      if (basename(diagnostic.file) === CONFIG_FILE) {
        const key = JSON.stringify(diagnostic);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      oneByOne.push(diagnostic);
    }
  }
  oneByOne.sort(compareDiagnostics);
});

function vary(text: string, i: number): string {
  const longer = text.replace(/^(Förvaltningen [^\n]*?)\.$/mu, `$1, och detta gäller även ärende ${i} i samma omfattning som tidigare.`);
  return i % 5 === 4 ? longer.replace(/\n/gu, "\r\n") : longer;
}

describe("checkFiles over many files", () => {
  it("has more files than the threshold, and findings of every kind", () => {
    expect(files.length).toBeGreaterThan(PARALLEL_MIN_FILES);
    const rules = new Set(oneByOne.map((d) => d.rule));
    for (const rule of ["sektion/saknas", "text/lix", "text/lang-mening", "text/platshallare", "datum/sen", "fil/binar", "schema/tal"]) {
      expect(rules).toContain(rule);
    }
    expect(oneByOne.filter((d) => d.file === `many/trasig/${CONFIG_FILE}`)).toHaveLength(1);
  });

  it("gives exactly the findings of checking the files one by one, from the CLI", () => {
    const result = runCli(["check", "many", "--format", "json"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(oneByOne);
  });

  it("gives the same with worker threads forced on, and the workers do check files", () => {
    const result = runCli(["check", "many", "--format", "json"], { cwd: dir, env: { REMISS_CHECK_THREADS: "3", NODE_DEBUG: "remiss-pool" } });
    expect(JSON.parse(result.stdout)).toEqual(oneByOne);
    const checked = [...result.stderr.matchAll(/worker did (\d+) jobs/gu)].map((m) => Number(m[1]));
    expect(checked).toHaveLength(2);
    expect(checked.every((n) => n > 0)).toBe(true);
    expect(result.stderr).not.toContain("worker gone");
  });

  it("gives the same in this thread when a worker cannot start (here: the module is TypeScript)", async () => {
    const results = await checkFiles(files, dir, { threads: 2 });
    expect(results.flatMap((r) => r.diagnostics).sort(compareDiagnostics)).toEqual(oneByOne);
  });
});
