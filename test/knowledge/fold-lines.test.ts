/** `foldLines` folds a whole paste at once, a piece of lines at a time: each line as `fold` alone would fold it. */
import { describe, expect, it } from 'vitest';
import { fold, foldLines } from '../../src/knowledge/fold.js';

describe('foldLines', () => {
  it('gives fold of every line, across pieces and on a text with no line break', () => {
    const line = 'État de la licence :\tAvec  licence — ‘Clé’ ';
    const long = Array.from({ length: 2000 }, (_, i) => `${line}${i}\u00a0 Nom : ${'é'.repeat(i % 50)}`);
    for (const text of ['', 'ONE LINE', '\n\n', long.join('\n'), `${'é'.repeat(40_000)}\nx`]) {
      expect(foldLines(text)).toEqual(text.split('\n').map(fold));
    }
  });
});
