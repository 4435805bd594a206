/**
 * Where a server's allocations came from: a V8 sampling heap profile (objects collected by either GC included,
 * so it counts what was allocated, not what stayed) grouped by the same components as profile-summary.ts. Bytes
 * a builtin allocates (JSON.parse, String.prototype.replace…) count for the JavaScript function that called it:
 * the question is whose work allocated them. The HTTP bench prints it per target when BENCH_HEAP_PROF is set; the
 * allocation per message is what fills the young generation and, from there, the old one (RSS under load).
 */
import { componentOf } from './profile-summary.js';

interface HeapProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapProfileNode[];
}
export interface SamplingHeapProfile {
  head: HeapProfileNode;
}

export interface HeapSummary {
  /** Bytes allocated over the profile (estimated from the samples). */
  totalBytes: number;
  /** Bytes per component, largest first. */
  components: Array<[string, number]>;
  /** Bytes per function (with its callees' builtins), largest first. */
  functions: Array<[string, number]>;
}

export function summarizeHeapProfile(profile: SamplingHeapProfile): HeapSummary {
  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  // Iterative walk: a deep async stack would overflow a recursive one.
  const stack: Array<{ node: HeapProfileNode; owner?: { component: string; fn: string } }> = [
    { node: profile.head },
  ];
  while (stack.length > 0) {
    const { node, owner: inherited } = stack.pop()!;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*\/(node_modules|dist)\//, '').replace(/^file:\/\//, '');
    const owner =
      url === '' && inherited
        ? inherited
        : {
            component: componentOf(url, functionName),
            fn: `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`,
          };
    if (node.selfSize > 0) {
      total += node.selfSize;
      components.set(owner.component, (components.get(owner.component) ?? 0) + node.selfSize);
      functions.set(owner.fn, (functions.get(owner.fn) ?? 0) + node.selfSize);
    }
    for (const child of node.children) stack.push({ node: child, owner });
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalBytes: total, components: sorted(components), functions: sorted(functions) };
}

/** Text table: KiB allocated per request by component, then the functions that allocate most. */
export function formatHeapSummary(label: string, s: HeapSummary, requests: number, top = 12): string {
  const kib = (bytes: number) => (bytes / 1024 / requests).toFixed(1).padStart(6);
  const share = (bytes: number) => ((bytes / s.totalBytes) * 100).toFixed(1).padStart(5);
  const lines = [`${label}: ${kib(s.totalBytes).trim()} KiB allocated per request`];
  for (const [name, bytes] of s.components.slice(0, top)) {
    lines.push(`  ${share(bytes)}%  ${name.padEnd(34)}${kib(bytes)} KiB/req`);
  }
  lines.push('  allocating most (with the builtins they call):');
  for (const [name, bytes] of s.functions.slice(0, top)) {
    lines.push(`  ${share(bytes)}%  ${name}`);
  }
  return lines.join('\n');
}
