/** Logs and metrics as an operator reads them: JSON lines without secrets, Prometheus text. */
import { describe, expect, it } from 'vitest';
import { createLogger, toSlackLogger } from '../../src/observability/logger.js';
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
      note: 'key QX7R2-8KMPT-YBV4C-6HWJD-9FG3N was used',
    });
    const text = lines.join('\n');
    for (const secret of [
      'xoxb-123-456-abcdef',
      'abc123',
      'eyJhbGciOi',
      'xapp-1-A0-123-abc',
      'hunter2',
      'QX7R2-8KMPT-YBV4C-6HWJD',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
  });

  it('masks a product key whatever sits between its groups, as the knowledge core does', () => {
    const { logger, lines } = capture();
    const groups = ['QX7R2', '8KMPT', 'YBV4C', '6HWJD', '9FG3N'];
    const spellings = ['\u2013', '\u2014', '\u2212', '\u2010', '\uff0d', ' - ', ' ', '\u00a0'].map((sep) =>
      groups.join(sep),
    );
    for (const key of spellings) {
      logger.warn(`paste had ${key} in it`, { text: `key: ${key}`, nested: { list: [key] } });
    }
    const text = lines.join('\n');
    expect(lines).toHaveLength(spellings.length);
    for (const group of groups.slice(0, 4)) expect(text).not.toContain(group);
    expect(text.match(/XXXXX-XXXXX-XXXXX-XXXXX-9FG3N/g)).toHaveLength(spellings.length * 3);
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
  it('turns an engine result into outcome, code and latency series', async () => {
    const metrics = createAppMetrics();
    const reply = { kind: 'diagnosis' } as never;
    expect(metrics.recordTurn('teams', { reply, mode: 'post', codes: ['0xC004F074'] }, 1000, 1250)).toBe(
      'replied',
    );
    expect(
      metrics.recordTurn('teams', { reply: null, mode: 'none', reason: 'duplicate', codes: [] }, 0, 0),
    ).toBe('duplicate');
    expect(metrics.recordTurn('teams', { reply, mode: 'update', codes: [] }, 0, 0)).toBe('updated');
    const text = await metrics.render();
    expect(text).toContain('activation_doctor_messages_total{platform="teams",outcome="replied"} 1');
    expect(text).toContain('activation_doctor_diagnoses_total{code="0xC004F074"} 1');
    expect(text).toContain('activation_doctor_dedup_hits_total{platform="teams"} 1');
    expect(text).toContain('activation_doctor_turn_duration_seconds_bucket{le="0.25",platform="teams"} 2');
  });

  it('labels codes only from the catalogue: twenty messages of made-up codes add one `other` series', async () => {
    const metrics = createAppMetrics();
    const reply = { kind: 'diagnosis' } as never;
    const before = (await metrics.render()).length;
    for (let m = 0; m < 20; m++) {
      const codes = Array.from(
        { length: 3750 },
        (_, i) => `0x0BAD${(m * 3750 + i).toString(16).padStart(4, '0')}`,
      );
      metrics.recordTurn('slack', { reply, mode: 'post', codes: [...codes, '0xC004F074'] }, 0, 1);
    }
    const text = await metrics.render();
    const codeSeries = text.split('\n').filter((l) => l.startsWith('activation_doctor_diagnoses_total{'));
    expect(codeSeries.sort()).toEqual([
      'activation_doctor_diagnoses_total{code="0xC004F074"} 20',
      'activation_doctor_diagnoses_total{code="other"} 75000',
    ]);
    expect(text.length - before).toBeLessThan(4000);
  });

  it('exports process, GC and event-loop metrics beside the bot metrics', async () => {
    const text = await createAppMetrics().render();
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
      'nodejs_heap_size_used_bytes',
      'activation_doctor_redis_errors_total',
      'activation_doctor_http_requests_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });
});
