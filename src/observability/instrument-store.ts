/**
 * Counts state-store failures for /metrics without touching the store: a wrapper that counts each rejected
 * command, plus a listener for connection errors when the store exposes its Redis client.
 */
import type { EventEmitter } from 'node:events';
import type { ThreadStore } from '../conversations/store.js';
import type { AppMetrics } from './app-metrics.js';

export function instrumentStore(store: ThreadStore, metrics: AppMetrics): ThreadStore {
  const client = (store as { client?: EventEmitter }).client;
  if (store.kind === 'redis' && client && typeof client.on === 'function') {
    client.on('error', () => metrics.redisErrors.inc({ kind: 'connection' }));
  }
  const counted =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        if (store.kind === 'redis') metrics.redisErrors.inc({ kind: 'command' });
        throw error;
      }
    };
  return {
    // Kept visible: other Redis-backed parts (Teams conversation references) reuse the store's connection.
    ...(client ? { client } : {}),
    kind: store.kind,
    load: counted((threadId) => store.load(threadId)),
    claimAndLoad: counted((threadId, ids, ttl, opts) => store.claimAndLoad(threadId, ids, ttl, opts)),
    claimDelivery: counted((threadId, ids, ttl) => store.claimDelivery(threadId, ids, ttl)),
    update: counted((threadId, mutate, opts) => store.update(threadId, mutate, opts)),
    purgeTenant: counted((platform, tenant) => store.purgeTenant(platform, tenant)),
    ping: counted(async () => {
      const ok = await store.ping();
      // RedisStore reports a failed PING as false rather than throwing.
      if (!ok && store.kind === 'redis') metrics.redisErrors.inc({ kind: 'command' });
      return ok;
    }),
    close: () => store.close(),
  };
}
