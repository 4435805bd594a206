/**
 * Bot Framework authentication from our validated configuration.
 *
 * `BotOpenIdMetadata` is honoured by `ConfigurationBotFrameworkAuthentication` (it becomes
 * `ToBotFromChannelOpenIdMetadataUrl`), but with a catch found in botframework-connector 4.23
 * (`BotFrameworkAuthenticationFactory.create`): as soon as any endpoint setting is given, the factory stops filling
 * in the public-cloud defaults and takes *every* endpoint as given — the token issuer, login URL, OAuth scope and
 * caller id would all be undefined, and every token would be refused for its issuer. So the whole public-cloud
 * set is always passed explicitly here, with only the OpenID metadata URL replaced when configured.
 */
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Pipeline } from '@azure/core-rest-pipeline';
import type { TeamsConfig } from '../../config.js';
import { isAnonymous } from './mode.js';
import { parseServiceUrlAllowList, ServiceUrlRefusedError, serviceUrlPolicy } from './service-url.js';

export function authenticationOptions(config: TeamsConfig): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      config.openIdMetadata ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * The authentication CloudAdapter runs every request through. `credentialsFactory` replaces how outbound tokens
 * are obtained (tests point it at a loopback token endpoint); inbound validation is unchanged by it, apart from
 * the app-id check it delegates to the factory.
 */
/** Longest one connector call (send, update, create) may take; a silent service URL must not hold a turn. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

export function createTeamsAuthentication(
  config: TeamsConfig,
  credentialsFactory?: ServiceClientCredentialsFactory,
  connectorTimeoutMs = CONNECTOR_TIMEOUT_MS,
): ConfigurationBotFrameworkAuthentication {
  // Anonymous mode: every connector the bot builds (turn replies, proactive posts from stored references) is
  // checked against the loopback / allow-list policy before any connection is made.
  const allowServiceUrl = isAnonymous(config)
    ? serviceUrlPolicy(parseServiceUrlAllowList(config.serviceUrlAllowList.join(',')))
    : undefined;
  return new CachedConnectorsAuthentication(
    authenticationOptions(config),
    credentialsFactory,
    allowServiceUrl,
    connectorTimeoutMs,
  );
}

/** Distinct (app id, service URL, audience) clients kept; the public cloud has a handful of service URLs. */
const MAX_CONNECTORS = 100;

/**
 * The configuration authentication, with one ConnectorClient kept per app id, service URL and audience instead of
 * a new one per request: building a client (its HTTP pipeline, policies, credentials) costs more CPU than the
 * reply it sends. Clients hold no per-turn state; their credentials cache the outbound token.
 */
class CachedConnectorsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    credentialsFactory: ServiceClientCredentialsFactory | undefined,
    private readonly allowServiceUrl?: (serviceUrl: unknown) => boolean,
    private readonly timeoutMs = CONNECTOR_TIMEOUT_MS,
  ) {
    super(options, credentialsFactory);
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.cached(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cached(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  /** Built for every turn by CloudAdapter (sign-in flows); one per app id does. */
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
    return remember(this.userTokenClients, appId, () => super.createUserTokenClient(claimsIdentity));
  }

  private cached(inner: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
    return new CachedConnectorFactory(inner, appId, this.clients, this.timeoutMs, this.allowServiceUrl);
  }
}

/**
 * The connector factory a turn gets: the shared client for its app id, service URL and audience. One class for
 * every turn, not a class expression per request (a new constructor, prototype and hidden class each time).
 */
class CachedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
    private readonly timeoutMs: number,
    private readonly allow?: (serviceUrl: unknown) => boolean,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (this.allow && !this.allow(serviceUrl)) return Promise.reject(new ServiceUrlRefusedError());
    const key = `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
    return remember(this.clients, key, () =>
      this.inner.create(serviceUrl, audience).then((client) => withTimeout(client, this.timeoutMs)),
    );
  }
}

/**
 * Gives every request of the client a timeout (the connector's HTTP pipeline has none by default: a service URL
 * that accepts the connection and never answers held a turn 30 s and more). The request is aborted, not just
 * abandoned, and the pipeline's retry policy does not retry an aborted request.
 */
function withTimeout(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  // The connector client keeps its @azure/core-client ServiceClient (and its pipeline) in `client`.
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  pipeline?.addPolicy({
    name: 'activationDoctorConnectorTimeout',
    sendRequest: (request, next) => {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  });
  return client;
}

/** No app id: no token is checked and replies go out unsigned (Agents Playground, local tests only). */
export { isAnonymous };

/** The promise made once per key; a failed one (credentials) is dropped so the next call tries again. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const made = make();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  if (cache.size > MAX_CONNECTORS) cache.delete(cache.keys().next().value!);
  return made;
}
