/** Scenarios — Machine state: updates, licence store, already licensed, watermarks. */
import type { ScenarioInput } from '../schema.js';

export const OTHER: ScenarioInput[] = [
  {
    id: 'updates-pending',
    kind: 'other',
    title: {
      en: 'Windows updates are pending',
      fr: 'Des mises à jour Windows sont en attente',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'activation failing since updates are missing',
          'server is not up to date',
          'pending Windows updates',
          'cumulative update not installed',
        ],
        fr: [
          'l’activation échoue faute de mises à jour',
          'le serveur n’est pas à jour',
          'mises à jour Windows en attente',
        ],
      },
    },
    cause: {
      en: 'The machine is not fully updated. Several cumulative updates have fixed activation refusals and KMS compatibility, so update before going further.',
      fr: 'La machine n’est pas entièrement à jour. Plusieurs mises à jour cumulatives ont corrigé des refus d’activation et la compatibilité KMS : mettez à jour avant d’aller plus loin.',
    },
    fix: [
      {
        en: 'Install all updates (Server Core: sconfig, option 6; otherwise Settings > Windows Update).',
        fr: 'Installez toutes les mises à jour (Server Core : sconfig, option 6 ; sinon Paramètres > Windows Update).',
        command: 'sconfig',
      },
      {
        en: 'Reboot.',
        fr: 'Redémarrez.',
        command: 'shutdown /r /t 0',
      },
      {
        en: 'Activate again.',
        fr: 'Relancez l’activation.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: ['activation-facts.md §2 (required updates table)'],
  },
  {
    id: 'token-store-rebuild',
    kind: 'other',
    title: {
      en: 'The licence store is damaged',
      fr: 'Le magasin de licences est endommagé',
    },
    when: {
      codes: ['0xC004E002', '0xC004E015'],
      symptoms: {
        en: [
          'license store corrupt',
          'tokens.dat corrupt',
          'rebuild the license tokens',
          'software licensing service fails to start',
        ],
        fr: ['magasin de licences corrompu', 'tokens.dat corrompu', 'reconstruire les jetons de licence'],
      },
    },
    cause: {
      en: 'The licence token store (tokens.dat) is corrupt or has wrong permissions, so licences cannot be read or consumed.',
      fr: 'Le magasin de jetons de licence (tokens.dat) est corrompu ou ses autorisations sont incorrectes : les licences ne peuvent être ni lues ni consommées.',
    },
    fix: [
      {
        en: 'Stop the Software Protection service.',
        fr: 'Arrêtez le service Protection logicielle.',
        command: 'net stop sppsvc',
      },
      {
        en: 'Rename the store so Windows rebuilds it.',
        fr: 'Renommez le magasin pour que Windows le reconstruise.',
        command: 'ren %windir%\\System32\\spp\\store\\2.0\\tokens.dat tokens.bak',
      },
      {
        en: 'Start the service again.',
        fr: 'Redémarrez le service.',
        command: 'net start sppsvc',
      },
      {
        en: 'Reinstall the system licence files.',
        fr: 'Réinstallez les fichiers de licence du système.',
        command: 'slmgr /rilc',
      },
      {
        en: 'Reboot twice, then install the key and activate.',
        fr: 'Redémarrez deux fois, puis installez la clé et activez.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.2 (0xC004E015)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'license-store-reset',
    kind: 'other',
    title: {
      en: 'Old licence data may survive the edition change',
      fr: 'D’anciennes données de licence ont pu survivre au changement d’édition',
    },
    when: {
      codes: ['0xC004F012'],
      symptoms: {
        en: [
          'value not found in the license store',
          'license data left over after edition change',
          'reset the licensing state',
        ],
        fr: [
          'valeur introuvable dans le magasin de licences',
          'données de licence restées après changement d’édition',
          'réinitialiser l’état des licences',
        ],
      },
    },
    cause: {
      en: 'After an edition conversion, stale entries in the licence store can make a valid key fail. Clearing the key and its registry copy, resetting the licence state and reinstalling the key removes them. This step is disruptive: save work first.',
      fr: 'Après une conversion d’édition, des entrées périmées du magasin de licences peuvent faire échouer une clé valide. Retirer la clé et sa copie dans le registre, réinitialiser l’état de licence puis réinstaller la clé les élimine. Cette étape est disruptive : sauvegardez votre travail avant.',
    },
    fix: [
      {
        en: 'Remove the current key.',
        fr: 'Retirez la clé actuelle.',
        command: 'slmgr /upk',
      },
      {
        en: 'Clear the key from the registry.',
        fr: 'Effacez la clé du registre.',
        command: 'slmgr /cpky',
      },
      {
        en: 'Reset the licensing state (skip this if the remaining rearm count is 0; current: {rearmCount}).',
        fr: 'Réinitialisez l’état de licence (sautez cette étape si le nombre de réarmements restants est 0 ; actuellement : {rearmCount}).',
        command: 'slmgr /rearm',
      },
      {
        en: 'Reboot.',
        fr: 'Redémarrez.',
        command: 'shutdown /r /t 0',
      },
      {
        en: 'After the reboot, install a valid key.',
        fr: 'Après le redémarrage, installez une clé valide.',
        command: 'slmgr /ipk <key>',
      },
      {
        en: 'Activate.',
        fr: 'Activez.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: ['seed 000 (step 4)', 'activation-facts-more.md §4.1 (0xC004F012)'],
  },
  {
    id: 'already-licensed',
    kind: 'other',
    title: {
      en: 'Windows is activated',
      fr: 'Windows est activé',
    },
    when: {
      codes: [],
      symptoms: {
        en: ['already activated', 'license status licensed', 'it is activated now', 'Windows is activated'],
        fr: ['déjà activé', 'statut de licence : licencié', 'Windows est activé'],
      },
    },
    cause: {
      en: 'The licence status is Licensed and no error is shown: there is nothing to fix for this product.',
      fr: 'L’état de la licence est « avec licence » et aucune erreur n’apparaît : il n’y a rien à corriger pour ce produit.',
    },
    fix: [
      {
        en: 'Check when the activation expires (KMS activations renew by themselves).',
        fr: 'Vérifiez la date d’expiration de l’activation (les activations KMS se renouvellent seules).',
        command: 'slmgr /xpr',
      },
    ],
    escalate: false,
    source: ['activation-facts.md §4.2'],
  },
  {
    id: 'watermark-while-licensed',
    kind: 'other',
    title: {
      en: 'A watermark remains although Windows is licensed',
      fr: 'Un filigrane reste alors que Windows est sous licence',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'watermark still shows although activated',
          'Activate Windows watermark but slmgr says licensed',
          'activation notification after activating',
          'desktop watermark will not go away',
        ],
        fr: [
          'le filigrane reste alors que c’est activé',
          'filigrane Activer Windows mais slmgr dit sous licence',
          'notification d’activation après activation',
        ],
      },
    },
    cause: {
      en: 'When /dlv says Licensed, the watermark usually comes from a stale shell or notification state, or from another edition than the one activated. (On Azure Edition see Azure attestation instead.)',
      fr: 'Quand /dlv indique Sous licence, le filigrane vient en général d’un état obsolète de l’interface ou des notifications, ou d’une autre édition que celle activée. (Sur Azure Edition, voir plutôt l’attestation Azure.)',
    },
    fix: [
      {
        en: 'Check the licence status and edition.',
        fr: 'Vérifiez le statut de licence et l’édition.',
        command: 'slmgr /dlv',
      },
      {
        en: 'Restart Explorer (or sign out and back in).',
        fr: 'Redémarrez l’Explorateur (ou fermez puis rouvrez la session).',
        command: 'Stop-Process -Name explorer -Force',
      },
      { en: 'If it stays, reboot.', fr: 'S’il reste, redémarrez.', command: 'shutdown /r /t 0' },
    ],
    escalate: false,
    source: ['activation-facts-more.md §1.5 (watermark while /dlv is Licensed)'],
  },
];
