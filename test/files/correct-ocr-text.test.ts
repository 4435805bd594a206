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
    expect(fix('Windows Script Host dialog')).toBe('Windows Script Host dialog');
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

  it('joins an slmgr error message the dialog wrapped, across the blank line OCR may put in the wrap', () => {
    const read = [
      'Windows Script Host',
      '',
      'Activating Windows(R), ServerDatacenter edition (00091344-1ea4-4f37-b789-01750ba6988c) ...',
      'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated. No Key',
      '',
      'Management Service (KMS) could be contacted. Please see the Application Event Log for additional information.',
      '',
      'OK',
    ].join('\n');
    const pasted = [
      'Activating Windows(R), ServerDatacenter edition (00091344-1ea4-4f37-b789-01750ba6988c) ...',
      'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated. No Key Management Service (KMS) could be contacted. Please see the Application Event Log for additional information.',
    ].join('\n');
    const fixed = correctOcrText(read).text;
    expect(fixed.split('\n').filter((l) => l.trim())).toEqual(pasted.split('\n'));
    expect(diagnose(fixed).findings.map((f) => f.id)).toEqual(diagnose(pasted).findings.map((f) => f.id));
  });

  it('joins the French message even where the wrap falls after a full stop', () => {
    const fixed = correctOcrText(
      [
        "Erreur : 0xC004F074 Le service de gestion des licences logicielles a signalé que l'ordinateur n'a pas pu être activé.",
        '',
        "Aucun service de gestion de clés (KMS) n'a pu être contacté.",
      ].join('\n'),
    ).text;
    expect(fixed).toBe(
      "Erreur : 0xC004F074 Le service de gestion des licences logicielles a signalé que l'ordinateur n'a pas pu être activé. Aucun service de gestion de clés (KMS) n'a pu être contacté.",
    );
  });

  it('leaves the lines after an error alone when they are not its message', () => {
    const read = [
      'Error: 0x800F0922 The feature could not be enabled.',
      'The DISM log file can be found at C:\\Windows\\Logs\\DISM\\dism.log',
      'Error: 0xC004F074 No KMS could be contacted.',
      'Activating Windows(R), ServerStandard edition (x) ...',
    ].join('\n');
    expect(correctOcrText(read).text).toBe(read);
  });

  it('joins a sentence cut mid-way (no final punctuation, next line in lower case), not a list of short lines', () => {
    expect(
      fix(
        "We can't activate Windows on this device because we can't connect to your organization's\nactivation server. Error code: 0x8007232B",
      ),
    ).toBe(
      "We can't activate Windows on this device because we can't connect to your organization's activation server. Error code: 0x8007232B",
    );
    expect(fix('Bluetooth & devices\nnetwork')).toBe('Bluetooth & devices\nnetwork');
  });

  it('drops button captions and the Windows Script Host title bar read as lines', () => {
    expect(
      fix('Windows Script Host                x\n\nName: Windows(R), ServerStandard edition\n\nOK'),
    ).toBe('\nName: Windows(R), ServerStandard edition\n');
    expect(fix('No KMS could be contacted.\n\nClose')).toBe('No KMS could be contacted.\n');
    expect(fix('Annuler')).toBe('');
    // A word that is a caption inside a sentence stays.
    expect(fix('Click OK to close')).toBe('Click OK to close');
  });

  it("drops Settings' navigation pane, misread captions included, only on a Settings › Activation page", () => {
    const read = [
      'Setings',
      'Home',
      'System',
      'Network & internet',
      'Accounts',
      'System > Activation',
      'Windows 11 Pro',
      'Activation state      Not active',
    ].join('\n');
    expect(fix(read)).toBe('Windows 11 Pro\nActivation state      Not active');
    expect(fix('Paramètres\nAccueil\nRéseau et Internet\nSystème > Activation\nWindows 10 Entreprise')).toBe(
      'Windows 10 Entreprise',
    );
    // Without the breadcrumb these are ordinary words.
    expect(fix('Home\nSystem')).toBe('Home\nSystem');
  });

  it('writes an /xpr answer as slmgr prints it: the colon after the edition and the indented status', () => {
    const read =
      'Windows Script Host\n\nWindows(R), ServerStandard edition\n\nVolume activation will expire 9/10/2025 3:14:07 PM\n\noK';
    const pasted =
      'Windows(R), ServerStandard edition:\n    Volume activation will expire 9/10/2025 3:14:07 PM';
    const fixed = correctOcrText(read).text;
    expect(fixed.trim()).toBe(pasted);
    expect(diagnose(fixed)).toEqual(diagnose(pasted));
    expect(fix('Windows(R), Professional edition;\nThe machine is permanently activated.')).toBe(
      'Windows(R), Professional edition:\n    The machine is permanently activated.',
    );
    // An edition that is a label's value, or not followed by an /xpr status, is not an /xpr heading.
    expect(fix('Nom : Windows(R), ServerStandard edition\nWindows is in Notification mode')).toBe(
      'Nom : Windows(R), ServerStandard edition\nWindows is in Notification mode',
    );
    expect(fix('Windows(R), ServerStandard edition\nDescription: x')).toBe(
      'Windows(R), ServerStandard edition\nDescription: x',
    );
  });
});
