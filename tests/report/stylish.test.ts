import { describe, expect, it } from "vitest";
import { formatStylish } from "../../src/report/stylish.js";
import { DIAGNOSTICS } from "./fixtures.js";

describe("formatStylish", () => {
  it("groups by file, aligns the columns and ends with a summary", () => {
    expect(formatStylish(DIAGNOSTICS, { color: false, fileCount: 2 })).toBe(
      [
        "utkast.md",
        "    9:1   fel      Ett avsnitt saknas.  sektion/saknas",
        "  120:14  varning  LIX 63,4.            text/lix",
        "",
        "ärenden/a, b.yaml",
        "  fel  Filen finns inte.  fil/saknas",
        "",
        "✖ 3 problem (2 fel, 1 varning)",
        "",
      ].join("\n"),
    );
  });

  it("counts warnings in the plural and colours only when asked", () => {
    const warnings = [DIAGNOSTICS[1]!, { ...DIAGNOSTICS[1]!, line: 121 }];
    const plain = formatStylish(warnings, { color: false, fileCount: 1 });
    expect(plain.endsWith("✖ 2 problem (0 fel, 2 varningar)\n")).toBe(true);
    expect(plain).not.toContain("\u001b[");
    const coloured = formatStylish(warnings, { color: true, fileCount: 1 });
    expect(coloured).toContain("\u001b[4mutkast.md\u001b[24m");
    expect(coloured).toContain("\u001b[33mvarning\u001b[39m");
    expect(coloured).toContain("\u001b[1m\u001b[33m✖ 2 problem (0 fel, 2 varningar)\u001b[39m\u001b[22m");
    expect(coloured.replace(/\u001b\[\d+m/gu, "")).toBe(plain);
  });

  it("says in one line that nothing was found", () => {
    expect(formatStylish([], { color: false, fileCount: 1 })).toBe("✔ Inga problem i 1 fil.\n");
    expect(formatStylish([], { color: false, fileCount: 3, quiet: true })).toBe("✔ Inga fel i 3 filer.\n");
    expect(formatStylish([], { color: true, fileCount: 2 })).toBe("\u001b[32m✔ Inga problem i 2 filer.\u001b[39m\n");
  });
});

describe("stylish at a terminal", () => {
  it("wraps a long message to the terminal's width, under the message column, the rule on the first line", () => {
    const text = formatStylish(
      [
        {
          file: "a.md",
          line: 3,
          column: 1,
          severity: "warning",
          rule: "text/lix",
          message: "Avsnittet ”Förvaltningens synpunkter och förslag” har LIX 76,5, över gränsen 60, och är svårt att läsa.",
        },
      ],
      { color: false, fileCount: 1, width: 60 },
    );
    expect(text).toBe(
      [
        "a.md",
        `  3:1  varning  ${"Avsnittet ”Förvaltningens".padEnd(34)}  text/lix`,
        "                synpunkter och förslag” har LIX",
        "                76,5, över gränsen 60, och är",
        "                svårt att läsa.",
        "",
        "✖ 1 problem (0 fel, 1 varning)",
        "",
      ].join("\n"),
    );
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(60);
  });
});
