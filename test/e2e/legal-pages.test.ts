/**
 * The privacy and terms pages the Teams manifest links: an admin reviewing the app before approving it in the
 * Teams admin center opens them, in English or French, and reads what the bot keeps, for how long and how to
 * remove it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickLang } from '../../src/adapters/http/legal-pages.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ STATE_TTL_DAYS: '14' });
});

afterAll(async () => {
  await server?.close();
});

async function page(path: string, acceptLanguage?: string) {
  const res = await fetch(`${server.url}${path}`, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  });
  return { res, html: await res.text() };
}

describe('GET /privacy', () => {
  it('says in English what is kept, never kept, for how long (STATE_TTL_DAYS) and how to purge it', async () => {
    const { res, html } = await page('/privacy');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('never keeps the transcript');
    expect(html).toContain('XXXXX-XXXXX-XXXXX-XXXXX-ABCDE');
    expect(html).toContain('expire 14 days after the thread last changed');
    expect(html).toContain('Escalation records expire 14 days'); // the same STATE_TTL_DAYS
    expect(html).toContain('Uninstalling the app from a Slack workspace');
    expect(html).toContain('in its own memory only'); // this test server has no Redis
  });

  it('is in French for ?lang=fr or a French browser', async () => {
    for (const { html, res } of [
      await page('/privacy?lang=fr'),
      await page('/privacy', 'fr-FR,fr;q=0.9,en;q=0.5'),
    ]) {
      expect(res.headers.get('content-language')).toBe('fr');
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('expirent 14 jours après la dernière modification du fil');
      expect(html).toContain('Désinstaller l’application d’un espace de travail Slack');
      expect(html).toContain('href="/privacy?lang=en"');
    }
  });

  it('runs no script and loads nothing from elsewhere', async () => {
    const { res, html } = await page('/privacy');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe('GET /terms', () => {
  it('states the purpose, the lack of warranty and the refusal of activation bypasses, in both languages', async () => {
    const en = await page('/terms', 'en-GB');
    expect(en.res.status).toBe(200);
    expect(en.html).toContain('without warranty of any kind, under the MIT licence');
    expect(en.html).toContain('KMS emulators');
    const fr = await page('/terms?lang=fr');
    expect(fr.html).toContain('sans garantie d’aucune sorte, sous licence MIT');
    expect(fr.html).toContain('émulateurs KMS');
  });
});

describe('which language a page is in', () => {
  it('?lang wins, then the best Accept-Language by q value, else English', () => {
    expect(pickLang('fr', 'en')).toBe('fr');
    expect(pickLang('de', 'fr-CA')).toBe('fr');
    expect(pickLang(undefined, 'de-DE, fr;q=0.4, en;q=0.7')).toBe('en');
    expect(pickLang(undefined, 'en;q=0.2, fr-BE;q=0.8')).toBe('fr');
    expect(pickLang(undefined, 'de, es')).toBe('en');
    expect(pickLang(undefined, 'fr;q=0')).toBe('en');
    expect(pickLang(undefined, undefined)).toBe('en');
  });
});
