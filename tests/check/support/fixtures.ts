import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compareDiagnostics, type Finding } from "../../../src/diagnostics.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/check/", import.meta.url));

/** The kinds of fixture file: checked as they are, or (`.docx.txt`) built into a Word document first. */
export const FIXTURE_FILE = /\.(?:md|ya?ml|docx\.txt)$/u;

export interface Fixture {
  /** The folder under fixtures/check, e.g. `sektion/saknas`: the rule the fixture is for. */
  readonly folder: string;
  readonly name: string;
  readonly path: string;
  /** The expected findings, one per line, `LINE:COL severity rule message`. */
  readonly expected: string;
}

/** Every fixture file with the `.expected` file beside it (a missing one reads as an error in the test). */
export function fixtures(root = FIXTURES): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (FIXTURE_FILE.test(name)) {
        let expected: string;
        try {
          expected = readFileSync(`${path}.expected`, "utf8");
        } catch {
          expected = `(${name}.expected saknas: skriv de väntade fynden där)\n`;
        }
        out.push({ folder: relative(root, dir).split("\\").join("/"), name, path, expected });
      }
    }
  };
  walk(root);
  return out;
}

/** Findings in the compact form of the `.expected` files, sorted as `check` sorts them. */
export function formatExpected(findings: readonly Finding[]): string {
  return [...findings]
    .map((f) => ({ file: "", ...f }))
    .sort(compareDiagnostics)
    .map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`)
    .join("");
}

/** A fixture's `.expected` file read back as findings. */
export function readExpected(fixture: string): Finding[] {
  return readFileSync(join(FIXTURES, `${fixture}.expected`), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const match = /^(\d+):(\d+) (error|warning) (\S+) (.*)$/u.exec(line);
      if (!match) throw new Error(`not a finding: ${line}`);
      return {
        line: Number(match[1]),
        column: Number(match[2]),
        severity: match[3] as Finding["severity"],
        rule: match[4]!,
        message: match[5]!,
      };
    });
}
