/** Characters that are Markdown syntax anywhere in a line (`~`: GFM's strikethrough). */
const INLINE_SYNTAX = /[\\`*_[\]<>&~]/gu;

/** Line starts that would open a block: heading, list item, setext underline, thematic break, tilde fence, table row. */
const BLOCK_START_CHAR = /^(#{1,6}(?=\s|$)|[-+](?=\s|$)|-+(?=\s*$)|=+(?=\s|$)|~{3,}|\|)/u;
const ORDERED_START = /^(\d{1,9})([.)])(?=\s|$)/u;

/** Escapes the start of one line so it cannot open a block. */
export function escapeLineStart(line: string): string {
  const indent = /^[ \t]*/u.exec(line)?.[0] ?? "";
  const rest = line.slice(indent.length);
  if (BLOCK_START_CHAR.test(rest)) return `${indent}\\${rest}`;
  return indent + rest.replace(ORDERED_START, "$1\\$2");
}

/**
 * A web or e-mail address written out, which GFM (GitHub, and so the DOCX)
 * shows as a link whatever is escaped in it: such a span is left as written,
 * since a backslash inside it would become part of the address.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

/** The inline syntax characters as named character references. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  "\\": "&bsol;",
  "`": "&grave;",
  "*": "&ast;",
  _: "&lowbar;",
  "[": "&lsqb;",
  "]": "&rsqb;",
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "~": "&tilde;",
};

function escapeSyntax(text: string): string {
  return text.replace(INLINE_SYNTAX, "\\$&");
}

/**
 * Text escaped so that no character in it is read as inline Markdown
 * (emphasis, code, links, HTML), addresses left as written; the start of a
 * line is not looked at, for text in the middle of one.
 */
export function escapeInlineSyntax(text: string): string {
  let out = "";
  let position = 0;
  for (const match of text.matchAll(ADDRESS)) {
    out += escapeSyntax(text.slice(position, match.index)) + match[0];
    position = match.index + match[0].length;
    // A character right after an address would be taken into it behind a backslash; GFM ends an address before a named reference.
    const entity = NAMED_REFERENCES[text.charAt(position)];
    if (entity !== undefined) {
      out += entity;
      position++;
    }
  }
  return out + escapeSyntax(text.slice(position));
}

/** Plain text (a title, a name, an organ) escaped so that it stands literally in Markdown: "1. Stadens mål" → "1\. Stadens mål". */
export function escapeMarkdownInline(text: string): string {
  return escapeInlineSyntax(text).split("\n").map(escapeLineStart).join("\n");
}
