import { isCalendarDate } from "../model/schema.js";
import { MONTH_NAMES } from "../view/dates.js";
import type { SourceBlock, SourceLine, SourceText } from "./source.js";
import { blocksOf, joinLines, type Found } from "./text.js";

/** What a remittent's letter says; a field is present only when the letter's own words give it (or, `uncertain`, as a candidate for the comment). */
export interface RemissbrevFound {
  readonly fran?: Found<string>;
  readonly dnr?: Found<string>;
  /** ISO date. */
  readonly svarSenast?: Found<string>;
  readonly avenTill?: Found<readonly string[]>;
}

/** A body that sends (or receives) remisser, as a line of its own or after "Från". */
const ORGAN_NAME = String.raw`(?:Kommunstyrelsen|Kommunfullmäktige|Regionstyrelsen|Regionfullmäktige|Stadsledningskontoret|Kommunledningskontoret|Regionledningskontoret|Länsstyrelsen(?:\s+i\s+\p{Lu}[\p{L}-]+(?:\s+län)?)?|\p{Lu}[\p{L}-]*(?:nämnden|styrelsen|kontoret|förvaltningen)|\p{Lu}\p{L}*-\s+(?:och|eller)\s+\p{Ll}[\p{L}-]*(?:nämnden|styrelsen|förvaltningen)|\p{Lu}[\p{L}-]*(?:verket|myndigheten|inspektionen|ämbetet|revisionen)|\p{Lu}[\p{L}-]*s\s+\p{Ll}*(?:nämnd|styrelse|förvaltning)|\p{Lu}[\p{L}-]*\s+(?:kommun|region)(?:styrelse|stadsdelsnämnd)?|Region(?:\s+\p{Lu}[\p{L}-]+){1,3}|\p{Lu}[\p{L}-]*departementet)`;
const ORGAN = new RegExp(`^${ORGAN_NAME}$`, "u");
/** "Remiss från Kommunstyrelsen", "Från: Socialnämnden", "Avsändare Kommunstyrelsen". */
const FROM = new RegExp(String.raw`^(?:Remiss från|Från|Avsändare)\s*:?\s+(${ORGAN_NAME})\b`, "iu");
/** A body in running text, written in lower case: "samhällsbyggnadsförvaltningen", "stadsledningskontoret". */
const BODY_LOWER = String.raw`\p{Ll}[\p{L}-]*(?:nämnden|förvaltningen|kontoret|styrelsen|revisionen)`;
/** "2 Svar på remiss från stadsledningskontoret av Stockholms miljöprogram": the writer's answer names the sender. */
const ANSWER_FROM = new RegExp(String.raw`^(?:\d+\s+)?(?:Svar på|Yttrande över)\s+remiss\s+från\s+(${ORGAN_NAME}|${BODY_LOWER})(?!\p{L})`, "u");
/** "… har Finansdepartementet berett Stockholms läns landsting tillfälle att avge yttrande", "önskar Länsstyrelsen skriftligt svar", "… Stadsrevisionen, för yttrande senast …". */
const SENDS_INVERTED = new RegExp(String.raw`\b(?:har\s+(${ORGAN_NAME})\s+berett\s|(?:önskar|vill)\s+(${ORGAN_NAME})\s+(?:\p{Ll}+\s+)?(?:svar|synpunkter|yttranden?)\b|(${ORGAN_NAME}),\s+för\s+yttrande\b)`, "u");
/** "Kommunstyrelsen har remitterat …", "Socialnämnden översänder …": the sender as the sentence's subject. */
const SENDS = new RegExp(String.raw`^(?:Beslut\s*:\s*)?(${ORGAN_NAME})\s+(?:har\s+(?:remitterat|beslutat att remittera|skickat|översänt)|beslutade\s+att\s+remittera|beslutar\s+(?:att\s+)?(?:remittera|ställa\s+ut|skicka\s+ut|sända\s+ut)|remitterar|remitterade|översänder|skickar|samråder|bjuder in|vill ha)\b|^(${ORGAN_NAME})\s+(?:har\s+[^.]{0,200}?\s+och\s+)?(?:önskar|vill ha|ber om|begär)\s+(?:[^.]{0,40}?\s+)?(?:få\s+in\s+)?(?:synpunkter|yttranden?|remissvar)\b`, "u");
/**
 * The body the answers go to is the sender: "skicka ett yttrande till Region Halland",
 * "vara inkomna till Region Halland senast den 15 augusti 2020", "Sala kommun har beretts
 * tillfälle att till Finansdepartementet yttra sig".
 */
const ANSWER_TO = new RegExp(
  String.raw`\b(?:(?:[Ss]kicka|[Ss]kickas|[Ss]ända|[Ss]änds|[Ll]ämna|[Ll]ämnas|inkomma|inkomna|inkommit|insändas)\s+(?:in\s+)?(?:ett\s+|sitt\s+|ert\s+|era\s+|ditt\s+|dina\s+|er\s+|sina\s+|dessa\s+|dem\s+)?(?:yttrande|yttranden|remissvar|svar|synpunkter)?\s*(?:skriftligen\s+|skriftligt\s+|digitalt\s+)?till|yttra\s+sig\s+till|att\s+till)\s+(${ORGAN_NAME}|${BODY_LOWER})(?=\s*[.,;]|\s+(?:senast|yttra|per|via|i\s+form)\b|\s*$)`,
  "u",
);
/** "Eventuella synpunkter ska vara KSRR tillhanda senast …", "Remissvar ska vara Region Västernorrland till handa": the body the answers go to, an acronym too. */
const TILLHANDA = new RegExp(String.raw`\bska\s+vara\s+(${ORGAN_NAME}|\p{Lu}{2,8})\s+(?:tillhanda|till\s+handa)\b`, "u");
/** "… lämnas senast 15 september till: regionalutveckling@regionjh.se eller Region Jämtland Härjedalen, Box 654": the body in the postal address the answers go to. */
const POSTAL_TO = new RegExp(String.raw`\btill:?\s+(?:\S+@\S+\s+eller\s+)?(${ORGAN_NAME})\s*,\s*(?:Box\s+\d|\d{3}\s?\d{2}\s)`, "u");
/** A protocol's list of where the decision goes: "Remissvar till" and the sender on the next line, or "Remissvar till Trafikverket". */
const ANSWER_LIST = new RegExp(String.raw`^(?:Remissvar|Yttrande|Svaret)\s+(?:skickas\s+)?till:?\s*(${ORGAN_NAME})?$`, "u");
/** A protocol's head: the body that met ("Kommunfullmäktige", "Regionfullmäktige 12 april 2022") above "Sammanträde …" or with the day of the meeting. */
const MEETING = /^(?:Sammanträde(?:sdatum)?|Sammanträdesdag|Datum för sammanträdet)\b|^(?:\p{Lu}\p{Ll}+dag(?:en)? (?:den )?)?(?:\d{4}-\d{2}-\d{2}|\d{1,2} \p{Ll}+ \d{4})$/iu;
/** A protocol's decision that sends the matter on: "Ärendet överlämnas till kommunstyrelsen för beredning", "Beslut: Motionerna remitteras till regionstyrelsen". */
const PASSES_ON = /(?<!\p{L})(?:(?:överlämnas|remitteras|lämnas över|skickas|hänskjuts)\s+(?:\p{L}+\s+){0,2}?till\b|skicka\s+ut\s+(?:\p{L}+\s+){0,3}?på\s+remiss\b)/u;
/** The writer's own answer ("Svar på remiss reboot …", "Yttrande över remiss …"): its letterhead is the writer's. */
const OWN_ANSWER = /\b(?:Svar|Yttrande)\s+(?:på|över)\s+remiss\b/u;
/** The writer's own paper (a tjänsteskrivelse answering the remiss): its letterhead and signature are the writer's, not the sender's. */
const OWN_PAPER = /^(?:tjänsteskrivelse|tjänsteutlåtande)$/iu;
/** "Det har kultur och fritidsnämnden beslutat." after the sentence that sends the remiss: the body that decided, written in lower case too. */
const DECIDED = new RegExp(String.raw`(?:^|[.!]\s+)Det har (${ORGAN_NAME}|(?:\p{Ll}[\p{L}-]*\s+och\s+)?\p{Ll}[\p{L}-]*(?:nämnden|styrelsen|fullmäktige)) beslutat\.`, "u");
/** The addressee: "Till: Socialnämnden", "Mottagare". */
const TO = /^(?:Till|Mottagare|Adressat)\b/iu;

/** Diarienummer as kommuner, regioner, länsstyrelser and departement write them: "KS 2025/804", "KSKF/2015:396", "KSF-2016-204", "123-4567/2008", "2019/0042", "2019:42", "RUN/591/2017", "RS 01149-2016", "501-1905-2022", "2006-152-307", "S2014/4386/FS", "2016/0166 KS-2". */
const DNR_NUMBER = String.raw`(?:\d{2}\p{Lu}{1,4}\d{3,6}|\d{3}-\d{2,6}-\d{2,4}|\d{4}-\d{2,4}-\d{2,4}|\p{Lu}\p{Ll}?\d{4}\/\d{1,6}\/\p{Lu}{1,4}|\d{4}\/\d{2,6} \p{Lu}{1,4}-\d{1,3}|\p{Lu}{2,6}\/\d{1,6}\/\d{4}|\p{Lu}{1,6} \d{3,6}-\d{4}|\d{4}\/\p{Lu}{1,6} \d{1,6}(?: \d{1,4})?|\p{Lu}{1,6}(?:[ /-]\p{Lu}{1,6})?[ /-]?\d{4}[/:-]\d{1,6}(?:[.:/-]\d{1,6})*|\d{1,4}-\d{1,6}\/\d{4}|\d{4}[/:]\d{1,6}(?:[.:-]\d{1,4})*|\d{4}-\d{1,6})`;
/** A label before a Dnr (never "Ert dnr", the addressee's own). */
const DNR_LABEL = String.raw`(?:Dnr|Diarienr|Diarienummer|Diarie-?nummer|Vårt dnr|Vår beteckning|Vår referens|Ärendenummer|Ärendenr|Dokumentnummer|Beteckning)`;
const DNR_LABELLED = new RegExp(String.raw`(?<!\bErt\s)(?<!\bEr\s)\b${DNR_LABEL}\.?\s*:?\s*(${DNR_NUMBER})\b(?!-\d)`, "iu");
const DNR_LABEL_ALONE = new RegExp(String.raw`^${DNR_LABEL}\.?\s*:?$`, "iu");
/** A protocol's paragraph and its Dnr: "§ 131 2012/575". */
const DNR_AFTER_PARAGRAPH = new RegExp(String.raw`^§\s*\d+\s+(${DNR_NUMBER})$`, "u");
const DNR_IN_FROM = new RegExp(String.raw`^Remiss från [^,]+,\s*(?:dnr\.?:?\s*)?(${DNR_NUMBER})`, "iu");
/** A number alone on its line (or in a header's cell): only a form no date takes, with letters or a slash. */
const DNR_ALONE = new RegExp(String.raw`^(\p{Lu}\p{Ll}?\d{4}\/\d{1,6}\/\p{Lu}{1,4}|\p{Lu}{1,6}(?:[ /-]\p{Lu}{1,6})?[ /-]?\d{4}[/:-]\d{1,6}(?:[.:/-]\d{1,6})*(?: \d{1,3})?|\d{1,4}-\d{1,6}\/\d{4})$`, "u");

const DUE_CONTEXT = /svar|yttrande|synpunkter|besvara|inkomm|lämna|remisstid|tillhanda|ställa?s? ut|samråd|granskning/iu;
const DATE_WORDS = String.raw`(\d{1,2})\s+(${MONTH_NAMES.join("|")})\s+(\d{4})`;
/** What stands before the last day: "senast", "till och med", "fram till", "går ut", the end of a period ("från och med … till", "mellan den 12 juni och", "från den 16 april–"). */
const DUE_LEAD = String.raw`(?:senast|till och med|fram till|går ut|löper ut|t\.\s?o\.\s?m\.?|(?:från och med|fr\.\s?o\.\s?m\.?)\s[^.]{0,60}?\s+till|mellan\s+(?:den\s+)?\d{1,2}(?:\s+\p{Ll}+)?\s+och|från\s+(?:den\s+)?\d{1,2}(?:\s+\p{Ll}+)?\s*[–-])`;
const DUE_WORDS = new RegExp(String.raw`${DUE_LEAD}\s*:?\s*(?:den\s+)?(?:\p{Ll}+dag(?:en)?\s+(?:den\s+)?)?${DATE_WORDS}`, "iu");
const DUE_ISO = new RegExp(String.raw`${DUE_LEAD}\s*:?\s*(?:den\s+)?(\d{4})-(\d{2})-(\d{2})`, "iu");
/** "… går ut sista mars 2012": the month's last day. */
const DUE_END_OF_MONTH = new RegExp(String.raw`(?:senast|går ut|löper ut)\s+(?:den\s+)?sista\s+(${MONTH_NAMES.join("|")})\s+(\d{4})`, "iu");
/** A label whose line ends with the last day: "Remisstid: 1 september – 7 oktober 2025", "Sista svarsdag 2025-10-07", "Svarsdatum". */
const DUE_LABEL = /^(?:Remisstid|Remissperiod|Sista (?:svars)?dag(?: för (?:svar|yttrande))?|Svarsdatum|Svar senast)\b/iu;
const ANY_DATE = new RegExp(String.raw`${DATE_WORDS}|(\d{4})-(\d{2})-(\d{2})`, "giu");
const LIST_HEADING = /^(Remissinstanser(?:na)?|Sändlista|Remissen (?:skickas|sänds|har skickats|har sänts|går) (?:också |även )?till|Remissen skickas för yttrande till|Remissinstanser som (?:fått|får) remissen)\b[^:]*:?\s*(.*)$/iu;

/**
 * Reads a remittent's letter: who sends it (the letterhead, the
 * signature, "Från", "Kommunstyrelsen har remitterat …"; never its
 * addressee), its diarienummer (in the header too), the last day for an
 * answer and the other remissinstanser, without `ownNamnd` (the writer's
 * own nämnd) and the sender. A sender told only by a name standing alone
 * is a candidate, `uncertain`.
 */
export function extractRemissbrev(source: SourceText, ownNamnd?: string): RemissbrevFound {
  const fran = findSender(source, ownNamnd);
  const dnr = findDnr(source);
  const svarSenast = findDue(source);
  const avenTill = findRecipients(source, ownNamnd, fran && !fran.uncertain ? fran.value : undefined);
  return { ...(fran ? { fran } : {}), ...(dnr ? { dnr } : {}), ...(svarSenast ? { svarSenast } : {}), ...(avenTill ? { avenTill } : {}) };
}

const same = (a: string, b: string | undefined) => b !== undefined && normalName(a) === normalName(b);

/** A body's name compared as a name: case, the definite ending and a genitive s aside ("Socialnämnden" is "socialnämnd"). */
function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .replace(/(nämnd|styrelse|förvaltning|kontor)(en|et)\b/gu, "$1")
    .replace(/s (?=\p{Ll}*(?:nämnd|styrelse|förvaltning)\b)/gu, " ")
    .trim();
}

/** A name as the letter writes it, in capitals on a letterhead ("KOMMUNLEDNINGSKONTORET") made a name again. */
function organOf(text: string): string | undefined {
  // A letterhead line's first part, before a wide gap ("Kommunstyrelsen\tDatum 2025-09-01").
  const t = text.split("\t")[0]!.trim().replace(/[.,:]$/u, "");
  const cased = t === t.toUpperCase() && /\p{Lu}{4}/u.test(t) ? t.charAt(0) + t.slice(1).toLowerCase() : t;
  return ORGAN.test(cased) ? cased : undefined;
}

function findSender(source: SourceText, ownNamnd: string | undefined): Found<string> | undefined {
  const body = source.blocks;
  const header = source.furniture.filter((b) => b.lines.some((l) => l.place !== "sidfoten"));
  // Said in words: "Remiss från …", "Från: …", "… har remitterat".
  for (const block of [...header, ...body]) {
    for (const line of block.lines) {
      const from = FROM.exec(line.text.trim());
      if (from) return { value: from[1]!, from: line };
    }
    const sends = SENDS.exec(block.text);
    if (sends) return { value: (sends[1] ?? sends[2])!, from: block.lines[0]! };
    const answer = ANSWER_FROM.exec(block.text) ?? SENDS_INVERTED.exec(block.text);
    if (answer) {
      const value = answer.slice(1).find((g) => g !== undefined)!;
      if (!same(value, ownNamnd)) return { value, from: block.lines.find((l) => l.text.includes(value.split(/\s/u)[0]!)) ?? block.lines[0]! };
    }
  }
  // "Remiss" on a line of its own over the sender's: "Remiss" / "Socialdepartementet".
  const lines = body.flatMap((b) => b.lines);
  for (let i = 0; i + 1 < Math.min(lines.length, 12); i++) {
    const organ = /^Remiss$/iu.test(lines[i]!.text.trim()) ? organOf(lines[i + 1]!.text) : undefined;
    if (organ && !same(organ, ownNamnd)) return { value: organ, from: lines[i + 1]! };
  }
  // A protocol: the body that met and decided to send the matter on.
  const meeting = meetingOrgan(body);
  if (meeting && !same(meeting.value, ownNamnd) && body.some((b) => PASSES_ON.test(b.text))) return meeting;
  // The body that decided to send it, said after the remiss ("… skickas ut på remiss till … Det har kultur och fritidsnämnden beslutat.").
  const sentRemiss = body.findIndex((b) => /\bpå remiss\b|\bremitter/u.test(b.text));
  for (const block of sentRemiss === -1 ? [] : body.slice(sentRemiss, sentRemiss + 3)) {
    const decided = DECIDED.exec(block.text);
    if (decided && !same(decided[1]!, ownNamnd)) return { value: decided[1]!, from: block.lines[0]! };
  }
  // Where the answers go.
  for (const block of body) {
    const to = ANSWER_TO.exec(block.text) ?? TILLHANDA.exec(block.text) ?? POSTAL_TO.exec(block.text);
    if (to && !same(to[1]!, ownNamnd)) return { value: to[1]!, from: block.lines.find((l) => l.text.includes(to[1]!.split(/\s/u)[0]!)) ?? block.lines[0]! };
  }
  // A protocol's list of where the decision goes: "Remissvar till" / "Trafikverket".
  for (let i = 0; i < lines.length; i++) {
    const list = ANSWER_LIST.exec(lines[i]!.text.trim());
    if (!list) continue;
    const organ = list[1] ?? (lines[i + 1] ? organOf(lines[i + 1]!.text) : undefined);
    if (organ && !same(organ, ownNamnd)) return { value: organ, from: list[1] ? lines[i]! : lines[i + 1]! };
  }
  // The writer's own tjänsteskrivelse: its letterhead and signature name the writer.
  if (source.lines.slice(0, 20).some((l) => OWN_PAPER.test(l.text.split("\t")[0]!.trim()) || OWN_ANSWER.test(l.text))) return undefined;
  // The letterhead: a header's name, or the first lines of the first page before anything else.
  for (const block of header) {
    for (const line of block.lines) {
      const organ = organOf(line.text);
      if (organ && !same(organ, ownNamnd)) return { value: organ, from: line };
    }
  }
  // The first lines of the first page: a letterhead when it is a sender's block (the body, its office, a handläggare) or stands in the top margin; a name alone there may be the addressee.
  let candidate: Found<string> | undefined;
  const first = body[0];
  if (first && !TO.test(first.text)) {
    const organ = organOf(first.lines[0]!.text);
    if (organ && !same(organ, ownNamnd)) {
      // (A sender's block names its office under the body; an address under a name is the addressee's as often as not.)
      const sendersBlock = first.lines.slice(1).some((l) => /(?:kontoret|förvaltningen|staben|avdelningen|enheten|kansliet|sekretariatet)$/iu.test(l.text.trim()));
      if (sendersBlock || (first.fromTop !== undefined && first.fromTop < 0.12)) return { value: organ, from: first.lines[0]! };
      candidate = { value: organ, from: first.lines[0]!, uncertain: true };
    }
  }
  // The signature: a body's name after "Med vänlig hälsning" or in the closing lines.
  const closing = body.findIndex((b) => /^(?:Med vänlig(?:a)? hälsning(?:ar)?|Vänliga hälsningar)\b/iu.test(b.text));
  for (const block of closing === -1 ? [] : body.slice(closing)) {
    for (const line of block.lines) {
      const organ = organOf(line.text);
      if (organ && !same(organ, ownNamnd)) return { value: organ, from: line };
    }
  }
  if (candidate) return candidate;
  // A name standing alone elsewhere may be the sender or the addressee: a candidate only.
  let afterTo = false;
  for (const block of body.slice(0, 8)) {
    if (TO.test(block.text)) {
      afterTo = true;
      continue;
    }
    if (LIST_HEADING.test(block.text)) break;
    for (const line of block.lines) {
      const organ = organOf(line.text);
      if (organ && !afterTo && !same(organ, ownNamnd)) return { value: organ, from: line, uncertain: true };
    }
    afterTo = false;
  }
  return undefined;
}

const ORGAN_AND_DAY = new RegExp(String.raw`^(${ORGAN_NAME})\s+(?:\d{1,2}\s+\p{Ll}+\s+\d{4}|\d{4}-\d{2}-\d{2})$`, "u");

/** The body that met, in a protocol's first lines: an organ's line above "Sammanträde …", or an organ and the day ("Regionfullmäktige 12 april 2022"). */
function meetingOrgan(body: readonly SourceBlock[]): Found<string> | undefined {
  const lines = body.slice(0, 6).flatMap((b) => b.lines);
  for (let i = 0; i < Math.min(lines.length, 8); i++) {
    const text = lines[i]!.text.split("\t")[0]!.trim();
    const dated = ORGAN_AND_DAY.exec(text);
    if (dated && !/\s(?:kommun|region)$/u.test(dated[1]!)) return { value: dated[1]!, from: lines[i]! };
    const organ = organOf(text);
    if (organ && !/\s(?:kommun)$/u.test(organ) && !organ.startsWith("Region ") && lines[i + 1] && MEETING.test(lines[i + 1]!.text.split("\t")[0]!.trim())) return { value: organ, from: lines[i]! };
  }
  return undefined;
}

/** The lines to look in for a Dnr: the header's first (a letter's Dnr often stands there), then the body's; a line's parts between wide gaps (a header's table) each by itself. */
function dnrLines(source: SourceText): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const block of [...source.furniture, ...source.blocks]) for (const line of block.lines) lines.push(line);
  return lines;
}

function findDnr(source: SourceText): Found<string> | undefined {
  const lines = dnrLines(source);
  const clean = (n: string) => n.replace(/\s+/gu, " ").trim();
  const isDate = (n: string) => /^\d{4}-\d{2}-\d{2}$/u.test(n) && isCalendarDate(n);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const part of line.text.split("\t")) {
      const text = part.trim();
      const number = DNR_IN_FROM.exec(text)?.[1] ?? DNR_LABELLED.exec(text)?.[1];
      if (number && !isDate(number)) return { value: clean(number), from: line };
    }
    // The label in one cell, the number in the next: "Dnr" / "KS 2025/804".
    const parts = line.text.split("\t").map((p) => p.trim());
    const label = parts.findIndex((p) => DNR_LABEL_ALONE.test(p));
    if (label !== -1) {
      const same = parts[label + 1];
      const below = lines[i + 1]?.text.split("\t").map((p) => p.trim());
      const candidate = same ?? (below?.length === parts.length ? below[label] : below?.[0]);
      if (candidate && new RegExp(`^${DNR_NUMBER}$`, "u").test(candidate) && !isDate(candidate)) return { value: clean(candidate), from: same ? line : lines[i + 1]! };
    }
  }
  for (const line of lines) {
    for (const part of line.text.split("\t")) {
      const alone = DNR_ALONE.exec(part.trim());
      if (alone && !isDate(alone[1]!)) return { value: clean(alone[1]!), from: line };
    }
  }
  // A protocol's paragraph and its Dnr: "§ 131 2012/575".
  for (const line of lines) {
    const paragraph = DNR_AFTER_PARAGRAPH.exec(line.text.replace(/\t/gu, " ").trim());
    if (paragraph && !isDate(paragraph[1]!)) return { value: clean(paragraph[1]!), from: line };
  }
  // A label and its number across a line break: "Ange diarienummer" / "KS/2023:310.".
  for (const block of source.blocks) {
    const number = DNR_LABELLED.exec(block.text)?.[1];
    if (number && !isDate(number)) return { value: clean(number), from: block.lines.find((l) => DNR_LABELLED.exec(l.text) || l.text.includes(number.split(/\s/u)[0]!)) ?? block.lines[0]! };
  }
  return undefined;
}

function findDue(source: SourceText): Found<string> | undefined {
  for (const block of blocksOf(source.lines)) {
    const labelLine = block.lines.find((l) => DUE_LABEL.test(l.text.trim()));
    if (labelLine) {
      // The last date of the label's line ("1 september – 7 oktober 2025"), or of its paragraph.
      const date = lastDate(labelLine.text) ?? lastDate(block.text);
      if (date) return { value: date, from: labelLine };
    }
    if (!DUE_CONTEXT.test(block.text)) continue;
    const words = DUE_WORDS.exec(block.text);
    const iso = DUE_ISO.exec(block.text);
    const endOfMonth = DUE_END_OF_MONTH.exec(block.text);
    const date = words ? isoDate(Number(words[3]), monthOf(words[2]!), Number(words[1])) : iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : endOfMonth ? isoDate(Number(endOfMonth[2]), monthOf(endOfMonth[1]!), new Date(Date.UTC(Number(endOfMonth[2]), monthOf(endOfMonth[1]!), 0)).getUTCDate()) : undefined;
    if (date) return { value: date, from: block.lines.find((l) => /senast/iu.test(l.text)) ?? block.lines[0]! };
  }
  return undefined;
}

function monthOf(name: string): number {
  return MONTH_NAMES.indexOf(name.toLowerCase() as (typeof MONTH_NAMES)[number]) + 1;
}

function lastDate(text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(ANY_DATE)) {
    const date = m[1] ? isoDate(Number(m[3]), monthOf(m[2]!), Number(m[1])) : isoDate(Number(m[4]), Number(m[5]), Number(m[6]));
    if (date) last = date;
  }
  return last;
}

/** "… har även remitterats till A och B samt C.", "Ärendet har remitterats till A, B och C", "… remittera motionen till A och B för yttrande": the remissinstanser in a sentence. */
/** "… är förslaget ute på remiss hos utsedda remissinstanser; A, B samt C." */
const OUT_TO = /\bute på remiss hos (?:utsedda |följande )?remissinstanser\s*[;:]\s*(.+?)\.?$/u;
const SENT_TO = /\b(?:har (?:även |också )?(?:remitterats|skickats|sänts)|remittera[st]?|remitterades|remitterar|har varit på remiss|skickas (?:även |också )?(?:ut )?på remiss)\s+(?:(?:[\p{L}\d]+\s+){0,4}?)till:?\s+(.+?)(?:\s+(?:för\s+(?:yttrande|beredning|synpunkter|kännedom|handläggning)|med begäran om)\b.*)?\.?$/u;
/** A name that ends like a body's (so that "A och B" are two bodies, but "Farsta och Hässelby-Vällingby stadsdelsnämnder" names two of one kind). */
const BODY_END = /(nämnd|nämnden|nämnder|kontoret|kontor|styrelsen|styrelser|förvaltningen|förvaltning|förvaltningar|rådet|råd|förbund|förbundet|bolag|bolaget|AB|länsstyrelsen|region|regionen|kommun|kommuner)$/u;
/** "Farsta och Hässelby-Vällingby stadsdelsnämnder", "Farsta, Skärholmen och Enskede stadsdelsnämnder": names of one kind written once, in the plural. */
const SHARED_KIND = /^((?:\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)(?:\s*,\s*\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)*\s+och\s+\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)\s+(\p{Ll}*)(nämnder|styrelser|förvaltningar)$/u;
const SINGULAR: Record<string, string> = { nämnder: "nämnd", styrelser: "styrelse", förvaltningar: "förvaltning" };

/** A list as a sentence writes it, with names of one kind written once in the plural expanded first. */
function expandShared(text: string): string {
  return text.replace(
    /((?:\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*\s*,\s*)*\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*\s+och\s+\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)\s+(\p{Ll}*)(nämnder|styrelser|förvaltningar)\b/gu,
    (match: string, names: string, prefix: string, plural: string) => {
      const parts = SHARED_KIND.exec(match) ? names.split(/\s*,\s*|\s+och\s+/u) : [names];
      return parts.map((name) => `${name} ${prefix}${SINGULAR[plural]!}`).join(", ");
    },
  );
}

/**
 * Items of a list written as a sentence: split at commas, "samt", and
 * "och" between two bodies, or before the last item of a comma list ("A,
 * B och C"); never in "Barn- och utbildningsnämnden".
 */
function splitList(text: string): string[] {
  const expanded = expandShared(text);
  const parts = expanded.split(/\s*,\s*|\s+samt\s+/u);
  return parts.flatMap((part, index) => {
    const pieces = part.split(/(?<!-)\s+och\s+/u);
    const out: string[] = [];
    for (const [k, piece] of pieces.entries()) {
      // The list's last "och" parts its last two items; an earlier one inside the last part only after a body's name ("Karlskoga Energi och Miljö AB och Länsstyrelsen i Örebro län").
      const lastOfList = parts.length > 1 && index === parts.length - 1 && k === pieces.length - 1;
      if (out.length > 0 && !BODY_END.test(out.at(-1)!) && !lastOfList) out[out.length - 1] = `${out.at(-1)!} och ${piece}`;
      else out.push(piece);
    }
    return out;
  });
}

/** An entry of a list in lines or paragraphs of their own: short, and no sentence. */
function isEntry(block: SourceBlock): boolean {
  return block.kind === "list-item" || (block.text.length <= 90 && !/[:]$/u.test(block.text) && !/\.\s+\p{Lu}/u.test(block.text) && !/\s(?:är|har|ska|skall|kan|får|vill)\s/u.test(block.text));
}

/**
 * The other remissinstanser: the list after "Remissinstanser" (on its line
 * as a comma list, or in lines, bullets or paragraphs of their own), or in
 * a sentence ("har även remitterats till …", "remittera motionen till A
 * och B för yttrande"); without the writer's own nämnd and the sender.
 */
function findRecipients(source: SourceText, ownNamnd: string | undefined, sender: string | undefined): Found<readonly string[]> | undefined {
  const keep = (item: string) => item !== "" && !same(item, ownNamnd) && !same(item, sender);
  const tidy = (item: string) => item.replace(/^[-–•*]\s*/u, "").replace(/[.;,]$/u, "").trim();
  const blocks = source.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const heading = LIST_HEADING.exec(blocks[i]!.lines[0]!.text.trim());
    if (!heading) continue;
    // Bullets under group headings ("Gävleborgs kommuner, länsstyrelse och högskola" / "• Bollnäs" …): the bullets, each an entry.
    const following = blocks.slice(i + 1, i + 80);
    const firstEnd = following.findIndex((b) => b.kind !== "list-item" && !(b.text.length <= 90 && !/[.!?]$/u.test(b.text) && !/:$/u.test(b.text)));
    const run = firstEnd === -1 ? following : following.slice(0, firstEnd);
    if (!heading[2] && run.some((b) => b.kind === "list-item") && run.some((b) => b.kind !== "list-item")) {
      const bullets = run.filter((b) => b.kind === "list-item").map((b) => tidy(b.text)).filter(keep);
      if (bullets.length > 0) return { value: bullets, from: blocks[i]!.lines[0]! };
    }
    const parts: string[] = heading[2] ? [heading[2]] : [];
    parts.push(...blocks[i]!.lines.slice(1).map((l) => l.text.trim()));
    for (let j = i + 1; j < blocks.length && parts.length < 60 && isEntry(blocks[j]!); j++) parts.push(...blocks[j]!.lines.map((l) => l.text.trim()));
    const items = (parts.length === 1 || parts.some((p) => /,/u.test(p)) ? splitList(joinLines(parts)) : parts.flatMap((p) => splitList(p))).map(tidy).filter(keep);
    if (items.length > 0) return { value: items, from: blocks[i]!.lines[0]! };
  }
  for (const block of blocksOf(source.lines)) {
    for (const sentence of block.text.split(/(?<=\.)\s+/u)) {
      const match = SENT_TO.exec(sentence) ?? OUT_TO.exec(sentence);
      if (!match) continue;
      const all = splitList(match[1]!).map(tidy);
      // One body alone, and not "även": the letter's own addressee ("remittera motionerna till regionstyrelsen för beredning").
      if (all.length === 1 && !/(?<!\p{L})(?:även|också)(?!\p{L})/u.test(sentence)) continue;
      const items = all.filter(keep);
      if (items.length > 0) return { value: items, from: block.lines.find((l) => /remitter|skickats|sänts|remiss/u.test(l.text)) ?? block.lines[0]! };
    }
  }
  return undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : undefined;
}
