/** The bot answers in the language of the message when it can tell, and keeps its default when it cannot. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/knowledge/diagnose.js';
import { detectLang, detectMessageLang, langScores } from '../../src/knowledge/lang.js';

const dir = (l: string): URL => new URL(`../fixtures/${l}/`, import.meta.url);

describe('langScores: Windows labels', () => {
  it('counts a label only when no letter is glued before it, and finds one starting inside a refused find', () => {
    expect(langScores('License Status: Licensed')).toEqual({ fr: 0, en: 4 });
    expect(langScores('XLicense Status: x')).toEqual({ fr: 0, en: 0 });
    // "partial product key" is refused (glued to X); "product key channel" starts inside it and counts.
    expect(langScores('Xpartial product key channel')).toEqual({ fr: 0, en: 4 });
    // A letter outside the BMP glued before the label is a letter too (the word "license" still counts once:
    // words are runs of Latin letters).
    expect(langScores('\u{1D400}license status')).toEqual({ fr: 0, en: 1 });
    expect(langScores('erreur : 0x1 erreur: 2 xerreur:')).toEqual({ fr: 8, en: 0 });
  });
});

describe('detectLang', () => {
  it('French sentences and French Windows output are French', () => {
    expect(detectLang("Bonjour, l'activation échoue après la conversion, voici la sortie")).toBe('fr');
    expect(detectLang('État de la licence : Avec licence\nClé de produit partielle : 6VM33')).toBe('fr');
    for (const f of [
      'slmgr-dlv-client-kms-sans-hote.txt',
      'prose-controleur-clone-vm.txt',
      'slack-plusieurs-sorties.txt',
      'dism-set-edition-controleur-de-domaine.txt',
    ]) {
      expect([f, detectLang(readFileSync(new URL(f, dir('fr')), 'utf8'))]).toEqual([f, 'fr']);
    }
  });

  it('English sentences and English Windows output are English', () => {
    expect(detectLang('Hello, activation fails on this server after the conversion')).toBe('en');
    for (const f of [
      'slmgr-dlv-kms-client-no-host.txt',
      'prose-dc-snapshot-not-elevated.txt',
      'slack-fenced-several-outputs.txt',
      'slmgr-dli-server-eval.txt',
    ]) {
      expect([f, detectLang(readFileSync(new URL(f, dir('en')), 'utf8'))]).toEqual([f, 'en']);
    }
  });

  it('no English fixture is taken for French and no French fixture for English', () => {
    for (const f of readdirSync(dir('en')))
      expect([f, detectLang(readFileSync(new URL(f, dir('en')), 'utf8'))]).not.toEqual([f, 'fr']);
    // Test-NetConnection prints English property names on a French system too; its warning prefix
    // (« AVERTISSEMENT : ») is what says the system is French.
    for (const f of readdirSync(dir('fr')))
      expect([f, detectLang(readFileSync(new URL(f, dir('fr')), 'utf8'))]).not.toEqual([f, 'en']);
  });

  it('a short question is settled by its commonest words', () => {
    expect(detectLang("que veut dire 0xC004E002 à l'activation ?")).toBe('fr');
    expect(detectLang("j'ai un souci de clé")).toBe('fr');
    expect(detectLang('what does 0xC004E002 mean')).toBe('en');
    expect(detectLang('do you know where this comes from')).toBe('en');
  });

  it("the quoted slui dialog does not outvote a French admin's own lines", () => {
    const text = [
      "VM Azure durcie, pare-feu en sortie bloqué par défaut. Au moment d'activer :",
      'Windows Activation',
      'A problem occurred when Windows tried to activate. Error Code 0x800705B4.',
      'For a possible resolution, click More Information.',
      'Contact your system administrator or technical support department for assistance.',
    ].join('\n');
    expect(detectMessageLang(text, text)).toBe('fr');
  });

  it('a bare code or an empty message leaves the language undecided', () => {
    expect(detectLang('0xC004F074')).toBeUndefined();
    expect(detectLang('')).toBeUndefined();
    expect(detectLang('slmgr /ato')).toBeUndefined();
  });

  it('labels count where a word starts, in any case, each once', () => {
    // One French label (3 points) outweighs one English stop word; the same text glued to a word is no label
    // (its words "de la licence" still count, as any French words do).
    expect(detectLang('ÉTAT DE LA LICENCE : the')).toBe('fr');
    expect(detectLang('xétat de la licence : the the the')).not.toBe('fr');
    // Two English labels beat three French stop words; overlapping spellings count once each.
    expect(detectLang('Partial Product Key: 3V66T\nLicense Status: Licensed\nle la les')).toBe('en');
    expect(detectLang('erreur : erreur :')).toBe('fr');
  });

  it('a Kelvin sign or a long s still reads as the letter it folds to', () => {
    expect(detectLang('nom d’ordinateur \u212Ams : x\nintervalle d’activation : 120')).toBe('fr');
  });

  it('letters inside IDs are not words: a GUID or a product ID alone says nothing', () => {
    expect(detectLang('CMID: 3c1c2d4e-55c9-4c7c-9c3c-1c2c3c4c5c6c')).toBeUndefined();
    expect(detectLang('55c92734-c1c2-4c71-983c-d6ec3c16059c 7c2c')).toBeUndefined();
    expect(detectLang("c'est le CMID 3c1c2d4e-55c9-4c7c-9c3c-1c2c3c4c5c6c, pourquoi ?")).toBe('fr');
  });

  it('a French admin asking "pourquoi 0xC004F038 ?" or "c\'est quoi 0xC004C003" is answered in French', () => {
    expect(detectLang('pourquoi 0xC004F038 ?')).toBe('fr');
    expect(detectLang("c'est quoi 0xC004C003")).toBe('fr');
    expect(detectLang('ça veut dire quoi -1073418124 ?')).toBe('fr');
    expect(detectLang('Comment corriger 0x8007232B')).toBe('fr');
  });

  it('a short message in one language with a code, or with an accented word, is read in that language', () => {
    expect(detectLang('erreur 0xC004C003')).toBe('fr');
    expect(detectLang('il dit 0xC004F074')).toBe('fr');
    expect(detectLang('VM Azure pas activée')).toBe('fr');
    expect(detectLang('Activation échoue')).toBe('fr');
    expect(detectLang('0xC004F038 again on the new VMs')).toBe('en');
    // One function word and no code is too little, and a mix stays undecided.
    expect(detectLang('slmgr /ato sur chacun :')).toBeUndefined();
    expect(detectLang('erreur 0xC004F074 the')).toBeUndefined();
  });

  it('a Windows label quoted inside a French sentence does not make it English', () => {
    const text = 'DISM indique Current Edition : ServerDatacenterEval et slmgr /ato renvoie 0xC004F069';
    expect(detectMessageLang(text, text)).toBe('fr');
    // The same label where Windows writes it, at the start of a line, still counts.
    expect(detectLang('Current Edition : ServerDatacenterEval')).toBe('en');
  });

  it('the same short question in English stays English', () => {
    expect(detectLang('why 0xC004F038?')).toBe('en');
    expect(detectLang('what is 0xC004C003')).toBe('en');
    expect(detectLang('how do I fix 0x8007232B')).toBe('en');
  });

  it('English slmgr output pasted inside a French sentence leaves the message French', () => {
    const message = [
      "Bonjour, l'activation échoue toujours sur ce serveur, voici la sortie :",
      'Name: Windows(R), ServerStandard edition',
      'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
      'Partial Product Key: WMDGN',
      'License Status: Initial grace period',
      'Product Key Channel: Volume:GVLK',
      'Registered KMS machine name: kms01.contoso.com:1688',
      'KMS machine name from DNS: kms01.contoso.com:1688',
      'Activation interval: 120 minutes',
      'Renewal interval: 10080 minutes',
    ].join('\n');
    expect(extract(message).lang).toBe('fr');
    // The same output with an English sentence is English, and on its own it is English too.
    expect(
      extract(message.replace(/^.*\n/, 'Hi, activation still fails on this server, here is the output:\n'))
        .lang,
    ).toBe('en');
    expect(extract(message.replace(/^.*\n/, '')).lang).toBe('en');
  });
});

describe('the language of a message that quotes Windows', () => {
  it('a French lead-in before an English dialog is not read as English', () => {
    const text =
      'slmgr /ato sur chacun :\n' +
      "The Software Protection Service reported that the computer couldn't be activated. The count reported by " +
      'your Key Management Service (KMS) is insufficient. Please contact your system administrator.';
    expect(extract(text).lang).toBeUndefined();
  });

  it('a French sentence around an English event text stays French', () => {
    const text =
      "Dans le journal de l'hôte, événement 12290 :\n0xC004F015\nError details\n" +
      'The Software Licensing Service determined that the specified Key Management Service (KMS) cannot be used.';
    expect(extract(text).lang).toBe('fr');
  });

  it('an English question about the same dialog is English', () => {
    const text =
      'Why does this happen on all our new servers?\n' +
      "The Software Protection Service reported that the computer couldn't be activated.";
    expect(extract(text).lang).toBe('en');
  });
});
