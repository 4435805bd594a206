/**
 * Which Office build a pasted `ospp.vbs /dstatus` shows decides between "Office cannot reach its KMS host" and
 * "this build is retail or Microsoft 365, KMS cannot activate it": the licence channel says it, not the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { factLine } from '../../src/knowledge/fact-labels.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** Microsoft 365 Apps on a terminal server, pointed at the company KMS host by habit. */
const SUBSCRIPTION_DSTATUS = `C:\\Program Files\\Microsoft Office\\Office16>cscript ospp.vbs /dstatus
---Processing--------------------------
---------------------------------------
PRODUCT ID: 00202-51740-23880-AA263
SKU ID: 149dbce7-a48e-44db-8364-a53386cd4580
LICENSE NAME: Office 16, Office16O365ProPlusR_Subscription1 edition
LICENSE DESCRIPTION: Office 16, TIMEBASED_SUB channel
LICENSE STATUS:  ---NOTIFICATIONS---
ERROR CODE: 0xC004F074
Last 5 characters of installed product key: HT9TD
---------------------------------------
---Exiting-----------------------------
`;

describe('an Office build that will not activate against KMS', () => {
  it('a volume build (VOLUME_KMSCLIENT) that cannot find its host is sent to DNS and the port, never told it is retail', () => {
    const d = diagnose(read('en/ospp-dstatus-kms-notifications.txt'));
    expect(d.facts.officeChannel).toBe('volume');
    expect(d.findings[0]?.id).toBe('office-kms-client');
    expect(d.findings.map((f) => f.id)).not.toContain('office-retail-c2r');
  });

  it('a subscription build (TIMEBASED_SUB) is told KMS cannot activate it, whatever the code says', () => {
    const d = diagnose(SUBSCRIPTION_DSTATUS);
    expect(d.facts.officeChannel).toBe('retail');
    expect(d.findings[0]?.id).toBe('office-retail-c2r');
  });

  it('shows the channel in words on a French card', () => {
    expect(factLine('officeChannel', 'retail', 'fr')).toBe(
      'Canal de licence d’Office (ospp.vbs) : retail ou abonnement',
    );
  });
});
