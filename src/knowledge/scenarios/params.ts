/**
 * What a scenario's placeholders become for one thread: values the facts know ({host}, {edition}, the published
 * KMS client key of the edition as {gvlk}…), and which fix steps the thread shows were already run.
 */
import { allGvlks } from '../gvlk/index.js';
import { BLANKS } from '../fold.js';
import { editionId, hostParams } from '../rules/combinators.js';
import type { Facts } from '../types.js';

/** ServerDatacenterEval → ServerDatacenter, ServerStandardEvalCor → ServerStandard: the edition a key is for. */
function keyEdition(edition: string): string {
  return edition.replace(/Eval/i, '').replace(/Cor(e)?$/i, '');
}

/** `Windows Server 2022` (or 2012 R2) from whatever names the product. */
function serverYearOf(f: Facts): string | undefined {
  for (const name of [f.osVersion, f.productName, f.gvlk?.product]) {
    const year = name?.match(/Server\s+(20\d\d(?:\s+R2)?)/i)?.[1];
    if (year) return year;
  }
  return undefined;
}

/** Published keys by EditionID (lower case), built once. */
const BY_EDITION = new Map<string, ReturnType<typeof allGvlks>>();
for (const g of allGvlks()) {
  if (!g.editionId) continue;
  const id = g.editionId.toLowerCase();
  BY_EDITION.set(id, [...(BY_EDITION.get(id) ?? []), g]);
}

/**
 * The edition an evaluation converts to: the first one DISM listed, else the evaluation's own edition without
 * "Eval" (a Standard Core evaluation can only become Datacenter Core, so that is its target).
 */
function targetEdition(f: Facts): string | undefined {
  if (f.targetEditions?.[0]) return f.targetEditions[0];
  const edition = editionId(f);
  if (!edition || !/eval/i.test(edition)) return undefined;
  return /^ServerStandardEvalCor$/i.test(edition) ? 'ServerDatacenterCor' : edition.replace(/Eval/i, '');
}

/** The published KMS client setup key for the target (or installed) edition, when it is unambiguous. */
export function gvlkFor(f: Facts): string | undefined {
  const edition = targetEdition(f) ?? editionId(f);
  if (!edition) return undefined;
  const matches = BY_EDITION.get(keyEdition(edition).toLowerCase()) ?? [];
  if (matches.length === 0) return undefined;
  if (matches[0]!.osKind === 'client') {
    return (matches.find((g) => g.product.startsWith('Windows 11 / Windows 10')) ?? matches[0])!.key;
  }
  const year = serverYearOf(f);
  if (!year) return undefined;
  return matches.find((g) => g.product === `Windows Server ${year}`)?.key;
}

/** Placeholder values every scenario may use, from the facts alone (a rule's own params come on top). */
export function factParams(f: Facts): Record<string, string> {
  const out: Record<string, string> = { ...compact(hostParams(f)) };
  const edition = editionId(f);
  if (edition) out['edition'] = edition;
  if (f.dnsDomain) out['domain'] = f.dnsDomain;
  if (f.partialProductKey) out['partial'] = f.partialProductKey;
  if (f.channel) out['channel'] = f.channel;
  const target = targetEdition(f);
  if (target) out['target'] = target;
  const gvlk = gvlkFor(f);
  if (gvlk) out['gvlk'] = gvlk;
  return out;
}

function compact(params: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/**
 * True when the thread's facts show this (filled) command was already run: its output is here, or the setting
 * it makes is already in place. Such a step is not shown again.
 */
export function alreadyRun(command: string, f: Facts): boolean {
  const c = command.toLowerCase().replace(BLANKS, ' ').trim();
  if (c.startsWith('test-netconnection ')) {
    return f.port1688Reachable !== undefined && (!f.testedHost || c.includes(f.testedHost.toLowerCase()));
  }
  if (c.startsWith('nslookup -type=srv')) return f.srvRecords !== undefined;
  if (c === 'slmgr /dlv' || c === 'slmgr /dli') return f.licenseStatus !== undefined;
  if (c === 'dism /online /get-currentedition') return f.currentEdition !== undefined;
  if (c === 'dism /online /get-targeteditions') return f.targetEditions !== undefined;
  if (c === 'slmgr /dti') return f.installationId !== undefined;
  if (c === 'cscript ospp.vbs /dstatus') return f.officeLicenses !== undefined;
  const skms = /^slmgr \/skms (\S+?)(?::(\d+))?$/.exec(c);
  if (skms) {
    const set = f.kmsHostRegistered;
    return (
      set !== undefined &&
      set.host.toLowerCase() === skms[1] &&
      String(set.port ?? 1688) === (skms[2] ?? '1688')
    );
  }
  const ipk = /^slmgr \/ipk ([0-9a-z]{5}-[0-9a-z]{5}-[0-9a-z]{5}-[0-9a-z]{5}-([0-9a-z]{5}))$/.exec(c);
  if (ipk) return f.partialProductKey?.toLowerCase() === ipk[2] && f.keyInstallSucceeded !== false;
  return false;
}
