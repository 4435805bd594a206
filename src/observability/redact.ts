/**
 * Scrubs secrets from anything about to be logged. Defence in depth: callers should not log secrets or message
 * text in the first place, but a token inside an SDK error message must not reach the log either.
 */

/** Field names whose values are never logged, whatever they hold. */
const SECRET_KEY = /(secret|token|password|authorization|cookie|signature|api[-_]?key|credential)/i;

/** Placeholders `describeConfig()` already put in place of secrets; nothing left to hide. */
const MASKED = new Set<unknown>(['***', '(unset)']);

const SECRET_PATTERNS: Array<[RegExp, string | ((m: string) => string)]> = [
  // Slack tokens (bot, user, app-level, refresh, config).
  [/\bxox[abposre]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  // Bearer credentials (Bot Framework JWTs, Slack Authorization headers).
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  // Passwords inside connection URLs.
  [/\b(rediss?|https?):\/\/([^:/@\s]*):[^@\s]+@/g, '$1://$2:***@'],
  // Full Windows product keys: keep only the last group (published GVLKs are harmless but indistinguishable here).
  [/\b(?:[A-Z0-9]{5}-){4}([A-Z0-9]{5})\b/gi, (m) => `XXXXX-XXXXX-XXXXX-XXXXX-${m.slice(-5)}`],
];

export function redactString(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) {
    out =
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

/** Deep copy with secret-named fields replaced and secret-looking strings scrubbed. Cycles and depth are bounded. */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: redactString(value.message),
      ...(code !== undefined ? { code } : {}),
      ...(value.stack ? { stack: redactString(value.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      SECRET_KEY.test(key) && v !== undefined && v !== null && v !== '' && !MASKED.has(v as string)
        ? '[redacted]'
        : redactValue(v, depth + 1, seen);
  }
  return out;
}
