import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeSlackValue,
  parseActionPayload,
  parseSlackAction,
  slackActionId,
} from '../../src/bot/actions.js';
import { ActionIdSchema, type ActionPayload } from '../../src/conversations/types.js';

const payloads: fc.Arbitrary<ActionPayload> = fc.record(
  {
    action: fc.constantFrom(...ActionIdSchema.options),
    findingId: fc.string({ maxLength: 100 }),
    escalationId: fc.string({ maxLength: 100 }),
    text: fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() === s && s !== ''),
  },
  { requiredKeys: ['action'] },
);

describe('button payloads', () => {
  it('any payload survives a round trip through a Slack value and through Teams submit data', () => {
    fc.assert(
      fc.property(payloads, (p) => {
        const value = encodeSlackValue(p);
        expect(parseSlackAction({ action_id: slackActionId(p.action), value })).toEqual(p);
        // Teams hands the data back as an object, after a JSON trip through the client.
        expect(parseActionPayload(JSON.parse(JSON.stringify(p)))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it('junk from a forged or stale button is dropped, not trusted', () => {
    for (const raw of [
      undefined,
      null,
      42,
      'not json',
      '[]',
      '{"action":"delete_everything"}',
      { action: 'escalate', findingId: 'x'.repeat(101) },
      ['escalate'],
      'x'.repeat(5000),
    ]) {
      expect(parseActionPayload(raw)).toBeUndefined();
    }
  });

  it('Teams extras (input values, the msteams block) are ignored; an empty note is no note', () => {
    expect(
      parseActionPayload({
        action: 'need_info',
        escalationId: 'e1',
        text: '   ',
        msteams: { type: 'messageBack' },
      }),
    ).toEqual({ action: 'need_info', escalationId: 'e1' });
  });

  it('a Slack action from another app or with a mismatched id is ignored', () => {
    const value = encodeSlackValue({ action: 'escalate' });
    expect(parseSlackAction({ action_id: 'escalate', value })).toBeUndefined();
    expect(parseSlackAction({ action_id: 'ad_resolved', value })).toBeUndefined();
    expect(parseSlackAction({ action_id: 'ad_escalate', value })).toEqual({ action: 'escalate' });
  });
});
