import { LineCounter, isScalar, isSeq, parseDocument } from "yaml";
import type { DateField, DocumentDates } from "../document.js";

/**
 * The dates in a Markdown file's front matter: `datum`, `remiss.svar_senast`
 * and, when a hand-written front matter has them, `beredning.behandlats[].datum`
 * (with the item's `organ`). A front matter that is not valid YAML gives no
 * dates.
 *
 * `text` is the front matter without its `---` lines; `firstLine` is the
 * file's line where it begins. The front matter `draft` writes is read by a
 * small reader of plain YAML (block mappings and sequences, one-line plain
 * and double-quoted scalars), many times faster than a YAML parser; anything
 * else, and anything that reader is not sure of, goes to the YAML parser.
 * Both give the same dates at the same places.
 */
export function frontMatterDates(text: string, firstLine: number): DocumentDates {
  return simpleFrontMatterDates(text, firstLine) ?? yamlFrontMatterDates(text, firstLine);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** The dates as the YAML parser reads them (failsafe schema: every scalar a string). */
export function yamlFrontMatterDates(text: string, firstLine: number): DocumentDates {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "failsafe", lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return { behandlats: [] };
  const field = (path: readonly (string | number)[]): DateField | undefined => {
    const scalar = doc.getIn(path, true);
    if (!isScalar(scalar) || typeof scalar.value !== "string" || !DATE.test(scalar.value.trim())) return undefined;
    const { line, col } = lineCounter.linePos(scalar.range?.[0] ?? 0);
    return { value: scalar.value.trim(), line: firstLine + line - 1, column: col };
  };
  const behandlats: (DateField & { organ?: string })[] = [];
  const list = doc.getIn(["beredning", "behandlats"], true);
  if (isSeq(list)) {
    list.items.forEach((_, index) => {
      const datum = field(["beredning", "behandlats", index, "datum"]);
      const organ = doc.getIn(["beredning", "behandlats", index, "organ"]);
      if (datum) behandlats.push(typeof organ === "string" ? { ...datum, organ } : datum);
    });
  }
  const datum = field(["datum"]);
  const svarSenast = field(["remiss", "svar_senast"]);
  return { behandlats, ...(datum ? { datum } : {}), ...(svarSenast ? { svarSenast } : {}) };
}

// ---------------------------------------------------------------------------
// The small reader. It accepts only what it can read exactly as the YAML
// parser does and returns undefined for everything else: tabs, comments,
// flow collections, anchors, tags, block scalars, single quotes, escapes,
// scalars over several lines, a plain scalar with `: ` or ` #` in it, a key
// twice in one mapping, odd indentation, unusual characters.

interface Scalar {
  readonly kind: "scalar";
  readonly value: string;
  /** Line (1-based, in the front matter) and column (1-based) where the scalar starts. */
  readonly line: number;
  readonly column: number;
}
interface MapNode {
  readonly kind: "map";
  readonly entries: Map<string, Node>;
}
interface SeqNode {
  readonly kind: "seq";
  readonly items: Node[];
}
type Node = Scalar | MapNode | SeqNode;

interface Line {
  /** 1-based line in the front matter. */
  readonly number: number;
  readonly indent: number;
  /** The line after its indentation, trailing spaces removed. */
  readonly content: string;
}

/** Thrown (and caught in `simpleFrontMatterDates`) when the text is beyond the small reader. */
class NotSimple extends Error {}

/** Only characters that the YAML parser reads as themselves in a plain or double-quoted scalar (no tabs, no controls, no line separators, no BOM, no astral characters). */
const UNUSUAL = /[^\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/u;
/** `key:` and, after spaces, perhaps a value. Keys: a letter or `_`, then letters, digits, `_` and `-`. */
const ENTRY = /^([\p{L}_][\p{L}\p{N}_-]{0,99}):(?: +(.*))?$/u;
/** Characters a plain scalar may not begin with (YAML's indicators). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/u;

/** The dates by the small reader, or undefined when it cannot read the text. */
export function simpleFrontMatterDates(text: string, firstLine: number): DocumentDates | undefined {
  let root: Node;
  try {
    root = readSimpleYaml(text);
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
  const field = (node: Node | undefined): DateField | undefined => {
    if (node?.kind !== "scalar" || !DATE.test(node.value.trim())) return undefined;
    return { value: node.value.trim(), line: firstLine + node.line - 1, column: node.column };
  };
  const get = (node: Node | undefined, key: string): Node | undefined => (node?.kind === "map" ? node.entries.get(key) : undefined);
  const behandlats: (DateField & { organ?: string })[] = [];
  const list = get(get(root, "beredning"), "behandlats");
  if (list?.kind === "seq") {
    for (const item of list.items) {
      const datum = field(get(item, "datum"));
      const organ = get(item, "organ");
      if (datum) behandlats.push(organ?.kind === "scalar" ? { ...datum, organ: organ.value } : datum);
    }
  }
  const datum = field(get(root, "datum"));
  const svarSenast = field(get(get(root, "remiss"), "svar_senast"));
  return { behandlats, ...(datum ? { datum } : {}), ...(svarSenast ? { svarSenast } : {}) };
}

function readSimpleYaml(text: string): Node {
  const lines: Line[] = [];
  const raw = text.split("\n");
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    // CRLF line endings; a CR anywhere else is unusual.
    if (i < raw.length - 1 && line.endsWith("\r")) line = line.slice(0, -1);
    if (UNUSUAL.test(line)) throw new NotSimple();
    // Only spaces are indentation and trailing space in YAML (a no-break space is text).
    const content = line.replace(/ +$/u, "");
    if (content.length === 0) continue;
    const indent = /^ */u.exec(content)![0].length;
    lines.push({ number: i + 1, indent, content: content.slice(indent) });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) throw new NotSimple();
  const reader = new Reader(lines);
  const root = reader.map(0);
  if (!reader.done) throw new NotSimple();
  return root;
}

function isSeqEntry(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

class Reader {
  private next = 0;

  constructor(private readonly lines: readonly Line[]) {}

  get done(): boolean {
    return this.next >= this.lines.length;
  }

  private peek(): Line | undefined {
    return this.lines[this.next];
  }

  /**
   * A block mapping whose keys stand at `indent`. `first`: its first entry
   * when it stands after a sequence's `- ` on the line before `next`.
   */
  map(indent: number, first?: { line: Line; text: string }): MapNode {
    const entries = new Map<string, Node>();
    if (first) this.entry(entries, indent, first.line, first.text);
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || isSeqEntry(line.content)) throw new NotSimple();
      this.next++;
      this.entry(entries, indent, line, line.content);
    }
    return { kind: "map", entries };
  }

  /** One `key: value` (text starts at column `indent` + 1 of `line`); a value on the lines below is read here too. */
  private entry(entries: Map<string, Node>, indent: number, line: Line, text: string): void {
    const match = ENTRY.exec(text);
    if (!match || entries.has(match[1]!)) throw new NotSimple();
    const key = match[1]!;
    const value = match[2] ?? "";
    if (value.length > 0) {
      entries.set(key, scalar(value, line, indent + text.length - value.length));
      const below = this.peek();
      if (below && below.indent > indent) throw new NotSimple();
      return;
    }
    const below = this.peek();
    if (below && below.indent > indent) {
      entries.set(key, isSeqEntry(below.content) ? this.seq(below.indent) : this.map(below.indent));
    } else if (below && below.indent === indent && isSeqEntry(below.content)) {
      entries.set(key, this.seq(indent));
    } else {
      entries.set(key, { kind: "scalar", value: "", line: line.number, column: indent + text.length + 1 });
    }
  }

  /** A block sequence whose `-` stand at `indent`. */
  private seq(indent: number): SeqNode {
    const items: Node[] = [];
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) throw new NotSimple();
      // A mapping key at the sequence's own indent: the sequence was a value at that indent, and has ended.
      if (!isSeqEntry(line.content)) break;
      this.next++;
      const rest = line.content.slice(1);
      const text = rest.replace(/^ +/u, "");
      if (text.length === 0) throw new NotSimple();
      const column = indent + 1 + (rest.length - text.length);
      if (ENTRY.test(text)) items.push(this.map(column, { line, text }));
      else {
        items.push(scalar(text, line, column));
        const below = this.peek();
        if (below && below.indent > indent) throw new NotSimple();
      }
    }
    return { kind: "seq", items };
  }
}

/** A one-line scalar starting at column `at` + 1 (0-based `at`) of `line`: plain, or double-quoted without escapes. */
function scalar(text: string, line: Line, at: number): Scalar {
  const position = { line: line.number, column: at + 1 };
  if (text.startsWith('"')) {
    if (!/^"[^"\\]*"$/u.test(text)) throw new NotSimple();
    return { kind: "scalar", value: text.slice(1, -1), ...position };
  }
  if (INDICATOR.test(text) || text.includes(": ") || text.includes(" #") || text.endsWith(":")) throw new NotSimple();
  return { kind: "scalar", value: text, ...position };
}
