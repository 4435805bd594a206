/**
 * Draws the two Teams app icons: a key (activation) on the accent colour for `color.png` (192×192) and the same
 * key in white on transparent for `outline.png` (32×32), as Teams requires. Shapes are described as "is this point
 * inside", sampled 4×4 per pixel for smooth edges, and encoded as 8-bit RGBA PNGs by pngjs.
 * Run: `npm run icons:teams` (the PNGs are committed).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];

/** `pixels` is width×height RGBA, row by row; pngjs writes it as an 8-bit RGBA PNG. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const png = new PNG({ width, height, colorType: 6 });
  png.data = Buffer.from(pixels);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
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
