/**
 * What the HTTP bench sends: every fixture paste of test/fixtures/en and fr in turn, as Slack `app_mention`
 * deliveries (signed) or Teams channel @mentions, in new threads and in follow-ups to threads the bot has already
 * answered (so stored state is read back and parsed, as in a real support thread).
 *
 * A thread has at most one message in flight: a follow-up is only sent to a thread whose last reply arrived. That
 * is what lets the fake upstream match each reply to the message it answers (Slack: channel + thread_ts; Teams:
 * the conversation id, which carries the thread's root) and so time each message from its send to its reply.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signSlackRequest } from '../src/adapters/slack/signature.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret';
export const BENCH_BOT_TOKEN = 'xoxb-bench-token';
export const BENCH_TEAM_ID = 'T0BENCH01';
export const BENCH_BOT_ID = 'B0BENCHBOT';
export const BENCH_BOT_USER_ID = 'U0BENCHBOT';
const TEAMS_BOT_ID = '28:activation-doctor-bench';
const TEAMS_BOT_NAME = 'Activation Doctor';
const TEAMS_CHANNEL = '19:benchchannel@thread.tacv2';

export type Platform = 'slack' | 'teams';

export interface BenchText {
  name: string;
  text: string;
}

/** Every paste in test/fixtures/{en,fr}, sorted by name (the same list and order for every target). */
export function benchTexts(root: string): BenchText[] {
  return (['en', 'fr'] as const).flatMap((lang) => {
    const dir = join(root, 'test/fixtures', lang);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: `${lang}/${f}`, text: readFileSync(join(dir, f), 'utf8').trim() }));
  });
}

export interface Thread {
  /** Sequence number of the message that opened it (its ids derive from it). */
  root: number;
  followUps: number;
}

export interface PlannedMessage {
  seq: number;
  thread: Thread;
  followUp: boolean;
  textIndex: number;
}

export interface ThreadPlanOptions {
  /** Of every `cycle` messages, the positions that should be follow-ups when an answered thread is free. */
  followUpSlots?: readonly number[];
  cycle?: number;
  /** A thread is retired after this many follow-ups (threads stay the size of real ones). */
  maxFollowUps?: number;
  /** Answered threads kept for follow-ups (the most recent). */
  pool?: number;
}

/**
 * Which thread each message goes to. By default two messages in five are follow-ups (40%) whenever a thread
 * answered earlier is free; otherwise the message opens a new thread. Texts rotate through every fixture
 * independently of threads, so a follow-up brings a different paste than the thread's opener.
 */
export class ThreadPlan {
  private seq = 0;
  private readonly idle: Thread[] = [];
  private readonly slots: ReadonlySet<number>;
  private readonly cycle: number;
  private readonly maxFollowUps: number;
  private readonly pool: number;
  sent = 0;
  followUps = 0;

  constructor(
    private readonly texts: number,
    options: ThreadPlanOptions = {},
  ) {
    this.slots = new Set(options.followUpSlots ?? [1, 3]);
    this.cycle = options.cycle ?? 5;
    this.maxFollowUps = options.maxFollowUps ?? 4;
    this.pool = options.pool ?? 512;
  }

  next(): PlannedMessage {
    const seq = ++this.seq;
    const wantsFollowUp = this.slots.has(seq % this.cycle);
    const reused = wantsFollowUp ? this.idle.shift() : undefined;
    const thread = reused ?? { root: seq, followUps: 0 };
    if (reused) {
      reused.followUps++;
      this.followUps++;
    }
    this.sent++;
    return { seq, thread, followUp: Boolean(reused), textIndex: seq % this.texts };
  }

  /** The thread's reply arrived: it may take a follow-up. */
  answered(thread: Thread): void {
    if (thread.followUps >= this.maxFollowUps) return;
    this.idle.push(thread);
    if (this.idle.length > this.pool) this.idle.shift();
  }

  get followUpShare(): number {
    return this.sent ? this.followUps / this.sent : 0;
  }
}

export interface BuiltRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the reply for this message carries (see replyKey*). */
  key: string;
}

/** Ids unique to one driver process (a run), so messages never collide with earlier runs' state or dedup keys. */
export interface RunIds {
  /** Upper-case letters and digits, unique per run (Slack channel ids, Teams activity ids). */
  tag: string;
  /** The run's start, in seconds (the integer part of Slack timestamps). */
  second: number;
  serviceUrl: string;
}

export function runIds(serviceUrl: string, nowMs = Date.now()): RunIds {
  return { tag: nowMs.toString(36).toUpperCase(), second: Math.floor(nowMs / 1000), serviceUrl };
}

export function slackRequest(
  m: PlannedMessage,
  texts: BenchText[],
  ids: RunIds,
  nowMs: number,
): BuiltRequest {
  const now = Math.floor(nowMs / 1000);
  const ts = slackTs(ids, m.seq);
  const rootTs = slackTs(ids, m.thread.root);
  const channel = `C0${ids.tag}${m.thread.root % 8}`;
  const body = JSON.stringify({
    token: 'legacy',
    team_id: BENCH_TEAM_ID,
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `Ev${ids.tag}X${m.seq}`,
    event_time: now,
    authorizations: [{ team_id: BENCH_TEAM_ID, user_id: BENCH_BOT_USER_ID, is_bot: true }],
    event: {
      type: 'app_mention',
      user: `U0BENCH${m.seq % 50}`,
      text: `<@${BENCH_BOT_USER_ID}> ${texts[m.textIndex]!.text}`,
      ts,
      ...(m.followUp ? { thread_ts: rootTs } : {}),
      channel,
      event_ts: ts,
    },
  });
  return {
    path: '/slack/events',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(now),
      'x-slack-signature': signSlackRequest(BENCH_SIGNING_SECRET, now, body),
    },
    body,
    key: `${channel} ${rootTs}`,
  };
}

/** A Slack-looking ts, unique per run and message (channels carry the run's tag too). */
function slackTs(ids: RunIds, seq: number): string {
  return `${ids.second}.${String(seq).padStart(6, '0')}`;
}

export function teamsRequest(
  m: PlannedMessage,
  texts: BenchText[],
  ids: RunIds,
  nowMs: number,
): BuiltRequest {
  const mention = `<at>${TEAMS_BOT_NAME}</at>`;
  const id = `${ids.tag}x${m.seq}`;
  const rootId = `${ids.tag}x${m.thread.root}`;
  const conversationId = `${TEAMS_CHANNEL};messageid=${rootId}`;
  const now = new Date(nowMs).toISOString();
  const user = m.seq % 50;
  const body = JSON.stringify({
    type: 'message',
    id,
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl: ids.serviceUrl,
    from: { id: `29:bench-user-${user}`, name: 'Bench User', aadObjectId: `aad-${user}` },
    recipient: { id: TEAMS_BOT_ID, name: TEAMS_BOT_NAME },
    locale: 'en-US',
    textFormat: 'plain',
    text: `${mention} ${texts[m.textIndex]!.text}`,
    conversation: {
      id: conversationId,
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'bench-tenant',
    },
    ...(m.followUp ? { replyToId: rootId } : {}),
    entities: [{ type: 'mention', text: mention, mentioned: { id: TEAMS_BOT_ID, name: TEAMS_BOT_NAME } }],
    channelData: {
      teamsChannelId: TEAMS_CHANNEL,
      teamsTeamId: '19:benchteam@thread.tacv2',
      channel: { id: TEAMS_CHANNEL },
      team: { id: '19:benchteam@thread.tacv2' },
      tenant: { id: 'bench-tenant' },
    },
  });
  return {
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    body,
    key: conversationId,
  };
}

/** The thread a chat.postMessage answers (form-encoded, as the Web API client sends it, or JSON). */
export function replyKeySlack(contentType: string | undefined, body: string): string | undefined {
  let channel: unknown;
  let threadTs: unknown;
  if (contentType?.includes('json')) {
    const parsed = JSON.parse(body) as { channel?: unknown; thread_ts?: unknown };
    channel = parsed.channel;
    threadTs = parsed.thread_ts;
  } else {
    const form = new URLSearchParams(body);
    channel = form.get('channel');
    threadTs = form.get('thread_ts');
  }
  return typeof channel === 'string' && typeof threadTs === 'string' ? `${channel} ${threadTs}` : undefined;
}

const ACTIVITY_ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?\/?$/;

/** The conversation a connector call posts to, when it is one (`POST /v3/conversations/{id}/activities[/{id}]`). */
export function conversationOfPath(path: string): string | undefined {
  const match = ACTIVITY_ROUTE.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** A 1 MiB playground request body (JSON, at most `bytes` long): fixture pastes one after another. */
export function largePaste(texts: BenchText[], bytes: number): { body: string; textBytes: number } {
  // ASCII-only pastes keep bytes = characters; the budget leaves room for the JSON envelope and escapes.
  const ascii = texts.map((t) => t.text).filter((t) => /^[\x20-\x7e\n\r\t]*$/.test(t));
  if (ascii.length === 0) throw new Error('no ASCII fixture to build the large paste from');
  const parts: string[] = [];
  let size = 0;
  const budget = bytes - 64 * 1024;
  for (let i = 0; ; i++) {
    const t = ascii[i % ascii.length]!;
    if (size + t.length + 2 > budget) break;
    parts.push(t);
    size += t.length + 2;
  }
  for (;;) {
    const text = parts.join('\n\n');
    const body = JSON.stringify({ threadId: '6f1d3c2a-8b4e-4c1f-9a7d-2e5b0c9d4f10', text });
    if (Buffer.byteLength(body) <= bytes || parts.length === 1)
      return { body, textBytes: Buffer.byteLength(text) };
    parts.pop();
  }
}
