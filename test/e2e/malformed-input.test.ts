/**
 * Bad input gets a clear answer: a malformed body on a correctly signed Slack request is a 400 with a short
 * message (never a 500 with a TypeError), and a configuration the process cannot use stops it with one line
 * naming the variable, never its value, and exit code 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithConfig } from '../../src/config.js';
import { startFakeSlack, type FakeSlack } from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { postForm, postSigned, slackServerEnv } from './helpers/slack-requests.js';

let fake: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  fake = await startFakeSlack();
  server = await startTestServer(slackServerEnv(fake.apiUrl));
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('malformed bodies on signed Slack requests', () => {
  it.each(['null', '42', '"text"', '[]', '[{"type":"block_actions"}]', '{', ''])(
    'payload=%s is a 400 with a short message',
    async (payload) => {
      const res = await postForm(server.url, { payload });
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body.length).toBeLessThan(200);
      expect(body).not.toMatch(/TypeError|Cannot read|at \//);
      expect(JSON.parse(body)).toEqual({ error: expect.any(String) });
    },
  );

  it.each(['null', '[1,2]', '{"type":', '"event_callback"'])('a JSON body of %s is a 400', async (raw) => {
    const res = await postSigned(server.url, raw, 'application/json');
    expect(res.status).toBe(400);
  });

  it('logs no stack trace for them', async () => {
    await server.bot.idle();
    expect(server.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('configuration the process cannot use', () => {
  it.each([
    'redis://:%zz@cache.invalid:6379',
    'redis://[::1',
    'redis://cache.invalid:99999',
    'redis://cache.invalid:6379/not-a-db',
    'rediss://user:s3cr3t@cache host.invalid:6380',
  ])('REDIS_URL=%s stops with one line naming the variable, not its value', async (url) => {
    const lines: string[] = [];
    let code: number | undefined;
    let started = false;
    await runWithConfig(
      async () => {
        started = true;
      },
      { env: { REDIS_URL: url }, stderr: (l) => lines.push(l), exit: (c) => (code = c) },
    );
    expect(started).toBe(false);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('REDIS_URL');
    expect(lines[0]).not.toContain(url);
    expect(lines[0]).not.toMatch(/s3cr3t|%zz|cache/);
  });
});
