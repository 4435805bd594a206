/**
 * The renderers write button payloads without parsing them again (actions.ts): what they write must still be
 * exactly what `ActionPayloadSchema` accepts, or a click on the button would be dropped as forged. Generated
 * replies the reply check accepts are rendered for Slack (the message and its Details modal) and Teams (with and
 * without an escalation id riding along), and every button is read back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSlackAction } from '../../src/bot/actions.js';
import { renderAdaptiveCard } from '../../src/bot/render/adaptive-card.js';
import { renderBlockKit, renderDetailsView } from '../../src/bot/render/block-kit.js';
import { makeReply } from '../../src/conversations/reply.js';
import { ActionPayloadSchema, ReplyModelSchema } from '../../src/conversations/types.js';
import { replyInput } from './reply-arbitraries.js';

/** Replies the engine could send: the inputs the schema accepts, built as the engine builds them. */
const reply = replyInput.filter((input) => ReplyModelSchema.safeParse(input).success).map(makeReply);

/** Every object in a rendered message or card, depth first. */
function objectsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(objectsIn)];
}

/** The payload is one the schema takes as it stands: nothing dropped, trimmed or refused. */
function expectSchemaPayload(payload: unknown): void {
  const parsed = ActionPayloadSchema.safeParse(payload);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toEqual(payload);
}

describe('button payloads as rendered', () => {
  it('every Slack button value reads back as the payload it was written from, on its own button', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const buttons = objectsIn([renderBlockKit(r), renderDetailsView(r)]).filter(
          (o) => o.type === 'button' && typeof o.value === 'string',
        );
        for (const b of buttons) {
          const value = JSON.parse(b.value as string) as unknown;
          expectSchemaPayload(value);
          expect(parseSlackAction({ action_id: b.action_id, value: b.value })).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every Teams Action.Submit carries a payload the schema takes unchanged, escalation id included', () => {
    fc.assert(
      fc.property(reply, fc.option(fc.string({ maxLength: 100 }), { nil: undefined }), (r, escalationId) => {
        const card = renderAdaptiveCard(
          r,
          escalationId === undefined ? {} : { actionContext: { escalationId } },
        );
        const submits = objectsIn(card).filter((o) => o.type === 'Action.Submit');
        for (const s of submits) expectSchemaPayload(JSON.parse(JSON.stringify(s.data)));
      }),
      { numRuns: 300 },
    );
  });
});
