/**
 * Fix steps as a reader gets them: what the thread knows is filled in, what it already ran is not repeated, and
 * a French card reads in French.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseFacts } from '../../src/knowledge/index.js';
import { SCENARIOS } from '../../src/knowledge/scenarios/index.js';
import { alreadyRun, gvlkFor } from '../../src/knowledge/scenarios/params.js';

describe('fix steps', () => {
  it('an AVMA key on an Azure 2022 Datacenter VM is replaced by the published KMS client key of that edition', () => {
    const d = diagnoseFacts(
      { facts: { edition: 'ServerDatacenter', osVersion: 'Windows Server 2022' }, codes: ['0xC004FD02'] },
      { lang: 'en' },
    );
    expect(d.findings[0]?.id).toBe('azure-avma-key');
    expect(d.findings[0]?.fix.map((s) => s.command)).toContain('slmgr /ipk WX4NM-KYWYW-QJJR4-XV3QB-6VM33');
  });

  it('an evaluation converts to its own edition with its key, filled in', () => {
    expect(gvlkFor({ currentEdition: 'ServerStandardEval', osVersion: 'Windows Server 2022' })).toBe(
      'VDYBN-27WPP-V4HQT-9VMD4-VMK7H',
    );
    // Without the version, a server key is not guessed.
    expect(gvlkFor({ currentEdition: 'ServerStandardEval' })).toBeUndefined();
    expect(gvlkFor({ edition: 'Professional' })).toBe('W269N-WFGWX-YVC9B-4J6C9-T83GX');
  });

  it('a Standard Core evaluation is converted to Datacenter Core with the Datacenter key of its version', () => {
    const facts = { currentEdition: 'ServerStandardEvalCor', osVersion: 'Windows Server 2022' };
    expect(gvlkFor(facts)).toBe('WX4NM-KYWYW-QJJR4-XV3QB-6VM33');
    const d = diagnoseFacts({ facts, codes: [] }, { lang: 'fr' });
    expect(d.findings[0]?.id).toBe('eval-standard-core-datacenter-core');
    expect(d.findings[0]?.fix.map((s) => s.command)).toContain(
      'DISM /online /Set-Edition:ServerDatacenterCor /ProductKey:WX4NM-KYWYW-QJJR4-XV3QB-6VM33 /AcceptEula',
    );
  });

  it('an edition mismatch offers the published key of the installed edition instead of a bare <key>', () => {
    const d = diagnoseFacts(
      { facts: { edition: 'ServerStandard', osVersion: 'Windows Server 2019' }, codes: ['0xC004F034'] },
      { lang: 'en' },
    );
    expect(d.findings[0]?.id).toBe('edition-key-mismatch');
    expect(d.findings[0]?.fix.map((s) => s.command)).toContain('slmgr /ipk N69G4-B89J2-4G8F4-WWYCC-J464C');
  });

  it('a host already set with /skms is not set again', () => {
    const facts = { kmsHostRegistered: { host: 'kms01.contoso.com', port: 1688 } };
    expect(alreadyRun('slmgr /skms kms01.contoso.com:1688', facts)).toBe(true);
    expect(alreadyRun('slmgr /skms kms02.contoso.com:1688', facts)).toBe(false);
  });

  it('French scenario texts carry no English sentence', () => {
    const english = /(?<![-\w])(?:the|and|with|your|this|then|when|which)(?![-\w])/i;
    for (const s of SCENARIOS) {
      const texts = [s.title.fr, s.cause.fr, ...s.fix.map((f) => f.fr), ...s.bring.map((b) => b.fr)];
      for (const t of texts) expect(t, s.id).not.toMatch(english);
    }
  });

  it('every scenario names the public source it was checked against', () => {
    for (const s of SCENARIOS) expect(s.source.length, s.id).toBeGreaterThan(0);
  });
});
