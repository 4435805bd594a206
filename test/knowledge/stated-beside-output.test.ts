/**
 * Where the machine runs, told on the same line as slmgr's error ("Error: 0xC004F074 on our new Azure VMs"): the
 * output reader takes the line for slmgr's error row, and the person's words on it still count.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/diagnose.js';

describe('a story told on the error line itself', () => {
  it('"Error: 0xC004F074 on our new Azure VMs" is about Azure KMS, not the DNS of an on-premises host', () => {
    const d = diagnose('Error: 0xC004F074 on our new Azure VMs');
    expect(d.facts.onAzure).toBe(true);
    expect(d.facts.lastError).toBe('0xC004F074');
    expect(d.findings[0]?.id).toBe('azure-kms-unreachable');
  });

  it('« Erreur : 0xC004F074 sur nos nouvelles VM Azure » in French too', () => {
    const d = diagnose('Erreur : 0xC004F074 sur nos nouvelles VM Azure');
    expect(d.facts.onAzure).toBe(true);
    expect(d.findings[0]?.id).toBe('azure-kms-unreachable');
  });

  it("slmgr's own rows state nothing about the machine: a plain /ato paste gets no such fact", () => {
    const d = diagnose(
      'C:\\>slmgr /ato\nActivating Windows(R), ServerDatacenter edition (00091344-1ea4-4f37-b789-01750ba6988c) ...\n' +
        'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated. No Key Management Service (KMS) could be contacted. Please see the Application Event Log for additional information.',
    );
    expect(d.facts.onAzure).toBeUndefined();
    expect(d.facts.isVirtualMachine).toBeUndefined();
    expect(d.facts.isDomainController).toBeUndefined();
  });
});
