import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDraft } from "../../src/commands/draft.js";
import { collectingIo } from "../check/support/io.js";

/** runDraft with a collecting io: what a terminal shows that a pipe does not. */
const MINIMAL = new URL("../../fixtures/minimal.yaml", import.meta.url);

function folderOf(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "remiss-progress-"));
  for (let i = 1; i <= count; i++) copyFileSync(MINIMAL, join(dir, `arende-${i}.yaml`));
  return dir;
}

describe("runDraft progress", () => {
  it("shows a progress line on a terminal for more than a handful of files, and clears it", async () => {
    const dir = folderOf(6);
    const io = collectingIo(dir, { tty: true });
    expect(await runDraft(["."], { format: "md" }, io)).toBe(0);
    const err = io.err.join("");
    expect(err).toContain("[1/6] arende-1.yaml");
    expect(err).toContain("[6/6] arende-6.yaml");
    expect(err.endsWith("\r\x1b[K6 utkast skrivna\n")).toBe(true);
    expect(io.out).toHaveLength(6);
    expect(readdirSync(dir).filter((f) => f.endsWith(".md"))).toHaveLength(6);
  });

  it("shows no progress line when stderr is not a terminal, or for a few files", async () => {
    const many = collectingIo(folderOf(6));
    await runDraft(["."], { format: "md" }, many);
    expect(many.err.join("")).toBe("6 utkast skrivna\n");
    const few = collectingIo(folderOf(3), { tty: true });
    await runDraft(["."], { format: "md" }, few);
    expect(few.err.join("")).toBe("3 utkast skrivna\n");
  });
});
