// Draws the project's icon (icon.png, 256x256): a rounded square in a deep teal with a white envelope, the
// mark of a messaging workspace. Made by code so it can be redrawn without an image editor; the PNG is
// written with node:zlib (an RGBA image, one filtered scanline at a time). Run: node scripts/make-icon.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZE = 256;
const SAMPLES = 4; // per axis, for smooth edges
const TEAL = [14, 92, 99];
const WHITE = [255, 255, 255];

/** Inside a rounded square with margin 8 and corner radius 56. */
function inBackground(x, y) {
  const r = 56;
  const lo = 8 + r;
  const hi = SIZE - 8 - r;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= r * r;
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
function toSegment(x, y, ax, ay, bx, by) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** The envelope: a white outline 14 px thick, and its flap as a V. */
function inEnvelope(x, y) {
  const [left, top, right, bottom, stroke] = [56, 76, 200, 180, 14];
  const inside = x >= left && x <= right && y >= top && y <= bottom;
  const inner = x >= left + stroke && x <= right - stroke && y >= top + stroke && y <= bottom - stroke;
  if (inside && !inner) return true;
  const half = stroke / 2;
  return (
    inside &&
    (toSegment(x, y, left + half, top + half, SIZE / 2, 136) <= half ||
      toSegment(x, y, right - half, top + half, SIZE / 2, 136) <= half)
  );
}

function pixel(px, py) {
  let background = 0;
  let mark = 0;
  for (let i = 0; i < SAMPLES; i++)
    for (let j = 0; j < SAMPLES; j++) {
      const x = px + (i + 0.5) / SAMPLES;
      const y = py + (j + 0.5) / SAMPLES;
      if (inBackground(x, y)) {
        background++;
        if (inEnvelope(x, y)) mark++;
      }
    }
  const n = SAMPLES * SAMPLES;
  const share = background === 0 ? 0 : mark / background;
  const rgb = TEAL.map((c, k) => Math.round(c + (WHITE[k] - c) * share));
  return [...rgb, Math.round((255 * background) / n)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = [0]; // filter: none
  for (let x = 0; x < SIZE; x++) row.push(...pixel(x, y));
  rows.push(Buffer.from(row));
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "icon.png");
writeFileSync(out, png);
process.stdout.write(`${out}: ${png.length} bytes\n`);
