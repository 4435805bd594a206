/** The image checks that run before any decoder sees a file: format from the bytes, size from the header. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkScreenshot,
  readImageHeader,
  ScreenshotRefusal,
  sniffImage,
} from '../../src/files/ocr/index.js';

const SHOTS = join(import.meta.dirname, '..', 'fixtures', 'screenshots');
const png = readFileSync(join(SHOTS, 'en-wsh-dli-wsh-dialog-registered-kms-100-window.png'));
const jpeg = readFileSync(join(SHOTS, 'en-wsh-dli-server-eval-100-desktop.jpg'));

function refusal(fn: () => unknown): ScreenshotRefusal {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScreenshotRefusal) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('image header', () => {
  it('reads the size of a PNG and of a JPEG from their headers', () => {
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 528, height: 339 });
    const header = readImageHeader(jpeg);
    expect(header?.format).toBe('jpeg');
    expect(header!.width).toBeGreaterThan(500);
  });

  it('goes by the bytes, not the name', () => {
    expect(sniffImage(png)).toBe('png');
    expect(sniffImage(new TextEncoder().encode('Error: 0xC004F074'))).toBeUndefined();
  });

  it('refuses other formats by name, damaged headers, and what is over the byte or pixel caps', () => {
    const webp = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.alloc(20)]);
    expect(refusal(() => checkScreenshot(webp)).message).toMatch(/WebP images are not read/);
    expect(refusal(() => checkScreenshot(Buffer.from('GIF89a......'))).message).toMatch(/GIF/);
    expect(refusal(() => checkScreenshot(png.subarray(0, 20))).reason).toBe('unsupported');
    expect(refusal(() => checkScreenshot(png, { maxBytes: 1000, maxPixels: 1e7 })).reason).toBe('too-large');
    const big = refusal(() => checkScreenshot(png, { maxBytes: 1e7, maxPixels: 100_000 }));
    expect(big.reason).toBe('too-many-pixels');
    expect(big.message).toContain('528×339');
  });

  it('reads a header whose size bytes say 65535 × 65535 without decoding anything', () => {
    const huge = Buffer.from(png.subarray(0, 33));
    huge.writeUInt32BE(65535, 16);
    huge.writeUInt32BE(65535, 20);
    expect(refusal(() => checkScreenshot(huge)).reason).toBe('too-many-pixels');
  });
});
