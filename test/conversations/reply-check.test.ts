import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeReply } from '../../src/conversations/reply.js';
import { checkedReply } from '../../src/conversations/reply-check.js';
import { ReplyModelSchema, type ReplyModelInput } from '../../src/conversations/types.js';
import { replyInput } from '../bot/reply-arbitraries.js';
import { everySample } from '../bot/sample-replies.js';

const RUNS = 400;

describe('the plain check of the replies we build', () => {
  it('whenever it answers, the schema accepts the same input and parses it to the same reply, key for key', () => {
    let answered = 0;
    fc.assert(
      fc.property(replyInput, (input) => {
        const checked = checkedReply(input);
        if (checked === undefined) return;
        answered++;
        const parsed = ReplyModelSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        expect(checked).toEqual(parsed.data);
        expect(JSON.stringify(checked)).toBe(JSON.stringify(parsed.data));
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a good share of the generated replies are valid ones.
    expect(answered).toBeGreaterThan(RUNS / 5);
  });

  it('answers for every reply the schema accepts unchanged, so the schema only runs on what it would reject', () => {
    fc.assert(
      fc.property(replyInput, (input) => {
        const parsed = ReplyModelSchema.safeParse(input);
        if (!parsed.success) {
          expect(checkedReply(input)).toBeUndefined();
          return;
        }
        // The schema trims a link and drops its tabs and newlines; the check leaves such a link to the schema.
        if (input.escalation && parsed.data.escalation?.url !== input.escalation.url) return;
        expect(checkedReply(input)).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('answers for the renderer samples, the huge reply included, without sharing their objects', () => {
    for (const sample of everySample()) {
      const checked = checkedReply(sample);
      expect(checked).toEqual(ReplyModelSchema.parse(sample));
      expect(checked?.findings).not.toBe(sample.findings);
    }
  });

  it('makeReply still refuses what the schema refuses, with the schema’s error', () => {
    const bad = { kind: 'diagnosis', lang: 'de', title: 't', summary: 's' } as unknown as ReplyModelInput;
    expect(checkedReply(bad)).toBeUndefined();
    expect(() => makeReply(bad)).toThrow(/lang/);
    const longLabel = {
      kind: 'help',
      lang: 'en',
      title: 't',
      summary: 's',
      actions: [{ id: 'resolved', label: 'x'.repeat(76), payload: { action: 'resolved' } }],
    } as ReplyModelInput;
    expect(() => makeReply(longLabel)).toThrow();
  });

  it('makeReply fills the schema’s defaults and still redacts a full product key', () => {
    const reply = makeReply({
      kind: 'notice',
      lang: 'fr',
      title: 'Clé',
      summary: 'La clé QX7R2-8KMPT-YBV4C-6HWJD-9FG3N a été refusée.',
    });
    expect(reply.summary).not.toContain('QX7R2-8KMPT');
    expect(reply.summary).toContain('9FG3N');
    expect(reply).toMatchObject({ fix: [], evidence: [], findings: [], actions: [] });
  });

  it('makeReply redacts a key at the start of a line or after a tab, in any string of the reply', () => {
    const reply = makeReply({
      kind: 'notice',
      lang: 'en',
      title: 'Key',
      summary: 'The key was refused:\nQX7R2-8KMPT-YBV4C-6HWJD-9FG3N',
      evidence: ['key\tNPPR9-FWDCX-D2C8J-H872K-2YT43', 'pasted\r\nHB3VN-T7QKP-2MRC8-XJW4D-6FY9K'],
    });
    const shown = JSON.stringify(reply);
    expect(shown).not.toMatch(/QX7R2-8KMPT|HB3VN-T7QKP/);
    expect(reply.summary).toContain('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
    // A published KMS client setup key is advice, not a secret: kept as written.
    expect(reply.evidence[0]).toContain('NPPR9-FWDCX-D2C8J-H872K-2YT43');
  });
});
