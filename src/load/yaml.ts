import { LineCounter, Scalar, parseDocument, visit, type Document } from "yaml";
import type { Finding } from "../diagnostics.js";

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, `undefined` where the YAML could not be read. Empty values are absent. */
  data: unknown;
  findings: Finding[];
}

/** More aliases than this in one file is an alias bomb: refused, not expanded. */
const MAX_ALIASES = 100;

/**
 * YAML text → document with source positions. The failsafe schema keeps every
 * scalar a string, so "0850812000" keeps its zero and "2025-10-07" stays a
 * date string; an empty value (`avdelning:`) counts as absent.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "failsafe", lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const findings: Finding[] = doc.errors.map((error) => {
    const unclosed = /flow (sequence|collection|mapping)/i.test(error.message) ? unclosedBracket(text, error.pos[0]) : undefined;
    return {
      ...at(unclosed ?? error.pos[0]),
      severity: "error",
      rule: error.code === "DUPLICATE_KEY" ? "yaml/dubblett" : "yaml/syntax",
      message: unclosed !== undefined
        ? `Hakparentesen ${text[unclosed]} stängs aldrig. Avsluta listan med ${text[unclosed] === "[" ? "]" : "}"} på samma rad.`
        : yamlErrorMessage(error.code, /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0] ?? ""),
    };
  });
  for (const warning of doc.warnings) {
    findings.push({
      ...at(warning.pos[0]),
      severity: "error",
      rule: "yaml/syntax",
      message: yamlErrorMessage(warning.code, text.slice(warning.pos[0], warning.pos[1])),
    });
  }
  if (findings.length > 0) return { doc, lineCounter, data: undefined, findings };

  let aliases = 0;
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      firstAlias ??= node.range?.[0];
    },
    Scalar(_key, node) {
      if (node.type === Scalar.PLAIN && (node.source === "" || node.source === "~" || node.source === "null")) {
        node.value = null;
      }
    },
  });
  if (aliases > MAX_ALIASES) {
    findings.push({
      ...at(firstAlias ?? 0),
      severity: "error",
      rule: "yaml/alias",
      message: `Filen har ${aliases} alias (*namn). Så många tas inte emot, eftersom de kan blåsa upp filen. Skriv ut texten i stället.`,
    });
    return { doc, lineCounter, data: undefined, findings };
  }
  try {
    return { doc, lineCounter, data: dropNulls(doc.toJS({ maxAliasCount: MAX_ALIASES })), findings };
  } catch {
    findings.push({
      ...at(firstAlias ?? 0),
      severity: "error",
      rule: "yaml/alias",
      message: "Filens alias (*namn) blåser upp innehållet för mycket och tas inte emot. Skriv ut texten i stället.",
    });
    return { doc, lineCounter, data: undefined, findings };
  }
}

/** The offset of the last `[` or `{` before `offset` that is not closed, if any. */
function unclosedBracket(text: string, offset: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < offset; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < offset && text[i] !== "\n") i++;
    } else if (ch === "[" || ch === "{") {
      open.push(i);
    } else if (ch === "]" || ch === "}") {
      open.pop();
    }
  }
  return open.at(-1);
}

/** Empty values are absent: `{a: null}` → `{}`, `[null]` keeps its place as undefined. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === null ? undefined : dropNulls(item)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== null) out[key] = dropNulls(item);
    }
    return out;
  }
  return value;
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: "Nyckeln {text} står två gånger i samma grupp. Ta bort den ena.",
  BAD_INDENT: "Fel indrag. Rader i samma grupp ska börja lika långt in, med mellanslag.",
  TAB_AS_INDENT: "Indraget är gjort med tabb. Använd mellanslag.",
  MISSING_CHAR: "Ett tecken saknas här, t.ex. ett avslutande citattecken eller en hakparentes.",
  UNEXPECTED_TOKEN: "Oväntat tecken här. Står en text utan nyckel, eller saknas ett kolon?",
  BLOCK_AS_IMPLICIT_KEY: "En nyckel måste stå på en egen rad och sluta med kolon.",
  MULTILINE_IMPLICIT_KEY: "En nyckel får inte gå över flera rader. Saknas ett kolon efter nyckeln på raden ovanför?",
  MULTIPLE_DOCS: "Filen innehåller flera YAML-dokument (---). Ett ärende ska stå i ett dokument.",
  BAD_SCALAR_START: "En text kan inte börja med det här tecknet utan citattecken. Sätt texten inom citattecken.",
  MISSING_ANCHOR: "Aliaset pekar på ett ankare (&namn) som inte finns.",
  ALIAS_PROPS: "Ett alias kan inte ha egna egenskaper.",
  BAD_ALIAS: "Aliaset är felskrivet.",
  BAD_DIRECTIVE: "Okänt YAML-direktiv (%).",
  BAD_DQ_ESCAPE: "Ogiltig escape-sekvens inom dubbla citattecken. Skriv \\\\ för ett bakstreck.",
  KEY_OVER_1024_CHARS: "Nyckeln är för lång.",
  MULTIPLE_ANCHORS: "Flera ankare på samma värde.",
  MULTIPLE_TAGS: "Flera taggar på samma värde.",
  TAG_RESOLVE_FAILED: "Okänd tagg (!). Ta bort taggen.",
  UNEXPECTED_SCALAR: "Oväntad text här. Saknas ett kolon eller ett bindestreck?",
};

function yamlErrorMessage(code: string, text: string): string {
  const template = YAML_MESSAGES[code] ?? `YAML-filen går inte att läsa här (${code}). Kontrollera indrag, kolon och citattecken.`;
  const quoted = text.trim() ? `”${text.trim().slice(0, 40)}”` : "";
  return `${template.replace("{text}", quoted).replace(/\s+\./, ".")}`;
}

