/**
 * GET /privacy and GET /terms: the pages the Teams manifest links (privacyUrl, termsOfUseUrl), in English or
 * French: `?lang=fr|en` first, then the browser's Accept-Language, else English. Served whatever else is on, with
 * no script and no external resource.
 */
import type { Next, Request, Response, Server } from 'restify';
import type { Config } from '../../config.js';
import { DEFAULT_DEDUP_TTL_SEC } from '../../conversations/store.js';
import type { Lang } from '../../knowledge/index.js';
import { ADAPTER_PHRASES, type LegalPage, type RetentionFacts } from '../phrases.js';

export const LEGAL_PATHS = { privacy: '/privacy', terms: '/terms' } as const;

const HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'public, max-age=3600',
  vary: 'accept-language',
};

/** `?lang=` when it names a language we write, else the best of Accept-Language by its q values, else English. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'fr' || query === 'en') return query;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function renderLegalPage(page: LegalPage, lang: Lang, path: string): string {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const sections = page.sections
    .map(
      (s) =>
        `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#242424}h1{color:#0f6cbd}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<p><a href="${path}?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(page.otherLanguage)}</a></p>
${sections}
</body>
</html>
`;
}

/** What the pages say about retention, from the configuration and the stores' own TTLs. */
export function retentionFacts(config: Pick<Config, 'stateTtlDays' | 'redis'>): RetentionFacts {
  return {
    stateTtlDays: config.stateTtlDays,
    dedupTtlHours: Math.round(DEFAULT_DEDUP_TTL_SEC / 3600),
    redis: config.redis !== undefined,
  };
}

export function mountLegalPages(server: Server, config: Pick<Config, 'stateTtlDays' | 'redis'>): void {
  const retention = retentionFacts(config);
  for (const [name, path] of Object.entries(LEGAL_PATHS) as Array<[keyof typeof LEGAL_PATHS, string]>) {
    server.get(path, (req: Request, res: Response, next: Next) => {
      const query = new URL(req.url ?? path, 'http://localhost').searchParams.get('lang') ?? undefined;
      const lang = pickLang(query, req.headers['accept-language']);
      const body = renderLegalPage(ADAPTER_PHRASES[lang][name](retention), lang, path);
      res.writeHead(200, {
        ...HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'content-language': lang,
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      next();
    });
  }
}
