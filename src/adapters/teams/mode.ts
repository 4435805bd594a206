/** How Teams runs, decided from the configuration alone (no botbuilder import, so start-up can ask cheaply). */
import type { TeamsConfig } from '../../config.js';

/** No app id: unsigned Bot Framework traffic, for local tools only. */
export function isAnonymous(config: TeamsConfig): boolean {
  return !config.appId;
}
