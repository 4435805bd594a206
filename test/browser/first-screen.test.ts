/**
 * Cards for people in a hurry, in the playground at 800 px wide (a laptop with a side panel open), in headless
 * Chromium: the chat pane stays usable, and the first screen of a diagnosis (its first 600 px, before
 * "Details") holds the cause and the next step's command, in English and in French; a licensing engineer sees
 * the handoff card's box and buttons without scrolling, is told the box is required instead of sending an empty
 * Need info, and can type a case number in groups. Screenshots go to test/artifacts/ (diagnosis-800.png,
 * diagnosis-details-800.png, slack-details-800.png, french-800.png, escalation-800.png) with the cards' rendered heights in
 * card-heights.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../e2e/helpers/start-server.js';
import { FIRST_SCREEN_PX, placeOf } from './helpers/first-screen.js';
import { ARTIFACTS, exchange as exchangeOn, hasChromium, launchChromium } from './helpers/playground.js';

interface Rendered {
  id: string;
  reply: {
    kind: string;
    lang: string;
    title: string;
    cause?: string;
    fix: Array<{ text: string; command?: string }>;
    actions: Array<{ id: string; label: string }>;
  };
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
const heights: Record<string, number> = {};
const pageErrors: string[] = [];

const exchange = (act: () => Promise<void>) => exchangeOn<Answer>(page, act);

const cardIn = (selector: string, id: string) =>
  page.locator(`${selector} article[data-card-id="${id}"] .ac-adaptiveCard`).first();

async function height(card: Locator): Promise<number> {
  return Math.round((await card.boundingBox())!.height);
}

/**
 * The cause and the next step (its command, or its text when it has none, e.g. "contact Microsoft") are shown
 * within the first screen; the second step's command is not.
 */
async function expectFirstScreen(card: Locator, r: Rendered): Promise<void> {
  const cause = await placeOf(card, r.reply.cause!.slice(0, 50));
  const next = r.reply.fix[0]!;
  const command = await placeOf(card, next.command ?? next.text.slice(0, 50));
  expect(cause, 'cause shown').toBeDefined();
  expect(command, 'next command shown').toBeDefined();
  expect(cause!.bottom).toBeLessThanOrEqual(FIRST_SCREEN_PX);
  expect(command!.bottom).toBeLessThanOrEqual(FIRST_SCREEN_PX);
  const second = r.reply.fix.slice(1).find((s) => s.command)?.command;
  if (second) expect(await placeOf(card, second), 'second step folded').toBeUndefined();
}

describe.skipIf(!hasChromium)('cards for people in a hurry, in the playground at 800 px', () => {
  beforeAll(async () => {
    server = await startTestServer({ PLAYGROUND: 'on' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, 'card-heights.json'), JSON.stringify(heights, null, 2) + '\n');
    await browser?.close();
    await server?.close();
  });

  it('at 800 px the chat pane keeps its width and height, with the samples and the escalation channel beside it', async () => {
    const thread = (await page.locator('#thread').boundingBox())!;
    const composer = (await page.locator('#composer').boundingBox())!;
    const panel = (await page.locator('.panel').boundingBox())!;
    expect(thread.width).toBeGreaterThanOrEqual(440);
    expect(thread.height).toBeGreaterThanOrEqual(400);
    // The composer is on screen, under the thread, without scrolling the page.
    expect(composer.y + composer.height).toBeLessThanOrEqual(900);
    expect(panel.width).toBeGreaterThanOrEqual(240);
    expect(panel.x).toBeGreaterThanOrEqual(thread.x + thread.width - 1);
    await expect.poll(() => page.locator('[data-sample="kms-client-no-host"]').isVisible()).toBe(true);
  });

  it('an admin who pasted /dlv sees the cause and one command before Details, and the rest after', async () => {
    const answer = await exchange(() => page.click('[data-sample="kms-client-no-host"]'));
    const r = answer.replies[0]!;
    expect(r.reply.kind).toBe('diagnosis');
    const card = cardIn('#thread', r.id);
    await card.waitFor();
    await expectFirstScreen(card, r);
    heights['kms-client-no-host, first screen (800 px)'] = await height(card);
    await page.screenshot({ path: join(ARTIFACTS, 'diagnosis-800.png') });

    await card.locator('.ac-pushButton', { hasText: 'Details' }).click();
    const second = r.reply.fix.slice(1).find((s) => s.command)!.command!;
    await expect.poll(() => placeOf(card, second)).toBeDefined();
    heights['kms-client-no-host, details open (800 px)'] = await height(card);
    await page.screenshot({ path: join(ARTIFACTS, 'diagnosis-details-800.png') });

    // The Slack preview of the same card: the first screen, then "Details" opens the modal Slack would show.
    await page.click('[data-view="slack"]');
    const slack = page.locator(`#thread article[data-card-id="${r.id}"] .sk-message`).first();
    await slack.waitFor();
    expect(await placeOf(slack, r.reply.cause!.slice(0, 50)), 'cause in Slack').toBeDefined();
    expect(await placeOf(slack, second), 'second step behind Details in Slack').toBeUndefined();
    await slack.locator('button.sk-button', { hasText: 'Details' }).click();
    const modal = slack.locator('.sk-modal');
    await modal.waitFor();
    expect(await modal.getAttribute('aria-label')).toBe('Details');
    expect(await placeOf(modal, second), 'second step in the modal').toBeDefined();
    await page.screenshot({ path: join(ARTIFACTS, 'slack-details-800.png') });
    await modal.locator('.sk-modal-close').click();
    expect(await slack.locator('.sk-modal').count()).toBe(0);
    await page.click('[data-view="teams"]');
  });

  it('a blocked MAK escalated: the handoff card shows its box and buttons first, and a spaced case number is taken', async () => {
    await page.click('#new-thread');
    const answer = await exchange(() => page.click('[data-sample="blocked-mak"]'));
    const r = answer.replies[0]!;
    const card = cardIn('#thread', r.id);
    await card.waitFor();
    await expectFirstScreen(card, r);
    heights['blocked-mak, first screen (800 px)'] = await height(card);
    const escalate = r.reply.actions.find((a) => a.id === 'escalate')!.label;

    const escalated = await exchange(() => card.locator('.ac-pushButton', { hasText: escalate }).click());
    const handoff = escalated.effects.find((e) => e.surface === 'escalations' && e.kind === 'post')!;
    const handoffCard = cardIn('#panel-cards', handoff.id);
    await handoffCard.waitFor();
    const box = (await handoffCard.locator('textarea').boundingBox())!;
    const origin = (await handoffCard.boundingBox())!;
    expect(box.y + box.height - origin.y).toBeLessThanOrEqual(FIRST_SCREEN_PX);
    const buttons = handoffCard.locator('.ac-actionSet').first();
    const row = (await buttons.boundingBox())!;
    expect(row.y - origin.y).toBeLessThanOrEqual(FIRST_SCREEN_PX);
    heights['blocked-mak handoff card, first screen (800 px)'] = await height(handoffCard);

    // Need info with an empty box: the card says the box is required, and nothing is sent.
    let sent = 0;
    const count = (req: { url(): string }) => {
      if (req.url().endsWith('/playground/messages')) sent++;
    };
    page.on('request', count);
    await handoffCard.locator('.ac-pushButton', { hasText: 'Need info' }).click();
    await expect
      .poll(() => handoffCard.innerText())
      .toContain('Type your question, the case number or the resolution first.');
    page.off('request', count);
    expect(sent).toBe(0);

    await handoffCard.locator('textarea').fill('2412 0300 1234');
    const ms = await exchange(() =>
      handoffCard.locator('.ac-pushButton', { hasText: 'Escalated to Microsoft' }).click(),
    );
    expect(JSON.stringify(ms)).toContain('241203001234');
    // The handoff card's first screen now gives the new status (the case number is in its details).
    await expect
      .poll(() => cardIn('#panel-cards', handoff.id).innerText())
      .toContain('Status: escalated to Microsoft');
    await page.screenshot({ path: join(ARTIFACTS, 'escalation-800.png') });
  });

  it('a French admin gets the same first screen in French, with its Détails button', async () => {
    await exchange(() => page.click('[data-lang="fr"]'));
    await page.click('#new-thread');
    const answer = await exchange(() => page.click('[data-sample="kms-client-no-host-fr"]'));
    const r = answer.replies[0]!;
    expect(r.reply.lang).toBe('fr');
    const card = cardIn('#thread', r.id);
    await card.waitFor();
    await expectFirstScreen(card, r);
    expect(await card.locator('.ac-pushButton', { hasText: 'Détails' }).count()).toBe(1);
    heights['kms-client-no-host-fr, first screen (800 px)'] = await height(card);
    await page.screenshot({ path: join(ARTIFACTS, 'french-800.png') });
  });

  it('raised no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
