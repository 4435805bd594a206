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
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { TeamsConfig } from '../../config.js';

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
  return new ConfigurationBotFrameworkAuthentication(authenticationOptions(config), credentialsFactory);
}

/** No app id: no token is checked and replies go out unsigned (Agents Playground, local tests only). */
export function isAnonymous(config: TeamsConfig): boolean {
  return !config.appId;
}
