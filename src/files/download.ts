/**
 * Downloads an attachment from a platform's own file host, and nothing else: the URL is checked against the
 * platform's host list (HTTPS only) or an operator's allow-list (tests put a loopback origin there), before the
 * request and again at each redirect. The body is read up to a byte cap and a time limit; the token, when
 * there is one, is only ever sent to the host the platform named, never to a redirect's target elsewhere.
 */
/** Why a file was not downloaded; the adapters turn it into a sentence in the user's language. */
export class DownloadRefusal extends Error {
  constructor(
    readonly reason: 'not-allowed' | 'too-large' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'DownloadRefusal';
  }
}

/** A platform's file hosts: exact names, and suffixes (`.sharepoint.com`) for per-tenant hosts. */
export interface FileHosts {
  exact: readonly string[];
  suffixes?: readonly string[];
}

/**
 * A predicate over URLs: HTTPS on one of the platform's hosts, or the scheme, host and port of an allow-list
 * entry (with its path as a prefix). Loopback is only reachable through the allow-list: the platform's list
 * never admits it (its names are public hosts, compared as written: no DNS lookup).
 */
export function fileHostPolicy(
  hosts: FileHosts,
  allowList: readonly string[] = [],
): (url: string) => boolean {
  const allowed = allowList.map((entry) => new URL(entry));
  return (raw) => {
    if (typeof raw !== 'string' || raw.length > 4096) return false;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    const listed = allowed.some((entry) => {
      if (entry.protocol !== url.protocol || entry.host !== url.host) return false;
      const prefix = entry.pathname.replace(/\/+$/, '');
      return prefix === '' || url.pathname === prefix || url.pathname.startsWith(prefix + '/');
    });
    if (listed) return true;
    if (url.protocol !== 'https:' || url.port !== '') return false;
    const host = url.hostname.toLowerCase();
    return hosts.exact.includes(host) || (hosts.suffixes ?? []).some((s) => host.endsWith(s));
  };
}

export interface DownloadOptions {
  allowed: (url: string) => boolean;
  maxBytes: number;
  /** Sent only to the first URL's origin (a redirect to another host gets no Authorization). */
  token?: string;
  timeoutMs?: number;
  /** Tests give a recording fetch; production uses the global one. */
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;

export async function downloadFile(url: string, opts: DownloadOptions): Promise<Uint8Array> {
  if (!opts.allowed(url))
    throw new DownloadRefusal('not-allowed', 'the file is not on the platform’s file host');
  const doFetch = opts.fetch ?? fetch;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 20_000);
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; hop++) {
    const sameOrigin = new URL(current).origin === origin;
    let res: Response;
    try {
      res = await doFetch(current, {
        redirect: 'manual',
        signal,
        headers: opts.token && sameOrigin ? { authorization: `Bearer ${opts.token}` } : {},
      });
    } catch (error) {
      throw new DownloadRefusal('failed', `the download failed (${(error as Error).name})`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      const next = new URL(res.headers.get('location')!, current).href;
      if (hop >= MAX_REDIRECTS || !opts.allowed(next))
        throw new DownloadRefusal('not-allowed', 'the file host redirected elsewhere');
      current = next;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new DownloadRefusal('failed', `the file host answered ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel();
      throw new DownloadRefusal('too-large', 'the file is too large');
    }
    return readCapped(res, opts.maxBytes);
  }
}

/** The body, refused as soon as it passes `maxBytes` (a missing or false Content-Length changes nothing). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new DownloadRefusal('too-large', 'the file is too large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DownloadRefusal) throw error;
    throw new DownloadRefusal('failed', `the download failed (${(error as Error).name})`);
  }
  return Buffer.concat(chunks);
}
