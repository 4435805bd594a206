/**
 * Generated reply inputs for the property tests of the cheap run-time checks (reply-check.ts, slack-fit.ts): every
 * kind, both languages, short and very long texts, many findings, escalations, handoff buttons with long notes,
 * and hostile text (mrkdwn and HTML, mentions, control characters, lone surrogates, emoji, French accents).
 * Some inputs break the schema on purpose (bad codes, URLs with spaces, over-long labels), so the checks must
 * refuse them.
 */
import fc from 'fast-check';
import {
  ActionIdSchema,
  MICROSOFT_ACTIVATION_CENTERS_URL,
  ReplyKindSchema,
  type ReplyModelInput,
} from '../../src/conversations/types.js';

const hostile = fc.constantFrom(
  '<!channel> & <@U024BE7LH> <https://evil.example|click>',
  '```fence``` *bold* _it_ ~strike~ `tick`',
  'Échec de l’activation : la clé n’est pas valide — réessayez à 1688.',
  'C:\\Windows\\System32\\slmgr.vbs /ato "quoted"',
  'line one\nline two\r\n\ttab',
  '\u0000\u0007\u001b control',
  'lone \ud800 surrogate \udfff',
  '🙂🔑 emoji 👩🏽‍💻',
  '<script>alert(1)</script>',
  '   ',
  '',
);

/** From empty to far beyond any block or card limit. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 3, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostile, fc.integer({ min: 1, max: 4000 }))
      .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))),
  },
);

const step = fc.record({ text, command: fc.option(text, { nil: undefined }) }, { requiredKeys: ['text'] });
const code = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .integer({ min: 0, max: 0xffffffff })
      .map((n) => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('0xc004f074', '0x1', 'C004F074', '') },
);
const finding = fc.record(
  {
    id: fc.string({ maxLength: 40 }),
    title: text,
    cause: text,
    fix: fc.array(step, { maxLength: 6 }),
    confidence: fc.constantFrom('high', 'medium', 'low'),
    escalate: fc.boolean(),
    note: fc.option(text, { nil: undefined }),
  },
  { requiredKeys: ['id', 'title', 'cause', 'fix', 'confidence', 'escalate'] },
);
const actionId = fc.constantFrom(...ActionIdSchema.options);
const action = fc.record(
  {
    id: actionId,
    label: fc.oneof(fc.string({ minLength: 1, maxLength: 75 }), text),
    payload: fc.record(
      {
        action: actionId,
        findingId: fc.option(fc.string({ maxLength: 120 }), { nil: undefined }),
        escalationId: fc.option(fc.string({ maxLength: 120 }), { nil: undefined }),
        text: fc.option(fc.oneof(fc.string({ maxLength: 50 }), text), { nil: undefined }),
      },
      { requiredKeys: ['action'] },
    ),
    style: fc.option(fc.constantFrom('primary', 'danger', 'default'), { nil: undefined }),
  },
  { requiredKeys: ['id', 'label', 'payload'] },
);
const escalation = fc.record({
  url: fc.oneof(
    { weight: 8, arbitrary: fc.constant(MICROSOFT_ACTIVATION_CENTERS_URL) },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 1, arbitrary: fc.constantFrom(' https://x.example', 'https://x.example/\n', 'not a url', '') },
  ),
  label: text,
  bring: fc.array(text, { maxLength: 8 }),
});

/** A reply input as the engine builds them, sometimes far too big, sometimes invalid. */
export const replyInput: fc.Arbitrary<ReplyModelInput> = fc.record(
  {
    kind: fc.constantFrom(...ReplyKindSchema.options),
    lang: fc.constantFrom('en', 'fr'),
    title: text,
    summary: text,
    cause: fc.option(text, { nil: undefined }),
    fix: fc.option(fc.array(step, { maxLength: 8 }), { nil: undefined }),
    evidence: fc.array(text, { maxLength: 25 }),
    changes: fc.array(text, { maxLength: 5 }),
    questions: fc.array(fc.record({ command: text, why: text }), { maxLength: 8 }),
    warnings: fc.array(text, { maxLength: 12 }),
    codes: fc.array(fc.record({ code, title: text, known: fc.boolean() }), { maxLength: 12 }),
    findings: fc.oneof(
      fc.array(finding, { maxLength: 4 }),
      fc.array(finding, { minLength: 20, maxLength: 60 }),
    ),
    escalation: fc.option(escalation, { nil: undefined }),
    actions: fc.array(action, { maxLength: 7 }),
    status: fc.option(fc.constantFrom('open', 'diagnosed', 'escalated', 'resolved'), { nil: undefined }),
  },
  { requiredKeys: ['kind', 'lang', 'title', 'summary'] },
) as fc.Arbitrary<ReplyModelInput>;
