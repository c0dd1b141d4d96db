import { extname } from "node:path";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { utf16Encoding } from "../load/decode.js";

/** One line of a remitted document as text, and where it stands. */
export interface SourceLine {
  readonly text: string;
  /** 1-based page (PDF), paragraph (DOCX) or 1 for a text file. */
  readonly page: number;
  /** 1-based line on the page (PDF) or in the file (text); 1 in a DOCX paragraph. */
  readonly line: number;
}

/**
 * A remitted document read as lines of text, in reading order. An empty
 * line separates paragraphs. `where` says in Swedish where a line stands,
 * for the comment beside a field filled from it.
 */
export interface SourceText {
  /** The file as the user named it. */
  readonly file: string;
  readonly lines: readonly SourceLine[];
  where(line: SourceLine): string;
}

/** Reads a PDF, DOCX, plain text or Markdown file as lines; anything else, a scan, an encrypted PDF: RemissError, exit 2. */
export async function readSourceDocument(file: string, bytes: Uint8Array): Promise<SourceText> {
  switch (extname(file).toLowerCase()) {
    case ".pdf": {
      const { readPdf } = await import("./pdf.js");
      return readPdf(file, bytes);
    }
    case ".docx": {
      const { readDocxText } = await import("./docx.js");
      return readDocxText(file, bytes);
    }
    case ".txt":
    case ".md":
    case ".markdown":
      return readPlainText(file, bytes);
    default:
      throw new RemissError(`${file}: remiss läser dokument som PDF, Word (.docx), text (.txt) eller Markdown (.md). Spara dokumentet i något av de formaten och försök igen.`, EXIT_USAGE);
  }
}

/**
 * A text file's lines: UTF-8 (with or without a BOM), UTF-16 with its BOM
 * (Notepad's "Unicode"), else Windows-1252, which is what older Windows
 * programs save Swedish text as (every byte is a character there, so the
 * text is never refused for its encoding).
 */
function readPlainText(file: string, bytes: Uint8Array): SourceText {
  const utf16 = utf16Encoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    if (utf16) throw new RemissError(`${file}: filen är sparad som UTF-16 men är inte giltig text i den kodningen. Spara den som UTF-8, eller som PDF eller Word-dokument.`, EXIT_USAGE);
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.includes("\u0000")) throw new RemissError(`${file}: filen ser ut att vara binär, inte text.`, EXIT_USAGE);
  const lines = text
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .map((line, index) => ({ text: line.replace(/\s+$/u, ""), page: 1, line: index + 1 }));
  return { file, lines, where: (line) => `rad ${line.line}` };
}
