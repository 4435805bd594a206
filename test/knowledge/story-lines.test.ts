import { describe, expect, it } from 'vitest';
import { matchStory, storyLines } from '../../src/knowledge/scenarios/story.js';

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

  it('leaves out the lines of a pasted configuration file, keeps the sentence around it', () => {
    const text = [
      'This is the configuration.xml we installed Office with:',
      '<Configuration>',
      '  <Add OfficeClientEdition="64" Channel="PerpetualVL2024">',
      '    <Language ID="en-us" />',
      '  <Display Level="None" AcceptEULA="TRUE" />',
      '<SkipRearm>1</SkipRearm>',
      '</Configuration>',
    ].join('\n');
    expect(storyLines(text)).toBe('This is the configuration.xml we installed Office with:');
  });

  it('reads a French ` : ` line with more than four words after it as a sentence', () => {
    const word = 'é'.repeat(300);
    expect(storyLines(`Nom : ${word} b c d e f`)).toBe(`Nom : ${word} b c d e f`);
    expect(storyLines(`Nom : ${word} b c d`)).toBe('');
    expect(storyLines(`Nom : ${word} b c d `)).toBe('');
  });
});

describe('matchStory: which words count', () => {
  it('reads a licence name such as E3 as a word of the story', () => {
    const top = matchStory('Enterprise LTSC with an E3 licence')[0];
    expect(top?.scenario).toBe('subscription-activation-base');
  });

  it('does not take the name of the tool everyone runs for a symptom', () => {
    // "slmgr dlv" is in a phrase of the registry-permissions scenario: alone it must not point there.
    const ids = matchStory('Compared slmgr /dlv on two of them').map((m) => m.scenario);
    expect(ids).not.toContain('licensing-permissions-registry');
  });
});
