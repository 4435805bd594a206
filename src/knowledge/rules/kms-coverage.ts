/**
 * Which KMS host key (CSVLK) a client OS needs, from the coverage table of the fact sheet (§2, kms-activation-
 * planning). Only the cases the table states plainly are encoded; anything else yields undefined and the finding
 * falls back to generic wording.
 */

export interface CsvlkNeed {
  /** The oldest CSVLK group that activates this client. */
  csvlk: string;
  /** Host OSes that can hold that CSVLK. */
  hostOs: string;
}

const NEEDS: ReadonlyArray<{ match: RegExp; need: CsvlkNeed }> = [
  {
    match: /Server\s+2025/i,
    need: { csvlk: 'Windows Server 2025', hostOs: 'Windows Server 2025, 2022 or 2019' },
  },
  {
    match: /Server\s+2022/i,
    need: { csvlk: 'Windows Server 2022', hostOs: 'Windows Server 2022, 2019 or 2016' },
  },
  {
    // Windows 10 and 11 share their KMS client keys ("Windows 11 / Windows 10"): only a product that is
    // plainly Windows 11 needs the newer key, so the shared name must not match.
    match: /Windows\s+11(?!\s*\/)|LTSC\s+2024/i,
    need: { csvlk: 'Windows Server 2022', hostOs: 'Windows Server 2022, 2019 or 2016' },
  },
  {
    match: /Server\s+2019/i,
    need: { csvlk: 'Windows Server 2019', hostOs: 'Windows Server 2019, 2016 or 2012 R2' },
  },
  {
    match: /Server\s+2016/i,
    need: { csvlk: 'Windows Server 2016', hostOs: 'Windows Server 2016, 2012 R2 or 2012' },
  },
];

/** The CSVLK a client product needs, e.g. `Windows Server 2025` → Windows Server 2025 CSVLK. */
export function csvlkNeededFor(product: string | undefined): CsvlkNeed | undefined {
  if (!product) return undefined;
  return NEEDS.find((n) => n.match.test(product))?.need;
}
