import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jpegSize, pngSize } from "../../src/images.js";

describe("logo sizes from the file header", () => {
  it("reads a PNG's width and height", () => {
    expect(pngSize(readFileSync(new URL("../../fixtures/husstil-malmo/bilder/logotyp.png", import.meta.url)))).toEqual({ type: "png", width: 96, height: 96 });
  });

  it("reads a JPEG's from its start-of-frame segment, after other segments", () => {
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 40 and width 120.
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array<number>(14).fill(0)];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x28, 0x00, 0x78, 0x03, ...new Array<number>(9).fill(0)];
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...app0, ...sof0]))).toEqual({ type: "jpg", width: 120, height: 40 });
  });

  it("refuses what is neither", () => {
    const text = new TextEncoder().encode("GIF89a, eller en textfil som heter logo.png");
    expect(pngSize(text)).toBeUndefined();
    expect(jpegSize(text)).toBeUndefined();
  });
});
