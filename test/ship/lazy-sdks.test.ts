/**
 * Start-up loads the SDK of a platform only when that platform is configured: the built server is started in a
 * child process with each configuration, and the packages it loaded are read from its CommonJS module cache.
 * Without Teams credentials botbuilder loads on the first /api/messages request instead, which is still answered.
 * What only some messages need never loads at start-up: OCR (tesseract.js), code pages (iconv-lite), and the
 * restify plugins other than its JSON body parser (formidable, csv, http-signature).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Starts the built server with `env`, optionally posts one anonymous Teams activity, and lists the SDKs loaded. */
async function sdksLoaded(env: Record<string, string>, postTeamsActivity = false): Promise<string[]> {
  const script = `
    const { createRequire } = await import('node:module');
    const { loadConfig } = await import(${JSON.stringify(join(ROOT, 'dist/src/config.js'))});
    const { createLogger } = await import(${JSON.stringify(join(ROOT, 'dist/src/observability/logger.js'))});
    const { createBotServer } = await import(${JSON.stringify(join(ROOT, 'dist/src/bot-server.js'))});
    const bot = await createBotServer(loadConfig({ PORT: '0', ...${JSON.stringify(env)} }), {
      logger: createLogger({ level: 'error', write: () => {} }),
      storeReadyTimeoutMs: 0,
    });
    const url = await bot.listen(0, '127.0.0.1');
    let status;
    if (${postTeamsActivity}) {
      const res = await fetch(url + '/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'conversationUpdate', id: 'a1', channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'b1' } }),
      });
      status = res.status;
    }
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const sdks = ['botbuilder', '@slack/bolt', 'tesseract.js', 'iconv-lite', 'formidable', 'csv', 'http-signature']
      .filter((p) => cache.some((k) => k.includes('/node_modules/' + p + '/')));
    await bot.close();
    console.log(JSON.stringify({ sdks, status }));
    process.exit(0);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { sdks: string[]; status?: number };
  if (postTeamsActivity) expect(result.status).toBe(200);
  return result.sdks;
}

beforeAll(async () => {
  // Asynchronously: a compile blocking this worker would starve the test runner's own messages.
  const build = spawn(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
  expect(await new Promise((resolve) => build.once('exit', resolve))).toBe(0);
}, 300_000);

describe('platform SDKs at start-up', () => {
  it('with no configuration (the playground) neither Bolt nor botbuilder is loaded', async () => {
    expect(await sdksLoaded({})).toEqual([]);
  });

  it('without Teams credentials botbuilder loads on the first /api/messages request, which is answered', async () => {
    expect(await sdksLoaded({ PLAYGROUND: 'on' }, true)).toEqual(['botbuilder']);
  });

  it('with Teams credentials botbuilder is loaded before the server listens', async () => {
    expect(
      await sdksLoaded({ MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'p' }),
    ).toEqual(['botbuilder']);
  });
});
