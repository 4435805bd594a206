/**
 * Speaking unprompted (escalation reminders) when the app serves many workspaces: there is no single bot token,
 * so each effect is sent with the token of the workspace it belongs to (`target.tenant`, the team id), read from
 * the installation store. One Web API client per workspace is kept while its token stays the same.
 */
import { webApi } from '@slack/bolt';
import type { EffectExecutor } from '../effects.js';
import { slackExecutor } from './effects.js';
import { NotInstalledError, type SlackInstallationStore } from './installations.js';

type WebClientOptions = webApi.WebClientOptions;

export class WorkspaceClients {
  private readonly clients = new Map<string, { token: string; client: webApi.WebClient }>();

  constructor(
    private readonly installations: SlackInstallationStore,
    private readonly clientOptions: WebClientOptions,
    private readonly max = 1000,
  ) {}

  /** The client holding `teamId`'s bot token; throws NotInstalledError when the workspace has none. */
  async forTeam(teamId: string): Promise<webApi.WebClient> {
    const installation = await this.installations.read({ kind: 'team', id: teamId });
    const token = installation?.bot?.token;
    if (!token) throw new NotInstalledError({ kind: 'team', id: teamId });
    const cached = this.clients.get(teamId);
    if (cached?.token === token) return cached.client;
    const client = new webApi.WebClient(token, { ...this.clientOptions, teamId });
    this.clients.delete(teamId);
    this.clients.set(teamId, { token, client });
    if (this.clients.size > this.max) this.clients.delete(this.clients.keys().next().value as string);
    return client;
  }
}

/** The Slack effect executor, each effect sent with its own workspace's token. */
export function workspaceExecutor(clients: WorkspaceClients): EffectExecutor {
  const executorFor = async (tenant: string) => slackExecutor(await clients.forTeam(tenant));
  return {
    platform: 'slack',
    post: async (effect) => (await executorFor(effect.target.tenant)).post(effect),
    update: async (effect) => (await executorFor(effect.target.tenant)).update(effect),
    ephemeral: async (effect) => (await executorFor(effect.target.tenant)).ephemeral(effect),
  };
}
