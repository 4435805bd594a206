/**
 * Slack request signing (v0): `v0=` + hex(HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`)).
 * Pure: the clock is a parameter, so tests pin time. Runs over the raw bytes; re-serialized JSON would not match.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Requests older (or further in the future) than this are replays. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing-headers' | 'bad-timestamp' | 'stale' | 'mismatch' };

export function signSlackRequest(
  secret: string,
  timestamp: number | string,
  rawBody: Buffer | string,
): string {
  const mac = createHmac('sha256', secret);
  mac.update(`v0:${timestamp}:`);
  mac.update(rawBody);
  return `v0=${mac.digest('hex')}`;
}

export function verifySlackSignature(input: {
  secret: string;
  rawBody: Buffer;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  nowMs: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: 'bad-timestamp' };
  const ageSeconds = Math.abs(Math.floor(input.nowMs / 1000) - Number(timestampHeader));
  if (ageSeconds > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: 'stale' };

  const expected = Buffer.from(signSlackRequest(input.secret, timestampHeader, input.rawBody), 'utf8');
  const received = Buffer.from(signatureHeader, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is already a mismatch and leaks nothing secret.
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
}
