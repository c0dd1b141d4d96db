import { isCalendarDate } from "../model/schema.js";
import { MONTH_NAMES } from "../view/dates.js";
import type { SourceText } from "./source.js";
import type { Found } from "./text.js";

/** A date, ISO or in words, at the end of a line: "2024-03-19", "den 31 augusti 2015". */
const DATE_AT_END = new RegExp(String.raw`(?:^|\s)(?:den\s+)?(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s+(${MONTH_NAMES.join("|")})\s+(\d{4}))$`, "iu");
/** The lines a document is dated on are short: a place and a date, "För … den …", the date alone. */
const DATE_LINE_MAX = 80;

/**
 * The day the document is dated, from its own words: the first short line
 * that ends with a date and is no sentence ("Ulricehamn 2024-03-19", "För
 * den Socialdemokratiska gruppen den 31 augusti 2015"). A date inside the
 * text ("Vid mötet den 17 november 2014 beslutades …") is not the
 * document's, and is not taken.
 */
export function findDocumentDate(source: SourceText): Found<string> | undefined {
  for (const line of source.lines) {
    const text = line.text.trim().replace(/[.,]$/u, "");
    if (text.length > DATE_LINE_MAX || text.length === 0) continue;
    const match = DATE_AT_END.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index).trim();
    // A place, a name or "För …": no verb-heavy sentence before the date.
    if (before.split(/\s+/u).length > 8) continue;
    const [year, month, day] = match[1]
      ? [Number(match[1]), Number(match[2]), Number(match[3])]
      : [Number(match[6]), MONTH_NAMES.indexOf(match[5]!.toLowerCase() as (typeof MONTH_NAMES)[number]) + 1, Number(match[4])];
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (isCalendarDate(iso)) return { value: iso, from: line };
  }
  return undefined;
}
