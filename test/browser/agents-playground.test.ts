/**
 * The bot as Teams draws it: Microsoft's Agents Playground (started as the README says) in front of the real server
 * in anonymous mode, driven in headless Chromium at a laptop's size. An admin pastes `slmgr /dlv`, a French admin
 * asks "pourquoi 0xC004F038 ?", and after "start over" a blocked key is escalated and claimed; each card's first screen (600 px) holds
 * the cause and the next step, the rest waits behind Details. What to expect comes from the knowledge core, not from
 * the page. Screenshots: test/artifacts/agents-playground-{diagnosis,french,escalation}.png.
 *
 * The playground's page asks a CDN for fonts; every request that is not to loopback is refused here.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, explain } from '../../src/knowledge/index.js';
import { startTestServer, type TestServer } from '../e2e/helpers/start-server.js';
import { startAgentsPlayground, type AgentsPlayground } from './helpers/agents-playground.js';
import { FIRST_SCREEN_PX, placeOf } from './helpers/first-screen.js';
import { ARTIFACTS, hasChromium, launchChromium } from './helpers/playground.js';

const fixture = (path: string) => readFileSync(join('test', 'fixtures', path), 'utf8');

/** The Entra object id the Agents Playground gives its default user. */
const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020';

/** A card of the bot's, not one nested in it (an `Action.ShowCard` body is a card too). */
const OUTER_CARD = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';

let server: TestServer;
let playground: AgentsPlayground;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const cards = () => page.locator(OUTER_CARD);

/** Types a message in the playground's compose box and returns the first card the bot answers with. */
async function say(text: string): Promise<Locator> {
  const before = await cards().count();
  const box = page.getByRole('textbox').first();
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => cards().count(), { timeout: 15_000 }).toBeGreaterThan(before);
  return cards().nth(before);
}

/** The next step's command as the card shows it: what the core gives, up to its first placeholder. */
const shownCommand = (command: string) => command.split('<')[0]!.trim();

async function expectOnFirstScreen(card: Locator, label: string, text: string): Promise<void> {
  const place = await placeOf(card, text);
  expect(place, `${label} shown`).toBeDefined();
  expect(place!.bottom, `${label} on the first screen`).toBeLessThanOrEqual(FIRST_SCREEN_PX);
}

describe.skipIf(!hasChromium)("Microsoft's Agents Playground in front of the bot", () => {
  beforeAll(async () => {
    // The playground's signed-in user (Alex Wilber, by its default configuration) is on the licensing team.
    server = await startTestServer({ PLAYGROUND: 'on', ESCALATION_MEMBERS: PLAYGROUND_USER });
    playground = await startAgentsPlayground(`${server.url}/api/messages`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    await page.goto(playground.url);
    // The bot greets the new personal chat: the playground is connected to it.
    await page.locator(OUTER_CARD).first().waitFor({ timeout: 20_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await server?.close();
  });

  it('an admin pastes slmgr /dlv: the cause and the one command come first, the other steps behind Details', async () => {
    const paste = fixture('en/slmgr-dlv-kms-client-no-host.txt');
    const expected = diagnose(paste).findings[0]!;
    const card = await say(paste);
    await expect.poll(() => card.innerText()).toContain(expected.title);
    await expectOnFirstScreen(card, 'cause', expected.cause.slice(0, 50));
    await expectOnFirstScreen(card, 'next command', shownCommand(expected.fix[0]!.command!));
    const later = expected.fix.slice(1).find((s) => s.command)?.command;
    if (later) expect(await placeOf(card, shownCommand(later)), 'later steps folded').toBeUndefined();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'agents-playground-diagnosis.png') });

    await card.getByRole('button', { name: 'Details', exact: true }).click();
    if (later) await expect.poll(() => placeOf(card, shownCommand(later))).toBeDefined();
  });

  it('a French admin asks "pourquoi 0xC004F038 ?" and gets the answer in French, Détails included', async () => {
    const expected = explain('0xC004F038', 'fr');
    const card = await say('pourquoi 0xC004F038 ?');
    await expect.poll(() => card.innerText()).toContain(expected.title);
    await expectOnFirstScreen(card, 'cause', expected.causes[0]!.slice(0, 50));
    const next = expected.fix[0]!;
    await expectOnFirstScreen(
      card,
      'next step',
      next.command ? shownCommand(next.command) : next.text.slice(0, 50),
    );
    expect(await card.getByRole('button', { name: 'Détails', exact: true }).count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'agents-playground-french.png') });
  });

  it('a blocked key is escalated: the handoff card opens with its box and buttons, and a licensing engineer claims it', async () => {
    const paste = fixture('en/slmgr-ato-0xC004C003-blocked-mak.txt');
    const expected = diagnose(paste).findings[0]!;
    expect(expected.escalate).toBe(true);
    // A new case in the same personal chat: without this the thread's earlier /dlv would rightly colour the answer.
    await say('start over');
    const card = await say(paste);
    await expect.poll(() => card.innerText()).toContain(expected.title);
    await expectOnFirstScreen(card, 'cause', expected.cause.slice(0, 50));

    const before = await cards().count();
    await card.getByRole('button', { name: 'Escalate', exact: true }).click();
    await expect.poll(() => cards().count()).toBeGreaterThan(before);
    const withClaim = page.locator(OUTER_CARD, {
      has: page.getByRole('button', { name: 'Claim', exact: true }),
    });
    await expect.poll(() => withClaim.count()).toBe(1);
    // Pinned by position: once claimed, the card is updated in place and no longer offers Claim.
    const position = await cards().evaluateAll((all) =>
      all.findIndex((c) =>
        Array.from(c.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'Claim'),
      ),
    );
    const handoff = cards().nth(position);
    await expect.poll(() => handoff.innerText()).toContain(expected.title);
    expect(await handoff.innerText()).toContain('Alex Wilber asked for help in Teams conversation');
    // The clicked card no longer offers Escalate: the thread has an open escalation.
    await expect.poll(() => card.getByRole('button', { name: 'Escalate', exact: true }).count()).toBe(0);

    const top = (await handoff.boundingBox())!.y;
    const box = (await handoff.getByRole('textbox').first().boundingBox())!;
    const claim = (await handoff.getByRole('button', { name: 'Claim', exact: true }).boundingBox())!;
    expect(box.y + box.height - top).toBeLessThanOrEqual(FIRST_SCREEN_PX);
    expect(claim.y + claim.height - top).toBeLessThanOrEqual(FIRST_SCREEN_PX);

    await handoff.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect.poll(() => handoff.innerText(), { timeout: 10_000 }).toMatch(/Assigned to\s+Alex Wilber/);
    await handoff.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'agents-playground-escalation.png') });
  });

  it('raised no script error in the playground page', () => {
    expect(pageErrors).toEqual([]);
  });
});
