/**
 * Scrubs secrets from anything about to be logged. Defence in depth: callers should not log secrets or message
 * text in the first place, but a token inside an SDK error message must not reach the log either. Product keys
 * are found by the knowledge core's finder (`redactKeys`), the same one every stored and echoed text goes
 * through, so the log is never weaker than the product-key rule.
 */
import { redactKeys } from '../knowledge/redact.js';

/** Field names whose values are never logged, whatever they hold. */
const SECRET_KEY = /(secret|token|password|authorization|cookie|signature|api[-_]?key|credential)/i;

/** Placeholders `describeConfig()` already put in place of secrets; nothing left to hide. */
const MASKED = new Set<unknown>(['***', '(unset)']);

const SECRET_PATTERNS: Array<[RegExp, string]> = [
  // Slack tokens (bot, user, app-level, refresh, config).
  [/\bxox[abposre]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  // Bearer credentials (Bot Framework JWTs, Slack Authorization headers).
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  // Passwords inside connection URLs.
  // Bounded runs: over a line of `http://a:` repeated without `@`, unbounded ones would rescan it from each start.
  [/\b(rediss?|https?):\/\/([^:/@\s]{0,256}):[^@\s]{1,512}@/g, '$1://$2:***@'],
];

/** Longest string a log record carries; a log is for ids and counts, never a transcript. */
export const MAX_LOGGED_STRING = 4000;

export function maskSecretsIn(text: string): string {
  let out = redactKeys(text);
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > MAX_LOGGED_STRING ? `${out.slice(0, MAX_LOGGED_STRING)}…[${out.length} chars]` : out;
}

/** Deep copy with secret-named fields replaced and secret-looking strings scrubbed. Cycles and depth are bounded. */
export function maskSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskSecretsIn(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: maskSecretsIn(value.message),
      ...(code !== undefined ? { code } : {}),
      ...(value.stack ? { stack: maskSecretsIn(value.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => maskSecrets(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      SECRET_KEY.test(key) && v !== undefined && v !== null && v !== '' && !MASKED.has(v as string)
        ? '[redacted]'
        : maskSecrets(v, depth + 1, seen);
  }
  return out;
}
