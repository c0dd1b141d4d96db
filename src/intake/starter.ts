import { stringify } from "yaml";
import { formatLongDate } from "../view/dates.js";
import type { RemissbrevFound } from "./remissbrev.js";
import type { Author, RemissobjektFound } from "./remissobjekt.js";
import type { SourceText } from "./source.js";
import type { Found } from "./text.js";

/** What the remitted document and the letter gave, and which source each came from. */
export interface Intake {
  readonly objekt?: { readonly found: RemissobjektFound; readonly source: SourceText };
  readonly brev?: { readonly found: RemissbrevFound; readonly source: SourceText };
}

/** The line a writer is asked to rewrite the document's own text from; `check` finds it as a placeholder. */
export const REWRITE = "[Skriv om med förvaltningens ord. Nedan står dokumentets egen text.]";

/**
 * The starter case with the fields the documents give filled in, each with
 * a comment saying where it came from ("# ur motion.pdf, sida 1, rad 3").
 * Lines of the starter are replaced, so the rest of it (its comments, its
 * placeholders) stays as `init` writes it; values are quoted by the YAML
 * library. Returns the text and a Swedish summary of what was found and
 * what is left to fill in.
 */
export function fillStarter(starter: string, intake: Intake): { text: string; summary: string } {
  let text = starter;
  const found: string[] = [];
  const unsure: string[] = [];
  /** A candidate the document does not say for certain: the placeholder stays, the candidate goes in a comment under it. */
  const maybe = (source: SourceText, block: string, key: string, label: string, value: Found<unknown>, shown: string) => {
    text = addComment(text, block, key, `# kanske: ${shown} (${source.file}, ${source.where(value.from)})`);
    unsure.push(label);
  };
  const objekt = intake.objekt;
  if (objekt) {
    const { found: f, source } = objekt;
    const origin = (value: Found<unknown>) => originOf(source, value);
    if (f.typ) {
      text = setField(text, "remissobjekt", "typ", `typ: ${scalar(f.typ.value)}   # ${origin(f.typ)}`);
      found.push(`typ ${f.typ.value}`);
    }
    if (f.titel?.uncertain) maybe(source, "remissobjekt", "titel", "titel", f.titel, f.titel.value);
    else if (f.titel) {
      text = setField(text, "remissobjekt", "titel", `titel: ${scalar(f.titel.value)}   # ${origin(f.titel)}`);
      found.push("titel");
    }
    if (f.datum) {
      text = setField(text, "remissobjekt", "datum", `datum: ${f.datum.value}   # ${origin(f.datum)}`);
      found.push(`datum ${formatLongDate(f.datum.value)}`);
    }
    if (f.till) {
      text = addAfter(text, "remissobjekt", "titel", `till: ${scalar(f.till.value)}   # ${origin(f.till)}`);
      found.push(`till ${f.till.value}`);
    }
    if (f.forfattare?.uncertain) maybe(source, "remissobjekt", "forfattare", "författare", f.forfattare, f.forfattare.value.map((a) => [a.namn, a.parti].filter(Boolean).join(", ")).join("; "));
    else if (f.forfattare) {
      text = setField(text, "remissobjekt", "forfattare", `forfattare:   # ${origin(f.forfattare)}\n${authors(f.forfattare.value)}`);
      found.push(f.forfattare.value.length === 1 ? "1 författare" : `${f.forfattare.value.length} författare`);
    }
    if (f.yrkanden) {
      text = setField(text, "remissobjekt", "yrkanden", `yrkanden:   # ordagrant ${origin(f.yrkanden)}\n${f.yrkanden.value.map((y) => `    - ${scalar(y)}`).join("\n")}`);
      found.push(f.yrkanden.value.length === 1 ? "1 att-sats" : `${f.yrkanden.value.length} att-satser`);
    }
    if (f.beskrivning) {
      const paragraphs = [REWRITE, ...f.beskrivning.value];
      text = setField(text, "remissobjekt", "beskrivning", `beskrivning: |   # dokumentets egen text ${origin(f.beskrivning)}\n${paragraphs.map((p) => `    ${p}`).join("\n\n")}`);
      found.push(`beskrivning (${f.beskrivning.value.length === 1 ? "1 stycke" : `${f.beskrivning.value.length} stycken`})`);
    }
  }
  const brev = intake.brev;
  if (brev) {
    const { found: f, source } = brev;
    const origin = (value: Found<unknown>) => originOf(source, value);
    if (f.fran?.uncertain) maybe(source, "remiss", "fran", "remittent", f.fran, f.fran.value);
    else if (f.fran) {
      text = setField(text, "remiss", "fran", `fran: ${scalar(f.fran.value)}   # ${origin(f.fran)}`);
      found.push(`remittent ${f.fran.value}`);
    }
    if (f.dnr) {
      text = setField(text, "remiss", "dnr", `dnr: ${scalar(f.dnr.value)}   # ${origin(f.dnr)}`);
      found.push(`Dnr ${f.dnr.value}`);
    }
    if (f.svarSenast) {
      text = setField(text, "remiss", "svar_senast", `svar_senast: ${f.svarSenast.value}   # ${origin(f.svarSenast)}`);
      found.push(`svar senast ${formatLongDate(f.svarSenast.value)}`);
    }
    if (f.avenTill) {
      text = setField(text, "remiss", "aven_till", `aven_till:   # ${origin(f.avenTill)}\n${f.avenTill.value.map((r) => `    - ${scalar(r)}`).join("\n")}`);
      found.push(f.avenTill.value.length === 1 ? "1 annan remissinstans" : `${f.avenTill.value.length} andra remissinstanser`);
    }
  }
  const left = placeholderKeys(text);
  const summary = [
    found.length > 0 ? `Hittade: ${found.join(", ")}.` : "Hittade inget att fylla i ur dokumenten.",
    unsure.length > 0 ? `Osäkert, se kommentaren ”kanske”: ${unsure.join(", ")}.` : "",
    left.length > 0 ? `Fyll i: ${left.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { text, summary };
}

/** A comment line under a field's own line (the field and its placeholder stay as they are). */
function addComment(text: string, block: string, key: string, comment: string): string {
  const lines = text.split("\n");
  const range = fieldRange(lines, block, key);
  if (!range) return text;
  lines.splice(range.start + 1, 0, `    ${comment}`);
  return lines.join("\n");
}

/** "ur motion.pdf, sida 1, rad 3": where a filled value came from, for its comment. */
function originOf(source: SourceText, value: Found<unknown>): string {
  return `ur ${source.file}, ${source.where(value.from)}`;
}

/** A YAML scalar for a value, quoted only where YAML needs it. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function authors(list: readonly Author[]): string {
  return list
    .map((a) => {
      const fields = [...(a.namn ? [`namn: ${scalar(a.namn)}`] : []), ...(a.parti ? [`parti: ${scalar(a.parti)}`] : [])];
      return fields.map((f, i) => `${i === 0 ? "    - " : "      "}${f}`).join("\n");
    })
    .join("\n");
}

/** The lines of a top-level block's child key: its line (or its commented-out line) and the lines indented under it. */
function fieldRange(lines: readonly string[], block: string, key: string): { start: number; end: number } | undefined {
  const top = lines.findIndex((l) => l === `${block}:` || l.startsWith(`${block}:`));
  if (top === -1) return undefined;
  for (let i = top + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/u.test(line) && !line.startsWith("#")) return undefined;
    if (new RegExp(`^  (?:# )?${key}:`, "u").test(line)) {
      let end = i + 1;
      while (end < lines.length && (/^ {3,}\S/u.test(lines[end]!) || /^ {4,}#/u.test(lines[end]!))) end++;
      return { start: i, end };
    }
  }
  return undefined;
}

function setField(text: string, block: string, key: string, replacement: string): string {
  const lines = text.split("\n");
  const range = fieldRange(lines, block, key);
  if (!range) return text;
  lines.splice(range.start, range.end - range.start, `  ${replacement}`);
  return lines.join("\n");
}

function addAfter(text: string, block: string, key: string, addition: string): string {
  const lines = text.split("\n");
  const range = fieldRange(lines, block, key);
  if (!range) return text;
  lines.splice(range.end, 0, `  ${addition}`);
  return lines.join("\n");
}

/** The keys whose values still hold a placeholder, in the file's order, as the writer sees them. */
function placeholderKeys(text: string): string[] {
  const keys: string[] = [];
  let top = "";
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const key = /^(\w+):/u.exec(line)?.[1];
    if (key) top = key;
    if (/\[(Fyll i|Skriv)/u.test(line.replace(/#.*$/u, "")) && top && !keys.includes(top)) keys.push(top);
  }
  return keys;
}
