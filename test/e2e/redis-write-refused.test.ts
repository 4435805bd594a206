/**
 * A partial Redis failure: Redis still answers (PING, reads) but refuses every write, as when maxmemory is
 * reached with the noeviction policy. /readyz must say so, and the outage is logged once when it starts and once
 * when it ends, however many messages arrive in between (each is answered with a "memory unavailable" note).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/conversations/types.js';
import { startPrivateRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';

let redis: TestRedis;
let admin: Redis;
let server: TestServer;

beforeAll(async () => {
  redis = await startPrivateRedis();
  admin = new Redis(redis.url);
  server = await startTestServer({ REDIS_URL: redis.url, PLAYGROUND: 'on' });
});

afterAll(async () => {
  await server?.close();
  admin?.disconnect();
  await redis?.stop();
});

let seq = 0;
function message(text: string): InboundMessage {
  seq++;
  return {
    platform: 'web',
    tenant: 'playground',
    channel: 'web',
    threadKey: `thread-${seq % 3}`,
    messageId: `m-${seq}`,
    user: { id: 'u1' },
    text,
    addressed: 'dm',
    receivedAt: Date.now(),
  };
}

const readyz = async () => (await fetch(`${server.url}/readyz`)).status;
const outageLines = () =>
  server.logs.filter((l) => /^redis (unavailable|available again)/.test(String(l.msg)));

describe('Redis refusing writes (maxmemory reached)', () => {
  it('turns /readyz to 503, logs the outage once at each end, and answers every message without memory', async () => {
    expect(await readyz()).toBe(200);
    await server.bot.deps.engine.handle(message('why 0xC004F074?'));

    await admin.config('SET', 'maxmemory', '1'); // default policy noeviction: every write is refused now
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    expect(await admin.ping()).toBe('PONG');
    expect(await readyz()).toBe(503);
    for (let i = 0; i < 30; i++) {
      const result = await server.bot.deps.engine.handle(message(`why 0xC004F0${38 + (i % 3)}?`));
      expect(JSON.stringify(result.reply)).toMatch(/memory/i);
      if (i % 5 === 0) expect(await readyz()).toBe(503);
    }
    expect(outageLines().map((l) => l.msg)).toEqual(['redis unavailable; answering without thread memory']);

    await admin.config('SET', 'maxmemory', '0');
    expect(await readyz()).toBe(200);
    await server.bot.deps.engine.handle(message('why 0xC004F074?'));
    expect(outageLines().map((l) => l.msg)).toEqual([
      'redis unavailable; answering without thread memory',
      'redis available again',
    ]);
  });
});
