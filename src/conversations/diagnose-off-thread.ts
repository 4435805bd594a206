/**
 * Reading a large paste without stalling the server. `extract` (the knowledge core's parse of a paste) takes
 * a few hundred milliseconds on a 1 MiB playground paste, and every other request would wait for it. Texts
 * longer than OFF_THREAD_CHARS are read in a worker thread instead; shorter ones, which are nearly all chat
 * messages, are read in place (posting to a worker would cost more than it saves).
 *
 * One worker, started on the first large paste and stopped after a minute without one, so an idle server carries
 * no second copy of the knowledge core. Results are identical to `extract` (tests compare them); if the worker
 * cannot run (the TypeScript sources under the test runner have no compiled worker file) the text is read in place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extract, type Extraction } from '../knowledge/index.js';
import type { ExtractAnswer } from './extract-worker.js';

/** Above this many characters a paste is read off the main thread (well above any Slack or Teams message). */
export const OFF_THREAD_CHARS = 64 * 1024;
/** A worker with nothing to do for this long is stopped. */
export const WORKER_IDLE_MS = 60_000;

const WORKER_FILE = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

/** The worker stopped or failed to start: the text is read in place instead. */
class WorkerGone extends Error {}

interface Pending {
  resolve(extraction: Extraction): void;
  reject(error: Error): void;
}

class ExtractWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly idleMs: number,
  ) {}

  extract(text: string): Promise<Extraction> {
    const worker = this.start();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    return new Promise<Extraction>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text });
    });
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    // A worker reading a paste must not keep the process alive on its own (shutdown waits for the requests).
    worker.unref();
    worker.on('message', (answer: ExtractAnswer) => {
      const p = this.pending.get(answer.id);
      if (!p) return;
      this.pending.delete(answer.id);
      if ('extraction' in answer) p.resolve(answer.extraction);
      else p.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name }));
      if (this.pending.size === 0) this.scheduleStop();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new WorkerGone(error.message)));
    worker.on('exit', (code) => fail(new WorkerGone(`extract worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private scheduleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stop(), this.idleMs);
    this.idleTimer.unref();
  }
}

let shared: ExtractWorker | undefined;

/**
 * `extract(text)`, off the main thread for long texts. A worker that fails (crashed, killed) is replaced on the
 * next call and this text is read in place, so the answer never depends on the worker being healthy.
 */
export async function extractOffThread(text: string): Promise<Extraction> {
  if (text.length <= OFF_THREAD_CHARS || !existsSync(WORKER_FILE)) return extract(text);
  shared ??= new ExtractWorker(WORKER_FILE, WORKER_IDLE_MS);
  try {
    return await shared.extract(text);
  } catch (error) {
    if (error instanceof WorkerGone) return extract(text);
    throw error;
  }
}

/**
 * Whether a worker is up (it starts with the first long paste and stops when idle). Tests read it from the built
 * tree, where knip does not look.
 * @public
 */
export function extractWorkerRunning(): boolean {
  return shared?.running ?? false;
}

/** Stops the worker if one runs (the server's close, and tests). */
export async function stopExtractWorker(): Promise<void> {
  await shared?.stop();
  shared = undefined;
}
