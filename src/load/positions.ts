import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a field stands in the YAML source. The value's position when it
 * exists; the key's when `at` is "key"; for a missing field the position of
 * its nearest existing parent key (or 1:1 at the top).
 */
export class SourceMap {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    private readonly text: string,
  ) {}

  locate(path: FieldPath, at: "value" | "key" = "value"): Position {
    let node: unknown = this.doc.contents;
    let lastPair: Pair | undefined;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(String(segment));
        if (!pair) return this.pairPosition(lastPair);
        lastPair = pair;
        node = pair.value;
        const isLast = i === path.length - 1;
        if (isLast && (at === "key" || node == null || (isScalar(node) && node.value == null))) {
          return this.pairPosition(pair);
        }
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (item == null) return this.pairPosition(lastPair);
        node = item;
      } else {
        return this.pairPosition(lastPair);
      }
    }
    return this.nodePosition(node as Node | null | undefined) ?? this.pairPosition(lastPair);
  }

  /** Each mapping's pairs by key, indexed once, so that finding N keys costs N lookups, not N searches. */
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        // The first of duplicate keys, as a linear search found it.
        if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      }
      this.pairIndex.set(map, index);
    }
    return index;
  }

  /** Whether the key at the end of a path is written in the file (perhaps with an empty value). */
  has(path: FieldPath): boolean {
    return this.doc.hasIn(path);
  }

  /**
   * Where the character at `offset` of a string value stands in the file.
   * Works for block scalars (| and >), plain and quoted strings by lining up
   * the value's non-space characters with the source's.
   */
  locateInValue(path: FieldPath, offset: number): Position {
    const node = this.doc.getIn(path, true);
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return this.locate(path);
    const value = node.value;
    let source = node.range[0];
    const end = node.range[1];
    // Skip the block header line (| or > with indicators) or the opening quote.
    if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
      const newline = this.text.indexOf("\n", source);
      source = newline === -1 ? end : newline + 1;
    } else if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") {
      source += 1;
    }
    const target = Math.max(0, Math.min(offset, value.length));
    for (let v = 0; v < target; v++) {
      const ch = value[v]!;
      if (/\s/.test(ch)) continue;
      while (source < end && this.text[source] !== ch) source++;
      source++;
    }
    // Land on the target character itself (skip the whitespace before it).
    const wanted = value[target];
    if (wanted !== undefined && !/\s/.test(wanted)) {
      while (source < end && this.text[source] !== wanted) source++;
    }
    return this.offsetPosition(Math.min(source, Math.max(end - 1, node.range[0])));
  }

  offsetPosition(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  private nodePosition(node: Node | null | undefined): Position | undefined {
    const range = node?.range;
    return range ? this.offsetPosition(range[0]) : undefined;
  }

  private pairPosition(pair: Pair | undefined): Position {
    if (pair && isPair(pair) && isScalar(pair.key) && pair.key.range) return this.offsetPosition(pair.key.range[0]);
    return { line: 1, column: 1 };
  }
}
