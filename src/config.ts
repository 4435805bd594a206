/**
 * Process configuration: one zod schema over the environment, read once at start-up.
 *
 * Empty variables count as unset (a `.env` line like `REDIS_URL=` means "no Redis"). A bad value stops the
 * process with a message naming the variable and exit code 1, never a stack trace. Secrets never leave this
 * module unmasked: `describeConfig()` is what gets logged.
 */
import { z } from 'zod';
import { parseServiceUrlAllowList } from './adapters/teams/service-url.js';

/** Environment variables holding secrets: masked by `describeConfig()`. */
export const SECRET_VARIABLES = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MicrosoftAppPassword',
];

const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
/** A comma-separated list of origins (`https://host[:port]`, loopback `http://`), each checked and normalised. */
const originAllowList = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((value, ctx) => {
      try {
        return parseServiceUrlAllowList(value).map((u) => u.href);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
);

/** `host:port,host:port` → [{host, port}] (Sentinel and Cluster seeds). */
const hostList = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((value, ctx) => {
      const nodes: Array<{ host: string; port: number }> = [];
      for (const item of value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(item);
        const port = match ? Number(match[2]) : NaN;
        if (!match || port < 1 || port > 65535) {
          ctx.addIssue({ code: 'custom', message: `"${item}" is not host:port` });
          return z.NEVER;
        }
        nodes.push({ host: match[1]!.replace(/^\[|\]$/g, ''), port });
      }
      return nodes;
    })
    .optional(),
);

const optionalPositiveInt = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());

export const EnvSchema = z.object({
  HOST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z.:-]+$/, 'must be an IP address or a host name')
      .optional(),
  ),
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  ),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .refine(
        isUsableRedisUrl,
        'is not a valid redis:// URL (host, port 1-65535, /db number, %-encoded password)',
      )
      .optional(),
  ),
  REDIS_SENTINELS: hostList,
  REDIS_SENTINEL_NAME: optionalText,
  REDIS_CLUSTER_NODES: hostList,
  STATE_TTL_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().positive().default(30)),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^xox[bp]-/, 'must be a bot token (xoxb-…)')
      .optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^xapp-/, 'must be an app-level token (xapp-…)')
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  // Many workspaces (OAuth): the app's credentials from its Basic Information page, and our state secret.
  SLACK_CLIENT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+\.\d+$/, 'must look like 1234567890.1234567890')
      .optional(),
  ),
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  SLACK_SCOPES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((v) =>
        v
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z_.]+:[a-z_.:]+$|^[a-z_]+$/, 'is not a scope list')).min(1))
      .optional(),
  ),
  SLACK_INSTALL_REDIRECT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SLACK_BOT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^B[A-Z0-9]+$/, 'must look like B0123ABCD')
      .optional(),
  ),
  SLACK_BOT_USER_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[UW][A-Z0-9]+$/, 'must look like U0123ABCD')
      .optional(),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  BotOpenIdMetadata: z.preprocess(blankToUndefined, z.url().optional()),
  BOT_SERVICE_URL_ALLOWLIST: originAllowList,
  PLAYGROUND: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(['on', 'off']).optional(),
  ),
  ESCALATION_SLACK_CHANNEL: optionalText,
  ESCALATION_TEAMS_CHANNEL: optionalText,
  ESCALATION_REMINDER_MINUTES: optionalPositiveInt,
  ESCALATION_MEMBERS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .optional(),
  ),
  /** Origins besides the platforms' own file hosts that attachments may be downloaded from (tests: loopback). */
  ATTACHMENT_HOST_ALLOWLIST: originAllowList,
  ATTACHMENT_MAX_MB: z.preprocess(blankToUndefined, z.coerce.number().positive().max(50).default(10)),
  OCR_WORKERS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(8).optional()),
});

type Env = z.infer<typeof EnvSchema>;

export interface SlackConfig {
  signingSecret?: string;
  /** One workspace; absent when `oauth` serves many. */
  botToken?: string;
  /** Socket Mode when set: no /slack/events route. */
  appToken?: string;
  mode: 'http' | 'socket';
  apiUrl?: string;
  botId?: string;
  botUserId?: string;
  /** Many workspaces: installed through GET /slack/install, each workspace's token read per event. */
  oauth?: SlackOAuthConfig;
}

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Bot scopes requested at install; absent: the manifest's. */
  scopes?: string[];
  /** The public URL of GET /slack/oauth_redirect, when the app lists several redirect URLs. */
  redirectUri?: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  openIdMetadata?: string;
  /** Anonymous mode only: service URLs besides loopback the bot may reply to (BOT_SERVICE_URL_ALLOWLIST). */
  serviceUrlAllowList: string[];
}

export interface RedisConfig {
  url?: string;
  sentinels?: Array<{ host: string; port: number }>;
  sentinelName?: string;
  clusterNodes?: Array<{ host: string; port: number }>;
}

export interface Config {
  /** HOST: the address to listen on; unset = loopback in anonymous Bot Framework mode, else every interface. */
  host?: string;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Undefined: in-memory state (single process, lost on restart). */
  redis?: RedisConfig;
  stateTtlDays: number;
  /** Undefined: Slack is off. */
  slack?: SlackConfig;
  teams: TeamsConfig;
  playground: boolean;
  escalation: {
    slackChannel?: string;
    teamsChannel?: string;
    reminderMinutes?: number;
    members: string[];
  };
  /** Attached files and screenshots (src/files). */
  files: FilesConfig;
}

export interface FilesConfig {
  /** ATTACHMENT_HOST_ALLOWLIST: origins besides Slack's and Teams' file hosts (only tests need one). */
  hostAllowList: string[];
  /** ATTACHMENT_MAX_MB in bytes: the largest screenshot read. */
  maxImageBytes: number;
  /** OCR_WORKERS: OCR worker threads (default: 1 on up to 2 cores, else 2). */
  ocrWorkers?: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    // Never echo the offending value: it may be a secret.
    throw new ConfigError(variable, issue.message.replace(/^Invalid (input|option): /, ''));
  }
  return toConfig(parsed.data);
}

function toConfig(e: Env): Config {
  const oauth = slackOAuthOf(e);
  const slackHttp = Boolean(e.SLACK_SIGNING_SECRET && (e.SLACK_BOT_TOKEN || oauth));
  const slackSocket = Boolean(e.SLACK_APP_TOKEN && e.SLACK_BOT_TOKEN);
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN is set (Socket Mode)');
  }
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN && !oauth) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      'is required when SLACK_SIGNING_SECRET is set (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for many workspaces)',
    );
  }
  if (e.SLACK_BOT_TOKEN && !slackHttp && !slackSocket) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN)',
    );
  }
  if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_NAME) {
    throw new ConfigError('REDIS_SENTINEL_NAME', 'is required when REDIS_SENTINELS is set');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId', 'is required when MicrosoftAppType is SingleTenant');
  }

  const slack: SlackConfig | undefined =
    slackHttp || slackSocket
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          ...(oauth ? { oauth } : {}),
          mode: slackSocket ? 'socket' : 'http',
          apiUrl: e.SLACK_API_URL,
          botId: e.SLACK_BOT_ID,
          botUserId: e.SLACK_BOT_USER_ID,
        }
      : undefined;
  const redis: RedisConfig | undefined =
    e.REDIS_URL || e.REDIS_SENTINELS || e.REDIS_CLUSTER_NODES
      ? {
          url: e.REDIS_URL,
          sentinels: e.REDIS_SENTINELS,
          sentinelName: e.REDIS_SENTINEL_NAME,
          clusterNodes: e.REDIS_CLUSTER_NODES,
        }
      : undefined;
  const hasPlatformCredentials = Boolean(slack || e.MicrosoftAppId);

  return {
    ...(e.HOST ? { host: e.HOST } : {}),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    redis,
    stateTtlDays: e.STATE_TTL_DAYS,
    slack,
    teams: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
      openIdMetadata: e.BotOpenIdMetadata,
      serviceUrlAllowList: e.BOT_SERVICE_URL_ALLOWLIST ?? [],
    },
    playground: e.PLAYGROUND ? e.PLAYGROUND === 'on' : !hasPlatformCredentials,
    escalation: {
      slackChannel: e.ESCALATION_SLACK_CHANNEL,
      teamsChannel: e.ESCALATION_TEAMS_CHANNEL,
      reminderMinutes: e.ESCALATION_REMINDER_MINUTES,
      members: e.ESCALATION_MEMBERS ?? [],
    },
    files: {
      hostAllowList: e.ATTACHMENT_HOST_ALLOWLIST ?? [],
      maxImageBytes: Math.round(e.ATTACHMENT_MAX_MB * 1024 * 1024),
      ...(e.OCR_WORKERS ? { ocrWorkers: e.OCR_WORKERS } : {}),
    },
  };
}

/** A loggable view of the configuration: secrets shown as set/unset, Redis passwords removed from URLs. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    host: config.host ?? '(default)',
    port: config.port,
    logLevel: config.logLevel,
    store: config.redis ? 'redis' : 'memory',
    redis: config.redis && {
      url: config.redis.url && maskUrlPassword(config.redis.url),
      sentinels: config.redis.sentinels?.map((n) => `${n.host}:${n.port}`),
      sentinelName: config.redis.sentinelName,
      clusterNodes: config.redis.clusterNodes?.map((n) => `${n.host}:${n.port}`),
    },
    stateTtlDays: config.stateTtlDays,
    slack: config.slack
      ? {
          mode: config.slack.mode,
          signingSecret: mask(config.slack.signingSecret),
          botToken: mask(config.slack.botToken),
          appToken: mask(config.slack.appToken),
          apiUrl: config.slack.apiUrl,
          botId: config.slack.botId,
          botUserId: config.slack.botUserId,
          workspaces: config.slack.oauth ? 'many (OAuth)' : 'one (SLACK_BOT_TOKEN)',
          ...(config.slack.oauth
            ? {
                oauth: {
                  clientId: config.slack.oauth.clientId,
                  clientSecret: mask(config.slack.oauth.clientSecret),
                  stateSecret: mask(config.slack.oauth.stateSecret),
                  scopes: config.slack.oauth.scopes ?? '(manifest)',
                  redirectUri: config.slack.oauth.redirectUri,
                },
              }
            : {}),
        }
      : 'off',
    teams: {
      appId: config.teams.appId ?? '(anonymous)',
      appPassword: mask(config.teams.appPassword),
      tenantId: config.teams.tenantId,
      appType: config.teams.appType,
      openIdMetadata: config.teams.openIdMetadata,
      serviceUrlAllowList: config.teams.serviceUrlAllowList,
    },
    playground: config.playground ? 'on' : 'off',
    escalation: {
      slackChannel: config.escalation.slackChannel,
      teamsChannel: config.escalation.teamsChannel,
      reminderMinutes: config.escalation.reminderMinutes,
      members: config.escalation.members.length,
    },
  };
}

/**
 * The many-workspaces settings: all three credentials or none; never beside a single bot token (Bolt takes one
 * or the other) and only on the HTTP endpoint, where the install and redirect routes live.
 */
function slackOAuthOf(e: Env): SlackOAuthConfig | undefined {
  const parts = {
    SLACK_CLIENT_ID: e.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: e.SLACK_STATE_SECRET,
  };
  const given = Object.entries(parts).filter(([, v]) => v !== undefined);
  if (given.length === 0) {
    for (const name of ['SLACK_SCOPES', 'SLACK_INSTALL_REDIRECT'] as const) {
      if (e[name] !== undefined)
        throw new ConfigError(name, 'only applies with SLACK_CLIENT_ID (many workspaces)');
    }
    return undefined;
  }
  const missing = Object.entries(parts).find(([, v]) => v === undefined);
  if (missing) throw new ConfigError(missing[0], `is required with ${given.map(([k]) => k).join(', ')}`);
  if (e.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      'set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (many workspaces), not both',
    );
  }
  if (e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'SLACK_APP_TOKEN',
      'Socket Mode is for one workspace; unset it with SLACK_CLIENT_ID',
    );
  }
  if (!e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is required with SLACK_CLIENT_ID (many workspaces)');
  }
  if (e.ESCALATION_SLACK_CHANNEL) {
    throw new ConfigError(
      'ESCALATION_SLACK_CHANNEL',
      'names a channel of one workspace; with SLACK_CLIENT_ID (many workspaces) leave it unset and handoffs open in the origin thread',
    );
  }
  return {
    clientId: e.SLACK_CLIENT_ID!,
    clientSecret: e.SLACK_CLIENT_SECRET!,
    stateSecret: e.SLACK_STATE_SECRET!,
    ...(e.SLACK_SCOPES ? { scopes: e.SLACK_SCOPES } : {}),
    ...(e.SLACK_INSTALL_REDIRECT ? { redirectUri: e.SLACK_INSTALL_REDIRECT } : {}),
  };
}

function mask(secret: string | undefined): string {
  return secret ? '***' : '(unset)';
}

function maskUrlPassword(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** What ioredis will accept: a parsable URL, a port in range, a numeric database, decodable credentials. */
function isUsableRedisUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return false;
  }
  if (!url.hostname) return false;
  const db = url.pathname.replace(/^\//, '');
  return db === '' || /^\d{1,5}$/.test(db);
}

function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export interface StartupIo {
  env?: NodeJS.ProcessEnv;
  stderr?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * Reads the configuration and runs `start` with it. A bad variable prints one line naming it and exits with
 * code 1; an operator fixing a typo needs the variable name, not a stack trace.
 */
export async function runWithConfig(
  start: (config: Config) => Promise<void>,
  io: StartupIo = {},
): Promise<void> {
  const stderr = io.stderr ?? ((line: string) => process.stderr.write(line + '\n'));
  const exit = io.exit ?? ((code: number) => process.exit(code));
  let config: Config;
  try {
    config = loadConfig(io.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr(JSON.stringify({ level: 'error', msg: error.message, variable: error.variable }));
    exit(1);
    return;
  }
  await start(config);
}
