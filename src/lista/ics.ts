import { createHash } from "node:crypto";
import { basicDate, nextDay } from "./dates.js";
import type { ListRow } from "./row.js";
import { DRAFT_WORDS } from "./table.js";

/**
 * `remiss lista --format ics`: an iCalendar file (RFC 5545) that a
 * calendar can subscribe to: one all-day event on each case's reply date,
 * and one on the day a motion or medborgarförslag is to be berett. The
 * file is the same, byte for byte, for the same cases and the same --per:
 * each event's UID comes from the case's file and what the event is
 * about, and DTSTAMP is the start of the --per day (UTC).
 */

const PRODID = "-//remiss//remiss lista//SV";

export function formatIcs(rows: readonly ListRow[], per: string): string {
  const stamp = `${basicDate(per)}T000000Z`;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Remisser"];
  for (const row of rows) {
    const name = `${row.titel ?? row.fil}${row.remiss_dnr ? ` (${row.remiss_dnr})` : ""}`;
    if (row.svar_senast) {
      lines.push(
        ...event({
          uid: uid(row.fil, "svar"),
          stamp,
          day: row.svar_senast,
          summary: `Svar: ${name}`,
          description: [`Sista dag för svar på remissen${row.remittent ? ` från ${row.remittent}` : ""}.`, `Fil: ${row.fil}`, `Utkast: ${DRAFT_WORDS[row.utkast]}`, ...counts(row)].join("\n"),
        }),
      );
    }
    if (row.beredas_senast) {
      lines.push(
        ...event({
          uid: uid(row.fil, "beredas"),
          stamp,
          day: row.beredas_senast,
          summary: `Beredas senast: ${name}`,
          description: [
            `Ettårsgränsen för beredningen (kommunallagen 5 kap. 35 §), räknad från ${row.datum}.`,
            `Fil: ${row.fil}`,
            `Utkast: ${DRAFT_WORDS[row.utkast]}`,
          ].join("\n"),
        }),
      );
    }
  }
  lines.push("END:VCALENDAR");
  return lines.map((line) => `${foldLine(line)}\r\n`).join("");
}

function counts(row: ListRow): string[] {
  return [...(row.platshallare ? [`Platshållare kvar: ${row.platshallare}`] : []), ...(row.fel ? [`Fel: ${row.fel}`] : [])];
}

function event(e: { uid: string; stamp: string; day: string; summary: string; description: string }): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${e.stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(e.day)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(e.day))}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** The same for the same case and kind of event, run after run: the file's path and the kind, hashed. */
export function uid(file: string, kind: string): string {
  return `${createHash("sha256").update(`${file}\0${kind}`).digest("hex").slice(0, 32)}@remiss`;
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line break as \n, other control characters left out. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/gu, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/gu, "")
    .replace(/[\\;,]/gu, (c) => `\\${c}`)
    .replaceAll("\n", "\\n");
}

/**
 * A content line folded as RFC 5545 3.1 asks: no line longer than 75
 * octets, each continuation begun with a space; a fold never splits a
 * UTF-8 character (nor a surrogate pair).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // The first line holds 75 octets; each later one a space and 74.
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}
