/**
 * Files in the playground page, in headless Chromium on the real server: a screenshot picked with "Attach a
 * file" shows "Reading your screenshot…" and then that same message becomes the diagnosis card; a text file
 * pasted into the box (as the clipboard hands a copied file) is sent as an attachment, not as text. Leaves a
 * screenshot of the page in test/artifacts/playground-upload.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../e2e/helpers/start-server.js';
import { ARTIFACTS, hasChromium, launchChromium } from './helpers/playground.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const SHOT = fileURLToPath(new URL('screenshots/en-wsh-dlv-kms-client-no-host-100-content.png', FIXTURES));
const OUT_TXT = readFileSync(new URL('files/en-slmgr-dlv-powershell-utf16le.txt', FIXTURES));

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

describe.skipIf(!hasChromium)('playground uploads in a browser', () => {
  beforeAll(async () => {
    server = await startTestServer({ PLAYGROUND: 'on' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith('data:'))
        foreignRequests.push(req.url());
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an attached screenshot is acknowledged, then that message becomes the diagnosis', async () => {
    await page.setInputFiles('#attach-input', SHOT);
    expect(await page.locator('#attachments li').count()).toBe(1);
    await page.click('#send');

    const ack = page.locator('#thread article.msg.bot[data-kind="notice"]');
    await ack.waitFor({ timeout: 30_000 });
    expect(await ack.innerText()).toMatch(/Reading your screenshot/);
    const ackId = await ack.getAttribute('data-card-id');

    const card = page.locator(`#thread article.msg.bot[data-card-id="${ackId}"][data-kind="diagnosis"]`);
    await card.waitFor({ timeout: 120_000 });
    expect(await page.locator('#thread article.msg.bot').count()).toBe(1);
    expect(await card.innerText()).toMatch(/KMS/);
    expect(await page.locator('#thread article.msg.user').last().innerText()).toContain(
      'en-wsh-dlv-kms-client-no-host-100-content.png',
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-upload.png'), fullPage: true });
    // Nothing of the image is kept in the tab: only its name.
    const stored = await page.evaluate(() => JSON.stringify(window.sessionStorage));
    expect(stored.length).toBeLessThan(200_000);
    expect(stored).not.toContain('iVBORw0KGgo'); // a PNG in base64
  }, 180_000);

  it('a text file pasted into the box is sent as an attachment and answered like the paste', async () => {
    const bytes = [...OUT_TXT];
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/playground/uploads')),
      page.evaluate((data) => {
        const box = document.getElementById('message') as HTMLTextAreaElement;
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], 'out.txt', { type: 'text/plain' }));
        box.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
        (document.getElementById('send') as HTMLButtonElement).click();
      }, bytes),
    ]);
    expect(response.status()).toBe(200);
    const card = page.locator('#thread article.msg.bot[data-kind="diagnosis"]').last();
    await page.waitForFunction(() => document.querySelectorAll('#thread article.msg.bot').length === 2);
    expect(await card.innerText()).toMatch(/KMS/);
    expect(await page.inputValue('#message')).toBe('');
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 60_000);
});
