/**
 * Draws the two Teams app icons without any image package: a key (activation) on the accent colour for
 * `color.png` (192×192) and the same key in white on transparent for `outline.png` (32×32), as Teams requires.
 * Shapes are described as "is this point inside", sampled 4×4 per pixel for smooth edges, and written as
 * 8-bit RGBA PNGs with node:zlib. Run: `npm run build && node dist/scripts/make-icons.js` (the PNGs are committed).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

// ---------------------------------------------------------------------------------------------------------
// PNG encoding
// ---------------------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `pixels` is width×height RGBA, row by row. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none) then the row.
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------------------

/** Inside-test in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** A key lying horizontally: ring on the left, shaft with two teeth on the right. */
function key(scale: number, stroke: number): Shape {
  // Laid out in a 0..1 box, then shrunk around the centre by `scale`.
  const ringR = 0.2;
  const hole = ringR - stroke;
  const half = stroke / 2 + 0.01;
  const shape = union(
    minus(circle(0.26, 0.5, ringR), circle(0.26, 0.5, hole)),
    rect(0.44, 0.5 - half, 0.94, 0.5 + half),
    rect(0.62, 0.5, 0.62 + stroke, 0.72),
    rect(0.94 - stroke, 0.5, 0.94, 0.68),
  );
  return (x, y) => shape(0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale);
}

const roundedSquare =
  (radius: number): Shape =>
  (x, y) => {
    const dx = Math.max(radius - x, 0, x - (1 - radius));
    const dy = Math.max(radius - y, 0, y - (1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };

/** Paints layers bottom-up with 4×4 supersampling. */
function paint(size: number, layers: readonly { shape: Shape; color: Rgba }[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const layer of layers) if (layer.shape(x, y)) c = layer.color;
          // Premultiplied accumulation keeps transparent edges from darkening.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      out[i] = a === 0 ? 0 : Math.round(r / a);
      out[i + 1] = a === 0 ? 0 : Math.round(g / a);
      out[i + 2] = a === 0 ? 0 : Math.round(b / a);
      out[i + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

export const ACCENT: Rgba = [0x0f, 0x6c, 0xbd, 255];
const WHITE: Rgba = [255, 255, 255, 255];

export function colorIcon(): Buffer {
  const size = 192;
  return encodePng(
    size,
    size,
    paint(size, [
      { shape: roundedSquare(0.18), color: ACCENT },
      { shape: key(0.8, 0.08), color: WHITE },
    ]),
  );
}

export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, paint(size, [{ shape: key(1, 0.1), color: WHITE }]));
}

const isMain = process.argv[1] !== undefined && /make-icons\.(m?js|ts)$/.test(process.argv[1]);
if (isMain) {
  const dir = join(process.cwd(), 'manifest', 'teams');
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
