/**
 * What the screenshot fixtures show. Each scene is one window with one text: `slmgr` dialogs take the text of
 * the paste fixtures in test/fixtures/{en,fr} (as `wscript` would print it, without the command line), consoles
 * show a DISM fixture with its prompt, and the Settings and `slui` windows carry the messages those windows
 * print. `shown` is the text a person would paste for the same window: the sidecar label is what `diagnose`
 * makes of it, so the OCR is scored against the pasted text, never against itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WindowKind, WindowText } from './windows.js';

export type Lang = 'en' | 'fr';

/** How the picture is taken: scaling (device pixel ratio), framing and file format. */
export interface Shot {
  scale: 1 | 1.5;
  /** `window`: the whole window; `content`: only its text (cropped); `desktop`: window on the desktop. */
  frame: 'window' | 'content' | 'desktop';
  format: 'png' | 'jpeg';
  /** JPEG quality (0–100). */
  quality?: number;
}

export interface Scene {
  /** Unique slug, also the start of the file names. */
  slug: string;
  lang: Lang;
  kind: WindowKind;
  window: WindowText;
  /** The window's text as a paste: what the label is computed from. */
  shown: string;
  shots: Shot[];
}

const FIXTURES = join(process.cwd(), 'test', 'fixtures');

function fixture(lang: Lang, file: string): string {
  return readFileSync(join(FIXTURES, lang, file), 'utf8').replace(/\r\n/g, '\n');
}

/** `slmgr` run with `wscript` shows its output in a dialog: no prompt, no frame of dashes, no trailing spaces. */
function dialogBody(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  const framed = lines.indexOf('Windows Script Host');
  const inner = framed >= 0 ? lines.slice(framed + 2, lines.lastIndexOf('OK') - 1) : lines;
  return inner
    .filter((l) => !/^(PS )?[A-Z]:\\.*>/.test(l))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const VARIANTS: readonly Shot[] = [
  { scale: 1, frame: 'window', format: 'png' },
  { scale: 1.5, frame: 'content', format: 'png' },
  { scale: 1, frame: 'desktop', format: 'jpeg', quality: 72 },
  { scale: 1.5, frame: 'window', format: 'jpeg', quality: 80 },
  { scale: 1, frame: 'content', format: 'png' },
  { scale: 1.5, frame: 'desktop', format: 'jpeg', quality: 85 },
];

let turn = 0;
/** Spreads the variants over the scenes round robin, so every scaling, framing and format is covered. */
function nextShots(count = 1): Shot[] {
  return Array.from({ length: count }, () => VARIANTS[turn++ % VARIANTS.length]!);
}

const TITLE = { en: 'Windows Script Host', fr: 'Windows Script Host' } as const;
const OK = { en: 'OK', fr: 'OK' } as const;

function slmgrDialog(lang: Lang, file: string, shots = 1): Scene {
  const body = dialogBody(fixture(lang, file));
  return {
    slug: `wsh-${file.replace(/\.txt$/, '').replace(/^slmgr-/, '')}`,
    lang,
    kind: 'wsh',
    window: { title: TITLE[lang], body, button: OK[lang] },
    shown: body,
    shots: nextShots(shots),
  };
}

/** A dialog whose text is written here rather than taken from a paste fixture. */
function slmgrDialogText(lang: Lang, slug: string, body: string): Scene {
  return {
    slug: `wsh-${slug}`,
    lang,
    kind: 'wsh',
    window: { title: TITLE[lang], body, button: OK[lang] },
    shown: body,
    shots: nextShots(),
  };
}

const CONSOLE_TITLE = {
  en: 'Administrator: Command Prompt',
  fr: 'Administrateur : Invite de commandes',
} as const;

function dismConsole(lang: Lang, file: string): Scene {
  const text = fixture(lang, file).replace(/\s+$/, '');
  const body = /^[A-Z]:\\/.test(text) ? text : `C:\\>DISM /online /Get-TargetEditions\n\n${text}`;
  return {
    slug: `console-${file.replace(/\.txt$/, '')}`,
    lang,
    kind: 'console',
    window: { title: CONSOLE_TITLE[lang], body: `${body}\n\nC:\\>` },
    shown: body,
    shots: nextShots(),
  };
}

const SETTINGS = {
  en: {
    title: 'Settings',
    heading: 'System  ›  Activation',
    stateLabel: 'Activation state',
    stateValue: 'Not active',
    button: 'Troubleshoot',
    nav: [
      'Home',
      'System',
      'Bluetooth & devices',
      'Network & internet',
      'Personalization',
      'Apps',
      'Accounts',
    ],
  },
  fr: {
    title: 'Paramètres',
    heading: 'Système  ›  Activation',
    stateLabel: 'État d’activation',
    stateValue: 'Non actif',
    button: 'Résoudre les problèmes',
    nav: [
      'Accueil',
      'Système',
      'Bluetooth et appareils',
      'Réseau et Internet',
      'Personnalisation',
      'Applications',
    ],
  },
} as const;

function settingsPage(lang: Lang, slug: string, edition: string, message: string): Scene {
  const s = SETTINGS[lang];
  return {
    slug: `settings-${slug}`,
    lang,
    kind: 'settings',
    window: {
      title: s.title,
      body: message,
      settings: {
        heading: s.heading,
        edition,
        stateLabel: s.stateLabel,
        stateValue: s.stateValue,
        button: s.button,
        nav: s.nav,
      },
    },
    shown: `${edition}\n${s.stateLabel}  ${s.stateValue}\n${message}`,
    shots: nextShots(),
  };
}

const SLUI = {
  en: {
    title: 'Windows Activation',
    heading: 'An error has occurred',
    code: 'Code:',
    description: 'Description:',
    button: 'Close',
  },
  fr: {
    title: 'Activation de Windows',
    heading: 'Une erreur s’est produite',
    code: 'Code :',
    description: 'Description :',
    button: 'Fermer',
  },
} as const;

function sluiDialog(lang: Lang, code: string, description: string): Scene {
  const s = SLUI[lang];
  return {
    slug: `slui-${code}`,
    lang,
    kind: 'slui',
    window: {
      title: s.title,
      body: `${s.heading}\n${description}`,
      slui: { codeLabel: s.code, code, descriptionLabel: s.description, button: s.button },
    },
    shown: `${s.heading}\n${s.code}\n${code}\n${s.description}\n${description}`,
    shots: nextShots(),
  };
}

/** Not a real key: it only has a product key's shape, so the masking of a key read from an image is tested. */
export const FAKE_FULL_KEY = 'NPQRT-VWXY2-34689-BCDFG-HJK7M';

export function scenes(): Scene[] {
  turn = 0;
  return [
    // --- English slmgr dialogs --------------------------------------------------------------------------
    slmgrDialog('en', 'slmgr-dli-wsh-dialog-registered-kms.txt', 2),
    slmgrDialog('en', 'slmgr-dli-server-eval.txt', 2),
    slmgrDialog('en', 'slmgr-dlv-kms-client-no-host.txt', 2),
    slmgrDialog('en', 'slmgr-dlv-kms-client-no-kms-in-dns.txt'),
    slmgrDialog('en', 'slmgr-dlv-kms-host-count-3.txt'),
    slmgrDialog('en', 'slmgr-dlv-mak-notification.txt', 2),
    slmgrDialog('en', 'slmgr-xpr-notification.txt'),
    slmgrDialog('en', 'slmgr-xpr-permanent.txt'),
    slmgrDialog('en', 'slmgr-xpr-volume-expiry.txt'),
    slmgrDialog('en', 'slmgr-ato-0xC004F074.txt', 2),
    slmgrDialog('en', 'slmgr-ato-0xC004C003-blocked-mak.txt'),
    slmgrDialog('en', 'slmgr-ato-access-denied.txt'),
    slmgrDialog('en', 'slmgr-ipk-0xC004F069-eval.txt'),
    slmgrDialogText('en', 'ipk-full-key', `Installed product key ${FAKE_FULL_KEY} successfully.`),
    // --- French slmgr dialogs ---------------------------------------------------------------------------
    slmgrDialog('fr', 'slmgr-dli-serveur-eval.txt', 2),
    slmgrDialog('fr', 'slmgr-dlv-client-kms-sans-hote.txt', 2),
    slmgrDialog('fr', 'slmgr-dlv-hote-kms-compteur-3.txt'),
    slmgrDialog('fr', 'slmgr-dlv-mak-notification.txt'),
    slmgrDialog('fr', 'slmgr-xpr-permanent.txt'),
    slmgrDialog('fr', 'slmgr-ato-0xC004F074.txt', 2),
    slmgrDialog('fr', 'slmgr-ato-0xC004C003-cle-bloquee.txt'),
    slmgrDialog('fr', 'slmgr-ato-acces-refuse.txt'),
    slmgrDialog('fr', 'slmgr-ipk-0xC004F069-eval.txt'),
    // --- Settings › System › Activation -----------------------------------------------------------------
    settingsPage(
      'en',
      'kms-unreachable',
      'Windows 11 Enterprise',
      'We can’t activate Windows on this device because we can’t connect to your organization’s activation server. Make sure you’re connected to your organization’s network and try again. If you continue having problems with activation, contact your organization’s support person. Error code: 0xC004F074',
    ),
    settingsPage(
      'en',
      'key-blocked',
      'Windows 11 Pro',
      'We can’t activate Windows on this device because the product key was blocked. Contact your organization’s support person. Error code: 0xC004C003',
    ),
    settingsPage(
      'en',
      'dns-name',
      'Windows 10 Enterprise',
      'We can’t activate Windows on this device because we can’t connect to your organization’s activation server. Error code: 0x8007232B',
    ),
    settingsPage(
      'fr',
      'kms-injoignable',
      'Windows 11 Entreprise',
      'Nous ne pouvons pas activer Windows sur cet appareil, car nous ne parvenons pas à nous connecter au serveur d’activation de votre organisation. Vérifiez que vous êtes connecté au réseau de votre organisation et réessayez. Code d’erreur : 0xC004F074',
    ),
    settingsPage(
      'fr',
      'nom-dns',
      'Windows 10 Entreprise',
      'Nous ne pouvons pas activer Windows sur cet appareil, car nous ne parvenons pas à nous connecter au serveur d’activation de votre organisation. Code d’erreur : 0x8007007B',
    ),
    // --- DISM in a console ------------------------------------------------------------------------------
    dismConsole('en', 'dism-get-current-edition-eval.txt'),
    dismConsole('en', 'dism-set-edition-1168.txt'),
    dismConsole('en', 'dism-set-edition-invalid-key.txt'),
    dismConsole('en', 'dism-set-edition-domain-controller.txt'),
    dismConsole('fr', 'dism-get-current-edition-eval.txt'),
    dismConsole('fr', 'dism-set-edition-controleur-de-domaine.txt'),
    // --- slui error dialogs -----------------------------------------------------------------------------
    sluiDialog(
      'en',
      '0xC004F074',
      'The Software Licensing Service reported that the computer could not be activated. No Key Management Service (KMS) could be contacted. Please see the Application Event Log for additional information.',
    ),
    sluiDialog(
      'en',
      '0xC004F038',
      'The Software Licensing Service reported that the computer could not be activated. The count reported by your Key Management Service (KMS) is insufficient. Please contact your system administrator.',
    ),
    sluiDialog(
      'fr',
      '0xC004F074',
      'Le service de gestion des licences logicielles a signalé que l’ordinateur n’a pas pu être activé. Aucun service de gestion de clés (KMS) n’a pu être contacté.',
    ),
  ];
}
