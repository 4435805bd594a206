/** Shared bits of the conversation tests: fixtures, a message builder, a logger that remembers. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../src/observability/logger.js';
import type { InboundMessage } from '../../src/conversations/types.js';
import type {
  HandoffCardModel,
  OriginCardModel,
  Outbound,
} from '../../src/conversations/escalations/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixture(lang: 'en' | 'fr', name: string): string {
  const path = join(FIXTURES, lang, name);
  if (!existsSync(path)) throw new Error(`missing fixture ${lang}/${name}`);
  return readFileSync(path, 'utf8');
}

/** A MAK-shaped key that is not a published GVLK: it must never be stored or echoed. */
export const PASTED_MAK = 'QX7RT-M3KPD-9WVHY-2BC4J-8FG6N';

let seq = 0;

/** One Slack thread; `say` builds the next user message in it. */
export function slackThread(
  tenant: string,
  channel = 'C456',
  threadKey = `1700000000.${String(++seq).padStart(6, '0')}`,
) {
  let n = 0;
  const say = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => {
    n++;
    return {
      platform: 'slack',
      tenant,
      channel,
      threadKey,
      messageId: `${threadKey}-${n}`,
      eventId: `Ev${threadKey}-${n}`,
      user: { id: 'U0TECH' },
      text,
      addressed: 'mention',
      ...extra,
    };
  };
  return { tenant, channel, threadKey, say };
}

export interface RecordingLogger extends Logger {
  lines: Array<{ level: 'info' | 'warn' | 'error'; msg: string }>;
  count(level: 'info' | 'warn' | 'error', match: RegExp): number;
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const logger: RecordingLogger = {
    lines,
    level: 'info',
    debug: () => undefined,
    info: (msg) => void lines.push({ level: 'info', msg }),
    warn: (msg) => void lines.push({ level: 'warn', msg }),
    error: (msg) => void lines.push({ level: 'error', msg }),
    // A child writes into the same list: the tests count lines, not components.
    child: () => logger,
    count: (level, match) => lines.filter((l) => l.level === level && match.test(l.msg)).length,
  };
  return logger;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The handoff card an effect carries; fails the test when it carries a reply instead. */
export function handoffModelOf(effect: Outbound | undefined): HandoffCardModel {
  if (effect?.reply.kind !== 'handoff') throw new Error(`expected a handoff card, got ${effect?.reply.kind}`);
  return effect.reply;
}

/** The origin thread's status card an effect carries. */
export function originModelOf(effect: Outbound | undefined): OriginCardModel {
  if (effect?.reply.kind !== 'origin') throw new Error(`expected the status card, got ${effect?.reply.kind}`);
  return effect.reply;
}
