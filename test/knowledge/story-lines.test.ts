import { describe, expect, it } from 'vitest';
import { storyLines } from '../../src/knowledge/scenarios/story.js';

describe('storyLines: the lines that tell the story', () => {
  it('leaves out labelled output lines and prompts, keeps sentences', () => {
    const text = [
      'C:\\>slmgr /dlv',
      'License Status: Notification',
      'Nom : Windows(R), ServerStandard edition',
      'Our VMs shut down every hour since the trial ended.',
    ].join('\n');
    expect(storyLines(text)).toBe('Our VMs shut down every hour since the trial ended.');
  });

  it('reads a French ` : ` line with more than four words after it as a sentence', () => {
    const word = 'é'.repeat(300);
    expect(storyLines(`Nom : ${word} b c d e f`)).toBe(`Nom : ${word} b c d e f`);
    expect(storyLines(`Nom : ${word} b c d`)).toBe('');
    expect(storyLines(`Nom : ${word} b c d `)).toBe('');
  });
});
