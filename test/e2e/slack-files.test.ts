/**
 * Slack files end to end: a message with an attached `out.txt` (UTF-16LE, as PowerShell writes it) or a
 * screenshot of the same `slmgr /dlv` output gets the same diagnosis as the text pasted. The real server (Bolt,
 * WebClient) talks to a fake Slack Web API, and downloads files from a fake file host on loopback that the test
 * names in ATTACHMENT_HOST_ALLOWLIST; a file anywhere else is refused without being fetched.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, FAKE_BOT_USER_ID, type FakeSlack, type RecordedCall } from './helpers/fake-slack.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import {
  eventEnvelope,
  mentionEvent,
  nextTs,
  postEvent,
  slackServerEnv,
  TEST_BOT_TOKEN,
} from './helpers/slack-requests.js';
import { startFileHost, type FileHost } from './helpers/file-host.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const OUT_TXT = readFileSync(new URL('files/en-slmgr-dlv-powershell-utf16le.txt', FIXTURES));
const SCREENSHOT = 'en-wsh-dlv-kms-client-no-host-100-content';
const SCREENSHOT_PNG = readFileSync(new URL(`screenshots/${SCREENSHOT}.png`, FIXTURES));
const SCREENSHOT_TEXT = (
  JSON.parse(readFileSync(new URL(`screenshots/${SCREENSHOT}.json`, FIXTURES), 'utf8')) as { text: string }
).text;

let redis: TestRedis;
let fake: FakeSlack;
let host: FileHost;
let server: TestServer;

const JUNK = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
  host = await startFileHost(
    { 'out.txt': OUT_TXT, 'shot.png': SCREENSHOT_PNG, 'junk.txt': JUNK },
    { token: TEST_BOT_TOKEN },
  );
  server = await startTestServer(
    slackServerEnv(fake.apiUrl, { REDIS_URL: redis.url, ATTACHMENT_HOST_ALLOWLIST: host.origin }),
  );
});

afterAll(async () => {
  await server?.close();
  await Promise.all([fake?.close(), redis?.stop(), host?.close()]);
});

beforeEach(async () => {
  await server.bot.idle();
  fake.reset();
  host.requests.length = 0;
});

function slackFile(name: string, mimetype: string, size: number, origin = host.origin) {
  const id = `F0${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  return {
    id,
    name,
    mimetype,
    size,
    url_private: `${origin}/files-pri/T0FAKE001-${id}/${name}`,
    url_private_download: `${origin}/files-pri/T0FAKE001-${id}/download/${name}`,
  };
}

function dmWithFiles(text: string, files: object[]) {
  return {
    type: 'message',
    subtype: 'file_share',
    channel_type: 'im',
    channel: 'D0DIRECT1',
    user: 'U0HUMAN01',
    text,
    ts: nextTs(),
    files,
  };
}

/** What the diagnosis says, without the provenance the files add: title and the card's main sections. */
function headerOf(call: RecordedCall): string {
  const blocks = call.args.blocks as Array<{ type: string; text?: { text: string } }>;
  return blocks.find((b) => b.type === 'header')?.text?.text ?? '';
}

function allText(call: RecordedCall): string {
  return `${String(call.args.text)}\n${JSON.stringify(call.args.blocks)}`;
}

/** What the message's blocks show (not the notification `text`, which holds only the answer's gist). */
function blocksText(call: RecordedCall): string {
  return JSON.stringify(call.args.blocks);
}

async function pastedAnswer(text: string): Promise<RecordedCall> {
  await postEvent(server.url, eventEnvelope(dmWithFiles(text, []) as Record<string, unknown>));
  const [reply] = await fake.waitForCalls('chat.postMessage');
  await server.bot.idle();
  fake.reset();
  return reply!;
}

describe('Slack: files shared with the bot', () => {
  it('an attached out.txt (UTF-16LE) gets the same diagnosis as the pasted text, with the file named', async () => {
    const pasted = await pastedAnswer(SCREENSHOT_TEXT);

    await postEvent(
      server.url,
      eventEnvelope(
        dmWithFiles('', [slackFile('out.txt', 'text/plain', OUT_TXT.length)]) as Record<string, unknown>,
      ),
    );
    const [reply] = await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1); // no "reading your screenshot" for a text file
    expect(headerOf(reply!)).toBe(headerOf(pasted));
    expect(headerOf(reply!)).toMatch(/KMS/);
    expect(host.requests).toEqual([expect.objectContaining({ authorization: `Bearer ${TEST_BOT_TOKEN}` })]);
    expect(host.requests[0]!.path).toContain('/download/out.txt');
    // The first screen names the file: the Details modal is rebuilt from the thread's state, which keeps no file.
    expect(blocksText(reply!)).toContain('Read from the file “out.txt”');
  });

  it('a screenshot is acknowledged, then that message becomes the same diagnosis as the pasted text, with the lines read', async () => {
    const pasted = await pastedAnswer(SCREENSHOT_TEXT);

    const event = mentionEvent('can you check this?', {
      files: [slackFile('shot.png', 'image/png', SCREENSHOT_PNG.length)],
    });
    await postEvent(server.url, eventEnvelope(event));
    const [ack] = await fake.waitForCalls('chat.postMessage');
    expect(String(ack!.args.text)).toMatch(/Reading your screenshot/);
    expect(ack!.args).toMatchObject({ channel: 'C0CHANNEL1', thread_ts: event.ts });

    const [update] = await fake.waitForCalls('chat.update', 1, 120_000);
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    expect(update!.args.ts).toBe(ack!.response?.ts);
    expect(headerOf(update!)).toBe(headerOf(pasted));
    // The screenshot's name and the first lines it relied on are on the first screen, so a misreading shows.
    expect(blocksText(update!)).toMatch(/Read from the screenshot “shot\.png”, relying on “[^”]+”/);
  }, 180_000);

  it('a file on a host that is not Slack’s is refused in the thread and never fetched', async () => {
    const elsewhere = slackFile('out.txt', 'text/plain', 100, 'https://files.example.invalid');
    await postEvent(server.url, eventEnvelope(mentionEvent('', { files: [elsewhere] })));
    const [reply] = await fake.waitForCalls('chat.postMessage');
    expect(allText(reply!)).toMatch(/not hosted by the platform/);
    expect(host.requests).toEqual([]);
  });

  it('refuses oversized, unsupported and binary files, saying why, and downloads none but the junk', async () => {
    await postEvent(
      server.url,
      eventEnvelope(
        dmWithFiles('', [
          slackFile('huge.png', 'image/png', 50 * 1024 * 1024),
          slackFile('report.pdf', 'application/pdf', 2000),
          slackFile('junk.txt', 'text/plain', JUNK.length),
        ]) as Record<string, unknown>,
      ),
    );
    const [reply] = await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    const text = allText(reply!);
    expect(text).toMatch(/huge\.png.{0,40}too large/);
    expect(text).toMatch(/report\.pdf.{0,40}I read PNG or JPEG screenshots and text files/);
    expect(text).toMatch(/junk\.txt.{0,40}neither text nor a readable image/);
    expect(host.requests.map((r) => r.path.split('/').pop())).toEqual(['junk.txt']);
    expect(text).not.toContain(`<@${FAKE_BOT_USER_ID}>`);
  });
});
