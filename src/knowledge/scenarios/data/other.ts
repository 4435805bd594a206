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
          'the Software Protection service will not start',
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
  {
    id: 'licensing-permissions-registry',
    kind: 'other',
    title: {
      en: 'The licensing service lost registry or service permissions it needs',
      fr: 'Le service de licences a perdu des droits sur le registre ou sur des services',
    },
    when: {
      codes: ['0x8007000D'],
      alsoCodes: ['0x80070005'],
      refines: ['not-elevated', 'dcom-self-access', 'key-format-invalid'],
      symptoms: {
        en: [
          'not genuine after hardening group policy',
          'Plug and Play service locked',
          'registry permissions changed by a security baseline',
          'the data is invalid',
          'slmgr dlv fails with 0x8007000D',
          'permissions on the Enum Root registry key',
          'Plug and Play service disabled by group policy',
          'Network Service lost registry permissions',
          'system account cannot read HKLM SYSTEM CurrentControlSet Enum Root',
        ],
        fr: [
          'non authentique après une stratégie de durcissement',
          'autorisations du registre modifiées par une base de sécurité',
          'les données ne sont pas valides',
          'slmgr dlv échoue avec 0x8007000D',
          'autorisations sur la clé de registre Enum Root',
          'service Plug-and-Play désactivé par stratégie de groupe',
          'le compte Service réseau a perdu ses droits sur le registre',
        ],
      },
    },
    cause: {
      en: 'The Software Protection service reads hardware data under HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root as SYSTEM and its own data as Network Service. A hardening script or group policy that removed those rights (or locked the Plug and Play service) makes every licensing command fail with "The data is invalid" or access denied, whatever the key.',
      fr: 'Le service Protection logicielle lit les données matérielles sous HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root en tant que SYSTEM et ses propres données en tant que Service réseau. Un script de durcissement ou une stratégie de groupe qui a retiré ces droits (ou verrouillé le service Plug-and-Play) fait échouer toute commande de licence avec « Les données ne sont pas valides » ou un accès refusé, quelle que soit la clé.',
    },
    fix: [
      {
        en: 'In regedit, give SYSTEM full control on HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root and its subkeys.',
        fr: 'Dans regedit, donnez le contrôle total à SYSTEM sur HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root et ses sous-clés.',
        command: 'regedit',
      },
      {
        en: 'Check which group policy changes registry or service permissions (Plug and Play service, Network Service rights).',
        fr: 'Vérifiez quelle stratégie de groupe modifie les autorisations du registre ou des services (service Plug-and-Play, droits de Service réseau).',
        command: 'gpresult /h gp.html',
      },
      {
        en: 'Restart the licensing service, then activate.',
        fr: 'Redémarrez le service de licences, puis activez.',
        command: 'Restart-Service sppsvc',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: [
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/0x8007000d-activate-machine',
    ],
  },
  {
    id: 'wat-update-on-volume-client',
    kind: 'other',
    title: {
      en: 'The consumer activation update KB971033 is on volume-licensed Windows 7',
      fr: 'La mise à jour d’activation grand public KB971033 est installée sur des Windows 7 en volume',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F200', '0xC004C4A2'],
      symptoms: {
        en: [
          'Windows 7 KMS clients say not genuine',
          'KB971033 installed on volume licensed machines',
          'this copy of Windows is not genuine on KMS clients',
          'Windows Activation Technologies update on volume clients',
          'black desktop saying not genuine on our Windows 7 Enterprise KMS clients',
          'acquisition of genuine ticket failed on volume licensed clients',
        ],
        fr: [
          'les clients KMS Windows 7 se disent non authentiques',
          'KB971033 installée sur des machines en licence en volume',
          'cette copie de Windows n’est pas authentique sur des clients KMS',
          'bureau noir avec le message non authentique sur nos clients KMS Windows 7 Entreprise',
          'échec d’obtention du ticket d’authenticité sur des clients en licence en volume',
        ],
      },
    },
    cause: {
      en: 'KB971033 (Windows Activation Technologies) is meant for retail Windows 7. On KMS clients it makes genuine checks fail after a server-side change, so the machines show "not genuine".',
      fr: 'KB971033 (Windows Activation Technologies) est prévue pour Windows 7 retail. Sur des clients KMS, elle fait échouer la vérification d’authenticité après un changement côté serveur : les machines s’affichent « non authentiques ».',
    },
    fix: [
      {
        en: 'Uninstall the update.',
        fr: 'Désinstallez la mise à jour.',
        command: 'wusa /uninstall /kb:971033',
      },
      {
        en: 'Stop the licensing service and rebuild its cache (delete the 7B296FB0 files and tokens.dat), then restart it.',
        fr: 'Arrêtez le service de licences et reconstruisez son cache (supprimez les fichiers 7B296FB0 et tokens.dat), puis redémarrez-le.',
        command: 'net stop sppsvc',
      },
      {
        en: 'Reinstall the KMS client key and activate.',
        fr: 'Réinstallez la clé client KMS et activez.',
        command: 'slmgr /ipk {gvlk}',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: [
      'https://learn.microsoft.com/troubleshoot/windows-client/licensing-and-activation/activation-failures-not-genuine-notifications-volume-licensed-kms-client',
    ],
  },
  {
    id: 'essentials-compliance-shutdown',
    kind: 'other',
    title: {
      en: 'Windows Server Essentials shuts down for breaking its licensing limits',
      fr: 'Windows Server Essentials s’arrête car il enfreint ses limites de licence',
    },
    when: {
      codes: [],
      alsoCodes: [],
      symptoms: {
        en: [
          'Windows Server Essentials shuts down',
          'silsvc.exe initiated the shutdown',
          'Essentials must be the root of the forest',
          'Essentials licensing compliance',
          'Essentials server restarts every few hours',
        ],
        fr: [
          'Windows Server Essentials s’arrête',
          'silsvc.exe a lancé l’arrêt',
          'Essentials doit être à la racine de la forêt',
          'conformité de licence Essentials',
          'le serveur Essentials redémarre toutes les quelques heures',
        ],
      },
    },
    cause: {
      en: 'Essentials must hold the FSMO roles at the root of its own forest, with no trusts and within its user limits. Its compliance service (silsvc.exe) shuts the server down when the topology breaks these rules; activation is not the issue.',
      fr: 'Essentials doit détenir les rôles FSMO à la racine de sa propre forêt, sans approbation et dans ses limites d’utilisateurs. Son service de conformité (silsvc.exe) arrête le serveur quand la topologie enfreint ces règles ; l’activation n’est pas en cause.',
    },
    fix: [
      {
        en: 'Read the shutdown events to confirm silsvc.exe.',
        fr: 'Lisez les événements d’arrêt pour confirmer silsvc.exe.',
        command: "Get-WinEvent -FilterHashtable @{LogName='System'; Id=1074} -MaxEvents 5 | Format-List",
      },
      {
        en: 'Move the FSMO roles back to the Essentials server and remove trusts, or convert it to Standard.',
        fr: 'Ramenez les rôles FSMO sur le serveur Essentials et supprimez les approbations, ou convertissez-le en Standard.',
        command: 'netdom query fsmo',
      },
    ],
    escalate: false,
    source: ['https://learn.microsoft.com/windows-server-essentials/get-started/get-started'],
  },
];
