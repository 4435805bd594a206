/**
 * Teams files end to end (anonymous mode, as the Agents Playground runs it): a personal-chat file
 * (`file.download.info`) holding `slmgr /dlv > out.txt` and an inline screenshot of the same output get the
 * diagnosis of the pasted text. The fake connector records the bot's sends and updates; a fake attachment host
 * on loopback (ATTACHMENT_HOST_ALLOWLIST) serves the files; a URL elsewhere is refused without a request.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/adapters/teams/attachments.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './helpers/fake-connector.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { personalMessage, postActivity } from './helpers/teams-activities.js';
import { startFileHost, type FileHost } from './helpers/file-host.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const OUT_TXT = readFileSync(new URL('files/en-slmgr-dlv-powershell-utf16le.txt', FIXTURES));
const SHOT = 'en-wsh-dlv-kms-client-no-host-100-content';
const SHOT_PNG = readFileSync(new URL(`screenshots/${SHOT}.png`, FIXTURES));
const SHOT_TEXT = (
  JSON.parse(readFileSync(new URL(`screenshots/${SHOT}.json`, FIXTURES), 'utf8')) as { text: string }
).text;

let redis: TestRedis;
let connector: FakeConnector;
let host: FileHost;
let server: TestServer;

beforeAll(async () => {
  [redis, connector] = await Promise.all([startTestRedis(), startFakeConnector()]);
  host = await startFileHost({ 'out.txt': OUT_TXT, original: SHOT_PNG });
  server = await startTestServer({
    PLAYGROUND: 'on',
    REDIS_URL: redis.url,
    ATTACHMENT_HOST_ALLOWLIST: host.origin,
  });
});

afterAll(async () => {
  await server?.close();
  await Promise.all([connector?.close(), redis?.stop(), host?.close()]);
});

beforeEach(async () => {
  await server.bot.idle();
  connector.reset();
  host.requests.length = 0;
});

const cardText = (call: ConnectorCall) => JSON.stringify(call.body.attachments);

/** The card's title: the first TextBlock of its body. */
function titleOf(call: ConnectorCall): string {
  const [attachment] = call.body.attachments as Array<{ content: { body: unknown[] } }>;
  const first = JSON.stringify(attachment!.content.body);
  return /"text":"([^"]+)"/.exec(first)?.[1] ?? '';
}

async function pastedTitle(): Promise<string> {
  await postActivity(server.url, personalMessage(connector.serviceUrl, SHOT_TEXT));
  const [reply] = await connector.waitFor((d) => d.length >= 1);
  await server.bot.idle();
  connector.reset();
  const title = titleOf(reply!);
  expect(title).toMatch(/KMS/);
  return title;
}

describe('Teams: files and inline images', () => {
  it('a file sent in personal chat (out.txt, UTF-16LE) answers like the pasted text, naming the file', async () => {
    const title = await pastedTitle();
    const activity = personalMessage(connector.serviceUrl, '', {
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          name: 'out.txt',
          contentUrl: 'https://contoso-my.sharepoint.invalid/personal/out.txt',
          content: { downloadUrl: `${host.origin}/download.aspx/out.txt`, uniqueId: 'abc', fileType: 'txt' },
        },
      ],
    });
    await postActivity(server.url, activity);
    const [reply] = await connector.waitFor((d) => d.length >= 1);
    await server.bot.idle();
    expect(connector.delivered()).toHaveLength(1);
    expect(titleOf(reply!)).toBe(title);
    expect(cardText(reply!)).toContain('out.txt');
    expect(host.requests.map((r) => r.path)).toEqual(['/download.aspx/out.txt']);
  });

  it('an inline screenshot is acknowledged, then that activity is updated with the diagnosis of the paste', async () => {
    const title = await pastedTitle();
    const activity = personalMessage(connector.serviceUrl, '', {
      attachments: [
        { contentType: 'image/png', contentUrl: `${host.origin}/v3/attachments/0-eus-d1-abc/views/original` },
        {
          contentType: 'text/html',
          content: '<div><img src="…" itemtype="http://schema.skype.com/AMSImage"></div>',
        },
      ],
    });
    await postActivity(server.url, activity);
    const delivered = await connector.waitFor((d) => d.some((c) => c.kind === 'update'), 120_000);
    await server.bot.idle();
    const [ack, update] = delivered;
    expect(cardText(ack!)).toMatch(/Reading your screenshot/);
    expect(update!.kind).toBe('update');
    expect(update!.activityId).toBe(ack!.responseId);
    expect(titleOf(update!)).toBe(title);
    expect(cardText(update!)).toMatch(/screenshot/);
    expect(cardText(update!)).toMatch(/KMS name not available/);
    expect(connector.delivered()).toHaveLength(2);
  }, 180_000);

  it('refuses an image that is not on the Teams media host, without fetching it, in the user language', async () => {
    const activity = personalMessage(connector.serviceUrl, '', {
      locale: 'fr-FR',
      attachments: [{ contentType: 'image/png', contentUrl: 'https://images.example.invalid/shot.png' }],
    });
    await postActivity(server.url, activity);
    const delivered = await connector.waitFor((d) => d.some((c) => /hébergé/.test(cardText(c))), 30_000);
    await server.bot.idle();
    expect(host.requests).toEqual([]);
    expect(cardText(delivered.at(-1)!)).toMatch(/n’a pas été téléchargé/);
  });
});
