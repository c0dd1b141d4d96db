/**
 * Swedish personnummer and samordningsnummer in running text: pure
 * detection, no knowledge of documents.
 *
 * A number counts when it has one of the written forms (`ÅÅMMDD-NNNN`,
 * `ÅÅMMDD+NNNN`, `ÅÅMMDDNNNN`, `ÅÅÅÅMMDD-NNNN`, `ÅÅÅÅMMDDNNNN`), its date
 * exists (for a samordningsnummer: with 60 taken from the day) and its last
 * digit is the Luhn check digit of the ten digits `ÅÅMMDDNNN`. A run of
 * digits that goes on before or after (a phone number, a dnr, an account
 * number) is no personnummer, and neither is one right after a phone label
 * (`tfn`, `telefon`, `mobil`), where ten digits are a phone number.
 */
export interface PersonnummerMatch {
  /** Where the number starts in the text, and its length. */
  readonly index: number;
  readonly length: number;
  /** A samordningsnummer (day + 60) rather than a personnummer. */
  readonly samordningsnummer: boolean;
}

/**
 * The written forms: an optional century, the date, an optional separator
 * (hyphen, en dash, non-breaking hyphen, minus sign or plus), four digits.
 * Not preceded by a letter, digit or a digit and a joining mark; not
 * followed by a digit or letter, nor by a joining mark and a digit.
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}])(?<![\p{N}][-–‑−/.,:])((?:18|19|20)?)(\d{6})([-–‑−+]?)(\d{4})(?![\p{L}\p{N}])(?![-–‑−/.,:]\p{N})/gu;

/** A phone label just before a number: then ten digits are a phone number. */
const PHONE_LABEL = /(?:tel|tfn|telefon|telefonnummer|mobil|mobilnummer|mobiltelefon|mob|fax|växel|sms)\.?:?\s*$/iu;

/** Every personnummer and samordningsnummer in the text, in order. */
export function findPersonnummer(text: string): PersonnummerMatch[] {
  // Ten digits in a row at least: the check is exact, the pattern needs them.
  if (!/\d{6}/u.test(text)) return [];
  const found: PersonnummerMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const century = match[1]!;
    const date = match[2]!;
    const separator = match[3]!;
    const serial = match[4]!;
    // A century with a plus sign is no written form; `+` stands only in the ten-digit form.
    if (century !== "" && separator === "+") continue;
    const kind = checkNumber(century, date, separator === "+", serial);
    if (kind === undefined) continue;
    if (separator === "" && PHONE_LABEL.test(text.slice(Math.max(0, match.index - 20), match.index))) continue;
    found.push({ index: match.index, length: match[0].length, samordningsnummer: kind === "samordningsnummer" });
  }
  return found;
}

/**
 * Whether the parts make a personnummer or samordningsnummer: the date
 * exists and the check digit is right. `century` is "" for the ten-digit
 * form; `plus` is the `+` of someone a hundred years old or more.
 */
export function checkNumber(century: string, date: string, plus: boolean, serial: string): "personnummer" | "samordningsnummer" | undefined {
  const yy = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  let day = Number(date.slice(4, 6));
  let kind: "personnummer" | "samordningsnummer" = "personnummer";
  if (day > 60) {
    day -= 60;
    kind = "samordningsnummer";
  }
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(month, leapYear(century, yy, plus))) return undefined;
  return luhnValid(`${date}${serial}`) ? kind : undefined;
}

/**
 * Whether the year is a leap year. With the century written, by the
 * Gregorian rule. Without it, a year divisible by four is one, except `00`
 * with a plus sign (1900: whoever was born in 2000 is not a hundred).
 */
function leapYear(century: string, yy: number, plus: boolean): boolean {
  if (century !== "") {
    const year = Number(century) * 100 + yy;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }
  return yy % 4 === 0 && !(yy === 0 && plus);
}

function daysInMonth(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The Luhn check (weights 2, 1, 2, … from the left) over ten digits: the last one is the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{10}$/u.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}
