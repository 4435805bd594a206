import { describe, expect, it } from 'vitest';
import { extract, mergeFacts } from '../../src/knowledge/index.js';
import {
  buildDossier,
  missingEvidenceAsks,
  tickDossier,
  type EvidenceSeen,
} from '../../src/conversations/escalations/dossier.js';
import {
  dedupeChecklist,
  EVENTS_COMMAND,
  SETUPACT_PATH,
} from '../../src/conversations/escalations/dossier.js';
import { microsoftEscalation } from '../../src/conversations/reply.js';
import { explain } from '../../src/knowledge/index.js';
import { detectProofOfPurchase, detectSetupactLog } from '../../src/conversations/escalations/detect.js';
import { canAct, normalizeCaseNumber } from '../../src/conversations/escalations/machine.js';
import { isEscalateRequest, isListEscalationsRequest } from '../../src/conversations/escalations/commands.js';
import { fold } from '../../src/knowledge/fold.js';
import { fixture, PASTED_MAK } from './helpers.js';

function seenOf(...texts: string[]): EvidenceSeen {
  const observations = texts.flatMap((t) => extract(t).observations);
  return { facts: mergeFacts(observations), sources: observations.map((o) => o.source), texts };
}

function present(seen: EvidenceSeen) {
  const d = buildDossier(seen.facts, [], [], [], 'en', seen);
  return Object.fromEntries(d.checklist.map((i) => [i.id, i.present]));
}

describe('escalation dossier', () => {
  it('ticks the evidence a blocked-MAK thread already holds and asks for the rest with exact commands', () => {
    const seen = seenOf(
      fixture('en', 'slmgr-dlv-mak-notification.txt'),
      fixture('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'),
    );
    const d = buildDossier(
      seen.facts,
      ['0xC004C003'],
      [{ id: 'key-blocked', title: 'MAK blocked' }],
      [],
      'en',
      seen,
    );
    expect(present(seen)).toEqual({
      dlv: true,
      ato: true,
      installation_id: true,
      events: false,
      proof_of_purchase: false,
      partial_key: true,
    });
    expect(d.checklist.find((i) => i.id === 'partial_key')?.value).toBe('8HTKD');
    expect(d.checklist.find((i) => i.id === 'ato')?.value).toBe('0xC004C003');
    expect(d.facts.map((f) => f.key)).toEqual(
      expect.arrayContaining(['edition', 'channel', 'partialProductKey']),
    );
    const commands = missingEvidenceAsks(d, 'en').map((a) => a.command);
    expect(commands).toEqual([EVENTS_COMMAND, SETUPACT_PATH, 'agreement 12345678']);
    expect(EVENTS_COMMAND).toBe(
      `Get-WinEvent -LogName Application -FilterXPath "*[System[Provider[@Name='Microsoft-Windows-Security-SPP']]]" -MaxEvents 20`,
    );
    expect(SETUPACT_PATH).toBe('%windir%\\Panther\\setupact.log');
  });

  it('asks for slmgr /dlv, /ato, /dti and the last five characters when the thread has none of them', () => {
    const d = buildDossier({}, [], [], [], 'fr', { sources: [] });
    const commands = missingEvidenceAsks(d, 'fr').map((a) => a.command);
    expect(commands).toEqual([
      'slmgr /dlv',
      'slmgr /ato',
      'slmgr /dti',
      EVENTS_COMMAND,
      SETUPACT_PATH,
      'contrat n° 12345678',
      'slmgr /dli',
    ]);
    expect(d.checklist[0]?.label.fr).toBe('Sortie de slmgr /dlv');
  });

  it('ticks items as they arrive and never unticks one', () => {
    const start = buildDossier({}, [], [], [], 'en', { sources: [] });
    const afterDti = tickDossier(start, seenOf(fixture('en', 'slmgr-dti.txt')));
    expect(afterDti.ticked).toEqual(['installation_id']);
    const afterEvent = tickDossier(afterDti.dossier, seenOf(fixture('en', 'event-8198-0xC0020017.txt')));
    expect(afterEvent.ticked).toEqual(['events']);
    expect(afterEvent.dossier.checklist.find((i) => i.id === 'events')?.value).toBe('8198');
    const nothing = tickDossier(afterEvent.dossier, seenOf('thanks, will do'));
    expect(nothing.ticked).toEqual([]);
    expect(nothing.dossier).toBe(afterEvent.dossier);
    expect(nothing.dossier.checklist.find((i) => i.id === 'installation_id')?.present).toBe(true);
  });

  it('reads agreement numbers stated in English or French, and setupact.log lines', () => {
    expect(detectProofOfPurchase('Our agreement 1234567 covers it')).toBe('agreement 1234567');
    expect(detectProofOfPurchase('Enrollment number: 54321234')).toBe('enrollment 54321234');
    expect(detectProofOfPurchase('voici le contrat n° 8765432')).toBe('contrat 8765432');
    expect(detectProofOfPurchase('numéro de contrat : V1234567')).toBe('contrat V1234567');
    expect(detectProofOfPurchase('the server has 1234567 bytes free')).toBeUndefined();
    expect(detectProofOfPurchase(`agreement key ${PASTED_MAK}`)).toBeUndefined();
    expect(
      detectSetupactLog(
        '2025-03-14 09:30:11, Info                  [0x0606cc] IBS    Setup: licensing\n2025-03-14 09:30:12, Error                 SP     Failed to apply key',
      ),
    ).toBe(true);
    expect(detectSetupactLog('please check setupact.log')).toBe(false);
    const ticked = tickDossier(buildDossier({}, [], [], [], 'en'), seenOf('contrat n° 8765432'));
    expect(ticked.ticked).toEqual(['proof_of_purchase']);
  });

  it('keeps only the last five characters of a product key', () => {
    const seen = seenOf(`I typed slmgr /ipk ${PASTED_MAK}`, fixture('en', 'slmgr-dlv-mak-notification.txt'));
    const d = buildDossier(
      seen.facts,
      [],
      [{ id: 'x', title: `key ${PASTED_MAK}` }],
      [`reinstalled ${PASTED_MAK}`],
      'en',
      seen,
    );
    const json = JSON.stringify(d);
    expect(json).not.toContain(PASTED_MAK);
    expect(json).toContain('XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
  });
});

describe('what to have ready for Microsoft', () => {
  it('an admin with a blocked MAK is asked for each piece of evidence once, however the sources phrase it', () => {
    for (const lang of ['en', 'fr'] as const) {
      const bring = microsoftEscalation(lang, ['0xC004C003'], explain('0xC004C003', lang).bring).bring;
      const about = (re: RegExp) => bring.filter((b) => re.test(b));
      expect(about(/slmgr \/dlv/), lang).toHaveLength(1);
      expect(about(/slmgr \/dti/), lang).toHaveLength(1);
      expect(about(/(five|cinq)/i), lang).toHaveLength(1);
      // The line that names the actual code is the one kept.
      expect(about(/(error code|code d'erreur|code et le message)/i), lang).toEqual([
        expect.stringContaining('0xC004C003'),
      ]);
    }
  });

  it('keeps an agreement line and a proof-of-purchase line that ask for different things', () => {
    expect(
      dedupeChecklist([
        'Volume License agreement information',
        'Proof of purchase',
        'Your Volume Licensing agreement number and the proof of purchase.',
        'How many more activations you need.',
        'How many more activations you need.',
      ]),
    ).toEqual([
      'Volume License agreement information',
      'Proof of purchase',
      'How many more activations you need.',
    ]);
  });
});

describe('escalation permissions and case numbers', () => {
  it('lets configured members or confirmed channel members act, and nobody else', () => {
    expect(canAct({ id: 'U1' }, { members: ['U1'] })).toBe(true);
    expect(canAct({ id: 'U2' }, { members: ['U1'] })).toBe(false);
    expect(canAct({ id: 'U2' }, { members: [], channelMember: true })).toBe(true);
    expect(canAct({ id: 'U2' }, { members: [], channelMember: false })).toBe(false);
    expect(canAct({ id: 'U2' }, { members: [] })).toBe(false);
  });

  it('accepts a Microsoft case number typed with or without a prefix', () => {
    expect(normalizeCaseNumber('2503140010001234')).toBe('2503140010001234');
    expect(normalizeCaseNumber('case #2503140010001234')).toBe('2503140010001234');
    expect(normalizeCaseNumber('dossier n° 2503140010001234')).toBe('2503140010001234');
    expect(normalizeCaseNumber('see ticket')).toBeUndefined();
    expect(normalizeCaseNumber('12')).toBeUndefined();
    // Read out over the phone in groups, or pasted from Microsoft's mail with a no-break space.
    expect(normalizeCaseNumber('2412 0300 1234')).toBe('241203001234');
    expect(normalizeCaseNumber('case 2412\u00a00300 1234')).toBe('241203001234');
    // Words are not glued into a "number".
    expect(normalizeCaseNumber('need more info')).toBeUndefined();
  });
});

describe('escalation chat commands', () => {
  it('recognises a request to escalate in English or French, but not a message that only mentions it', () => {
    for (const t of [
      'escalate',
      'Escalader',
      'please escalate this',
      'escaladez le cas svp',
      'escalade ça !',
    ]) {
      expect(isEscalateRequest(fold(t)), t).toBe(true);
    }
    for (const t of [
      'should I escalate or wait for the KMS count?',
      'escalations',
      'the escalate button did nothing',
    ]) {
      expect(isEscalateRequest(fold(t)), t).toBe(false);
    }
  });

  it('recognises the open-escalations list command', () => {
    for (const t of [
      'escalations',
      '/activation escalations',
      'activation escalations',
      'Escalades ouvertes',
    ]) {
      expect(isListEscalationsRequest(fold(t)), t).toBe(true);
    }
    expect(isListEscalationsRequest(fold('how do escalations work here?'))).toBe(false);
  });
});
