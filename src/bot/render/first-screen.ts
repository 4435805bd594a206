/**
 * Cards for people in a hurry. The first screen of a long answer holds the cause, the one thing to do now (the
 * first fix step with its command, or the first evidence to paste when there is no fix yet) and the buttons;
 * the rest (later steps, codes, evidence, what changed, next evidence, other causes, what to have ready) goes
 * behind "Details": an `Action.ShowCard` in Teams, a section under the buttons in Slack.
 *
 * Each renderer draws the lead with its own primitives and the details with the same code that draws a whole
 * answer, from the `ShapedReply` returned here (so shortening to fit a message applies to both alike).
 */
import type { ReplyModel } from '../../conversations/types.js';
import type { Question, ShapedReply, Step } from './shape.js';

/** Answers that run long enough to fold. The "all findings" view is itself the details someone asked for. */
const FOLDED_KINDS: ReadonlySet<ReplyModel['kind']> = new Set(['diagnosis', 'explanation', 'escalation']);

export interface Lead {
  /** The first fix step, and how many steps the fix has in all (shown as "1 of n"). */
  step?: { step: Step; total: number };
  /** When there is no fix: the first evidence to collect. */
  question?: Question;
}

export interface FirstScreen {
  lead: Lead;
  /** The rest of the answer, with nothing of the first screen in it (no title, summary, cause or lead). */
  details: ShapedReply;
  /** Whether the details hold anything (no "Details" button otherwise). */
  hasDetails: boolean;
}

/** Splits a shaped reply into its first screen and its details; undefined for answers shown whole. */
export function firstScreen(s: ShapedReply): FirstScreen | undefined {
  if (!FOLDED_KINDS.has(s.kind)) return undefined;
  const [firstStep, ...laterSteps] = s.fix.items;
  const total = s.fix.items.length + s.fix.omitted;
  const lead: Lead = {};
  let questions = s.questions;
  if (firstStep) lead.step = { step: firstStep, total };
  else if (total === 0 && s.questions.items.length > 0) {
    lead.question = s.questions.items[0]!;
    questions = { items: s.questions.items.slice(1), omitted: s.questions.omitted };
  }
  const details: ShapedReply = {
    ...s,
    title: '',
    summary: '',
    cause: undefined,
    fix: { items: laterSteps, omitted: s.fix.omitted },
    questions,
    warnings: { items: [], omitted: 0 },
  };
  const any = <T>(c: { items: T[]; omitted: number }) => c.items.length + c.omitted > 0;
  const hasDetails =
    any(details.fix) ||
    any(details.codes) ||
    any(details.evidence) ||
    any(details.changes) ||
    any(details.questions) ||
    any(details.findings) ||
    (details.escalation !== undefined && any(details.escalation.bring));
  return { lead, details, hasDetails };
}
