/** Characters that are Markdown syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]<>&]/gu;

/** Line starts that would open a block: heading, list item, setext underline, thematic break, tilde fence, table row. */
const BLOCK_START_CHAR = /^(#{1,6}(?=\s|$)|[-+](?=\s|$)|-+(?=\s*$)|=+(?=\s|$)|~{3,}|\|)/u;
const ORDERED_START = /^(\d{1,9})([.)])(?=\s|$)/u;

/** Escapes the start of one line so it cannot open a block. */
function escapeLineStart(line: string): string {
  const indent = /^[ \t]*/u.exec(line)?.[0] ?? "";
  const rest = line.slice(indent.length);
  if (BLOCK_START_CHAR.test(rest)) return `${indent}\\${rest}`;
  return indent + rest.replace(ORDERED_START, "$1\\$2");
}

/** Plain text (a title, a name, an organ) escaped so that it stands literally in Markdown: "1. Stadens mål" → "1\. Stadens mål". */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(INLINE_SYNTAX, "\\$&")
    .split("\n")
    .map(escapeLineStart)
    .join("\n");
}
