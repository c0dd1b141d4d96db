import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";

/**
 * A case file with some fields given new values, every other byte as it
 * was: each changed value's own bytes (the `yaml` library's source ranges)
 * are replaced, in the style the value had (a `|` block stays one, a plain
 * att-sats stays plain where it can); a field the file does not have yet
 * is added at the end of its mapping. Comments, key order, quoting and
 * blank lines elsewhere are the file's own.
 */
export interface YamlEdit {
  /** The path in the case as the file writes it: `["synpunkter"]`, `["motion", "yrkanden"]`. */
  readonly path: readonly (string | number)[];
  readonly value: string | readonly string[];
}

export function editYaml(source: string, edits: readonly YamlEdit[]): string {
  const replacements: { start: number; end: number; text: string }[] = [];
  const doc = parseDocument(source, { keepSourceTokens: false });
  for (const edit of edits) replacements.push(replacementFor(doc, source, edit));
  let out = source;
  for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

function replacementFor(doc: Document, source: string, edit: YamlEdit): { start: number; end: number; text: string } {
  const node = doc.getIn(edit.path, true) as Node | undefined;
  if (node && node.range) {
    const indent = lineIndent(source, node.range[0]) + 2;
    if (typeof edit.value === "string") return { start: node.range[0], end: node.range[1], text: textValue(edit.value, indent, isScalar(node) ? node.type : undefined, source.slice(node.range[0], node.range[1]).endsWith("\n")) };
    if (isSeq(node)) {
      const items = node.items;
      // The same number of items: only the items that changed, each in its own style.
      if (items.length === edit.value.length && !node.flow) {
        const parts: { start: number; end: number; text: string }[] = [];
        edit.value.forEach((value, i) => {
          const item = items[i];
          if (isScalar(item) && item.range && String(item.value) !== value) {
            parts.push({ start: item.range[0], end: item.range[1], text: itemValue(value, lineIndent(source, item.range[0]) + 2, item.type, source.slice(item.range[0], item.range[1]).endsWith("\n")) });
          }
        });
        return combine(source, parts);
      }
      const itemIndent = lineIndent(source, node.range[0]);
      const text = node.flow
        ? `[${edit.value.map((v) => flowItem(v)).join(", ")}]`
        : edit.value.map((v, i) => `${i === 0 ? "" : " ".repeat(itemIndent)}- ${itemValue(v, itemIndent + 2, "PLAIN", false)}`).join("\n") + (source.slice(node.range[0], node.range[1]).endsWith("\n") ? "\n" : "");
      return { start: node.range[0], end: node.range[1], text };
    }
  }
  // A field the file does not have: added at the end of the mapping it belongs in.
  const parentPath = edit.path.slice(0, -1);
  const parent = (parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true)) as Node | undefined;
  if (!isMap(parent) || !parent.range) throw new Error(`cannot place ${edit.path.join(".")}`);
  const key = String(edit.path.at(-1));
  const firstKey = parent.items[0]?.key as Node | undefined;
  const indent = firstKey?.range ? lineIndent(source, firstKey.range[0]) : 0;
  const end = parent.range[1];
  const before = source.slice(0, end).endsWith("\n") || end === 0 ? "" : "\n";
  const value =
    typeof edit.value === "string"
      ? textValue(edit.value, indent + 2, "BLOCK_LITERAL", true)
      : `\n${edit.value.map((v) => `${" ".repeat(indent + 2)}- ${itemValue(v, indent + 4, "PLAIN", false)}`).join("\n")}\n`;
  return { start: end, end, text: `${before}${" ".repeat(indent)}${key}: ${value}` };
}

/** Several replacements inside one node as one. */
function combine(source: string, parts: { start: number; end: number; text: string }[]): { start: number; end: number; text: string } {
  if (parts.length === 0) return { start: 0, end: 0, text: "" };
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  let text = source.slice(start, end);
  for (const p of [...parts].sort((a, b) => b.start - a.start)) text = text.slice(0, p.start - start) + p.text + text.slice(p.end - start);
  return { start, end, text };
}

function lineIndent(source: string, offset: number): number {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^ */u.exec(source.slice(lineStart))![0].length;
}

/** A Markdown text: a `|` block, one line of the file for each line of the text. */
function textValue(value: string, indent: number, type: string | undefined, endsWithNewline: boolean): string {
  if (type === "PLAIN" || type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") {
    if (!value.includes("\n")) return itemValue(value, indent, type, endsWithNewline);
  }
  const lines = value.replace(/\s+$/u, "").split("\n");
  const pad = " ".repeat(indent);
  const indicator = /^\s/u.test(lines[0] ?? "") ? `|${2}` : "|";
  return `${indicator}\n${lines.map((line) => (line === "" ? "" : pad + line)).join("\n")}${endsWithNewline ? "\n" : ""}`;
}

/** One line of plain text (an att-sats, a bilaga): plain where YAML reads it back the same, else folded or quoted as it was. */
function itemValue(value: string, indent: number, type: string | undefined, endsWithNewline: boolean): string {
  if (type === "BLOCK_FOLDED" || type === "BLOCK_LITERAL") {
    const pad = " ".repeat(indent);
    return `>-\n${wrap(value, 76 - indent).map((line) => pad + line).join("\n")}${endsWithNewline ? "\n" : ""}`;
  }
  if (type !== "QUOTE_DOUBLE" && type !== "QUOTE_SINGLE" && isPlainSafe(value)) return value;
  if (type === "QUOTE_SINGLE") return `'${value.replace(/'/gu, "''")}'`;
  return JSON.stringify(value);
}

function flowItem(value: string): string {
  return isPlainSafe(value) && !/[,[\]{}]/u.test(value) ? value : JSON.stringify(value);
}

/** Whether YAML reads the text back as this string when it is written plain. */
function isPlainSafe(value: string): boolean {
  if (value === "" || value !== value.trim() || value.includes("\n")) return false;
  try {
    const doc = parseDocument(`x: ${value}\n`);
    return doc.errors.length === 0 && doc.get("x") === value;
  } catch {
    return false;
  }
}

/** Words on lines of at most `width` characters (a longer word stands alone); folded YAML joins them with spaces again. */
function wrap(text: string, width: number): string[] {
  const words = text.split(/ +/u);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > Math.max(20, width)) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}
