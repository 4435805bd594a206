/**
 * The load side of the HTTP bench (run in a process of its own): autocannon sending a unique, realistic message
 * per request. Slack gets freshly signed Events API `app_mention` deliveries, Teams gets channel @mention
 * activities; both carry the same pastes in turn (an error code from `slmgr /ato`, a `slmgr /dlv` paste, a French
 * paste), so ours and the bare echo apps receive exactly the same texts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { signSlackRequest } from '../src/adapters/slack/signature.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret';
export const BENCH_BOT_TOKEN = 'xoxb-bench-token';
export const BENCH_TEAM_ID = 'T0BENCH01';
export const BENCH_BOT_ID = 'B0BENCHBOT';
export const BENCH_BOT_USER_ID = 'U0BENCHBOT';
const TEAMS_BOT_ID = '28:activation-doctor-bench';
const TEAMS_BOT_NAME = 'Activation Doctor';

/** The pastes every request cycles through (repository fixtures, read from the source tree). */
export const BENCH_FIXTURES = [
  'en/slmgr-ato-0xC004F074.txt',
  'en/slmgr-dlv-kms-client-no-host.txt',
  'fr/slmgr-ato-0xC004C003-cle-bloquee.txt',
];

export function benchTexts(root: string): string[] {
  return BENCH_FIXTURES.map((f) => readFileSync(join(root, 'test/fixtures', f), 'utf8').trim());
}

// autocannon has no bundled types; this is the part of its API used here.
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  '2xx': number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadSpec {
  url: string;
  platform: 'slack' | 'teams';
  connections: number;
  seconds: number;
  /** Makes event ids, message ids and threads unique across runs against the same Redis. */
  runId: string;
  texts: string[];
  /** Teams only: where replies go (the fake connector). */
  serviceUrl?: string;
}

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const request =
    spec.platform === 'slack'
      ? slackMentions(spec.runId, spec.texts)
      : teamsMentions(spec.runId, spec.texts, spec.serviceUrl!);
  const r = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [request],
  });
  return {
    ok: r['2xx'],
    failed: r.non2xx + r.errors + r.timeouts,
    seconds: r.duration,
    rps: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

/** One unique, freshly signed app_mention per request, each in a thread of its own. */
function slackMentions(runId: string, texts: string[]): AutocannonRequest {
  let n = 0;
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (req) => {
      n++;
      const now = Math.floor(Date.now() / 1000);
      const ts = `${now}.${String(n).padStart(6, '0')}`;
      const body = JSON.stringify({
        token: 'legacy',
        team_id: BENCH_TEAM_ID,
        api_app_id: 'A0BENCH',
        type: 'event_callback',
        event_id: `Ev${runId}x${n}`,
        event_time: now,
        authorizations: [{ team_id: BENCH_TEAM_ID, user_id: BENCH_BOT_USER_ID, is_bot: true }],
        event: {
          type: 'app_mention',
          user: `U0BENCH${n % 50}`,
          text: `<@${BENCH_BOT_USER_ID}> ${texts[n % texts.length]}`,
          ts,
          channel: `C0BENCH${n % 8}`,
          event_ts: ts,
        },
      });
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(now),
          'x-slack-signature': signSlackRequest(BENCH_SIGNING_SECRET, now, body),
        },
        body,
      };
    },
  };
}

/** One unique channel @mention per request: a new thread each time, as on the Slack side. */
function teamsMentions(runId: string, texts: string[], serviceUrl: string): AutocannonRequest {
  let n = 0;
  const channel = '19:benchchannel@thread.tacv2';
  const mention = `<at>${TEAMS_BOT_NAME}</at>`;
  return {
    method: 'POST',
    path: '/api/messages',
    setupRequest: (req) => {
      n++;
      const id = `${runId}x${n}`;
      const now = new Date().toISOString();
      const body = JSON.stringify({
        type: 'message',
        id,
        timestamp: now,
        localTimestamp: now,
        channelId: 'msteams',
        serviceUrl,
        from: { id: `29:bench-user-${n % 50}`, name: 'Bench User', aadObjectId: `aad-${n % 50}` },
        recipient: { id: TEAMS_BOT_ID, name: TEAMS_BOT_NAME },
        locale: 'en-US',
        textFormat: 'plain',
        text: `${mention} ${texts[n % texts.length]}`,
        conversation: {
          id: `${channel};messageid=${id}`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: 'bench-tenant',
        },
        entities: [{ type: 'mention', text: mention, mentioned: { id: TEAMS_BOT_ID, name: TEAMS_BOT_NAME } }],
        channelData: {
          teamsChannelId: channel,
          teamsTeamId: '19:benchteam@thread.tacv2',
          channel: { id: channel },
          team: { id: '19:benchteam@thread.tacv2' },
          tenant: { id: 'bench-tenant' },
        },
      });
      return { ...req, headers: { 'content-type': 'application/json' }, body };
    },
  };
}
