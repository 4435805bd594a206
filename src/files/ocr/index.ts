export { OcrPool, OcrRefusal, type OcrPoolOptions } from './ocr-pool.js';
export {
  diagnoseScreenshot,
  checkScreenshot,
  ScreenshotRefusal,
  DEFAULT_SCREENSHOT_LIMITS,
  type ScreenshotDiagnosis,
} from './read-screenshot.js';
export { correctOcrText, correctPartialKey } from './correct-ocr-text.js';
export { readImageHeader, sniffImage } from './image-header.js';
export { evidenceLines } from './evidence-lines.js';
