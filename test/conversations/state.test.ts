import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  deliveryKey,
  encodeKeyPart,
  stateKey,
  tenantKeyPattern,
  threadIdOf,
} from '../../src/conversations/keys.js';
import {
  decodeState,
  emptyState,
  encodeState,
  encodeStateWithValue,
  MIGRATED_MESSAGE_ID,
  STATE_BOUNDS,
} from '../../src/conversations/state.js';
import { PASTED_MAK } from './helpers.js';

describe('stored thread state', () => {
  it('a v1 state from the first release loads as v2, facts kept with a migration marker', () => {
    const v1 = {
      v: 1,
      facts: { srvRecords: 'none', kmsDnsAutoDiscoveryFailed: true },
      codes: ['0xC004F074', '0xC004F074'],
      findings: ['kms-srv-missing'],
      status: 'diagnosed',
      cardIds: ['1700000000.000200'],
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_500_000,
    };
    const decoded = decodeState(JSON.stringify(v1));
    expect(decoded).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!decoded.ok) return;
    expect(decoded.state).toEqual({
      v: 2,
      observations: [
        {
          source: 'prose',
          messageId: MIGRATED_MESSAGE_ID,
          at: 1_700_000_500_000,
          facts: { srvRecords: 'none', kmsDnsAutoDiscoveryFailed: true },
        },
      ],
      codes: [{ code: '0xC004F074', messageId: MIGRATED_MESSAGE_ID, at: 1_700_000_000_000 }],
      findings: [{ id: 'kms-srv-missing', confidence: 'medium' }],
      rejected: [],
      ruledOut: [],
      asked: [],
      status: 'diagnosed',
      langPinned: false,
      cards: [{ messageId: '1700000000.000200', at: 1_700_000_500_000 }],
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_500_000,
    });
  });

  it('a v1 state is bounded and redacted as it is migrated; a v2 state reads back as it was encoded', () => {
    const v1 = {
      v: 1,
      facts: { productName: `x ${PASTED_MAK}` },
      createdAt: 1,
      updatedAt: 2,
    };
    const migrated = decodeState(JSON.stringify(v1));
    expect(migrated.ok && JSON.stringify(migrated.state)).not.toContain(PASTED_MAK);
    expect(migrated.ok && migrated.state.observations[0]?.facts.productName).toBe(
      'x XXXXX-XXXXX-XXXXX-XXXXX-8FG6N',
    );

    const state = {
      ...emptyState(1),
      observations: [
        { source: 'prose' as const, messageId: 'm1', at: 1, facts: { productName: `x ${PASTED_MAK}` } },
      ],
      cards: [{ messageId: '1700000000.000200', at: 2 }],
    };
    const json = encodeState(state);
    const decoded = decodeState(json);
    expect(decoded.ok && JSON.stringify(decoded.state)).toBe(json);
  });

  it('an unknown or corrupt state is reported, not thrown', () => {
    expect(decodeState('{"v":9}')).toMatchObject({ ok: false });
    expect(decodeState('not json')).toMatchObject({ ok: false });
    expect(decodeState('{"v":2,"status":"weird","createdAt":1,"updatedAt":1}')).toMatchObject({ ok: false });
  });

  it('what is written is the current version, without full product keys', () => {
    const state = {
      ...emptyState(1),
      observations: [
        { source: 'prose' as const, messageId: 'm1', at: 1, facts: { productName: `x ${PASTED_MAK}` } },
      ],
    };
    const json = encodeState(state);
    expect(JSON.parse(json).v).toBe(2);
    expect(json).not.toContain(PASTED_MAK);
    expect(json).toContain('XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
  });

  it('a full product key is not written out when it starts a line or follows a tab inside a fact', () => {
    const state = {
      ...emptyState(1),
      observations: [
        {
          source: 'prose' as const,
          messageId: 'm1',
          at: 1,
          facts: { productName: `Windows\n${PASTED_MAK}`, edition: `Pro\t${PASTED_MAK}` },
        },
      ],
    };
    const json = encodeState(state);
    expect(json).not.toContain(PASTED_MAK);
    expect(json).toContain('XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
  });

  it('a state read back and written again with a new observation: the new key is masked, the older records kept', () => {
    const first = {
      ...emptyState(1),
      observations: [
        { source: 'slmgr-dlv' as const, messageId: 'm1', at: 1, facts: { productName: 'Windows(R), Pro' } },
      ],
    };
    const read = decodeState(encodeState(first));
    if (!read.ok) throw new Error(read.error);
    const hostile = 'B'.repeat(STATE_BOUNDS.factString + 10);
    const next = {
      ...read.state,
      observations: [
        ...read.state.observations,
        {
          source: 'prose' as const,
          messageId: 'm2',
          at: 2,
          facts: { edition: `Pro ${PASTED_MAK}`, ranCommands: ['slmgr /ato', hostile] },
        },
      ],
    };
    const { state, json } = encodeStateWithValue(next);
    expect(json).not.toContain(PASTED_MAK);
    expect(state.observations[1]?.facts.edition).toBe('Pro XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
    expect(state.observations[1]?.facts.ranCommands?.[1]).toHaveLength(STATE_BOUNDS.factString);
    expect(state.observations[0]).toEqual(first.observations[0]);
    // Within the bounds and without a key, a state is written as it is: no copy of its facts.
    const clean = encodeStateWithValue(read.state);
    expect(clean.state.observations[0]).toBe(read.state.observations[0]);
    expect(clean.json).toBe(encodeState(first));
  });

  it('a hostile paste cannot make the stored state grow without bound', () => {
    const huge = 'A'.repeat(100_000);
    const state = {
      ...emptyState(1),
      observations: Array.from({ length: 80 }, (_, i) => ({
        source: 'prose' as const,
        messageId: `m${i}`,
        at: i,
        facts: { productName: huge, targetEditions: Array.from({ length: 500 }, () => huge) },
      })),
    };
    const json = encodeState(state);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(STATE_BOUNDS.serializedBytes);
    const decoded = decodeState(json);
    expect(decoded.ok && decoded.state.observations.at(-1)?.messageId).toBe('m79');
  });
});

describe('thread keys', () => {
  it('all keys of a thread share one hash tag that starts with platform and tenant', () => {
    const id = threadIdOf({
      platform: 'slack',
      tenant: 'T123',
      channel: 'C456',
      threadKey: '1700000000.0001',
    });
    expect(stateKey(id)).toBe('ad:{slack:T123:C456:1700000000.0001}:state');
    expect(deliveryKey(id, 'evt:Ev1')).toBe('ad:{slack:T123:C456:1700000000.0001}:seen:evt%3AEv1');
  });

  it('a Teams conversation id with colons and braces cannot break the hash tag or the tenant prefix', () => {
    const id = threadIdOf({
      platform: 'teams',
      tenant: 'tenant}{*',
      channel: '19:abc@thread.tacv2',
      threadKey: '19:abc@thread.tacv2;messageid=1700000000000',
    });
    const key = stateKey(id);
    expect(key.indexOf('}')).toBe(key.lastIndexOf('}'));
    expect(tenantKeyPattern('teams', 'tenant}{*')).toBe('ad:{teams:tenant%7D%7B%2A:*');
  });

  it('different ids never map to the same key part', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        if (a !== b) expect(encodeKeyPart(a)).not.toBe(encodeKeyPart(b));
        expect(encodeKeyPart(a)).not.toMatch(/[:{}*?[\]\\]/);
      }),
    );
  });
});
