/**
 * The escalation handoff through the conversation engine, as adapters drive it: messages and button clicks in,
 * replies and effects out, the adapter's part (posting effects, reporting the ids they got) played by the test.
 * Against the embedded store and a real Redis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { EscalationRepository } from '../../src/conversations/escalations/repository.js';
import { EscalationService } from '../../src/conversations/escalations/service.js';
import { MemoryKv } from '../../src/conversations/escalations/memory-kv.js';
import type { Outbound } from '../../src/conversations/escalations/types.js';
import { createEscalations } from '../../src/conversations/handoff.js';
import { threadKeyOf } from '../../src/conversations/keys.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { RedisStore } from '../../src/conversations/redis-store.js';
import type { ThreadStore } from '../../src/conversations/store.js';
import {
  ReplyModelSchema,
  type EngineResult,
  type InboundMessage,
  type ReplyModel,
} from '../../src/conversations/types.js';
import { fixture, handoffModelOf, originModelOf, PASTED_MAK, slackThread } from './helpers.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';

const RUN = randomUUID().slice(0, 8);
const ENGINEER = { id: 'UENG1', name: 'Alice' };
const OTHER_ENGINEER = { id: 'UENG2', name: 'Bob' };
const config = {
  channels: { slack: { channel: 'CESCAL' } },
  reminderMinutes: 30,
  members: [ENGINEER.id, OTHER_ENGINEER.id],
};
const FULL_KEY = /[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}/g;

interface Backend {
  name: 'memory' | 'redis';
  /** A new store instance over the backend's data (a new one on Redis is what a restarted bot gets). */
  store(): ThreadStore;
}

let server: TestRedis | undefined;
const opened: ThreadStore[] = [];
let now = Date.UTC(2025, 2, 14, 9, 0);
const clock = () => now;
const sharedMemory = new MemoryStore({ clock });

const backends: Backend[] = [
  { name: 'memory', store: () => sharedMemory },
  {
    name: 'redis',
    store: () => {
      const s = new RedisStore({ connection: { url: server!.url } });
      opened.push(s);
      return s;
    },
  },
];

beforeAll(async () => {
  server = await startTestRedis();
});

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await sharedMemory.close();
  await server?.stop();
});

function engineOn(store: ThreadStore): ConversationEngine {
  return new ConversationEngine({ store, clock, escalations: createEscalations({ store, config, clock }) });
}

function reply(r: EngineResult): ReplyModel {
  expect(r.reply).not.toBeNull();
  return ReplyModelSchema.parse(r.reply);
}

const where = (e: Outbound) =>
  `${e.kind}:${e.target.channel}${e.target.threadKey ? `/${e.target.threadKey}` : ''}${
    e.kind === 'update' ? `#${e.messageId}` : ''
  }`;

let seq = 0;

/** Plays the adapter: "posts" each effect, reports the ids of those that ask to be remembered. */
async function execute(engine: ConversationEngine, effects: Outbound[] | undefined): Promise<string[]> {
  const ids: string[] = [];
  for (const e of effects ?? []) {
    if (e.kind !== 'post') continue;
    const ts = `1700009999.${String(++seq).padStart(6, '0')}`;
    ids.push(ts);
    // A top-level Slack post starts a thread named after its own ts.
    if (e.rememberAs) await engine.rememberPosted(e, { messageId: ts, threadKey: e.target.threadKey ?? ts });
  }
  return ids;
}

/** A click on a handoff-card button in the escalation channel. */
function handoffClick(
  tenant: string,
  handoffThread: string,
  action: NonNullable<InboundMessage['action']>,
  user: { id: string; name?: string } = ENGINEER,
  extra: Partial<InboundMessage> = {},
): InboundMessage {
  const id = `trigger-${++seq}`;
  return {
    platform: 'slack',
    tenant,
    channel: 'CESCAL',
    threadKey: handoffThread,
    messageId: id,
    user,
    text: '',
    addressed: 'button',
    action,
    actionMessageId: handoffThread,
    ...extra,
  };
}

describe.each(backends)('escalation handoff through the engine on the $name store', (backend) => {
  let tenant = '';
  beforeEach(() => {
    tenant = `T-esc-${backend.name}-${RUN}-${++seq}`;
  });

  /** A thread that pasted the blocked-MAK evidence and got its diagnosis card. */
  async function blockedMakThread(engine: ConversationEngine) {
    const t = slackThread(tenant, 'CHELP');
    reply(await engine.handle(t.say(fixture('en', 'slmgr-dlv-mak-notification.txt'))));
    const card = reply(await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'))));
    return { t, card };
  }

  /** Escalates a blocked-MAK thread with the card's button and posts what the engine asks for. */
  async function escalated(engine: ConversationEngine) {
    const { t, card } = await blockedMakThread(engine);
    const result = await engine.handle(
      t.say('', { addressed: 'button', action: { action: 'escalate' }, actionMessageId: 'card-1' }),
    );
    const [handoffTs, originCardTs] = await execute(engine, result.effects);
    const escalationId = result.effects![0]!.escalationId;
    return { t, card, result, escalationId, handoffTs: handoffTs!, originCardTs: originCardTs! };
  }

  it('a blocked MAK thread escalated with the button opens a handoff in the escalation channel with the right ticked and missing items', async () => {
    const engine = engineOn(backend.store());
    const { t, card } = await blockedMakThread(engine);
    expect(card.kind).toBe('diagnosis');
    const findingId = card.findings[0]?.id;
    expect(card.actions.map((a) => a.id)).toContain('escalate');

    const result = await engine.handle(
      t.say('', {
        addressed: 'button',
        action: { action: 'escalate', findingId },
        actionMessageId: 'card-1',
      }),
    );
    // The clicked card becomes the escalation summary, so Escalate cannot be clicked again on it.
    expect(result.mode).toBe('update');
    const answer = reply(result);
    expect(answer.kind).toBe('escalation');
    expect(answer.actions).toEqual([]);
    expect(answer.summary).toMatch(/^Handed to the licensing team as E-[0-9A-Z]{8}/);

    const effects = result.effects ?? [];
    expect(effects.map(where)).toEqual(['post:CESCAL', `post:CHELP/${t.threadKey}`]);
    const [handoff, origin] = effects as [Outbound & { kind: 'post' }, Outbound & { kind: 'post' }];
    expect([handoff.rememberAs, origin.rememberAs]).toEqual(['handoff-card', 'origin-update']);
    expect(answer.summary).toContain(handoff.escalationId);
    expect(handoffModelOf(handoff).actions.map((a) => a.id)).toEqual([
      'claim',
      'need_info',
      'escalated_ms',
      'handoff_resolved',
    ]);
    expect(handoff.reply.title).toContain(card.findings[0]!.title);
    const handoffCard = handoffModelOf(handoff);
    expect(handoffCard.checklist).toEqual(
      expect.arrayContaining([
        { label: 'slmgr /dlv output', done: true },
        { label: 'slmgr /ato output', done: true, value: '0xC004C003' },
        {
          label: 'Installation ID (slmgr /dti or slui 4)',
          done: true,
          value: expect.stringMatching(/^\d{63}$/),
        },
        { label: 'setupact.log or SoftwareLicensingService events', done: false },
        { label: 'Proof of purchase / agreement number', done: false },
        { label: "Product key's last five characters", done: true, value: '8HTKD' },
      ]),
    );
    expect(handoffCard.codes).toContain('0xC004C003');
    // The origin thread is told what is still missing, with the commands that bring it.
    const asked = originModelOf(origin).missing.map((q) => q.command);
    expect(asked).toEqual(expect.arrayContaining(['%windir%\\Panther\\setupact.log', 'agreement 12345678']));
    expect(asked).not.toContain('slmgr /dlv');
    expect(asked).not.toContain('slmgr /dti');

    const { state } = await engine.store.load(threadKeyOf(t.say('')));
    expect(state).toMatchObject({ status: 'escalated', escalationId: handoff.escalationId });
  });

  it('walks a case from claim to resolution, mirroring each step in the origin thread', async () => {
    const engine = engineOn(backend.store());
    const { t, escalationId, handoffTs, originCardTs } = await escalated(engine);

    // Claim: both cards updated in place, a line in the origin thread.
    now += 5 * 60_000;
    const claim = await engine.handle(handoffClick(tenant, handoffTs, { action: 'claim', escalationId }));
    expect(claim).toMatchObject({ reply: null, mode: 'none' });
    expect(claim.effects!.map(where)).toEqual([
      `update:CESCAL/${handoffTs}#${handoffTs}`,
      `update:CHELP/${t.threadKey}#${originCardTs}`,
      `post:CHELP/${t.threadKey}`,
    ]);
    expect(claim.effects![2]!.reply.summary).toBe('Alice from the licensing team is now handling this case.');

    // Need info: the question lands in the origin thread.
    const ask = await engine.handle(
      handoffClick(tenant, handoffTs, {
        action: 'need_info',
        escalationId,
        text: 'What is your agreement number?',
      }),
    );
    const question = ask.effects!.at(-1)!;
    expect(where(question)).toBe(`post:CHELP/${t.threadKey}`);
    expect(question.reply.summary).toContain('Alice asks: What is your agreement number?');
    expect(question.reply).toMatchObject({
      kind: 'info_request',
      question: { text: 'What is your agreement number?', askedBy: 'Alice' },
    });

    // The user answers in the origin thread without mentioning the bot: relayed, no diagnosis.
    const answer = await engine.handle(
      t.say('It is agreement 87654321', { addressed: 'none', botInThread: true }),
    );
    expect(answer.reply).toBeNull();
    const relayed = answer.effects!.find((e) => e.kind === 'post' && e.target.channel === 'CESCAL')!;
    expect(relayed.target.threadKey).toBe(handoffTs);
    expect(relayed.reply.summary).toBe('U0TECH answered: It is agreement 87654321');
    expect(answer.effects!.map((e) => e.reply.summary).join('\n')).toContain(
      'Now in the dossier: Proof of purchase / agreement number.',
    );
    // The engineer is told in the handoff thread what arrived, as checklist lines, not as diagnosis evidence.
    const arrived = answer.effects!.find((e) => e.reply.kind === 'evidence_note')!;
    expect(arrived.target.channel).toBe('CESCAL');
    expect(arrived.reply).toMatchObject({
      arrived: [{ label: 'Proof of purchase / agreement number', done: true }],
    });

    // A paste in the thread still gets its diagnosis, and ticks the dossier.
    const events = await engine.handle(t.say(fixture('en', 'event-8198-0xC0020017.txt')));
    expect(reply(events).kind).not.toBe('escalation');
    expect(events.effects!.map((e) => e.reply.summary).join('\n')).toContain(
      'Now in the dossier: setupact.log or SoftwareLicensingService events.',
    );

    // Escalated to Microsoft with a case number.
    const ms = await engine.handle(
      handoffClick(tenant, handoffTs, {
        action: 'escalated_ms',
        escalationId,
        text: 'case 2503140010001234',
      }),
    );
    expect(ms.effects!.at(-1)!.reply.summary).toBe(
      'The licensing team escalated this case to Microsoft (case number 2503140010001234).',
    );

    // Resolved: the origin thread is resolved too.
    const done = await engine.handle(
      handoffClick(tenant, handoffTs, {
        action: 'handoff_resolved',
        escalationId,
        text: 'Microsoft reset the MAK count; activated.',
      }),
    );
    expect(done.effects!.at(-1)!.reply.summary).toBe(
      'The licensing team marked this case resolved: Microsoft reset the MAK count; activated.',
    );
    const { state } = await engine.store.load(threadKeyOf(t.say('')));
    expect(state).toMatchObject({ status: 'resolved', escalationId });

    // A later chat reply in the thread is no longer relayed anywhere.
    const after = await engine.handle(t.say('thanks!', { addressed: 'none', botInThread: true }));
    expect(after).toMatchObject({ reply: null, reason: 'not-addressed' });
    expect(after.effects).toBeUndefined();
  });

  it('"escalations" lists the open ones, in the language asked', async () => {
    const engine = engineOn(backend.store());
    const first = await escalated(engine);
    now += 60_000;
    const second = await escalated(engine);
    await engine.handle(
      handoffClick(tenant, second.handoffTs, { action: 'claim', escalationId: second.escalationId }),
    );

    const t = slackThread(tenant, 'CANY');
    const list = reply(await engine.handle(t.say('escalations')));
    expect(list.title).toBe('Open escalations (2)');
    expect(list.evidence[0]).toMatch(
      new RegExp(`^${first.escalationId} · .* · unclaimed · waiting for an engineer`),
    );
    expect(list.evidence[1]).toMatch(new RegExp(`^${second.escalationId} · .* · Alice · being handled`));
    expect(reply(await engine.handle(t.say('/activation escalations'))).title).toBe('Open escalations (2)');
    expect(reply(await engine.handle(t.say('escalades en cours'))).title).toBe('Escalades ouvertes (2)');

    await engine.handle(
      handoffClick(tenant, first.handoffTs, {
        action: 'handoff_resolved',
        escalationId: first.escalationId,
        text: 'done',
      }),
    );
    expect(reply(await engine.handle(t.say('escalations'))).title).toBe('Open escalations (1)');
    // Not a command when it is channel chatter nobody addressed to the bot.
    expect((await engine.handle(t.say('escalations', { addressed: 'none' }))).reply).toBeNull();
  });

  it("a non-member's claim gets a private refusal and nothing changes", async () => {
    const engine = engineOn(backend.store());
    const { escalationId, handoffTs } = await escalated(engine);
    const listed = async () => reply(await engine.handle(slackThread(tenant).say('escalations'))).evidence;
    const before = await listed();

    const outsider = { id: 'UOUTSIDER', name: 'Mallory' };
    const refused = await engine.handle(
      handoffClick(tenant, handoffTs, { action: 'claim', escalationId }, outsider, { isMember: false }),
    );
    expect(refused.reply).toBeNull();
    expect(refused.effects).toHaveLength(1);
    expect(refused.effects![0]).toMatchObject({
      kind: 'ephemeral',
      userId: 'UOUTSIDER',
      target: { channel: 'CESCAL', threadKey: handoffTs },
    });
    expect(refused.effects![0]!.reply.summary).toBe(
      'Only members of the escalation team can do this. Nothing was changed.',
    );
    // Unknown to the adapter and not in ESCALATION_MEMBERS: refused too.
    const unknown = await engine.handle(
      handoffClick(tenant, handoffTs, { action: 'handoff_resolved', escalationId, text: 'x' }, outsider),
    );
    expect(unknown.effects!.map((e) => e.kind)).toEqual(['ephemeral']);
    expect(await listed()).toEqual(before);

    // A member of the escalation channel the adapter vouched for may act.
    const member = await engine.handle(
      handoffClick(
        tenant,
        handoffTs,
        { action: 'claim', escalationId },
        { id: 'UCHAN', name: 'Carol' },
        {
          isMember: true,
        },
      ),
    );
    expect(member.effects!.at(-1)!.reply.summary).toBe(
      'Carol from the licensing team is now handling this case.',
    );
  });

  it('a double click changes nothing twice', async () => {
    const engine = engineOn(backend.store());
    const { t, escalationId, handoffTs } = await escalated(engine);

    // Escalate again on the same thread: its status privately, no second escalation, the thread untouched.
    const { state: before } = await engine.store.load(threadKeyOf(t.say('')));
    const again = await engine.handle(
      t.say('', { addressed: 'button', action: { action: 'escalate' }, actionMessageId: 'card-1' }),
    );
    expect(again).toMatchObject({ reply: null, mode: 'none' });
    expect(again.effects).toHaveLength(1);
    expect(again.effects![0]).toMatchObject({ kind: 'ephemeral', userId: 'U0TECH', escalationId });
    const typed = await engine.handle(t.say('please escalate this'));
    expect(typed.effects!.map((e) => e.kind)).toEqual(['ephemeral']);
    const { state: after } = await engine.store.load(threadKeyOf(t.say('')));
    expect(after).toEqual(before);

    // Claim twice (two clicks, two deliveries): the second changes and says nothing.
    const first = await engine.handle(handoffClick(tenant, handoffTs, { action: 'claim', escalationId }));
    expect(first.effects).toHaveLength(3);
    const second = await engine.handle(handoffClick(tenant, handoffTs, { action: 'claim', escalationId }));
    expect(second).toMatchObject({ reply: null, mode: 'none' });
    expect(second.effects).toBeUndefined();

    // The platform retrying one click delivery: dropped as a duplicate.
    const click = handoffClick(tenant, handoffTs, {
      action: 'escalated_ms',
      escalationId,
      text: '2503140010001234',
    });
    expect((await engine.handle(click)).effects).toHaveLength(3);
    expect(await engine.handle(click)).toMatchObject({ reply: null, reason: 'duplicate' });

    const list = reply(await engine.handle(slackThread(tenant).say('escalations')));
    expect(list.evidence).toHaveLength(1);
  });

  it('an unclaimed escalation is reminded once in the escalation channel', async () => {
    const engine = engineOn(backend.store());
    const start = now;
    const { escalationId } = await escalated(engine);
    const mine = (effects: Outbound[]) => effects.filter((e) => e.escalationId === escalationId);
    expect(mine(await engine.dueReminders(start + 29 * 60_000))).toEqual([]);
    const due = mine(await engine.dueReminders(start + 31 * 60_000));
    expect(due.map(where)).toEqual(['post:CESCAL']);
    expect(due[0]!.reply.title).toBe(`Escalation ${escalationId} is still unclaimed`);
    expect(mine(await engine.dueReminders(start + 90 * 60_000))).toEqual([]);
  });

  it('stores no full product key pasted in an escalated thread', async () => {
    const engine = engineOn(backend.store());
    const { t, escalationId, handoffTs } = await escalated(engine);
    await engine.handle(
      handoffClick(tenant, handoffTs, {
        action: 'need_info',
        escalationId,
        text: 'Which key did you install?',
      }),
    );
    const answer = await engine.handle(
      t.say(`I installed ${PASTED_MAK}`, { addressed: 'none', botInThread: true }),
    );
    const said = JSON.stringify(answer);
    expect([...said.matchAll(FULL_KEY)].map((m) => m[0]).filter((k) => !k.startsWith('XXXXX-'))).toEqual([]);
    expect(said).toContain('XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
  });

  it('once escalated, a new paste in the thread gets a card without Escalate, and a spaced case number is taken', async () => {
    const engine = engineOn(backend.store());
    const { t, card, escalationId, handoffTs } = await escalated(engine);
    expect(card.actions.map((a) => a.id)).toContain('escalate');
    const again = reply(await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'))));
    expect(again.kind).toBe('diagnosis');
    expect(again.actions.map((a) => a.id)).not.toContain('escalate');

    const ms = await engine.handle(
      handoffClick(tenant, handoffTs, { action: 'escalated_ms', escalationId, text: '2412 0300 1234' }),
    );
    expect(JSON.stringify(ms)).toContain('241203001234');
    expect(JSON.stringify(ms)).not.toContain('does not look like a case number');
  });
});

describe('escalation handoff across a restart', () => {
  it('a new engine and new store instances on the same Redis carry on mid-flow', async () => {
    const tenant = `T-esc-restart-${RUN}`;
    const before = engineOn(backends[1]!.store());
    const t = slackThread(tenant, 'CHELP');
    await before.handle(t.say(fixture('en', 'slmgr-dlv-mak-notification.txt')));
    await before.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt')));
    const esc = await before.handle(t.say('escalate'));
    expect(reply(esc).kind).toBe('escalation');
    expect(esc.mode).toBe('post');
    const [handoffTs] = await execute(before, esc.effects);
    const escalationId = esc.effects![0]!.escalationId;
    await before.handle(
      handoffClick(tenant, handoffTs!, { action: 'need_info', escalationId, text: 'Which edition is it?' }),
    );

    // The bot restarts: every object is new, only Redis remains.
    const after = engineOn(backends[1]!.store());
    const answer = await after.handle(t.say('Datacenter', { addressed: 'none', botInThread: true }));
    expect(answer.reply).toBeNull();
    const relayed = answer.effects!.find((e) => e.kind === 'post' && e.target.channel === 'CESCAL')!;
    expect(relayed.target.threadKey).toBe(handoffTs);
    expect(relayed.reply.summary).toBe('U0TECH answered: Datacenter');
    // The handoff card's id survived: status changes update it in place.
    const resolved = await after.handle(
      handoffClick(tenant, handoffTs!, { action: 'handoff_resolved', escalationId, text: 'New MAK issued.' }),
    );
    expect(resolved.effects!.map(where)).toContain(`update:CESCAL/${handoffTs}#${handoffTs}`);
    expect((await after.store.load(threadKeyOf(t.say('')))).state?.status).toBe('resolved');
  });
});

describe('escalations and store round trips', () => {
  /** Counts calls per method on an object (a store or a key-value backend). */
  function counted<T extends object>(target: T): { proxy: T; calls: string[] } {
    const calls: string[] = [];
    const proxy = new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
    return { proxy, calls };
  }

  it('an ordinary message costs two store round trips and never touches the escalation store', async () => {
    const store = counted<ThreadStore>(new MemoryStore());
    const kv = counted(new MemoryKv());
    const escalations = new EscalationService({ repo: new EscalationRepository(kv.proxy), config });
    const engine = new ConversationEngine({ store: store.proxy, escalations });
    const t = slackThread(`T-rt-${RUN}`);
    await engine.handle(t.say(fixture('en', 'slmgr-dlv-mak-notification.txt')));
    store.calls.length = 0;
    const second = await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt')));
    expect(reply(second).kind).toBe('diagnosis');
    expect(second.effects).toBeUndefined();
    expect(store.calls).toEqual(['claimAndLoad', 'update']);
    // Chatter in the bot's thread costs one read to learn there is no escalation to pass it to.
    store.calls.length = 0;
    expect((await engine.handle(t.say('ok', { addressed: 'none', botInThread: true }))).reply).toBeNull();
    expect(store.calls).toEqual(['claimAndLoad']);
    expect(kv.calls).toEqual([]);
  });

  it('without an escalation service, Escalate answers in the thread and handoff buttons are not handled', async () => {
    const engine = new ConversationEngine();
    const t = slackThread(`T-plain-${RUN}`);
    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt')));
    const esc = await engine.handle(
      t.say('', { addressed: 'button', action: { action: 'escalate' }, actionMessageId: 'card-1' }),
    );
    expect(esc.mode).toBe('post');
    expect(reply(esc).kind).toBe('escalation');
    expect(esc.effects).toBeUndefined();
    const claim = await engine.handle(
      t.say('', { addressed: 'button', action: { action: 'claim', escalationId: 'E-0000000A' } }),
    );
    expect(claim).toMatchObject({ reply: null, reason: 'unsupported' });
  });
});
