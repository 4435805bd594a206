/**
 * Which Bot Framework service URLs the bot may send to when it runs without a MicrosoftAppId (anonymous mode).
 *
 * With credentials, the channel's JWT carries a `serviceUrl` claim that must equal the activity's, so only the Bot
 * Framework decides where replies go. Without them nobody vouches for the activity: whoever can reach
 * /api/messages names the host, port and path prefix of the bot's reply. Anonymous mode is for local tools (Agents
 * Playground), so it only talks to loopback and to the origins an operator lists in BOT_SERVICE_URL_ALLOWLIST.
 *
 * The check reads the URL text only: no DNS lookup, no connection. A name that merely resolves to loopback is not
 * loopback here (an attacker controls DNS for their own names); `localhost` is, since it never leaves the host.
 */

export class ServiceUrlRefusedError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('serviceUrl is not on loopback or in BOT_SERVICE_URL_ALLOWLIST');
    this.name = 'ServiceUrlRefusedError';
  }
}

/** Parses `https://host[:port][/prefix],…` into normalised URLs; throws naming the bad entry's position. */
export function parseServiceUrlAllowList(value: string): URL[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry, i) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`entry ${i + 1} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`entry ${i + 1} is not http(s)`);
    if (url.username || url.password || url.search || url.hash)
      throw new Error(`entry ${i + 1} must be scheme://host[:port][/path]`);
    return url;
  });
}

/** true for 127.0.0.0/8, ::1 and `localhost` (and its subdomains, which resolvers keep on the host). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // The WHATWG parser has already turned every IPv4 spelling (octal, hex, short) into dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A predicate over service URLs: loopback, or the same scheme, host and port as an allow-list entry, with the
 * entry's path as a prefix (a whole segment: `/amer` does not admit `/amerx`).
 */
export function serviceUrlPolicy(allowList: readonly URL[]): (serviceUrl: unknown) => boolean {
  return (serviceUrl) => {
    if (typeof serviceUrl !== 'string' || serviceUrl.length > 2048) return false;
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    if (url.username || url.password) return false;
    if (isLoopbackHost(url.hostname)) return true;
    return allowList.some((entry) => {
      if (entry.protocol !== url.protocol || entry.host !== url.host) return false;
      const prefix = entry.pathname.replace(/\/+$/, '');
      return prefix === '' || url.pathname === prefix || url.pathname.startsWith(prefix + '/');
    });
  };
}
