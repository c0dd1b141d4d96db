import { isCalendarDate } from "../model/schema.js";
import { MONTH_NAMES } from "../view/dates.js";
import type { SourceText } from "./source.js";
import { blocksOf, joinLines, type Found } from "./text.js";

/** What a remittent's letter says; a field is present only when the letter's own words give it. */
export interface RemissbrevFound {
  readonly fran?: Found<string>;
  readonly dnr?: Found<string>;
  /** ISO date. */
  readonly svarSenast?: Found<string>;
  readonly avenTill?: Found<readonly string[]>;
}

/** A body that sends remisser: the letter's first such line, or "Remiss från …". */
const ORGAN = /^(Kommunstyrelsen|Kommunfullmäktige|Regionstyrelsen|Regionfullmäktige|Stadsledningskontoret|Kommunledningskontoret|\p{Lu}[\p{L}-]*(?:nämnden|styrelsen))$/u;
const DNR_NUMBER = String.raw`\p{Lu}{1,6}[ /-]?\d{4}[/:-]\d{1,6}(?:[.:-]\d{1,4})*`;
/** "Dnr KS 2025/804", "Remiss från Kommunstyrelsen, KS 2025/804", or the number alone on its line ("KSKF/2015:396"). */
const DNR = new RegExp(String.raw`\b(?:Dnr|Diarienummer|Vårt dnr|Vår beteckning)\.?\s*:?\s*(${DNR_NUMBER})|^Remiss från [^,]+,\s*(${DNR_NUMBER})|^(${DNR_NUMBER})$`, "iu");
const DUE_CONTEXT = /svar|yttrande|synpunkter|besvara|inkomm|lämna/iu;
const DUE_WORDS = new RegExp(String.raw`senast\s+(?:den\s+)?(?:\p{Ll}+dag(?:en)?\s+(?:den\s+)?)?(\d{1,2})\s+(${MONTH_NAMES.join("|")})\s+(\d{4})`, "iu");
const DUE_ISO = /senast\s+(?:den\s+)?(\d{4})-(\d{2})-(\d{2})/iu;
const LIST_HEADING = /^(Remissinstanser|Sändlista|Remissen (?:skickas|sänds|har skickats|har sänts|går) (?:också |även )?till|Remissen skickas för yttrande till)\b[^:]*:?\s*(.*)$/iu;

/**
 * Reads a remittent's letter: who sends it, its diarienummer, the last day
 * for an answer and the other remissinstanser, without `ownNamnd` (the
 * writer's own nämnd).
 */
export function extractRemissbrev(source: SourceText, ownNamnd?: string): RemissbrevFound {
  const lines = source.lines;
  let fran: Found<string> | undefined;
  let dnr: Found<string> | undefined;
  let svarSenast: Found<string> | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    const from = /^(?:Remiss från|Från|Avsändare)\s*:?\s+([^,]+?)\.?(?:,.*)?$/u.exec(text)?.[1] ?? (ORGAN.test(text) ? text : undefined);
    if (!fran && from && ORGAN.test(from)) fran = { value: from, from: line };
    const match = DNR.exec(text);
    const number = match?.[1] ?? match?.[2] ?? match?.[3];
    if (!dnr && number && !/\bErt dnr\b/iu.test(text)) dnr = { value: number.replace(/\s+/gu, " "), from: line };
  }
  for (const block of blocksOf(lines)) {
    if (svarSenast || !DUE_CONTEXT.test(block.text)) continue;
    const words = DUE_WORDS.exec(block.text);
    const iso = DUE_ISO.exec(block.text);
    const date = words ? isoDate(Number(words[3]), MONTH_NAMES.indexOf(words[2]!.toLowerCase() as (typeof MONTH_NAMES)[number]) + 1, Number(words[1])) : iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
    if (date) svarSenast = { value: date, from: block.lines.find((l) => /senast/iu.test(l.text)) ?? block.lines[0]! };
  }
  const avenTill = findRecipients(source, ownNamnd);
  return { ...(fran ? { fran } : {}), ...(dnr ? { dnr } : {}), ...(svarSenast ? { svarSenast } : {}), ...(avenTill ? { avenTill } : {}) };
}

/** "… har även remitterats till A och B samt C.": the other remissinstanser in a sentence. */
const ALSO_SENT = /\bhar (?:även|också) (?:remitterats|skickats|sänts) till (.+?)\.?$/u;
/** A name that ends like a body's (so that "A och B" are two bodies, but "Farsta och Hässelby-Vällingby stadsdelsnämnder" one). */
const BODY_END = /(nämnd|nämnden|nämnder|kontoret|kontor|styrelsen|förvaltningen|förvaltning|rådet|råd|förbund|förbundet|bolag|bolaget|AB|länsstyrelsen|region|regionen|kommun)$/u;

/** Items of a list written as a sentence: split at commas, "samt", and "och" between two bodies. */
function splitList(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+samt\s+/u)
    .flatMap((part) => {
      const pieces = part.split(/\s+och\s+/u);
      const out: string[] = [];
      for (const piece of pieces) {
        if (out.length > 0 && !BODY_END.test(out.at(-1)!)) out[out.length - 1] = `${out.at(-1)!} och ${piece}`;
        else out.push(piece);
      }
      return out;
    });
}

/** The list after "Remissinstanser:" (on the same line, or one per line until an empty line), or in "har även remitterats till …", without the writer's own nämnd. */
function findRecipients(source: SourceText, ownNamnd: string | undefined): Found<readonly string[]> | undefined {
  const lines = source.lines;
  const own = (item: string) => ownNamnd !== undefined && item.toLowerCase() === ownNamnd.toLowerCase();
  for (const block of blocksOf(lines)) {
    const sentence = block.text.split(/(?<=\.)\s+/u).map((s) => ALSO_SENT.exec(s)).find(Boolean);
    if (!sentence) continue;
    const items = splitList(sentence[1]!).filter((item) => item !== "" && !own(item));
    if (items.length > 0) return { value: items, from: block.lines.find((l) => /remitterats|skickats|sänts/u.test(l.text)) ?? block.lines[0]! };
  }
  for (let i = 0; i < lines.length; i++) {
    const heading = LIST_HEADING.exec(lines[i]!.text.trim());
    if (!heading) continue;
    const parts: string[] = heading[2] ? [heading[2]] : [];
    for (let j = i + 1; j < lines.length && lines[j]!.text.trim() !== ""; j++) parts.push(lines[j]!.text.trim());
    const items = (parts.length === 1 || parts.some((p) => /,/u.test(p)) ? splitList(joinLines(parts)) : parts)
      .map((item) => item.replace(/^[-–•*]\s*/u, "").replace(/[.;]$/u, "").trim())
      .filter((item) => item !== "" && !own(item));
    if (items.length > 0) return { value: items, from: lines[i]! };
  }
  return undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : undefined;
}
