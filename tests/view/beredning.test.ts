import { describe, expect, it } from "vitest";
import { formatBehandlats } from "../../src/view/beredning.js";

describe("formatBehandlats", () => {
  it("shares one date among all bodies", () => {
    expect(
      formatBehandlats([
        { organ: "Förvaltningsgruppen", datum: "2025-10-06" },
        { organ: "Pensionärsrådet", datum: "2025-10-06" },
      ]),
    ).toBe("i förvaltningsgruppen och pensionärsrådet den 6 oktober 2025");
  });

  it("writes one body with its date", () => {
    expect(formatBehandlats([{ organ: "Förvaltningsgruppen", datum: "2025-10-06" }])).toBe(
      "i förvaltningsgruppen den 6 oktober 2025",
    );
  });

  it("gives each date its own clause", () => {
    expect(
      formatBehandlats([
        { organ: "Förvaltningsgruppen", datum: "2025-12-01" },
        { organ: "Pensionärsrådet", datum: "2025-12-03" },
      ]),
    ).toBe("i förvaltningsgruppen den 1 december 2025 och i pensionärsrådet den 3 december 2025");
  });

  it("joins three clauses with a comma and 'och'", () => {
    expect(
      formatBehandlats([
        { organ: "Förvaltningsgruppen", datum: "2025-12-01" },
        { organ: "Pensionärsrådet", datum: "2025-12-03" },
        { organ: "Rådet för funktionshinderfrågor", datum: "2025-12-04" },
      ]),
    ).toBe(
      "i förvaltningsgruppen den 1 december 2025, i pensionärsrådet den 3 december 2025 och i rådet för funktionshinderfrågor den 4 december 2025",
    );
  });

  it("groups bodies that follow each other on the same date", () => {
    expect(
      formatBehandlats([
        { organ: "Förvaltningsgruppen", datum: "2025-12-01" },
        { organ: "Pensionärsrådet", datum: "2025-12-01" },
        { organ: "Funktionshinderrådet", datum: "2025-12-03" },
      ]),
    ).toBe("i förvaltningsgruppen och pensionärsrådet den 1 december 2025 och i funktionshinderrådet den 3 december 2025");
  });

  it("does not group the same date when another date comes between", () => {
    expect(
      formatBehandlats([
        { organ: "Förvaltningsgruppen", datum: "2025-12-01" },
        { organ: "Pensionärsrådet", datum: "2025-12-03" },
        { organ: "Funktionshinderrådet", datum: "2025-12-01" },
      ]),
    ).toBe(
      "i förvaltningsgruppen den 1 december 2025, i pensionärsrådet den 3 december 2025 och i funktionshinderrådet den 1 december 2025",
    );
  });

  it("is empty for no items", () => {
    expect(formatBehandlats([])).toBe("");
  });
});
