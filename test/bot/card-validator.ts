/**
 * Validates Adaptive Card JSON with the official `adaptivecards` SDK (3.0.6) the way a host would: parse at
 * target version 1.5 collecting every parse event, then `validateProperties()`. Also serializes the parsed card
 * back: a property the SDK does not know for its element is dropped there, which this reports too.
 *
 * The package's `lib/` build is extension-less ESM that Node cannot load, so the UMD bundle is required instead;
 * parsing and validation need no DOM (only `render()` does).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as AC from 'adaptivecards';

const require = createRequire(import.meta.url);
const sdk = require('adaptivecards/dist/adaptivecards.js') as typeof AC;
/** Teams' host config (the one the playground renders with): limits such as `maxActions` are the host's. */
const teamsHostConfig = new sdk.HostConfig(
  JSON.parse(
    readFileSync(new URL('../../src/adapters/web/static/teams-host-config.json', import.meta.url), 'utf8'),
  ) as object,
);

export interface CardCheck {
  errors: string[];
  /** The card as the SDK understood it. */
  parsed: unknown;
}

export function checkCard(json: unknown): CardCheck {
  const card = new sdk.AdaptiveCard();
  card.hostConfig = teamsHostConfig;
  const context = new sdk.SerializationContext(sdk.Versions.v1_5);
  card.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`parse: ${sdk.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    errors.push(`validate: ${sdk.ValidationEvent[e.event]}: ${e.message}`);
  }
  const parsed = card.toJSON(new sdk.SerializationContext(sdk.Versions.v1_5));
  // Host-specific extensions the SDK does not model.
  const hostExtensions = new Set(['msteams']);
  for (const path of droppedKeys(json, parsed, '', hostExtensions)) errors.push(`unknown property: ${path}`);
  return { errors, parsed };
}

/** Keys present in `original` but not in what the SDK serialized back: properties it does not know. */
function droppedKeys(original: unknown, parsed: unknown, path: string, ignore: Set<string>): string[] {
  if (Array.isArray(original)) {
    const back = Array.isArray(parsed) ? parsed : [];
    return original.flatMap((item, i) => droppedKeys(item, back[i], `${path}[${i}]`, ignore));
  }
  if (original === null || typeof original !== 'object') return [];
  // Action data is free-form: the SDK keeps it as is.
  if (path.endsWith('.data')) return [];
  const back = (parsed ?? {}) as Record<string, unknown>;
  return Object.entries(original as Record<string, unknown>).flatMap(([key, value]) => {
    if (ignore.has(key)) return [];
    if (!(key in back)) return [`${path}.${key}`];
    return droppedKeys(value, back[key], `${path}.${key}`, ignore);
  });
}
