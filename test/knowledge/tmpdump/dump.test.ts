import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'vitest';
import { parseAll } from '../../../src/knowledge/parse/index.js';
test('dump', () => {
  for (const lang of ['en', 'fr']) {
    const dir = `/work/main/test/fixtures/${lang}`;
    for (const f of readdirSync(dir).sort()) console.log('==', lang, f, JSON.stringify(parseAll(readFileSync(dir + '/' + f, 'utf8'))));
  }
});
