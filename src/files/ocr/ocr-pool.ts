/**
 * A small pool of tesseract.js workers (each a worker thread running Tesseract's WebAssembly build), so OCR
 * never runs on the event loop. Workers start on first use with the English and French models from npm.
 * Limits: a fixed number of workers, a bounded queue (a job beyond it is refused at once, with the reason),
 * and a time limit per job: a worker that overruns is terminated and replaced, and its job is refused.
 */
import { availableParallelism } from 'node:os';
import type Tesseract from 'tesseract.js';
import { OCR_LANGS, trainedDataFolder, type TrainedDataFolder } from './trained-data.js';

export type OcrRefusalReason = 'queue-full' | 'timeout' | 'closed' | 'unreadable';

/** OCR could not be done for this image; `message` is a sentence a user can be shown. */
export class OcrRefusal extends Error {
  constructor(
    readonly reason: OcrRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'OcrRefusal';
  }
}

export interface OcrPoolOptions {
  /** Worker threads (default: 1 on a machine with up to 2 cores, else 2). */
  size?: number;
  /** Jobs allowed to wait for a worker; one more is refused (default 4). */
  maxQueued?: number;
  /** Longest a recognition may take before its worker is terminated and replaced (default 30 s). */
  jobTimeoutMs?: number;
  /** Longest a worker may take to start (load the models) before it is terminated (default 60 s). */
  startTimeoutMs?: number;
  /** Tesseract page segmentation mode (default 3, automatic: it separates a window's columns). */
  pageSegMode?: string;
  /** Tesseract binarization: 0 Otsu, 1 adaptive Otsu, 2 Sauvola (default 0: best on windows and consoles). */
  thresholdingMethod?: string;
  /**
   * Binarization of a second pass when the first read (almost) nothing, as happens when a window sits on a
   * desktop wallpaper (default 2, Sauvola, which copes with uneven backgrounds).
   */
  fallbackThresholdingMethod?: string;
}

export interface OcrPage {
  /** What Tesseract read, lines separated by `\n`. */
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** Time in the worker, in milliseconds. */
  ms: number;
}

interface Job {
  image: Uint8Array;
  resolve(page: OcrPage): void;
  reject(err: Error): void;
}

interface Slot {
  worker?: Promise<Tesseract.Worker>;
  /** The job running on this worker. */
  job?: Job;
}

/** A first pass that read fewer letters and digits than this is taken as "nothing read". */
const MIN_WORD_CHARS = 24;

export function defaultPoolSize(): number {
  return availableParallelism() <= 2 ? 1 : 2;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Rejects with an OcrRefusal after `ms` and calls `onTimeout` (which ends the stuck work). */
function deadline<T>(work: Promise<T>, ms: number, onTimeout: () => void, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new OcrRefusal('timeout', `${what} took longer than ${seconds(ms)} and was stopped`));
    }, ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export class OcrPool {
  readonly size: number;
  readonly maxQueued: number;
  readonly jobTimeoutMs: number;
  readonly startTimeoutMs: number;
  private readonly pageSegMode: string;
  private readonly thresholdingMethod: string;
  private readonly fallbackThresholdingMethod: string;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private data?: Promise<TrainedDataFolder>;
  private closed = false;
  /** Workers terminated because a job overran (for tests and the bench). */
  terminations = 0;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.maxQueued = Math.max(0, Math.floor(options.maxQueued ?? 4));
    this.jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.pageSegMode = options.pageSegMode ?? '3';
    this.thresholdingMethod = options.thresholdingMethod ?? '0';
    this.fallbackThresholdingMethod = options.fallbackThresholdingMethod ?? '2';
    this.slots = Array.from({ length: this.size }, () => ({}));
  }

  /** Jobs waiting for a worker (not counting those running). */
  get queued(): number {
    return this.queue.length;
  }

  /** Reads the text of a PNG or JPEG. Rejects with an OcrRefusal when the pool is full, closed or too slow. */
  recognize(image: Uint8Array): Promise<OcrPage> {
    if (this.closed) return Promise.reject(new OcrRefusal('closed', 'the OCR service is shutting down'));
    const idle = this.slots.some((s) => s.job === undefined);
    if (!idle && this.queue.length >= this.maxQueued)
      return Promise.reject(
        new OcrRefusal(
          'queue-full',
          `too many screenshots are being read right now (${this.size} in progress, ${this.queue.length} waiting); try again in a minute`,
        ),
      );
    return new Promise<OcrPage>((resolve, reject) => {
      this.queue.push({ image, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; running and waiting jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = () => new OcrRefusal('closed', 'the OCR service is shutting down');
    for (const job of this.queue.splice(0)) job.reject(closing());
    for (const slot of this.slots) slot.job?.reject(closing());
    await Promise.all(this.slots.map((slot) => this.stopWorker(slot)));
    const data = this.data;
    this.data = undefined;
    if (data) await (await data.catch(() => undefined))?.remove();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      void this.run(slot, job).finally(() => {
        slot.job = undefined;
        if (!this.closed) this.pump();
      });
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    try {
      const worker = await deadline(
        (slot.worker ??= this.spawn()),
        this.startTimeoutMs,
        () => void this.stopWorker(slot),
        'starting the OCR worker',
      );
      // Closed while the worker was starting: its job has been refused already and the worker stopped.
      if (this.closed) return;
      const started = performance.now();
      const result = await deadline(
        this.read(worker, Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength)),
        this.jobTimeoutMs,
        () => {
          this.terminations++;
          void this.stopWorker(slot);
        },
        'reading the screenshot',
      );
      job.resolve({ ...result, ms: performance.now() - started });
    } catch (err) {
      if (err instanceof OcrRefusal) job.reject(err);
      else {
        // The worker said the image cannot be decoded; start afresh in case its state is damaged.
        await this.stopWorker(slot);
        job.reject(new OcrRefusal('unreadable', 'the image could not be decoded'));
      }
    }
  }

  /** One pass, and a second with the fallback binarization when the first found (almost) no text. */
  private async read(worker: Tesseract.Worker, image: Buffer): Promise<Omit<OcrPage, 'ms'>> {
    const first = await worker.recognize(image);
    const text = first.data.text ?? '';
    if ((text.match(/\w/g)?.length ?? 0) >= MIN_WORD_CHARS)
      return { text, confidence: first.data.confidence ?? 0 };
    await worker.setParameters({ thresholding_method: this.fallbackThresholdingMethod });
    try {
      const second = await worker.recognize(image);
      return { text: second.data.text ?? '', confidence: second.data.confidence ?? 0 };
    } finally {
      await worker.setParameters({ thresholding_method: this.thresholdingMethod });
    }
  }

  private async spawn(): Promise<Tesseract.Worker> {
    this.data ??= trainedDataFolder();
    const folder = await this.data;
    // tesseract.js loads with the first screenshot: most servers never read one, and start-up should not wait.
    const { default: tesseract } = await import('tesseract.js');
    const worker = await tesseract.createWorker([...OCR_LANGS], tesseract.OEM.LSTM_ONLY, {
      langPath: folder.path,
      cachePath: folder.path,
      // Read the models from the folder every time; never write a cache, never fetch.
      cacheMethod: 'none',
      gzip: true,
      // Without a handler, a job the worker rejects is also thrown from its message listener.
      errorHandler: () => undefined,
    });
    await worker.setParameters({
      tessedit_pageseg_mode: this.pageSegMode as Tesseract.PSM,
      preserve_interword_spaces: '1',
      thresholding_method: this.thresholdingMethod,
      // Tesseract's diagnostics ("Estimating resolution as …") would otherwise go to the process's stdout.
      debug_file: '/dev/null',
    });
    return worker;
  }

  private async stopWorker(slot: Slot): Promise<void> {
    const pending = slot.worker;
    slot.worker = undefined;
    if (!pending) return;
    const worker = await pending.catch(() => undefined);
    await worker?.terminate().catch(() => undefined);
  }
}
