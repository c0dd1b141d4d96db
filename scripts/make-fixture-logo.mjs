// Writes the house-style fixture's logo (fixtures/husstil-malmo/bilder/logotyp.png):
// node scripts/make-fixture-logo.mjs fixtures/husstil-malmo/bilder/logotyp.png
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
// A plain emblem without text: a blue field with three white waves and a green band.
const W = 96, H = 96;
const rows = [];
for (let y = 0; y < H; y++) {
  const row = Buffer.alloc(1 + W * 3);
  row[0] = 0;
  for (let x = 0; x < W; x++) {
    let c = [255, 255, 255];
    if (x < 96) {
      c = [0, 84, 147];
      for (let k = 0; k < 3; k++) {
        const cy = 30 + k * 18 + 5 * Math.sin(x / 9);
        if (Math.abs(y - cy) < 3) c = [255, 255, 255];
      }
      if (y > 84) c = [0, 150, 80];
    }
    row.set(c, 1 + x * 3);
  }
  rows.push(row);
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
writeFileSync(process.argv[2], png);
