import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlockKit } from '../../src/bot/render/block-kit.js';
import {
  SLACK_LIMITS,
  SlackMessageSchema,
  type Block,
  type SlackMessage,
} from '../../src/bot/render/limits.js';
import { fitsSlackMessage } from '../../src/bot/render/slack-fit.js';
import { ReplyModelSchema } from '../../src/conversations/types.js';
import { replyInput } from './reply-arbitraries.js';
import { everySample } from './sample-replies.js';

const RUNS = 300;
const L = SLACK_LIMITS;

/** Generated replies the engine could build (the schema accepts them). */
const reply = replyInput
  .map((input) => ReplyModelSchema.safeParse(input))
  .filter((r) => r.success)
  .map((r) => r.data!);

type Edit =
  | { kind: 'text'; at: number; length: number }
  | { kind: 'message-text'; length: number }
  | { kind: 'fields'; at: number; count: number; length: number; dropText: boolean }
  | { kind: 'duplicate-button'; at: number }
  | { kind: 'url'; at: number; url: string }
  | { kind: 'action-id'; at: number; length: number }
  | { kind: 'block-id'; at: number; length: number }
  | { kind: 'blocks'; count: number }
  | { kind: 'max-length'; at: number; value: number };

/** Lengths near every limit the schema checks, and far beyond. */
const length = fc.oneof(
  fc.constantFrom(0, 1, 74, 75, 76, 149, 150, 151, 255, 256, 1999, 2000, 2001, 2999, 3000, 3001),
  fc.integer({ min: 0, max: 13_000 }),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(60), length }),
  fc.record({
    kind: fc.constant('message-text' as const),
    length: fc.constantFrom(0, 1, L.messageText, L.messageText + 1),
  }),
  fc.record({
    kind: fc.constant('fields' as const),
    at: fc.nat(60),
    count: fc.nat(12),
    length,
    dropText: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('duplicate-button' as const), at: fc.nat(60) }),
  fc.record({
    kind: fc.constant('url' as const),
    at: fc.nat(60),
    url: fc.oneof(
      fc.webUrl(),
      fc.constantFrom(
        ' https://x.example',
        'https://x.example\n',
        'nope',
        '',
        `https://x.example/${'a'.repeat(3000)}`,
      ),
    ),
  }),
  fc.record({ kind: fc.constant('action-id' as const), at: fc.nat(60), length }),
  fc.record({ kind: fc.constant('block-id' as const), at: fc.nat(60), length }),
  fc.record({ kind: fc.constant('blocks' as const), count: fc.integer({ min: 0, max: 60 }) }),
  fc.record({
    kind: fc.constant('max-length' as const),
    at: fc.nat(60),
    value: fc.integer({ min: -1, max: 3001 }),
  }),
);

const chars = (n: number) => 'é'.repeat(n);

/** The message with one edit applied (a deep copy; blocks that the edit does not fit are left alone). */
function edited(message: SlackMessage, e: Edit): SlackMessage {
  const m = structuredClone(message);
  const block = 'at' in e ? (m.blocks[e.at % m.blocks.length] as Block) : undefined;
  switch (e.kind) {
    case 'text':
      if (block?.type === 'header' || block?.type === 'section') {
        if (block.text) block.text.text = chars(e.length);
      } else if (block?.type === 'context') block.elements[0]!.text = chars(e.length);
      else if (block?.type === 'actions') block.elements[0]!.text.text = chars(e.length);
      else if (block?.type === 'input') block.label.text = chars(e.length);
      break;
    case 'message-text':
      m.text = chars(e.length);
      break;
    case 'fields':
      if (block?.type === 'section') {
        block.fields = Array.from({ length: e.count }, () => ({
          type: 'mrkdwn' as const,
          text: chars(e.length),
        }));
        if (e.dropText) delete block.text;
      }
      break;
    case 'duplicate-button':
      if (block?.type === 'actions') block.elements.push({ ...block.elements[0]! });
      break;
    case 'url':
      if (block?.type === 'actions') block.elements[0]!.url = e.url;
      else if (block?.type === 'section' && block.accessory) block.accessory.url = e.url;
      break;
    case 'action-id':
      if (block?.type === 'actions') block.elements[0]!.action_id = 'a'.repeat(e.length);
      else if (block?.type === 'input') block.element.action_id = 'a'.repeat(e.length);
      break;
    case 'block-id':
      if (block) block.block_id = 'b'.repeat(e.length);
      break;
    case 'blocks':
      m.blocks = Array.from({ length: e.count }, (_, i) => structuredClone(m.blocks[i % m.blocks.length]!));
      break;
    case 'max-length':
      if (block?.type === 'input') block.element.max_length = e.value;
      break;
  }
  return m;
}

/** The link forms the schema repairs rather than refuses (it trims and drops tabs and newlines). */
const repairedBySchema = (m: SlackMessage) =>
  JSON.stringify(SlackMessageSchema.safeParse(m).data ?? null) !== JSON.stringify(m);

describe('the plain Block Kit limit check', () => {
  it('every rendered reply, hostile and huge ones included, passes the schema', () => {
    fc.assert(
      fc.property(reply, (r) => {
        expect(SlackMessageSchema.safeParse(renderBlockKit(r)).error).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    for (const r of everySample())
      expect(SlackMessageSchema.safeParse(renderBlockKit(r)).error).toBeUndefined();
  });

  it('whenever it passes a message, the schema passes it too; and it passes what the schema passes unchanged', () => {
    let passed = 0;
    let refused = 0;
    fc.assert(
      fc.property(reply, fc.array(edit, { minLength: 1, maxLength: 3 }), (r, edits) => {
        const message = edits.reduce(edited, renderBlockKit(r));
        const fits = fitsSlackMessage(message);
        const schema = SlackMessageSchema.safeParse(message).success;
        if (fits) expect(schema).toBe(true);
        else if (schema) expect(repairedBySchema(message)).toBe(true);
        if (fits) passed++;
        else refused++;
      }),
      { numRuns: RUNS * 3 },
    );
    // Both sides of the limits were exercised.
    expect(passed).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });
});
