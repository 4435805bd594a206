/**
 * The catalogue: every documented code (volume table + extended sections), validated once at load, and the
 * slerror.h name table for everything else. Lookups accept any spelling `normalizeCode` accepts and resolve
 * aliases (0x80092328 → 0x8007232B, 0x4004F065 → 0xC004F065).
 */
import { decodeHresult, normalizeCode } from '../hresult.js';
import { CatalogueEntrySchema, SlErrorEntrySchema } from '../types.js';
import type { CatalogueEntry, DecodedHresult, Lang, SlErrorEntry } from '../types.js';
import { EXTENDED_ENTRIES } from './extended.js';
import { SLERROR } from './slerror.js';
import { VOLUME_ENTRIES } from './volume.js';

function buildCatalogue(): {
  entries: readonly CatalogueEntry[];
  byCode: ReadonlyMap<string, CatalogueEntry>;
} {
  const entries = [...VOLUME_ENTRIES, ...EXTENDED_ENTRIES].map((input) => CatalogueEntrySchema.parse(input));
  const byCode = new Map<string, CatalogueEntry>();
  for (const entry of entries) {
    for (const code of [entry.code, ...entry.aliases]) {
      const taken = byCode.get(code);
      // A code explained twice would make the answer depend on load order: refuse to start instead.
      if (taken !== undefined)
        throw new Error(`catalogue: ${code} is defined twice (${taken.name} and ${entry.name})`);
      byCode.set(code, entry);
    }
  }
  return { entries: Object.freeze(entries), byCode };
}

function buildSlErrors(): ReadonlyMap<string, SlErrorEntry> {
  const byCode = new Map<string, SlErrorEntry>();
  for (const row of SLERROR) {
    const entry = SlErrorEntrySchema.parse(row);
    if (byCode.has(entry.code)) throw new Error(`slerror: ${entry.code} is listed twice`);
    byCode.set(entry.code, entry);
  }
  return byCode;
}

const CATALOGUE = buildCatalogue();
const SL_ERRORS = buildSlErrors();

/** The catalogue entry for a code in any accepted spelling, aliases included. */
export function lookupCode(code: string): CatalogueEntry | undefined {
  const normalized = normalizeCode(code);
  return normalized === undefined ? undefined : CATALOGUE.byCode.get(normalized);
}

export function allEntries(): readonly CatalogueEntry[] {
  return CATALOGUE.entries;
}

/** The slerror.h name and short meaning of a Software Licensing code, in any accepted spelling. */
export function slError(code: string): SlErrorEntry | undefined {
  const normalized = normalizeCode(code);
  return normalized === undefined ? undefined : SL_ERRORS.get(normalized);
}

/** What the bits of an uncatalogued code say, e.g. "Win32 error 87 (ERROR_INVALID_PARAMETER)". */
export function describeDecoded(decoded: DecodedHresult, lang: Lang): string {
  const facility = decoded.facilityName ?? `0x${decoded.facility.toString(16).toUpperCase()}`;
  if (decoded.win32 !== undefined) {
    const name = decoded.win32.name === undefined ? '' : ` (${decoded.win32.name})`;
    return lang === 'fr'
      ? `erreur Win32 ${decoded.win32.number}${name}`
      : `Win32 error ${decoded.win32.number}${name}`;
  }
  const kind = {
    en: decoded.failure ? 'failure' : decoded.severity === 'success' ? 'success' : 'informational',
    fr: decoded.failure ? 'échec' : decoded.severity === 'success' ? 'succès' : 'information',
  }[lang];
  const low = `0x${decoded.codeValue.toString(16).toUpperCase().padStart(4, '0')}`;
  return lang === 'fr'
    ? `${kind}, domaine ${facility}, code ${low}`
    : `${kind}, facility ${facility}, code ${low}`;
}

/** The title of an uncatalogued code: says so, then what its bits say. */
export function uncataloguedTitle(decoded: DecodedHresult, lang: Lang): string {
  return `${lang === 'fr' ? 'Hors catalogue' : 'Outside the catalogue'} — ${describeDecoded(decoded, lang)}`;
}

/**
 * The short title for a code: the catalogue message, else the slerror.h meaning (English only: the French title
 * says so), else what the bits say.
 */
export function codeTitle(code: string, lang: Lang): string {
  const normalized = normalizeCode(code);
  if (normalized === undefined) {
    return lang === 'fr'
      ? `« ${code} » n’est pas un code reconnaissable`
      : `"${code}" is not a recognisable code`;
  }
  const entry = CATALOGUE.byCode.get(normalized);
  if (entry !== undefined) return entry.message[lang];
  const sl = SL_ERRORS.get(normalized);
  if (sl !== undefined) {
    return lang === 'fr'
      ? `${sl.name} — texte du SDK Windows, disponible en anglais seulement : « ${sl.meaning} »`
      : `${sl.name} — ${sl.meaning}`;
  }
  return uncataloguedTitle(decodeHresult(normalized), lang);
}
