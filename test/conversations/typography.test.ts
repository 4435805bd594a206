/**
 * People type commands with whatever their keyboard, phone or chat client produces: curly and modifier
 * apostrophes, no-break spaces before French punctuation, capitals, non-breaking hyphens, zero-width characters.
 * Every matcher goes through the one `fold`, so each spelling is the command it reads as.
 */
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { classify } from '../../src/conversations/intent.js';
import { ReplyModelSchema, type EngineResult } from '../../src/conversations/types.js';
import { fold } from '../../src/knowledge/fold.js';
import { normalizeLabel } from '../../src/knowledge/parse/labels.js';
import { fixture, slackThread } from './helpers.js';

const NO_EXTRACTION = { codes: [], observations: [] };

function kindOf(r: EngineResult): string {
  expect(r.reply).not.toBeNull();
  return ReplyModelSchema.parse(r.reply).kind;
}

describe('typographic variants of a command', () => {
  const escalationRequests = [
    'escalade s’il te plaît', // right single quotation mark, what macOS and iOS type
    'escalade s‘il te plaît', // left single quotation mark
    'escalade sʼil te plaît', // modifier letter apostrophe
    'escalade s′il te plaît', // prime
    'ESCALADE S’IL TE PLAÎT',
    'escalade\u00a0s’il\u202fte plaît\u202f!', // no-break and narrow no-break spaces
    'escalade s’il vous plaît',
    'peux\u2011tu escalader s’il te plaît', // non-breaking hyphen
    'esca\u200blade s’il te plaît', // a zero-width space left by a copy
  ];

  it.each(escalationRequests)('"%s" escalates a blocked-MAK thread through the engine', async (text) => {
    const engine = new ConversationEngine();
    const t = slackThread(`T-typo-${Math.random().toString(36).slice(2)}`);
    await engine.handle(t.say(fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt')));
    expect(kindOf(await engine.handle(t.say(text)))).toBe('escalation');
  });

  it.each([
    ['ça n’a pas marché', 'didnt_help'],
    ['Ça n‘a pas aidé', 'didnt_help'],
    ['c’est réglé', 'resolved'],
    ['en français s’il te plaît', 'language'],
  ])('"%s" reads as %s', (text, kind) => {
    expect(classify(text, NO_EXTRACTION).kind).toBe(kind);
  });

  it('a Windows label folds the same whichever apostrophe, case and spacing it was pasted with', () => {
    const plain = fold("Nom de l'ordinateur KMS");
    expect(normalizeLabel('NOM DE L’ORDINATEUR\u00a0 KMS')).toBe(plain);
    expect(fold('  Nom de l‘ordinateur\tKMS ')).toBe(plain);
    expect(fold('État de la licence')).toBe('etat de la licence');
  });
});
