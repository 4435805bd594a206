/**
 * Reading attachments without a platform: which hosts a download may reach, how the byte cap holds against a
 * lying Content-Length, what the reader refuses before downloading, and where a bot token is sent.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackAttachmentRefs, SLACK_FILE_HOSTS } from '../../src/adapters/slack/files.js';
import {
  FILE_DOWNLOAD_INFO,
  teamsAttachmentRefs,
  translateWithFiles,
} from '../../src/adapters/teams/attachments.js';
import {
  AttachmentReader,
  displayName,
  kindOf,
  refusalSentence,
  type AttachmentRef,
} from '../../src/files/attachments.js';
import { downloadFile, DownloadRefusal, fileHostPolicy } from '../../src/files/download.js';

const OUT_TXT = readFileSync(new URL('../fixtures/files/fr-slmgr-dlv-cmd-cp850.txt', import.meta.url));

let server: Server;
let origin: string;
const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    if (req.url === '/unannounced') {
      // No Content-Length (chunked): 64 KiB in small pieces.
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024, 0x61));
      res.end();
      return;
    }
    if (req.url === '/redirect-out') {
      res.writeHead(302, { location: 'https://elsewhere.example.invalid/x' });
      res.end();
      return;
    }
    if (req.url === '/redirect-in') {
      res.writeHead(302, { location: '/out.txt' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(OUT_TXT);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('file host policy', () => {
  const slack = fileHostPolicy(SLACK_FILE_HOSTS);

  it('admits Slack’s file host over HTTPS only, and nothing that merely contains its name', () => {
    expect(slack('https://files.slack.com/files-pri/T1-F1/download/out.txt')).toBe(true);
    expect(slack('http://files.slack.com/files-pri/T1-F1/out.txt')).toBe(false);
    expect(slack('https://files.slack.com:8443/x')).toBe(false);
    expect(slack('https://files.slack.com.evil.invalid/x')).toBe(false);
    expect(slack('https://user:pw@files.slack.com/x')).toBe(false);
    expect(slack('https://127.0.0.1/x')).toBe(false);
    expect(slack('not a url')).toBe(false);
  });

  it('admits loopback only through the allow-list, with its path as a prefix', () => {
    const tests = fileHostPolicy(SLACK_FILE_HOSTS, ['http://127.0.0.1:9/files']);
    expect(tests('http://127.0.0.1:9/files/a.txt')).toBe(true);
    expect(tests('http://127.0.0.1:9/filesx/a.txt')).toBe(false);
    expect(tests('http://127.0.0.1:10/files/a.txt')).toBe(false);
  });
});

describe('downloadFile', () => {
  it('sends the token to the file host and follows a redirect on it', async () => {
    seen.length = 0;
    const bytes = await downloadFile(`${origin}/redirect-in`, {
      allowed: fileHostPolicy({ exact: [] }, [origin]),
      maxBytes: 1024 * 1024,
      token: 'xoxb-test',
    });
    expect(Buffer.from(bytes).equals(OUT_TXT)).toBe(true);
    expect(seen.map((s) => [s.path, s.headers.authorization])).toEqual([
      ['/redirect-in', 'Bearer xoxb-test'],
      ['/out.txt', 'Bearer xoxb-test'],
    ]);
  });

  it('refuses a redirect off the allowed hosts, and a URL off them without a request', async () => {
    const allowed = fileHostPolicy({ exact: [] }, [origin]);
    await expect(downloadFile(`${origin}/redirect-out`, { allowed, maxBytes: 100 })).rejects.toMatchObject({
      reason: 'not-allowed',
    });
    seen.length = 0;
    await expect(
      downloadFile('https://files.example.invalid/x', { allowed, maxBytes: 100 }),
    ).rejects.toBeInstanceOf(DownloadRefusal);
    expect(seen).toEqual([]);
  });

  it('stops reading past the cap when no Content-Length announced the size', async () => {
    const allowed = fileHostPolicy({ exact: [] }, [origin]);
    await expect(downloadFile(`${origin}/unannounced`, { allowed, maxBytes: 1000 })).rejects.toMatchObject({
      reason: 'too-large',
    });
  });
});

describe('AttachmentReader', () => {
  const reader = new AttachmentReader({ maxTextBytes: 64 * 1024, maxFiles: 2 });
  const ref = (
    name: string,
    bytes: Buffer,
    extra: Partial<AttachmentRef> = {},
  ): AttachmentRef & { calls: number } => {
    const r = {
      name,
      calls: 0,
      download: async () => {
        r.calls++;
        return bytes;
      },
      ...extra,
    };
    return r;
  };

  it('decodes a cmd.exe out.txt (CP850) like a paste', async () => {
    const reading = await reader.read([ref('out.txt', OUT_TXT, { mimeType: 'text/plain' })]);
    expect(reading.refusals).toEqual([]);
    expect(reading.files[0]).toMatchObject({ kind: 'text', encoding: 'cp850' });
    expect(reading.files[0]!.text).toMatch(/État de la licence|Statut de la licence|Nom/);
  });

  it('refuses by declared type or size before downloading, and beyond the file count', async () => {
    const pdf = ref('report.pdf', Buffer.from('%PDF'), { mimeType: 'application/pdf' });
    const big = ref('big.log', OUT_TXT, { size: 10 * 1024 * 1024 });
    const third = ref('third.txt', OUT_TXT);
    const reading = await reader.read([pdf, big, third]);
    expect(reading.refusals.map((r) => [r.name, r.reason])).toEqual([
      ['report.pdf', 'unsupported'],
      ['big.log', 'too-large'],
      ['third.txt', 'too-many'],
    ]);
    expect([pdf.calls, big.calls, third.calls]).toEqual([0, 0, 0]);
  });

  it('refuses binary junk named .txt and a GIF named .png, without OCR', async () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const reading = await reader.read([
      ref('out.txt', junk),
      ref('shot.png', gif, { mimeType: 'image/png' }),
    ]);
    expect(reading.refusals.map((r) => r.reason)).toEqual(['unreadable', 'unsupported']);
  });

  it('tells screenshots from text by declared type and name', () => {
    expect(kindOf({ name: 'image.png' })).toBe('image');
    expect(kindOf({ name: 'Capture', mimeType: 'image/jpeg' })).toBe('image');
    expect(kindOf({ name: 'setupact.log', mimeType: 'application/octet-stream' })).toBe('text');
    expect(kindOf({ name: 'out', mimeType: 'application/octet-stream' })).toBe('text');
    expect(kindOf({ name: 'events.evtx' })).toBe('unsupported');
  });

  it('shows a file name without paths, mark-up or a full product key', () => {
    expect(displayName('C:\\Users\\me\\out.txt')).toBe('out.txt');
    expect(displayName('key-BCDFG-HJKMP-QRTVW-XY234-6789B.txt')).not.toContain('BCDFG-HJKMP');
    expect(displayName('*bold*`code`.txt')).not.toMatch(/[*`]/);
  });

  it('words each refusal in English and French', () => {
    const r = { name: 'x.pdf', reason: 'unsupported' as const, detail: '' };
    expect(refusalSentence(r, 'en', reader.limits)).toMatch(/PNG or JPEG/);
    expect(refusalSentence(r, 'fr', reader.limits)).toMatch(/PNG ou JPEG/);
  });
});

describe('platform attachment references', () => {
  it('Teams: the bot token goes to the media host for inline images, never to a file download URL', async () => {
    seen.length = 0;
    const refs = teamsAttachmentRefs(
      {
        attachments: [
          { contentType: 'image/png', contentUrl: `${origin}/v3/attachments/1/views/original` },
          {
            contentType: FILE_DOWNLOAD_INFO,
            name: 'out.txt',
            content: { downloadUrl: `${origin}/dl/out.txt` },
          },
          { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
          { contentType: 'text/html', content: '<p>hi</p>' },
        ],
      },
      { reader: new AttachmentReader(), hostAllowList: [origin] },
      async () => 'bf-token',
    );
    expect(refs.map((r) => r.name)).toEqual(['image-1.png', 'out.txt']);
    await refs[0]!.download(1024 * 1024);
    await refs[1]!.download(1024 * 1024);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer bf-token', undefined]);
  });

  it('Teams: a message with only a screenshot is a message, with empty text', () => {
    const activity = {
      id: '1',
      text: '',
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' },
      attachments: [{ contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/x' }],
    };
    const translated = translateWithFiles(activity, 0, () => 'gen');
    expect(translated).toMatchObject({ kind: 'message', msg: { text: '', addressed: 'dm' } });
    expect(translateWithFiles({ ...activity, attachments: [] }, 0, () => 'gen')).toMatchObject({
      kind: 'skip',
    });
  });

  it('Slack: hidden, deleted and external files are refused without a request', async () => {
    seen.length = 0;
    const refs = slackAttachmentRefs(
      [
        { name: 'a.txt', mode: 'hidden_by_limit', url_private_download: `${origin}/a.txt` },
        { name: 'b.txt', is_external: true, url_private: `${origin}/b.txt` },
      ],
      'xoxb',
      { reader: new AttachmentReader(), hostAllowList: [origin] },
    );
    for (const r of refs) await expect(r.download(100)).rejects.toBeInstanceOf(DownloadRefusal);
    expect(seen).toEqual([]);
  });
});
