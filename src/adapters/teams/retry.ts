/**
 * Outbound retries for Bot Framework connector calls. Teams answers 429 (per bot per thread), 412, 502 and 504 on
 * transient trouble and asks for exponential backoff with jitter. Two layers share that work:
 *
 * - the connector's own HTTP pipeline (@azure/core-rest-pipeline's default retry policy, botbuilder 4.23) already
 *   retries 408 and every 5xx but 501/505 three times with jittered exponential delays, and 429/503 when a
 *   Retry-After header is present; so 502 and 504 are covered there, and retrying them here again would multiply
 *   the attempts (up to a dozen, a reply 20 s late);
 * - it never retries 412, nor a 429 without Retry-After: this helper does, a few times, so a reply is late by a
 *   second or two at worst.
 */

/** Statuses retried here; 502/504 are retried by the connector pipeline underneath (see above). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 412]);

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; status: number; delayMs: number }) => void;
}

export const DEFAULT_RETRY: Required<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs'>> = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 4000,
};

/** HTTP status of a failed connector call (RestError from the connector), if any. */
export function statusOf(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const candidate of [e.statusCode, e.status, e.response?.status]) {
    if (typeof candidate === 'number') return candidate;
  }
  return undefined;
}

/** Retry-After in milliseconds (seconds or HTTP date), when the failed response carried the header. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers;
  let raw: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    raw = (headers as { get(name: string): unknown }).get('retry-after');
  } else if (headers && typeof headers === 'object') {
    raw = (headers as Record<string, unknown>)['retry-after'];
  }
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** "Full jitter": a random pause up to the exponential ceiling, so throttled replies do not retry in step. */
export function backoffDelay(
  attempt: number,
  opts: { baseDelayMs: number; maxDelayMs: number },
  random: () => number,
): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `call`, retrying retryable connector failures; any other error (or the last one) is thrown. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_RETRY.attempts;
  const delays = {
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      // A 429 with Retry-After was already waited for and retried by the pipeline.
      const pipelineRetried = status === 429 && retryAfterMs(error) !== undefined;
      if (status === undefined || !RETRYABLE_STATUSES.has(status) || pipelineRetried || attempt >= attempts) {
        throw error;
      }
      const delayMs = backoffDelay(attempt, delays, random);
      options.onRetry?.({ attempt, status, delayMs });
      await sleep(delayMs);
    }
  }
}
