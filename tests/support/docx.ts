import { strFromU8, unzipSync } from "fflate";

/** The parts of a DOCX (a zip), as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  return parts;
}
