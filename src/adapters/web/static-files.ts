/**
 * The playground's page and scripts, served from the package itself: no CDN, no external request. `tsc` only
 * compiles .ts, so the assets stay in `src/adapters/web/static/` and are found from the package root whether this
 * module runs from `src/` (tests) or `dist/src/` (`npm start`). The Adaptive Cards renderer is the package's own
 * UMD bundle, resolved through Node's module resolution.
 *
 * Every file is read once at mount time and kept in memory: a handful of small files, served with strict headers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** The page's own files, by the name the page asks for. Nothing outside this list is ever read from disk. */
const PAGE_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'markdown.js': 'text/javascript; charset=utf-8',
  'slack-preview.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
  'teams-host-config.json': 'application/json; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

/** Vendor files: the `adaptivecards` package's browser bundle and its stylesheet. */
const VENDOR_FILES: Record<string, { file: string; contentType: string }> = {
  'adaptivecards.js': { file: 'dist/adaptivecards.min.js', contentType: 'text/javascript; charset=utf-8' },
  'adaptivecards.css': { file: 'dist/adaptivecards.css', contentType: 'text/css; charset=utf-8' },
};

/** The folder holding package.json, walking up from `from` (a file URL or path). */
export function findPackageRoot(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

export function staticDir(root: string = findPackageRoot()): string {
  return join(root, 'src', 'adapters', 'web', 'static');
}

export interface PlaygroundAssets {
  page: Map<string, Asset>;
  vendor: Map<string, Asset>;
  /** Why the Adaptive Cards bundle is missing (the page then shows the Block Kit view only), if it is. */
  vendorProblem?: string;
}

export function loadAssets(dir: string = staticDir()): PlaygroundAssets {
  const page = new Map<string, Asset>();
  for (const [name, contentType] of Object.entries(PAGE_FILES)) {
    page.set(name, { body: readFileSync(join(dir, name)), contentType });
  }
  const vendor = new Map<string, Asset>();
  let vendorProblem: string | undefined;
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('adaptivecards/package.json'));
    for (const [name, v] of Object.entries(VENDOR_FILES)) {
      vendor.set(name, { body: readFileSync(join(pkgDir, v.file)), contentType: v.contentType });
    }
  } catch (err) {
    vendorProblem = `the adaptivecards package is not installed (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  return { page, vendor, ...(vendorProblem ? { vendorProblem } : {}) };
}

/**
 * Headers for every playground response. The page loads only same-origin scripts; styles allow inline values
 * because the Adaptive Cards renderer sets element styles. Links in cards open in a new tab, never in a frame.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};
