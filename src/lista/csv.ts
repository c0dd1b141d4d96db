import { DRAFT_WORDS } from "./table.js";
import type { ListRow } from "./row.js";

/**
 * `remiss lista --format csv`: RFC 4180 (CRLF between records, a field in
 * double quotes when it holds the separator, a quote or a line break, a
 * quote inside doubled), UTF-8 with a BOM so that Excel on Windows reads
 * å, ä and ö right, and `;` between fields by default, as Swedish Excel
 * expects. The columns are the JSON keys, in their order, under Swedish
 * headings.
 */

export const CSV_SEPARATORS = [";", ","] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

const COLUMNS: readonly (readonly [keyof ListRow, string])[] = [
  ["fil", "Fil"],
  ["dnr", "Dnr"],
  ["remiss_dnr", "Remittentens dnr"],
  ["titel", "Titel"],
  ["typ", "Typ"],
  ["remittent", "Remittent"],
  ["svar_senast", "Svar senast"],
  ["dagar_kvar", "Dagar kvar"],
  ["forsenad", "Försenad"],
  ["utkast", "Utkast"],
  ["platshallare", "Platshållare"],
  ["fel", "Fel"],
  ["datum", "Datum"],
  ["beredas_senast", "Beredas senast"],
];

export function formatCsv(rows: readonly ListRow[], separator: CsvSeparator = ";"): string {
  // The spreadsheet is read by people: the draft's state in its Swedish word, as in the table ("ändrat").
  const records = [COLUMNS.map(([, heading]) => heading), ...rows.map((row) => COLUMNS.map(([key]) => (key === "utkast" ? DRAFT_WORDS[row.utkast] : cell(row[key]))))];
  return `\uFEFF${records.map((record) => record.map((field) => csvField(field, separator)).join(separator)).join("\r\n")}\r\n`;
}

/** A value as the spreadsheet shows it: ja and nej for true and false, nothing for what does not apply. */
function cell(value: ListRow[keyof ListRow]): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return String(value);
  return spreadsheetSafe(value);
}

/**
 * Text that Excel or LibreOffice would read as a formula (it begins with
 * =, +, -, @, a tab or a carriage return) gets an apostrophe before it,
 * which the spreadsheet shows as text: a title in a case is data, and a
 * file from outside must not run a formula in the kansli's spreadsheet.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 needs it. */
export function csvField(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/u.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
