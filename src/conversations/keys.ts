/**
 * Thread identity and Redis key names. Every key of one thread shares a hash tag (`{…}`) so that a Lua script or a
 * pipeline touching several of them stays in one Cluster slot. The tag starts with `platform:tenant:` so a tenant's
 * keys can be found by prefix when an app is uninstalled.
 */
import type { InboundMessage, Platform } from './types.js';

export const KEY_PREFIX = 'ad';

/** Where a thread lives; the parts of InboundMessage that identify it. */
export interface ThreadRef {
  platform: Platform;
  tenant: string;
  channel: string;
  threadKey: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes one id part so that `:` (our separator), `{`/`}` (hash-tag delimiters) and glob characters
 * (`*?[]\`, used by SCAN MATCH) never appear raw. Injective, so two different ids never share a key.
 */
export function encodeKeyPart(part: string): string {
  return encodeURIComponent(part.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[*!'()~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `slack:T123:C456:1700000000.0001`, each part encoded. */
export function threadIdOf(ref: ThreadRef): string {
  return [ref.platform, ref.tenant, ref.channel, ref.threadKey].map(encodeKeyPart).join(':');
}

/** The canonical thread id of an inbound message. */
export function threadKeyOf(
  msg: Pick<InboundMessage, 'platform' | 'tenant' | 'channel' | 'threadKey'>,
): string {
  return threadIdOf(msg);
}

/** Prefix shared by every thread id of one tenant (ends with `:` so tenant `T1` never matches `T10`). */
export function tenantPrefixOf(platform: Platform, tenant: string): string {
  return `${encodeKeyPart(platform)}:${encodeKeyPart(tenant)}:`;
}

export function stateKey(threadId: string): string {
  return `${KEY_PREFIX}:{${threadId}}:state`;
}

/** Dedup key for one delivery id (`evt:<eventId>` or `msg:<messageId>`), in the thread's slot. */
export function deliveryKey(threadId: string, deliveryId: string): string {
  return `${KEY_PREFIX}:{${threadId}}:seen:${encodeKeyPart(deliveryId)}`;
}

/** SCAN MATCH pattern for every key of a tenant; the encoded parts hold no glob characters. */
export function tenantKeyPattern(platform: Platform, tenant: string): string {
  return `${KEY_PREFIX}:{${tenantPrefixOf(platform, tenant)}*`;
}

/** The delivery ids of a message: its platform event id (retries repeat it) and its message id. */
export function deliveryIdsOf(msg: Pick<InboundMessage, 'eventId' | 'messageId'>): string[] {
  const ids = [`msg:${msg.messageId}`];
  if (msg.eventId) ids.unshift(`evt:${msg.eventId}`);
  return ids;
}
