import { describe, expect, it } from 'vitest';
import { classify, type ExtractionView } from '../../src/conversations/intent.js';

const nothing: ExtractionView = { codes: [], observations: [] };
const oneCode = (raw: string): ExtractionView => ({
  codes: [{ code: '0xC004F038', raw, form: 'hex', index: 0 }],
  observations: [],
});

describe('what a chat message asks for', () => {
  it.each([
    ['start over', 'reset'],
    ['Reset', 'reset'],
    ['ok, recommencer', 'reset'],
    ['On repart de zéro stp', 'reset'],
    ['that fixed it, thanks!', 'resolved'],
    ["C'est réglé", 'resolved'],
    ['ça marche !', 'resolved'],
    ['It works now', 'resolved'],
    ["didn't help", 'didnt_help'],
    ['That did not work, still the same error', 'didnt_help'],
    ['Ça n’a pas marché', 'didnt_help'],
    ['ça marche pas', 'didnt_help'],
    ['toujours pas', 'didnt_help'],
    ['show all findings', 'show_all'],
    ['please escalate this', 'escalate'],
    ['escaladez le cas svp', 'escalate'],
    ['voir toutes les causes', 'show_all'],
    ['hello', 'help'],
    ['Bonjour !', 'help'],
    ['help', 'help'],
    ['comment ça marche ?', 'help'],
    ['', 'help'],
    ['anyone up for lunch?', 'chatter'],
  ])('"%s" is %s', (text, kind) => {
    expect(classify(text, nothing).kind).toBe(kind);
  });

  it.each([
    ['in French please', 'fr'],
    ['en français stp', 'fr'],
    ['Réponds en français', 'fr'],
    ['in English', 'en'],
    ['en anglais svp', 'en'],
  ])('"%s" switches the thread to %s', (text, lang) => {
    expect(classify(text, nothing)).toMatchObject({ kind: 'language', langRequest: lang });
  });

  it('a question about a code, in either language, asks for an explanation', () => {
    expect(classify('why 0xC004F038?', oneCode('0xC004F038')).kind).toBe('explain');
    expect(classify('pourquoi 0xC004F038 ?', oneCode('0xC004F038')).kind).toBe('explain');
    expect(classify("c'est quoi C004F038", oneCode('C004F038')).kind).toBe('explain');
    expect(classify('0xC004F038', oneCode('0xC004F038')).kind).toBe('explain');
    expect(classify('explain 0xC004F038 in French', oneCode('0xC004F038'))).toMatchObject({
      kind: 'explain',
      langRequest: 'fr',
    });
  });

  it('command words give away the language of a message too short to detect', () => {
    expect(classify('pourquoi 0xC004F038 ?', oneCode('0xC004F038')).cueLang).toBe('fr');
    expect(classify("c'est réglé", nothing).cueLang).toBe('fr');
    expect(classify('why 0xC004F038?', oneCode('0xC004F038')).cueLang).toBe('en');
    expect(classify('0xC004F038', oneCode('0xC004F038')).cueLang).toBeUndefined();
  });

  it('a code reported with context is evidence to diagnose, not a definition request', () => {
    expect(classify('slmgr /ato fails on our 2022 box with 0xC004F038', oneCode('0xC004F038')).kind).toBe(
      'evidence',
    );
  });

  it('a paste that happens to contain "reset" is evidence, not a command', () => {
    const paste: ExtractionView = {
      codes: [],
      observations: [{ source: 'slmgr-dlv', facts: { rearmCount: 1 } }],
    };
    expect(classify('reset\nRemaining Windows rearm count: 1', paste).kind).toBe('evidence');
  });
});
