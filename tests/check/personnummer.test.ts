import { describe, expect, it } from "vitest";
import { checkNumber, findPersonnummer, luhnValid } from "../../src/check/personnummer.js";

/** The numbers found, as the text they cover. */
const found = (text: string) => findPersonnummer(text).map((m) => text.slice(m.index, m.index + m.length));

describe("luhnValid", () => {
  it("accepts the right check digit and nothing else", () => {
    // 8 1 1 2 1 8 9 8 7 weighted 2 1 2 1 …: 16→7, 1, 2, 2, 2, 8, 18→9, 8, 14→5; sum 44, check digit 10 − 4 = 6.
    expect(luhnValid("8112189876")).toBe(true);
    for (const wrong of ["8112189870", "8112189871", "8112189875", "8112189879"]) expect(luhnValid(wrong)).toBe(false);
    expect(luhnValid("1212121212")).toBe(true);
    expect(luhnValid("121212121")).toBe(false);
  });
});

describe("checkNumber", () => {
  it("knows 29 February in leap years only", () => {
    // 040229-001?: 0, 4, 0, 2, 4, 9, 0, 0, 2 → 21, check digit 9 (the helper finds the same).
    expect(luhnValid("0402290019")).toBe(true);
    const digit = (date: string, serial: string) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(String).find((d) => luhnValid(`${date}${serial}${d}`))!;
    const ok = (date: string) => `001${digit(date, "001")}`;
    expect(checkNumber("", "040229", false, ok("040229"))).toBe("personnummer");
    expect(checkNumber("", "050229", false, ok("050229"))).toBeUndefined();
    expect(checkNumber("20", "040229", false, ok("040229"))).toBe("personnummer");
    expect(checkNumber("19", "000229", false, ok("000229"))).toBeUndefined(); // 1900 is no leap year
    expect(checkNumber("20", "000229", false, ok("000229"))).toBe("personnummer"); // 2000 is
    expect(checkNumber("", "000229", false, ok("000229"))).toBe("personnummer"); // 2000
    expect(checkNumber("", "000229", true, ok("000229"))).toBeUndefined(); // a plus: 1900
  });

  it("reads a day above 60 as a samordningsnummer", () => {
    const digit = (digits: string) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(String).find((d) => luhnValid(`${digits}${d}`))!;
    expect(checkNumber("", "121272", false, `123${digit("121272123")}`)).toBe("samordningsnummer");
    expect(checkNumber("", "120292", false, `123${digit("120292123")}`)).toBeUndefined(); // 32 February
    expect(checkNumber("", "120260", false, `123${digit("120260123")}`)).toBeUndefined(); // day 0
    expect(checkNumber("", "121232", false, `123${digit("121232123")}`)).toBeUndefined(); // 32 December
  });

  it("refuses months and days that do not exist", () => {
    expect(checkNumber("", "121312", false, "1212")).toBeUndefined();
    expect(checkNumber("", "120012", false, "1212")).toBeUndefined();
    expect(checkNumber("", "120431", false, "1212")).toBeUndefined();
  });
});

describe("findPersonnummer", () => {
  it("finds the written forms with a right check digit", () => {
    expect(found("Sökande 19121212-1212 har")).toEqual(["19121212-1212"]);
    expect(found("Sökande 121212-1212 har")).toEqual(["121212-1212"]);
    expect(found("Sökande 1212121212 har")).toEqual(["1212121212"]);
    expect(found("Sökande 191212121212 har")).toEqual(["191212121212"]);
    expect(found("född 121212+1212, över hundra år")).toEqual(["121212+1212"]);
    expect(found("(121212–1212)")).toEqual(["121212–1212"]);
    expect(found("811218-9876.")).toEqual(["811218-9876"]);
  });

  it("says which are samordningsnummer", () => {
    // 701063-2391: Skatteverket's example of a samordningsnummer (born 1970-10-03).
    expect(findPersonnummer("nr 701063-2391").map((m) => m.samordningsnummer)).toEqual([true]);
    expect(findPersonnummer("nr 811218-9876").map((m) => m.samordningsnummer)).toEqual([false]);
  });

  it("passes a number whose check digit is wrong", () => {
    expect(found("Sökande 121212-1213 har")).toEqual([]);
    expect(found("Sökande 19121212-1213 har")).toEqual([]);
  });

  it("passes a number whose date does not exist", () => {
    // 29 February 2005 with a right check digit: 050229-123?
    const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => luhnValid(`050229123${d}`))!;
    expect(found(`nr 050229-123${digit}`)).toEqual([]);
    const leap = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => luhnValid(`040229123${d}`))!;
    expect(found(`nr 040229-123${leap}`)).toEqual([`040229-123${leap}`]);
  });

  it("passes the masked form and the plus sign with a century", () => {
    expect(found("121212-XXXX och ÅÅMMDD-NNNN")).toEqual([]);
    expect(found("19121212+1212")).toEqual([]);
  });

  it("passes numbers inside longer runs of digits: phone numbers, dnr, accounts", () => {
    expect(found("08-1212121212")).toEqual([]);
    expect(found("+461212121212")).toEqual([]);
    expect(found("Dnr 2025/121212-1212")).toEqual([]);
    expect(found("konto 1212121212-3")).toEqual([]);
    expect(found("12121212121212")).toEqual([]);
    expect(found("1212121212.5")).toEqual([]);
    expect(found("KS121212-1212")).toEqual([]);
    expect(found("Telefon: 08-508 12 345")).toEqual([]);
  });

  it("passes ten digits after a phone label", () => {
    expect(found("Tfn 1212121212")).toEqual([]);
    expect(found("Telefon: 1212121212")).toEqual([]);
    expect(found("mobil 1212121212")).toEqual([]);
    // With a hyphen it is written as a personnummer, whatever stands before.
    expect(found("Telefon: 121212-1212")).toEqual(["121212-1212"]);
  });

  it("finds several in one text", () => {
    expect(found("121212-1212 och 811218-9876")).toEqual(["121212-1212", "811218-9876"]);
  });
});
