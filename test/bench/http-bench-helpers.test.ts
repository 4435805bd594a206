/**
 * The HTTP bench's own arithmetic and traffic plan (never its timings): if these were wrong, its figures would be
 * wrong in ways a run would not show.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatHeapSummary,
  summarizeHeapProfile,
  type SamplingHeapProfile,
} from '../../bench/heap-summary.js';
import {
  countRoundTrips,
  percentile,
  summarizeLatencies,
  verdict,
  type MonitorEntry,
} from '../../bench/http-stats.js';
import {
  benchTexts,
  conversationOfPath,
  largePaste,
  replyKeySlack,
  runIds,
  slackRequest,
  teamsRequest,
  ThreadPlan,
} from '../../bench/http-traffic.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('latency percentiles', () => {
  it('takes the nearest rank, whatever the order of the samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('shows one slow message in a hundred at p99, not at p50', () => {
    const samples = [...Array.from({ length: 99 }, () => 2), 250];
    expect(summarizeLatencies(samples)).toEqual({ count: 100, p50: 2, p99: 2, max: 250 });
    expect(percentile([...samples, 250], 99)).toBe(250);
  });

  it('has no figure for no samples', () => {
    expect(percentile([], 99)).toBeNaN();
    expect(verdict(NaN, 2)).toBe('n/a');
  });
});

describe('Redis round trips counted from MONITOR', () => {
  const client = '127.0.0.1:50001';
  const other = '127.0.0.1:50002';
  const at = (source: string, ...args: string[]): MonitorEntry => ({ source, args });

  it('counts each command a client sends, but not the ones a Lua script runs inside Redis', () => {
    const entries = [
      at(client, 'evalsha', 'abc', '2'),
      at('lua', 'get'),
      at('lua', 'set'),
      at(client, 'get', 'k'),
      at(other, 'evalsha', 'abc', '1'),
      at('lua', 'set'),
    ];
    expect(countRoundTrips(entries)).toEqual({
      roundTrips: 3,
      commands: 3,
      inScripts: 3,
      byCommand: { evalsha: 2, get: 1 },
    });
  });

  it('counts a MULTI … EXEC block, sent in one write, as one round trip', () => {
    const entries = [
      at(client, 'multi'),
      at(other, 'get', 'x'),
      at(client, 'zadd', 'due', '1', 'e'),
      at(client, 'expire', 'due', '60'),
      at(client, 'exec'),
      at(client, 'get', 'y'),
    ];
    const counted = countRoundTrips(entries);
    expect(counted.roundTrips).toBe(3);
    expect(counted.commands).toBe(6);
    expect(counted.byCommand).toEqual({ multi: 1, get: 2 });
  });
});

describe('verdicts against the targets', () => {
  it('meets an upper bound at or below it and a lower bound at or above it', () => {
    expect(verdict(600, 600)).toBe('met');
    expect(verdict(601, 600)).toBe('not met');
    expect(verdict(0.8, 0.8, true)).toBe('met');
    expect(verdict(0.79, 0.8, true)).toBe('not met');
  });
});

describe('the traffic', () => {
  it('rotates through every fixture of both languages', () => {
    const texts = benchTexts(ROOT);
    expect(texts.some((t) => t.name.startsWith('en/'))).toBe(true);
    expect(texts.some((t) => t.name.startsWith('fr/'))).toBe(true);
    const plan = new ThreadPlan(texts.length);
    const seen = new Set<number>();
    for (let i = 0; i < texts.length; i++) {
      const m = plan.next();
      seen.add(m.textIndex);
      plan.answered(m.thread);
    }
    expect(seen.size).toBe(texts.length);
  });

  it('sends two messages in five as follow-ups when answered threads are free', () => {
    const plan = new ThreadPlan(56);
    for (let i = 0; i < 1000; i++) plan.answered(plan.next().thread);
    expect(plan.followUpShare).toBeCloseTo(0.4, 2);
  });

  it('never follows up in a thread before its reply arrived, and retires long threads', () => {
    const plan = new ThreadPlan(56, { maxFollowUps: 2 });
    const inFlight = Array.from({ length: 10 }, () => plan.next());
    expect(inFlight.every((m) => !m.followUp)).toBe(true);
    for (const m of inFlight) plan.answered(m.thread);
    const perThread = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      const m = plan.next();
      if (m.followUp) perThread.set(m.thread.root, (perThread.get(m.thread.root) ?? 0) + 1);
      plan.answered(m.thread);
    }
    expect(Math.max(...perThread.values())).toBe(2);
  });

  it('sends Slack follow-ups as signed mentions in the thread, and finds the thread again in the reply', () => {
    const texts = benchTexts(ROOT);
    const ids = runIds('http://127.0.0.1:1/', Date.UTC(2026, 11, 7));
    const plan = new ThreadPlan(texts.length, { followUpSlots: [0, 1, 2, 3, 4] });
    const first = plan.next();
    plan.answered(first.thread);
    const follow = plan.next();
    expect(follow.followUp).toBe(true);
    const now = Date.now();
    const opener = slackRequest(first, texts, ids, now);
    const req = slackRequest(follow, texts, ids, now);
    const event = (JSON.parse(req.body) as { event: { ts: string; thread_ts?: string; type: string } }).event;
    expect(event.type).toBe('app_mention');
    expect(event.thread_ts).toBe((JSON.parse(opener.body) as { event: { ts: string } }).event.ts);
    expect(event.ts).not.toBe(event.thread_ts);
    expect(req.key).toBe(opener.key);
    expect(req.headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    const [channel, threadTs] = req.key.split(' ');
    const form = new URLSearchParams({ channel: channel!, thread_ts: threadTs!, text: 'card' }).toString();
    expect(replyKeySlack('application/x-www-form-urlencoded', form)).toBe(req.key);
    expect(
      replyKeySlack('application/json; charset=utf-8', JSON.stringify({ channel, thread_ts: threadTs })),
    ).toBe(req.key);
  });

  it('keeps a Teams follow-up in the conversation of its thread, which the reply URL names', () => {
    const texts = benchTexts(ROOT);
    const ids = runIds('http://127.0.0.1:1/', Date.UTC(2026, 11, 7));
    const plan = new ThreadPlan(texts.length, { followUpSlots: [0, 1, 2, 3, 4] });
    const first = plan.next();
    plan.answered(first.thread);
    const follow = plan.next();
    const opener = JSON.parse(teamsRequest(first, texts, ids, 0).body) as {
      id: string;
      conversation: { id: string };
    };
    const built = teamsRequest(follow, texts, ids, 0);
    const activity = JSON.parse(built.body) as { id: string; text: string; conversation: { id: string } };
    expect(activity.conversation.id).toBe(opener.conversation.id);
    expect(activity.id).not.toBe(opener.id);
    expect(activity.text).toMatch(/^<at>Activation Doctor<\/at> /);
    const path = `/v3/conversations/${encodeURIComponent(built.key)}/activities/${encodeURIComponent(activity.id)}`;
    expect(conversationOfPath(path)).toBe(built.key);
    expect(conversationOfPath('/v3/conversations/x/members')).toBeUndefined();
  });

  it('builds a playground paste just under the 1 MiB body limit', () => {
    const { body, textBytes } = largePaste(benchTexts(ROOT), 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024 * 1024);
    expect(textBytes).toBeGreaterThan(0.9 * 1024 * 1024);
  });
});

describe('allocations by component', () => {
  type Node = SamplingHeapProfile['head'];
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
  const node = (callFrame: Node['callFrame'], selfSize: number, children: Node[] = []): Node => ({
    callFrame,
    selfSize,
    children,
  });
  // The receiver parses a body (JSON.parse, a builtin) and Bolt builds its listener arguments.
  const profile = {
    head: node(frame('(root)', ''), 0, [
      node(frame('handle', 'file:///srv/dist/src/adapters/slack/receiver.js'), 1024, [
        node(frame('parse', ''), 3072),
      ]),
      node(frame('processEvent', 'file:///srv/node_modules/@slack/bolt/dist/App.js'), 2048),
    ]),
  };

  it("counts a builtin's bytes for the function that called it", () => {
    const summary = summarizeHeapProfile(profile);
    expect(summary.totalBytes).toBe(6144);
    expect(summary.components).toEqual([
      ['src/adapters/slack', 4096],
      ['@slack/bolt', 2048],
    ]);
    expect(summary.functions[0]).toEqual(['handle src/adapters/slack/receiver.js:10', 4096]);
  });

  it('prints KiB per request', () => {
    const text = formatHeapSummary('slack-ours', summarizeHeapProfile(profile), 2);
    expect(text.split('\n')[0]).toBe('slack-ours: 3.0 KiB allocated per request');
    expect(text).toMatch(/66\.7% {2}src\/adapters\/slack +2\.0 KiB\/req/);
  });
});
