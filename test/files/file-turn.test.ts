/**
 * The seam every adapter calls: files read into the message text, the acknowledgement only for screenshots, and
 * the reply decorated with where its evidence came from, or replaced by the refusal when nothing was read.
 */
import { describe, expect, it } from 'vitest';
import { makeReply } from '../../src/conversations/reply.js';
import type { EngineResult, InboundMessage, ReplyModel } from '../../src/conversations/types.js';
import { AttachmentReader, type AttachmentRef } from '../../src/files/attachments.js';
import { readFileTurn } from '../../src/files/file-turn.js';

const msg = (text: string, localeHint?: string): InboundMessage => ({
  platform: 'web',
  tenant: 'local',
  channel: 'c',
  threadKey: 't',
  messageId: 'm',
  user: { id: 'u' },
  text,
  addressed: 'dm',
  ...(localeHint ? { localeHint } : {}),
});

const textRef = (name: string, text: string, mimeType?: string): AttachmentRef => ({
  name,
  ...(mimeType ? { mimeType } : {}),
  download: async () => Buffer.from(text, 'utf8'),
});

const reader = new AttachmentReader();

/** A stand-in for the engine's reply: a diagnosis, or the help an empty message gets. */
function replyFor(text: string, lang: 'en' | 'fr' = 'en'): ReplyModel {
  return text === 'help'
    ? makeReply({ kind: 'help', lang, title: 'Help', summary: 'Send me a code' })
    : makeReply({
        kind: 'diagnosis',
        lang: 'en',
        title: 'KMS',
        summary: 'Likely',
        evidence: ['Error: 0xC004F074'],
      });
}

const result = (reply: ReplyModel | null, extra: Partial<EngineResult> = {}): EngineResult => ({
  reply,
  mode: reply ? 'post' : 'none',
  codes: [],
  ...extra,
});

describe('readFileTurn', () => {
  it('puts the file text after what was typed, and names the file first in the evidence', async () => {
    const acks: ReplyModel[] = [];
    const turn = await readFileTurn(msg('look'), [textRef('out.txt', 'Error: 0xC004F074')], reader, {
      acknowledge: async (a) => void acks.push(a),
    });
    expect(turn.msg.text).toBe('look\n\nError: 0xC004F074');
    expect(acks).toEqual([]); // no OCR, no "reading your screenshot"
    const decorated = turn.decorate(result(replyFor(turn.msg.text)));
    expect(decorated.reply!.evidence[0]).toMatch(/out\.txt/);
  });

  it('acknowledges in the locale’s language before reading an image, and refuses what is not one', async () => {
    const acks: ReplyModel[] = [];
    const turn = await readFileTurn(
      msg('', 'fr-FR'),
      [textRef('capture.png', 'not a png', 'image/png')],
      reader,
      { acknowledge: async (a) => void acks.push(a) },
    );
    expect(acks.map((a) => a.title)).toEqual(['Je lis votre capture d’écran…']);
    expect(turn.reading.refusals.map((r) => r.reason)).toEqual(['unsupported']);
    // The engine would give help for an empty message: the refusal is the answer instead.
    const decorated = turn.decorate(result(replyFor('help', 'fr')));
    expect(decorated.reply).toMatchObject({ kind: 'refusal', lang: 'fr' });
    expect(decorated.reply!.summary).toMatch(/capture\.png/);
  });

  it('leaves a duplicate delivery silent, and replaces an acknowledgement when the engine says nothing', async () => {
    const turn = await readFileTurn(msg(''), [textRef('shot.png', 'x', 'image/png')], reader, {
      acknowledge: async () => undefined,
    });
    expect(turn.decorate(result(null, { reason: 'duplicate' })).reply).toBeNull();
    expect(turn.decorate(result(null, { reason: 'not-addressed' })).reply).not.toBeNull();
  });

  it('passes a message without files through untouched', async () => {
    const m = msg('0xC004F074');
    const turn = await readFileTurn(m, [], reader);
    expect(turn.msg).toBe(m);
    const r = result(replyFor('0xC004F074'));
    expect(turn.decorate(r)).toBe(r);
  });
});
