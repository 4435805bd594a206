/**
 * POST /playground/uploads on the real server: a pasted screenshot is acknowledged at once ("Reading your
 * screenshot…", first JSON line) and the answer replaces that message; a dropped out.txt reads like the paste;
 * oversized bodies, binary junk and unsupported types are refused with a reason, in the user's language.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';

interface Rendered {
  id: string;
  mode: 'post' | 'update';
  reply: {
    kind: string;
    lang: string;
    title: string;
    summary: string;
    evidence: string[];
    warnings: string[];
  };
  text: string;
}
interface Line {
  ack?: Rendered;
  result?: { replies: Rendered[]; effects: unknown[]; silent?: string };
  error?: string;
}

const FIXTURES = new URL('../fixtures/', import.meta.url);
const OUT_TXT = readFileSync(new URL('files/en-slmgr-dlv-powershell-utf16le.txt', FIXTURES));
const FR_SHOT = 'fr-wsh-dlv-client-kms-sans-hote-100-content';
const EN_SHOT = 'en-wsh-dlv-kms-client-no-host-100-content';
const png = (name: string) => readFileSync(new URL(`screenshots/${name}.png`, FIXTURES));
const windowText = (name: string) =>
  (JSON.parse(readFileSync(new URL(`screenshots/${name}.json`, FIXTURES), 'utf8')) as { text: string }).text;

let redis: TestRedis;
let server: TestServer;

beforeAll(async () => {
  redis = await startTestRedis();
  // A small image cap so the oversized case stays small on the wire.
  server = await startTestServer({ PLAYGROUND: 'on', REDIS_URL: redis.url, ATTACHMENT_MAX_MB: '1' });
});

afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

async function upload(body: unknown): Promise<{ status: number; lines: Line[]; error?: string }> {
  const res = await fetch(`${server.url}/playground/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200)
    return { status: res.status, lines: [], error: (JSON.parse(text) as { error: string }).error };
  expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
  return {
    status: res.status,
    lines: text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line),
  };
}

async function pasted(text: string, lang?: 'en' | 'fr'): Promise<Rendered> {
  const res = await fetch(`${server.url}/playground/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ threadId: randomUUID(), text, ...(lang ? { lang } : {}) }),
  });
  return ((await res.json()) as { replies: Rendered[] }).replies[0]!;
}

const file = (name: string, bytes: Buffer, type?: string) => ({
  name,
  ...(type ? { type } : {}),
  data: bytes.toString('base64'),
});

describe('playground uploads', () => {
  it('a dropped out.txt (UTF-16LE) answers like the pasted text, naming the file, with no acknowledgement', async () => {
    const expected = await pasted(windowText(EN_SHOT));
    const { status, lines } = await upload({
      threadId: randomUUID(),
      files: [file('out.txt', OUT_TXT, 'text/plain')],
    });
    expect(status).toBe(200);
    expect(lines).toHaveLength(1);
    const [reply] = lines[0]!.result!.replies;
    expect(reply!.mode).toBe('post');
    expect(reply!.reply.title).toBe(expected.reply.title);
    expect(reply!.reply.evidence[0]).toContain('out.txt');
  });

  it('a pasted French screenshot is acknowledged in French, then that message becomes the diagnosis of the paste', async () => {
    const expected = await pasted(windowText(FR_SHOT), 'fr');
    const started = performance.now();
    const { lines } = await upload({
      threadId: randomUUID(),
      lang: 'fr',
      files: [file('capture.png', png(FR_SHOT), 'image/png')],
    });
    const ms = performance.now() - started;
    expect(lines).toHaveLength(2);
    const ack = lines[0]!.ack!;
    expect(ack.mode).toBe('post');
    expect(ack.reply.title).toBe('Je lis votre capture d’écran…');
    const [reply] = lines[1]!.result!.replies;
    expect(reply!.mode).toBe('update');
    expect(reply!.id).toBe(ack.id);
    expect(reply!.reply.lang).toBe('fr');
    expect(reply!.reply.title).toBe(expected.reply.title);
    expect(reply!.reply.summary).toMatch(/capture d’écran/);
    expect(reply!.reply.evidence[0]).toMatch(/capture « capture\.png »/);
    expect(reply!.reply.evidence.slice(1).join('\n')).toMatch(/KMS/);
    // For the report: the whole request, OCR included (not asserted: the machine is shared).
    console.info(`playground upload of ${FR_SHOT}.png answered in ${Math.round(ms)} ms`);
  }, 120_000);

  it('refuses binary junk and unsupported types in the user language, without OCR', async () => {
    const junk = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256));
    const { lines } = await upload({
      threadId: randomUUID(),
      lang: 'fr',
      text: 'voici les fichiers',
      files: [
        file('out.txt', junk, 'text/plain'),
        file('rapport.pdf', Buffer.from('%PDF-1.7'), 'application/pdf'),
      ],
    });
    expect(lines).toHaveLength(1);
    const [reply] = lines[0]!.result!.replies;
    const said = [reply!.reply.summary, ...reply!.reply.warnings].join('\n');
    expect(said).toMatch(/« ?out\.txt ?»|“out\.txt”/);
    expect(said).toMatch(/ni du texte ni une image lisible/);
    expect(said).toMatch(/rapport\.pdf.{0,40}je lis les captures PNG ou JPEG/);
  });

  it('refuses an image over the cap, and a body over the upload limit with 413', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 0x41);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { lines } = await upload({ threadId: randomUUID(), files: [file('big.png', big, 'image/png')] });
    expect(lines).toHaveLength(1); // declared too large: no "reading your screenshot"
    expect(lines[0]!.result!.replies[0]!.reply.summary).toMatch(/big\.png.{0,40}too large/);

    const huge = { threadId: randomUUID(), files: [file('huge.png', Buffer.alloc(6 * 1024 * 1024))] };
    const { status, error } = await upload(huge);
    expect(status).toBe(413);
    expect(error).toMatch(/larger than/);
  });

  it('validates the body: a uuid thread, at least one file, base64 data', async () => {
    expect((await upload({ threadId: 'nope', files: [file('a.txt', Buffer.from('x'))] })).error).toMatch(
      /threadId/,
    );
    expect((await upload({ threadId: randomUUID(), files: [] })).error).toMatch(/files/);
    expect((await upload({ threadId: randomUUID(), files: [{ name: 'a.txt', data: '***' }] })).error).toMatch(
      /base64/,
    );
  });
});
