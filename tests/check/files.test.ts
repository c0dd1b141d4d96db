import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { expandCheckInputs } from "../../src/check/files.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-check-files-"));
  for (const file of [
    "b.md",
    "a.yaml",
    "c.docx",
    "d.yml",
    "anteckning.txt",
    "remiss.config.yaml",
    "~$utkast.docx",
    ".dolt.md",
    "underkatalog/z.md",
    "underkatalog/djupare/y.md",
    "node_modules/paket/readme.md",
    ".git/x.md",
    "tom/anteckning.txt",
  ]) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), "");
  }
});

describe("expandCheckInputs", () => {
  it("finds the checkable files of a folder and its subfolders, sorted, named from the folder as given", async () => {
    const { files, emptyFolders } = await expandCheckInputs(["."], dir);
    expect(files).toEqual(["a.yaml", "b.md", "c.docx", "d.yml", "underkatalog/djupare/y.md", "underkatalog/z.md"]);
    expect(emptyFolders).toEqual([]);
    expect((await expandCheckInputs(["underkatalog/"], dir)).files).toEqual(["underkatalog/djupare/y.md", "underkatalog/z.md"]);
  });

  it("passes files through as named, once each, missing ones too, and lists folders with nothing to check", async () => {
    const { files, emptyFolders } = await expandCheckInputs(["b.md", "finns-inte.md", "./b.md", "underkatalog", "tom"], dir);
    expect(files).toEqual(["b.md", "finns-inte.md", "underkatalog/djupare/y.md", "underkatalog/z.md"]);
    expect(emptyFolders).toEqual(["tom"]);
  });
});
