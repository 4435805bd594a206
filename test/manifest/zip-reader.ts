/**
 * Reads a zip's entries (name → bytes) from its central directory, enough to check what the packager wrote.
 * Handles stored (0) and deflated (8) entries; no zip64, which a three-file package never needs.
 */
import { inflateRawSync } from 'node:zlib';
import { PNG } from 'pngjs';

export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported method ${method}`);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Width, height and colour type of a PNG, decoded by pngjs (which checks the signature and every CRC). */
export function pngSize(png: Buffer): { width: number; height: number; colorType: number } {
  const { width, height, colorType } = PNG.sync.read(png);
  return { width, height, colorType };
}

/** RGBA pixels of a PNG, row by row. */
export function pngPixels(png: Buffer): Uint8Array {
  return new Uint8Array(PNG.sync.read(png).data);
}
