/**
 * Renders the screenshot fixtures: every scene of scenes.ts as HTML in Debian's Chromium (playwright-core),
 * shot at each of its scalings and framings, PNG or JPEG, into test/fixtures/screenshots/, each with a sidecar
 * `<name>.json` label computed from the window's text. Existing files there are replaced.
 * Run: `npm run screenshots` (CHROMIUM_PATH overrides /usr/bin/chromium). When only the knowledge core changed,
 * `npm run screenshots -- --labels-only` rewrites the labels and leaves the images alone (no browser needed).
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expectedFromText, type ScreenshotLabel } from './label.js';
import { scenes, type Scene, type Shot } from './scenes.js';
import { windowHtml } from './windows.js';

const OUT = join(process.cwd(), 'test', 'fixtures', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fileName(lang: string, slug: string, shot: Shot): string {
  return `${lang}-${slug}-${Math.round(shot.scale * 100)}-${shot.frame}.${shot.format === 'jpeg' ? 'jpg' : 'png'}`;
}

function writeLabel(label: ScreenshotLabel): void {
  writeFileSync(
    join(OUT, label.image.replace(/\.(png|jpg)$/, '.json')),
    `${JSON.stringify(label, null, 2)}\n`,
  );
}

function labelFor(scene: Scene, shot: Shot, expected: ScreenshotLabel['expected']): ScreenshotLabel {
  return {
    image: fileName(scene.lang, scene.slug, shot),
    lang: scene.lang,
    kind: scene.kind,
    scale: shot.scale,
    frame: shot.frame,
    format: shot.format,
    text: scene.shown,
    expected,
  };
}

if (process.argv.includes('--labels-only')) {
  let count = 0;
  for (const scene of scenes()) {
    const expected = expectedFromText(scene.shown);
    for (const shot of scene.shots) {
      writeLabel(labelFor(scene, shot, expected));
      count++;
    }
  }
  console.log(`${count} labels rewritten in ${OUT}`);
  process.exit(0);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  let total = 0;
  let count = 0;
  for (const scene of scenes()) {
    const expected = expectedFromText(scene.shown);
    for (const shot of scene.shots) {
      const context = await browser.newContext({
        viewport: { width: 1040, height: 600 },
        deviceScaleFactor: shot.scale,
        locale: scene.lang === 'fr' ? 'fr-FR' : 'en-US',
      });
      const page = await context.newPage();
      // Nothing leaves the page: the HTML is self-contained.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(windowHtml(scene.kind, scene.window));
      const label = labelFor(scene, shot, expected);
      const path = join(OUT, label.image);
      const options = {
        path,
        type: shot.format,
        ...(shot.format === 'jpeg' ? { quality: shot.quality ?? 80 } : {}),
      } as const;
      if (shot.frame === 'desktop') await page.screenshot({ ...options, fullPage: true });
      else await page.locator(shot.frame === 'window' ? '#window' : '#content').screenshot(options);
      await context.close();
      writeLabel(label);
      total += statSync(path).size;
      count++;
    }
  }
  const files = readdirSync(OUT).length;
  console.log(
    `${count} screenshots (${files} files) in ${OUT}, ${(total / 1024 / 1024).toFixed(2)} MiB of images`,
  );
} finally {
  await browser.close();
}
