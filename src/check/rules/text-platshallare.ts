import type { TextBlock } from "../document.js";
import { quote, type Rule } from "../rule.js";
import { RULE_SPECS } from "../../model/rules.js";

/** TODO, FIXME and XXX as words of their own. */
const MARKER = /(?<![\p{L}\p{N}_])(?:TODO|FIXME|XXX)(?![\p{L}\p{N}_])/gu;
/** Text in square brackets on one line. */
const BRACKETED = /\[([^[\]\n]{1,200})\]/gu;
/**
 * Bracketed text that is an instruction to the writer: it begins with an
 * instruction (`[fyll i …]`, `[Skriv … här]`, `[Ange datum]`) or a field to
 * fill in (`[namn]`, `[datum]`, `[ÅÅÅÅ-MM-DD]`, `[XX]`), or says `här`.
 * Not `[…]`, which marks a cut in a quotation.
 */
const INSTRUCTION =
  /^\s*(?:(?:fyll|skriv|ange|lägg|infoga|beskriv|ersätt|klistra|komplettera|välj|redigera|uppdatera|motivera)(?![\p{L}])|(?:namn|datum|rubrik|titel|dnr|diarienummer|nämnd|förvaltning|handläggare|telefon|e-post|epost|belopp|antal)|åååå|x{2,}(?![\p{L}]))/iu;
const HERE = /(?<![\p{L}])här(?![\p{L}])/iu;
const LOREM = /lorem ipsum/giu;
/** A line with only an ellipsis. */
const LONE_ELLIPSIS = /^[ \t]*(…|\.{3,})[ \t]*$/gmu;

/** How much text after a placeholder the message quotes. */
const QUOTE_LENGTH = 40;

interface Match {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * Leftover placeholder text, anywhere in the document (headings, the
 * letterhead lines and the signatures included, and in a Word document its
 * headers, footers, notes, text boxes and properties): TODO, FIXME, XXX, bracketed
 * instructions such as `[fyll i …]`, Lorem ipsum, and a line that is only
 * `…` or `...`. Reported where the placeholder starts.
 */
export const textPlatshallare: Rule = {
  ...RULE_SPECS["text/platshallare"],
  check(document, report) {
    for (const block of document.outside ? [...document.blocks, ...document.outside] : document.blocks) {
      for (const match of placeholders(block)) report(block.at(match.start), match.message);
    }
  },
};

function placeholders(block: TextBlock): Match[] {
  const { text } = block;
  const found: Match[] = [];
  // Each search only where its text can be (the checks are exact: the patterns need these characters).
  const markers = text.includes("TODO") || text.includes("FIXME") || text.includes("XXX");
  for (const m of markers ? text.matchAll(MARKER) : []) {
    const start = m.index;
    found.push({
      start,
      end: start + m[0].length,
      message: `Platshållaren ${quote(lineFrom(text, start))} står kvar. Gör klart det som återstår och ta bort markeringen.`,
    });
  }
  for (const m of text.includes("[") ? text.matchAll(BRACKETED) : []) {
    const content = m[1]!;
    if (!INSTRUCTION.test(content) && !HERE.test(content)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      message: `Platshållaren ${quote(m[0])} står kvar. Skriv in det som efterfrågas och ta bort hakparenteserna.`,
    });
  }
  for (const m of text.matchAll(LOREM)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      message: `Platshållartexten ${quote(lineFrom(text, m.index))} står kvar. Ersätt den med den riktiga texten.`,
    });
  }
  if (block.kind !== "code" && (text.includes("…") || text.includes("..."))) {
    for (const m of text.matchAll(LONE_ELLIPSIS)) {
      const start = m.index + m[0].indexOf(m[1]!);
      found.push({
        start,
        end: start + m[1]!.length,
        message: `En rad med bara ${quote(m[1]!)} står kvar. Skriv den text som ska stå där, eller ta bort raden.`,
      });
    }
  }
  if (found.length < 2) return found;
  // One finding per place: a placeholder inside another (`[fyll i TODO]`) is the same leftover.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const match of found) {
    const previous = kept.at(-1);
    if (!previous || match.start >= previous.end) kept.push(match);
  }
  return kept;
}

/** The text from `start` to the end of its line, shortened at a word to about QUOTE_LENGTH characters. */
function lineFrom(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  const line = text.slice(start, end === -1 ? undefined : end).trimEnd();
  if (line.length <= QUOTE_LENGTH) return line;
  const cut = line.lastIndexOf(" ", QUOTE_LENGTH);
  return `${line.slice(0, cut > 0 ? cut : QUOTE_LENGTH)} …`;
}
