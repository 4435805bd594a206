import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../../src/knowledge/index.js';
import { addCodes, addObservations, threadFacts } from '../../src/conversations/evidence.js';
import { emptyState, type ThreadState } from '../../src/conversations/state.js';
import type { EscalationKv } from '../../src/conversations/escalations/kv.js';
import { MemoryKv } from '../../src/conversations/escalations/memory-kv.js';
import { RedisKv } from '../../src/conversations/escalations/redis-kv.js';
import { EscalationRepository } from '../../src/conversations/escalations/repository.js';
import { EscalationService, type EscalateInput } from '../../src/conversations/escalations/service.js';
import type { Outbound, Scope } from '../../src/conversations/escalations/types.js';
import { escalationPhrases } from '../../src/conversations/phrases.js';
import { fixture, handoffModelOf, PASTED_MAK, originModelOf } from './helpers.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';

const FULL_KEY = /[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}/g;
const T0 = Date.UTC(2025, 2, 14, 9, 0);
const ENGINEER = { id: 'UENG1', name: 'Alice' };
const OTHER_ENGINEER = { id: 'UENG2', name: 'Bob' };
const USER = { id: 'U0TECH', name: 'Tech' };
const config = {
  channels: { slack: { channel: 'CESCAL' } },
  reminderMinutes: 30,
  members: [ENGINEER.id, OTHER_ENGINEER.id],
};

let seq = 0;

/** An origin thread that pasted the blocked-MAK evidence (and, carelessly, a full key). */
function originThread(tenant: string): EscalateInput {
  const threadKey = `1700000000.${String(++seq).padStart(6, '0')}`;
  const texts = [
    fixture('en', 'slmgr-dlv-mak-notification.txt'),
    fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'),
    `I already tried slmgr /ipk ${PASTED_MAK}`,
  ];
  let state: ThreadState = emptyState(T0 - 60_000);
  texts.forEach((t, i) => {
    const ex = extract(t);
    state = {
      ...state,
      observations: addObservations(state.observations, ex.observations, `m${i}`, T0 - 60_000),
      codes: addCodes(
        state.codes,
        ex.codes.map((c) => c.code),
        `m${i}`,
        T0 - 60_000,
      ),
    };
  });
  return {
    state,
    msg: {
      platform: 'slack',
      tenant,
      channel: 'CHELP',
      threadKey,
      messageId: `${threadKey}-esc`,
      user: USER,
      text: 'escalate',
    },
    facts: threadFacts(state.observations),
    findings: [{ id: 'key-blocked', title: 'The MAK is blocked', confidence: 'high' }],
    tried: [`Reinstalled the key ${PASTED_MAK}`],
    lang: 'en',
  };
}

interface Backend {
  name: string;
  setup(): Promise<void>;
  /** A new store connection over the same data: another bot instance, or the same one after a restart. */
  kv(): EscalationKv;
  keys(): Promise<Array<{ key: string; ttlSec: number; value: string }>>;
  teardown(): Promise<void>;
}

function memoryBackend(): Backend {
  let shared: MemoryKv;
  return {
    name: 'memory',
    setup: async () => {
      shared = new MemoryKv(() => T0);
    },
    kv: () => shared,
    keys: async () => shared.dump().map((d) => ({ key: d.key, ttlSec: d.ttlMs / 1000, value: d.value })),
    teardown: async () => undefined,
  };
}

function redisBackend(): Backend {
  let redis: TestRedis;
  const clients: Redis[] = [];
  let admin: Redis;
  return {
    name: 'redis',
    setup: async () => {
      redis = await startTestRedis();
      admin = new Redis(redis.url);
      clients.push(admin);
    },
    kv: () => {
      const c = new Redis(redis.url);
      clients.push(c);
      return new RedisKv(c);
    },
    keys: async () => {
      const out: Array<{ key: string; ttlSec: number; value: string }> = [];
      let cursor = '0';
      do {
        const [next, batch] = await admin.scan(cursor, 'MATCH', 'ad:esc:*', 'COUNT', 500);
        cursor = next;
        for (const key of batch) {
          const type = await admin.type(key);
          const value =
            type === 'hash'
              ? JSON.stringify(await admin.hgetall(key))
              : (await admin.zrange(key, 0, -1)).join(',');
          out.push({ key, ttlSec: await admin.ttl(key), value });
        }
      } while (cursor !== '0');
      return out;
    },
    teardown: async () => {
      for (const c of clients) c.disconnect();
      await redis.stop();
    },
  };
}

const kinds = (effects: Outbound[]) =>
  effects.map((e) => `${e.kind}:${e.target.channel}${e.kind === 'update' ? `#${e.messageId}` : ''}`);
const summaries = (effects: Outbound[]) => effects.map((e) => e.reply.summary).join('\n');

describe.each([memoryBackend(), redisBackend()])('escalation handoff over $name', (backend) => {
  let now = T0;
  let tenant = '';
  let scope: Scope;
  const service = (kv = backend.kv()) =>
    new EscalationService({ repo: new EscalationRepository(kv, { ttlSec: 3600 }), config, clock: () => now });

  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(() => {
    now = T0;
    tenant = `T${++seq}`;
    scope = { platform: 'slack', tenant };
  });

  /** Escalates a thread and plays the adapter: posts the two cards and reports their ids. */
  async function opened(svc: EscalationService, input = originThread(tenant)) {
    const result = await svc.escalate(input);
    const id = result.record!.id;
    await svc.rememberPosted(scope, id, 'handoff-card', { messageId: '1700000100.000100' });
    await svc.rememberPosted(scope, id, 'origin-update', { messageId: '1700000100.000200' });
    return { id, input, result };
  }

  it('carries a case from escalation to resolution, mirroring every step in both threads', async () => {
    const svc = service();
    const { id, input, result } = await opened(svc);

    // 1. Escalate: handoff card in the escalation channel, status card with the missing evidence in the origin thread.
    expect(result.effects.map((e) => (e.kind === 'post' ? e.rememberAs : e.kind))).toEqual([
      'handoff-card',
      'origin-update',
    ]);
    expect(kinds(result.effects)).toEqual(['post:CESCAL', 'post:CHELP']);
    const [handoff, origin] = result.effects;
    expect(handoff!.target.threadKey).toBeUndefined();
    expect(handoffModelOf(handoff).actions.map((a) => a.id)).toEqual([
      'claim',
      'need_info',
      'escalated_ms',
      'handoff_resolved',
    ]);
    expect(handoffModelOf(handoff).actions.every((a) => a.payload.escalationId === id)).toBe(true);
    expect(handoff!.reply.summary).toContain('Tech asked for help in Slack channel CHELP');
    // The checklist is the handoff card's own: each item done or not, with its value.
    expect(handoffModelOf(handoff).checklist).toEqual(
      expect.arrayContaining([
        { label: 'slmgr /dlv output', done: true },
        { label: 'slmgr /ato output', done: true, value: '0xC004C003' },
        { label: 'Proof of purchase / agreement number', done: false },
      ]),
    );
    expect(handoffModelOf(handoff)).toMatchObject({ status: 'open', statusText: 'waiting for an engineer' });
    expect(handoffModelOf(handoff).assignee).toBeUndefined();
    expect(origin!.target.threadKey).toBe(input.msg.threadKey);
    expect(originModelOf(origin).missing.map((q) => q.command)).toContain('agreement 12345678');

    // 2. Claim.
    now += 5 * 60_000;
    const claim = await svc.onAction(scope, { action: 'claim', escalationId: id }, ENGINEER, undefined);
    expect(claim.record?.status).toBe('claimed');
    expect(kinds(claim.effects)).toEqual([
      'update:CESCAL#1700000100.000100',
      'update:CHELP#1700000100.000200',
      'post:CHELP',
    ]);
    expect(claim.effects[0]!.target.threadKey).toBe('1700000100.000100');
    expect(claim.effects[2]!.reply.summary).toBe('Alice from the licensing team is now handling this case.');
    expect(handoffModelOf(claim.effects[0]).actions.map((a) => a.id)).not.toContain('claim');
    expect(handoffModelOf(claim.effects[0])).toMatchObject({ status: 'claimed', assignee: 'Alice' });

    // 3. Need info: the question goes to the origin thread.
    const ask = await svc.onAction(
      scope,
      { action: 'need_info', escalationId: id, text: 'What is your agreement number?' },
      ENGINEER,
      undefined,
    );
    expect(ask.record?.status).toBe('need_info');
    expect(ask.effects.at(-1)?.target.threadKey).toBe(input.msg.threadKey);
    expect(ask.effects.at(-1)?.reply.summary).toContain('Alice asks: What is your agreement number?');

    // 4. The answer in the origin thread is relayed to the handoff thread and ticks the dossier.
    const answer = await svc.onOriginMessage(input.msg, {
      messageId: 'ans-1',
      user: USER,
      text: 'It is agreement 87654321',
      facts: {},
      sources: [],
    });
    expect(answer?.record?.status).toBe('claimed');
    const relayed = answer!.effects[0]!;
    expect(relayed.kind).toBe('post');
    expect(relayed.target).toMatchObject({ channel: 'CESCAL', threadKey: '1700000100.000100' });
    expect(relayed.reply.summary).toBe('Tech answered: It is agreement 87654321');
    expect(summaries(answer!.effects)).toContain('Now in the dossier: Proof of purchase / agreement number.');
    expect(answer!.record!.dossier.checklist.find((i) => i.id === 'proof_of_purchase')).toMatchObject({
      present: true,
      value: 'agreement 87654321',
    });

    // 5. Escalated to Microsoft with a case number.
    const ms = await svc.onAction(
      scope,
      { action: 'escalated_ms', escalationId: id, text: '2503140010001234' },
      ENGINEER,
      undefined,
    );
    expect(ms.record).toMatchObject({ status: 'escalated_ms', msCaseNumber: '2503140010001234' });
    expect(ms.effects.at(-1)?.reply.summary).toBe(
      'The licensing team escalated this case to Microsoft (case number 2503140010001234).',
    );

    // 6. Resolved.
    now += 3600_000;
    const done = await svc.onAction(
      scope,
      { action: 'handoff_resolved', escalationId: id, text: 'Microsoft issued a new MAK; activated.' },
      ENGINEER,
      undefined,
    );
    expect(done.record).toMatchObject({
      status: 'resolved',
      resolution: 'Microsoft issued a new MAK; activated.',
    });
    const card = done.effects.find((e) => e.kind === 'update' && e.target.channel === 'CESCAL')!;
    expect(handoffModelOf(card).actions).toEqual([]);
    const timeline = handoffModelOf(card).timeline;
    expect(timeline).toHaveLength(7);
    expect(timeline.every((m) => /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/.test(m.when))).toBe(true);
    expect(handoffModelOf(card)).toMatchObject({
      status: 'resolved',
      msCaseNumber: '2503140010001234',
      resolution: 'Microsoft issued a new MAK; activated.',
    });
    expect(timeline.map((m) => m.text).join('\n')).toMatch(
      /Alice claimed it[\s\S]*asked: What is your agreement number\?[\s\S]*Tech answered[\s\S]*case 2503140010001234[\s\S]*resolved it: Microsoft issued/,
    );
    expect(done.effects.at(-1)?.reply.summary).toBe(
      'The licensing team marked this case resolved: Microsoft issued a new MAK; activated.',
    );
    expect((await svc.listOpen(scope, 'en')).summary).toBe('No open escalations.');
  });

  it('refuses a click from outside the escalation team privately and changes nothing', async () => {
    const svc = service();
    const { id } = await opened(svc);
    const before = await svc.repo.get(scope, id);
    const where = { platform: 'slack' as const, tenant, channel: 'CESCAL', threadKey: '1700000100.000100' };
    for (const action of ['claim', 'handoff_resolved'] as const) {
      const r = await svc.onAction(
        scope,
        { action, escalationId: id, text: 'done' },
        { id: 'UOUTSIDER' },
        false,
        { where },
      );
      expect(r.changed).toBe(false);
      expect(r.effects).toHaveLength(1);
      expect(r.effects[0]).toMatchObject({ kind: 'ephemeral', userId: 'UOUTSIDER', target: where });
      expect(r.effects[0]!.reply.summary).toBe(
        'Only members of the escalation team can do this. Nothing was changed.',
      );
    }
    expect(await svc.repo.get(scope, id)).toEqual(before);
    // A confirmed channel member who is not in ESCALATION_MEMBERS may act.
    const ok = await svc.onAction(scope, { action: 'claim', escalationId: id }, { id: 'UCHAN' }, true);
    expect(ok.record?.owner?.id).toBe('UCHAN');
  });

  it('does nothing twice on a double click or a retried delivery', async () => {
    const svc = service();
    const { id, input } = await opened(svc);
    const first = await svc.onAction(scope, { action: 'claim', escalationId: id }, ENGINEER, undefined, {
      deliveryId: 'a1',
    });
    expect(first.changed).toBe(true);
    const again = await svc.onAction(scope, { action: 'claim', escalationId: id }, ENGINEER, undefined, {
      deliveryId: 'a2',
    });
    expect(again).toMatchObject({ changed: false, effects: [] });

    await svc.onAction(
      scope,
      { action: 'need_info', escalationId: id, text: 'Which edition?' },
      ENGINEER,
      undefined,
    );
    const msg = { messageId: 'ans-9', user: USER, text: 'Datacenter', facts: {}, sources: [] };
    const relayed = await svc.onOriginMessage(input.msg, msg);
    expect(relayed?.effects.filter((e) => e.target.channel === 'CESCAL' && e.kind === 'post')).toHaveLength(
      1,
    );
    const retried = await svc.onOriginMessage(input.msg, msg);
    expect(retried).toMatchObject({ changed: false, effects: [] });

    const resolve = { action: 'handoff_resolved' as const, escalationId: id, text: 'fixed' };
    expect((await svc.onAction(scope, resolve, ENGINEER, undefined)).changed).toBe(true);
    expect(await svc.onAction(scope, resolve, ENGINEER, undefined)).toMatchObject({
      changed: false,
      effects: [],
    });

    // A second "escalate" in a thread with an open escalation opens nothing new; the requester sees its status.
    const other = originThread(tenant);
    const one = await svc.escalate(other);
    const two = await svc.escalate(other);
    expect(two.record?.id).toBe(one.record?.id);
    expect(two.changed).toBe(false);
    expect(two.effects).toHaveLength(1);
    expect(two.effects[0]).toMatchObject({ kind: 'ephemeral', userId: USER.id });
    expect((await svc.listOpen(scope, 'en')).evidence).toHaveLength(1);
  });

  it('applies a transition once when two instances race on it', async () => {
    const a = service(backend.kv());
    const b = service(backend.kv());
    const { id } = await opened(a);
    const [ra, rb] = await Promise.all([
      a.onAction(scope, { action: 'claim', escalationId: id }, ENGINEER, undefined),
      b.onAction(scope, { action: 'claim', escalationId: id }, OTHER_ENGINEER, undefined),
    ]);
    const winners = [ra, rb].filter((r) => r.changed);
    expect(winners).toHaveLength(1);
    const loser = winners[0] === ra ? rb : ra;
    expect(loser.effects).toHaveLength(1);
    expect(loser.effects[0]!.kind).toBe('ephemeral');
    expect(loser.effects[0]!.reply.summary).toMatch(/already claimed this escalation/);
    const stored = await a.repo.get(scope, id);
    expect(stored?.timeline.filter((e) => e.kind === 'claimed')).toHaveLength(1);

    // Two instances escalating the same thread at once open one escalation.
    const input = originThread(tenant);
    const [ea, eb] = await Promise.all([a.escalate(input), b.escalate(input)]);
    expect(ea.record?.id).toBe(eb.record?.id);
    expect([ea, eb].filter((r) => r.changed)).toHaveLength(1);
    expect((await a.listOpen(scope, 'en')).evidence).toHaveLength(2);
  });

  it('reminds the escalation channel once about an unclaimed escalation', async () => {
    const svc = service();
    const { id } = await opened(svc);
    now = T0 + 60_000;
    const claimed = await opened(svc, originThread(tenant));
    await svc.onAction(scope, { action: 'claim', escalationId: claimed.id }, ENGINEER, undefined);

    now = T0 + 29 * 60_000;
    expect(
      (await svc.dueReminders()).filter((e) => e.escalationId === id || e.escalationId === claimed.id),
    ).toEqual([]);
    now = T0 + 31 * 60_000;
    const due = (await svc.dueReminders()).filter(
      (e) => e.escalationId === id || e.escalationId === claimed.id,
    );
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ kind: 'post', escalationId: id, target: { channel: 'CESCAL' } });
    expect(due[0]!.target.threadKey).toBeUndefined();
    expect(due[0]!.reply.title).toBe(`Escalation ${id} is still unclaimed`);
    expect(due[0]!.reply.summary).toContain('Tech has been waiting 31 min');
    now = T0 + 120 * 60_000;
    expect((await svc.dueReminders()).filter((e) => e.escalationId === id)).toEqual([]);

    const list = await svc.listOpen(scope, 'fr');
    expect(list.title).toBe('Escalades ouvertes (2)');
    expect(list.evidence[0]).toBe(
      `${id} · 2 h 00 min · non pris en charge · en attente d’un ingénieur — The MAK is blocked`,
    );
    expect(list.evidence[1]).toBe(
      `${claimed.id} · 1 h 59 min · Alice · en cours de traitement — The MAK is blocked`,
    );
  });

  it('stores no full product key and gives every key a time to live', async () => {
    const svc = service();
    const { id, input } = await opened(svc);
    await svc.onAction(
      scope,
      { action: 'need_info', escalationId: id, text: `Is ${PASTED_MAK} the key you used?` },
      ENGINEER,
      undefined,
    );
    await svc.onOriginMessage(input.msg, {
      messageId: 'k1',
      user: USER,
      text: `yes, ${PASTED_MAK}`,
      facts: {},
      sources: [],
    });
    const ours = async () =>
      (await backend.keys()).filter((k) => k.key.includes(`{slack:${tenant}}`) || k.key === 'ad:esc:scopes');
    const whileOpen = await ours();
    expect(whileOpen.map((k) => k.key).sort()).toEqual(
      [
        `ad:esc:{slack:${tenant}}:${id}`,
        `ad:esc:{slack:${tenant}}:open`,
        `ad:esc:{slack:${tenant}}:thread:slack:${tenant}:CESCAL:1700000100.000100`,
        `ad:esc:{slack:${tenant}}:thread:slack:${tenant}:CHELP:${input.msg.threadKey}`,
        'ad:esc:scopes',
      ].sort(),
    );
    await svc.onAction(
      scope,
      { action: 'handoff_resolved', escalationId: id, text: `replaced ${PASTED_MAK}` },
      ENGINEER,
      undefined,
    );

    const keys = [...whileOpen, ...(await ours())];
    for (const k of keys) {
      expect(k.ttlSec, k.key).toBeGreaterThan(0);
      expect(k.ttlSec, k.key).toBeLessThanOrEqual(3600);
      const fullKeys = [...k.value.matchAll(FULL_KEY)]
        .map((m) => m[0])
        .filter((key) => !key.startsWith('XXXXX-'));
      expect(fullKeys, k.key).toEqual([]);
    }
    const record = keys.find((k) => k.key.endsWith(`:${id}`))!;
    expect(record.value).toContain('XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
  });

  it('keeps escalations across a restart', async () => {
    const { id, input } = await opened(service());
    const restarted = service(backend.kv());
    const list = await restarted.listOpen(scope, 'en');
    expect(list.evidence[0]).toContain(id);
    const claim = await restarted.onAction(scope, { action: 'claim', escalationId: id }, ENGINEER, undefined);
    expect(claim.effects.map((e) => e.kind)).toEqual(['update', 'update', 'post']);
    const linked = await restarted.repo.findByThread(input.msg);
    expect(linked?.status).toBe('claimed');
    const viaHandoffThread = await restarted.repo.findByThread({
      platform: 'slack',
      tenant,
      channel: 'CESCAL',
      threadKey: '1700000100.000100',
    });
    expect(viaHandoffThread?.id).toBe(id);
  });
});

describe('where the handoff card says the request came from', () => {
  it('a Teams personal chat is named once, not as a channel and a thread with the same id', () => {
    const chat = 'a:1pQ9personal';
    expect(escalationPhrases('en').originWhere('teams', chat, chat)).toBe(`Teams conversation ${chat}`);
    expect(escalationPhrases('fr').originWhere('teams', chat, chat)).toBe(`la conversation Teams ${chat}`);
    expect(escalationPhrases('en').originWhere('slack', 'CHELP', '1700000100.000100')).toBe(
      'Slack channel CHELP, thread 1700000100.000100',
    );
  });
});
