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
import type { TeamsConfig } from '../../config.js';
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
export function createTeamsAuthentication(
  config: TeamsConfig,
  credentialsFactory?: ServiceClientCredentialsFactory,
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
    const clients = this.clients;
    const allow = this.allowServiceUrl;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (allow && !allow(serviceUrl)) return Promise.reject(new ServiceUrlRefusedError());
        const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
        return remember(clients, key, () => inner.create(serviceUrl, audience));
      }
    })();
  }
}

/** No app id: no token is checked and replies go out unsigned (Agents Playground, local tests only). */
export function isAnonymous(config: TeamsConfig): boolean {
  return !config.appId;
}

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
