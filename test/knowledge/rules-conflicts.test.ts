import { describe, expect, it } from 'vitest';
import { evaluate, localizeFinding } from '../../src/knowledge/rules/index.js';
import type { Facts, FindingRef, HexCode } from '../../src/knowledge/types.js';

function run(facts: Facts, codes: string[] = []): FindingRef[] {
  return evaluate({ facts, codes: codes as HexCode[] });
}
const byId = (refs: FindingRef[], id: string) => refs.find((r) => r.id === id);

describe('conflicting explanations', () => {
  it('a host returned by DNS but closed on 1688 beats "SRV missing" from an older auto-discovery line', () => {
    const refs = run(
      {
        kmsDnsAutoDiscoveryFailed: true,
        srvRecords: 'found',
        srvHosts: [{ host: 'kms1.contoso.com', port: 1688 }],
        port1688Reachable: false,
        testedHost: 'kms1.contoso.com',
      },
      ['0xC004F074'],
    );
    expect(refs[0]?.id).toBe('kms-port-blocked');
    expect(byId(refs, 'kms-srv-missing')).toBeUndefined();
  });

  it('when SRV lookup fails and a hand-typed host is closed too, the stronger one leads and the other is demoted with a note', () => {
    const refs = run({ srvRecords: 'none', port1688Reachable: false, testedHost: '10.0.0.5' }, [
      '0x8007232B',
    ]);
    expect(refs[0]?.id).toBe('kms-srv-missing');
    expect(refs[0]?.supersedes).toEqual(['kms-port-blocked']);
    expect(byId(refs, 'kms-port-blocked')?.confidence).toBe('low');
    const note = localizeFinding(refs[0]!, 'en').note;
    expect(note).toContain('no KMS host to connect to');
  });

  it('clones explain a low count better than "not enough machines", and say why', () => {
    const refs = run({ clonedOrSnapshot: true, kmsCurrentCount: 1, isKmsHost: true }, ['0xC004F038']);
    expect(refs[0]?.id).toBe('kms-duplicate-cmid');
    expect(refs[0]?.supersedes).toContain('kms-count-low');
    expect(byId(refs, 'kms-count-low')?.confidence).toBe('low');
    expect(byId(refs, 'clone-or-snapshot')).toBeUndefined();
    expect(localizeFinding(refs[0]!, 'fr').note).toContain('CMID');
  });

  it('a count stuck at 1 while many requests arrive points to duplicate CMIDs without any clone mention', () => {
    const refs = run({ isKmsHost: true, kmsCurrentCount: 1, kmsTotalRequests: 240 }, []);
    expect(refs[0]?.id).toBe('kms-duplicate-cmid');
  });

  it('a MAK verdict on a machine holding a KMS client key is read as channel confusion, not a blocked key', () => {
    const refs = run({ channel: 'VOLUME_KMSCLIENT', partialProductKey: '6VM33' }, ['0xC004C003']);
    expect(refs[0]?.id).toBe('mak-error-on-kms-client');
    expect(refs[0]?.supersedes).toEqual(['key-blocked']);
    expect(byId(refs, 'key-blocked')).toBeUndefined();
    expect(localizeFinding(refs[0]!, 'en').note).toContain('KMS client key');
  });

  it('with the key confirmed as MAK, a blocked key stays the finding and is escalated', () => {
    const refs = run({ channel: 'VOLUME_MAK', keyType: 'MAK' }, ['0xC004C003']);
    expect(refs[0]).toMatchObject({ id: 'key-blocked', escalate: true, supersedes: [] });
  });

  it('an Eval edition still installed explains 0xC004C003 after a conversion attempt (seed 000)', () => {
    const refs = run(
      { currentEdition: 'ServerDatacenterEval', isEvaluation: true, keyInstallSucceeded: true },
      ['0xC004C003'],
    );
    expect(refs[0]?.id).toBe('eval-conversion-unfinished');
    expect(refs[0]?.supersedes).toContain('key-blocked');
    const loser = byId(refs, 'key-blocked');
    expect(loser?.confidence).toBe('low');
    expect(localizeFinding(refs[0]!, 'fr').note).toContain('conversion DISM');
  });

  it('an evaluation domain controller gets the demote-first advice instead of the DISM conversion', () => {
    const refs = run({ currentEdition: 'ServerStandardEval', isDomainController: true }, ['0xC004F069']);
    expect(refs[0]?.id).toBe('eval-dc-cannot-convert');
    expect(refs[0]?.supersedes).toContain('eval-conversion-unfinished');
  });

  it('Standard Core evaluation is steered to Datacenter Core', () => {
    const refs = run(
      {
        currentEdition: 'ServerStandardEvalCor',
        targetEditions: ['ServerDatacenterCor'],
        dismError: { message: 'Error: 50' },
      },
      [],
    );
    expect(refs[0]).toMatchObject({
      id: 'eval-standard-core-datacenter-core',
      params: { target: 'ServerDatacenterCor' },
    });
  });

  it('a Standard key on Datacenter is the no-downgrade rule, not a generic mismatch', () => {
    const gvlk = {
      partial: 'VMK7H',
      product: 'Windows Server 2022',
      edition: 'Windows Server 2022 Standard',
      osKind: 'server' as const,
    };
    const refs = run({ edition: 'ServerDatacenter', gvlk }, ['0xC004E016']);
    expect(refs[0]?.id).toBe('no-datacenter-to-standard');
    expect(byId(refs, 'edition-key-mismatch')).toBeUndefined();
    expect(byId(refs, 'code:0xC004E016')).toBeUndefined();
  });

  it('a GVLK of another Windows Server version is an edition/key mismatch', () => {
    const gvlk = {
      partial: '63DFG',
      product: 'Windows Server 2019',
      edition: 'Windows Server 2019 Datacenter',
      osKind: 'server' as const,
    };
    const refs = run({ edition: 'ServerDatacenter', osVersion: 'Windows Server 2022', gvlk }, []);
    expect(refs[0]).toMatchObject({ id: 'edition-key-mismatch', confidence: 'high' });
  });

  it('0xC004F06C inside event 12288 proves the host answered: clock skew beats SRV and port guesses', () => {
    const refs = run(
      {
        kmsDnsAutoDiscoveryFailed: true,
        port1688Reachable: false,
        events: [{ id: 12288, codes: ['0xC004F074', '0xC004F06C'] }],
      },
      ['0xC004F074'],
    );
    expect(refs[0]?.id).toBe('kms-clock-skew');
    expect(refs[0]?.supersedes).toEqual(expect.arrayContaining(['kms-srv-missing', 'kms-port-blocked']));
  });

  it('a KMS error on a retail key is about the key, not DNS', () => {
    const refs = run({ channel: 'RETAIL', srvRecords: 'none' }, ['0x8007007B']);
    expect(refs[0]).toMatchObject({ id: 'kms-error-on-non-kms-key', params: { keyType: 'Retail' } });
  });

  it('a CSVLK refused on a KMS host asks for the host update rather than a retype', () => {
    const refs = run({ isKmsHost: true, keyType: 'CSVLK' }, ['0xC004F050']);
    expect(refs.map((r) => r.id)).toEqual(['csvlk-host-update-needed']);
  });

  it('access denied from an elevated prompt with event 8229 points to DCOM permissions', () => {
    const refs = run({ notElevated: false, events: [{ id: 8229, codes: ['0x80070005'] }] }, ['0x80070005']);
    expect(refs[0]?.id).toBe('dcom-self-access');
    expect(byId(refs, 'not-elevated')).toBeUndefined();
  });

  it('findings without conflicts stand side by side (blocked key plus pending updates plus store reset)', () => {
    const refs = run(
      { updatesPending: true, keyInstallSucceeded: true, currentEdition: 'ServerDatacenter', keyType: 'MAK' },
      ['0xC004C003'],
    );
    expect(refs.map((r) => r.id)).toEqual(['key-blocked', 'updates-pending', 'license-store-reset']);
    expect(refs.every((r) => r.supersedes.length === 0)).toBe(true);
  });

  it('the order is strongest evidence first, whatever the order of the codes', () => {
    const a = run({ srvRecords: 'none' }, ['0xC004F014', '0xC004F074']).map((r) => r.id);
    const b = run({ srvRecords: 'none' }, ['0xC004F074', '0xC004F014']).map((r) => r.id);
    expect(a[0]).toBe('kms-srv-missing');
    expect(b[0]).toBe('kms-srv-missing');
  });
});
