/**
 * Images a document takes in: a house style's logo, a writer's picture.
 * PNG and JPEG only, which every Word reads; their size comes from the
 * file's header, so no image library is needed.
 */
import { NOT_REGULAR, TOO_LARGE, readRegularFile } from "./load/read.js";
import { LIMITS } from "./model/limits.js";

/** An image file's bytes, kind and size in pixels. */
export interface ImageFile {
  readonly data: Uint8Array;
  readonly type: "png" | "jpg";
  readonly width: number;
  readonly height: number;
}

/** Why an image file was not read: it is not there or cannot be read, is not a regular file (a pipe, a device), or is larger than a document may be. */
export type ImageProblem = "missing" | "special" | "large" | "unknown";

/** Reads a PNG or JPEG file; "unknown" when it is neither. An image cannot be larger than the Word document it goes in. */
export function readImage(path: string): ImageFile | ImageProblem {
  let data: Uint8Array;
  try {
    data = new Uint8Array(readRegularFile(path, LIMITS.docxBytes));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === NOT_REGULAR ? "special" : code === TOO_LARGE ? "large" : "missing";
  }
  const size = pngSize(data) ?? jpegSize(data);
  return size ? { data, ...size } : "unknown";
}

/** Pixels at 96 dpi → the largest size that fits `maxWidth` pixels, keeping the proportions. */
export function fitWidth(width: number, height: number, maxWidth: number): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(data: Uint8Array): { type: "png"; width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || !signature.every((b, i) => data[i] === b)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { type: "png", width, height } : undefined;
}

/** Width and height from a JPEG's first start-of-frame segment. */
export function jpegSize(data: Uint8Array): { type: "jpg"; width: number; height: number } | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return undefined;
    const marker = data[offset + 1]!;
    const length = view.getUint16(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      return width > 0 && height > 0 ? { type: "jpg", width, height } : undefined;
    }
    offset += 2 + length;
  }
  return undefined;
}
