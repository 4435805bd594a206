/**
 * The English and French trained data come from npm (`@tesseract.js-data/eng`, `@tesseract.js-data/fra`), so
 * OCR never downloads anything. tesseract.js reads every language from one folder (`langPath`) while each
 * package keeps its file in its own, so a private temporary folder links the two files side by side.
 */
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const OCR_LANGS = ['eng', 'fra'] as const;
export type OcrLang = (typeof OCR_LANGS)[number];

/** The LSTM-only ("best_int") models: what the LSTM engine uses, and a third of the size of the full ones. */
const MODEL_DIR = '4.0.0_best_int';

const require = createRequire(import.meta.url);

/** Path of a language's gzipped model inside its npm package. */
export function trainedDataFile(lang: OcrLang): string {
  const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return join(pkg, MODEL_DIR, `${lang}.traineddata.gz`);
}

export interface TrainedDataFolder {
  path: string;
  remove(): Promise<void>;
}

/** A folder holding `<lang>.traineddata.gz` for each language (links to the package files, copies if links fail). */
export async function trainedDataFolder(langs: readonly OcrLang[] = OCR_LANGS): Promise<TrainedDataFolder> {
  const path = await mkdtemp(join(tmpdir(), 'activation-doctor-ocr-'));
  try {
    for (const lang of langs) {
      const from = trainedDataFile(lang);
      const to = join(path, `${lang}.traineddata.gz`);
      await symlink(from, to).catch(() => copyFile(from, to));
    }
  } catch (err) {
    await rm(path, { recursive: true, force: true });
    throw err;
  }
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
