/**
 * The playground over plain HTTP, on the real server composition: the page and its assets come from the package
 * (nothing external), POST /playground/messages validates what it is sent, runs the conversation engine with its
 * state in Redis, renders each reply for Teams and Slack, updates cards in place and walks an escalation through
 * the simulated escalation channel.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../../src/adapters/web/samples.js';
import { findPackageRoot, staticDir } from '../../src/adapters/web/static-files.js';
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
    cause?: string;
    status?: string;
    findings: { id: string }[];
  };
  card: {
    type: string;
    body: unknown[];
    actions?: Array<{ type: string; title: string; data?: Record<string, unknown> }>;
  };
  blockKit: { text: string; blocks: Array<{ type: string }> };
  text: string;
}
interface Effect extends Rendered {
  kind: 'post' | 'update' | 'ephemeral';
  surface: 'thread' | 'escalations';
  escalationId: string;
  handoffThread?: string;
  userId?: string;
}
interface Answer {
  replies: Rendered[];
  effects: Effect[];
  silent?: string;
}

let redis: TestRedis;
let server: TestServer;

beforeAll(async () => {
  redis = await startTestRedis();
  server = await startTestServer({ PLAYGROUND: 'on', REDIS_URL: redis.url });
});

afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

async function send(body: unknown): Promise<{ status: number; json: Answer & { error?: string } }> {
  const res = await fetch(`${server.url}/playground/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Answer & { error?: string } };
}

function sample(id: string): string {
  const found = SAMPLES.find((s) => s.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found.text;
}

function buttonData(r: Rendered, action: string): Record<string, unknown> {
  const button = r.card.actions?.find((a) => a.type === 'Action.Submit' && a.data?.action === action);
  if (!button?.data) throw new Error(`no ${action} button on "${r.reply.title}"`);
  return button.data;
}

describe('the page', () => {
  it('finds its files from the compiled dist/ location as well as from src/', () => {
    const root = findPackageRoot();
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    const fromDist = pathToFileURL(join(root, 'dist', 'src', 'adapters', 'web', 'static-files.js')).href;
    expect(findPackageRoot(fromDist)).toBe(root);
    expect(existsSync(join(staticDir(findPackageRoot(fromDist)), 'index.html'))).toBe(true);
  });

  it('is served at / with every script and style from our own origin', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(6);
    for (const ref of refs) {
      expect(ref, 'no external URL in the page').toMatch(/^\/playground\//);
      const asset = await fetch(`${server.url}${ref}`);
      expect(asset.status, ref).toBe(200);
      const type = ref.endsWith('.css')
        ? /^text\/css/
        : ref.endsWith('.svg')
          ? /^image\/svg\+xml/
          : /^text\/javascript/;
      expect(asset.headers.get('content-type'), ref).toMatch(type);
    }
  });

  it('serves the adaptivecards package bundle and a Teams host config written for the playground', async () => {
    const bundle = await (await fetch(`${server.url}/playground/vendor/adaptivecards.js`)).text();
    expect(bundle).toContain('AdaptiveCards');
    const config = (await (await fetch(`${server.url}/playground/static/teams-host-config.json`)).json()) as {
      fontFamily: string;
      actions: { maxActions: number };
    };
    expect(config.fontFamily).toMatch(/^'Segoe UI'/);
    expect(config.actions.maxActions).toBe(6);
  });

  it('lists the gallery in English and French, with no full product key except published GVLKs', async () => {
    const { samples } = (await (await fetch(`${server.url}/playground/samples`)).json()) as {
      samples: Array<{ id: string; lang: string; text: string }>;
    };
    expect(new Set(samples.map((s) => s.lang))).toEqual(new Set(['en', 'fr']));
    const keys = samples.flatMap((s) => s.text.match(/\b[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}\b/g) ?? []);
    // The Windows Server 2022 Datacenter KMS client setup key (public) and redacted keys only.
    for (const key of keys)
      expect(key).toMatch(/^(?:WX4NM-KYWYW-QJJR4-XV3QB-6VM33|XXXXX-XXXXX-XXXXX-XXXXX-[A-Z0-9]{5})$/);
  });

  it('does not serve files outside its own list', async () => {
    for (const path of [
      '/playground/static/..%2F..%2F..%2Fpackage.json',
      '/playground/static/package.json',
      '/playground/vendor/package.json',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });
});

describe('POST /playground/messages: what it refuses', () => {
  it('answers 400 with a clear message for a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/playground/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"threadId": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^the body is not valid JSON/);
  });

  it('names the field that is wrong', async () => {
    const threadId = randomUUID();
    const cases: Array<[unknown, RegExp]> = [
      [{ text: 'hello' }, /^threadId: /],
      [{ threadId: 'tab-1', text: 'hello' }, /^threadId: threadId must be a uuid/],
      [{ threadId, text: '   ' }, /^text: send a non-empty text or a button action/],
      [{ threadId, action: { action: 'format_disk' } }, /^action: not a valid button payload/],
      [{ threadId, text: 'hi', admin: true }, /admin/],
      [[1, 2], /^the body must be a JSON object/],
      [
        { threadId, surface: 'escalations', action: { action: 'show_all' } },
        /^surface: only handoff buttons/,
      ],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await send(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.error, JSON.stringify(body)).toMatch(message);
    }
  });

  it('refuses a body over 1 MiB', async () => {
    const { status, json } = await send({ threadId: randomUUID(), text: 'x'.repeat(1024 * 1024 + 10) });
    expect(status).toBe(413);
    expect(json.error).toMatch(/1 MiB/);
  });
});

describe('POST /playground/messages: talking to the engine', () => {
  it('turns a pasted slmgr /dlv into a diagnosis rendered for Teams, Slack and text', async () => {
    const { status, json } = await send({ threadId: randomUUID(), text: sample('kms-client-no-host') });
    expect(status).toBe(200);
    expect(json.replies).toHaveLength(1);
    const [reply] = json.replies as [Rendered];
    expect(reply.mode).toBe('post');
    expect(reply.reply.kind).toBe('diagnosis');
    expect(reply.reply.findings[0]?.id).toBe('kms-srv-missing');
    const cause = reply.reply.cause!;
    expect(cause).toMatch(/_vlmcs\._tcp/);
    expect(reply.card.type).toBe('AdaptiveCard');
    expect(JSON.stringify(reply.card)).toContain(JSON.stringify(cause).slice(1, -1));
    expect(reply.blockKit.blocks[0]).toMatchObject({ type: 'header' });
    expect(reply.text).toContain(cause);
  });

  it('answers each gallery sample with the cause it was chosen for, in its language', async () => {
    const expected: Record<string, { kind: string; lang: string; finding?: string }> = {
      'kms-client-no-host': { kind: 'diagnosis', lang: 'en', finding: 'kms-srv-missing' },
      'eval-conversion': { kind: 'diagnosis', lang: 'en', finding: 'eval-conversion-unfinished' },
      'blocked-mak': { kind: 'diagnosis', lang: 'en', finding: 'key-blocked' },
      'kms-host-threshold': { kind: 'diagnosis', lang: 'en', finding: 'kms-count-low' },
      'clock-skew': { kind: 'diagnosis', lang: 'en', finding: 'kms-clock-skew' },
      'kms-client-no-host-fr': { kind: 'diagnosis', lang: 'fr', finding: 'kms-srv-missing' },
      'blocked-after-eval-fr': { kind: 'diagnosis', lang: 'fr', finding: 'key-blocked' },
      'explain-fr': { kind: 'explanation', lang: 'fr' },
    };
    expect(Object.keys(expected).sort()).toEqual(SAMPLES.map((s) => s.id).sort());
    for (const s of SAMPLES) {
      // The page sends the sample's language as the locale hint, as a French user's browser would.
      const { json } = await send({ threadId: randomUUID(), text: s.text, lang: s.lang });
      const want = expected[s.id]!;
      const reply = json.replies[0]!.reply;
      expect({ id: s.id, kind: reply.kind, lang: reply.lang }).toEqual({
        id: s.id,
        kind: want.kind,
        lang: want.lang,
      });
      if (want.finding) expect(reply.findings[0]?.id, s.id).toBe(want.finding);
    }
  });

  it('keeps one thread per tab, in Redis', async () => {
    const tab = randomUUID();
    await send({ threadId: tab, text: sample('kms-host-threshold') });
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys(`ad:{web:local:playground:${tab}}:*`);
      expect(keys).toContain(`ad:{web:local:playground:${tab}}:state`);
    } finally {
      client.disconnect();
    }
    // Another tab knows nothing of it: "that fixed it" there has no finding to name.
    const other = await send({ threadId: randomUUID(), text: 'that fixed it' });
    const same = await send({ threadId: tab, text: 'that fixed it' });
    expect(other.json.replies[0]!.reply.summary).not.toEqual(same.json.replies[0]!.reply.summary);
    expect(same.json.replies[0]!.reply.kind).toBe('resolved');
  });

  it('updates the card a button was clicked on, and only a card of the same thread', async () => {
    const tab = randomUUID();
    const first = (await send({ threadId: tab, text: sample('kms-host-threshold') })).json.replies[0]!;
    const clicked = await send({ threadId: tab, action: buttonData(first, 'resolved'), cardId: first.id });
    expect(clicked.json.replies[0]).toMatchObject({ id: first.id, mode: 'update' });
    expect(clicked.json.replies[0]!.reply.kind).toBe('resolved');

    // A card id from another tab is not this thread's: the answer is posted rather than overwriting anything.
    const stranger = await send({
      threadId: randomUUID(),
      action: buttonData(first, 'resolved'),
      cardId: first.id,
    });
    expect(stranger.json.replies[0]!.mode).toBe('post');
    expect(stranger.json.replies[0]!.id).not.toBe(first.id);
  });

  it('accepts a Block Kit button value as the Slack preview sends it', async () => {
    const tab = randomUUID();
    const first = (await send({ threadId: tab, text: sample('kms-host-threshold') })).json.replies[0]!;
    const actions = first.blockKit.blocks.find((b) => b.type === 'actions') as unknown as {
      elements: Array<{ action_id: string; value: string }>;
    };
    const resolved = actions.elements.find((e) => e.action_id === 'ad_resolved')!;
    const { json } = await send({ threadId: tab, action: resolved.value, cardId: first.id });
    expect(json.replies[0]).toMatchObject({ id: first.id, mode: 'update' });
  });
});

describe('POST /playground/messages: the simulated escalation channel', () => {
  it('Escalate opens a handoff card in the panel; Claim there updates both cards', async () => {
    const tab = randomUUID();
    const diagnosis = (await send({ threadId: tab, text: sample('blocked-mak') })).json.replies[0]!;
    const escalated = (
      await send({ threadId: tab, action: buttonData(diagnosis, 'escalate'), cardId: diagnosis.id })
    ).json;

    expect(escalated.replies[0]!.reply.kind).toBe('escalation');
    const handoff = escalated.effects.find((e) => e.surface === 'escalations' && e.kind === 'post')!;
    const status = escalated.effects.find((e) => e.surface === 'thread' && e.kind === 'post')!;
    expect(handoff.escalationId).toMatch(/^E-[0-9A-Z]{8}$/);
    expect(handoff.handoffThread).toBe(handoff.id);
    // The panel gets the handoff card's own model, drawn with its own headings in all three views.
    expect(handoff.reply.kind).toBe('handoff');
    for (const view of [JSON.stringify(handoff.card), JSON.stringify(handoff.blockKit), handoff.text]) {
      expect(view).toContain('Checklist for Microsoft');
      expect(view).toContain('Timeline');
      expect(view).not.toContain('What changed');
    }
    expect(status.escalationId).toBe(handoff.escalationId);
    const claim = buttonData(handoff, 'claim');
    expect(claim.escalationId).toBe(handoff.escalationId);

    const claimed = (
      await send({
        threadId: tab,
        surface: 'escalations',
        handoffThread: handoff.handoffThread,
        cardId: handoff.id,
        action: claim,
      })
    ).json;
    const updates = claimed.effects.filter((e) => e.kind === 'update');
    expect(updates.map((u) => u.id).sort()).toEqual([handoff.id, status.id].sort());
    const handoffNow = updates.find((u) => u.id === handoff.id)!;
    expect(handoffNow.surface).toBe('escalations');
    expect(JSON.stringify(handoffNow.card)).toContain('Escalation lead (playground)');
    expect(JSON.stringify(updates.find((u) => u.id === status.id)!.card)).toContain(
      'Escalation lead (playground)',
    );
  });

  it('tells someone in the chat thread, privately, that only the escalation team can claim', async () => {
    const tab = randomUUID();
    const diagnosis = (await send({ threadId: tab, text: sample('blocked-mak') })).json.replies[0]!;
    const escalated = (
      await send({ threadId: tab, action: buttonData(diagnosis, 'escalate'), cardId: diagnosis.id })
    ).json;
    const handoff = escalated.effects.find((e) => e.surface === 'escalations')!;
    const { json } = await send({ threadId: tab, action: buttonData(handoff, 'claim') });
    expect(json.effects).toHaveLength(1);
    expect(json.effects[0]).toMatchObject({ kind: 'ephemeral', surface: 'thread', userId: 'web-user' });
  });
});

describe('POST /playground/messages: a question from the escalation team', () => {
  it('puts the question in the chat thread and relays the answer to the panel', async () => {
    const tab = randomUUID();
    const diagnosis = (await send({ threadId: tab, text: sample('blocked-mak') })).json.replies[0]!;
    const escalated = (
      await send({ threadId: tab, action: buttonData(diagnosis, 'escalate'), cardId: diagnosis.id })
    ).json;
    const handoff = escalated.effects.find((e) => e.surface === 'escalations' && e.kind === 'post')!;
    const panel = {
      threadId: tab,
      surface: 'escalations',
      handoffThread: handoff.handoffThread,
      cardId: handoff.id,
    };
    await send({ ...panel, action: buttonData(handoff, 'claim') });

    // The note input's value arrives with the button's data, as Adaptive Cards submit it.
    const asked = (
      await send({
        ...panel,
        action: { ...buttonData(handoff, 'need_info'), text: 'Which agreement number?' },
      })
    ).json;
    const question = asked.effects.find((e) => e.surface === 'thread' && e.kind === 'post')!;
    expect(question.text).toContain('Which agreement number?');

    const answered = (await send({ threadId: tab, text: 'Our agreement number is 87654321' })).json;
    const relayed = answered.effects.filter((e) => e.surface === 'escalations');
    expect(relayed.length).toBeGreaterThan(0);
    expect(relayed.map((e) => e.text).join('\n')).toContain('87654321');
    // The answer was for the team: the bot does not also ask the user for command output.
    expect(answered.replies).toEqual([]);
  });
});

describe('with the playground off', () => {
  it('says so at / and mounts no message route', async () => {
    const off = await startTestServer({ PLAYGROUND: 'off' });
    try {
      const res = await fetch(`${off.url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/playground is off/);
      const post = await fetch(`${off.url}/playground/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ threadId: randomUUID(), text: 'hello' }),
      });
      expect(post.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
