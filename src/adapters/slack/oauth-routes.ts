/**
 * Installing the Slack app in many workspaces: @slack/oauth's InstallProvider (the installer Bolt itself uses)
 * served by our restify server.
 *
 *   GET /slack/install         sets a short-lived state cookie and redirects to Slack's authorize page with the
 *                              same state (signed with SLACK_STATE_SECRET, valid 10 minutes)
 *   GET /slack/oauth_redirect  Slack sends the installer back here with `code` and `state`: the state must match
 *                              the cookie and its signature, then `oauth.v2.access` turns the code into the
 *                              workspace's bot token, `auth.test` names the bot, and the installation is stored
 *
 * The authorize page is on the same host as the Web API (slack.com/api/ → slack.com/oauth/v2/authorize), so a
 * SLACK_API_URL pointing elsewhere (a test fake) moves both.
 */
import {
  defaultCallbackFailure,
  defaultCallbackSuccess,
  InstallProvider,
  type CallbackOptions,
  type InstallationStore,
} from '@slack/oauth';
import type { webApi } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import type { Request, Response, Server } from 'restify';
import type { SlackOAuthConfig } from '../../config.js';
import { toSlackLogger, type Logger } from '../../observability/logger.js';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes manifest/slack/manifest.yml asks for (a test keeps the two equal). */
export const MANIFEST_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'im:history',
  'im:read',
  'im:write',
  'mpim:history',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'files:read',
];

const SLACK_API_URL = 'https://slack.com/api/';

/** Slack's authorize page for a Web API base URL: `https://slack.com/api/` → `https://slack.com/oauth/v2/authorize`. */
export function authorizeUrlFor(apiUrl: string = SLACK_API_URL): string {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return new URL('../oauth/v2/authorize', base).toString();
}

export interface InstallerOptions {
  oauth: SlackOAuthConfig;
  installationStore: InstallationStore;
  apiUrl?: string;
  /** The Web API client settings of the rest of the adapter (HTTP client, retries). */
  clientOptions: Omit<webApi.WebClientOptions, 'logger' | 'logLevel' | 'slackApiUrl'>;
  logger: Logger;
}

export function createInstaller(options: InstallerOptions): InstallProvider {
  const logger = withoutDebug(toSlackLogger(options.logger));
  return new InstallProvider({
    clientId: options.oauth.clientId,
    clientSecret: options.oauth.clientSecret,
    stateSecret: options.oauth.stateSecret,
    installationStore: options.installationStore,
    installUrlOptions: {
      scopes: options.oauth.scopes ?? MANIFEST_BOT_SCOPES,
      ...(options.oauth.redirectUri ? { redirectUri: options.oauth.redirectUri } : {}),
    },
    // Straight to Slack's consent page: the bot has no landing page of its own.
    directInstall: true,
    authorizationUrl: authorizeUrlFor(options.apiUrl),
    // Also the logger of its Web API client.
    logger,
    clientOptions: {
      ...options.clientOptions,
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    },
  });
}

export interface OAuthRouteEvents {
  installed?: (teamOrEnterpriseId: string) => void;
  failed?: (code: string) => void;
}

export function mountOAuthRoutes(
  server: Server,
  installer: InstallProvider,
  logger: Logger,
  events: OAuthRouteEvents = {},
): void {
  const callbackOptions: CallbackOptions = {
    success: (installation, installOptions, req, res) => {
      const id = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
      // Ids and names only: the installation holds the workspace's tokens.
      logger.info('slack app installed', {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        orgWide: Boolean(installation.isEnterpriseInstall),
        scopes: installation.bot?.scopes?.length ?? 0,
      });
      if (id) events.installed?.(id);
      defaultCallbackSuccess(installation, installOptions, req, res);
    },
    failure: (error, installOptions, req, res) => {
      logger.warn('slack installation failed', { code: error.code, reason: error.message });
      events.failed?.(error.code);
      defaultCallbackFailure(error, installOptions, req, res);
    },
  };

  // Async handlers with two parameters (restify 11): the installer writes the whole response itself.
  server.get(SLACK_INSTALL_PATH, async (req: Request, res: Response) => {
    try {
      await installer.handleInstallPath(req, res);
    } catch (error) {
      logger.error('slack install link failed', { err: error });
      if (!res.headersSent) res.send(500);
    }
  });
  server.get(SLACK_OAUTH_REDIRECT_PATH, async (req: Request, res: Response) => {
    await installer.handleCallback(req, res, callbackOptions);
  });
}

/**
 * The installer's logger, debug lines dropped: the Web API client logs each request body at debug level, and the
 * body of `oauth.v2.access` holds the client secret and the one-time code (its own redaction only knows tokens).
 */
function withoutDebug(logger: SlackLogger): SlackLogger {
  return {
    ...logger,
    debug: () => undefined,
    setName: (name: string) => logger.setName(name),
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
  };
}
