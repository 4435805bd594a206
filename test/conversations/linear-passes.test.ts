/**
 * Text passes that used to be quadratic on hostile shapes: the intent classifier's code removal (one split of
 * the whole text per distinct code), Slack's mention stripping over a run of `<@U1|`, and Teams' HTML tag strip
 * over a run of `<`. Each input below took the old code 4 to 10 seconds on the development machine; the linear
 * passes take well under a hundredth of that. The budget sits between the two with two orders of magnitude of
 * room on the linear side, so a busy machine does not fail it; the real scaling figures come from
 * `npm run bench:hostile` (64 KiB vs 1 MiB ratios).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/conversations/intent.js';
import { extract } from '../../src/knowledge/index.js';
import { stripMentions, mentionsUser } from '../../src/adapters/slack/translate.js';
import { htmlAttachmentText, type TeamsActivity } from '../../src/adapters/teams/translate.js';

const BUDGET_MS = 2000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** `0xC0040000 0xC0040001 …`: every code distinct, as in the 480 KB paste of the report. */
function distinctCodes(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`0xC004${i.toString(16).toUpperCase().padStart(4, '0')}`);
  return parts.join(' ');
}

describe('text passes stay linear on hostile shapes', () => {
  it('classifies a paste of 30,000 distinct codes in one pass, still as a request to explain codes', () => {
    const text = distinctCodes(30_000);
    const ex = extract(text);
    expect(ex.codes.length).toBe(30_000);
    const { value, ms } = timed(() => classify(ex.text, ex));
    expect(value.kind).toBe('explain');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('keeps telling codes-only messages from questions with words around them', () => {
    const text = '0xC004F074 0xc004f074, 0 x C004F038 / -2147015893';
    expect(classify(text, extract(text)).kind).toBe('explain');
    const prose = `${'our KMS clients say 0xC004F074 every morning since the move to the new site '.repeat(3)}`;
    expect(classify(prose, extract(prose)).kind).toBe('evidence');
  });

  it('strips Slack mentions from 128 KiB of `<@U1|` without a closing `>`', () => {
    const text = '<@U1|'.repeat((128 * 1024) / 5);
    const { value, ms } = timed(() => stripMentions(text));
    expect(value).toBe(text);
    expect(timed(() => mentionsUser(text, 'U1')).value).toBe(false);
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(stripMentions('<@U1|ada> why 0xC004F074? <@W2>')).toBe('why 0xC004F074?');
    expect(mentionsUser('hi <@U0BOT|doctor>', 'U0BOT')).toBe(true);
  });

  it("strips the HTML of a Teams attachment made of 64 KiB of '<'", () => {
    const activity = {
      type: 'message',
      attachments: [{ contentType: 'text/html', content: '<'.repeat(64 * 1024) }],
    } as unknown as TeamsActivity;
    const { value, ms } = timed(() => htmlAttachmentText(activity));
    expect(value).toBe('<'.repeat(64 * 1024));
    expect(ms).toBeLessThan(BUDGET_MS);
    const html = {
      ...activity,
      attachments: [{ contentType: 'text/html', content: '<p>Error: <b>0xC004F074</b></p>' }],
    };
    expect(htmlAttachmentText(html as unknown as TeamsActivity)).toBe('Error: 0xC004F074');
  });
});
