export { OcrPool, OcrRefusal, defaultPoolSize, type OcrPoolOptions, type OcrPage } from './ocr-pool.js';
export {
  diagnoseScreenshot,
  checkScreenshot,
  isScreenshot,
  ScreenshotRefusal,
  DEFAULT_SCREENSHOT_LIMITS,
  type ScreenshotDiagnosis,
  type ScreenshotLimits,
} from './read-screenshot.js';
export { correctOcrText, correctPartialKey } from './correct-ocr-text.js';
export { readImageHeader, sniffImage, type ImageHeader, type ImageFormat } from './image-header.js';
export { evidenceLines } from './evidence-lines.js';
