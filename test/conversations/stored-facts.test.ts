import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/knowledge/index.js';
import { FactsSchema } from '../../src/knowledge/types.js';
import { StoredFactsSchema } from '../../src/conversations/state.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const pasteFacts = (['en', 'fr'] as const).flatMap((lang) =>
  readdirSync(join(FIXTURES, lang))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => extract(readFileSync(join(FIXTURES, lang, f), 'utf8')).observations)
    .map((o) => o.facts),
);

/** Both schemas on one value: accepted by both with the same result (key order included), or refused by both. */
function expectSameAsFactsSchema(value: unknown): void {
  const full = FactsSchema.safeParse(value);
  const stored = StoredFactsSchema.safeParse(value);
  expect(stored.success).toBe(full.success);
  if (full.success && stored.success) {
    expect(JSON.stringify(stored.data)).toBe(JSON.stringify(full.data));
    expect(stored.data).toEqual(full.data);
  }
}

const FIELD_NAMES = Object.keys(FactsSchema.shape);
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 70000 }),
  fc.double(),
  fc.string(),
  fc.constantFrom('0xC004F074', 'licensed', 'VOLUME_KMSCLIENT', 'GVLK', 'server', 'found', '8FG6N'),
  fc.constantFrom(
    { host: 'kms01', port: 1688 },
    { host: 'kms01' },
    { host: '' },
    { id: 12288, codes: ['0xC004F074'] },
    { partial: '8FG6N', product: 'x', edition: 'y', osKind: 'client' },
  ),
  fc.array(
    fc.oneof(fc.string(), fc.record({ scenario: fc.string(), score: fc.double({ min: -1, max: 2 }) })),
  ),
);

describe('stored facts are checked field by field, as FactsSchema checks them', () => {
  it('gives what FactsSchema gives for the facts of every fixture paste, and of their JSON read back', () => {
    expect(pasteFacts.length).toBeGreaterThan(60);
    for (const facts of pasteFacts) {
      expectSameAsFactsSchema(facts);
      expectSameAsFactsSchema(JSON.parse(JSON.stringify(facts)));
    }
  });

  it('accepts, refuses and fills defaults exactly as FactsSchema does on generated facts, unknown keys included', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string()), anyValue, { maxKeys: 8 }),
        (facts) => expectSameAsFactsSchema(facts),
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not an object, as FactsSchema does', () => {
    for (const value of [null, undefined, 'facts', 3, [], [{ edition: 'x' }]]) expectSameAsFactsSchema(value);
  });
});
