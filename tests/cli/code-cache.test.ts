import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

/**
 * bin/remiss.js keeps V8's compiled code in the user's cache folder between
 * runs. The cache may only ever change the time: a corrupt file, a folder
 * that cannot be written, or no cache at all give the same output, the same
 * messages and the same exit code.
 */
let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-cache-"));
  cache = join(dir, "cache");
  copyFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml"), join(dir, "arende.yaml"));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** Drafts into a folder of its own and returns what a user sees and gets. */
function draft(out: string, env: NodeJS.ProcessEnv) {
  const result = runCli(["draft", "arende.yaml", "-o", out], { cwd: dir, env: { SOURCE_DATE_EPOCH: "", ...env } });
  return {
    code: result.code,
    stdout: result.stdout.replaceAll(`${out}/`, "UT/"),
    stderr: result.stderr,
    md: readFileSync(join(dir, out, "arende.md"), "utf8"),
    docx: readFileSync(join(dir, out, "arende.docx")).toString("base64"),
  };
}

function cacheFiles(): string[] {
  try {
    return readdirSync(join(cache, "remiss")).sort();
  } catch {
    return [];
  }
}

describe("the code cache", () => {
  it("is written after the first run, one file per command, and changes nothing in the output", () => {
    const first = draft("a", { XDG_CACHE_HOME: cache });
    expect(first.code).toBe(0);
    expect(cacheFiles()).toEqual([expect.stringMatching(/^[0-9a-f]{16}-[0-9a-f]{8}-draft\.v8cache$/u)]);
    const second = draft("b", { XDG_CACHE_HOME: cache });
    expect(second).toEqual(first);
    expect(runCli(["check", "arende.yaml"], { cwd: dir, env: { XDG_CACHE_HOME: cache } }).code).toBe(0);
    expect(cacheFiles().map((name) => name.split("-").at(-1))).toEqual(["check.v8cache", "draft.v8cache"]);
  });

  it("ignores a corrupt cache file, and replaces it", () => {
    const reference = draft("a", { REMISS_NO_CACHE: "1" });
    draft("b", { XDG_CACHE_HOME: cache });
    const [file] = cacheFiles();
    writeFileSync(join(cache, "remiss", file!), "inte en kodcache");
    expect(draft("c", { XDG_CACHE_HOME: cache })).toEqual(reference);
    expect(readFileSync(join(cache, "remiss", file!), "utf8")).not.toBe("inte en kodcache");
    // Cut short, as by a full disk.
    writeFileSync(join(cache, "remiss", file!), readFileSync(join(cache, "remiss", file!)).subarray(0, 1000));
    expect(draft("d", { XDG_CACHE_HOME: cache })).toEqual(reference);
  });

  it("ignores a cache folder that cannot be written", () => {
    const reference = draft("a", { REMISS_NO_CACHE: "1" });
    // A file where the folder should be: nobody, not even root, can write below it.
    writeFileSync(cache, "en fil");
    expect(draft("b", { XDG_CACHE_HOME: cache })).toEqual(reference);
    rmSync(cache);
    // A read-only folder (which root may write anyway; then the cache is simply written).
    mkdirSync(cache);
    chmodSync(cache, 0o555);
    expect(draft("c", { XDG_CACHE_HOME: cache })).toEqual(reference);
    chmodSync(cache, 0o755);
  });

  it("is not used with REMISS_NO_CACHE=1", () => {
    draft("a", { XDG_CACHE_HOME: cache, REMISS_NO_CACHE: "1" });
    expect(cacheFiles()).toEqual([]);
  });
});

describe("--help and --version without the bundle", () => {
  it("print what the bundle itself prints for `remiss help` and the package's version", () => {
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(runCli(["help"]).stdout);
    expect(runCli(["-h"]).stdout).toBe(help.stdout);
    const version = runCli(["-V"]);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}\n`);
    expect(runCli(["--version"]).stdout).toBe(version.stdout);
  });
});
