/**
 * Files attached to a message, read the same way on every surface: a list of references (name, declared type
 * and size, and a way to download at most N bytes) becomes the text the engine will diagnose, what each file
 * contributed, and the files refused with the reason.
 *
 * - Text files (`.txt`, `.log`, `text/*`) are decoded whatever Windows wrote (decode-text.ts) and then count as
 *   a paste.
 * - Screenshots (PNG, JPEG: told by their bytes) go through the shared OCR pool with its caps on bytes, pixels,
 *   time and concurrent jobs; what was read is post-corrected and has its product keys masked.
 * - Anything else (PDF, Word, archives, `.evtx`), anything too large, and anything unreadable is refused without
 *   being decoded, often without being downloaded: the declared type and size are checked first.
 *
 * Nothing is kept: the bytes live for the length of the call.
 */
import { redactKeys, type Lang } from '../knowledge/index.js';
import { decodeText, NotTextError, type TextEncoding } from './decode-text.js';
import { DownloadRefusal } from './download.js';
import {
  checkScreenshot,
  DEFAULT_SCREENSHOT_LIMITS,
  diagnoseScreenshot,
  OcrPool,
  ScreenshotRefusal,
  sniffImage,
  type OcrPoolOptions,
} from './ocr/index.js';

export interface AttachmentRef {
  /** The file's name as the platform gives it (shown in the evidence and in refusals). */
  name: string;
  /** The MIME type the platform declared, if any. */
  mimeType?: string;
  /** The size the platform declared, if any (checked before downloading). */
  size?: number;
  /** The bytes, at most `maxBytes` (a larger file is refused with DownloadRefusal 'too-large'). */
  download(maxBytes: number): Promise<Uint8Array>;
}

export type RefusalReason =
  'too-large' | 'unsupported' | 'unreadable' | 'not-allowed' | 'busy' | 'too-many' | 'no-text' | 'failed';

export interface FileRefusal {
  name: string;
  reason: RefusalReason;
  /** Detail for the logs (never shown verbatim: the user gets `refusalSentence`). */
  detail: string;
}

export type ReadFile =
  | { kind: 'text'; name: string; text: string; encoding: TextEncoding; bytes: number }
  | {
      kind: 'screenshot';
      name: string;
      text: string;
      /** The lines the screenshot's own diagnosis relied on (corrected, keys masked). */
      lines: string[];
      confidence: number;
      ocrMs: number;
      bytes: number;
    };

export interface AttachmentReading {
  files: ReadFile[];
  refusals: FileRefusal[];
}

export interface AttachmentLimits {
  /** Largest image, in bytes. */
  maxImageBytes: number;
  /** Largest text file, in bytes (UTF-16 doubles a log's size; the engine reads 1 MiB of text). */
  maxTextBytes: number;
  /** Largest image in pixels. */
  maxPixels: number;
  /** Files read per message; the others are refused. */
  maxFiles: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxImageBytes: DEFAULT_SCREENSHOT_LIMITS.maxBytes,
  maxTextBytes: 2 * 1024 * 1024,
  maxPixels: DEFAULT_SCREENSHOT_LIMITS.maxPixels,
  maxFiles: 4,
};

const TEXT_EXTENSIONS = new Set(['txt', 'log', 'csv', 'out', 'text', 'ini', 'xml', 'json', 'md']);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jfif', 'gif', 'bmp', 'webp', 'heic', 'tif', 'tiff']);
/** Types platforms give text files (besides text/*). */
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/x-log']);

export type AttachmentKind = 'image' | 'text' | 'unsupported';

/** What a file claims to be, from its declared type and name (its bytes decide again once downloaded). */
export function kindOf(ref: Pick<AttachmentRef, 'name' | 'mimeType'>): AttachmentKind {
  const mime = (ref.mimeType ?? '').toLowerCase().split(';')[0]!.trim();
  const ext = /\.([a-z0-9]{1,5})$/i.exec(ref.name)?.[1]?.toLowerCase() ?? '';
  if (mime.startsWith('image/') || IMAGE_EXTENSIONS.has(ext)) return 'image';
  if (mime.startsWith('text/') || TEXT_TYPES.has(mime) || TEXT_EXTENSIONS.has(ext)) return 'text';
  // Slack and browsers call a `.log` or a file without extension application/octet-stream: its name decides.
  if ((mime === '' || mime === 'application/octet-stream') && ext === '') return 'text';
  return 'unsupported';
}

/** Reads attachments; owns the OCR pool (its workers start on the first screenshot). */
export class AttachmentReader {
  readonly limits: AttachmentLimits;
  private pool?: OcrPool;

  constructor(
    limits: Partial<AttachmentLimits> = {},
    private readonly poolOptions: OcrPoolOptions = {},
  ) {
    this.limits = { ...DEFAULT_ATTACHMENT_LIMITS, ...limits };
  }

  /**
   * True when a file will probably go through OCR (an image among the first `maxFiles`, not declared too
   * large): the adapter then says "reading your screenshot…" before reading.
   */
  willReadScreenshot(refs: readonly Pick<AttachmentRef, 'name' | 'mimeType' | 'size'>[]): boolean {
    return refs
      .slice(0, this.limits.maxFiles)
      .some((r) => kindOf(r) === 'image' && (r.size === undefined || r.size <= this.limits.maxImageBytes));
  }

  async read(refs: readonly AttachmentRef[], opts: { lang?: Lang } = {}): Promise<AttachmentReading> {
    const reading: AttachmentReading = { files: [], refusals: [] };
    for (const [i, ref] of refs.entries()) {
      const name = displayName(ref.name);
      if (i >= this.limits.maxFiles) {
        reading.refusals.push({
          name,
          reason: 'too-many',
          detail: `more than ${this.limits.maxFiles} files`,
        });
        continue;
      }
      try {
        reading.files.push(await this.readOne(ref, name, opts.lang));
      } catch (error) {
        reading.refusals.push(refusalOf(name, error));
      }
    }
    return reading;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  private async readOne(ref: AttachmentRef, name: string, lang: Lang | undefined): Promise<ReadFile> {
    const kind = kindOf(ref);
    if (kind === 'unsupported')
      throw new Refused('unsupported', `type ${ref.mimeType ?? 'unknown'}, name ${name}`);
    const cap = kind === 'image' ? this.limits.maxImageBytes : this.limits.maxTextBytes;
    if (ref.size !== undefined && ref.size > cap)
      throw new Refused('too-large', `${ref.size} bytes declared`);
    const bytes = await ref.download(cap);
    if (bytes.length > cap) throw new Refused('too-large', `${bytes.length} bytes`);
    if (bytes.length === 0) throw new Refused('no-text', 'empty file');
    if (sniffImage(bytes) || kind === 'image') {
      const limits = { maxBytes: this.limits.maxImageBytes, maxPixels: this.limits.maxPixels };
      checkScreenshot(bytes, limits); // before any worker starts
      const read = await diagnoseScreenshot(bytes, this.ocr(), { ...(lang ? { lang } : {}), limits });
      return {
        kind: 'screenshot',
        name,
        text: read.text,
        lines: read.lines,
        confidence: read.confidence,
        ocrMs: read.ocrMs,
        bytes: bytes.length,
      };
    }
    const decoded = decodeText(bytes);
    const text = decoded.text.replace(/\r\n?/g, '\n').trim();
    if (text === '') throw new Refused('no-text', 'blank text file');
    return { kind: 'text', name, text, encoding: decoded.encoding, bytes: bytes.length };
  }

  private ocr(): OcrPool {
    return (this.pool ??= new OcrPool(this.poolOptions));
  }
}

class Refused extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(detail);
  }
}

function refusalOf(name: string, error: unknown): FileRefusal {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof Refused) return { name, reason: error.reason, detail };
  if (error instanceof NotTextError) return { name, reason: 'unreadable', detail };
  if (error instanceof DownloadRefusal) return { name, reason: error.reason, detail };
  if (error instanceof ScreenshotRefusal) {
    const reason: RefusalReason =
      error.reason === 'too-many-pixels' || error.reason === 'too-large'
        ? 'too-large'
        : error.reason === 'unsupported'
          ? 'unsupported'
          : error.reason === 'queue-full' || error.reason === 'closed' || error.reason === 'timeout'
            ? 'busy'
            : error.reason === 'no-text'
              ? 'no-text'
              : 'unreadable';
    return { name, reason, detail };
  }
  return { name, reason: 'failed', detail };
}

/** A file name fit to show: no path, no control characters, no product key, 80 characters at most. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = redactKeys(base.replace(/[\u0000-\u001f\u007f`*_~<>|]/g, ' ').trim());
  return (clean.length > 80 ? `${clean.slice(0, 77)}…` : clean) || 'file';
}

const MB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}`;

/** Why a file was not read, in a sentence for the person who sent it. */
export function refusalSentence(r: FileRefusal, lang: Lang, limits: AttachmentLimits): string {
  const fr = lang === 'fr';
  const n = `“${r.name}”`;
  switch (r.reason) {
    case 'too-large':
      return fr
        ? `${n} n’a pas été lu : il est trop grand (images jusqu’à ${MB(limits.maxImageBytes)} Mo et ${Math.round(limits.maxPixels / 1e6)} mégapixels, fichiers texte jusqu’à ${MB(limits.maxTextBytes)} Mo). Recadrez la capture sur la fenêtre ou collez le texte.`
        : `${n} was not read: it is too large (images up to ${MB(limits.maxImageBytes)} MB and ${Math.round(limits.maxPixels / 1e6)} megapixels, text files up to ${MB(limits.maxTextBytes)} MB). Crop the screenshot to the window or paste the text.`;
    case 'unsupported':
      return fr
        ? `${n} n’a pas été lu : je lis les captures PNG ou JPEG et les fichiers texte (.txt, .log).`
        : `${n} was not read: I read PNG or JPEG screenshots and text files (.txt, .log).`;
    case 'unreadable':
      return fr
        ? `${n} n’a pas pu être lu : ce n’est ni du texte ni une image lisible.`
        : `${n} could not be read: it is neither text nor a readable image.`;
    case 'no-text':
      return fr ? `${n} ne contient aucun texte lisible.` : `${n} holds no text I could read.`;
    case 'busy':
      return fr
        ? `${n} n’a pas été lu : trop de captures sont en cours de lecture ou la lecture a pris trop de temps. Réessayez dans une minute, ou collez le texte.`
        : `${n} was not read: too many screenshots are being read or reading took too long. Try again in a minute, or paste the text.`;
    case 'too-many':
      return fr
        ? `${n} n’a pas été lu : je lis ${limits.maxFiles} fichiers par message au plus.`
        : `${n} was not read: I read at most ${limits.maxFiles} files per message.`;
    case 'not-allowed':
      return fr
        ? `${n} n’a pas été téléchargé : il n’est pas hébergé par la plateforme.`
        : `${n} was not downloaded: it is not hosted by the platform.`;
    case 'failed':
      return fr
        ? `${n} n’a pas pu être téléchargé. Réessayez, ou collez le texte.`
        : `${n} could not be downloaded. Try again, or paste the text.`;
  }
}
