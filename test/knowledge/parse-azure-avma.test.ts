/**
 * The outputs an admin pastes for Azure KMS and AVMA guests: Test-NetConnection to azkms.core.windows.net, and
 * slmgr /dlv of a guest activated by its Hyper-V host (AVMA), in English and in French.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/knowledge/diagnose.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const facts = (name: string) => extract(read(name)).observations.find((o) => o.source !== 'prose')?.facts;

describe('Azure KMS reachability', () => {
  it('a failed Test-NetConnection to azkms.core.windows.net:1688 records the host and the failure', () => {
    expect(facts('en/test-netconnection-azkms-1688-false.txt')).toEqual({
      testedHost: 'azkms.core.windows.net',
      port1688Reachable: false,
    });
  });

  it('a French admin on an Azure VM pasting a successful test: reachable, on Azure, answered in French', () => {
    const ex = extract(read('fr/test-netconnection-azkms-1688-ok.txt'));
    expect(ex.lang).toBe('fr');
    // What the readers found; the story reader's own observation (storyMatches) is the scenarios' business.
    expect(ex.observations.filter((o) => o.facts.storyMatches === undefined)).toEqual([
      {
        source: 'test-netconnection',
        facts: { testedHost: 'azkms.core.windows.net', port1688Reachable: true },
      },
      { source: 'prose', facts: { onAzure: true, isVirtualMachine: true } },
    ]);
  });
});

describe('an AVMA guest’s slmgr /dlv', () => {
  for (const name of ['en/slmgr-dlv-avma-guest.txt', 'fr/slmgr-dlv-avma-invite.txt']) {
    it(`${name}: AVMA channel, 7 days of AVMA validity, rearm counts`, () => {
      expect(facts(name)).toMatchObject({
        channel: 'VIRTUAL_MACHINE_ACTIVATION',
        keyType: 'AVMA',
        partialProductKey: '78VHK',
        licenseStatus: 'licensed',
        graceMinutesRemaining: 7 * 1440,
        rearmCount: 1000,
        skuRearmCount: 1000,
        edition: 'ServerStandard',
        osVersion: 'Windows Server 2022',
      });
    });
  }
});
