import { describe, expect, it } from "vitest";
import { formatLongDate } from "../../src/view/dates.js";

describe("formatLongDate", () => {
  it("writes day, Swedish month name and year", () => {
    expect(formatLongDate("2025-10-28")).toBe("28 oktober 2025");
  });

  it("drops the leading zero of the day", () => {
    expect(formatLongDate("2025-01-05")).toBe("5 januari 2025");
  });

  it("knows every month, in lower case", () => {
    const months = Array.from({ length: 12 }, (_, i) => formatLongDate(`2024-${String(i + 1).padStart(2, "0")}-01`));
    expect(months).toEqual([
      "1 januari 2024",
      "1 februari 2024",
      "1 mars 2024",
      "1 april 2024",
      "1 maj 2024",
      "1 juni 2024",
      "1 juli 2024",
      "1 augusti 2024",
      "1 september 2024",
      "1 oktober 2024",
      "1 november 2024",
      "1 december 2024",
    ]);
  });

  it("does not shift the date by time zone at year boundaries", () => {
    expect(formatLongDate("2025-12-31")).toBe("31 december 2025");
    expect(formatLongDate("2026-01-01")).toBe("1 januari 2026");
  });

  it("rejects what is not YYYY-MM-DD", () => {
    expect(() => formatLongDate("28 oktober 2025")).toThrow(RangeError);
    expect(() => formatLongDate("2025-13-01")).toThrow(RangeError);
    expect(() => formatLongDate("2025-10-00")).toThrow(RangeError);
  });
});
