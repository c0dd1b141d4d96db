import type { Finding } from "../diagnostics.js";

export type Decoded = { ok: true; text: string } | { ok: false; finding: Finding };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Bytes → text: UTF-8 with or without a BOM, or UTF-16 with its BOM (what
 * Notepad calls "Unicode" and PowerShell 5's `>` writes), LF or CRLF line
 * ends (CRLF and lone CR become LF, which keeps every line and column). A
 * NUL byte means a binary file; invalid UTF-8 is reported at the line where
 * it starts.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      finding: {
        ...positionOfByte(bytes, nul),
        severity: "error",
        rule: "fil/binar",
        message: "Filen ser ut att vara binär, inte text. Ange YAML-filen som beskriver ärendet.",
      },
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return {
      ok: false,
      finding: {
        ...positionOfByte(bytes, firstInvalidUtf8(bytes)),
        severity: "error",
        rule: "fil/teckenkodning",
        message:
          "Filen är inte sparad som UTF-8. Spara den som UTF-8 i redigeraren (t.ex. ”Spara med kodning: UTF-8”) och försök igen.",
      },
    };
  }
  return { ok: true, text: text.replace(/\r\n?/g, "\n") };
}

/** "utf-16le" or "utf-16be" when the bytes begin with that BOM. */
export function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    text = "";
  }
  const nul = text.indexOf("\0");
  if (text === "" || nul !== -1) {
    const before = text.slice(0, Math.max(0, nul)).replace(/\r\n?/g, "\n").split("\n");
    return {
      ok: false,
      finding: {
        ...(nul === -1 ? { line: 1, column: 1 } : { line: before.length, column: before.at(-1)!.length + 1 }),
        severity: "error",
        rule: "fil/teckenkodning",
        message: "Filen är sparad som UTF-16 men är inte giltig text i den kodningen. Spara den som UTF-8 i redigeraren (t.ex. ”Spara med kodning: UTF-8”) och försök igen.",
      },
    };
  }
  return { ok: true, text: text.replace(/^\uFEFF/u, "").replace(/\r\n?/g, "\n") };
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters; the bytes before the offending one on its line are valid UTF-8.
  const column = new TextDecoder().decode(bytes.subarray(lineStart, index)).length + 1;
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return 0;
}
