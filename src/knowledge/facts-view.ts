/**
 * Facts objects come in as many shapes as there are mixes of facts (each parser adds the ones it found, in its
 * own order): dozens of hidden classes, so every `facts.x` the rules and the evidence chooser read is a
 * megamorphic look-up that a busy process keeps missing in V8's cache. The view below has every fact key, in one
 * order, `undefined` when absent: one shape, so those reads stay cheap. It is only read, never returned.
 */
import { FactsSchema, type Facts } from './types.js';

const TEMPLATE: Facts = Object.fromEntries(Object.keys(FactsSchema.shape).map((key) => [key, undefined]));

export function factsView(facts: Facts): Facts {
  // Spreading a fixed template copies its shape; the own keys of `facts` are then stores into existing slots.
  const view: Record<string, unknown> = { ...TEMPLATE };
  const src = facts as Record<string, unknown>;
  for (const key in src) view[key] = src[key];
  return view as Facts;
}
