/** Slack request signing and payload translation, without a server (pinned clock, plain objects). */
import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackSignature } from '../../src/adapters/slack/signature.js';
import {
  addressingOf,
  isHelpCommand,
  shouldIgnore,
  stripMentions,
} from '../../src/adapters/slack/translate.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = Buffer.from(
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Factivation&text=0xC004F074',
);
const ts = 1_531_420_618;
const nowMs = ts * 1000;

describe('Slack request signatures', () => {
  const signature = signSlackRequest(secret, ts, body);

  it('accepts the signature Slack computes over the raw body', () => {
    expect(signature).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(
      verifySlackSignature({
        secret,
        rawBody: body,
        timestampHeader: String(ts),
        signatureHeader: signature,
        nowMs,
      }),
    ).toEqual({ ok: true });
  });

  it('accepts a request signed up to five minutes ago, and no older', () => {
    const check = (ageSec: number) =>
      verifySlackSignature({
        secret,
        rawBody: body,
        timestampHeader: String(ts),
        signatureHeader: signature,
        nowMs: nowMs + ageSec * 1000,
      });
    expect(check(300).ok).toBe(true);
    expect(check(301)).toEqual({ ok: false, reason: 'stale' });
    expect(check(-301)).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects a changed body, another secret, and missing or malformed headers', () => {
    const verify = (o: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
      verifySlackSignature({
        secret,
        rawBody: body,
        timestampHeader: String(ts),
        signatureHeader: signature,
        nowMs,
        ...o,
      });
    expect(verify({ rawBody: Buffer.concat([body, Buffer.from(' ')]) }).ok).toBe(false);
    expect(verify({ secret: 'other' }).ok).toBe(false);
    expect(verify({ signatureHeader: undefined })).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verify({ timestampHeader: 'yesterday' })).toEqual({ ok: false, reason: 'bad-timestamp' });
    expect(verify({ signatureHeader: 'v0=00' })).toEqual({ ok: false, reason: 'mismatch' });
    // Signed for another timestamp: replaying the signature with a fresh timestamp does not work.
    expect(verify({ timestampHeader: String(ts + 1) })).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('reading Slack messages', () => {
  const bot = { botId: 'B0BOT', botUserId: 'U0BOT' };

  it('removes mentions, with or without a display name', () => {
    expect(stripMentions('<@U0BOT> what is <@U0OTHER|sam> seeing: 0xC004F074')).toBe(
      'what is seeing: 0xC004F074',
    );
  });

  it('ignores bots, itself, edits, deletions and joins, but not file shares', () => {
    const human = { type: 'message', user: 'U1', text: 'x', ts: '1.1' };
    expect(shouldIgnore(human, bot)).toBe(false);
    expect(shouldIgnore({ ...human, subtype: 'file_share' }, bot)).toBe(false);
    expect(shouldIgnore({ ...human, bot_id: 'B0OTHER' }, bot)).toBe(true);
    expect(shouldIgnore({ ...human, user: 'U0BOT' }, bot)).toBe(true);
    for (const subtype of ['bot_message', 'message_changed', 'message_deleted', 'channel_join']) {
      expect(shouldIgnore({ ...human, subtype }, bot)).toBe(true);
    }
  });

  it('answers mentions and DMs, leaves the channel copy of a mention to app_mention, and ignores channel chatter', () => {
    expect(addressingOf({ type: 'app_mention', text: '<@U0BOT> hi' }, bot)).toBe('mention');
    expect(addressingOf({ type: 'message', channel_type: 'im', text: 'hi' }, bot)).toBe('dm');
    expect(
      addressingOf({ type: 'message', channel_type: 'channel', text: '<@U0BOT> hi', ts: '1.2' }, bot),
    ).toBeUndefined();
    expect(
      addressingOf({ type: 'message', channel_type: 'channel', text: 'hi', ts: '1.2' }, bot),
    ).toBeUndefined();
    // Group DMs: a mention is answered from the message copy itself; chatter is not.
    expect(addressingOf({ type: 'message', channel_type: 'mpim', text: '<@U0BOT> hi', ts: '1.2' }, bot)).toBe(
      'mention',
    );
    expect(
      addressingOf({ type: 'message', channel_type: 'mpim', text: 'hi', ts: '1.2' }, bot),
    ).toBeUndefined();
    expect(
      addressingOf(
        { type: 'message', channel_type: 'channel', text: 'hi', ts: '1.2', thread_ts: '1.1' },
        bot,
      ),
    ).toBe('thread');
  });

  it('treats an empty /activation, "help", "aide" and "?" as a request for help', () => {
    for (const text of ['', '  ', 'help', 'AIDE', '?']) expect(isHelpCommand(text)).toBe(true);
    expect(isHelpCommand('0xC004F074')).toBe(false);
  });
});
