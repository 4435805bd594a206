/**
 * What Tesseract makes of activation windows, and what the post-correction puts right before the text is
 * diagnosed like a paste. Each case is a misreading seen on the screenshot fixtures.
 */
import { describe, expect, it } from 'vitest';
import { correctOcrText, correctPartialKey } from '../../src/files/ocr/index.js';
import { diagnose } from '../../src/knowledge/index.js';

const fix = (line: string) => correctOcrText(line).text;

describe('post-correction of OCR text', () => {
  it('puts back the 0x prefix and the digits of a code read with letters', () => {
    expect(fix('Error: OxC004F074 The Software Licensing Service')).toBe(
      'Error: 0xC004F074 The Software Licensing Service',
    );
    expect(fix('Notification Reason: OxXCO04F009 (grace time expired),')).toBe(
      'Notification Reason: 0xC004F009 (grace time expired),',
    );
    expect(fix('Error: ©x800f0922')).toBe('Error: 0x800F0922');
    expect(fix('Erreur : 0 x 8007OO05 Accès refusé')).toBe('Erreur : 0x80070005 Accès refusé');
    expect(fix("Code d'erreur : 0x80O7007B")).toBe("Code d'erreur : 0x8007007B");
  });

  it('reads B as 8 and D as 0 when only that gives a code the catalogue knows', () => {
    expect(fix('Error: 0xB0070005 Access denied')).toBe('Error: 0x80070005 Access denied');
    expect(fix('Enror: OxCOD4F074 The Software')).toBe('Error: 0xC004F074 The Software');
    // A real code with a B or D stays as it is.
    expect(fix('Error: 0xC004F00B')).toBe('Error: 0xC004F00B');
  });

  it('fixes a bare code only when it has the prefix activation codes come with', () => {
    expect(fix('Code: C004FO74')).toBe('Code: C004F074');
    expect(fix('Version: 1O.0.20348')).toBe('Version: 1O.0.20348');
    expect(fix('Windows Script Host')).toBe('Windows Script Host');
  });

  it('repairs GUIDs read with S for 5 and / for f', () => {
    expect(fix('Client Machine ID (CMID): Sd0e7a13-88b2-4c6f-9e1a-03/7b2c4d9e6')).toBe(
      'Client Machine ID (CMID): 5d0e7a13-88b2-4c6f-9e1a-03f7b2c4d9e6',
    );
  });

  it('turns ; , . after a known label back into a colon and restores a colon lost between columns', () => {
    expect(fix('License Status; Licensed')).toBe('License Status: Licensed');
    expect(fix('Erreur ; 0xC004F074 Le serveur')).toBe('Erreur : 0xC004F074 Le serveur');
    expect(fix('Current Edition  ServerStandardEval')).toBe('Current Edition  : ServerStandardEval');
    expect(fix('Activation state  Not active')).toBe('Activation state  Not active');
    expect(fix('Activating Windows(R), ServerDatacenter edition (x) ...')).toBe(
      'Activating Windows(R), ServerDatacenter edition (x) ...',
    );
  });

  it('reads partial keys in the product-key alphabet and checks them against the published GVLKs', () => {
    expect(fix('Partial Product Key; VIQ4VD')).toBe('Partial Product Key: WQ4VD');
    expect(fix('Partial Product Key: 6VM3S')).toBe('Partial Product Key: 6VM33');
    expect(correctPartialKey('2yt43')).toBe('2YT43');
    // No published key fits: the reading is kept rather than guessed.
    expect(correctPartialKey('8HTK0')).toBe('8HTK0');
  });

  it('makes a misread slmgr dialog diagnose like the pasted text', () => {
    const read = [
      'Name: Windows(R), ServerStandardEval edition',
      'Description: Windows(R) Operating System, TIMEBASED_EVAL channel',
      'Partial Product Key; VIQ4VD',
      'License Status; Licensed',
    ].join('\n');
    const pasted = read.replace(/;/g, ':').replace('VIQ4VD', 'WQ4VD');
    expect(diagnose(correctOcrText(read).text)).toEqual(diagnose(pasted));
  });
});
