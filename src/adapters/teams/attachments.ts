/**
 * Files in a Teams message: inline images (an attachment of type image/* whose `contentUrl` is on the Bot
 * Framework or Teams media host, fetched with the bot's token when the bot has credentials) and files sent in
 * personal chat (`application/vnd.microsoft.teams.file.download.info`, whose `downloadUrl` on SharePoint is
 * pre-authorized: no token is sent there). Only those hosts are fetched (or an ATTACHMENT_HOST_ALLOWLIST origin
 * in tests); no URL from the message text ever is. The turn runner reads them (with a screenshot, "Reading your
 * screenshot…" is sent first and that activity then updated with the diagnosis).
 */
import type { TurnContext } from 'botbuilder';
import type { InboundMessage } from '../../conversations/types.js';
import type { AttachmentReader, AttachmentRef } from '../../files/attachments.js';
import { downloadFile, DownloadRefusal, fileHostPolicy, type FileHosts } from '../../files/download.js';
import { readFileTurn, type FileReading } from '../../files/file-turn.js';
import { fromMessageActivity, type TeamsActivity, type Translation } from './translate.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Where Teams serves inline images (the connector's attachment API and the media service): the bot's token. */
export const TEAMS_MEDIA_HOSTS: FileHosts = {
  exact: [
    'smba.trafficmanager.net',
    'smba.infra.gcc.teams.microsoft.com',
    'smba.infra.gov.teams.microsoft.us',
  ],
  suffixes: ['.asm.skype.com'],
};
/** Where personal-chat file uploads live (OneDrive for Business): a pre-authorized URL, no token. */
export const TEAMS_FILE_HOSTS: FileHosts = { exact: [], suffixes: ['.sharepoint.com', '.sharepoint.us'] };

export interface TeamsFilesDeps {
  reader: AttachmentReader;
  /** ATTACHMENT_HOST_ALLOWLIST: origins besides Teams' hosts (tests). */
  hostAllowList: readonly string[];
}

interface Attachment {
  contentType?: string;
  contentUrl?: string;
  name?: string;
  content?: unknown;
}

/** The readable attachments of an activity: inline images and personal-chat files (cards and HTML are not). */
export function teamsAttachmentRefs(
  activity: Pick<TeamsActivity, 'attachments'>,
  deps: TeamsFilesDeps,
  token: () => Promise<string | undefined>,
): AttachmentRef[] {
  const media = fileHostPolicy(TEAMS_MEDIA_HOSTS, deps.hostAllowList);
  const files = fileHostPolicy(TEAMS_FILE_HOSTS, deps.hostAllowList);
  const refs: AttachmentRef[] = [];
  for (const [i, a] of ((activity.attachments ?? []) as Attachment[]).entries()) {
    const type = (a.contentType ?? '').toLowerCase();
    if (type.startsWith('image/') && typeof a.contentUrl === 'string') {
      const url = a.contentUrl;
      refs.push({
        name: a.name || `image-${i + 1}.${type.slice(6).replace('jpeg', 'jpg') || 'png'}`,
        mimeType: type,
        download: async (maxBytes) => {
          if (!media(url))
            throw new DownloadRefusal('not-allowed', 'inline image not on the Teams media host');
          const bearer = await token();
          return downloadFile(url, { allowed: media, maxBytes, ...(bearer ? { token: bearer } : {}) });
        },
      });
    } else if (type === FILE_DOWNLOAD_INFO) {
      const content = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
      const url = typeof content.downloadUrl === 'string' ? content.downloadUrl : undefined;
      const ext = typeof content.fileType === 'string' ? content.fileType : '';
      refs.push({
        name: a.name || (ext ? `file.${ext}` : 'file'),
        download: async (maxBytes) => {
          if (!url) throw new DownloadRefusal('not-allowed', 'no downloadUrl');
          return downloadFile(url, { allowed: files, maxBytes });
        },
      });
    }
  }
  return refs;
}

/**
 * Like `fromMessageActivity`, but a message with nothing typed and a readable attachment (a pasted screenshot)
 * is a message too, with empty text: the files give it its text.
 */
export function translateWithFiles(
  activity: TeamsActivity,
  receivedAt: number,
  fallbackId: () => string,
): Translation {
  const translated = fromMessageActivity(activity, receivedAt, fallbackId);
  if (translated.kind !== 'skip' || translated.reason !== 'empty') return translated;
  const readable = ((activity.attachments ?? []) as Attachment[]).some((a) => {
    const type = (a.contentType ?? '').toLowerCase();
    return (type.startsWith('image/') && a.contentUrl) || type === FILE_DOWNLOAD_INFO;
  });
  if (!readable) return translated;
  // Translate as if something had been typed (addressing, ids, locale come out the same), then drop it.
  const withText = fromMessageActivity({ ...activity, text: '.' }, receivedAt, fallbackId);
  return withText.kind === 'message' ? { kind: 'message', msg: { ...withText.msg, text: '' } } : translated;
}

/** The bot's token for the connector, when it has credentials (anonymous mode has none). */
async function connectorToken(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    { credentials?: { appId?: string; getToken?: () => Promise<string> } } | undefined;
  const credentials = client?.credentials;
  if (!credentials?.appId || typeof credentials.getToken !== 'function') return undefined;
  return credentials.getToken();
}

/** The activity's files bound to the reader, for the turn runner; undefined when there are none to read. */
export function teamsFileReading(
  context: TurnContext,
  msg: InboundMessage,
  deps: TeamsFilesDeps | undefined,
): FileReading | undefined {
  if (!deps || msg.action) return undefined;
  const refs = teamsAttachmentRefs(context.activity as TeamsActivity, deps, () => connectorToken(context));
  if (refs.length === 0) return undefined;
  return (m, options) => readFileTurn(m, refs, deps.reader, options);
}
