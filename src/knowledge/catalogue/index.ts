/**
 * The catalogue: every documented code (volume table + extended sections), validated once at load, and the
 * slerror.h name table for everything else. Lookups accept any spelling `normalizeCode` accepts and resolve
 * aliases (0x80092328 → 0x8007232B, 0x4004F065 → 0xC004F065).
 */
import { decodeHresult, normalizeCode } from '../hresult.js';
import { knowledgePhrases } from '../phrases.js';
import { CatalogueEntrySchema, SlErrorEntrySchema } from '../types.js';
import type { CatalogueEntry, DecodedHresult, HexCode, Lang, SlErrorEntry } from '../types.js';
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
  const p = knowledgePhrases(lang);
  if (decoded.win32 !== undefined) {
    const name = decoded.win32.name === undefined ? '' : ` (${decoded.win32.name})`;
    return p.win32Error(decoded.win32.number, name);
  }
  const kind = decoded.failure
    ? p.severity.failure
    : decoded.severity === 'success'
      ? p.severity.success
      : p.severity.informational;
  const low = `0x${decoded.codeValue.toString(16).toUpperCase().padStart(4, '0')}`;
  return p.decoded(kind, facility, low);
}

/** The title of an uncatalogued code: says so, then what its bits say. */
export function uncataloguedTitle(decoded: DecodedHresult, lang: Lang): string {
  return `${knowledgePhrases(lang).outsideCatalogue} — ${describeDecoded(decoded, lang)}`;
}

/**
 * Everything the catalogue and slerror.h know about one code, under the spelling it was typed in: `code` is that
 * spelling in canonical form (0x80092328), `canonical` the entry it maps to (0x8007232B). Every path that names a
 * code (diagnose's code list, explain, the CLI, the bot) goes through this, so none of them calls a code unknown
 * that another one knows.
 */
export interface CodeKnowledge {
  code: HexCode;
  canonical: HexCode;
  entry?: CatalogueEntry;
  slError?: SlErrorEntry;
  /** Known by the catalogue or, by name and meaning, by slerror.h. */
  known: boolean;
  name?: string;
}

export function codeKnowledge(code: string): CodeKnowledge | undefined {
  const typed = normalizeCode(code);
  if (typed === undefined) return undefined;
  const entry = CATALOGUE.byCode.get(typed);
  const canonical = entry?.code ?? typed;
  const sl = SL_ERRORS.get(typed) ?? SL_ERRORS.get(canonical);
  const name = entry?.name ?? sl?.name ?? decodeHresult(typed).win32?.name;
  return {
    code: typed,
    canonical,
    ...(entry ? { entry } : {}),
    ...(sl ? { slError: sl } : {}),
    known: entry !== undefined || sl !== undefined,
    ...(name ? { name } : {}),
  };
}

/** Says that a code typed in one spelling is catalogued under another ("0x80092328 is listed as 0x8007232B"). */
export function aliasNote(typed: HexCode, canonical: HexCode, lang: Lang): string {
  return knowledgePhrases(lang).aliasNote(typed, canonical);
}

/**
 * The short title for a code: the catalogue message, else the slerror.h meaning (English only: the French title
 * says so), else what the bits say. A code typed in a spelling the catalogue lists under another code keeps its
 * spelling and says which code it was read as.
 */
export function codeTitle(code: string, lang: Lang): string {
  const k = codeKnowledge(code);
  if (k === undefined) {
    return lang === 'fr'
      ? `« ${code} » n’est pas un code reconnaissable`
      : `"${code}" is not a recognisable code`;
  }
  let title: string;
  if (k.entry !== undefined) title = k.entry.message[lang];
  else if (k.slError !== undefined) {
    const sl = k.slError;
    title =
      lang === 'fr'
        ? `${sl.name} — texte du SDK Windows, disponible en anglais seulement : « ${sl.meaning} »`
        : `${sl.name} — ${sl.meaning}`;
  } else return uncataloguedTitle(decodeHresult(k.code), lang);
  return k.canonical === k.code ? title : `${title} (${aliasNote(k.code, k.canonical, lang)})`;
}
