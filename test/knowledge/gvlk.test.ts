import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PartialKeySchema } from '../../src/knowledge/types.js';
import { GVLK_RECORDS } from '../../src/knowledge/gvlk/gvlk-table.js';
import { allGvlks, gvlkByKey, gvlkByPartial, isGvlk } from '../../src/knowledge/gvlk/index.js';

const SHEET = '/work/shared/reference/activation-facts.md';

interface SheetRow {
  family: string;
  name: string;
  key: string;
  last5: string;
}

/** Rows of section 3 ("KMS client setup keys") of the fact sheet. */
function sheetRows(): SheetRow[] {
  const text = readFileSync(SHEET, 'utf8');
  const start = text.indexOf('## 3. KMS client setup keys');
  const end = text.indexOf('\n## 4.', start);
  const rows: SheetRow[] = [];
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | family | edition | `KEY` | `LAST5` |
    if (cells.length !== 6 || !cells[3]?.startsWith('`')) continue;
    rows.push({
      family: cells[1]!,
      name: cells[2]!,
      key: cells[3]!.replaceAll('`', ''),
      last5: cells[4]!.replaceAll('`', ''),
    });
  }
  return rows;
}

describe.skipIf(!existsSync(SHEET))('the GVLK table matches the fact sheet', () => {
  const rows = existsSync(SHEET) ? sheetRows() : [];

  it('has every key of section 3, in the same order, and nothing else', () => {
    expect(rows.length).toBe(82);
    expect(GVLK_RECORDS.map((r) => [r.family, r.name, r.key])).toEqual(
      rows.map((r) => [r.family, r.name, r.key]),
    );
  });

  it.each(rows)('$family, $name: last five is $last5', (row) => {
    const found = gvlkByKey(row.key);
    expect(found?.partial).toBe(row.last5);
    expect(gvlkByPartial(row.last5).map((g) => g.key)).toContain(row.key);
  });
});

describe('looking up a GVLK', () => {
  it('by full key gives product, edition, EditionID and OS kind', () => {
    expect(gvlkByKey('WX4NM-KYWYW-QJJR4-XV3QB-6VM33')).toEqual({
      key: 'WX4NM-KYWYW-QJJR4-XV3QB-6VM33',
      partial: '6VM33',
      product: 'Windows Server 2022',
      edition: 'Datacenter',
      editionId: 'ServerDatacenter',
      osKind: 'server',
    });
    expect(gvlkByKey('W269N-WFGWX-YVC9B-4J6C9-T83GX')).toMatchObject({
      product: 'Windows 11 / Windows 10',
      edition: 'Pro',
      editionId: 'Professional',
      osKind: 'client',
    });
  });

  it('accepts lower case, surrounding blanks and pasted en dashes', () => {
    expect(gvlkByKey('  n69g4-b89j2-4g8f4-wwycc-j464c ')?.product).toBe('Windows Server 2019');
    expect(gvlkByKey('N69G4\u2013B89J2\u2013 4G8F4-WWYCC-J464C')).toBeUndefined();
    expect(gvlkByKey('N69G4\u2013B89J2\u20134G8F4\u2013WWYCC\u2013J464C')?.edition).toBe('Standard');
  });

  it('a MAK or made-up key is not a GVLK', () => {
    expect(gvlkByKey('QX7R2-8KMPT-YBV4C-6HWJD-9FG3N')).toBeUndefined();
    expect(isGvlk('QX7R2-8KMPT-YBV4C-6HWJD-9FG3N')).toBe(false);
    expect(isGvlk('VDYBN-27WPP-V4HQT-9VMD4-VMK7H')).toBe(true);
    expect(isGvlk('vdybn-27wpp-v4hqt-9vmd4-vmk7h')).toBe(true);
  });

  it('by partial key returns every product that ends that way', () => {
    expect(gvlkByPartial('vmk7h')).toEqual([
      {
        key: 'VDYBN-27WPP-V4HQT-9VMD4-VMK7H',
        partial: 'VMK7H',
        product: 'Windows Server 2022',
        edition: 'Standard',
        editionId: 'ServerStandard',
        osKind: 'server',
      },
    ]);
    expect(gvlkByPartial('9FG3N')).toEqual([]);
  });

  it('every partial is unique today, as the sheet states', () => {
    const partials = allGvlks().map((g) => g.partial);
    expect(new Set(partials).size).toBe(partials.length);
    for (const p of partials) expect(gvlkByPartial(p)).toHaveLength(1);
  });

  it('Azure Edition keys carry no EditionID, because the sheet marks ServerTurbine UNVERIFIED', () => {
    for (const key of ['XGN3F-F394H-FD2MY-PP6FD-8MCRC', 'NTBV8-9K7Q8-V27C6-M2BTV-KHMXV']) {
      const g = gvlkByKey(key);
      expect(g?.edition).toBe('Datacenter: Azure Edition');
      expect(g?.editionId).toBeUndefined();
    }
  });

  it('server families are server, client families are client', () => {
    for (const g of allGvlks()) {
      expect(g.osKind).toBe(/Server/.test(g.product) ? 'server' : 'client');
      expect(PartialKeySchema.parse(g.partial)).toBe(g.partial);
      expect(g.key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    }
  });

  it('callers cannot alter the shared table through a result', () => {
    const g = gvlkByKey('VDYBN-27WPP-V4HQT-9VMD4-VMK7H')!;
    g.edition = 'changed';
    expect(gvlkByKey('VDYBN-27WPP-V4HQT-9VMD4-VMK7H')?.edition).toBe('Standard');
  });
});
