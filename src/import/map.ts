import { reflowMarkdown } from "../view/sentences.js";
import type { DraftBlock } from "./blocks.js";

/**
 * An edited draft mapped back to the case: each block of the edited draft
 * is matched with the block of the draft the case gives today (the same
 * text), section by section (the level-2 headings, matched first). A block
 * that no longer matches goes to the field its markers name, else to the
 * field of its section (the neighbour's, where a section has more than
 * one); one that stands where a stock sentence stood is a change of that
 * sentence, which is no field of the case and is reported instead. A
 * field whose blocks say something else than today's is changed.
 */
export type FieldKind = "markdown" | "list";

export interface FieldChange {
  readonly path: string;
  readonly kind: FieldKind;
  /** The new Markdown text, or the list's items. */
  readonly value: string | readonly string[];
  /** The edited blocks the value came from, for messages. */
  readonly blocks: readonly DraftBlock[];
}

/** A changed block that is no field's text: a stock sentence, a heading, the case's data. */
export interface StockChange {
  /** The generated block it replaces, if any. */
  readonly generated?: DraftBlock;
  /** The edited block; absent when a stock block was removed. */
  readonly edited?: DraftBlock;
  /** The level-2 heading of the section it stands in (generated). */
  readonly section?: string;
}

export interface Mapping {
  readonly changes: readonly FieldChange[];
  readonly stock: readonly StockChange[];
  /** Fields whose section is gone from the edited draft: left as they are. */
  readonly missing: readonly string[];
  /** The field each edited block went to. */
  readonly fieldOf: ReadonlyMap<DraftBlock, string>;
}

export function mapDraft(generated: readonly DraftBlock[], edited: readonly DraftBlock[], kinds: ReadonlyMap<string, FieldKind>): Mapping {
  const gSections = sections(generated);
  const eSections = sections(edited);
  const pairs = matchSections(gSections, eSections);
  const assigned = new Map<string, DraftBlock[]>();
  const stock: StockChange[] = [];
  const presentSections = new Set<number>();
  const fieldOf = new Map<DraftBlock, string>();
  const assign = (field: string, block: DraftBlock) => {
    fieldOf.set(block, field);
    const list = assigned.get(field) ?? [];
    list.push(block);
    assigned.set(field, list);
  };

  for (const [gi, ei] of pairs) {
    const g = gi === undefined ? undefined : gSections[gi]!;
    const e = ei === undefined ? undefined : eSections[ei]!;
    if (gi !== undefined) presentSections.add(gi);
    if (!e) {
      if (g) for (const block of g.blocks) if (!block.field) stock.push({ generated: block, section: g.heading?.plain });
      continue;
    }
    if (!g) {
      // A section the case does not give (a heading added by hand): its heading and text are no field's.
      for (const block of e.blocks) if (block.field && kinds.has(block.field)) assign(block.field, block);
      else stock.push({ edited: block });
      continue;
    }
    if (g.heading && e.heading && g.heading.key !== e.heading.key) stock.push({ generated: g.heading, edited: e.heading, section: g.heading.plain });
    const fields = [...new Set(g.blocks.map((b) => b.field).filter((f): f is string => f !== undefined))];
    const match = lcs(g.blocks, e.blocks);
    const origin: (string | undefined)[] = e.blocks.map(() => undefined);
    const isStock: boolean[] = e.blocks.map(() => false);
    for (const [a, b] of match) {
      origin[b] = g.blocks[a]!.field;
      isStock[b] = g.blocks[a]!.field === undefined;
    }
    // Between two matched pairs: a stock block of the generated draft and an edited block without a field's marker stand for each other.
    const matchedG = new Set(match.map(([a]) => a));
    const matchedE = new Set(match.map(([, b]) => b));
    const bounds: [number, number][] = [[-1, -1], ...match, [g.blocks.length, e.blocks.length]];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [ga, ea] = bounds[k]!;
      const [gb, eb] = bounds[k + 1]!;
      const gStock = range(ga + 1, gb).filter((x) => !matchedG.has(x) && g.blocks[x]!.field === undefined);
      const eFree = range(ea + 1, eb).filter((y) => !matchedE.has(y) && !(e.blocks[y]!.field && fields.includes(e.blocks[y]!.field!)));
      while (gStock.length > 0 && eFree.length > 0) {
        const x = gStock.shift()!;
        const y = eFree.shift()!;
        isStock[y] = true;
        stock.push({ generated: g.blocks[x], edited: e.blocks[y], section: g.heading?.plain });
      }
      for (const x of gStock) stock.push({ generated: g.blocks[x], section: g.heading?.plain });
    }
    e.blocks.forEach((block, y) => {
      if (isStock[y]) return;
      let field = block.field && fields.includes(block.field) ? block.field : origin[y];
      if (!field) field = neighbourField(origin, e.blocks, y, fields, block);
      if (field) assign(field, block);
      else stock.push({ edited: block, section: g.heading?.plain });
    });
  }

  const changes: FieldChange[] = [];
  const missing: string[] = [];
  const generatedFields = new Map<string, DraftBlock[]>();
  for (const block of generated) if (block.field) (generatedFields.get(block.field) ?? generatedFields.set(block.field, []).get(block.field)!).push(block);
  for (const [field, before] of generatedFields) {
    const after = assigned.get(field) ?? [];
    const home = gSections.findIndex((s) => s.blocks.some((b) => b.field === field));
    if (after.length === 0 && !presentSections.has(home)) {
      missing.push(field);
      continue;
    }
    if (sameKeys(before, after)) continue;
    const kind = kinds.get(field) ?? "markdown";
    if (after.length === 0) {
      missing.push(field);
      continue;
    }
    changes.push({ path: field, kind, value: kind === "list" ? after.map((b) => b.plain) : joinBlocks(after), blocks: after });
  }
  for (const [field, after] of assigned) {
    if (generatedFields.has(field)) continue;
    const kind = kinds.get(field) ?? "markdown";
    changes.push({ path: field, kind, value: kind === "list" ? after.map((b) => b.plain) : joinBlocks(after), blocks: after });
  }
  return { changes, stock, missing, fieldOf };
}

interface DraftSection {
  readonly heading?: DraftBlock;
  readonly blocks: DraftBlock[];
}

/** The blocks by level-2 heading (the part before the first, and the closing and the signatures, each a section of its own). */
function sections(blocks: readonly DraftBlock[]): DraftSection[] {
  const out: DraftSection[] = [{ blocks: [] }];
  let region = blocks[0]?.region;
  for (const block of blocks) {
    if (block.kind === "heading" && block.depth === 2) {
      out.push({ heading: block, blocks: [] });
    } else if (block.region !== region && (block.region === "closing" || block.region === "signatures")) {
      out.push({ heading: { ...block, key: `\u0000${block.region}`, plain: "" }, blocks: [block] });
    } else {
      out.at(-1)!.blocks.push(block);
    }
    region = block.region;
  }
  return out;
}

/** The sections paired by their headings' text (in order); a renamed heading pairs with the unpaired section in its place. */
function matchSections(g: readonly DraftSection[], e: readonly DraftSection[]): [number | undefined, number | undefined][] {
  const key = (s: DraftSection, i: number) => (i === 0 ? "\u0000head" : s.heading!.key);
  const match = lcsBy(g.map(key), e.map(key));
  const out: [number | undefined, number | undefined][] = [];
  const bounds: [number, number][] = [[-1, -1], ...match, [g.length, e.length]];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [ga, ea] = bounds[k]!;
    const [gb, eb] = bounds[k + 1]!;
    const gs = range(ga + 1, gb);
    const es = range(ea + 1, eb);
    while (gs.length > 0 && es.length > 0) out.push([gs.shift()!, es.shift()!]);
    for (const x of gs) out.push([x, undefined]);
    for (const y of es) out.push([undefined, y]);
    if (k + 1 < bounds.length - 1) out.push([gb, eb]);
  }
  return out;
}

/** The field of the nearest block before (else after) that has one; for a list item, the section's list field if there is one. */
function neighbourField(origin: readonly (string | undefined)[], blocks: readonly DraftBlock[], at: number, fields: readonly string[], block: DraftBlock): string | undefined {
  if (fields.length === 0) return undefined;
  if (fields.length === 1) return fields[0];
  for (let k = at - 1; k >= 0; k--) {
    const f = origin[k] ?? (blocks[k]!.field && fields.includes(blocks[k]!.field!) ? blocks[k]!.field : undefined);
    if (f && (block.kind !== "list-item" || blocks[k]!.kind === "list-item")) return f;
    if (f) break;
  }
  for (let k = at + 1; k < blocks.length; k++) {
    const f = origin[k] ?? (blocks[k]!.field && fields.includes(blocks[k]!.field!) ? blocks[k]!.field : undefined);
    if (f) return f;
  }
  return fields[0];
}

function sameKeys(a: readonly DraftBlock[], b: readonly DraftBlock[]): boolean {
  return a.length === b.length && a.every((block, i) => block.key === b[i]!.key);
}

/** Blocks as one field's Markdown: a blank line between blocks, none between a list's items; one sentence per line. */
export function joinBlocks(blocks: readonly DraftBlock[]): string {
  let out = "";
  blocks.forEach((block, i) => {
    if (i > 0) out += block.kind === "list-item" && blocks[i - 1]!.kind === "list-item" ? "\n" : "\n\n";
    out += block.markdown;
  });
  return reflowMarkdown(out);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function lcs(a: readonly DraftBlock[], b: readonly DraftBlock[]): [number, number][] {
  return lcsBy(
    a.map((x) => x.key),
    b.map((x) => x.key),
  );
}

/** The longest common subsequence of two lists of keys, as index pairs in order. */
export function lcsBy(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}
