/**
 * The two Microsoft identity endpoints a Bot Framework bot talks to, on loopback:
 *   - inbound: the channel's OpenID metadata (`/.well-known/openid-configuration` → `jwks_uri`) holding our own RSA
 *     public key with its channel endorsements, so tokens we sign with node:crypto (RS256) are what the connector
 *     would have sent;
 *   - outbound: a client-credentials token endpoint, used through `LoopbackCredentialsFactory` so replies carry a
 *     bearer token without reaching Azure AD.
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MicrosoftAppCredentials, PasswordServiceClientCredentialFactory } from 'botframework-connector';
import type { ServiceClientCredentials } from 'botframework-connector';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(kid = `test-key-${randomUUID().slice(0, 8)}`): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A compact JWS, RS256, with `kid` in the header. */
export function signJwt(
  claims: Record<string, unknown>,
  key: Pick<SigningKey, 'kid' | 'privateKey'>,
): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

export interface ChannelTokenClaims {
  appId: string;
  serviceUrl: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  /** Seconds from now the token becomes valid. Default -60. */
  notBefore?: number;
  issuer?: string;
  audience?: string;
}

/** Claims as the Bot Framework channel service sends them (issuer, audience = app id, serviceurl). */
export function channelTokenClaims(c: ChannelTokenClaims): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: c.issuer ?? BOT_FRAMEWORK_ISSUER,
    aud: c.audience ?? c.appId,
    serviceurl: c.serviceUrl,
    nbf: now + (c.notBefore ?? -60),
    iat: now - 60,
    exp: now + (c.expiresIn ?? 3600),
  };
}

export interface TokenRequest {
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface FakeOpenId {
  url: string;
  /** What to set BotOpenIdMetadata to. */
  metadataUrl: string;
  tokenUrl: string;
  key: SigningKey;
  /** Channels the published key may sign for. */
  endorsements: string[];
  tokenRequests: TokenRequest[];
  /** The access token the token endpoint hands out (connector calls must carry it). */
  accessToken: string;
  /** A correctly signed channel token. */
  channelToken(c: ChannelTokenClaims): string;
  close(): Promise<void>;
}

export async function startFakeOpenId(options: { endorsements?: string[] } = {}): Promise<FakeOpenId> {
  const key = newSigningKey();
  const endorsements = options.endorsements ?? ['msteams'];
  const jwk = {
    ...(key.publicKey.export({ format: 'jwk' }) as Record<string, string>),
    kid: key.kid,
    use: 'sig',
    endorsements,
  };
  const tokenRequests: TokenRequest[] = [];
  const accessToken = `loopback-access-${randomUUID()}`;
  let base = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        send(res, status, { 'content-type': 'application/json' }, JSON.stringify(body));
      if (req.method === 'GET' && req.url === '/.well-known/openid-configuration') {
        json(200, {
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: `${base}/authorize`,
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      } else if (req.method === 'GET' && req.url === '/keys') {
        json(200, { keys: [jwk] });
      } else if (req.method === 'POST' && req.url === '/token') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        tokenRequests.push({
          clientId: form.get('client_id') ?? '',
          clientSecret: form.get('client_secret') ?? '',
          scope: form.get('scope') ?? '',
        });
        json(200, { token_type: 'Bearer', expires_in: 3600, access_token: accessToken });
      } else {
        json(404, { error: 'not_found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    metadataUrl: `${base}/.well-known/openid-configuration`,
    tokenUrl: `${base}/token`,
    key,
    endorsements,
    tokenRequests,
    accessToken,
    channelToken: (c) => signJwt(channelTokenClaims(c), key),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** App credentials whose token comes from the loopback token endpoint (client-credentials grant). */
class LoopbackAppCredentials extends MicrosoftAppCredentials {
  private token?: string;

  constructor(
    appId: string,
    password: string,
    scope: string,
    private readonly tokenUrl: string,
  ) {
    super(appId, password, undefined, scope);
  }

  override async getToken(forceRefresh = false): Promise<string> {
    if (this.token && !forceRefresh) return this.token;
    const res = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: this.appPassword,
        scope: `${this.oAuthScope}/.default`,
      }),
    });
    if (!res.ok) throw new Error(`loopback token endpoint answered ${res.status}`);
    this.token = ((await res.json()) as { access_token: string }).access_token;
    return this.token;
  }
}

/**
 * Same app-id checks as the production factory (inbound audience validation goes through `isValidAppId`), but
 * outbound tokens come from the loopback token endpoint instead of Azure AD.
 */
export class LoopbackCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor(
    appId: string,
    password: string,
    private readonly tokenUrl: string,
  ) {
    super(appId, password);
  }

  override async createCredentials(appId: string, audience: string): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new LoopbackAppCredentials(appId, this.password ?? '', audience, this.tokenUrl);
  }
}

/** Plain node:http answer (restify patches ServerResponse in this process, so `writeHead` is not chained). */
function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}
