import { describe, expect, it } from "vitest";
import { printable, printableDiagnostic } from "../../src/report/printable.js";

describe("printable", () => {
  it("leaves ordinary text, Swedish letters and typographic quotes alone", () => {
    const text = "Okänd nyckel ”nämnd” – välj ”namnd”.";
    expect(printable(text)).toBe(text);
  });

  it("escapes C0 and C1 controls, DEL and the Unicode separators", () => {
    expect(printable("a\u001b]0;titel\u0007b\u001b[2J")).toBe("a\\u001b]0;titel\\u0007b\\u001b[2J");
    expect(printable("a\u009bb\u007fc\u2028d")).toBe("a\\u009bb\\u007fc\\u2028d");
  });

  it("escapes line breaks, unless asked to keep them", () => {
    expect(printable("x\n::error file=a::b\r\tc")).toBe("x\\n::error file=a::b\\r\\tc");
    expect(printable("rad 1\nrad\u001b 2", { keepLineBreaks: true })).toBe("rad 1\nrad\\u001b 2");
  });

  it("makes a diagnostic's file, rule and message printable, and returns a clean one as it is", () => {
    const clean = { file: "a.yaml", line: 1, column: 1, severity: "error" as const, rule: "r", message: "m" };
    expect(printableDiagnostic(clean)).toBe(clean);
    expect(printableDiagnostic({ ...clean, file: "a\nb.yaml", message: "m\u001b" })).toEqual({ ...clean, file: "a\\nb.yaml", message: "m\\u001b" });
  });
});
