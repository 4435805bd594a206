/**
 * The test that separates the scenarios still open: the best one's own check, and the runner-up's when the two
 * are close, unless the thread already holds its answer. Commands are filled like fix steps.
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
  // The best scenario's own test always leads (it confirms it, and keeps generic KMS questions behind it);
  // the runner-up's only while the two are close.
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
