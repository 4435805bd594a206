/**
 * Teams on our server: `POST /api/messages` through botbuilder's CloudAdapter, with restify's body parser on
 * this route only (/slack/events needs its raw bytes).
 *
 * The route calls `CloudAdapter.processActivity` itself rather than `CloudAdapter.process`, for one reason:
 * `process` answers 500 with the library's error text when a token is forged (jsonwebtoken's errors are not
 * `AuthenticationError`s). Here every token failure is a bare 401 and nothing about the failure is echoed.
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { AdapterDeps, MountedAdapter } from '../http/deps.js';
import { routeJsonBody } from '../http/json-body.js';
import { createTeamsAuthentication, isAnonymous } from './auth.js';
import { ActivationDoctorTeamsBot } from './bot.js';
import { conversationRefsFor, RememberOnce, type ConversationRefs } from './conversation-refs.js';
import { teamsExecutor, type TeamsEffectsOptions } from './effects.js';
import type { TeamsEscalationChannel } from './escalation-channel.js';
import type { RetryOptions } from './retry.js';
import { parseServiceUrlAllowList, serviceUrlPolicy } from './service-url.js';

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

/** Names of jsonwebtoken's errors: a token that is malformed, badly signed, expired or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

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
  // Without a token nobody vouches for serviceUrl: refuse the activity before any work (see service-url.ts).
  const serviceUrlAllowed = isAnonymous(config)
    ? serviceUrlPolicy(parseServiceUrlAllowList(config.serviceUrlAllowList.join(',')))
    : () => true;

  const adapter = new TeamsCloudAdapter(
    createTeamsAuthentication(config, options.credentialsFactory, options.connectorTimeoutMs),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    deps.metrics.recordOutcome('teams', 'error');
    logger.error('teams turn failed', { err: error, type: context.activity.type });
  };
  const refStore =
    options.conversationRefs ?? conversationRefsFor(deps.store, deps.config.stateTtlDays * 24 * 3600);
  const refs = new RememberOnce(refStore);
  const effects: TeamsEffectsOptions = {
    adapter,
    appId: config.appId ?? '',
    refs: refStore,
    ...(options.escalationChannel ? { escalationChannel: options.escalationChannel } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  };
  const bot = new ActivationDoctorTeamsBot({
    engine: deps.engine,
    metrics: deps.metrics,
    logger,
    refs,
    effects,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(deps.files ? { files: { reader: deps.files, hostAllowList: deps.config.files.hostAllowList } } : {}),
  });

  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;

  const handle = async (req: Request, res: Response): Promise<void> => {
    if (stopping) {
      res.send(503);
      return;
    }
    const body: unknown = req.body;
    if (
      body === null ||
      typeof body !== 'object' ||
      Array.isArray(body) ||
      typeof (body as Activity).type !== 'string'
    ) {
      res.send(400, { error: 'expected a Bot Framework activity' });
      return;
    }
    if (!serviceUrlAllowed((body as Activity).serviceUrl)) {
      deps.metrics.recordOutcome('teams', 'rejected');
      logger.warn('teams activity refused: serviceUrl not on loopback nor in BOT_SERVICE_URL_ALLOWLIST');
      res.send(403, { error: 'serviceUrl not allowed in anonymous mode' });
      return;
    }
    const activity = withDates(body as Activity);
    const authHeader = req.header('authorization') ?? '';
    const work = adapter.processRequest(authHeader, activity, (context) => bot.run(context));
    inFlight.add(work);
    try {
      const invoke = await work;
      if (invoke?.body !== undefined) res.send(invoke.status, invoke.body);
      else res.send(invoke?.status ?? 200);
    } catch (error) {
      const status = failureStatus(error);
      if (status === 401 || status === 403) {
        deps.metrics.recordOutcome('teams', 'rejected');
        logger.warn('teams request rejected', {
          status,
          reason: errorName(error),
          channelId: activity.channelId,
        });
      } else {
        deps.metrics.recordOutcome('teams', 'error');
        logger.error('teams request failed', { err: error, status });
      }
      res.send(status);
    } finally {
      inFlight.delete(work);
    }
  };

  server.post(TEAMS_MESSAGES_PATH, ...routeJsonBody(), handle);
  logger.info('teams adapter ready', {
    path: TEAMS_MESSAGES_PATH,
    auth: isAnonymous(config) ? 'anonymous' : 'bot-framework-jwt',
    openIdMetadata: config.openIdMetadata ?? 'default',
  });

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    name: 'teams',
    idle,
    stop: async () => {
      stopping = true;
      await idle();
    },
    // Reminders: proactive posts through the stored references.
    effects: teamsExecutor(effects),
  };
}

/** CloudAdapter with its per-activity entry point public, so the route decides how failures are answered. */
export class TeamsCloudAdapter extends CloudAdapter {
  processRequest(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** ISO timestamps → Date, as botbuilder's own request parsing does (`validateAndFixActivity`). */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      const rawField = `raw${field[0]!.toUpperCase()}${field.slice(1)}`;
      raw[rawField] = value;
      (raw as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return activity;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * 401 for every token problem (missing, malformed, forged, expired, wrong audience or issuer, serviceUrl claim
 * mismatch, channel not endorsed); 503 when the signing keys cannot be fetched (the caller may retry); 500 else.
 */
function failureStatus(error: unknown): number {
  if (error instanceof Error && TOKEN_ERRORS.has(error.name)) return 401;
  const code = (error as { statusCode?: unknown } | null)?.statusCode;
  if (error instanceof AuthenticationError) {
    return code === 401 || code === 403 ? code : 503;
  }
  if (typeof code === 'number' && (code === 401 || code === 403)) return code;
  return 500;
}
