/** Scenarios — Images, clones and VDI: CMIDs, sysprep and rearm, answer files. */
import type { ScenarioInput } from '../schema.js';

export const IMAGING: ScenarioInput[] = [
  {
    id: 'kms-duplicate-cmid',
    kind: 'imaging',
    title: {
      en: 'Cloned machines share one Client Machine ID, so the KMS count stays low',
      fr: 'Des machines clonées partagent le même identifiant client : le décompte KMS reste bas',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F038'],
      symptoms: {
        en: [
          'KMS count stuck at 1',
          'count does not increase',
          'cloned VMs same CMID',
          'same client machine ID on all clones',
          'image not generalized with sysprep',
          'SkipRearm in the unattend file',
          'duplicate CMID',
          'KMS current count does not go up after deploying the image',
          'SkipRearm 1 in unattend.xml leaves the CMID unchanged',
          'same client machine ID seen for different machines on the KMS host',
          'P2V converted machines share one CMID',
          'the Client Machine ID line is identical on both machines',
          'the clones all look alike to the KMS and count only once',
          'desktops cloned from one golden image count as one',
          'the KMS host count stays at 1 although dozens of cloned PCs tried',
          'master image copied as is without sysprep',
        ],
        fr: [
          'le compteur KMS reste à 1',
          'le compteur n’augmente pas',
          'VM clonées avec le même CMID',
          'même identifiant de machine client sur tous les clones',
          'image non généralisée avec sysprep',
          'SkipRearm dans le fichier de réponses',
          'CMID en double',
          'le compteur du KMS ne monte pas malgré les nouveaux postes',
          'le journal KMS montre toujours les mêmes identifiants machine',
          'postes déployés depuis le même modèle cloné sans sysprep',
          'SkipRearm à 1 dans unattend.xml laisse le CMID inchangé',
          'machines converties en P2V qui partagent le même CMID',
          'la ligne Client Machine ID est identique sur les deux machines',
          'les clones se ressemblent tous pour le KMS et ne comptent qu’une fois',
          'les postes clonés d’une même image maître comptent pour un seul',
          'le compteur de l’hôte KMS reste bloqué à 1 alors que des dizaines de postes ont tenté',
          'master copié tel quel sans sysprep',
        ],
      },
    },
    cause: {
      en: 'The KMS host counts distinct Client Machine IDs (CMID). Machines copied from an image that was not generalized, or restored from the same snapshot, present the same CMID and count as one machine, so the threshold is never reached.',
      fr: 'L’hôte KMS compte les identifiants de machine client (CMID) distincts. Des machines copiées depuis une image non généralisée, ou restaurées depuis le même instantané, présentent le même CMID et ne comptent que pour une, si bien que le seuil n’est jamais atteint.',
    },
    fix: [
      {
        en: 'Run this on two of the machines and compare the "Client Machine ID (CMID)" lines.',
        fr: 'Exécutez ceci sur deux des machines et comparez les lignes « ID de l’ordinateur client (CMID) ».',
        command: 'slmgr /dli',
      },
      {
        en: 'Check whether the image was generalized (the log should mention GENERALIZE).',
        fr: 'Vérifiez si l’image a été généralisée (le journal doit mentionner GENERALIZE).',
        command: 'findstr /i generalize %windir%\\System32\\sysprep\\Panther\\setupact.log',
      },
      {
        en: 'On each clone, reset the licensing state to get a fresh CMID, then reboot.',
        fr: 'Sur chaque clone, réinitialisez l’état de licence pour obtenir un nouveau CMID, puis redémarrez.',
        command: 'slmgr /rearm',
      },
      {
        en: 'Reboot.',
        fr: 'Redémarrez.',
        command: 'shutdown /r /t 0',
      },
      {
        en: 'Build future images with sysprep /generalize (and without SkipRearm).',
        fr: 'Construisez les prochaines images avec sysprep /generalize (et sans SkipRearm).',
        command: 'sysprep /generalize /oobe /shutdown',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (Thresholds & count)',
      'https://learn.microsoft.com/troubleshoot/windows-client/licensing-and-activation/kms-current-count-not-increase',
    ],
  },
  {
    id: 'clone-or-snapshot',
    kind: 'imaging',
    title: {
      en: 'Cloned or restored machine',
      fr: 'Machine clonée ou restaurée',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F00F'],
      symptoms: {
        en: [
          'restored from a snapshot',
          'VM cloned',
          'copied virtual machine',
          'hardware out of tolerance after cloning',
        ],
        fr: ['restaurée depuis un instantané', 'VM clonée', 'machine virtuelle copiée'],
      },
    },
    cause: {
      en: 'A clone of an activated machine, or a snapshot restored to before activation, carries a copied hardware identity. Microsoft then sees several identical activations (which can get a key blocked) and a KMS host sees one machine instead of many.',
      fr: 'Le clone d’une machine activée, ou un instantané restauré d’avant l’activation, porte une identité matérielle copiée. Microsoft voit alors plusieurs activations identiques (ce qui peut faire bloquer une clé) et un hôte KMS ne voit qu’une machine au lieu de plusieurs.',
    },
    fix: [
      {
        en: 'Generalize images before cloning them.',
        fr: 'Généralisez les images avant de les cloner.',
        command: 'sysprep /generalize /oobe /shutdown',
      },
      {
        en: 'On a clone that already exists, reset the licensing state and reboot.',
        fr: 'Sur un clone existant, réinitialisez l’état de licence et redémarrez.',
        command: 'slmgr /rearm',
      },
      {
        en: 'Do not restore snapshots taken before activation; activate again after a restore.',
        fr: 'Ne restaurez pas d’instantané antérieur à l’activation ; réactivez après une restauration.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: ['activation-facts.md §2 (Thresholds & count)'],
  },
  {
    id: 'vdi-nonpersistent',
    kind: 'imaging',
    title: {
      en: 'Non-persistent VDI: activation is lost at every refresh',
      fr: 'VDI non persistant : l’activation se perd à chaque rafraîchissement',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F038'],
      refines: ['kms-duplicate-cmid', 'clone-or-snapshot'],
      symptoms: {
        en: [
          'non persistent VDI',
          'golden image',
          'pooled desktops reactivate on every boot',
          'Citrix MCS provisioned machines',
          'instant clones activation',
          'Horizon instant clone',
          'Provisioning Services vDisk in standard mode',
          'shared read-only image machines lose activation at reboot',
        ],
        fr: [
          'VDI non persistant',
          'image maître',
          'bureaux en pool réactivés à chaque démarrage',
          'machines provisionnées Citrix MCS',
          'clones instantanés',
          'vDisk Provisioning Services en mode standard',
          'les machines réclament l’activation après chaque redémarrage',
          'postes virtuels non persistants réinitialisés chaque nuit',
        ],
      },
    },
    cause: {
      en: 'Non-persistent desktops revert to the golden image, so each boot needs activation again. If the image was not generalized, all desktops share one CMID and the KMS count does not grow; rearm limits apply to the image.',
      fr: 'Les bureaux non persistants reviennent à l’image maître : chaque démarrage exige une nouvelle activation. Si l’image n’a pas été généralisée, tous partagent un CMID et le compteur KMS ne monte pas ; les limites de réarmement s’appliquent à l’image.',
    },
    fix: [
      {
        en: 'Keep the golden image on a KMS client key and do not activate it before sealing.',
        fr: 'Gardez l’image maître sur une clé client KMS et ne l’activez pas avant de la sceller.',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: "Seal the image with sysprep /generalize (or the VDI tool's own rearm step).",
        fr: 'Scellez l’image avec sysprep /generalize (ou l’étape de réarmement de l’outil VDI).',
        command: 'sysprep /generalize /oobe /shutdown',
      },
      {
        en: 'Make sure desktops reach the KMS host at start-up.',
        fr: 'Assurez-vous que les bureaux joignent l’hôte KMS au démarrage.',
        command: 'Test-NetConnection {host} -Port {port}',
      },
    ],
    escalate: false,
    source: ['activation-facts.md §2 (Thresholds & count)'],
  },
  {
    id: 'sysprep-rearm-limit',
    kind: 'imaging',
    title: {
      en: 'No rearm left: sysprep or slmgr /rearm fails',
      fr: 'Plus de réarmement : sysprep ou slmgr /rearm échoue',
    },
    when: {
      codes: ['0xC004D307'],
      symptoms: {
        en: [
          'sysprep fails rearm limit',
          'maximum allowed number of re-arms exceeded',
          'a fatal error occurred while trying to sysprep',
          'no rearms left',
        ],
        fr: [
          'sysprep échoue limite de réarmement',
          'nombre maximal de réarmements dépassé',
          'erreur irrécupérable lors du sysprep',
          'plus de réarmements',
        ],
      },
    },
    cause: {
      en: 'Each generalize or rearm consumes a rearm; once the count reaches 0 Windows refuses further rearms and sysprep fails.',
      fr: 'Chaque généralisation ou réarmement consomme un réarmement ; à 0, Windows refuse tout nouveau réarmement et sysprep échoue.',
    },
    fix: [
      { en: 'See the rearms left.', fr: 'Regardez les réarmements restants.', command: 'slmgr /dlv' },
      {
        en: 'Rebuild the reference image from media (or an earlier snapshot) instead of re-sysprepping the same one.',
        fr: 'Reconstruisez l’image de référence depuis le média (ou un instantané plus ancien) au lieu de re-sysprepper la même.',
      },
      {
        en: 'Add SkipRearm=1 in the unattend file only for intermediate captures, never for the final one.',
        fr: 'N’ajoutez SkipRearm=1 au fichier de réponses que pour les captures intermédiaires, jamais pour la finale.',
      },
    ],
    escalate: false,
    source: ['activation-facts.md Appendix A (0xC004D307)'],
  },
  {
    id: 'answer-file-generic-key',
    kind: 'imaging',
    title: {
      en: 'The answer file installs a key that cannot activate',
      fr: 'Le fichier de réponses installe une clé qui ne peut pas s’activer',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F050', '0xC004F069'],
      refines: ['edition-key-mismatch', 'key-format-invalid'],
      symptoms: {
        en: [
          'unattend.xml product key',
          'answer file with the wrong key',
          'autounattend generic key',
          'machines deployed with MDT not activated',
          'ProductKey in unattend',
        ],
        fr: [
          'clé de produit dans unattend.xml',
          'fichier de réponses avec une mauvaise clé',
          'clé générique dans autounattend',
          'machines déployées avec MDT non activées',
        ],
      },
    },
    cause: {
      en: 'An unattend file that carries a generic install key, a key of another edition or a retail key leaves every deployed machine unactivated. A volume deployment should carry the KMS client key of the edition (or a MAK).',
      fr: 'Un fichier de réponses contenant une clé d’installation générique, une clé d’une autre édition ou une clé retail laisse chaque machine déployée non activée. Un déploiement en volume doit porter la clé client KMS de l’édition (ou une MAK).',
    },
    fix: [
      {
        en: 'Replace the ProductKey in the answer file with the KMS client key of the edition (or your MAK).',
        fr: 'Remplacez la ProductKey du fichier de réponses par la clé client KMS de l’édition (ou votre MAK).',
      },
      {
        en: 'On machines already deployed, install that key.',
        fr: 'Sur les machines déjà déployées, installez cette clé.',
        command: 'slmgr /ipk {gvlk}',
      },
      { en: 'Activate.', fr: 'Activez.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: ['activation-facts.md §3 (GVLK)', 'activation-facts-more.md §4.2 (generic keys)'],
  },
];
