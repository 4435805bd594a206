/** Every paste in test/fixtures/{en,fr}, for suites that run a check over all of them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixturePaste {
  /** `en/slmgr-dlv-….txt` */
  name: string;
  lang: 'en' | 'fr';
  text: string;
}

const ROOT = join(import.meta.dirname, '..', 'fixtures');

export function allFixtures(): FixturePaste[] {
  return (['en', 'fr'] as const).flatMap((lang) =>
    readdirSync(join(ROOT, lang))
      .sort()
      .map((file) => ({ name: `${lang}/${file}`, lang, text: readFileSync(join(ROOT, lang, file), 'utf8') })),
  );
}
