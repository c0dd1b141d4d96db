import { painter } from "../report/stylish.js";
import { printable } from "../report/printable.js";
import type { ListedCase } from "./collect.js";
import { daysLeft } from "./dates.js";
import type { DraftState } from "./row.js";

/** A reply date this close (in days, the day itself included) is "snart". */
export const SOON_DAYS = 7;
/** A one-year limit this close is marked too. */
export const LIMIT_SOON_DAYS = 60;
/** Titles are shortened to this many characters in the table. */
export const TITLE_WIDTH = 40;

export const DRAFT_WORDS: Record<DraftState, string> = { saknas: "saknas", inaktuellt: "inaktuellt", aktuellt: "aktuellt", andrat: "ändrat" };

type Paint = ReturnType<typeof painter>;
interface Cell {
  readonly text: string;
  readonly paint?: (text: string) => string;
  readonly right?: boolean;
}

/**
 * `remiss lista` as a table for a person: one line per case, late ones
 * marked "försenad" and those due within SOON_DAYS "snart" (in red and
 * yellow on a terminal), titles shortened; below it what needs doing
 * (drafts edited by hand, files that could not be read) and a summary.
 */
export function formatTable(cases: readonly ListedCase[], per: string, color: boolean): string {
  if (cases.length === 0) return "Inga ärenden att lista.\n";
  const paint = painter(color);
  const withLimit = cases.some((c) => c.row.beredas_senast !== undefined);
  const headings = ["Svar senast", "Dagar kvar", "Remittentens dnr", "Dnr", "Remittent", "Titel", "Utkast", "Platshållare", "Fel", ...(withLimit ? ["Beredas senast"] : []), "Fil"];
  const rows = cases.map((c) => cells(c, per, paint, withLimit));
  const widths = headings.map((heading, column) => Math.max(length(heading), ...rows.map((row) => length(row[column]!.text))));
  const right = rows[0]!.map((cell) => cell.right === true);
  const render = (row: readonly Cell[]) =>
    row
      .map((cell, column) => {
        const padding = " ".repeat(widths[column]! - length(cell.text));
        const text = cell.paint ? cell.paint(cell.text) : cell.text;
        return right[column] ? padding + text : column === row.length - 1 ? text : text + padding;
      })
      .join("  ")
      .trimEnd();
  const lines = [render(headings.map((text) => ({ text, paint: paint.dim }))), ...rows.map(render)];
  return `${lines.join("\n")}\n${notes(cases, per)}`;
}

function cells(listed: ListedCase, per: string, paint: Paint, withLimit: boolean): Cell[] {
  const { row } = listed;
  const days = row.dagar_kvar;
  const late = days !== undefined && days < 0;
  const soon = days !== undefined && !late && days <= SOON_DAYS;
  const limit = row.beredas_senast;
  const limitDays = limit === undefined ? undefined : daysLeft(limit, per);
  return [
    { text: row.svar_senast ?? "–" },
    { text: days === undefined ? "–" : `${days}${late ? " försenad" : soon ? " snart" : ""}`, right: true, ...(late ? { paint: paint.boldRed } : soon ? { paint: paint.yellow } : {}) },
    { text: field(row.remiss_dnr) },
    { text: field(row.dnr) },
    { text: field(row.remittent) },
    { text: listed.problem ? "(kunde inte läsas)" : shorten(field(row.titel), TITLE_WIDTH) },
    { text: DRAFT_WORDS[row.utkast], paint: row.utkast === "aktuellt" ? paint.green : row.utkast === "andrat" ? paint.red : paint.yellow },
    { text: row.platshallare === undefined ? "–" : String(row.platshallare), right: true, ...(row.platshallare ? { paint: paint.yellow } : {}) },
    { text: String(row.fel), right: true, ...(row.fel > 0 ? { paint: paint.red } : {}) },
    ...(withLimit
      ? [
          limit === undefined || limitDays === undefined
            ? { text: "–" }
            : {
                text: `${limit}${limitDays < 0 ? " försenad" : limitDays <= LIMIT_SOON_DAYS ? " snart" : ""}`,
                ...(limitDays < 0 ? { paint: paint.boldRed } : limitDays <= LIMIT_SOON_DAYS ? { paint: paint.yellow } : {}),
              },
        ]
      : []),
    { text: printable(row.fil) },
  ];
}

/** What the table says below the rows: each thing to do, then how many cases are late or due soon. */
function notes(cases: readonly ListedCase[], per: string): string {
  const out: string[] = [];
  for (const listed of cases) {
    if (listed.problem) out.push(`${listed.row.fil}: ${listed.problem}`);
    for (const draft of listed.edited) out.push(`${draft} har ändrats för hand: ta in ändringarna med remiss import ${draft}.`);
  }
  const late = cases.filter((c) => c.row.forsenad).length;
  const soon = cases.filter((c) => c.row.dagar_kvar !== undefined && c.row.dagar_kvar >= 0 && c.row.dagar_kvar <= SOON_DAYS).length;
  const limits = cases.filter((c) => c.row.beredas_senast !== undefined && daysLeft(c.row.beredas_senast, per) <= LIMIT_SOON_DAYS).length;
  const parts = [
    cases.length === 1 ? "1 ärende" : `${cases.length} ärenden`,
    ...(late > 0 ? [late === 1 ? "1 försenat" : `${late} försenade`] : []),
    ...(soon > 0 ? [`${soon} med svar inom ${SOON_DAYS} dagar`] : []),
    ...(limits > 0 ? [`${limits} nära eller förbi ettårsgränsen för beredning`] : []),
  ];
  const summary = `${parts[0]} per ${per}${parts.length > 1 ? `: ${parts.slice(1).join(", ")}` : ""}.`;
  return `${[...(out.length > 0 ? ["", ...out] : []), "", summary].map((line) => printable(line)).join("\n")}\n`;
}

function field(value: string | undefined): string {
  return value === undefined ? "–" : printable(value);
}

/** At most `width` characters: a longer text ends in an ellipsis. */
export function shorten(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join("").trimEnd()}…`;
}

function length(text: string): number {
  return [...text].length;
}
