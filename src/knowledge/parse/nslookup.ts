/**
 * `nslookup -type=SRV _vlmcs._tcp[.domain]`: SRV answers (`svr hostname = …`, `port = …`) or a failure
 * (`Non-existent domain`, `can't find`, French `Domaine inexistant`, `ne trouve pas`). A timeout is not "none":
 * it says nothing about the records.
 */
import type { Facts, KmsHostRef, Observation } from '../types.js';
import { MESSAGES, prepared } from './labels.js';
import { toLines, type Line } from './lines.js';
import { compact } from './values.js';

const NO_SUCH_NAME = prepared(MESSAGES)
  .filter(([k]) => k === 'nsNxDomain' || k === 'nsCantFind')
  .map(([, t]) => t);
const NO_ANSWER = /timed out|no response|server failed|query refused|d[ée]lai d'attente|expir[ée]/i;

export function readNslookupFacts(text: string): Facts {
  return readNslookupLines(toLines(text));
}

export function readNslookupLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  const hosts: KmsHostRef[] = [];
  let port: number | undefined;
  let failed = false;
  for (const rec of lines) {
    const line = rec.trimmed;
    if (!line) continue;
    const domain = /_vlmcs\._tcp\.([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\.?/i.exec(line)?.[1];
    if (domain) f.dnsDomain = domain.toLowerCase();
    const norm = rec.norm;
    if (NO_SUCH_NAME.some((t) => norm.includes(t)) && !NO_ANSWER.test(line)) failed = true;
    const p = /^port\s*=\s*(\d{1,5})$/i.exec(line);
    if (p?.[1]) port = Number(p[1]);
    const h = /^svr\s+hostname\s*=\s*([A-Za-z0-9._-]+?)\.?$/i.exec(line);
    if (h?.[1]) {
      const ref = { host: h[1].toLowerCase(), port: port && port >= 1 && port <= 65535 ? port : 1688 };
      if (!hosts.some((x) => x.host === ref.host && x.port === ref.port)) hosts.push(ref);
      port = undefined;
    }
  }
  if (hosts.length > 0) {
    f.srvRecords = 'found';
    f.srvHosts = hosts;
  } else if (failed) f.srvRecords = 'none';
  return compact(f);
}

export function parseNslookupSrv(text: string): Observation[] {
  return [{ source: 'nslookup-srv', facts: readNslookupFacts(text) }];
}
