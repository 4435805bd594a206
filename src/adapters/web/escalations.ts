/**
 * The escalation handoff as the playground plays it. The engine runs the handoff (the same EscalationService as
 * on Slack and Teams, with the web platform's escalation channel set to the page's side panel,
 * "#activation-escalations"); this executor only "sends" its effects into the HTTP response: each one rendered
 * like any reply and tagged with the surface it lands on, the chat thread or the panel.
 *
 * The page has no push channel, so reminders (sent by the server's timer, outside any request) are not shown.
 */
import { randomUUID } from 'node:crypto';
import type { EffectExecutor } from '../effects.js';
import { renderEffect, type RenderedEffect } from './present.js';

/** Appends every effect to `out`, in order. A post gets a fresh page id; a top-level one starts its own thread. */
export function webExecutor(out: RenderedEffect[], newId: () => string = randomUUID): EffectExecutor {
  return {
    platform: 'web',
    async post(effect) {
      const id = newId();
      out.push(renderEffect(effect, id));
      // As on Slack: a top-level post in the panel starts a thread named after the card.
      return { messageId: id, threadKey: effect.target.threadKey ?? id };
    },
    async update(effect) {
      out.push(renderEffect(effect, effect.messageId));
    },
    async ephemeral(effect) {
      out.push(renderEffect(effect, newId()));
    },
  };
}
