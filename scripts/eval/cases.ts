/**
 * Labelled real cases (test/fixtures/cases/<lang>/<id>.yaml, format in the case gatherers' brief): read and
 * checked with zod, so a malformed file is named instead of skewing the score.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';

export const CASE_KINDS = [
  'code-only',
  'paste',
  'story',
  'azure',
  'kms-host',
  'mak',
  'eval',
  'channel',
  'office',
  'imaging',
  'thread',
] as const;

export const CaseSchema = z
  .object({
    id: z.string().regex(/^(en|fr)-[a-z0-9-]+$/),
    kind: z.enum(CASE_KINDS),
    lang: z.enum(['en', 'fr']),
    source: z.object({ url: z.string().url(), title: z.string().min(1), accepted: z.string().min(1) }),
    messages: z.array(z.string().min(1)).min(1).max(5),
    expect: z.object({
      scenario: z.string().min(1),
      also: z
        .array(z.string())
        .nullish()
        .transform((v) => v ?? []),
      escalate: z.boolean(),
    }),
  })
  .refine((c) => (c.kind === 'thread') === c.messages.length > 1, {
    message: 'kind "thread" exactly when there are several messages',
  });
export type Case = z.infer<typeof CaseSchema>;

export interface LoadedCases {
  cases: Case[];
  /** Files that are not valid cases, with the reason. */
  invalid: { file: string; error: string }[];
}

function yamlFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

export function loadCases(dirs: readonly string[]): LoadedCases {
  const cases: Case[] = [];
  const invalid: LoadedCases['invalid'] = [];
  const seen = new Set<string>();
  for (const file of dirs.flatMap(yamlFiles)) {
    try {
      const parsed = CaseSchema.parse(loadYaml(readFileSync(file, 'utf8')));
      if (parsed.id !== basename(file).replace(/\.ya?ml$/, ''))
        throw new Error('id differs from the file name');
      if (seen.has(parsed.id)) continue;
      seen.add(parsed.id);
      cases.push(parsed);
    } catch (err) {
      invalid.push({ file, error: err instanceof Error ? err.message.slice(0, 300) : String(err) });
    }
  }
  return { cases, invalid };
}
