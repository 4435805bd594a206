/**
 * The `fetch` the Slack clients use (WebClient calls, `respond()`): plain node:http(s) requests over keep-alive
 * agents instead of the built-in WHATWG fetch. Under load the built-in one costs a reply more CPU than
 * everything else the reply needs on the network (Request/Response objects, web streams, an AbortSignal timer per
 * call); this keeps what the Slack clients read — status, headers, body text — and nothing else.
 *
 * Anything it does not handle (a FormData upload body) goes to the built-in fetch. Semantics kept from fetch:
 * any status resolves (the client decides what a 429 or 500 means), `redirect: 'error'` rejects a 3xx, an
 * aborted `signal` rejects, network errors reject.
 */
import http from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';

type FetchFunction = webApi.FetchFunction;
export type FetchResponse = Awaited<ReturnType<FetchFunction>>;
export type FetchInit = NonNullable<Parameters<FetchFunction>[1]>;

export interface SlackFetchOptions {
  /** Whole-call limit (connect, send, receive); 0 for none. Replaces the WebClient's per-call AbortSignal. */
  timeoutMs?: number;
  /** Sockets kept open per host (Slack's API is one host; the fake in tests too). */
  maxSockets?: number;
  /** Further attempts after a failed call (see `withRetries`). Default 2. */
  retries?: number;
  /** A 429 asking to wait longer than this is not waited for: the call fails. Default 10 s. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Web API methods that change nothing when sent twice (reads, and writes of a given state). */
const IDEMPOTENT = new Set([
  'auth.test',
  'chat.update',
  'chat.delete',
  'chat.getPermalink',
  'views.publish',
  'conversations.members',
  'conversations.info',
  'conversations.replies',
  'conversations.history',
  'users.info',
]);

/** The metadata event type that marks the bot's own posts, so a post that may have gone through can be found. */
export const POST_MARK_EVENT = 'activation_doctor_post';

/** A chat.postMessage that carries a unique id (`mark`) in its metadata, so a post that may have gone through can
 * be found before it is sent again. `place` is read only after a failure. */
export interface MarkedPost {
  mark: string;
  place: () => { channel?: string; threadTs?: string };
}

/** The Slack clients' fetch, plus the same retries for a post sent as JSON by post-message.ts. */
export interface SlackFetch extends FetchFunction {
  /** Sends a chat.postMessage whose body already carries `post.mark` in its metadata. */
  sendPost(url: URL, init: FetchInit, post: MarkedPost): Promise<FetchResponse>;
  close(): void;
}

export function createSlackFetch(options: SlackFetchOptions = {}): SlackFetch {
  const plain = createPlainFetch(options);
  const send = withRetries(plain, options);
  const fetchFn: FetchFunction = (input, init = {}) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    const marked = markFormPost(url, init);
    return marked ? send(url, marked.init, marked.post) : send(url, init);
  };
  return Object.assign(fetchFn, { sendPost: send, close: plain.close });
}

/**
 * Capped, idempotent retries, below the WebClient (which is configured not to retry): a call is sent again only
 * when that cannot do anything twice.
 * - 429: Slack did nothing; wait Retry-After when it is at most `maxRetryAfterMs`, else fail at once.
 * - 5xx, a reset connection or a timeout: the call may have been carried out. Idempotent methods are sent again.
 *   A marked chat.postMessage carries a unique id in its message metadata, and before sending it again the
 *   thread (or channel) is read for a message with that id: found, it is the answer; not found, the post is sent
 *   again; unreadable, the failure stands (better a missing reply than a double one). Other writes, unmarked
 *   posts included, are not retried.
 */
function withRetries(
  send: FetchFunction,
  options: SlackFetchOptions,
): (url: URL, request: FetchInit, post?: MarkedPost) => Promise<FetchResponse> {
  const retries = options.retries ?? 2;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (url, request, post) => {
    const method = url.pathname.split('/').pop() ?? '';
    const startedSec = Math.floor(Date.now() / 1000) - 60;
    for (let attempt = 0; ; attempt++) {
      let response: FetchResponse | undefined;
      let failure: unknown;
      try {
        response = await send(url, request);
      } catch (error) {
        failure = error;
      }
      const last = attempt >= retries;
      if (response && response.status === 429) {
        const waitMs = retryAfterMs(response.headers.get('retry-after'));
        if (last || waitMs > maxRetryAfterMs) return response;
        await sleep(waitMs);
        continue;
      }
      const ambiguous = failure !== undefined || (response !== undefined && response.status >= 500);
      if (!ambiguous || last || (failure !== undefined && request.signal?.aborted)) {
        if (response) return response;
        throw failure;
      }
      if (post) {
        const found = await findMarkedPost(send, url, request, post, startedSec);
        if (found === 'unknown') {
          if (response) return response;
          throw failure;
        }
        if (found) return found;
      } else if (!IDEMPOTENT.has(method)) {
        if (response) return response;
        throw failure;
      }
      await sleep(200 * 2 ** attempt);
    }
  };
}

function retryAfterMs(header: string | null): number {
  const seconds = Number(header ?? '1');
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

/** The metadata a post carries so that it can be found again. */
export function postMark(mark: string) {
  return { event_type: POST_MARK_EVENT, event_payload: { post_id: mark } };
}

/**
 * A form-encoded chat.postMessage (the WebClient's) with the mark's metadata field appended. Appended rather than
 * parsed and re-encoded: the body holds the whole rendered message. A post that sets its own metadata is sent as
 * it is, unmarked (so it is not sent twice either).
 */
function markFormPost(url: URL, init: FetchInit): { init: FetchInit; post: MarkedPost } | undefined {
  const body = init.body;
  if (typeof body !== 'string' || !url.pathname.endsWith('/chat.postMessage')) return undefined;
  if (body.startsWith('metadata=') || body.includes('&metadata=')) return undefined;
  const mark = randomUUID();
  const marked = `${body}${body ? '&' : ''}metadata=${encodeURIComponent(JSON.stringify(postMark(mark)))}`;
  const place = () => {
    const form = new URLSearchParams(body);
    return { channel: form.get('channel') ?? undefined, threadTs: form.get('thread_ts') ?? undefined };
  };
  return { init: { ...init, body: marked }, post: { mark, place } };
}

/**
 * Reads the thread (or the channel) for the bot's post carrying the mark: a synthesized chat.postMessage response
 * when found, undefined when surely absent, 'unknown' when it could not be read.
 */
async function findMarkedPost(
  send: FetchFunction,
  url: URL,
  init: FetchInit,
  post: MarkedPost,
  oldestSec: number,
): Promise<FetchResponse | undefined | 'unknown'> {
  const { channel, threadTs } = post.place();
  if (!channel) return 'unknown';
  const query = new URLSearchParams({
    channel,
    include_all_metadata: 'true',
    oldest: String(oldestSec),
    limit: '100',
    ...(threadTs ? { ts: threadTs } : {}),
  });
  const lookup = new URL(threadTs ? 'conversations.replies' : 'conversations.history', url);
  try {
    const res = await send(lookup, {
      method: 'POST',
      headers: {
        ...(init.headers as Record<string, string>),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: query.toString(),
    });
    const data = (await res.json()) as {
      ok?: boolean;
      messages?: Array<{ ts?: string; metadata?: { event_payload?: { post_id?: unknown } } }>;
    };
    if (!data.ok || !Array.isArray(data.messages)) return 'unknown';
    const message = data.messages.find((m) => m.metadata?.event_payload?.post_id === post.mark);
    if (!message?.ts) return undefined;
    const body = Buffer.from(JSON.stringify({ ok: true, channel, ts: message.ts, message }));
    return new NodeResponse(url.href, 200, 'OK', { 'content-type': 'application/json' }, body);
  } catch {
    return 'unknown';
  }
}

function createPlainFetch(options: SlackFetchOptions): FetchFunction & { close(): void } {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'lifo' as const };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const timeoutMs = options.timeoutMs ?? 0;

  const fetchFn = (input: string | URL, init: FetchInit = {}): Promise<FetchResponse> => {
    const body = init.body;
    if (body !== undefined && typeof body !== 'string') return builtinFetch(input, init);
    const url = typeof input === 'string' ? new URL(input) : input;
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') return builtinFetch(input, init);
    const signal = init.signal;
    if (signal?.aborted) return Promise.reject(abortError(signal));

    return new Promise<FetchResponse>((resolve, reject) => {
      const headers: Record<string, string | number> = { ...init.headers };
      if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
      const req = (secure ? https : http).request(url, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? agents.https : agents.http,
      });
      let timer: NodeJS.Timeout | undefined;
      const fail = (error: Error) => {
        cleanup();
        req.destroy();
        reject(error);
      };
      const onAbort = () => fail(abortError(signal!));
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs > 0) {
        timer = setTimeout(
          () => fail(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
          timeoutMs,
        );
      }
      req.on('error', (error) => {
        cleanup();
        reject(new TypeError('fetch failed', { cause: error }));
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && init.redirect === 'error') {
          res.resume();
          cleanup();
          reject(new TypeError('fetch failed', { cause: new Error('unexpected redirect') }));
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          cleanup();
          reject(new TypeError('fetch failed', { cause: error }));
        });
        res.on('end', () => {
          cleanup();
          const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          resolve(new NodeResponse(url.href, status, res.statusMessage ?? '', res.headers, bytes));
        });
      });
      req.end(body);
    });
  };
  return Object.assign(fetchFn, {
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}

const builtinFetch = (input: string | URL, init: FetchInit) =>
  globalThis.fetch(input, init) as unknown as Promise<FetchResponse>;

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

/** The part of a fetch Response the Slack clients read, over an already received body. */
class NodeResponse implements FetchResponse {
  readonly headers: NodeHeaders;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    raw: http.IncomingHttpHeaders,
    private readonly bytes: Buffer,
  ) {
    this.headers = new NodeHeaders(raw);
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  async text(): Promise<string> {
    return this.bytes.toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.bytes.toString('utf8'));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.bytes;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }
}

/** Header lookup as fetch does it: case-insensitive, repeated values joined with ", ". */
class NodeHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const [name, value] of Object.entries(this.raw)) {
      if (value !== undefined) yield [name, Array.isArray(value) ? value.join(', ') : value];
    }
  }
}
