/**
 * What admins write around (or instead of) pasted output: a DISM or slmgr line quoted in a sentence, a Win32 error
 * number in words, the activation dialog's text, durations in days. Each is read as the pasted thing would be.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, extract } from '../../src/knowledge/diagnose.js';
import { detectCodes } from '../../src/knowledge/detect/codes.js';
import { parseAll } from '../../src/knowledge/parse/index.js';
import { readQuotedFacts } from '../../src/knowledge/parse/quoted.js';
import { durationMinutes } from '../../src/knowledge/parse/values.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const codesOf = (text: string): Array<[string, string]> => detectCodes(text).map((c) => [c.code, c.form]);

describe('a command line quoted inside a sentence', () => {
  it('"DISM says Current Edition : ServerDatacenterEval" and "slmgr /dlv shows License Status: Notification"', () => {
    const ex = extract(read('en/prose-dism-slmgr-quoted.txt'));
    // What the readers found; the story reader's own observation (storyMatches) is the scenarios' business.
    expect(ex.observations.filter((o) => o.facts.storyMatches === undefined)).toEqual([
      {
        source: 'prose',
        facts: {
          licenseStatus: 'notification',
          currentEdition: 'ServerDatacenterEval',
          edition: 'ServerDatacenterEval',
          isEvaluation: true,
          osKind: 'server',
        },
      },
    ]);
    expect(ex.codes.map((c) => [c.code, c.raw])).toEqual([['0x80070490', 'Error: 1168']]);
  });

  it('the French labels quoted in a French sentence, with a duration in days', () => {
    expect(parseAll(read('fr/prose-dism-slmgr-cites.txt'))).toEqual([
      {
        source: 'prose',
        facts: {
          licenseStatus: 'notification',
          graceMinutesRemaining: 137 * 24 * 60,
          currentEdition: 'ServerStandardEval',
          edition: 'ServerStandardEval',
          isEvaluation: true,
          osKind: 'server',
        },
      },
    ]);
  });

  it('a label word used as a word quotes nothing', () => {
    expect(readQuotedFacts('What does the license status mean when it says notification?')).toEqual({});
    expect(readQuotedFacts('License Status: I have no idea what it means')).toEqual({});
  });
});

describe('a Win32 error number in prose', () => {
  it('"Error: 1168", "error 1231", "code d’erreur 1460" become their HRESULTs', () => {
    expect(codesOf('DISM /Set-Edition said Error: 1168')).toEqual([['0x80070490', 'win32-decimal']]);
    expect(codesOf('we get error 1231 on the branch office clients')).toEqual([
      ['0x800704CF', 'win32-decimal'],
    ]);
    expect(codesOf('code d’erreur 1460 sur la VM')).toEqual([['0x800705B4', 'win32-decimal']]);
    expect(codesOf('erreur : 5 en lançant slmgr')).toEqual([['0x80070005', 'win32-decimal']]);
  });

  it('years, counts, ports, event ids and durations are not errors', () => {
    for (const text of [
      'Port 1688 is open and we have 2024 clients since 2019',
      'event 12290 says count 3, minimum 25',
      'the error started in 2024',
      'error after 120 minutes',
      'erreur depuis 3 jours',
      'error rate 5% on 1231 machines',
      'error 1.5 seconds later',
    ])
      expect([text, codesOf(text)]).toEqual([text, []]);
  });

  it('a number nobody documents as a Win32 error is left alone', () => {
    expect(codesOf('error 54321')).toEqual([]);
  });

  it('the answer is given under the words typed: "Error: 1168" is 0x80070490 seen as "Error: 1168"', () => {
    const d = diagnose('DISM /Set-Edition stops with Error: 1168');
    expect(d.codes[0]).toMatchObject({ code: '0x80070490', seenAs: 'Error: 1168', known: true });
  });
});

describe('the activation dialog’s text', () => {
  it('the English "can’t connect to your organization’s activation server" stands for 0xC004F074', () => {
    const ex = extract(read('en/prose-slui-dialog-azure.txt'));
    expect(ex.codes.map((c) => [c.code, c.form])).toEqual([['0xC004F074', 'dialog']]);
    expect(ex.observations[0]?.facts).toMatchObject({ onAzure: true });
  });

  it('the French dialog too, and the answer is in French', () => {
    const d = diagnose(read('fr/prose-slui-dialogue-vm-azure.txt'));
    expect(d.lang).toBe('fr');
    expect(d.codes[0]).toMatchObject({ code: '0xC004F074', known: true });
    expect(d.codes[0]?.seenAs).toMatch(/^pouvons pas activer Windows sur cet appareil/);
  });

  it('when the dialog prints its code, the code is the one read', () => {
    const text =
      "We can't activate Windows on this device because we can't connect to your organization's activation server. Error code: 0x8007232B";
    expect(codesOf(text)).toEqual([['0x8007232B', 'hex']]);
  });
});

describe('durations in both languages', () => {
  it('minutes win when printed, days and hours are converted, never read as minutes', () => {
    expect(durationMinutes('259200 minute(s) (180 day(s))')).toBe(259200);
    expect(durationMinutes('137 jour(s)')).toBe(137 * 1440);
    expect(durationMinutes('180 day(s)')).toBe(180 * 1440);
    expect(durationMinutes('2 heure(s)')).toBe(120);
    expect(durationMinutes('120 minutes')).toBe(120);
    expect(durationMinutes('120')).toBe(120);
  });

  it('every duration label of /dli and /dlv reads days as days', () => {
    const facts = parseAll(
      [
        'Nom : Windows(R), ServerStandard edition',
        "Expiration de l'activation en volume : 137 jour(s)",
        "Intervalle d'activation : 2 heure(s)",
        'Intervalle de renouvellement : 7 jour(s)',
      ].join('\n'),
    )[0]?.facts;
    expect(facts).toMatchObject({
      graceMinutesRemaining: 137 * 1440,
      kmsActivationIntervalMinutes: 120,
      kmsRenewalIntervalMinutes: 7 * 1440,
    });
  });
});

describe('slmgr’s Description value quoted without its label', () => {
  const channelOf = (text: string) => {
    const facts = Object.assign({}, ...extract(text).observations.map((o) => o.facts)) as Record<
      string,
      unknown
    >;
    return { channel: facts.channel, keyType: facts.keyType };
  };

  it('reads the channel from an English sentence', () => {
    expect(
      channelOf(
        '/dlv looks normal to me. The description line says Windows® Operating System, RETAIL Channel.',
      ),
    ).toEqual({ channel: 'RETAIL', keyType: 'Retail' });
  });

  it('reads the channel from a French line', () => {
    expect(channelOf('Voici la description :\nSystème d’exploitation Windows®, Canal RETAIL')).toEqual({
      channel: 'RETAIL',
      keyType: 'Retail',
    });
  });

  it('reads nothing from a sentence that only names a channel in passing', () => {
    expect(channelOf('is this a retail channel problem or a volume one')).toEqual({
      channel: undefined,
      keyType: undefined,
    });
  });
});

describe('a channel named the way slmgr prints it', () => {
  const channelOf = (text: string) =>
    (Object.assign({}, ...extract(text).observations.map((o) => o.facts)) as Record<string, unknown>).channel;

  it('reads the upper-case token before "channel"', () => {
    expect(channelOf('the image came from an MSDN ISO and /dlv shows the RETAIL channel')).toBe('RETAIL');
  });

  it('reads the French retail wording', () => {
    expect(channelOf('Le slmgr /dlv indique « Canal de vente au détail » dans la description.')).toBe(
      'RETAIL',
    );
  });
});
