/**
 * Small combinators that keep rule definitions declarative: each returns the evidence it matched, or false.
 * Also derived views over Facts (is this a KMS client? which KMS host?) shared by rules and the evidence chooser.
 */
import type { Facts, HexCode } from '../types.js';
import type { Evidence, RuleInput, WhenResult } from './rule-types.js';

// --- evidence combinators ------------------------------------------------------------------------------

/** The codes among `wanted` that are present, as evidence. */
export function code(input: RuleInput, ...wanted: HexCode[]): Evidence | false {
  // Every rule asks, on every diagnosis, and most messages hold none of the codes: no array until one is found.
  let hit: string[] | undefined;
  for (const c of wanted) if (input.codes.has(c)) (hit ??= []).push(`code ${c}`);
  return hit ?? false;
}

/** A fact equal to a value (or satisfying a predicate), as `key=value` evidence. */
export function fact<K extends keyof Facts>(
  input: RuleInput,
  key: K,
  expected: Facts[K] | ((value: NonNullable<Facts[K]>) => boolean),
): Evidence | false {
  const value = input.facts[key];
  if (value === undefined) return false;
  const ok =
    typeof expected === 'function'
      ? (expected as (v: NonNullable<Facts[K]>) => boolean)(value as NonNullable<Facts[K]>)
      : value === expected;
  if (!ok) return false;
  return [`${String(key)}=${show(value)}`];
}

function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    if ('host' in value) return String((value as { host: string }).host);
    if (Array.isArray(value)) return value.join(',');
    return JSON.stringify(value);
  }
  return String(value);
}

/** Every part must hold; the evidence is their union. */
export function all(...parts: WhenResult[]): Evidence | false {
  const out: string[] = [];
  for (const p of parts) {
    if (p === false) return false;
    if (p !== true) out.push(...p);
  }
  return out;
}

/** At least one part must hold; the evidence is the union of those that hold. */
export function any(...parts: WhenResult[]): Evidence | false {
  const out: string[] = [];
  let held = false;
  for (const p of parts) {
    if (p === false) continue;
    held = true;
    if (p !== true) out.push(...p);
  }
  return held ? out : false;
}

/** A condition with a fixed evidence label (for derived facts). */
export function given(condition: boolean, label: string): Evidence | false {
  return condition ? [label] : false;
}

export function not(part: WhenResult): boolean {
  return part === false;
}

export function evidenceOf(result: WhenResult): Evidence {
  return result === true || result === false ? [] : result;
}

// --- derived views -------------------------------------------------------------------------------------

const EVAL_RE = /eval/i;

export function isEvaluation(f: Facts): boolean {
  if (f.isEvaluation !== undefined) return f.isEvaluation;
  return (
    EVAL_RE.test(f.currentEdition ?? '') ||
    EVAL_RE.test(f.edition ?? '') ||
    f.channel === 'TIMEBASED_EVAL' ||
    /TB:Eval/i.test(f.productKeyChannel ?? '') ||
    f.keyType === 'Eval'
  );
}

/** The edition id as DISM or slmgr names it (DISM's is the more precise). */
export function editionId(f: Facts): string | undefined {
  return f.currentEdition ?? f.edition;
}

/**
 * Whether the key is a KMS client key, as evidence naming the fact that says so (`keyType=GVLK`, which a card shows
 * in the reader's words as "Kind of key: GVLK"), or false.
 */
export function kmsClientKey(f: Facts): Evidence | false {
  if (f.keyType === 'GVLK') return ['keyType=GVLK'];
  if (f.channel === 'VOLUME_KMSCLIENT') return ['channel=VOLUME_KMSCLIENT'];
  if (/Volume:GVLK/i.test(f.productKeyChannel ?? '')) return [`productKeyChannel=${f.productKeyChannel}`];
  if (f.gvlk !== undefined && f.keyType === undefined) return [`gvlk=${JSON.stringify(f.gvlk)}`];
  return false;
}

/** A key that activates against Microsoft (MAK, retail, OEM), not against a KMS host. */
export function nonKmsKeyType(f: Facts): string | undefined {
  if (f.keyType === 'MAK' || f.keyType === 'Retail' || f.keyType === 'OEM') return f.keyType;
  if (f.keyType !== undefined) return undefined;
  if (f.channel === 'VOLUME_MAK' || /Volume:MAK/i.test(f.productKeyChannel ?? '')) return 'MAK';
  if (f.channel === 'RETAIL' || f.productKeyChannel === 'Retail') return 'Retail';
  if (f.channel?.startsWith('OEM') || /^OEM/i.test(f.productKeyChannel ?? '')) return 'OEM';
  return undefined;
}

export function isCsvlkHost(f: Facts): boolean {
  return f.isKmsHost === true || f.keyType === 'CSVLK' || /CSVLK/i.test(f.productKeyChannel ?? '');
}

/** The KMS host the client uses or should use: set by /skms, found in DNS, listed by nslookup, or tested. */
export function kmsHost(f: Facts): { host: string; port: number } | undefined {
  const ref = f.kmsHostRegistered ?? f.kmsHostFromDns ?? f.srvHosts?.[0];
  if (ref) return { host: ref.host, port: ref.port ?? 1688 };
  if (f.testedHost) return { host: f.testedHost, port: 1688 };
  const fromEvent = f.events?.find((e) => e.host !== undefined && (e.id === 12288 || e.id === 12289))?.host;
  return fromEvent ? { host: fromEvent, port: 1688 } : undefined;
}

/** `{host}` and `{port}` for texts and commands, when the KMS host is known. */
export function hostParams(f: Facts): { host?: string; port?: string } {
  const h = kmsHost(f);
  return h ? { host: h.host, port: String(h.port) } : {};
}

/** Client OS family for KMS thresholds: server clients need 5, client OSes 25. */
export function clientKind(f: Facts): 'server' | 'client' | undefined {
  if (f.gvlk) return f.gvlk.osKind;
  if (f.osKind) return f.osKind;
  const ed = editionId(f);
  if (ed) return /^server/i.test(ed) ? 'server' : 'client';
  return undefined;
}

export function eventsWithId(f: Facts, id: number) {
  return (f.events ?? []).filter((e) => e.id === id);
}

/** Every code carried inside the facts themselves (errors, notification reason, event payloads, DISM). */
export function codesInFacts(f: Facts): HexCode[] {
  const out: HexCode[] = [];
  if (f.lastError) out.push(f.lastError);
  if (f.notificationReason) out.push(f.notificationReason);
  if (f.dismError?.code) out.push(f.dismError.code);
  for (const e of f.events ?? []) out.push(...(e.codes ?? []));
  return out;
}

/** Edition family used to compare a key with the installed edition; undefined when unsure. */
export function editionFamily(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const s = name.toLowerCase();
  if (s.includes('azure') || s.includes('turbine')) return 'azure';
  if (s.includes('datacenter') || s.includes('datactr')) return 'datacenter';
  if (s.includes('essentials')) return 'essentials';
  if (s.includes('standard')) return 'standard';
  if (s.includes('workstation')) return 'pro-workstations';
  if (s.includes('education')) return s.includes('pro') ? 'pro-education' : 'education';
  if (s.includes('enterprise')) return /ltsc|ltsb|enterprises\b/.test(s) ? 'enterprise-ltsc' : 'enterprise';
  if (/\bpro(fessional)?\b|^professional/.test(s)) return 'pro';
  return undefined;
}

/** `Windows Server 2022` → 2022; undefined for client products or unknown strings. */
export function serverYear(name: string | undefined): string | undefined {
  return name?.match(/Server\s+(20\d\d(?:\s+R2)?)/i)?.[1];
}
