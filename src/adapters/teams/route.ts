/**
 * The botbuilder side of `POST /api/messages`: one CloudAdapter, the bot, and the request handler. It lives apart
 * from mount.ts so that botbuilder (a large part of start-up) loads only when Teams is used: at start-up with
 * credentials, on the first request without them (mount.ts).
 *
 * The route calls `CloudAdapter.processActivity` itself rather than `CloudAdapter.process`, for one reason:
 * `process` answers 500 with the library's error text when a token is forged (jsonwebtoken's errors are not
 * `AuthenticationError`s). Here every token failure is a bare 401 and nothing about the failure is echoed.
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Logger } from '../../observability/logger.js';
import type { EffectExecutor } from '../effects.js';
import type { AdapterDeps } from '../http/deps.js';
import { createTeamsAuthentication, isAnonymous } from './auth.js';
import { ActivationDoctorTeamsBot } from './bot.js';
import { conversationRefsFor, RememberOnce } from './conversation-refs.js';
import { teamsExecutor, type TeamsEffectsOptions } from './effects.js';
import type { TeamsMountOptions } from './mount.js';
import { parseServiceUrlAllowList, serviceUrlPolicy } from './service-url.js';

/** Names of jsonwebtoken's errors: a token that is malformed, badly signed, expired or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

export interface TeamsRoute {
  handle(req: Request, res: Response): Promise<void>;
  /** Resolves once no activity is being processed. */
  idle(): Promise<void>;
  /** Refuses new activities (503) and waits for those under way. */
  stop(): Promise<void>;
  /** Proactive posts (escalation reminders) through the stored references. */
  effects: EffectExecutor;
}

export function createTeamsRoute(deps: AdapterDeps, options: TeamsMountOptions, logger: Logger): TeamsRoute {
  const config = deps.config.teams;
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

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    handle,
    idle,
    stop: async () => {
      stopping = true;
      await idle();
    },
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
