/**
 * A code is read in the light of the tool that printed it. Office's ospp.vbs reports Office's own licensing with
 * the same Software Licensing codes as Windows: 0xC004F069 ("the product SKU is not found") from
 * `ospp.vbs /inpkey` says the Office build has no volume SKU for that key, not that Windows is an evaluation
 * edition to convert with DISM. The same code from `slmgr /ipk` still is the evaluation case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/diagnose.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const OSPP_INPKEY =
  'Office 2019 will not take our KMS client key:\n\n' +
  'PS C:\\Program Files (x86)\\Microsoft Office\\Office16> cscript //nologo ospp.vbs /inpkey:NMMKJ-6RK4F-KMJVX-8D9MJ-6MWKP\n' +
  '---Processing--------------------------\n' +
  '---------------------------------------\n' +
  'ERROR CODE: 0xC004F069\n' +
  'ERROR DESCRIPTION: The Software Licensing Service reported that the product SKU is not found.\n' +
  '---------------------------------------\n' +
  '---Exiting-----------------------------\n';

describe('a code printed by Office', () => {
  it('ospp.vbs /inpkey says 0xC004F069: not a Windows evaluation edition, and no DISM to run', () => {
    const d = diagnose(OSPP_INPKEY);
    expect(d.facts.officeCodes).toEqual(['0xC004F069']);
    expect(d.codes.map((c) => c.code)).toContain('0xC004F069');
    const ids = d.findings.map((f) => f.id);
    expect(ids).not.toContain('eval-conversion-unfinished');
    expect(ids.some((id) => id.startsWith('office-'))).toBe(true);
    expect(d.ask.map((a) => a.command)).not.toContain('DISM /online /Get-CurrentEdition');
  });

  it('slmgr /ipk says 0xC004F069 on a server: still the evaluation edition to convert first', () => {
    const d = diagnose(
      'Trying to put our KMS client key on a new Windows Server 2022 box:\n\n' +
        'C:\\>slmgr /ipk WX4NM-KYWYW-QJJR4-XV3QB-6VM33\n' +
        'Error: 0xC004F069 On a computer running Microsoft Windows non-core edition, run "slui.exe 0x2a 0xC004F069" to display the error text.\n',
    );
    expect(d.facts.officeCodes).toBeUndefined();
    expect(d.findings[0]?.id).toBe('eval-conversion-unfinished');
  });

  it('the same code in ospp.vbs output and in slmgr output is Windows’ too', () => {
    const d = diagnose(
      `${OSPP_INPKEY}\nAnd Windows says the same:\nC:\\>slmgr /ipk WX4NM-KYWYW-QJJR4-XV3QB-6VM33\nError: 0xC004F069\n`,
    );
    expect(d.facts.officeCodes).toBeUndefined();
    expect(d.findings.map((f) => f.id)).toContain('eval-conversion-unfinished');
  });

  it('Office that cannot reach its KMS host (0xC004F074 in ospp.vbs /dstatus) is still asked about DNS and the port', () => {
    const d = diagnose(read('en/ospp-dstatus-kms-notifications.txt'));
    expect(d.facts.officeCodes).toEqual(['0xC004F074']);
    expect(d.findings.map((f) => f.id)).toContain('office-kms-client');
    expect(d.ask.map((a) => a.command)).toContain('nslookup -type=SRV _vlmcs._tcp');
  });

  it('an event’s "Error Code:" row is not Office output', () => {
    const d = diagnose(
      'Log Name:      Application\nSource:        Microsoft-Windows-Security-SPP\nEvent ID:      8229\n' +
        'Description:\nThe rules engine failed to perform one or more scheduled actions.\nError Code:0x80070005\n',
    );
    expect(d.facts.officeCodes).toBeUndefined();
  });
});
