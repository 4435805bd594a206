/**
 * Support conversations through the engine, against both stores (embedded and a real Redis).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { threadKeyOf } from '../../src/conversations/keys.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { RedisStore } from '../../src/conversations/redis-store.js';
import type { ThreadStore } from '../../src/conversations/store.js';
import {
  MICROSOFT_ACTIVATION_CENTERS_URL,
  ReplyModelSchema,
  type ReplyModel,
} from '../../src/conversations/types.js';
import { fixture, PASTED_MAK, slackThread } from './helpers.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';

const RUN = randomUUID().slice(0, 8);

let server: TestRedis | undefined;
const stores: Record<string, ThreadStore> = {};

beforeAll(async () => {
  server = await startTestRedis();
  const redis = new RedisStore({ connection: { url: server.url } });
  expect(await redis.ready()).toBe(true);
  stores.redis = redis;
  stores.memory = new MemoryStore();
});

afterAll(async () => {
  await Promise.all(Object.values(stores).map((s) => s.close()));
  await server?.stop();
});

function reply(r: { reply: ReplyModel | null }): ReplyModel {
  expect(r.reply).not.toBeNull();
  // Every reply is a valid, platform-neutral model.
  return ReplyModelSchema.parse(r.reply);
}

describe.each(['memory', 'redis'])('conversations on the %s store', (kind) => {
  let engine: ConversationEngine;
  const tenant = () => `T-${kind}-${RUN}`;

  beforeAll(() => {
    engine = new ConversationEngine({ store: stores[kind]! });
  });

  async function stateOf(msg: Parameters<typeof threadKeyOf>[0]) {
    return (await stores[kind]!.load(threadKeyOf(msg))).state;
  }

  it('a code, then a /dlv paste, then an nslookup paste build one diagnosis', async () => {
    const t = slackThread(tenant());
    const first = reply(await engine.handle(t.say('0xC004F074')));
    expect(first.kind).toBe('explanation');
    expect(first.title).toContain('0xC004F074');

    const second = reply(await engine.handle(t.say(fixture('en', 'slmgr-dlv-kms-client-no-kms-in-dns.txt'))));
    expect(second.kind).toBe('diagnosis');
    // A whole new paste is counted, not listed fact by fact.
    expect(second.changes).toContainEqual(expect.stringMatching(/^\d+ new facts from your paste$/));
    expect(second.changes.filter((line) => line.endsWith('(new)'))).toEqual([]);
    // The code from the first message still counts.
    expect(second.codes.map((c) => c.code)).toContain('0xC004F074');
    expect(second.questions.map((q) => q.command).join(' ')).toMatch(/nslookup/i);

    const third = reply(await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt'))));
    expect(third.kind).toBe('diagnosis');
    expect(third.findings[0]?.id).toBe('kms-srv-missing');
    expect(third.changes.join('\n')).toMatch(/KMS SRV records in DNS: none/);
    expect(third.evidence.join('\n')).toMatch(/nslookup/);

    const state = await stateOf(t.say(''));
    expect(state?.status).toBe('diagnosed');
    expect(state?.codes).toEqual([
      expect.objectContaining({ code: '0xC004F074', messageId: `${t.threadKey}-1` }),
    ]);
    expect(state?.observations.map((o) => [o.source, o.messageId])).toEqual([
      ['slmgr-dlv', `${t.threadKey}-2`],
      ['nslookup-srv', `${t.threadKey}-3`],
    ]);
    expect(state?.findings[0]?.id).toBe('kms-srv-missing');
  });

  it('a newer paste of the same command replaces the older facts and the reply says what changed', async () => {
    const t = slackThread(tenant());
    const before = fixture('en', 'slmgr-dlv-kms-host-count-3.txt');
    const first = reply(await engine.handle(t.say(before)));
    expect(first.findings.map((f) => f.id)).toContain('kms-count-low');

    const after = before.replace('Current count: 3', 'Current count: 27');
    const second = reply(await engine.handle(t.say(after)));
    expect(second.changes).toContain('KMS host count: 3 → 27');
    expect(second.findings.map((f) => f.id)).not.toContain('kms-count-low');

    const state = await stateOf(t.say(''));
    const dlv = state?.observations.filter((o) => o.source === 'slmgr-dlv');
    expect(dlv).toHaveLength(1);
    expect(dlv?.[0]).toMatchObject({ messageId: `${t.threadKey}-2`, facts: { kmsCurrentCount: 27 } });
  });

  it('a French thread is answered in French', async () => {
    const t = slackThread(tenant());
    const why = reply(await engine.handle(t.say('pourquoi 0xC004F038 ?')));
    expect(why.kind).toBe('explanation');
    expect(why.lang).toBe('fr');
    // Follow-up without language cues stays French (thread language), even from an English-locale client.
    const again = reply(await engine.handle(t.say('0xC004F074', { localeHint: undefined })));
    expect(again.lang).toBe('fr');
    const stuck = reply(await engine.handle(t.say("ça n'a pas marché")));
    expect(stuck.lang).toBe('fr');
    expect(stuck.changes[0]).toMatch(/^Écartée : /);
  });

  it('a French paste of a KMS host is diagnosed in French, and a newer paste says what changed in French', async () => {
    const t = slackThread(tenant());
    const before = fixture('fr', 'slmgr-dlv-hote-kms-compteur-3.txt');
    const first = reply(await engine.handle(t.say(before)));
    expect(first.lang).toBe('fr');
    expect(first.findings[0]?.id).toBe('kms-count-low');
    expect(first.evidence.join(' ')).toMatch(/d'après slmgr \/dlv/);
    const second = reply(
      await engine.handle(t.say(before.replace('Nombre actuel : 3', 'Nombre actuel : 27'))),
    );
    expect(second.lang).toBe('fr');
    expect(second.changes).toContain('Compteur de l’hôte KMS : 3 → 27');
  });

  it('the platform locale picks French when the text does not tell', async () => {
    const t = slackThread(tenant());
    const r = reply(await engine.handle(t.say('0xC004F038', { localeHint: 'fr-FR' })));
    expect(r.lang).toBe('fr');
  });

  it('"in French please" switches the thread, and it stays French for English pastes', async () => {
    const t = slackThread(tenant());
    reply(await engine.handle(t.say('why 0xC004F074?')));
    const switched = reply(await engine.handle(t.say('in French please')));
    expect(switched.lang).toBe('fr');
    expect(switched.summary).toMatch(/français/);
    const paste = reply(await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt'))));
    expect(paste.lang).toBe('fr');
    const back = reply(await engine.handle(t.say('in English')));
    expect(back.lang).toBe('en');
  });

  it('channel chatter without a mention is ignored; a DM is always answered', async () => {
    const t = slackThread(tenant());
    const chatter = await engine.handle(t.say('anyone up for lunch?', { addressed: 'none' }));
    expect(chatter).toEqual({ reply: null, mode: 'none', reason: 'not-addressed', codes: [] });
    const code = reply(
      await engine.handle(t.say('seeing 0xC004F074 on the new RDS hosts', { addressed: 'none' })),
    );
    expect(code.kind).toBe('diagnosis');
    const dm = reply(await engine.handle(t.say('hello', { addressed: 'dm' })));
    expect(dm.kind).toBe('help');
    expect(dm.questions.length).toBeGreaterThan(0);
  });

  it('in a thread the bot already answered, a paste without a mention gets a reply', async () => {
    const t = slackThread(tenant());
    reply(await engine.handle(t.say('0xC004F074')));
    const paste = await engine.handle(
      t.say(fixture('en', 'nslookup-srv-nxdomain.txt'), { addressed: 'none', botInThread: true }),
    );
    expect(reply(paste).kind).toBe('diagnosis');
    const thanks = await engine.handle(
      t.say('ok thanks, checking with the DNS team', { addressed: 'none', botInThread: true }),
    );
    expect(thanks.reply).toBeNull();
    const fixed = await engine.handle(t.say('that fixed it', { addressed: 'none', botInThread: true }));
    expect(reply(fixed).kind).toBe('resolved');
  });

  /** A KMS client that cannot activate: DNS has no SRV record and port 1688 is closed; two causes. */
  async function kmsClientThread() {
    const t = slackThread(tenant());
    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004F074.txt')));
    await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt')));
    const diag = reply(await engine.handle(t.say(fixture('en', 'test-netconnection-1688-false.txt'))));
    return { t, diag };
  }

  it('"didn\'t help" moves on to the next most likely cause', async () => {
    const { t, diag: first } = await kmsClientThread();
    expect(first.findings.map((f) => f.id).slice(0, 2)).toEqual(['kms-srv-missing', 'kms-port-blocked']);
    const second = reply(await engine.handle(t.say("didn't help")));
    expect(second.kind).toBe('diagnosis');
    expect(second.findings.map((f) => f.id)).not.toContain('kms-srv-missing');
    expect(second.findings[0]?.id).toBe('kms-port-blocked');
    expect(second.changes[0]).toBe(`Ruled out: ${first.findings[0]!.title}`);
    expect(second.summary).toContain(first.findings[0]!.title);
    expect((await stateOf(t.say('')))?.rejected).toEqual(['kms-srv-missing']);

    // The button on the new card rules out the cause it showed.
    const button = second.actions.find((a) => a.id === 'didnt_help')!;
    expect(button.payload).toEqual({ action: 'didnt_help', findingId: 'kms-port-blocked' });
    const third = reply(await engine.handle(t.say('', { action: button.payload, addressed: 'button' })));
    expect(third.findings.map((f) => f.id)).not.toContain('kms-port-blocked');
    expect((await stateOf(t.say('')))?.rejected).toEqual(['kms-srv-missing', 'kms-port-blocked']);
  });

  it('"that fixed it" closes the thread and records which fix worked', async () => {
    const t = slackThread(tenant());
    const diag = reply(await engine.handle(t.say(fixture('en', 'slmgr-dlv-kms-host-count-3.txt'))));
    const fixId = diag.findings[0]!.id;
    const resolvedAction = diag.actions.find((a) => a.id === 'resolved');
    expect(resolvedAction?.payload).toEqual({ action: 'resolved', findingId: fixId });
    const done = await engine.handle(
      t.say('', { action: resolvedAction!.payload, addressed: 'button', actionMessageId: 'card-1' }),
    );
    expect(done.mode).toBe('update');
    expect(reply(done)).toMatchObject({ kind: 'resolved', status: 'resolved' });
    expect(reply(done).summary).toContain(diag.findings[0]!.title);
    expect(await stateOf(t.say(''))).toMatchObject({ status: 'resolved', resolvedBy: fixId });
  });

  it('"c\'est réglé" resolves with the cause the thread was showing', async () => {
    const t = slackThread(tenant());
    const diag = reply(
      await engine.handle(t.say(fixture('en', 'slmgr-dlv-kms-host-count-3.txt'), { localeHint: 'fr-FR' })),
    );
    const done = reply(await engine.handle(t.say("c'est réglé, merci")));
    expect(done.kind).toBe('resolved');
    expect(done.lang).toBe('fr');
    expect((await stateOf(t.say('')))?.resolvedBy).toBe(diag.findings[0]!.id);
  });

  it('"start over" forgets the thread', async () => {
    const t = slackThread(tenant());
    reply(await engine.handle(t.say(fixture('en', 'slmgr-dlv-kms-host-count-3.txt'))));
    const reset = reply(await engine.handle(t.say('start over')));
    expect(reset.kind).toBe('reset');
    const state = await stateOf(t.say(''));
    expect(state).toMatchObject({ observations: [], codes: [], findings: [], rejected: [], status: 'open' });
    const fresh = reply(await engine.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt'))));
    expect(fresh.changes).toEqual([]);
    expect(fresh.findings.map((f) => f.id)).not.toContain('kms-count-low');
  });

  it('"show all findings" lists every cause on the same card', async () => {
    const { t, diag } = await kmsClientThread();
    const showAll = diag.actions.find((a) => a.id === 'show_all');
    expect(showAll).toBeDefined();
    const all = await engine.handle(
      t.say('', { action: showAll!.payload, addressed: 'button', actionMessageId: 'c1' }),
    );
    expect(all.mode).toBe('update');
    expect(reply(all).kind).toBe('all_findings');
    expect(reply(all).findings.map((f) => f.id)).toEqual(diag.findings.map((f) => f.id));
  });

  it('a blocked MAK sends the user to Microsoft with what to bring', async () => {
    const t = slackThread(tenant());
    const r = reply(await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'))));
    expect(r.escalation?.url).toBe(MICROSOFT_ACTIVATION_CENTERS_URL);
    expect(r.escalation?.bring.join('\n')).toContain('0xC004C003');
    expect(r.actions.map((a) => a.id)).toContain('escalate');
    const esc = reply(
      await engine.handle(t.say('', { action: { action: 'escalate' }, addressed: 'button' })),
    );
    expect(esc).toMatchObject({ kind: 'escalation', status: 'escalated' });
    expect(esc.escalation?.url).toBe(MICROSOFT_ACTIVATION_CENTERS_URL);
    // Typing it does the same as the button.
    const typed = reply(await engine.handle(t.say('please escalate this')));
    expect(typed.kind).toBe('escalation');
    expect((await stateOf(t.say('')))?.status).toBe('escalated');
  });

  it('a request for a KMS emulator is refused', async () => {
    const t = slackThread(tenant());
    const r = reply(
      await engine.handle(t.say('where can I download a KMS emulator like vlmcsd to activate for free?')),
    );
    expect(r.kind).toBe('refusal');
  });

  it('a pasted MAK is never echoed back nor remembered', async () => {
    const t = slackThread(tenant());
    const r = await engine.handle(t.say(`slmgr /ipk ${PASTED_MAK} then slmgr /ato gives 0xC004C003`));
    expect(JSON.stringify(r)).not.toContain(PASTED_MAK);
    expect(JSON.stringify(await stateOf(t.say('')))).not.toContain(PASTED_MAK);
  });

  it('the card posted for a turn is remembered with that turn, in the same write', async () => {
    const t = slackThread(tenant());
    const first = await engine.prepare(t.say('0xC004F074'));
    expect(first.result.reply?.kind).toBe('explanation');
    expect(await first.save('1700000000.999001')).toBe('saved');
    const state = await stateOf(t.say(''));
    expect(state?.cards.map((c) => c.messageId)).toEqual(['1700000000.999001']);
    expect(state?.codes.map((c) => c.code)).toEqual(['0xC004F074']);
    // A click on that card updates it in place and records nothing new.
    const click = await engine.prepare(
      t.say('', {
        addressed: 'button',
        action: { action: 'resolved' },
        actionMessageId: '1700000000.999001',
      }),
    );
    expect(click.result.mode).toBe('update');
    await click.save();
    expect((await stateOf(t.say('')))?.cards.map((c) => c.messageId)).toEqual(['1700000000.999001']);
  });

  it('an unaddressed reply is answered only in a thread where the bot posted a card', async () => {
    const elsewhere = slackThread(tenant());
    const quiet = await engine.handle(elsewhere.say('that fixed it', { addressed: 'thread' }));
    expect(quiet.reason).toBe('not-addressed');
    // Nothing was claimed or written for a thread the bot never answered.
    expect(await stateOf(elsewhere.say(''))).toBeNull();
    const t = slackThread(tenant());
    await (await engine.prepare(t.say('0xC004F074'))).save('1700000000.999002');
    const fixed = await engine.handle(t.say('that fixed it', { addressed: 'thread' }));
    expect(reply(fixed).kind).toBe('resolved');
  });

  it('a paste beyond 1 MiB is read up to the cap and the reply says so', async () => {
    const t = slackThread(tenant());
    const huge = `${fixture('en', 'nslookup-srv-nxdomain.txt')}\n${'x'.repeat(1024 * 1024 + 10)}`;
    const r = reply(await engine.handle(t.say(huge)));
    expect(r.findings[0]?.id).toBe('kms-srv-missing');
    expect(r.warnings.join(' ')).toMatch(/1 MiB/);
  });

  it('a malformed message gives an error result instead of throwing', async () => {
    const r = await engine.handle({ platform: 'irc', text: 42 });
    expect(r).toMatchObject({ reply: null, mode: 'none', reason: 'invalid' });
    expect(r.error).toMatch(/platform|text|tenant/);
  });
});
