import { describe, expect, it } from 'vitest';
import { evaluate, RULES } from '../../src/knowledge/rules/index.js';
import type { Facts, FindingRef, HexCode } from '../../src/knowledge/types.js';

function run(facts: Facts, codes: string[] = []): FindingRef[] {
  return evaluate({ facts, codes: codes as HexCode[] });
}
const ids = (facts: Facts, codes: string[] = []) => run(facts, codes).map((f) => f.id);
const find = (facts: Facts, codes: string[], id: string) => run(facts, codes).find((f) => f.id === id);

/** For each rule: the smallest input that makes it fire, and a close one that must not. */
const CASES: Record<string, { fires: [Facts, string[]]; silent: [Facts, string[]] }> = {
  'kms-srv-missing': {
    fires: [{ srvRecords: 'none' }, ['0xC004F074']],
    silent: [{ srvRecords: 'found' }, ['0xC004F074']],
  },
  'kms-port-blocked': {
    fires: [{ port1688Reachable: false, testedHost: 'kms1.contoso.com' }, []],
    silent: [{ port1688Reachable: true, testedHost: 'kms1.contoso.com' }, ['0xC004F074']],
  },
  'kms-count-low': {
    fires: [{}, ['0xC004F038']],
    silent: [{ kmsCurrentCount: 30, isKmsHost: true }, []],
  },
  'kms-duplicate-cmid': {
    fires: [{ clonedOrSnapshot: true }, ['0xC004F038']],
    silent: [{ clonedOrSnapshot: false }, ['0xC004F038']],
  },
  'kms-host-key-coverage': {
    fires: [{}, ['0xC004F042']],
    silent: [{}, ['0xC004F074']],
  },
  'kms-host-not-activated': {
    fires: [{ isKmsHost: true, licenseStatus: 'initial-grace' }, []],
    silent: [{ isKmsHost: true, licenseStatus: 'licensed' }, []],
  },
  'kms-clock-skew': {
    fires: [{}, ['0xC004F06C']],
    silent: [{ clockSkew: false }, ['0xC004F074']],
  },
  'not-elevated': {
    fires: [{}, ['0xC004F025']],
    silent: [{ notElevated: false }, ['0xC004F025']],
  },
  'dcom-self-access': {
    fires: [{ events: [{ id: 8229, codes: ['0x80070005'] }] }, ['0x80070005']],
    silent: [{}, ['0x80070005']],
  },
  'key-blocked': {
    fires: [{}, ['0xC004C003']],
    silent: [{}, ['0xC004C020']],
  },
  'mak-quota-exhausted': {
    fires: [{}, ['0xC004C021']],
    silent: [{}, ['0xC004C003']],
  },
  'mak-invalid': {
    fires: [{}, ['0xC004C001']],
    silent: [{}, ['0xC004C003']],
  },
  'mak-error-on-kms-client': {
    fires: [{ channel: 'VOLUME_KMSCLIENT' }, ['0xC004C003']],
    silent: [{ channel: 'VOLUME_MAK' }, ['0xC004C003']],
  },
  'kms-error-on-non-kms-key': {
    fires: [{ channel: 'RETAIL' }, ['0xC004F074']],
    silent: [{ channel: 'VOLUME_KMSCLIENT' }, ['0xC004F074']],
  },
  'edition-key-mismatch': {
    fires: [
      {
        edition: 'Professional',
        gvlk: { partial: '2YT43', product: 'Windows 11 / 10 (SAC)', edition: 'Enterprise', osKind: 'client' },
      },
      [],
    ],
    silent: [
      {
        edition: 'Enterprise',
        gvlk: { partial: '2YT43', product: 'Windows 11 / 10 (SAC)', edition: 'Enterprise', osKind: 'client' },
      },
      [],
    ],
  },
  'key-format-invalid': {
    fires: [{}, ['0xC004F050']],
    silent: [{ isKmsHost: true }, ['0xC004F050']],
  },
  'csvlk-host-update-needed': {
    fires: [{ isKmsHost: true }, ['0xC004F050']],
    silent: [{ isKmsHost: true }, []],
  },
  'eval-conversion-unfinished': {
    fires: [{ currentEdition: 'ServerDatacenterEval' }, ['0xC004F069']],
    silent: [{ currentEdition: 'ServerDatacenter' }, ['0xC004F069']],
  },
  'eval-dc-cannot-convert': {
    fires: [{ edition: 'ServerStandardEval', isDomainController: true }, []],
    silent: [{ edition: 'ServerStandard', isDomainController: true }, []],
  },
  'eval-standard-core-datacenter-core': {
    fires: [{ currentEdition: 'ServerStandardEvalCor', targetEditions: ['ServerDatacenterCor'] }, []],
    silent: [
      { currentEdition: 'ServerStandardEval', targetEditions: ['ServerStandard', 'ServerDatacenter'] },
      [],
    ],
  },
  'no-datacenter-to-standard': {
    fires: [
      {
        edition: 'ServerDatacenter',
        gvlk: {
          partial: 'VMK7H',
          product: 'Windows Server 2022',
          edition: 'Windows Server 2022 Standard',
          osKind: 'server',
        },
      },
      [],
    ],
    silent: [
      {
        edition: 'ServerStandard',
        gvlk: {
          partial: '6VM33',
          product: 'Windows Server 2022',
          edition: 'Windows Server 2022 Datacenter',
          osKind: 'server',
        },
      },
      [],
    ],
  },
  'eval-no-target-edition': {
    fires: [{ currentEdition: 'ServerStandardEvalCor', targetEditions: [] }, []],
    silent: [{ currentEdition: 'ServerStandard', targetEditions: [] }, []],
  },
  'dism-set-edition-failed': {
    fires: [
      {
        dismError: {
          code: '0x800F0922',
          message: 'The specified product key is not valid for the target edition.',
        },
      },
      [],
    ],
    silent: [{ targetEditions: ['ServerDatacenter'] }, []],
  },
  'updates-pending': {
    fires: [{ updatesPending: true }, ['0xC004C003']],
    silent: [{ updatesPending: true }, []],
  },
  'token-store-rebuild': {
    fires: [{}, ['0xC004E002']],
    silent: [{}, ['0xC004E016']],
  },
  'license-store-reset': {
    fires: [{ keyInstallSucceeded: true, currentEdition: 'ServerDatacenter' }, ['0xC004C003']],
    silent: [{ keyInstallSucceeded: true, currentEdition: 'ServerDatacenterEval' }, ['0xC004C003']],
  },
  'clone-or-snapshot': {
    fires: [{ clonedOrSnapshot: true }, ['0xC004C003']],
    silent: [{ clonedOrSnapshot: true }, []],
  },
  'already-licensed': {
    fires: [{ licenseStatus: 'licensed' }, []],
    silent: [{ licenseStatus: 'licensed' }, ['0xC004F074']],
  },
};

describe('each rule alone', () => {
  it('every rule has a firing and a silent case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const [id, { fires, silent }] of Object.entries(CASES)) {
    it(`${id} fires on its minimal evidence and stays silent without it`, () => {
      expect(ids(...fires)).toContain(id);
      expect(ids(...silent)).not.toContain(id);
    });
  }
});

describe('what a finding carries', () => {
  it('a missing SRV record is reported with language-neutral evidence and high confidence', () => {
    const f = find({ srvRecords: 'none', dnsDomain: 'contoso.com' }, ['0xC004F074'], 'kms-srv-missing');
    expect(f).toMatchObject({ confidence: 'high', escalate: false, params: { domain: 'contoso.com' } });
    expect(f?.evidence).toEqual(expect.arrayContaining(['code 0xC004F074', 'srvRecords=none']));
  });

  it('a blocked MAK is escalated to Microsoft', () => {
    expect(find({ partialProductKey: 'ABCDE' }, ['0xC004C003'], 'key-blocked')).toMatchObject({
      escalate: true,
      params: { partial: 'ABCDE' },
    });
  });

  it('an exhausted MAK and an over-used KMS host key are escalated', () => {
    expect(find({}, ['0xC004C020'], 'mak-quota-exhausted')?.escalate).toBe(true);
    expect(find({}, ['0xC004C008'], 'mak-quota-exhausted')?.escalate).toBe(true);
  });

  it('the KMS count uses the event-12290 minimum when the host reports it', () => {
    const f = find(
      { events: [{ id: 12290, codes: [], currentCount: 3, minimumCount: 25 }] },
      [],
      'kms-count-low',
    );
    expect(f).toMatchObject({ confidence: 'high', params: { count: '3', needed: '25' } });
    expect(f?.evidence).toContain('event 12290 count 3/25');
  });

  it('a server client needs 5 on the host, a client edition 25', () => {
    expect(find({ kmsCurrentCount: 4, osKind: 'server' }, [], 'kms-count-low')?.params).toMatchObject({
      needed: '5',
    });
    expect(find({ kmsCurrentCount: 4, osKind: 'client' }, [], 'kms-count-low')?.params).toMatchObject({
      needed: '25',
    });
    expect(ids({ kmsCurrentCount: 6, osKind: 'server' })).not.toContain('kms-count-low');
  });

  it('a Windows Server 2025 client refused by an old host is told it needs a 2025 CSVLK', () => {
    const gvlk = {
      partial: 'YP6DF',
      product: 'Windows Server 2025',
      edition: 'Windows Server 2025 Datacenter',
      osKind: 'server' as const,
    };
    const f = find(
      { gvlk, events: [{ id: 12290, codes: ['0xC004F042'] }] },
      ['0xC004F074'],
      'kms-host-key-coverage',
    );
    expect(f).toMatchObject({
      confidence: 'high',
      params: { client: 'Windows Server 2025', csvlk: 'Windows Server 2025' },
    });
  });

  it('an evaluation edition converts to the edition DISM lists first', () => {
    const f = find(
      { currentEdition: 'ServerStandardEval', targetEditions: ['ServerDatacenter', 'ServerStandard'] },
      ['0xC004F069'],
      'eval-conversion-unfinished',
    );
    expect(f?.params).toMatchObject({ target: 'ServerDatacenter', edition: 'ServerStandardEval' });
  });

  it('an evaluation edition alone is worth a medium finding: it will expire unless converted', () => {
    expect(find({ currentEdition: 'ServerStandardEval' }, [], 'eval-conversion-unfinished')?.confidence).toBe(
      'medium',
    );
    expect(ids({ edition: 'ServerStandardEval', licenseStatus: 'licensed' })).not.toContain(
      'already-licensed',
    );
  });

  it('a licensed KMS host whose count is below the threshold is not reported as fine', () => {
    expect(ids({ isKmsHost: true, licenseStatus: 'licensed', kmsCurrentCount: 3 })).toEqual([
      'kms-count-low',
    ]);
  });

  it('DISM error 1168 is a DISM failure, not an invalid MAK', () => {
    const refs = ids({ dismError: { code: '0x80070490', message: 'Element not found.' } }, ['0x80070490']);
    expect(refs).toEqual(['dism-set-edition-failed']);
  });

  it('a DISM refusal on a domain controller is the domain-controller rule even without the edition', () => {
    const refs = run(
      {
        isDomainController: true,
        dismError: {
          code: '0x80070032',
          message: 'This operation cannot be performed on a domain controller.',
        },
      },
      ['0x80070032'],
    );
    expect(refs.map((r) => r.id)).toEqual(['eval-dc-cannot-convert']);
    expect(refs[0]?.supersedes).toEqual(['dism-set-edition-failed']);
  });

  it('event 12289 reports the host count to the client: 3 is below any threshold', () => {
    expect(
      find({ events: [{ id: 12289, codes: ['0xC004F038'], currentCount: 3 }] }, [], 'kms-count-low'),
    ).toMatchObject({
      confidence: 'high',
      params: { count: '3', needed: '5' },
    });
  });

  it('without target editions the conversion target is the edition without Eval', () => {
    const f = find({ currentEdition: 'ServerDatacenterEval' }, ['0xC004C003'], 'eval-conversion-unfinished');
    expect(f?.params).toMatchObject({ target: 'ServerDatacenter' });
  });

  it('a code inside a fact (an /ato error, an event payload) counts as a code', () => {
    expect(ids({ lastError: '0xC004F038' })).toContain('kms-count-low');
    expect(ids({ events: [{ id: 12288, codes: ['0xC004F06C'] }] })).toContain('kms-clock-skew');
  });

  it('an alias spelling is read as the catalogued code', () => {
    expect(ids({ srvRecords: 'none' }, ['0x80092328'])).toContain('kms-srv-missing');
  });
});

describe('generic findings for codes', () => {
  it('a catalogued code with no specific rule gets its catalogue finding', () => {
    const refs = run({}, ['0xC004F014']);
    expect(refs.map((r) => r.id)).toEqual(['code:0xC004F014']);
    expect(refs[0]?.evidence).toEqual(['code 0xC004F014']);
  });

  it('a code explained by a specific finding gets no generic duplicate', () => {
    expect(ids({ srvRecords: 'none' }, ['0xC004F074'])).not.toContain('code:0xC004F074');
  });

  it('a lone 0xC004F074 still gets its catalogue explanation', () => {
    expect(ids({}, ['0xC004F074'])).toEqual(['code:0xC004F074']);
  });

  it('an uncatalogued code is reported as decoded, with low confidence', () => {
    const refs = run({}, ['0x80071234']);
    expect(refs).toEqual([
      expect.objectContaining({ id: 'unknown-code:0x80071234', confidence: 'low', escalate: false }),
    ]);
  });

  it('specific findings come before generic ones', () => {
    const order = ids({ srvRecords: 'none' }, ['0x80071234', '0xC004F014', '0xC004F074']);
    expect(order.indexOf('kms-srv-missing')).toBeLessThan(order.indexOf('code:0xC004F014'));
    expect(order.indexOf('code:0xC004F014')).toBeLessThan(order.indexOf('unknown-code:0x80071234'));
  });

  it('no facts and no codes give no findings', () => {
    expect(run({}, [])).toEqual([]);
  });
});
