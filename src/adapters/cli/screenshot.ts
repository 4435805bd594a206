/**
 * `diagnose FILE` when FILE is a PNG or JPEG (told by its first bytes, whatever its name): the screenshot is read
 * by a one-worker OCR pool that lives for this command only, then diagnosed like a paste.
 */
import type { Lang } from '../../knowledge/index.js';
import {
  DEFAULT_SCREENSHOT_LIMITS,
  diagnoseScreenshot,
  OcrPool,
  sniffImage,
  type ScreenshotDiagnosis,
} from '../../files/ocr/index.js';
import { formatDiagnosis, formatScreenshotEvidence } from './format.js';

/** Enough bytes to tell an image by its magic number. */
const SNIFF_BYTES = 16;

type ReadFile = (path: string, maxBytes: number) => Promise<Uint8Array>;

/** The whole file when it is a PNG or JPEG (read up to the screenshot byte cap + 1), else undefined. */
export async function readIfScreenshot(path: string, readFile: ReadFile): Promise<Uint8Array | undefined> {
  const head = await readFile(path, SNIFF_BYTES - 1);
  if (!sniffImage(head)) return undefined;
  return readFile(path, DEFAULT_SCREENSHOT_LIMITS.maxBytes);
}

export async function screenshotReport(
  bytes: Uint8Array,
  opts: { json: boolean; lang?: Lang },
): Promise<string> {
  const pool = new OcrPool({ size: 1, maxQueued: 0 });
  let read: ScreenshotDiagnosis;
  try {
    read = await diagnoseScreenshot(bytes, pool, opts.lang ? { lang: opts.lang } : {});
  } finally {
    await pool.close();
  }
  if (!opts.json)
    return formatDiagnosis(read.diagnosis) + formatScreenshotEvidence(read.lines, read.diagnosis.lang);
  const { format, width, height } = read.image;
  const out = {
    ...read.diagnosis,
    source: read.source,
    lines: read.lines,
    ocr: { format, width, height, confidence: Math.round(read.confidence), correctedLines: read.corrected },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
