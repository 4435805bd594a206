/**
 * Plays each labelled case and scores the answer: single messages through `diagnose`, threads message by
 * message through the conversation engine with the in-memory store (the thread's answer is its last reply that
 * carries findings). A case is right when the top finding's
 * scenario is the expected one (or one of `also`); "in top 3", the escalation decision and the reply language
 * are scored beside it.
 */
import { ConversationEngine } from '../../src/conversations/engine.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import type { InboundMessage } from '../../src/conversations/types.js';
import { diagnose } from '../../src/knowledge/index.js';
import type { Case } from './cases.js';

/** What the bot answers when it finds nothing: the label the cases use for "nothing conclusive". */
export const NOTHING = 'nothing-about-activation';

export interface Answer {
  ids: string[];
  escalate: boolean;
  lang: string;
}

export interface Scored {
  case: Case;
  answer: Answer;
  top1: boolean;
  top3: boolean;
  escalate: boolean;
  lang: boolean;
}

async function playThread(c: Case, engine: ConversationEngine): Promise<Answer> {
  const threadKey = `eval-${c.id}`;
  let last: Answer = { ids: [NOTHING], escalate: false, lang: c.lang };
  for (const [i, text] of c.messages.entries()) {
    const msg: InboundMessage = {
      platform: 'slack',
      tenant: 'T-EVAL',
      channel: 'C-EVAL',
      threadKey,
      messageId: `${threadKey}-${i + 1}`,
      eventId: `Ev-${threadKey}-${i + 1}`,
      user: { id: 'U-EVAL' },
      text,
      addressed: 'mention',
      ...(i > 0 ? { botInThread: true } : {}),
    };
    const result = await engine.handle(msg);
    // A reply without findings (a question about a message that added nothing) leaves the thread's diagnosis.
    if (!result.reply || (result.reply.findings.length === 0 && i > 0)) continue;
    const findings = result.reply.findings;
    last = {
      ids: findings.length > 0 ? findings.map((f) => f.id) : [NOTHING],
      escalate: findings[0]?.escalate ?? false,
      lang: result.reply.lang,
    };
  }
  return last;
}

function answerOf(c: Case): Answer {
  const d = diagnose(c.messages[0]!);
  return {
    ids: d.findings.length > 0 ? d.findings.map((f) => f.id) : [NOTHING],
    escalate: d.findings[0]?.escalate ?? false,
    lang: d.lang,
  };
}

export async function scoreCases(cases: readonly Case[]): Promise<Scored[]> {
  const engine = new ConversationEngine({ store: new MemoryStore() });
  const out: Scored[] = [];
  for (const c of cases) {
    const answer = c.messages.length > 1 ? await playThread(c, engine) : answerOf(c);
    const right = new Set([c.expect.scenario, ...c.expect.also]);
    out.push({
      case: c,
      answer,
      top1: right.has(answer.ids[0]!),
      top3: answer.ids.slice(0, 3).some((id) => right.has(id)),
      escalate: answer.escalate === c.expect.escalate,
      lang: answer.lang === c.lang,
    });
  }
  return out;
}

export interface Tally {
  n: number;
  top1: number;
  top3: number;
  escalate: number;
  lang: number;
}

export function tally(scored: readonly Scored[]): Tally {
  const t: Tally = { n: scored.length, top1: 0, top3: 0, escalate: 0, lang: 0 };
  for (const s of scored) {
    t.top1 += Number(s.top1);
    t.top3 += Number(s.top3);
    t.escalate += Number(s.escalate);
    t.lang += Number(s.lang);
  }
  return t;
}

/** Shares (0–1, three decimals) of a tally: what score.json records and the test compares. */
export function shares(t: Tally): Omit<Tally, 'n'> & { n: number } {
  const r = (x: number) => (t.n === 0 ? 0 : Math.round((x / t.n) * 1000) / 1000);
  return { n: t.n, top1: r(t.top1), top3: r(t.top3), escalate: r(t.escalate), lang: r(t.lang) };
}

export interface Scoreboard {
  overall: ReturnType<typeof shares>;
  byLang: Record<string, ReturnType<typeof shares>>;
  byKind: Record<string, ReturnType<typeof shares>>;
}

export function scoreboard(scored: readonly Scored[]): Scoreboard {
  const group = (key: (s: Scored) => string) => {
    const groups = new Map<string, Scored[]>();
    for (const s of scored) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
    return Object.fromEntries([...groups.entries()].sort().map(([k, v]) => [k, shares(tally(v))]));
  };
  return {
    overall: shares(tally(scored)),
    byLang: group((s) => s.case.lang),
    byKind: group((s) => s.case.kind),
  };
}
