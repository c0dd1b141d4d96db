import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/report/json.js";
import { DIAGNOSTICS } from "./fixtures.js";

describe("formatJson", () => {
  it("writes one JSON array of the findings with exactly their six fields", () => {
    const extra = { ...DIAGNOSTICS[0]!, internal: true } as (typeof DIAGNOSTICS)[number];
    const output = formatJson([extra, ...DIAGNOSTICS.slice(1)]);
    expect(output.endsWith("]\n")).toBe(true);
    expect(output.split("\n")).toHaveLength(2);
    expect(JSON.parse(output)).toEqual(DIAGNOSTICS);
    expect(Object.keys(JSON.parse(output)[0])).toEqual(["file", "line", "column", "severity", "rule", "message"]);
  });

  it("writes an empty array when there is nothing", () => {
    expect(formatJson([])).toBe("[]\n");
  });
});
