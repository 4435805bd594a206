import { describe, expect, it } from 'vitest';
import { csvlkNeededFor } from '../../src/knowledge/rules/kms-coverage.js';
import { diagnoseFacts } from '../../src/knowledge/index.js';

describe('which KMS host key a client needs', () => {
  it('a Windows 11 client needs at least the Windows Server 2022 host key', () => {
    expect(csvlkNeededFor('Windows 11')?.csvlk).toBe('Windows Server 2022');
  });

  it('a key shared by Windows 10 and 11 does not claim the machine is Windows 11', () => {
    expect(csvlkNeededFor('Windows 11 / Windows 10')).toBeUndefined();
  });

  it('the build number decides when the key is shared', () => {
    const d = diagnoseFacts(
      {
        facts: {
          gvlk: { partial: 'T83GX', product: 'Windows 11 / Windows 10', edition: 'Pro', osKind: 'client' },
          osVersion: 'Windows 11',
        },
        codes: ['0xC004F042'],
      },
      { lang: 'en' },
    );
    const f = d.findings.find((x) => x.id === 'kms-host-key-coverage');
    expect(f?.confidence).toBe('high');
    expect(JSON.stringify(f)).toContain('Windows Server 2022');
  });
});
