import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { attrOf, docxParts, findAll, parseXml, zipEntries } from "./docx-reader.js";
import { MINIMAL_MD, MIXED_MD, REFERENCE_MD, ROOT } from "./inputs.js";

describe("reproducible DOCX", () => {
  it("gives identical bytes when rendered twice in one process", async () => {
    for (const markdown of [REFERENCE_MD, MIXED_MD]) {
      const first = await renderDocx(markdown);
      const second = await renderDocx(markdown);
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    }
  });

  it("writes the zip entries in a fixed order, all dated 1980-01-01 00:00", async () => {
    const entries = zipEntries(await renderDocx(REFERENCE_MD));
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(["[Content_Types].xml", "_rels/.rels"]);
    expect(names.slice(2)).toEqual([...names.slice(2)].sort());
    expect(names).toEqual(expect.arrayContaining(["docProps/core.xml", "word/document.xml", "word/styles.xml", "word/numbering.xml"]));
    for (const entry of entries) {
      expect({ name: entry.name, time: entry.dosTime, date: entry.dosDate }).toEqual({ name: entry.name, time: 0, date: (0 << 9) | (1 << 5) | 1 });
    }
  });

  it("names every relationship rIdN, and every r:id points at a relationship of its part", async () => {
    const parts = docxParts(await renderDocx(MIXED_MD));
    let hyperlinks = 0;
    for (const [name, xml] of Object.entries(parts)) {
      if (!name.endsWith(".rels")) continue;
      const relationships = findAll(parseXml(xml), "Relationship");
      const ids = relationships.map((r) => attrOf(r, "Id"));
      for (const id of ids) expect(id, `${name}: ${id}`).toMatch(/^rId\d+$/);
      expect(new Set(ids).size, name).toBe(ids.length);
      hyperlinks += relationships.filter((r) => attrOf(r, "TargetMode") === "External").length;
      const source = name.replace("_rels/", "").replace(/\.rels$/, "");
      const used = [...(parts[source] ?? "").matchAll(/\br:id="([^"]*)"/g)].map((m) => m[1]);
      for (const id of used) expect(ids, `${source} uses ${id}`).toContain(id);
    }
    expect(hyperlinks).toBe(2);
  });

  describe("across processes and time zones", () => {
    let dir: string;
    let script: string;
    beforeAll(async () => {
      // Bundles the writer from source, so the test does not depend on a fresh `npm run build`.
      dir = mkdtempSync(join(tmpdir(), "remiss-docx-tz-"));
      const bundle = join(dir, "writer.mjs");
      await build({
        entryPoints: [join(ROOT, "src/render/docx/index.ts")],
        bundle: true,
        platform: "node",
        format: "esm",
        outfile: bundle,
        logLevel: "silent",
        banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
      });
      script = join(dir, "render.mjs");
      writeFileSync(
        script,
        [
          `import { readFileSync, writeFileSync } from "node:fs";`,
          `import { renderDocx } from ${JSON.stringify(bundle)};`,
          `const [input, output] = process.argv.slice(2);`,
          `writeFileSync(output, await renderDocx(readFileSync(input, "utf8"), { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH }));`,
        ].join("\n"),
      );
      writeFileSync(join(dir, "reference.md"), REFERENCE_MD);
      writeFileSync(join(dir, "minimal.md"), MINIMAL_MD);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function renderIn(tz: string, input: string, env: Record<string, string> = {}): Buffer {
      const output = join(dir, `${input}-${tz.replace(/\W/g, "_")}.docx`);
      const result = spawnSync(process.execPath, [script, join(dir, input), output], {
        env: { ...process.env, ...env, TZ: tz },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      return readFileSync(output);
    }

    it("gives the same bytes with TZ=UTC, Pacific/Kiritimati and America/Sao_Paulo as in this process", async () => {
      const here = Buffer.from(await renderDocx(REFERENCE_MD));
      for (const tz of ["UTC", "Pacific/Kiritimati", "America/Sao_Paulo"]) {
        expect(renderIn(tz, "reference.md").equals(here), tz).toBe(true);
      }
    });

    it("gives the same bytes in different time zones with SOURCE_DATE_EPOCH and no datum", () => {
      const env = { SOURCE_DATE_EPOCH: "1760000000" };
      const utc = renderIn("UTC", "minimal.md", env);
      const kiritimati = renderIn("Pacific/Kiritimati", "minimal.md", env);
      expect(kiritimati.equals(utc)).toBe(true);
      expect(docxParts(utc)["docProps/core.xml"]).toContain(">2025-10-09T08:53:20Z<");
    });
  });
});
