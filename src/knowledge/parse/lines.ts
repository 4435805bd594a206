/**
 * One record per line of a paste, shared by the segmenter and every reader: the trimmed text, its matching form
 * (`normalizeLabel`), its `label: value` split and the fact that label stands for. Each is worked out at most
 * once per line, on first use, so a line the segmenter classified is not folded and looked up again by the
 * reader that reads its output.
 */
import {
  EVENT_MESSAGES,
  includesAny,
  labelKey,
  MESSAGES,
  substringTable,
  type LabelKey,
  type MessageKey,
} from './labels.js';
import { foldLines } from '../fold.js';
import { splitLabel, type LabelledLine } from './values.js';

const MSG = substringTable(MESSAGES);
const EVENT_MSG = substringTable(EVENT_MESSAGES);

export type EventMessageKey = (typeof EVENT_MESSAGES)[number][0];

export class Line {
  /** The line as written (no `\n`). */
  readonly raw: string;
  readonly trimmed: string;
  /** `normalizeLabel` of the line (the same for the raw and the trimmed text), from the fold of the whole text. */
  readonly norm: string;
  /** `null` once worked out and absent. */
  private lvCache: LabelledLine | null | undefined = undefined;
  private keyCache: LabelKey | null | undefined = undefined;
  private msgCache: MessageKey | null | undefined = undefined;
  private eventMsgCache: EventMessageKey | null | undefined = undefined;

  constructor(raw: string, norm: string) {
    this.raw = raw;
    this.trimmed = raw.trim();
    this.norm = norm;
  }

  /** `splitLabel` of the trimmed line. */
  get lv(): LabelledLine | undefined {
    if (this.lvCache === undefined) this.lvCache = splitLabel(this.trimmed) ?? null;
    return this.lvCache ?? undefined;
  }

  /** The fact the label of `lv` stands for. */
  get key(): LabelKey | undefined {
    if (this.keyCache === undefined) {
      const lv = this.lv;
      this.keyCache = (lv ? labelKey(lv.label) : undefined) ?? null;
    }
    return this.keyCache ?? undefined;
  }

  /** The first MESSAGES row the line holds (`includesAny` over `norm`). */
  get msg(): MessageKey | undefined {
    if (this.msgCache === undefined) this.msgCache = includesAny(this.norm, MSG) ?? null;
    return this.msgCache ?? undefined;
  }

  /** The first EVENT_MESSAGES row the line holds (`includesAny` over `norm`). */
  get eventMsg(): EventMessageKey | undefined {
    if (this.eventMsgCache === undefined) this.eventMsgCache = includesAny(this.norm, EVENT_MSG) ?? null;
    return this.eventMsgCache ?? undefined;
  }
}

/** The lines of a text (split on `\n`, as the readers always did), folded in one pass over the whole text. */
export function toLines(text: string): Line[] {
  const norms = foldLines(text);
  return text.split('\n').map((l, i) => new Line(l, norms[i]!));
}
