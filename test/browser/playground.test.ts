/**
 * The playground page in headless Chromium (Debian's `chromium`, driven by playwright-core), on the real server:
 * a gallery click renders the real Adaptive Card, the Slack and JSON views show the same reply, Escalate and
 * Claim work through the simulated escalation channel, the language switch changes the bot's language, and the
 * page never reaches outside its own origin. Leaves a screenshot in test/artifacts/playground.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../e2e/helpers/start-server.js';
import {
  ARTIFACTS,
  CHROMIUM,
  exchange as exchangeOn,
  hasChromium,
  launchChromium,
} from './helpers/playground.js';

if (!hasChromium) {
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`,
  );
}

interface CardAction {
  type: string;
  title: string;
  data?: { action?: string };
}
interface Rendered {
  id: string;
  reply: { kind: string; lang: string; title: string; cause?: string };
  card: { actions?: CardAction[] };
  surface?: string;
  kind?: string;
}
interface Answer {
  replies: Rendered[];
  effects: Rendered[];
}

let server: TestServer;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

function label(r: Rendered, action: string): string {
  const found = r.card.actions?.find((a) => a.data?.action === action);
  if (!found) throw new Error(`no ${action} button on "${r.reply.title}"`);
  return found.title;
}

const exchange = (act: () => Promise<void>) => exchangeOn<Answer>(page, act);

const lastBotCard = () => page.locator('#thread article.msg.bot').last();

describe.skipIf(!hasChromium)('the playground in a browser', () => {
  beforeAll(async () => {
    server = await startTestServer({ PLAYGROUND: 'on' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith('data:'))
        foreignRequests.push(req.url());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders a gallery sample as a Teams card, as Slack blocks and as JSON', async () => {
    const answer = await exchange(() => page.click('[data-sample="blocked-mak"]'));
    const reply = answer.replies[0]!;
    expect(reply.reply.kind).toBe('diagnosis');

    const card = lastBotCard().locator('.ac-adaptiveCard');
    await card.waitFor();
    await expect.poll(() => card.innerText()).toContain(reply.reply.title);
    // The cause sentence as the user reads it (markdown processed by our own converter).
    expect(await card.innerText()).toContain(reply.reply.cause!.slice(0, 60));

    await page.click('[data-view="slack"]');
    const slack = lastBotCard().locator('.sk-message');
    await slack.waitFor();
    expect(await slack.locator('.sk-header').innerText()).toBe(reply.reply.title);
    expect(await slack.locator('.sk-actions button').count()).toBeGreaterThan(0);

    await page.click('[data-view="json"]');
    const json = await lastBotCard().locator('.json-view').innerText();
    expect(json).toContain('"type": "AdaptiveCard"');
    expect(json).toContain('"blocks": [');

    await page.click('[data-view="teams"]');
    await lastBotCard().locator('.ac-adaptiveCard').waitFor();
  });

  it('escalates into the simulated channel, where Claim updates the handoff and the origin card', async () => {
    const diagnosis = lastBotCard();
    const diagnosisJson = (await page.evaluate(() => {
      const saved = JSON.parse(window.sessionStorage.getItem('activation-doctor.playground')!) as {
        thread: unknown[];
      };
      return saved.thread[saved.thread.length - 1];
    })) as Rendered;

    const escalated = await exchange(() =>
      diagnosis.locator('.ac-pushButton', { hasText: label(diagnosisJson, 'escalate') }).click(),
    );
    const handoff = escalated.effects.find((e) => e.surface === 'escalations' && e.kind === 'post')!;
    const status = escalated.effects.find((e) => e.surface === 'thread' && e.kind === 'post')!;
    const handoffCard = page.locator(`#panel-cards article[data-card-id="${handoff.id}"]`);
    await handoffCard.locator('.ac-adaptiveCard').waitFor();
    expect(await handoffCard.innerText()).toContain(handoff.reply.title);
    await page.locator(`#thread article[data-card-id="${status.id}"] .ac-adaptiveCard`).waitFor();

    const claimed = await exchange(() =>
      handoffCard.locator('.ac-pushButton', { hasText: label(handoff, 'claim') }).click(),
    );
    expect(claimed.effects.map((e) => e.id)).toEqual(expect.arrayContaining([handoff.id, status.id]));

    // The panel's timeline records the update, and both cards now name who took it, in place.
    await expect
      .poll(() => page.locator('#timeline').innerText())
      .toMatch(/updated a card in #activation-escalations/);
    await expect.poll(() => handoffCard.innerText()).toContain('Escalation lead (playground)');
    const origin = page.locator(`#thread article[data-card-id="${status.id}"]`);
    expect(await origin.innerText()).toContain('Escalation lead (playground)');
    expect(await origin.locator('.tag').innerText()).toBe('updated');
    expect(await page.locator(`#thread article[data-card-id="${status.id}"]`).count()).toBe(1);
  });

  it('answers in French once the language is switched', async () => {
    const answer = await exchange(() => page.click('[data-lang="fr"]'));
    const reply = answer.replies[0]!;
    expect(reply.reply.lang).toBe('fr');
    await expect.poll(() => lastBotCard().innerText()).toContain(reply.reply.title);
    expect(await page.locator('#chat-title').innerText()).toBe('Discuter avec activation-doctor');

    // A French paste typed in the composer gets a French diagnosis too.
    const typed = await exchange(async () => {
      await page.fill('#message', 'pourquoi 0xC004F074 ?');
      await page.keyboard.press('Control+Enter');
    });
    expect(typed.replies[0]!.reply.lang).toBe('fr');
    await expect.poll(() => lastBotCard().innerText()).toContain(typed.replies[0]!.reply.title.slice(0, 30));

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png') });
    expect(existsSync(join(ARTIFACTS, 'playground.png'))).toBe(true);
  });

  it('renders markdown and Slack mrkdwn without letting markup or script links through', async () => {
    const html = await page.evaluate(() => {
      const w = window as unknown as {
        PlaygroundMarkdown: { toHtml(s: string): string };
        SlackPreview: { mrkdwn(s: string): string };
      };
      return {
        md: w.PlaygroundMarkdown.toHtml(
          '**Run** `slmgr /ato` on _vlmcs._tcp <img src=x onerror=alert(1)> [docs](https://learn.microsoft.com) [bad](javascript:alert(1))\n- one\n2. two',
        ),
        slack: w.SlackPreview.mrkdwn(
          '*Fix* &lt;b&gt; <https://example.com/a?b=1&amp;c=2|the docs> <javascript:alert(1)|x> ```slmgr *x*```',
        ),
      };
    });
    expect(html.md).toContain('<strong>Run</strong>');
    expect(html.md).toContain('<code>slmgr /ato</code>');
    expect(html.md).toContain('_vlmcs._tcp');
    expect(html.md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.md).toContain(
      '<a href="https://learn.microsoft.com" target="_blank" rel="noopener noreferrer">docs</a>',
    );
    expect(html.md).not.toContain('href="javascript');
    expect(html.md).toMatch(/<ul><li>one<\/li><\/ul><ol start="2"><li>two<\/li><\/ol>/);
    expect(html.slack).toContain('<b>Fix</b> &lt;b&gt;');
    expect(html.slack).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(html.slack).not.toContain('href="javascript');
    expect(html.slack).toContain('<pre class="sk-pre">slmgr *x*</pre>');
  });

  it('fetched nothing outside its own origin and raised no script error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
