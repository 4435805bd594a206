/**
 * One diagnosis per turn: the engine is given a counting wrapper around the knowledge core's `diagnoseFacts`,
 * and each turn of a KMS thread (paste, "didn't help" twice, Escalate with the escalation service on) is counted.
 * "Didn't help" names the ruled-out cause from the thread's memory; Escalate's dossier and answer share one.
 */
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { createEscalations } from '../../src/conversations/handoff.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import type { EngineResult, ReplyModel } from '../../src/conversations/types.js';
import { diagnoseFacts } from '../../src/knowledge/index.js';
import { parseSlackAction } from '../../src/bot/actions.js';
import { renderBlockKit } from '../../src/bot/render/block-kit.js';
import { threadKeyOf } from '../../src/conversations/keys.js';
import { fixture, slackThread } from './helpers.js';

function reply(r: EngineResult): ReplyModel {
  expect(r.reply).not.toBeNull();
  return r.reply!;
}

/** An engine on a memory store, escalating to a Slack channel, whose diagnosis counts its calls. */
function countingEngine() {
  const count = { diagnoses: 0 };
  const counting: typeof diagnoseFacts = (input, opts) => {
    count.diagnoses++;
    return diagnoseFacts(input, opts);
  };
  const store = new MemoryStore();
  const config = { channels: { slack: { channel: 'CESCAL' } }, reminderMinutes: 30, members: [] };
  const escalations = createEscalations({ store, config });
  const engine = new ConversationEngine({ store, diagnose: counting, escalations });
  return { engine, store, escalations, count };
}

describe('diagnoses per turn', () => {
  it('a paste, two "didn\'t help" and Escalate each diagnose once', async () => {
    const { engine, count } = countingEngine();
    const t = slackThread('T-DIAG');
    const counted = async (input: unknown) => {
      count.diagnoses = 0;
      const result = await engine.handle(input);
      return { result, diagnoses: count.diagnoses };
    };

    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004F074.txt')));
    await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt')));
    const paste = await counted(t.say(fixture('en', 'test-netconnection-1688-false.txt')));
    expect(paste.diagnoses).toBe(1);
    const first = reply(paste.result);
    expect(first.findings.map((f) => f.id).slice(0, 2)).toEqual(['kms-srv-missing', 'kms-port-blocked']);

    const notIt = await counted(
      t.say('', { action: { action: 'didnt_help', findingId: 'kms-srv-missing' }, addressed: 'button' }),
    );
    expect(notIt.diagnoses).toBe(1);
    expect(reply(notIt.result).changes[0]).toBe(`Ruled out: ${first.findings[0]!.title}`);

    const second = reply(notIt.result);
    const notItEither = await counted(
      t.say('', { action: { action: 'didnt_help', findingId: 'kms-port-blocked' }, addressed: 'button' }),
    );
    expect(notItEither.diagnoses).toBe(1);
    // The title as shown, its placeholders filled from the thread's facts.
    expect(reply(notItEither.result).changes[0]).toBe(`Ruled out: ${second.findings[0]!.title}`);

    const escalate = await counted(t.say('', { action: { action: 'escalate' }, addressed: 'button' }));
    expect(escalate.diagnoses).toBe(1);
    const handoff = escalate.result.effects?.find((e) => e.kind === 'post' && e.target.channel === 'CESCAL');
    expect(handoff).toBeDefined();
    // The handoff card lists both ruled-out causes by their titles.
    const card = JSON.stringify(handoff);
    expect(card).toContain(first.findings[0]!.title);
    expect(card).toContain(second.findings[0]!.title);
  });

  it('"Details" makes the card\'s details with one diagnosis, says nothing in the thread and writes nothing', async () => {
    const { engine, store, count } = countingEngine();
    const t = slackThread('T-DETAILS');
    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004F074.txt')));
    const card = reply(await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt'))));
    const before = await store.load(threadKeyOf(t.say('')));

    count.diagnoses = 0;
    const details = await engine.handle(
      t.say('', {
        action: { action: 'details', lang: 'en' },
        addressed: 'button',
        actionMessageId: 'card-2',
      }),
    );
    expect(count.diagnoses).toBe(1);
    expect(details.reply).toBeNull();
    expect(details.mode).toBe('none');
    // The same answer the card shows, made again from the thread: its cause, steps and next evidence.
    const again = details.details as ReplyModel;
    expect(again.kind).toBe('diagnosis');
    expect(again.cause).toBe(card.cause);
    expect(again.fix).toEqual(card.fix);
    expect(again.codes).toEqual(card.codes);
    const after = await store.load(threadKeyOf(t.say('')));
    expect(after.rev).toBe(before.rev);
    expect(after.state).toEqual(before.state);

    // A card whose thread kept nothing (answered privately, memory expired): no details, no diagnosis.
    count.diagnoses = 0;
    const empty = slackThread('T-DETAILS-EMPTY');
    const none = await engine.handle(empty.say('', { action: { action: 'details' }, addressed: 'button' }));
    expect(none.details).toBeUndefined();
    expect(count.diagnoses).toBe(0);
  });

  it('"Details" in an escalated thread gives the escalation answer; on the handoff card, the record as it stands', async () => {
    const { engine, escalations, count } = countingEngine();
    const t = slackThread('T-DETAILS-ESC');
    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt')));
    const escalated = await engine.handle(t.say('', { action: { action: 'escalate' }, addressed: 'button' }));
    const id = escalated.effects![0]!.escalationId;

    count.diagnoses = 0;
    const inThread = await engine.handle(t.say('', { action: { action: 'details' }, addressed: 'button' }));
    expect(count.diagnoses).toBe(1);
    expect(inThread.details?.kind).toBe('escalation');
    expect(inThread.effects).toBeUndefined();

    const scope = { platform: 'slack' as const, tenant: t.tenant };
    const before = await escalations.repo.get(scope, id);
    count.diagnoses = 0;
    const click = {
      platform: 'slack' as const,
      tenant: t.tenant,
      channel: 'CESCAL',
      threadKey: '1700009999.000001',
      messageId: 'details-click-1',
      user: { id: 'UENG1', name: 'Alice' },
      text: '',
      addressed: 'button' as const,
      action: { action: 'details' as const, escalationId: id, lang: 'en' as const },
    };
    const onHandoff = await engine.handle(click);
    expect(count.diagnoses).toBe(0);
    expect(onHandoff.reply).toBeNull();
    expect(onHandoff.effects).toBeUndefined();
    expect(onHandoff.details).toMatchObject({ kind: 'handoff', escalationId: id, status: 'open' });
    expect((await escalations.repo.get(scope, id))?.version).toBe(before?.version);
    // An unknown escalation id: nothing to show, nothing sent.
    const unknown = await engine.handle({
      ...click,
      messageId: 'details-click-2',
      action: { ...click.action, escalationId: 'E-00000000' },
    });
    expect(unknown.details).toBeUndefined();
    expect(unknown.effects).toBeUndefined();
  });

  it('"Details" on an explanation card gives that code’s details, from the payload its Slack button carries', async () => {
    const engine = new ConversationEngine({ store: new MemoryStore() });
    const t = slackThread('T-DETAILS-WHY');
    const card = reply(await engine.handle(t.say('why 0xC004F074?')));
    expect(card.kind).toBe('explanation');
    const button = renderBlockKit(card)
      .blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e) => e.action_id === 'ad_details');
    const payload = parseSlackAction(button!);
    expect(payload).toMatchObject({ action: 'details', code: '0xC004F074' });
    const details = await engine.handle(t.say('', { action: payload, addressed: 'button' }));
    const again = details.details as ReplyModel;
    expect(again.kind).toBe('explanation');
    expect(again.title).toBe(card.title);
    expect(again.fix).toEqual(card.fix);
  });

  it('"Details" on a card that led with another cause follows the cause that card showed', async () => {
    const engine = new ConversationEngine({ store: new MemoryStore() });
    const t = slackThread('T-DETAILS-OLD');
    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004F074.txt')));
    await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt')));
    const card = reply(await engine.handle(t.say(fixture('en', 'test-netconnection-1688-false.txt'))));
    const second = card.findings[1]!;
    const details = await engine.handle(
      t.say('', { action: { action: 'details', findingId: second.id }, addressed: 'button' }),
    );
    const again = details.details as ReplyModel;
    expect(again.cause).toBe(second.cause);
    expect(again.fix).toEqual(second.fix);
  });
});
