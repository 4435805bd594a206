/**
 * Where a server's CPU time went: self time of a V8 `.cpuprofile` grouped by component (our layers, each SDK,
 * Node internals, GC, idle), plus the heaviest functions. The HTTP bench prints it for every target when
 * BENCH_CPU_PROF is set, so ours and the bare framework can be compared line by line.
 *
 *   node dist/bench/profile-summary.js /tmp/prof/CPU.*.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Wall time covered by the profile, ms. */
  totalMs: number;
  /** Busy (non-idle) time, ms. */
  busyMs: number;
  /** Self time per component, ms, heaviest first. */
  components: Array<[string, number]>;
  /** Self time per function, ms, heaviest first. */
  functions: Array<[string, number]>;
}

/** Component of one frame, from its script URL (package name, or our source layer). */
export function componentOf(url: string, functionName: string): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(program)') return 'v8/native (program)';
  if (url === '') return 'v8/native builtins';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const name = pkg[1]!;
    if (name.startsWith('@slack/')) return name;
    if (name.startsWith('botbuilder') || name.startsWith('botframework')) return name;
    return `pkg:${name}`;
  }
  const ours = /\/dist\/(src\/[^/]+(?:\/[^/.]+)?)/.exec(url);
  if (ours) return ours[1]!.replace(/\/[^/]+\.js$/, '');
  const bench = /\/dist\/bench\//.exec(url);
  if (bench) return 'bench harness';
  return url;
}

export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const component = componentOf(url, functionName);
    total += us;
    if (component === 'idle') idle += us;
    components.set(component, (components.get(component) ?? 0) + us);
    const short = url.replace(/^.*\/(node_modules|dist)\//, '').replace(/^file:\/\//, '');
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) =>
    [...m].map(([k, v]) => [k, v / 1000] as [string, number]).sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total / 1000,
    busyMs: (total - idle) / 1000,
    components: sorted(components).filter(([k]) => k !== 'idle'),
    functions: sorted(functions).filter(([k]) => !k.startsWith('(idle)')),
  };
}

/** Text table: component share of busy time; `requests` (when known) turns ms into µs per request. */
export function formatSummary(label: string, s: ProfileSummary, requests?: number, top = 12): string {
  const lines = [
    `${label}: busy ${s.busyMs.toFixed(0)} ms of ${s.totalMs.toFixed(0)} ms profiled` +
      (requests ? ` (${((s.busyMs * 1000) / requests).toFixed(0)} µs CPU per request)` : ''),
  ];
  for (const [name, ms] of s.components.slice(0, top)) {
    const perReq = requests ? `  ${((ms * 1000) / requests).toFixed(0).padStart(5)} µs/req` : '';
    lines.push(`  ${((ms / s.busyMs) * 100).toFixed(1).padStart(5)}%  ${name.padEnd(34)}${perReq}`);
  }
  lines.push('  heaviest functions (self):');
  for (const [name, ms] of s.functions.slice(0, top)) {
    lines.push(`  ${((ms / s.busyMs) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  return lines.join('\n');
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  for (const file of process.argv.slice(2)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(formatSummary(file, summarizeProfile(profile), undefined, 25));
    console.log();
  }
}
