import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "../support/cli.js";

/**
 * The YAML mistakes writers make most, through the CLI as a writer meets
 * them: each answered with the fix, at the line where the mistake is, and
 * nothing written.
 */
const MISTAKES = ["oindragen-text", "kolon-utan-mellanslag", "kolon-utan-mellanslag-i-grupp", "hart-mellanslag", "kolon-i-text", "citattecken-stangs-inte", "tabb"];

describe("YAML mistakes answered with the fix", () => {
  for (const name of MISTAKES) {
    it(`answers ${name} at its line with the fix`, () => {
      const file = `fixtures/invalid/${name}.yaml`;
      const result = runCli(["draft", file, "--stdout"]);
      expect(result.code).toBe(1);
      expect(hasStackTrace(result.stderr)).toBe(false);
      const expected = readFileSync(`fixtures/invalid/${name}.expected`, "utf8")
        .trimEnd()
        .split("\n")
        .map((line) => {
          const [position, , ...message] = line.split(" ");
          return `${file}:${position}: fel: ${message.join(" ")}`;
        });
      expect(result.stderr).toBe(`${[...expected, `${file}: inget skrevs, eftersom filen har fel. Rätta dem och kör igen.`].join("\n")}\n`);
    });
  }
});
