/**
 * Where a server's allocations went: a V8 sampling heap profile (`HeapProfiler.startSampling`, objects the
 * collector already freed included) grouped by the component that allocated them, as profile-summary.ts groups
 * CPU time. The HTTP bench prints it per target when BENCH_HEAP_PROF is set. Bytes allocated per message matter
 * twice: the minor collections, and the CPU caches the allocation front sweeps through between two pastes (see
 * cold-cache.bench.ts).
 */
import { componentOf } from './profile-summary.js';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}
export interface SamplingHeapProfile {
  head: SamplingNode;
}

export interface AllocationSummary {
  totalBytes: number;
  /** Bytes allocated per component, heaviest first. */
  components: Array<[string, number]>;
  /** Bytes allocated per function (self), heaviest first. */
  functions: Array<[string, number]>;
}

export function summarizeAllocations(profile: SamplingHeapProfile): AllocationSummary {
  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalBytes = 0;
  const pending = [profile.head];
  for (let node = pending.pop(); node; node = pending.pop()) {
    pending.push(...node.children);
    if (node.selfSize === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    totalBytes += node.selfSize;
    const component = componentOf(url, functionName);
    components.set(component, (components.get(component) ?? 0) + node.selfSize);
    const short = url.replace(/^.*\/(node_modules|dist)\//, '').replace(/^file:\/\//, '');
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + node.selfSize);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalBytes, components: sorted(components), functions: sorted(functions) };
}

/** Text table in KiB per message. */
export function formatAllocations(label: string, s: AllocationSummary, messages: number, top = 12): string {
  const kib = (bytes: number) => `${(bytes / 1024 / messages).toFixed(1).padStart(6)} KiB/msg`;
  const lines = [`${label}: ${kib(s.totalBytes).trim()} allocated over ${messages} messages`];
  for (const [name, bytes] of s.components.slice(0, top)) lines.push(`  ${kib(bytes)}  ${name}`);
  lines.push('  heaviest functions (self):');
  for (const [name, bytes] of s.functions.slice(0, top)) lines.push(`  ${kib(bytes)}  ${name}`);
  return lines.join('\n');
}
