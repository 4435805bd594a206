/**
 * Running the escalation handoff's effects (`EngineResult.effects`, `engine.dueReminders()`): one loop shared by
 * every platform, one small executor per platform that knows how to post, update and say something privately.
 *
 * Effects run in order. One that fails is logged and the rest still go out: a handoff card that could not be
 * posted must not keep the origin thread from hearing that its case was handed over.
 */
import type { ConversationEngine } from '../conversations/engine.js';
import type { Posted } from '../conversations/escalations/service.js';
import type { Outbound } from '../conversations/escalations/types.js';
import type { Platform } from '../conversations/types.js';
import type { Logger } from '../observability/logger.js';

export type PostEffect = Extract<Outbound, { kind: 'post' }>;
export type UpdateEffect = Extract<Outbound, { kind: 'update' }>;
export type EphemeralEffect = Extract<Outbound, { kind: 'ephemeral' }>;

/** One platform's way of sending an effect. `post` returns what the engine should remember about the message. */
export interface EffectExecutor {
  readonly platform: Platform;
  post(effect: PostEffect): Promise<Posted | undefined>;
  update(effect: UpdateEffect): Promise<void>;
  ephemeral(effect: EphemeralEffect): Promise<void>;
}

export interface EffectRun {
  engine: Pick<ConversationEngine, 'rememberPosted'>;
  logger: Logger;
}

/** Sends effects in order; returns how many were sent. Never throws. */
export async function executeEffects(
  effects: readonly Outbound[] | undefined,
  executor: EffectExecutor,
  run: EffectRun,
): Promise<number> {
  let sent = 0;
  for (const effect of effects ?? []) {
    if (effect.target.platform !== executor.platform) {
      run.logger.warn('escalation effect for another platform dropped', {
        platform: effect.target.platform,
        executor: executor.platform,
      });
      continue;
    }
    try {
      if (effect.kind === 'post') {
        const posted = await executor.post(effect);
        if (posted && effect.rememberAs) await run.engine.rememberPosted(effect, posted);
      } else if (effect.kind === 'update') {
        await executor.update(effect);
      } else {
        await executor.ephemeral(effect);
      }
      sent++;
    } catch (error) {
      run.logger.error('escalation effect not sent', {
        err: error,
        kind: effect.kind,
        escalationId: effect.escalationId,
        channel: effect.target.channel,
      });
    }
  }
  return sent;
}

/** Effects grouped by the platform they go to, order kept within each platform. */
export function byPlatform(effects: readonly Outbound[]): Map<Platform, Outbound[]> {
  const groups = new Map<Platform, Outbound[]>();
  for (const e of effects) {
    const list = groups.get(e.target.platform) ?? [];
    list.push(e);
    groups.set(e.target.platform, list);
  }
  return groups;
}
