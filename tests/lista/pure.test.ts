import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareCases, type ListedCase } from "../../src/lista/collect.js";
import { csvField, formatCsv, spreadsheetSafe } from "../../src/lista/csv.js";
import { dayNumber, daysLeft, localToday, nextDay, oneYearLater } from "../../src/lista/dates.js";
import { escapeText, foldLine, uid } from "../../src/lista/ics.js";
import { shorten } from "../../src/lista/table.js";

describe("days", () => {
  it("counts calendar days from --per to the deadline, negative once it has passed", () => {
    expect(daysLeft("2025-10-28", "2025-10-28")).toBe(0);
    expect(daysLeft("2025-10-28", "2025-10-21")).toBe(7);
    expect(daysLeft("2025-10-28", "2025-10-29")).toBe(-1);
    // Across the change to winter time (26 October 2025 in Sweden) and a leap day.
    expect(daysLeft("2025-10-27", "2025-10-25")).toBe(2);
    expect(daysLeft("2024-03-01", "2024-02-28")).toBe(2);
    expect(daysLeft("2026-01-01", "2025-12-31")).toBe(1);
  });

  it("takes only real dates", () => {
    expect(dayNumber("2025-02-29")).toBeUndefined();
    expect(dayNumber("2025-13-01")).toBeUndefined();
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(() => daysLeft("2025-02-30", "2025-01-01")).toThrow();
  });

  it("gives the day after, over a month's and a year's end", () => {
    expect(nextDay("2025-10-31")).toBe("2025-11-01");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
  });

  it("is today in the local time zone", () => {
    // 23:30 local time is still that day, whatever UTC says.
    expect(localToday(new Date(2026, 0, 31, 23, 30))).toBe("2026-01-31");
    expect(localToday(new Date(2026, 1, 1, 0, 15))).toBe("2026-02-01");
  });
});

describe("beredas_senast: one year after the motion was väckt", () => {
  it("is the same day a year later", () => {
    expect(oneYearLater("2024-11-12")).toBe("2025-11-12");
    expect(oneYearLater("2025-12-31")).toBe("2026-12-31");
  });

  it("is 28 February for a motion väckt on a leap day", () => {
    expect(oneYearLater("2024-02-29")).toBe("2025-02-28");
    expect(oneYearLater("2023-02-28")).toBe("2024-02-28");
  });
});

describe("CSV", () => {
  it("quotes a field only when RFC 4180 needs it, doubling quotes", () => {
    expect(csvField("Motion om parker", ";")).toBe("Motion om parker");
    expect(csvField("Ja; nej", ";")).toBe('"Ja; nej"');
    expect(csvField("Ja, nej", ";")).toBe("Ja, nej");
    expect(csvField("Ja, nej", ",")).toBe('"Ja, nej"');
    expect(csvField('Motion om "trygghet"', ";")).toBe('"Motion om ""trygghet"""');
    expect(csvField("två\nrader", ";")).toBe('"två\nrader"');
    expect(csvField("cr\rhär", ";")).toBe('"cr\rhär"');
  });

  it("keeps a spreadsheet from reading a title as a formula", () => {
    expect(spreadsheetSafe("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(spreadsheetSafe("+46 8 508")).toBe("'+46 8 508");
    expect(spreadsheetSafe("@summa")).toBe("'@summa");
    expect(spreadsheetSafe("Motion – om parker")).toBe("Motion – om parker");
  });

  it("parses back to the rows, with a BOM and CRLF, with either separator", () => {
    const rows = [
      { fil: "a.yaml", titel: 'Motion om "bänkar"; fler', utkast: "saknas" as const, fel: 0, platshallare: 0, svar_senast: "2025-10-28", dagar_kvar: -2, forsenad: true },
      { fil: "b.yaml", titel: "Rad ett\nrad två, åäö", utkast: "aktuellt" as const, fel: 2 },
    ];
    for (const separator of [";", ","] as const) {
      const text = formatCsv(rows, separator);
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      const records = parse(text, { bom: true, delimiter: separator }) as string[][];
      expect(records[0]![0]).toBe("Fil");
      expect(records[1]).toEqual(["a.yaml", "", "", 'Motion om "bänkar"; fler', "", "", "2025-10-28", "-2", "ja", "saknas", "0", "0", "", ""]);
      expect(records[2]![3]).toBe("Rad ett\nrad två, åäö");
      expect(records[2]![11]).toBe("2");
    }
  });
});

describe("iCalendar", () => {
  it("escapes text values as RFC 5545 says", () => {
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    expect(escapeText("rad\r\nrad")).toBe("rad\\nrad");
    expect(escapeText("klocka\u0007")).toBe("klocka");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"Svar: Motion om åäö och förskolor i Högdalen ".repeat(4)}😀slut`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
      // Each part is whole UTF-8 on its own: nothing replaced when decoded alone.
      expect(Buffer.from(Buffer.from(part, "utf8").toString("utf8"), "utf8").equals(Buffer.from(part, "utf8"))).toBe(true);
      expect(part).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldLine("KORT:rad")).toBe("KORT:rad");
    const exact = `X:${"a".repeat(73)}`;
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}b`)).toBe(`${exact}\r\n b`);
  });

  it("gives the same UID for the same case and kind, another for another", () => {
    expect(uid("arenden/a.yaml", "svar")).toBe(uid("arenden/a.yaml", "svar"));
    expect(uid("arenden/a.yaml", "svar")).not.toBe(uid("arenden/a.yaml", "beredas"));
    expect(uid("arenden/a.yaml", "svar")).not.toBe(uid("arenden/b.yaml", "svar"));
    expect(uid("arenden/a.yaml", "svar")).toMatch(/^[0-9a-f]{32}@remiss$/u);
  });
});

describe("the table", () => {
  it("shortens long titles with an ellipsis", () => {
    expect(shorten("Kort titel", 40)).toBe("Kort titel");
    const long = "Motion om säkrare cykelbanor längs Farstastråket";
    expect([...shorten(long, 40)].length).toBeLessThanOrEqual(40);
    expect(shorten(long, 40).endsWith("…")).toBe(true);
    expect(shorten("åäö".repeat(20), 10)).toBe(`${"åäö".repeat(3)}…`);
  });

  it("sorts by reply date, cases without one last, then by file", () => {
    const c = (fil: string, svar_senast?: string): ListedCase => ({ row: { fil, utkast: "saknas", fel: 0, ...(svar_senast ? { svar_senast } : {}) }, edited: [] });
    const sorted = [c("b.yaml"), c("z.yaml", "2025-10-01"), c("a.yaml"), c("c.yaml", "2025-12-01"), c("a2.yaml", "2025-10-01")].sort(compareCases);
    expect(sorted.map((s) => s.row.fil)).toEqual(["a2.yaml", "z.yaml", "c.yaml", "a.yaml", "b.yaml"]);
  });
});
