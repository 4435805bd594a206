/** Scenarios — Office volume activation through KMS (ospp.vbs). */
import type { ScenarioInput } from '../schema.js';

export const OFFICE: ScenarioInput[] = [
  {
    id: 'office-kms-host-pack',
    kind: 'office',
    title: {
      en: 'The KMS host does not serve this Office version',
      fr: 'L’hôte KMS ne sert pas cette version d’Office',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F042', '0xC004F074'],
      facts: { officeLicenses: 'known' },
      refines: ['kms-host-key-coverage'],
      symptoms: {
        en: [
          'Office KMS host key',
          'Office volume license pack not installed',
          'Office LTSC 2021 not activating against KMS',
          'KMS host does not activate Office',
          'install Office KMS host on the server',
          'Office KMS host keys are version specific',
          'older Office versions do not activate against the new Office KMS key',
          'newer Office release does not activate on a host that serves the older one',
          'rolled out the next Office version and none of its installs activate while the previous version keeps activating',
        ],
        fr: [
          'clé d’hôte KMS Office',
          'pack de licences en volume Office non installé',
          'Office LTSC 2021 ne s’active pas sur le KMS',
          'l’hôte KMS n’active pas Office',
          'les clés d’hôte KMS Office sont propres à chaque version',
          'les anciennes versions d’Office ne s’activent pas avec la nouvelle clé Office',
          'la nouvelle version d’Office ne s’active pas alors que l’ancienne s’active',
          'déployé la version suivante d’Office et aucune installation ne s’active alors que la précédente continue de s’activer',
        ],
      },
    },
    cause: {
      en: 'A KMS host activates Office only after the Office Volume License Pack of that version is installed on it and the matching Office CSVLK is entered and activated.',
      fr: 'Un hôte KMS n’active Office qu’une fois le pack de licences en volume de cette version installé et la CSVLK Office correspondante saisie et activée.',
    },
    fix: [
      {
        en: 'On the KMS host, install the Office Volume License Pack of this version, then enter and activate the Office CSVLK in Volume Activation Tools.',
        fr: 'Sur l’hôte KMS, installez le pack de licences en volume Office de cette version, puis saisissez et activez la CSVLK Office dans les Outils d’activation en volume.',
        command: 'vmw.exe',
      },
      { en: 'List what the host serves.', fr: 'Listez ce que l’hôte sert.', command: 'slmgr /dlv all' },
      {
        en: 'On an Office client, activate again.',
        fr: 'Sur un client Office, relancez l’activation.',
        command: 'cscript ospp.vbs /act',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §7 (Host side)',
      'https://learn.microsoft.com/office/volume-license-activation/configure-a-kms-host-computer-for-office',
    ],
  },
  {
    id: 'office-retail-c2r',
    kind: 'office',
    title: {
      en: 'This Office build is retail or Microsoft 365: KMS cannot activate it',
      fr: 'Ce build d’Office est retail ou Microsoft 365 : le KMS ne peut pas l’activer',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F074'],
      facts: { officeChannel: 'retail' },
      symptoms: {
        en: [
          'Microsoft 365 Apps cannot use KMS',
          'Office Click-to-Run retail build',
          'ospp.vbs shows RETAIL channel',
          'Office installed from the portal will not activate with KMS',
          'subscription Office on terminal server',
          'Office says the volume licensed version is not installed',
          'volume licences bought but the retail Office build was installed',
        ],
        fr: [
          'Microsoft 365 Apps ne peut pas utiliser le KMS',
          'build Office Démarrer en un clic retail',
          'ospp.vbs affiche le canal RETAIL',
          'Office installé depuis le portail ne s’active pas avec le KMS',
          'Office indique que la version sous licence en volume n’est pas installée',
          'licences en volume achetées mais le build retail d’Office installé',
        ],
      },
    },
    cause: {
      en: 'Only volume-licensed Office (LTSC, 2019, 2016 VL) activates through KMS. Microsoft 365 Apps and retail Click-to-Run builds activate with a user licence or a retail key.',
      fr: 'Seul Office en licence en volume (LTSC, 2019, 2016 VL) s’active par KMS. Microsoft 365 Apps et les builds Démarrer en un clic retail s’activent par une licence utilisateur ou une clé retail.',
    },
    fix: [
      {
        en: 'Check the licence channel of the installed Office.',
        fr: 'Vérifiez le canal de licence d’Office installé.',
        command: 'cscript ospp.vbs /dstatus',
      },
      {
        en: 'Reinstall the volume build with the Office Deployment Tool (configuration with a PerpetualVL channel).',
        fr: 'Réinstallez le build en volume avec l’Office Deployment Tool (configuration avec un canal PerpetualVL).',
        command: 'setup.exe /configure configuration.xml',
      },
      {
        en: 'Or keep Microsoft 365 Apps and activate it with user licences (shared computer activation on terminal servers).',
        fr: 'Ou gardez Microsoft 365 Apps et activez-le par licences utilisateur (activation d’ordinateurs partagés sur serveur de terminaux).',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §7 (Client side)',
      'https://learn.microsoft.com/office/volume-license-activation/tools-to-manage-volume-activation-of-office',
    ],
  },
  {
    id: 'office-kms-client',
    kind: 'office',
    title: { en: 'Office cannot reach its KMS host', fr: 'Office ne joint pas son hôte KMS' },
    when: {
      codes: [],
      alsoCodes: ['0xC004F074', '0x8007232B'],
      facts: { officeLicenses: 'known' },
      refines: ['kms-srv-missing', 'kms-port-blocked'],
      symptoms: {
        en: [
          'Office not activating with KMS',
          'ospp.vbs act fails',
          'Office KMS client cannot find the host',
          'Office product activation failed volume',
          'Office shows unlicensed product',
        ],
        fr: [
          'Office ne s’active pas avec le KMS',
          'ospp.vbs act échoue',
          'le client KMS Office ne trouve pas l’hôte',
          'Office affiche produit sans licence',
        ],
      },
    },
    cause: {
      en: 'Office volume editions use the same KMS discovery as Windows (DNS SRV record or a host set for Office) and port 1688; the same DNS or network problems stop them.',
      fr: 'Les éditions en volume d’Office utilisent la même découverte KMS que Windows (enregistrement SRV ou hôte défini pour Office) et le port 1688 ; les mêmes problèmes DNS ou réseau les bloquent.',
    },
    fix: [
      {
        en: "Read Office's licence state and KMS host.",
        fr: 'Lisez l’état de licence et l’hôte KMS d’Office.',
        command: 'cscript ospp.vbs /dstatus',
      },
      {
        en: 'Point Office at the KMS host.',
        fr: 'Indiquez l’hôte KMS à Office.',
        command: 'cscript ospp.vbs /sethst:{host}',
      },
      { en: 'Test the port.', fr: 'Testez le port.', command: 'Test-NetConnection {host} -Port {port}' },
      { en: 'Activate Office.', fr: 'Activez Office.', command: 'cscript ospp.vbs /act' },
    ],
    escalate: false,
    check: {
      command: 'cscript ospp.vbs /dstatus',
      why: {
        en: 'Shows the Office licence channel, its status and the KMS host it uses.',
        fr: 'Montre le canal de licence d’Office, son statut et l’hôte KMS utilisé.',
      },
      answeredBy: ['officeLicenses'],
    },
    source: [
      'activation-facts-more.md §7',
      'https://learn.microsoft.com/office/volume-license-activation/activate-office-by-using-kms',
    ],
  },
  {
    id: 'office-kms-count',
    kind: 'office',
    title: {
      en: 'The KMS host has not seen 5 Office clients yet',
      fr: 'L’hôte KMS n’a pas encore vu 5 clients Office',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F038'],
      facts: { officeLicenses: 'known' },
      refines: ['kms-count-low'],
      symptoms: {
        en: [
          'Office KMS count below 5',
          'Office activation count insufficient',
          'Office KMS threshold not reached',
          'first Office clients do not activate against KMS until five have asked',
          'only three PCs in the Office pilot and not one of them activates',
        ],
        fr: [
          'compteur KMS Office sous 5',
          'compteur d’activation Office insuffisant',
          'seuil KMS Office non atteint',
          'les premiers postes Office ne s’activent pas tant que cinq n’ont pas demandé',
          'Office en volume ne s’active sur aucun des premiers postes',
          'seulement trois postes dans le pilote Office et aucun ne s’active',
        ],
      },
    },
    cause: {
      en: 'Office activates through KMS once the host has counted 5 distinct Office clients; below that every request is refused.',
      fr: 'Office s’active par KMS une fois que l’hôte a compté 5 clients Office distincts ; en dessous, chaque demande est refusée.',
    },
    fix: [
      {
        en: 'On the host, read the Office count (Office Activation ID of this version).',
        fr: 'Sur l’hôte, lisez le compteur Office (ID d’activation Office de cette version).',
        command: 'slmgr /dlv all',
      },
      {
        en: 'Have more Office clients request activation.',
        fr: 'Faites demander l’activation par davantage de clients Office.',
        command: 'cscript ospp.vbs /act',
      },
    ],
    escalate: false,
    source: ['activation-facts-more.md §7 (Host side: Office count ≥ 5)'],
  },
  {
    id: 'office-activation-at-first-launch',
    kind: 'office',
    title: {
      en: 'Volume Office activates at the first launch of an Office app',
      fr: 'Office en volume s’active au premier lancement d’une application Office',
    },
    when: {
      codes: [],
      alsoCodes: [],
      symptoms: {
        en: [
          'No installed product keys detected',
          'ospp.vbs shows no product key after deployment',
          'Office volume license installs at first launch',
          'golden image Office not activated yet',
        ],
        fr: [
          'aucune clé de produit installée détectée',
          'ospp.vbs n’affiche aucune clé après le déploiement',
          'la licence en volume d’Office s’installe au premier lancement',
        ],
      },
    },
    cause: {
      en: 'Click-to-Run volume Office installs its licence and KMS client key, and activates, only when an Office app first starts (by design, for images). Until then ospp.vbs shows no product key.',
      fr: 'Office en volume Démarrer en un clic installe sa licence et sa clé client KMS, et s’active, seulement au premier démarrage d’une application Office (voulu, pour les images). Jusque-là, ospp.vbs n’affiche aucune clé.',
    },
    fix: [
      {
        en: 'Start Word or Excel once, then check again.',
        fr: 'Lancez Word ou Excel une fois, puis vérifiez à nouveau.',
        command: 'cscript ospp.vbs /dstatus',
      },
      {
        en: 'If it stays empty, activate Office explicitly.',
        fr: 'Si rien n’apparaît, activez Office explicitement.',
        command: 'cscript ospp.vbs /act',
      },
    ],
    escalate: false,
    source: ['https://github.com/MicrosoftDocs/OfficeDocs-DeployOffice/issues/230'],
  },
];
