/**
 * Teams activities as the Bot Framework channel delivers them (personal chat, channel @mention, Action.Submit,
 * conversationUpdate, messaging-extension query), and a poster for /api/messages.
 */
import { randomUUID } from 'node:crypto';

export const BOT_ID = '28:activation-doctor-app';
export const BOT_NAME = 'Activation Doctor';
export const TENANT_ID = '72f988bf-0000-4000-8000-2d7cd011db47';
export const CHANNEL_ID = '19:5f2c1b0e8a3d4c7f9e6b@thread.tacv2';
export const TEAM_ID = '19:a1b2c3d4e5f6@thread.tacv2';
export const USER = {
  id: '29:1x9Yq-user-ada',
  name: 'Ada Lovelace',
  aadObjectId: '6b3f1c2a-0d9e-4a7b-8c5d-1e2f3a4b5c6d',
};

export type Activity = Record<string, unknown>;

let sequence = 0;
export const nextActivityId = () => `1700000${String(++sequence).padStart(6, '0')}`;

function base(serviceUrl: string): Activity {
  return {
    id: nextActivityId(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { ...USER },
    recipient: { id: BOT_ID, name: BOT_NAME },
    locale: 'en-US',
  };
}

export function personalMessage(serviceUrl: string, text: string, extra: Activity = {}): Activity {
  return {
    ...base(serviceUrl),
    type: 'message',
    textFormat: 'plain',
    text,
    conversation: { id: `a:1personal-chat-${USER.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...extra,
  };
}

/** A new post in a channel that @mentions the bot: the conversation id names the thread (`;messageid=`). */
export function channelMention(serviceUrl: string, text: string, rootId = nextActivityId()): Activity {
  const mention = `<at>${BOT_NAME}</at>`;
  return {
    ...base(serviceUrl),
    id: rootId,
    type: 'message',
    textFormat: 'plain',
    text: `${mention} ${text}`,
    conversation: {
      id: `${CHANNEL_ID};messageid=${rootId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT_ID,
    },
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: BOT_NAME } }],
    channelData: {
      teamsChannelId: CHANNEL_ID,
      teamsTeamId: TEAM_ID,
      channel: { id: CHANNEL_ID },
      team: { id: TEAM_ID },
      tenant: { id: TENANT_ID },
    },
  };
}

/** An Action.Submit click: a message whose `value` is the button data, replying to the card's activity. */
export function submitClick(origin: Activity, value: unknown, cardId: string): Activity {
  const { text: _text, entities: _entities, ...rest } = origin;
  return { ...rest, id: nextActivityId(), timestamp: new Date().toISOString(), value, replyToId: cardId };
}

export function botAddedToTeam(serviceUrl: string, locale = 'en-US'): Activity {
  return {
    ...base(serviceUrl),
    locale,
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    conversation: { id: CHANNEL_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: {
      eventType: 'teamMemberAdded',
      team: { id: TEAM_ID, name: 'IT Ops' },
      channel: { id: CHANNEL_ID },
      tenant: { id: TENANT_ID },
    },
  };
}

export function userAddedToTeam(serviceUrl: string): Activity {
  const activity = botAddedToTeam(serviceUrl);
  return { ...activity, membersAdded: [{ id: '29:someone-else', aadObjectId: randomUUID() }] };
}

export function searchQuery(
  serviceUrl: string,
  code: string,
  commandId = 'searchCode',
  locale = 'en-US',
): Activity {
  return {
    ...base(serviceUrl),
    locale,
    type: 'invoke',
    name: 'composeExtension/query',
    conversation: { id: `a:1personal-chat-${USER.id}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, source: { name: 'compose' } },
    value: { commandId, parameters: [{ name: 'code', value: code }], queryOptions: { skip: 0, count: 25 } },
  };
}

export async function postActivity(
  serverUrl: string,
  activity: Activity,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}
