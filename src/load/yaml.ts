import {
  Composer,
  LineCounter,
  Parser,
  Scalar,
  YAMLParseError,
  isAlias,
  isCollection,
  isNode,
  isPair,
  isScalar,
  parseDocument,
  visit,
  type CST,
  type Document,
  type ErrorCode,
  type Node,
} from "yaml";
import type { Finding } from "../diagnostics.js";
import { formatCount, LIMITS } from "../model/limits.js";

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
  // Parsed in two steps so that nesting is measured on the token tree, without recursion, before
  // the composer (which recurses once per level) sees it: too deep is an error at the same place in every run.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const tooDeep = tooDeepOffset(tokens);
  if (tooDeep !== undefined) {
    const { line, col } = lineCounter.linePos(tooDeep);
    return {
      doc: parseDocument("", { schema: "failsafe" }),
      lineCounter,
      data: undefined,
      findings: [
        {
          line,
          column: col,
          severity: "error",
          rule: "yaml/djup",
          message: `Värdet ligger mer än ${LIMITS.yamlDepth} nivåer in (listor och grupper inuti varandra), vilket ett ärende aldrig behöver. Kontrollera indrag och parenteser.`,
        },
      ],
    };
  }
  const doc = composeOne(tokens, text.length);
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const findings: Finding[] = doc.errors.map((error) => {
    const unclosed = /flow (sequence|collection|mapping)/i.test(error.message) ? unclosedBracket(text, error.pos[0]) : undefined;
    if (unclosed !== undefined) {
      return {
        ...at(unclosed),
        severity: "error",
        rule: "yaml/syntax",
        message: `Hakparentesen ${text[unclosed]} stängs aldrig. Avsluta listan med ${text[unclosed] === "[" ? "]" : "}"} på samma rad.`,
      };
    }
    const fix = commonMistake(text, error.code, error.pos[0]);
    if (fix) return { ...at(fix.offset), severity: "error", rule: "yaml/syntax", message: fix.message };
    return {
      ...at(error.pos[0]),
      severity: "error",
      rule: error.code === "DUPLICATE_KEY" ? "yaml/dubblett" : "yaml/syntax",
      message: yamlErrorMessage(error.code, /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0] ?? ""),
    };
  });
  // After a tab in the indentation, the parser's other complaints about that line are only consequences of it.
  const tabLines = new Set(doc.errors.filter((e) => e.code === "TAB_AS_INDENT").map((e) => at(e.pos[0]).line));
  if (tabLines.size > 0) {
    const kept = findings.filter((f, i) => !tabLines.has(f.line) || doc.errors[i]?.code === "TAB_AS_INDENT");
    findings.splice(0, findings.length, ...kept);
  }
  for (const warning of doc.warnings) {
    findings.push({
      ...at(warning.pos[0]),
      severity: "error",
      rule: "yaml/syntax",
      message: yamlErrorMessage(warning.code, text.slice(warning.pos[0], warning.pos[1])),
    });
  }
  if (findings.length > 0) return { doc, lineCounter, data: undefined, findings };

  const tooLarge = sizeProblem(doc);
  if (tooLarge) return { doc, lineCounter, data: undefined, findings: [{ ...at(tooLarge.offset), severity: "error", rule: tooLarge.rule, message: tooLarge.message }] };

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

// uniqueKeys is checked below, in linear time (the parser's own check compares every key with every other);
// logLevel "error": the parser would print English warnings (about collection keys) to the console.
const COMPOSE_OPTIONS = { schema: "failsafe", uniqueKeys: false, prettyErrors: false, logLevel: "error" } as const;

/** The one document of a token stream, as parseDocument makes it; a second document is an error. */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(COMPOSE_OPTIONS).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  checkKeys(doc!);
  return doc!;
}

/**
 * The first text longer than LIMITS.fieldChars, list longer than
 * LIMITS.yamlListItems, or a file whose text with its aliases written out
 * would pass LIMITS.expandedChars (a 1 MB text aliased 99 times is 99 MB,
 * though only 99 aliases). Measured on the tree, before anything is expanded.
 */
function sizeProblem(doc: Document.Parsed): { offset: number; rule: string; message: string } | undefined {
  let problem: { offset: number; rule: string; message: string } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && node.value.length > LIMITS.fieldChars) {
        problem = {
          offset: node.range?.[0] ?? 0,
          rule: "yaml/storlek",
          message: `Texten har ${formatCount(node.value.length)} tecken; en text i ett ärende får ha högst ${formatCount(LIMITS.fieldChars)}. Lägg långa underlag i en bilaga.`,
        };
        return visit.BREAK;
      }
      return undefined;
    },
    Seq(_key, node) {
      if (node.items.length > LIMITS.yamlListItems) {
        problem = {
          offset: firstOver(node.items[LIMITS.yamlListItems]) ?? node.range?.[0] ?? 0,
          rule: "yaml/storlek",
          message: `Listan har ${formatCount(node.items.length)} punkter; en lista i ett ärende får ha högst ${formatCount(LIMITS.yamlListItems)}.`,
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (problem) return problem;
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== "object") return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 0); // an alias inside its own anchor counts nothing more
    let size = 0;
    if (isAlias(node)) size = sizeOf(node.resolve(doc));
    else if (isScalar(node)) size = typeof node.value === "string" ? node.value.length : 0;
    else if (isPair(node)) size = sizeOf(node.key) + sizeOf(node.value);
    else if (isCollection(node)) for (const item of node.items) size += sizeOf(item);
    sizes.set(node, size);
    return size;
  };
  const total = sizeOf(doc.contents);
  if (total > LIMITS.expandedChars) {
    let firstAlias = 0;
    visit(doc, {
      Alias(_key, node) {
        firstAlias = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return {
      offset: firstAlias,
      rule: "yaml/alias",
      message: `Med sina alias (*namn) utskrivna blir filens text ${formatCount(total)} tecken, mer än de ${formatCount(LIMITS.expandedChars)} ett ärende får ha. Skriv ut texten i stället för att upprepa den med alias.`,
    };
  }
  return undefined;
}

/** Where the first item over a limit stands. */
function firstOver(item: unknown): number | undefined {
  return isNode(item) ? item.range?.[0] : undefined;
}

/** Keys that are not plain text, and keys that stand twice in one mapping: parse errors, in source order. */
function checkKeys(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        const range: [number, number] = key && "range" in key && key.range ? [key.range[0], key.range[1]] : [0, 0];
        if (key !== null && !isScalar(key)) {
          found.push(new YAMLParseError(range, "KEY_NOT_TEXT" as ErrorCode, "A key must be a scalar"));
        } else if (key !== null) {
          const text = String(key.value);
          if (seen.has(text)) found.push(new YAMLParseError(range, "DUPLICATE_KEY", "Map keys must be unique"));
          seen.add(text);
        }
      }
    },
  });
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Where the first collection stands that is more than LIMITS.yamlDepth levels in, if one does: an iterative walk over the token tree. */
function tooDeepOffset(tokens: readonly CST.Token[]): number | undefined {
  let first: number | undefined;
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === "document") stack.push({ token: token.value, depth });
    else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > LIMITS.yamlDepth) {
        first = Math.min(first ?? token.offset, token.offset);
        continue;
      }
      for (const item of token.items) {
        if ("key" in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
        if ("value" in item) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return first;
}

/** The lines of a text with the offset each starts at. */
function linesOf(text: string): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    lines.push({ text: line, offset });
    offset += line.length + 1;
  }
  return lines;
}

const KEY = /^(\s*)(?:- )?([\p{L}\p{N}_-]+):/u;
/** A key whose value is a block scalar (`beskrivning: |`). */
const BLOCK_SCALAR_KEY = /^(\s*)(?:- )?([\p{L}\p{N}_-]+):\s*[|>][+-]?\d*\s*(?:#.*)?$/u;

/**
 * The mistakes writers make most, answered with the fix at the line where
 * they are: text pasted under `beskrivning: |` without its indentation, a
 * key without a space after its colon (or with a no-break space), a colon
 * and a space inside an unquoted text, a quote that is never closed.
 */
function commonMistake(text: string, code: string, offset: number): { offset: number; message: string } | undefined {
  const lines = linesOf(text);
  const index = lines.findIndex((line, i) => offset >= line.offset && (i === lines.length - 1 || offset < lines[i + 1]!.offset));
  const line = lines[index];
  if (line && ["MULTILINE_IMPLICIT_KEY", "UNEXPECTED_SCALAR", "BLOCK_AS_IMPLICIT_KEY", "MISSING_CHAR"].includes(code)) {
    const glued = /^(\s*(?:- )?[\p{L}\p{N}_-]+):(\u00a0|[^\s])/u.exec(line.text);
    if (glued && !/^\s*(?:- )?[\p{L}\p{N}_-]+:\/\//u.test(line.text)) {
      const key = glued[1]!.trim().replace(/^- /u, "");
      const message =
        glued[2] === "\u00a0"
          ? `Efter kolonet i ”${key}:” står ett hårt mellanslag (no-break space), som YAML inte räknar. Skriv ett vanligt mellanslag efter kolonet.`
          : `Skriv ett mellanslag efter kolonet: ${key}: ${line.text.slice(glued[0].length - 1).trim()}`;
      return { offset: line.offset + glued[1]!.length, message };
    }
  }
  if (code === "MISSING_CHAR") {
    const open = unclosedQuote(lines, index);
    if (open) {
      return {
        offset: open.offset,
        message: `Citattecknet ${open.quote} som börjar här stängs aldrig. Avsluta texten med ${open.quote} på samma rad, eller ta bort citattecknet.`,
      };
    }
    return undefined;
  }
  if (!line) return undefined;
  if (code === "MULTILINE_IMPLICIT_KEY" || code === "UNEXPECTED_SCALAR" || code === "BLOCK_AS_IMPLICIT_KEY") {
    const block = blockScalarAbove(lines, index);
    if (block && !KEY.test(line.text)) {
      return {
        offset: line.offset,
        message: `Raden hör till texten ovanför (${block.key}: ${block.indicator}): dra in den lika långt som raderna där, ${block.indent} mellanslag.`,
      };
    }
    const value = /^(\s*(?:- )?[\p{L}\p{N}_-]+:\s+)([^"'\s[{|>][^\n]*?:\s.*)$/u.exec(line.text);
    if (value) {
      const key = value[1]!.trim().replace(/:$/u, "").replace(/^- /u, "");
      return {
        offset: line.offset + value[1]!.length,
        message: `Texten innehåller kolon följt av mellanslag, som YAML läser som en ny nyckel. Sätt texten inom citattecken: ${key}: "${value[2]!.trim().replace(/"/gu, '\\"')}"`,
      };
    }
  }
  return undefined;
}

/** The block scalar (`key: |`) a line with too little indentation was meant to continue, if any. */
function blockScalarAbove(lines: readonly { text: string }[], index: number): { key: string; indicator: string; indent: number } | undefined {
  const own = /^\s*/u.exec(lines[index]!.text)![0].length;
  for (let i = index - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (text.trim() === "") continue;
    const block = BLOCK_SCALAR_KEY.exec(text);
    if (block) {
      const first = lines.slice(i + 1, index).find((l) => l.text.trim() !== "");
      const indent = first ? /^\s*/u.exec(first.text)![0].length : block[1]!.length + 2;
      if (own >= indent) return undefined;
      return { key: block[2]!, indicator: text.trim().slice(text.trim().indexOf(":") + 1).trim().split(/\s/u)[0]!, indent };
    }
    // Lines of the text itself are indented deeper than its key; a key at this level ends the search.
    if (KEY.test(text) && /^\s*/u.exec(text)![0].length <= own) return undefined;
  }
  return undefined;
}

/** The first quoted value, at or before `index`, whose quote is not closed on its line. */
function unclosedQuote(lines: readonly { text: string; offset: number }[], index: number): { offset: number; quote: string } | undefined {
  for (let i = 0; i <= Math.min(index, lines.length - 1); i++) {
    const { text, offset } = lines[i]!;
    const start = /^(\s*(?:- )?(?:[\p{L}\p{N}_-]+:\s+)?)(["'])/u.exec(text);
    if (!start || text.trimStart().startsWith("#")) continue;
    const quote = start[2]!;
    const rest = text.slice(start[0].length);
    const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/u.test(rest) || rest.startsWith('"') : /'(?!')|''$/u.test(rest.replace(/''/gu, ""));
    if (!closed) return { offset: offset + start[1]!.length, quote };
  }
  return undefined;
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
    const out = emptyMapping();
    for (const [key, item] of Object.entries(value)) {
      if (item !== null) setOwn(out, key, dropNulls(item));
    }
    return out;
  }
  return value;
}

/**
 * A YAML mapping as JavaScript: an object without a prototype, so that no key
 * (`__proto__`, `constructor`, `toString`) can reach or shadow
 * Object.prototype, and every key is the file's own.
 */
export function emptyMapping(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/**
 * Sets a key as the object's own property, whatever its name: `__proto__`
 * in a YAML file is a key like any other (and so an unknown key), never the
 * object's prototype, which would let a file slip values past the schema.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: "Nyckeln {text} står två gånger i samma grupp. Ta bort den ena.",
  KEY_NOT_TEXT: "En nyckel ska vara en text; här är den en lista, en grupp eller ett alias (*namn). Skriv nyckeln som vanlig text följd av kolon.",
  BAD_INDENT: "Fel indrag. Rader i samma grupp ska börja lika långt in, med mellanslag.",
  TAB_AS_INDENT: "Indraget är gjort med tabb, som YAML inte tillåter. Byt tabben mot mellanslag (två per nivå).",
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

