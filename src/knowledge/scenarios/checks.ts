/**
 * The test that separates the scenarios still open: when the best two are close (or the best is not certain),
 * each one's own check, unless the thread already holds its answer. Commands are filled like fix steps.
 */
import { fill } from '../rules/texts.js';
import type { Ask, Facts, Lang } from '../types.js';
import { scenarioById } from './index.js';
import { factParams } from './params.js';
import { CLOSE_MARGIN, type Ranked } from './rank.js';

export function separatingChecks(ranked: readonly Ranked[], facts: Facts, lang: Lang): Ask[] {
  const [first, second] = ranked;
  if (!first) return [];
  const open = second !== undefined && first.score - second.score < CLOSE_MARGIN;
  if (!open && first.ref.confidence === 'high') return [];
  const params = factParams(facts);
  const out: Ask[] = [];
  for (const r of open ? [first, second] : [first]) {
    const check = scenarioById(r.ref.id)?.check;
    if (!check) continue;
    if (check.answeredBy.some((key) => facts[key as keyof Facts] !== undefined)) continue;
    const command = fill(check.command, params, lang);
    if (!out.some((a) => a.command === command)) out.push({ command, why: check.why[lang] });
  }
  return out;
}
