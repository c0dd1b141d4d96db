import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatterDates, simpleFrontMatterDates, yamlFrontMatterDates } from "../../../src/check/readers/front-matter.js";
import { ROOT } from "../../support/cli.js";
import { fixtures } from "../support/fixtures.js";

/**
 * The small front matter reader must give what the YAML parser gives, or
 * nothing (then the YAML parser reads the text): the same dates at the same
 * lines and columns, and no dates where the YAML is not valid.
 */

/** The front matter (between the `---` lines) of every Markdown fixture that has one. */
function frontMatters(): string[] {
  const paths = [
    ...fixtures().map((f) => f.path).filter((p) => p.endsWith(".md")),
    ...["sodermalm-ks-2025-804.md", "skrivelse-flera-forfattare.md", "minimal.md"].map((name) => join(ROOT, "fixtures", name)),
  ];
  const out: string[] = [];
  for (const path of paths) {
    const text = readFileSync(path, "utf8").replace(/\r\n/gu, "\n");
    if (!text.startsWith("---\n")) continue;
    const end = text.indexOf("\n---", 3);
    if (end > 0) out.push(text.slice(4, end));
  }
  return out;
}

const BEREDNING = [
  "datum: 2025-10-07",
  "beredning:",
  "  behandlats:",
  "  - organ: Pensionärsrådet",
  "    datum: 2025-10-06",
  "  -   datum: 2025-10-09",
  "      organ:",
  "  - datum: 2025-10-01",
  "    organ:",
  "      namn: Nämnden",
  "remiss:",
  "  svar_senast: 2025-10-28",
].join("\n");

function expectSame(text: string): "simple" | "yaml" {
  const simple = simpleFrontMatterDates(text, 2);
  if (simple === undefined) return "yaml";
  expect(simple, JSON.stringify(text)).toEqual(yamlFrontMatterDates(text, 2));
  return "simple";
}

describe("front matter dates", () => {
  it("reads drafted front matter without the YAML parser, with the same dates and places", () => {
    const all = [...frontMatters(), BEREDNING, BEREDNING.replace(/\n/gu, "\r\n")];
    expect(all.length).toBeGreaterThan(10);
    for (const text of all) expect(expectSame(text), text).toBe("simple");
    expect(frontMatterDates(BEREDNING, 2)).toEqual({
      datum: { value: "2025-10-07", line: 2, column: 8 },
      svarSenast: { value: "2025-10-28", line: 13, column: 16 },
      behandlats: [
        { value: "2025-10-06", line: 6, column: 12, organ: "Pensionärsrådet" },
        { value: "2025-10-09", line: 7, column: 14, organ: "" },
        { value: "2025-10-01", line: 9, column: 12 },
      ],
    });
  });

  it("leaves to the YAML parser what it cannot read exactly, and agrees with it on the rest", () => {
    const values = [
      "2025-10-07", "2025-10-07 ", "2025-10-07\u00a0", "\"2025-10-07\"", "'2025-10-07'", "2025-10-07 # kommentar", "2025-10-07#x",
      "2025-10-07:", "a: b", "a:b", "a, b]", "- x", "-x", "[x]", "{x: 1}", "&a x", "*a", "!x y", "|", ">", "\"a\\\"b\"", "\"a\" b",
      "?x", "%x", "@x", "`x", "~", "null", "\t2025-10-07", "x\u2028y", "\ufeffx", "", "Kommunstyrelsen", "”Citat”",
    ];
    const results = new Set<string>();
    for (const value of values) {
      results.add(expectSame(`datum: ${value}\nremiss:\n  svar_senast: ${value}\n`));
      results.add(expectSame(`beredning:\n  behandlats:\n  - organ: ${value}\n    datum: ${value}\n`));
    }
    for (const text of [
      "datum: 2025-10-07\ndatum: 2025-10-08\n", // a key twice: not valid YAML
      "datum: 2025-10-07\n  x: 1\n", // bad indentation
      "remiss:\n  svar_senast: 2025-10-28\n   x: 1\n",
      "datum:\n  2025-10-07\n", // a scalar on the next line
      "a:\n- x\ndatum: 2025-10-07\n", // a sequence at its key's indentation
      "a:\n  - x\n  b: 1\ndatum: 2025-10-07\n",
      "beredning:\n  behandlats:\n  -\n    datum: 2025-10-07\n",
      "beredning:\n  behandlats:\n  - datum: 2025-10-07\n  organ: x\n",
      "  datum: 2025-10-07\n  x: 1\n",
      "datum: 2025-10-07\r",
      "# kommentar\ndatum: 2025-10-07\n",
      "",
    ]) {
      results.add(expectSame(text));
    }
    expect(results).toEqual(new Set(["simple", "yaml"]));
  });

  it("agrees with the YAML parser on thousands of mutated front matters", () => {
    const seeds = [...frontMatters(), BEREDNING];
    const pieces = [" ", "  ", ":", ": ", "#", " #", "-", "- ", '"', "'", "\t", "\n", "\r", "\r\n", "[", "]", "{", "&", "*", "!", "|", ">", "%", "@", "`", "?", ",", "\\", "a", "1", "\u00a0", "ö", "\u2028", "\ufeff", "datum: 2025-01-01", "\n  ", "\n- ", "...", "😀", "organ: A", "\n    datum: 2025-02-02"];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const mutate = (text: string): string => {
      const at = random(text.length + 1);
      const lines = text.split("\n");
      switch (random(5)) {
        case 0:
        case 1:
          return text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
        case 2:
          return text.slice(0, at) + text.slice(at + 1 + random(3));
        case 3:
          lines.splice(random(lines.length), 0, lines[random(lines.length)]!);
          return lines.join("\n");
        default: {
          const i = random(lines.length);
          lines[i] = " ".repeat(random(5)) + lines[i]!.replace(/^ */u, "");
          return lines.join("\n");
        }
      }
    };
    let simple = 0;
    for (let i = 0; i < 4000; i++) {
      let text = seeds[random(seeds.length)]!;
      for (let m = 1 + random(3); m > 0; m--) text = mutate(text);
      if (expectSame(text) === "simple") simple++;
    }
    expect(simple).toBeGreaterThan(500);
  });
});
