/**
 * The escalation story, written once as a transcript (in the spirit of errbot's testbot: say this, expect that),
 * through the shared turn runner with a fake Slack surface that records every post, update and private note.
 * The platform e2e suites keep only what is about the wire (signatures, JWTs, payload shapes, updates reaching
 * the fake upstream).
 */
import { describe, expect, it } from 'vitest';
import { runTurn, type TurnSurface } from '../../src/adapters/run-turn.js';
import type { EffectExecutor } from '../../src/adapters/effects.js';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { createEscalations } from '../../src/conversations/handoff.js';
import { threadKeyOf } from '../../src/conversations/keys.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { StoreUnavailableError } from '../../src/conversations/store.js';
import type { ActionId, InboundMessage, ReplyModel } from '../../src/conversations/types.js';
import type { CardModel, HandoffCardModel } from '../../src/conversations/escalations/types.js';
import { createLogger } from '../../src/observability/logger.js';
import { fixture } from './helpers.js';

/** The runner's log lines are not what this story is about. */
const quiet = () => createLogger({ level: 'error', write: () => undefined });

const HELP = 'CHELP';
const ESCALATION = 'CESCAL';
const TECH = { id: 'U0TECH' };
const ALICE = { id: 'UENG1', name: 'Alice' };
const MALLORY = { id: 'U0MALLORY', name: 'Mallory' };

/** One line of the transcript: what the bot did, where, with which card id. */
interface Line {
  kind: 'post' | 'update' | 'ephemeral';
  channel: string;
  thread: string;
  id: string;
  to?: string;
  reply: CardModel;
}

/** A Slack workspace played by the test: the runner, one engine, and everything the bot said, in order. */
function workspace() {
  const store = new MemoryStore();
  const config = { channels: { slack: { channel: ESCALATION } }, reminderMinutes: 30, members: [] };
  const engine = new ConversationEngine({ store, escalations: createEscalations({ store, config }) });
  const lines: Line[] = [];
  let read = 0;
  let ts = 0;
  const nextTs = () => `1700001000.${String(++ts).padStart(6, '0')}`;
  const origin = nextTs();

  const effects: EffectExecutor = {
    platform: 'slack',
    async post(e) {
      const id = nextTs();
      lines.push({
        kind: 'post',
        channel: e.target.channel,
        thread: e.target.threadKey ?? id,
        id,
        reply: e.reply,
      });
      // A top-level Slack post starts a thread named after its own ts.
      return { messageId: id, threadKey: e.target.threadKey ?? id };
    },
    async update(e) {
      lines.push({
        kind: 'update',
        channel: e.target.channel,
        thread: e.target.threadKey ?? '',
        id: e.messageId,
        reply: e.reply,
      });
    },
    async ephemeral(e) {
      lines.push({
        kind: 'ephemeral',
        channel: e.target.channel,
        thread: e.target.threadKey ?? '',
        id: '',
        to: e.userId,
        reply: e.reply,
      });
    },
  };
  const surfaceFor = (msg: InboundMessage): TurnSurface => ({
    platform: 'slack',
    async post(reply) {
      const id = nextTs();
      lines.push({ kind: 'post', channel: msg.channel, thread: msg.threadKey, id, reply });
      return id;
    },
    async update(id, reply) {
      lines.push({ kind: 'update', channel: msg.channel, thread: msg.threadKey, id, reply });
    },
    effects,
    // The escalation channel's members, as Slack's conversations.members would list them.
    isMember: async (userId) => userId === ALICE.id,
    permalink: async () => `https://example.slack.com/archives/${HELP}/p${origin.replace('.', '')}`,
  });
  const run = (msg: InboundMessage) => runTurn({ engine, logger: quiet() }, msg, surfaceFor(msg));

  let n = 0;
  const message = (fields: Partial<InboundMessage>): InboundMessage => ({
    platform: 'slack',
    tenant: 'T-STORY',
    channel: HELP,
    threadKey: origin,
    messageId: `m-${++n}`,
    eventId: `Ev-${n}`,
    user: TECH,
    text: '',
    addressed: 'mention',
    ...fields,
  });

  return {
    engine,
    origin,
    /** Someone writes in the origin thread (a mention unless said otherwise). */
    say: (text: string, fields: Partial<InboundMessage> = {}) => run(message({ text, ...fields })),
    /** Someone clicks a button on a card the bot posted. */
    click: (
      card: Line,
      action: ActionId,
      fields: { as?: { id: string; name?: string }; text?: string } = {},
    ) => {
      const escalationId = JSON.stringify(card.reply).match(/E-[0-9A-Z]{8}/)?.[0];
      return run(
        message({
          channel: card.channel,
          threadKey: card.thread,
          user: fields.as ?? TECH,
          addressed: 'button',
          action: {
            action,
            ...(escalationId && action !== 'escalate' ? { escalationId } : {}),
            ...(fields.text ? { text: fields.text } : {}),
          },
          actionMessageId: card.id,
        }),
      );
    },
    /** What the bot did since the last `expect`, in order. */
    said(): Line[] {
      const fresh = lines.slice(read);
      read = lines.length;
      return fresh;
    },
  };
}

const summaries = (lines: Line[]) => lines.map((l) => `${l.kind} ${l.channel}: ${l.reply.summary}`);

describe('the escalation story, as a transcript through the turn runner', () => {
  it('diagnosis → Escalate → Claim → Need info → answer → Escalated to Microsoft → Resolved', async () => {
    const bot = workspace();

    await bot.say(fixture('en', 'slmgr-dlv-mak-notification.txt'));
    await bot.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'));
    const [, diagnosis] = bot.said();
    expect(diagnosis).toMatchObject({ kind: 'post', channel: HELP, thread: bot.origin });
    expect(diagnosis!.reply.kind).toBe('diagnosis');
    expect((diagnosis!.reply as ReplyModel).actions.map((a) => a.id)).toContain('escalate');

    // Escalate: the clicked card becomes the escalation summary; the handoff card opens the escalation channel's
    // thread, with the origin's permalink; the origin thread gets its status card.
    await bot.click(diagnosis!, 'escalate');
    const [summary, handoff, status] = bot.said();
    expect(summary).toMatchObject({ kind: 'update', channel: HELP, id: diagnosis!.id });
    expect(summary!.reply.kind).toBe('escalation');
    expect(summary!.reply.summary).toMatch(/^Handed to the licensing team as E-[0-9A-Z]{8}/);
    expect(handoff).toMatchObject({ kind: 'post', channel: ESCALATION });
    expect(handoff!.reply.kind).toBe('handoff');
    expect((handoff!.reply as HandoffCardModel).actions.map((a) => a.id)).toEqual([
      'claim',
      'need_info',
      'escalated_ms',
      'handoff_resolved',
    ]);
    expect(JSON.stringify(handoff!.reply)).toContain(`https://example.slack.com/archives/${HELP}/p`);
    expect(status).toMatchObject({ kind: 'post', channel: HELP, thread: bot.origin });

    // Someone outside the escalation channel cannot claim it: told privately, nothing else changes.
    await bot.click(handoff!, 'claim', { as: MALLORY });
    const refused = bot.said();
    expect(refused.map((l) => [l.kind, l.to])).toEqual([['ephemeral', MALLORY.id]]);

    // Claim: both cards updated in place, a line in the origin thread.
    await bot.click(handoff!, 'claim', { as: ALICE });
    const claimed = bot.said();
    expect(claimed.map((l) => `${l.kind} ${l.channel} ${l.id}`).slice(0, 2)).toEqual([
      `update ${ESCALATION} ${handoff!.id}`,
      `update ${HELP} ${status!.id}`,
    ]);
    expect(summaries(claimed).at(-1)).toBe(
      `post ${HELP}: Alice from the licensing team is now handling this case.`,
    );

    // Need info: the question is relayed to the origin thread.
    await bot.click(handoff!, 'need_info', { as: ALICE, text: 'What is your agreement number?' });
    const asked = bot.said().at(-1)!;
    expect(asked).toMatchObject({ kind: 'post', channel: HELP, thread: bot.origin });
    expect(asked.reply.summary).toContain('Alice asks: What is your agreement number?');

    // The answer, a thread reply without a mention, is relayed back to the handoff thread; no diagnosis.
    await bot.say('It is agreement 87654321', { addressed: 'thread' });
    const relayed = bot.said();
    expect(relayed.some((l) => l.channel === HELP && l.kind === 'post' && l.reply.kind === 'diagnosis')).toBe(
      false,
    );
    const back = relayed.find((l) => l.kind === 'post' && l.channel === ESCALATION)!;
    expect(back.thread).toBe(handoff!.id);
    expect(back.reply.summary).toBe('U0TECH answered: It is agreement 87654321');

    // Escalated to Microsoft with a case number.
    await bot.click(handoff!, 'escalated_ms', { as: ALICE, text: 'case 2503140010001234' });
    expect(summaries(bot.said()).at(-1)).toBe(
      `post ${HELP}: The licensing team escalated this case to Microsoft (case number 2503140010001234).`,
    );

    // Resolved: said in the origin thread, and the origin thread is resolved.
    await bot.click(handoff!, 'handoff_resolved', {
      as: ALICE,
      text: 'Microsoft reset the MAK count; activated.',
    });
    expect(summaries(bot.said()).at(-1)).toBe(
      `post ${HELP}: The licensing team marked this case resolved: Microsoft reset the MAK count; activated.`,
    );
    const { state } = await bot.engine.store.load(
      threadKeyOf({ platform: 'slack', tenant: 'T-STORY', channel: HELP, threadKey: bot.origin }),
    );
    expect(state?.status).toBe('resolved');

    // A later thank-you in the thread is relayed nowhere and answered by nobody.
    await bot.say('thanks!', { addressed: 'thread' });
    expect(bot.said()).toEqual([]);
  });

  it('when the turn cannot be saved after its card went out, the card says its memory was not saved', async () => {
    const store = new MemoryStore();
    const failingWrites = Object.assign(Object.create(store) as MemoryStore, {
      update: async () => {
        throw new StoreUnavailableError('redis: READONLY');
      },
    });
    const engine = new ConversationEngine({ store: failingWrites });
    const lines: string[] = [];
    const msg: InboundMessage = {
      platform: 'slack',
      tenant: 'T-UNSAVED',
      channel: HELP,
      threadKey: '1700002000.000001',
      messageId: '1700002000.000001',
      user: TECH,
      text: 'why 0xC004F074?',
      addressed: 'mention',
    };
    const outcome = await runTurn({ engine, logger: quiet() }, msg, {
      platform: 'slack',
      post: async (reply) => {
        lines.push(`post ${reply.warnings.length}`);
        return 'card-1';
      },
      update: async (id, reply) => {
        lines.push(`update ${id} ${reply.warnings.join(' ')}`);
      },
    });
    expect(outcome).toMatchObject({ sent: 'posted', cardId: 'card-1', saved: 'failed' });
    expect(lines[0]).toBe('post 0');
    expect(lines[1]).toMatch(/^update card-1 .*(memory|saved)/i);
  });
});
