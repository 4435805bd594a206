/**
 * Files shared in a Slack message the bot answers (`files` on the message or app_mention event, subtype
 * `file_share`): each is downloaded from Slack's own file host with the workspace's bot token (scope
 * `files:read`) and read by the shared AttachmentReader. Only `url_private_download` / `url_private` on
 * files.slack.com (or an ATTACHMENT_HOST_ALLOWLIST origin in tests) is ever fetched; no URL from the message
 * text is. The turn runner reads them before the engine (and, for a screenshot, posts "Reading your
 * screenshot…" first, then replaces it with the diagnosis).
 */
import type { webApi } from '@slack/bolt';
import type { AttachmentReader, AttachmentRef } from '../../files/attachments.js';
import { downloadFile, DownloadRefusal, fileHostPolicy } from '../../files/download.js';
import { readFileTurn, type FileReading } from '../../files/file-turn.js';

type WebClient = webApi.WebClient;

/** Slack's file hosts (commercial and GovSlack). */
export const SLACK_FILE_HOSTS = { exact: ['files.slack.com', 'files.slack-gov.com'] };

/** The fields of a Slack file object we read. */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** `hidden_by_limit` (free plan history), `tombstone` (deleted), `external` (Google Drive…): no bytes for us. */
  mode?: string;
  is_external?: boolean;
}

export interface SlackFilesDeps {
  reader: AttachmentReader;
  /** ATTACHMENT_HOST_ALLOWLIST: origins besides Slack's file hosts (tests). */
  hostAllowList: readonly string[];
}

/** The files of a message event (at most what Slack sends; the reader caps how many are read). */
export function filesOf(event: object): SlackFile[] {
  const files = (event as { files?: unknown }).files;
  return Array.isArray(files) ? files.filter((f): f is SlackFile => f !== null && typeof f === 'object') : [];
}

/** Slack file objects → references the reader downloads lazily, with the bot token, from Slack only. */
export function slackAttachmentRefs(
  files: readonly SlackFile[],
  token: string | undefined,
  deps: SlackFilesDeps,
) {
  const allowed = fileHostPolicy(SLACK_FILE_HOSTS, deps.hostAllowList);
  return files.map((file): AttachmentRef => {
    const url = file.url_private_download ?? file.url_private;
    const unavailable = file.mode === 'hidden_by_limit' || file.mode === 'tombstone' || file.is_external;
    return {
      name: file.name || file.title || file.id || 'file',
      ...(file.mimetype ? { mimeType: file.mimetype } : {}),
      ...(typeof file.size === 'number' ? { size: file.size } : {}),
      download: async (maxBytes) => {
        if (unavailable || !url)
          throw new DownloadRefusal('not-allowed', `file mode ${file.mode ?? 'no url'}`);
        return downloadFile(url, { allowed, maxBytes, ...(token ? { token } : {}) });
      },
    };
  });
}

/** The event's files bound to the reader, for the turn runner; undefined without files (or without a reader). */
export function slackFileReading(
  event: object,
  client: WebClient,
  deps: SlackFilesDeps | undefined,
): FileReading | undefined {
  const files = filesOf(event);
  if (!deps || files.length === 0) return undefined;
  const refs = slackAttachmentRefs(files, client.token, deps);
  return (msg, options) => readFileTurn(msg, refs, deps.reader, options);
}
