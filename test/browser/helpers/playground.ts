/**
 * What every playground browser test shares: where Debian's Chromium is, how it is launched (no background
 * networking: this machine has no internet, and Chromium would keep trying), and how a click or a typed message is
 * paired with the /playground/messages answer it caused.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Runs `act` on the page and returns the JSON of the /playground/messages response it caused. */
export async function exchange<T>(page: Page, act: () => Promise<void>): Promise<T> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r: Response) => r.url().endsWith('/playground/messages') && r.request().method() === 'POST',
    ),
    act(),
  ]);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}
