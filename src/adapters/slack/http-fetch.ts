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
import type { webApi } from '@slack/bolt';

type FetchFunction = webApi.FetchFunction;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type FetchInit = NonNullable<Parameters<FetchFunction>[1]>;

export interface SlackFetchOptions {
  /** Whole-call limit (connect, send, receive); 0 for none. Replaces the WebClient's per-call AbortSignal. */
  timeoutMs?: number;
  /** Sockets kept open per host (Slack's API is one host; the fake in tests too). */
  maxSockets?: number;
}

export function createSlackFetch(options: SlackFetchOptions = {}): FetchFunction & { close(): void } {
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
