/**
 * Teams on our server: `POST /api/messages` through botbuilder's CloudAdapter (route.ts), with restify's body
 * parser on this route only (/slack/events needs its raw bytes).
 *
 * botbuilder is about a third of the server's start-up. With credentials Teams is the product and it loads at
 * start-up; without them the route exists only for local tools next to the playground, so botbuilder loads on
 * the route's first request (or the first Teams reminder) instead.
 */
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { EffectExecutor } from '../effects.js';
import type { AdapterDeps, MountedAdapter } from '../http/deps.js';
import { routeJsonBody } from '../http/json-body.js';
import type { ConversationRefs } from './conversation-refs.js';
import type { TeamsEscalationChannel } from './escalation-channel.js';
import { isAnonymous } from './mode.js';
import type { RetryOptions } from './retry.js';
import type { TeamsRoute } from './route.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsMountOptions {
  /** Outbound token source; tests use a loopback token endpoint. Default: from the app id and password. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Where conversation references go; default: the thread store's Redis when it has one, else memory. */
  conversationRefs?: ConversationRefs;
  retry?: RetryOptions;
  /** Per connector call (default CONNECTOR_TIMEOUT_MS); tests shorten it. */
  connectorTimeoutMs?: number;
  /** ESCALATION_TEAMS_CHANNEL's address and team membership (the server builds it with the escalation config). */
  escalationChannel?: TeamsEscalationChannel;
}

export async function mountTeams(
  server: Server,
  deps: AdapterDeps,
  options: TeamsMountOptions = {},
): Promise<MountedAdapter | undefined> {
  const config = deps.config.teams;
  const logger = deps.logger.child({ component: 'teams' });
  if (isAnonymous(config)) {
    if (!deps.config.playground) {
      // Without credentials anyone could make the bot post to any serviceUrl: off unless asked for.
      logger.info('teams adapter off: set MicrosoftAppId (or PLAYGROUND=on for local tools)');
      return undefined;
    }
    logger.warn(
      'TEAMS AUTHENTICATION IS DISABLED: MicrosoftAppId is not set, so /api/messages accepts unsigned requests. ' +
        'Replies only go to loopback service URLs and BOT_SERVICE_URL_ALLOWLIST. Use this only with local tools.',
      { serviceUrlAllowList: config.serviceUrlAllowList },
    );
  }
  let route: Promise<TeamsRoute> | undefined;
  const loadRoute = () =>
    (route ??= import('./route.js').then((m) => m.createTeamsRoute(deps, options, logger)));
  if (!isAnonymous(config)) await loadRoute();
  let stopping = false;

  server.post(TEAMS_MESSAGES_PATH, ...routeJsonBody(), async (req: Request, res: Response) => {
    if (stopping && !route) {
      res.send(503);
      return;
    }
    let loaded: TeamsRoute;
    try {
      loaded = await loadRoute();
    } catch (error) {
      route = undefined; // the next request tries again
      deps.metrics.recordOutcome('teams', 'error');
      logger.error('teams adapter could not be loaded', { err: error });
      res.send(500);
      return;
    }
    await loaded.handle(req, res);
  });
  logger.info('teams adapter ready', {
    path: TEAMS_MESSAGES_PATH,
    auth: isAnonymous(config) ? 'anonymous' : 'bot-framework-jwt',
    openIdMetadata: config.openIdMetadata ?? 'default',
  });

  const idle = async () => {
    if (route) await (await route).idle();
  };
  // Reminders load the route too: an escalation from an earlier run may be due before any Teams request.
  const executor = async () => (await loadRoute()).effects;
  const effects: EffectExecutor = {
    platform: 'teams',
    post: async (effect) => (await executor()).post(effect),
    update: async (effect) => (await executor()).update(effect),
    ephemeral: async (effect) => (await executor()).ephemeral(effect),
  };
  return {
    name: 'teams',
    idle,
    stop: async () => {
      stopping = true;
      if (route) await (await route).stop();
    },
    effects,
  };
}
