/** Logs and metrics as an operator reads them: JSON lines without secrets, Prometheus text. */
import { describe, expect, it } from 'vitest';
import { createLogger, toSlackLogger } from '../../src/observability/logger.js';
import { Counter, Histogram, Registry } from '../../src/observability/metrics.js';
import { createAppMetrics } from '../../src/observability/app-metrics.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    write: (l) => lines.push(l),
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  return { lines, logger, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('structured logs', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { logger, records } = capture();
    logger.child({ component: 'slack' }).info('slack turn', { outcome: 'replied', ms: 12 });
    logger.debug('not shown at info');
    expect(records()).toEqual([
      {
        time: '2026-01-02T03:04:05.000Z',
        level: 'info',
        msg: 'slack turn',
        component: 'slack',
        outcome: 'replied',
        ms: 12,
      },
    ]);
  });

  it('masks secrets by field name and by shape, wherever they hide', () => {
    const { logger, lines } = capture();
    logger.error('call failed: Bearer xoxb-123-456-abcdef rejected', {
      signingSecret: 'abc123',
      headers: { authorization: 'Bearer eyJhbGciOi.payload.sig' },
      err: new Error('token xapp-1-A0-123-abc is invalid for redis://default:hunter2@cache:6379'),
      note: 'key NPPR9-FWDCX-D2C8J-H872K-2YT43 was used',
    });
    const text = lines.join('\n');
    for (const secret of [
      'xoxb-123-456-abcdef',
      'abc123',
      'eyJhbGciOi',
      'xapp-1-A0-123-abc',
      'hunter2',
      'NPPR9-FWDCX-D2C8J-H872K',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('XXXXX-XXXXX-XXXXX-XXXXX-2YT43');
  });

  it('carries Bolt and Web API log lines into the same JSON stream', () => {
    const { logger, records } = capture();
    const slack = toSlackLogger(logger);
    slack.setName('bolt-app');
    slack.warn('http request failed', 'ECONNRESET');
    slack.debug('hidden at info');
    expect(records()).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'http request failed ECONNRESET',
        component: 'bolt-app',
      }),
    ]);
  });
});

describe('Prometheus metrics', () => {
  it('renders counters and histograms with escaped labels and cumulative buckets', () => {
    const registry = new Registry();
    const counter = registry.register(new Counter('demo_total', 'A demo counter.'));
    const histogram = registry.register(new Histogram('demo_seconds', 'A demo histogram.', [0.1, 1]));
    counter.inc({ path: 'a"b\\c' });
    counter.inc({ path: 'a"b\\c' }, 2);
    histogram.observe(0.05);
    histogram.observe(0.5);
    histogram.observe(3);
    expect(registry.render()).toBe(
      [
        '# HELP demo_total A demo counter.',
        '# TYPE demo_total counter',
        'demo_total{path="a\\"b\\\\c"} 3',
        '# HELP demo_seconds A demo histogram.',
        '# TYPE demo_seconds histogram',
        'demo_seconds_bucket{le="0.1"} 1',
        'demo_seconds_bucket{le="1"} 2',
        'demo_seconds_bucket{le="+Inf"} 3',
        'demo_seconds_sum 3.55',
        'demo_seconds_count 3',
        '',
      ].join('\n'),
    );
  });

  it('turns an engine result into outcome, code and latency series', () => {
    const metrics = createAppMetrics();
    const reply = { kind: 'diagnosis' } as never;
    expect(metrics.recordTurn('teams', { reply, mode: 'post', codes: ['0xC004F074'] }, 1000, 1250)).toBe(
      'replied',
    );
    expect(
      metrics.recordTurn('teams', { reply: null, mode: 'none', reason: 'duplicate', codes: [] }, 0, 0),
    ).toBe('duplicate');
    expect(metrics.recordTurn('teams', { reply, mode: 'update', codes: [] }, 0, 0)).toBe('updated');
    const text = metrics.render();
    expect(text).toContain('activation_doctor_messages_total{platform="teams",outcome="replied"} 1');
    expect(text).toContain('activation_doctor_diagnoses_total{code="0xC004F074"} 1');
    expect(text).toContain('activation_doctor_dedup_hits_total{platform="teams"} 1');
    expect(text).toContain('activation_doctor_turn_duration_seconds_bucket{platform="teams",le="0.25"} 2');
  });
});
