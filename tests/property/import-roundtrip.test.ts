import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { runImport } from "../../src/commands/import.js";
import type { CommandIo } from "../../src/commands/io.js";
import { docxBlocks } from "../../src/import/blocks.js";
import { loadProfile } from "../../src/load/config.js";
import { loadCaseText } from "../../src/load/index.js";
import { readDocxModel } from "../../src/readers/docx/read.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { createMarkdownRenderer } from "../../src/render/markdown/render.js";
import { buildViewModel } from "../../src/view/model.js";
import { ROOT } from "../support/cli.js";

/**
 * Issue 21's property: random text edits to random field paragraphs of
 * random fixtures' DOCX (written here, as a word processor would: the
 * text of a run changed in place), `import`, then the case drafted again:
 * the new DOCX says, paragraph for paragraph, what the edited one said.
 * Replay a failure with REMISS_PROPERTY_SEED=<seed>.
 */
const FIXTURES = join(ROOT, "fixtures");
const CASES = [
  ...readdirSync(FIXTURES).filter((n) => n.endsWith(".yaml") && existsSync(join(FIXTURES, n.replace(/\.yaml$/u, ".md")))),
  "egna-avsnitt/spanga.yaml",
  "husstil-malmo/temperatur-inomhus.yaml",
];
/** Words a reviewer writes, and a few that are Markdown's syntax, which must come back as text. */
const WORDS = ["förvaltningen", "bedömer", "därför", "Nämnden", "särskilt", "*", "_viktigt_", "#1", "1.", "[sic]", "kostnad", "2026", "å", "t.ex.", "–"];

type Edit = { paragraph: number; kind: "replace" | "append" | "delete"; word: string; at: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  paragraph: fc.nat(),
  kind: fc.constantFrom("replace" as const, "append" as const, "delete" as const),
  word: fc.constantFrom(...WORDS),
  at: fc.nat(),
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function io(cwd: string): CommandIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (t) => void out.push(t), stderr: (t) => void out.push(t), cwd, env: {}, stdoutIsTTY: false, stderrIsTTY: false };
}

async function drafted(dir: string): Promise<Uint8Array> {
  const config = join(dir, "remiss.config.yaml");
  const profile = existsSync(config) ? await loadProfile(config, dir) : undefined;
  const loaded = loadCaseText(readFileSync(join(dir, "arende.yaml")), "arende.yaml", profile?.config, profile?.style, dir);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const markdown = createMarkdownRenderer(profile?.templatesDir)(buildViewModel(loaded.case!, profile?.style));
  return renderDocx(markdown, { ...(profile ? { style: profile.style } : {}), baseDir: dir });
}

/** The text of each paragraph of the body, as a reader sees it. */
function texts(docx: Uint8Array): string[] {
  return docxBlocks(readDocxModel(docx), "accept", () => undefined).map((b) => b.plain.replace(/\s+/gu, " ").trim());
}

/** Applies the edits to the w:t of paragraphs that hold a field's bookmark: the word processor's own change of a run's text. */
function applyEdits(docx: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const files = unzipSync(docx);
  let xml = strFromU8(files["word/document.xml"]!);
  // Not the bilagor: the house style ends each with a full stop, so an edit that leaves it off comes back with one.
  const paragraphs = [...xml.matchAll(/<w:p\b(?:(?!<\/w:p>).)*?_remiss_(?!bilagor)(?:(?!<\/w:p>).)*<\/w:p>/gsu)];
  const changed = new Map<number, string>();
  for (const e of edits) {
    const index = e.paragraph % paragraphs.length;
    const paragraph = changed.get(index) ?? paragraphs[index]![0];
    const runs = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]+)<\/w:t>/gu)];
    if (runs.length === 0) continue;
    const run = runs[e.at % runs.length]!;
    const words = run[1]!.split(" ");
    const w = e.at % words.length;
    // As a reviewer edits: a word replaced keeps the punctuation after it, and the last word of a run stays.
    if (e.kind === "replace") words[w] = e.word + (/[.,:;!?)”]+$/u.exec(words[w]!)?.[0] ?? "");
    else if (e.kind === "append") words.splice(w + 1, 0, e.word);
    else if (w < words.length - 1 && words.filter((x) => x.trim() !== "").length > 2) words.splice(w, 1);
    const text = words.join(" ").replace(/&(?!amp;|lt;|gt;|quot;|apos;)/gu, "&amp;");
    const replaced = `<w:t xml:space="preserve">${text}</w:t>`;
    changed.set(index, paragraph.slice(0, run.index) + replaced + paragraph.slice(run.index! + run[0].length));
  }
  for (const [index, text] of [...changed].sort((a, b) => b[0] - a[0])) {
    const match = paragraphs[index]!;
    xml = xml.slice(0, match.index) + text + xml.slice(match.index! + match[0].length);
  }
  files["word/document.xml"] = strToU8(xml);
  return zipSync(files);
}

describe("import after random edits in the Word document", () => {
  it("drafts a new DOCX that says what the edited one said", async () => {
    const seed = process.env.REMISS_PROPERTY_SEED ? Number(process.env.REMISS_PROPERTY_SEED) : undefined;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CASES), fc.array(edit, { minLength: 1, maxLength: 4 }), async (name, edits) => {
        const dir = mkdtempSync(join(tmpdir(), "remiss-import-prop-"));
        dirs.push(dir);
        // A case in a folder of its own comes with its folder: the config and its logo.
        if (dirname(name) !== ".") cpSync(join(FIXTURES, dirname(name)), dir, { recursive: true });
        copyFileSync(join(FIXTURES, name), join(dir, "arende.yaml"));
        const editedDocx = applyEdits(await drafted(dir), edits);
        writeFileSync(join(dir, "arende.docx"), editedDocx);
        const run = io(dir);
        const code = await runImport("arende.docx", {}, run);
        expect(run.out.join(""), run.out.join("")).not.toContain("oväntat");
        expect(code).toBe(0);
        expect(texts(await drafted(dir))).toEqual(texts(editedDocx));
      }),
      { numRuns: 12, ...(seed !== undefined ? { seed } : {}) },
    );
  }, 300_000);
});
