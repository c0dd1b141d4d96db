import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, hasStackTrace } from "../support/cli.js";

/**
 * Property-based tests (issue 13): random mutations of the real fixtures —
 * bytes, keys, indentation, Unicode — drafted and checked by the real CLI.
 * Whatever the mutation, there is never a stack trace or an "unexpected
 * error", never a hang, never an output for a file that draft calls
 * invalid (and always one for a file it accepts), draft and check agree on
 * which files are invalid, and every XML part of every DOCX is well-formed.
 *
 * A sample is a batch of mutated files, drafted in one run and checked in
 * another, so a few hundred files fit in well under a minute. On failure
 * fast-check prints the seed and path; replay with
 * REMISS_PROPERTY_SEED=<seed> REMISS_PROPERTY_PATH=<path> npx vitest run tests/property.
 */
const BASES = readdirSync(join(ROOT, "fixtures"))
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => readFileSync(join(ROOT, "fixtures", name), "utf8"));

/** Keys a mutation may put in place of another: real ones, misspelt ones, an object's machinery, Unicode. */
const KEYS = ["titel", "synpunkter", "forvaltning", "namnd", "yrkanden", "__proto__", "constructor", "prototype", "toString", "nämnd", "<<", "? x", "ÅÄÖ", "a\u0000b"];

type Mutation =
  | { kind: "byte"; at: number; value: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "key"; line: number; key: string }
  | { kind: "indent"; line: number; by: number }
  | { kind: "duplicate"; line: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("byte" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.constantFrom("\n", ": ", "- ", "[", "{", "&a ", "*a", "|", ">", "#", "'", '"', "<!-- underskrifter -->", "## ", "> ", "[x](y)", "\t", "\u2028", "\ufeff"),
    ),
  }),
  fc.record({ kind: fc.constant("key" as const), line: fc.nat(), key: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant("indent" as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), line: fc.nat() }),
);

function apply(text: string, m: Mutation): Uint8Array | string {
  const lines = text.split("\n");
  switch (m.kind) {
    case "byte": {
      const bytes = new TextEncoder().encode(text);
      if (bytes.length > 0) bytes[m.at % bytes.length] = m.value;
      return bytes;
    }
    case "delete": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "key": {
      const i = m.line % lines.length;
      lines[i] = lines[i]!.replace(/^(\s*(?:- )?)[^\s:#][^:]*:/u, `$1${m.key}:`);
      return lines.join("\n");
    }
    case "indent": {
      const i = m.line % lines.length;
      lines[i] = m.by >= 0 ? " ".repeat(m.by) + lines[i]! : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`, "u"), "");
      return lines.join("\n");
    }
    case "duplicate": {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join("\n");
    }
  }
}

/** One mutated file: a base fixture and one to three mutations applied in turn. */
const mutatedCase = fc.record({ base: fc.nat({ max: BASES.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }).map(({ base, mutations }) => {
  let current: Uint8Array | string = BASES[base]!;
  for (const m of mutations) current = apply(typeof current === "string" ? current : new TextDecoder().decode(current), m);
  return current;
});

const FILES_PER_RUN = 25;

function run(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", COLUMNS: "", SOURCE_DATE_EPOCH: "" },
    encoding: "utf8",
    // Each file may take well under a second; ten seconds a file is a hang.
    timeout: FILES_PER_RUN * 10_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

/** Rules whose errors mean the input itself is invalid (not the text rules that judge a valid case's prose). */
const INPUT_RULES = /^(schema|yaml|markdown|fil)\//u;

function checkBatch(files: readonly (Uint8Array | string)[]): void {
  const dir = mkdtempSync(join(tmpdir(), "remiss-property-"));
  try {
    const names = files.map((_, i) => `fall${String(i).padStart(2, "0")}.yaml`);
    files.forEach((data, i) => writeFileSync(join(dir, names[i]!), data));

    const draft = run(["draft", ...names], dir);
    expect(draft.timedOut, "draft hung").toBe(false);
    expect(hasStackTrace(draft.stderr), draft.stderr).toBe(false);
    expect(draft.stderr).not.toContain("oväntat fel");

    const check = run(["check", "--format", "json", ...names], dir);
    expect(check.timedOut, "check hung").toBe(false);
    expect(hasStackTrace(check.stderr), check.stderr).toBe(false);
    const findings = JSON.parse(check.stdout) as { file: string; severity: string; rule: string; message: string }[];
    expect(findings.filter((f) => f.rule === "fil/ovantat")).toEqual([]);

    for (const name of names) {
      const stem = name.replace(/\.yaml$/u, "");
      const drafted = existsSync(join(dir, `${stem}.md`));
      const refused = draft.stderr.split("\n").some((line) => line.startsWith(`${name}:`) && / fel: |inget skrevs/u.test(line));
      // An output exactly when draft accepted the file; both outputs or neither.
      expect({ name, drafted, docx: existsSync(join(dir, `${stem}.docx`)) }).toEqual({ name, drafted: !refused, docx: !refused });
      // check calls the same files invalid as draft does.
      const invalid = findings.some((f) => f.file === name && f.severity === "error" && INPUT_RULES.test(f.rule));
      expect({ name, invalid, stderr: invalid === refused ? "" : draft.stderr }).toEqual({ name, invalid: refused, stderr: "" });
      if (!drafted) continue;
      for (const [part, bytes] of Object.entries(unzipSync(readFileSync(join(dir, `${stem}.docx`))))) {
        if (!/\.(xml|rels)$/u.test(part)) continue;
        const valid = XMLValidator.validate(strFromU8(bytes));
        expect({ name, part, valid }).toEqual({ name, part, valid: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seed = process.env.REMISS_PROPERTY_SEED;
const path = process.env.REMISS_PROPERTY_PATH;

describe("random mutations of the fixtures", () => {
  it("never crash, hang, write an output for invalid input or a DOCX that is not well-formed XML", () => {
    fc.assert(
      fc.property(fc.array(mutatedCase, { minLength: FILES_PER_RUN, maxLength: FILES_PER_RUN }), (files) => {
        checkBatch(files);
      }),
      {
        numRuns: Number(process.env.REMISS_PROPERTY_RUNS ?? 4),
        // Shrinking re-runs the CLI per step: a few steps find a smaller batch, more only cost time.
        endOnFailure: false,
        maxSkipsPerRun: 0,
        ...(process.env.REMISS_PROPERTY_RUNS ? {} : { interruptAfterTimeLimit: 50_000 }),
        ...(seed ? { seed: Number(seed), ...(path ? { path } : {}) } : {}),
      },
    );
  }, process.env.REMISS_PROPERTY_RUNS ? 3_600_000 : 120_000);
});
