import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../helpers/shared.js';
import { VOLUME_ENTRIES } from '../../src/knowledge/catalogue/volume.js';
import { CatalogueEntrySchema, type CatalogueEntry, type Localized } from '../../src/knowledge/types.js';

// The shared material sits next to the repository root (`../shared` from the project).
const SEED_003 = sharedPath('seeds/003_24a0914429cd1f65.txt');
const FACTS = sharedPath('reference/activation-facts.md');

/** `0xC004F074`, `0x8007007b`, and the seed's odd `0 x 80070005` all normalise to `0x` + 8 upper hex. */
const CODE_RE = /\b0\s*x\s*([0-9a-f]{8})\b/gi;
const norm = (hex: string): string => `0x${hex.toUpperCase()}`;

/** The rows of a markdown table whose first cell is a code, as [code, row text]. */
function tableRows(markdown: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const line of markdown.split('\n')) {
    const first = /^\|\s*0\s*x\s*([0-9a-f]{8})\s*\|/i.exec(line);
    if (first?.[1]) rows.push([norm(first[1]), line]);
  }
  return rows;
}

const seedText = readFileSync(SEED_003, 'utf8');
const seedRows = tableRows(seedText);
const factsText = readFileSync(FACTS, 'utf8');
const section11 = factsText.slice(factsText.indexOf('### 1.1'), factsText.indexOf('### 1.2'));
const factRows = tableRows(section11);

const entries: CatalogueEntry[] = VOLUME_ENTRIES.map((e) => CatalogueEntrySchema.parse(e));
const byCodeOrAlias = new Map<string, CatalogueEntry>();
for (const e of entries) for (const c of [e.code, ...e.aliases]) byCodeOrAlias.set(c, e);

function localizedTexts(e: CatalogueEntry): Localized[] {
  return [e.message, ...e.causes, ...e.fix.map((f) => f.text), ...e.bring];
}
function allStrings(e: CatalogueEntry): string[] {
  return [
    e.name,
    ...localizedTexts(e).flatMap((t) => [t.en, t.fr]),
    ...e.fix.flatMap((f) => (f.command ? [f.command] : [])),
  ];
}
const entry = (code: string): CatalogueEntry => {
  const found = byCodeOrAlias.get(code);
  if (!found) throw new Error(`no catalogue entry for ${code}`);
  return found;
};
const englishOf = (e: CatalogueEntry): string =>
  localizedTexts(e)
    .map((t) => t.en)
    .join(' ');
const frenchOf = (e: CatalogueEntry): string =>
  localizedTexts(e)
    .map((t) => t.fr)
    .join(' ');

describe('volume-activation catalogue', () => {
  it('reads the whole seed table and section 1.1 of the fact sheet', () => {
    // Guards the extraction below: a broken path or regex would make the coverage tests vacuous.
    expect(seedRows).toHaveLength(29);
    expect(factRows).toHaveLength(30);
  });

  it('every entry is a valid catalogue entry', () => {
    for (const e of VOLUME_ENTRIES) expect(() => CatalogueEntrySchema.parse(e), e.code).not.toThrow();
  });

  it('every code written anywhere in the seed, including "0 x" spellings, can be looked up', () => {
    const seedCodes = new Set([...seedText.matchAll(CODE_RE)].map((m) => norm(m[1] ?? '')));
    expect(seedCodes).toContain('0x80070005');
    expect(seedCodes).toContain('0x80092328');
    for (const code of seedCodes) expect(byCodeOrAlias.has(code), code).toBe(true);
  });

  it('every code of the fact sheet base list can be looked up', () => {
    for (const [code] of factRows) expect(byCodeOrAlias.has(code), code).toBe(true);
  });

  it('0x80092328 is answered by the 0x8007232B entry, not a separate one', () => {
    expect(entries.some((e) => e.code === '0x80092328')).toBe(false);
    expect(entry('0x80092328').code).toBe('0x8007232B');
  });

  it('0xC004F065 is informational and also found under its SDK spelling 0x4004F065', () => {
    expect(entry('0x4004F065').code).toBe('0xC004F065');
    expect(entry('0xC004F065').informational).toBe(true);
  });

  it('no code or alias appears twice', () => {
    const all = entries.flatMap((e) => [e.code, ...e.aliases]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('every text is written in both languages and the French is not a copy of the English', () => {
    for (const e of entries) {
      for (const t of localizedTexts(e)) {
        expect(t.en.trim(), e.code).not.toBe('');
        expect(t.fr.trim(), e.code).not.toBe('');
        expect(t.fr, `${e.code}: ${t.en}`).not.toBe(t.en);
      }
    }
  });

  it('codes the seed sends to the Licensing Activation Centers are escalated with something to bring', () => {
    const sentToMicrosoft = seedRows.filter(([, row]) => /centres d.activation de licence/i.test(row));
    expect(sentToMicrosoft.map(([c]) => c).sort()).toEqual(
      ['0xC004B100', '0xC004C001', '0xC004C003', '0xC004C008', '0xC004C020', '0xC004C021'].sort(),
    );
    for (const [code] of sentToMicrosoft) expect(entry(code).escalate, code).toBe(true);
    expect(entry('0xC004F064').escalate).toBe(true);
  });

  it('every escalated code says what to bring to Microsoft', () => {
    const escalated = entries.filter((e) => e.escalate);
    expect(escalated.length).toBeGreaterThan(0);
    for (const e of escalated) expect(e.bring.length, e.code).toBeGreaterThan(0);
  });

  it('no command or text contains a full product key', () => {
    const fullKey = /\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b/i;
    for (const e of entries) for (const s of allStrings(e)) expect(s, e.code).not.toMatch(fullKey);
  });

  it('the KMS figures match the fact sheet in both languages', () => {
    const count = entry('0xC004F038');
    for (const text of [englishOf(count), frenchOf(count)]) {
      expect(text).toMatch(/\b25\b/);
      expect(text).toMatch(/\b5\b/);
    }
    const csvlk = entry('0xC004C008');
    for (const text of [englishOf(csvlk), frenchOf(csvlk)]) {
      expect(text).toMatch(/\b10\b/);
      expect(text).toMatch(/\b6\b/);
    }
    for (const code of ['0xC004F039', '0x800706BA']) {
      expect(englishOf(entry(code))).toContain('1688');
      expect(frenchOf(entry(code))).toContain('1688');
    }
  });

  it('activation types follow the fact sheet for the codes people mix up', () => {
    expect(entry('0xC004C008').types).toEqual(['KMS host']);
    expect(entry('0x8007232A').types).toEqual(['KMS host']);
    expect(entry('0xC004F074').types).toEqual(['KMS client']);
    expect(entry('0xC004F00F').types).toEqual(['MAK', 'KMS client', 'KMS host']);
  });

  it('a DNS failure on a KMS client offers the SRV lookup and the manual host setting', () => {
    const commands = entry('0x8007232B').fix.map((f) => f.command);
    expect(commands).toContain('nslookup -type=SRV _vlmcs._tcp');
    expect(commands).toContain('slmgr /skms <KMS host FQDN>:1688');
  });

  it('phone activation steps give the Installation ID and Confirmation ID commands', () => {
    const commands = entry('0xC004F035').fix.map((f) => f.command);
    expect(commands).toContain('slmgr /dti');
    expect(commands).toContain('slmgr /atp <Confirmation ID>');
  });

  it('related codes never point back at the entry itself', () => {
    for (const e of entries) expect(e.related, e.code).not.toContain(e.code);
  });

  it('every entry names its sources, and seed rows cite the seed', () => {
    const seedCodes = new Set(seedRows.map(([c]) => byCodeOrAlias.get(c)?.code));
    for (const e of entries) {
      expect(e.sources, e.code).toContain('facts-1.1');
      if (seedCodes.has(e.code)) expect(e.sources, e.code).toContain('seed-003');
    }
  });
});
