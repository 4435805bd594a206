/**
 * A screenshot in, a diagnosis out: the image is checked (format from its bytes, size, pixels) before any
 * decoder sees it, read by the OCR pool, post-corrected for what OCR confuses in activation windows, and then
 * diagnosed exactly like a paste. Nothing of the image is kept; full product keys in what was read are masked.
 */
import { diagnose, redactKeys, type Diagnosis, type Lang } from '../../knowledge/index.js';
import { correctOcrText } from './correct-ocr-text.js';
import { evidenceLines } from './evidence-lines.js';
import { readImageHeader, sniffImage, unsupportedImageKind, type ImageFormat } from './image-header.js';
import { OcrRefusal, type OcrPool } from './ocr-pool.js';

export interface ScreenshotLimits {
  /** Largest file accepted, in bytes (default 10 MiB). */
  maxBytes: number;
  /** Largest image accepted, in pixels (default 16 megapixels: a 4K screen at 150 % scaling fits). */
  maxPixels: number;
}

export const DEFAULT_SCREENSHOT_LIMITS: ScreenshotLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 16_000_000,
};

export type ScreenshotRefusalReason =
  'too-large' | 'too-many-pixels' | 'unsupported' | 'no-text' | OcrRefusal['reason'];

/** The screenshot is not read; `message` says why in a sentence a user can be shown. */
export class ScreenshotRefusal extends Error {
  constructor(
    readonly reason: ScreenshotRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'ScreenshotRefusal';
  }
}

export interface ScreenshotDiagnosis {
  source: 'screenshot';
  image: { format: ImageFormat; width: number; height: number; bytes: number };
  /** Everything read, corrected, product keys masked. */
  text: string;
  /** The lines the diagnosis relied on (corrected, keys masked). */
  lines: string[];
  /** Lines the post-correction changed. */
  corrected: number;
  /** Tesseract's mean confidence, 0–100. */
  confidence: number;
  /** Time in the OCR worker, in milliseconds. */
  ocrMs: number;
  diagnosis: Diagnosis;
}

function mib(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/** Refuses what must not reach the decoder; returns the header of what may. */
export function checkScreenshot(bytes: Uint8Array, limits: ScreenshotLimits = DEFAULT_SCREENSHOT_LIMITS) {
  if (bytes.length > limits.maxBytes)
    throw new ScreenshotRefusal('too-large', `the image is larger than ${mib(limits.maxBytes)}`);
  const header = readImageHeader(bytes);
  if (!header) {
    const other = unsupportedImageKind(bytes);
    throw new ScreenshotRefusal(
      'unsupported',
      other
        ? `${other} images are not read; send a PNG or JPEG screenshot`
        : sniffImage(bytes)
          ? 'the image header is damaged'
          : 'this is not a PNG or JPEG image',
    );
  }
  if (header.width * header.height > limits.maxPixels)
    throw new ScreenshotRefusal(
      'too-many-pixels',
      `the image is ${header.width}×${header.height} pixels, more than ${Math.round(limits.maxPixels / 1e6)} megapixels; crop it to the window`,
    );
  return header;
}

export async function diagnoseScreenshot(
  bytes: Uint8Array,
  pool: OcrPool,
  opts: { lang?: Lang; limits?: ScreenshotLimits } = {},
): Promise<ScreenshotDiagnosis> {
  const header = checkScreenshot(bytes, opts.limits);
  let page;
  try {
    page = await pool.recognize(bytes);
  } catch (err) {
    if (err instanceof OcrRefusal) throw new ScreenshotRefusal(err.reason, err.message);
    throw err;
  }
  const corrected = correctOcrText(page.text);
  const text = redactKeys(corrected.text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length === 0) throw new ScreenshotRefusal('no-text', 'no text could be read in the image');
  const diagnosis = diagnose(text, opts.lang ? { lang: opts.lang } : {});
  return {
    source: 'screenshot',
    image: { ...header, bytes: bytes.length },
    text,
    lines: evidenceLines(text, diagnosis, diagnosis.lang),
    corrected: corrected.changed,
    confidence: page.confidence,
    ocrMs: page.ms,
    diagnosis,
  };
}
