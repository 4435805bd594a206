/** Scenarios — Product keys and MAK: format, edition, blocks and limits, online and phone activation, rights, tampering. */
import type { ScenarioInput } from '../schema.js';

export const KEYS: ScenarioInput[] = [
  {
    id: 'not-elevated',
    kind: 'keys',
    title: {
      en: 'The command was not run as administrator',
      fr: 'La commande n’a pas été lancée en administrateur',
    },
    when: {
      codes: ['0xC004F025', '0xC0000022', '0x80070005'],
      symptoms: {
        en: [
          'access denied running slmgr',
          'requires administrator privileges',
          'not run as administrator',
          'command prompt not elevated',
          'UAC access denied',
        ],
        fr: [
          'accès refusé en lançant slmgr',
          'nécessite des privilèges administrateur',
          'pas lancé en administrateur',
          'invite de commandes non élevée',
          'accès refusé par le contrôle de compte',
        ],
      },
    },
    cause: {
      en: 'Installing keys and activating change the licence store, which needs an elevated prompt. With UAC on, a normal prompt is refused even for members of Administrators.',
      fr: 'Installer une clé et activer modifient le magasin de licences, ce qui exige une invite élevée. Avec l’UAC active, une invite normale est refusée même pour un membre du groupe Administrateurs.',
    },
    fix: [
      {
        en: 'Open Command Prompt or PowerShell with "Run as administrator".',
        fr: 'Ouvrez l’invite de commandes ou PowerShell avec « Exécuter en tant qu’administrateur ».',
      },
      {
        en: 'Check the prompt is elevated (the High Mandatory Level line must appear).',
        fr: 'Vérifiez que l’invite est élevée (la ligne du niveau obligatoire élevé doit apparaître).',
        command: 'whoami /groups | findstr S-1-16-12288',
      },
      {
        en: 'Run the activation again from that prompt.',
        fr: 'Relancez l’activation depuis cette invite.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.1 (0xC004F025, 0x80070005)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'dcom-self-access',
    kind: 'keys',
    title: {
      en: 'The SELF account lost its default DCOM access',
      fr: 'Le compte SELF a perdu son accès DCOM par défaut',
    },
    when: {
      codes: ['0x80070005'],
      alsoCodes: [],
      symptoms: {
        en: [
          'access denied even as administrator',
          'event 8229 SLUI 0x80070005',
          'DCOM permissions changed',
          'SELF removed from DCOM access',
          'access denied on domain controller',
        ],
        fr: [
          'accès refusé même en administrateur',
          'événement 8229 SLUI 0x80070005',
          'autorisations DCOM modifiées',
          'SELF retiré des autorisations DCOM',
          'accès refusé sur le contrôleur de domaine',
        ],
      },
    },
    cause: {
      en: 'Access is denied even from an elevated prompt. On domain-joined machines this happens when the SELF account was removed from the default DCOM access permissions (event 8229 names SLUI.exe with 0x80070005).',
      fr: 'L’accès est refusé même depuis une invite élevée. Sur une machine membre d’un domaine, cela arrive quand le compte SELF a été retiré des autorisations d’accès DCOM par défaut (l’événement 8229 cite SLUI.exe avec 0x80070005).',
    },
    fix: [
      {
        en: 'Open Component Services.',
        fr: 'Ouvrez Services de composants.',
        command: 'dcomcnfg',
      },
      {
        en: 'Computers > My Computer > Properties > COM Security > Access Permissions > Edit Default: add SELF with Local and Remote Access allowed.',
        fr: 'Ordinateurs > Poste de travail > Propriétés > Sécurité COM > Autorisations d’accès > Modifier les valeurs par défaut : ajoutez SELF avec Accès local et Accès à distance autorisés.',
      },
      {
        en: 'Reboot, then activate again.',
        fr: 'Redémarrez, puis relancez l’activation.',
        command: 'shutdown /r /t 0',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.2 (0x80070005 with event 8229)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/error-0x80070005-activate-windows',
    ],
  },
  {
    id: 'key-blocked',
    kind: 'keys',
    title: {
      en: 'Microsoft has blocked this product key',
      fr: 'Microsoft a bloqué cette clé de produit',
    },
    when: {
      codes: ['0xC004C003', '0xC004C060', '0xC004F051'],
      symptoms: {
        en: [
          'product key is blocked',
          'the activation server determined the key is blocked',
          'key no longer works',
          'MAK blocked by Microsoft',
          'key reported as not genuine',
          'key bought from a reseller refused',
        ],
        fr: [
          'la clé de produit est bloquée',
          'le serveur d’activation a déterminé que la clé est bloquée',
          'la clé ne fonctionne plus',
          'MAK bloquée par Microsoft',
          'clé signalée comme non authentique',
          'clé achetée chez un revendeur refusée',
        ],
      },
    },
    cause: {
      en: "Microsoft's activation service refuses the key. Microsoft does not say why; in practice the key leaked or was resold, its activations were used up, or it does not match the installed edition and channel. Only Microsoft can unblock or replace it.",
      fr: 'Le service d’activation de Microsoft refuse la clé. Microsoft n’en donne pas la raison ; en pratique, la clé a fuité ou a été revendue, ses activations sont épuisées, ou elle ne correspond pas à l’édition et au canal installés. Seul Microsoft peut la débloquer ou la remplacer.',
    },
    fix: [
      {
        en: 'Stop retrying with this key. Check where it comes from: the Microsoft 365 admin center (Volume Licensing) or an invoice from an authorized reseller.',
        fr: 'Cessez les essais avec cette clé. Vérifiez sa provenance : centre d’administration Microsoft 365 (licences en volume) ou facture d’un revendeur agréé.',
      },
      {
        en: 'Make sure the key matches the installed edition and channel.',
        fr: 'Vérifiez que la clé correspond à l’édition et au canal installés.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      {
        en: 'Collect the licence details for Microsoft.',
        fr: 'Rassemblez les détails de licence pour Microsoft.',
        command: 'slmgr /dlv',
      },
      {
        en: 'Read the Installation ID (they will ask for it).',
        fr: 'Relevez l’ID d’installation (il vous sera demandé).',
        command: 'slmgr /dti',
      },
      {
        en: 'Export the licensing events.',
        fr: 'Exportez les événements de licence.',
        command:
          "Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='Security-SPP'} -MaxEvents 50 | Format-List",
      },
      {
        en: 'Call a Microsoft Licensing Activation Center (https://www.microsoft.com/licensing/existing-customer/activation-centers) with the agreement number, the proof of purchase, the output above and the last five characters of the key ({partial}). They can replace the key or confirm the block.',
        fr: 'Appelez un centre d’activation des licences Microsoft (https://www.microsoft.com/licensing/existing-customer/activation-centers) avec le numéro de contrat, la preuve d’achat, les sorties ci-dessus et les cinq derniers caractères de la clé ({partial}). Ils peuvent remplacer la clé ou confirmer le blocage.',
      },
    ],
    escalate: true,
    bring: [
      {
        en: 'The agreement number and proof of purchase, slmgr /dlv, the Installation ID (slmgr /dti) and the last five characters of the key.',
        fr: 'Le numéro de contrat et la preuve d’achat, slmgr /dlv, l’ID d’installation (slmgr /dti) et les cinq derniers caractères de la clé.',
      },
    ],
    source: [
      'activation-facts.md §1.1 (0xC004C003, 0xC004C060)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'mak-quota-exhausted',
    kind: 'keys',
    title: {
      en: 'This MAK (or KMS host key) has no activations left',
      fr: 'Cette clé MAK (ou clé d’hôte KMS) n’a plus d’activations disponibles',
    },
    when: {
      codes: ['0xC004C020', '0xC004C021', '0xC004C008'],
      symptoms: {
        en: [
          'MAK activation count exceeded',
          'no more activations left on the MAK',
          'MAK limit reached',
          'multiple activation key exceeded its limit',
          'need more MAK activations',
          'rebuilt our KMS host several times and now the KMS host key itself refuses to activate',
          'the KMS host key can no longer be used on a new host',
        ],
        fr: [
          'nombre d’activations MAK dépassé',
          'plus d’activations disponibles sur la MAK',
          'limite de la MAK atteinte',
          'la clé d’activation multiple a dépassé sa limite',
          'il faut plus d’activations MAK',
          'réinstallé notre hôte KMS plusieurs fois et maintenant la clé d’hôte KMS refuse de s’activer',
          'la clé d’hôte KMS ne peut plus être utilisée sur un nouvel hôte',
        ],
      },
    },
    cause: {
      en: 'A Multiple Activation Key allows a fixed number of activations, and a KMS host key (CSVLK) up to 10 activations on 6 hosts. This key has reached its limit, so Microsoft refuses new activations. A VM image baked with such a key spends one activation per copy; VMs in Azure need the KMS client key instead.',
      fr: 'Une clé d’activation multiple permet un nombre fixe d’activations, et une clé d’hôte KMS (CSVLK) jusqu’à 10 activations sur 6 hôtes. Cette clé a atteint sa limite : Microsoft refuse toute nouvelle activation. Une image de VM préparée avec une telle clé consomme une activation par copie ; les VM dans Azure doivent plutôt utiliser la clé client KMS.',
    },
    fix: [
      {
        en: 'Check the remaining activations in the Microsoft 365 admin center (Volume Licensing) or in VAMT.',
        fr: 'Consultez les activations restantes dans le centre d’administration Microsoft 365 (licences en volume) ou dans VAMT.',
      },
      {
        en: 'Read the Installation ID for the call.',
        fr: 'Relevez l’ID d’installation pour l’appel.',
        command: 'slmgr /dti',
      },
      {
        en: 'Ask a Microsoft Licensing Activation Center (https://www.microsoft.com/licensing/existing-customer/activation-centers) to add activations; have the agreement number and proof of purchase ready. Phone activation goes through the same agents.',
        fr: 'Demandez à un centre d’activation des licences Microsoft (https://www.microsoft.com/licensing/existing-customer/activation-centers) d’ajouter des activations ; préparez le numéro de contrat et la preuve d’achat. L’activation par téléphone passe par les mêmes agents.',
        command: 'slui 4',
      },
      {
        en: 'For many machines, consider a KMS host or Active Directory-based activation instead of a MAK.',
        fr: 'Pour un grand parc, préférez un hôte KMS ou l’activation via Active Directory à une clé MAK.',
      },
    ],
    escalate: true,
    bring: [
      {
        en: "The agreement number, the MAK's last five characters and how many more activations you need.",
        fr: 'Le numéro de contrat, les cinq derniers caractères de la MAK et le nombre d’activations supplémentaires nécessaires.',
      },
    ],
    source: [
      'activation-facts.md §1.1 (0xC004C020, 0xC004C021)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'mak-invalid',
    kind: 'keys',
    title: {
      en: 'The product key was not accepted as valid',
      fr: 'La clé de produit n’a pas été reconnue comme valide',
    },
    when: {
      codes: ['0xC004C001', '0xC004B100', '0x80070490'],
      symptoms: {
        en: [
          'activation server says the key is invalid',
          'MAK not recognised',
          'the product key is not valid for activation server',
          'key out of range',
        ],
        fr: ['le serveur d’activation dit que la clé n’est pas valide', 'MAK non reconnue', 'clé hors plage'],
      },
    },
    cause: {
      en: 'Microsoft does not recognise the key: usually a typo or an invisible character from a copy and paste, or a key for another product.',
      fr: 'Microsoft ne reconnaît pas la clé : le plus souvent une faute de frappe ou un caractère invisible venu d’un copier-coller, ou une clé d’un autre produit.',
    },
    fix: [
      {
        en: 'Type the key again by hand (e-mails and PDFs insert dashes and invisible characters) from an elevated prompt.',
        fr: 'Retapez la clé à la main (les e-mails et PDF insèrent des tirets et caractères invisibles) depuis une invite élevée.',
        command: 'slmgr /ipk <MAK>',
      },
      {
        en: 'Activate.',
        fr: 'Activez.',
        command: 'slmgr /ato',
      },
      {
        en: 'Still refused? Confirm the key with a Microsoft Licensing Activation Center (https://www.microsoft.com/licensing/existing-customer/activation-centers).',
        fr: 'Toujours refusée ? Faites vérifier la clé par un centre d’activation des licences Microsoft (https://www.microsoft.com/licensing/existing-customer/activation-centers).',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.1 (0xC004C001, 0xC004B100)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'mak-error-on-kms-client',
    kind: 'keys',
    title: {
      en: 'A MAK error on a machine that is still a KMS client',
      fr: 'Une erreur MAK sur une machine encore cliente KMS',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'MAK error but the machine has a KMS client key',
          'GVLK installed but no KMS server',
          'we have no KMS host and machines have the generic volume key',
          'volume key installed, tries to activate online with Microsoft',
          'VMs installed with the generic volume key and no KMS or MAK to activate them',
          'VMware guests cannot use AVMA and have only the KMS client key',
          'standalone Enterprise machine with no internet cannot use telephone activation',
          'air-gapped Enterprise PC with the generic volume key',
        ],
        fr: [
          'erreur MAK alors que la machine a une clé client KMS',
          'GVLK installée mais pas de serveur KMS',
          'nous n’avons pas d’hôte KMS et les machines ont la clé générique',
          'VM sous ESXi ou VMware sans AVMA possible',
          'VM avec la clé générique GVLK mais ni KMS ni MAK',
          'poste Entreprise isolé sans Internet, l’activation par téléphone n’est pas proposée',
          'poste Entreprise hors réseau avec la clé générique en volume',
        ],
      },
    },
    cause: {
      en: "The machine's licence channel is {channel} (a KMS client key is installed), yet the error comes from Microsoft's MAK activation service. KMS and MAK got mixed: the MAK was not installed, or the wrong route was tried. Pick one channel.",
      fr: 'Le canal de licence de la machine est {channel} (une clé client KMS est installée), et pourtant l’erreur vient du service d’activation MAK de Microsoft. KMS et MAK ont été mélangés : la clé MAK n’a pas été installée, ou le mauvais chemin a été tenté. Choisissez un seul canal.',
    },
    fix: [
      {
        en: 'Check which key is installed now (Description and Product Key Channel lines).',
        fr: 'Vérifiez quelle clé est installée maintenant (lignes Description et Canal de la clé de produit).',
        command: 'slmgr /dlv',
      },
      {
        en: 'If your organisation has a KMS host: keep the KMS client key, point the machine at the host and activate.',
        fr: 'Si votre organisation a un hôte KMS : gardez la clé client KMS, indiquez l’hôte à la machine et activez.',
        command: 'slmgr /skms {host}:{port}',
      },
      {
        en: 'Then activate through KMS.',
        fr: 'Puis activez via KMS.',
        command: 'slmgr /ato',
      },
      {
        en: 'If you have a MAK instead: install it, check that /dlv now shows VOLUME_MAK, then activate.',
        fr: 'Si vous avez plutôt une clé MAK : installez-la, vérifiez que /dlv affiche VOLUME_MAK, puis activez.',
        command: 'slmgr /ipk <MAK>',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (Roles & keys)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'edition-key-mismatch',
    kind: 'keys',
    title: {
      en: 'The key does not match the installed edition',
      fr: 'La clé ne correspond pas à l’édition installée',
    },
    when: {
      codes: ['0xC004E016', '0xC004F210', '0xC004F212', '0xC004F034'],
      alsoCodes: ['0xC004F069', '0xC004F050'],
      symptoms: {
        en: [
          'the GVLK for Datacenter is not accepted on Azure Edition',
          'which key for Datacenter Azure Edition',
          'key for a different edition',
          'wrong edition key',
          'product key of an older Windows Server version typed on a newer install',
          'key does not match the installed edition',
          'product key for another version',
          'the key is for Standard but we run Datacenter',
          'a key for a newer Windows Server version is refused on the older one',
        ],
        fr: [
          'la GVLK Datacenter n’est pas acceptée sur Azure Edition',
          'quelle clé pour Datacenter Azure Edition',
          'clé pour une autre édition',
          'mauvaise clé d’édition',
          'clé d’une version plus ancienne de Windows Server saisie sur une installation plus récente',
          'la clé ne correspond pas à l’édition installée',
          'clé de produit d’une autre version',
          'la clé 2022 ne passe pas dans le Windows Server 2019',
        ],
      },
    },
    cause: {
      en: 'Edition, channel and key type must agree. The installed edition is {edition} but the key belongs to another edition or version ({keyEdition}), so the licence cannot be applied.',
      fr: 'Édition, canal et type de clé doivent concorder. L’édition installée est {edition} mais la clé appartient à une autre édition ou version ({keyEdition}) : la licence ne peut pas s’appliquer.',
    },
    fix: [
      {
        en: 'Check the installed edition.',
        fr: 'Vérifiez l’édition installée.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      {
        en: 'Install a key for that exact edition and version: the published KMS client key shown here for a KMS host or ADBA, or your Retail or MAK key in its place.',
        fr: 'Installez une clé de cette édition et de cette version exactes : la clé client KMS publiée indiquée ici pour un hôte KMS ou l’ADBA, ou votre clé Retail ou MAK à sa place.',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: 'Or move to the edition the key is for, when DISM lists it as a target.',
        fr: 'Ou passez à l’édition visée par la clé, si DISM la propose comme cible.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        en: 'Activate.',
        fr: 'Activez.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.2 (0xC004E016, 0xC004F210)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'key-format-invalid',
    kind: 'keys',
    title: {
      en: 'The product key is invalid for this Windows',
      fr: 'La clé de produit n’est pas valide pour ce Windows',
    },
    when: {
      codes: ['0xC004F050', '0x8007000D'],
      symptoms: {
        en: [
          'the product key is invalid',
          'key typo',
          'invalid product key when installing',
          'slmgr ipk says key not valid',
          'copied key with wrong dashes',
        ],
        fr: [
          'la clé de produit n’est pas valide',
          'faute de frappe dans la clé',
          'clé de produit non valide à l’installation',
          'slmgr ipk dit clé non valide',
        ],
      },
    },
    cause: {
      en: 'Windows rejects the key before contacting anyone: a typo, dashes turned into long dashes by a copy and paste, or a key for another version of Windows (each major version has its own keys).',
      fr: 'Windows rejette la clé avant même de contacter qui que ce soit : faute de frappe, tirets changés en tirets longs par un copier-coller, ou clé d’une autre version de Windows (chaque version majeure a ses propres clés).',
    },
    fix: [
      {
        en: 'Type the key again by hand; do not paste it from an e-mail, chat or PDF.',
        fr: 'Retapez la clé à la main ; ne la collez pas depuis un e-mail, une discussion ou un PDF.',
        command: 'slmgr /ipk <key>',
      },
      {
        en: 'Check that the key is for this Windows version and edition.',
        fr: 'Vérifiez que la clé correspond à cette version et à cette édition de Windows.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      {
        en: 'Activate.',
        fr: 'Activez.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.1 (0xC004F050)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'mak-proxy-vamt',
    kind: 'keys',
    title: {
      en: 'MAK proxy activation through VAMT fails',
      fr: 'L’activation MAK par proxy via VAMT échoue',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004C020'],
      refines: ['mak-quota-exhausted'],
      symptoms: {
        en: [
          'An item with the same key has already been added',
          'VAMT computer list cil fails to open',
          'same MAC address twice in VAMT',
          'VAMT proxy activation',
          'MAK proxy activation fails',
          'VAMT cannot reach the computers',
          'duplicate computers in VAMT',
          'VAMT WMI access denied',
          'isolated network activation with VAMT',
          'The specified database is not a valid VAMT database',
          'creating the VAMT database fails',
          'dozens of MAK machines on an isolated network without internet, activate them centrally',
          'typing the MAK on every machine and phoning Microsoft for each is not workable',
        ],
        fr: [
          'VAMT ne peut pas ouvrir la liste d’ordinateurs cil',
          'même adresse MAC deux fois dans VAMT',
          'activation par proxy VAMT',
          'l’activation MAK par proxy échoue',
          'VAMT ne joint pas les ordinateurs',
          'ordinateurs en double dans VAMT',
          'accès WMI refusé par VAMT',
          'La base de données spécifiée n’est pas une base de données VAMT valide',
          'la création de la base VAMT échoue',
          'une quarantaine de postes MAK dans un réseau isolé sans Internet, activation centralisée',
          'saisir la clé MAK sur chaque poste puis appeler Microsoft pour chacun n’est pas tenable',
        ],
      },
    },
    cause: {
      en: 'VAMT reads each target over WMI (firewall and rights needed), gets the Installation IDs, activates them with Microsoft and applies the Confirmation IDs. Cloned targets share hardware ids and show up twice; blocked WMI stops the whole chain.',
      fr: 'VAMT lit chaque cible par WMI (pare-feu et droits requis), récupère les ID d’installation, les active auprès de Microsoft et applique les ID de confirmation. Les clones partagent leurs identifiants matériels et apparaissent en double ; un WMI bloqué arrête toute la chaîne.',
    },
    fix: [
      {
        en: 'On the targets, allow WMI through the firewall.',
        fr: 'Sur les cibles, autorisez WMI dans le pare-feu.',
        command:
          'netsh advfirewall firewall set rule group="Windows Management Instrumentation (WMI)" new enable=yes',
      },
      {
        en: 'Run VAMT with an account that is administrator on the targets.',
        fr: 'Lancez VAMT avec un compte administrateur des cibles.',
      },
      {
        en: 'Generalize cloned machines (sysprep /generalize) so each has its own id, then rediscover them in VAMT.',
        fr: 'Généralisez les machines clonées (sysprep /generalize) pour qu’elles aient chacune leur identifiant, puis relancez la découverte dans VAMT.',
      },
      {
        en: "Check the MAK's remaining activations in the Microsoft 365 admin center before proxy-activating.",
        fr: 'Vérifiez les activations restantes de la MAK dans le centre d’administration Microsoft 365 avant l’activation par proxy.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §7 (VAMT)',
      'https://learn.microsoft.com/windows/deployment/volume-activation/proxy-activation-vamt',
    ],
  },
  {
    id: 'online-activation-network',
    kind: 'keys',
    title: {
      en: 'Online activation cannot reach Microsoft',
      fr: 'L’activation en ligne ne joint pas Microsoft',
    },
    when: {
      codes: ['0x80072EE7', '0x80072F8F', '0x80072EFD', '0x80072EE2', '0x8004FE33'],
      symptoms: {
        en: [
          'cannot reach the Microsoft activation server',
          'proxy blocks activation',
          'server name could not be resolved',
          'secure channel error during activation',
          'no internet access on the server',
          'activation times out behind the proxy',
          'every connection to the internet goes through an authenticating web proxy',
          'the MAK activates at home but not on the company network',
          'Office MAK activation fails behind our proxy',
        ],
        fr: [
          'impossible de joindre le serveur d’activation Microsoft',
          'le proxy bloque l’activation',
          'le nom du serveur n’a pas pu être résolu',
          'erreur de canal sécurisé pendant l’activation',
          'pas d’accès internet sur le serveur',
          'tout le trafic internet passe par un proxy web qui demande une authentification',
          'la MAK s’active à la maison mais pas sur le réseau de l’entreprise',
          'l’activation MAK d’Office échoue derrière notre proxy',
        ],
      },
    },
    cause: {
      en: 'MAK and retail keys activate with Microsoft over HTTPS. A proxy that needs authentication, blocked DNS, TLS inspection or a wrong clock stops the request before Microsoft sees the key.',
      fr: 'Les clés MAK et retail s’activent auprès de Microsoft en HTTPS. Un proxy authentifiant, un DNS bloqué, une inspection TLS ou une horloge fausse arrêtent la demande avant que Microsoft voie la clé.',
    },
    fix: [
      {
        en: 'Check the system clock and time zone.',
        fr: 'Vérifiez l’horloge système et le fuseau horaire.',
        command: 'w32tm /query /status',
      },
      {
        en: 'Give the system account the proxy (activation runs as a service, not as you).',
        fr: 'Donnez le proxy au compte système (l’activation tourne en service, pas sous votre compte).',
        command: 'netsh winhttp import proxy source=ie',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
      {
        en: 'With no way out to the internet, activate by phone.',
        fr: 'Sans accès à internet, activez par téléphone.',
        command: 'slui 4',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.2',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'phone-activation',
    kind: 'keys',
    title: { en: 'Activate by phone with Microsoft', fr: 'Activer par téléphone auprès de Microsoft' },
    when: {
      codes: [],
      symptoms: {
        en: [
          'only phone activation works',
          'offline server without internet',
          'activate by phone',
          'no internet and MAK',
          'air gapped network activation',
          'slui 4 phone number',
        ],
        fr: [
          'seule l’activation par téléphone fonctionne',
          'serveur hors ligne sans internet',
          'activer par téléphone',
          'réseau isolé sans internet',
          'numéro de téléphone slui 4',
        ],
      },
    },
    cause: {
      en: 'The machine cannot activate online (isolated network, or Microsoft asks for a call). The Installation ID is read out to Microsoft, which returns a Confirmation ID.',
      fr: 'La machine ne peut pas s’activer en ligne (réseau isolé, ou Microsoft demande un appel). L’ID d’installation est communiqué à Microsoft, qui renvoie un ID de confirmation.',
    },
    fix: [
      { en: 'Show the Installation ID.', fr: 'Affichez l’ID d’installation.', command: 'slmgr /dti' },
      {
        en: 'Get the phone number for your country.',
        fr: 'Obtenez le numéro de téléphone de votre pays.',
        command: 'slui 4',
      },
      {
        en: 'Enter the Confirmation ID you are given.',
        fr: 'Saisissez l’ID de confirmation reçu.',
        command: 'slmgr /atp <Confirmation ID>',
      },
    ],
    escalate: true,
    bring: [
      {
        en: 'The Installation ID (slmgr /dti) and the last five characters of the key.',
        fr: 'L’ID d’installation (slmgr /dti) et les cinq derniers caractères de la clé.',
      },
    ],
    source: [
      'activation-facts.md §7',
      'https://www.microsoft.com/licensing/existing-customer/activation-centers',
    ],
  },
  {
    id: 'non-genuine-tampered',
    kind: 'keys',
    title: {
      en: 'Windows is not genuine: activator leftovers, extra language packs or altered files',
      fr: 'Windows non authentique : restes d’activateur, langues en trop ou fichiers modifiés',
    },
    when: {
      // 0x8004FE21: the genuine check's own failure (language packs, modified or damaged files; facts §1.1).
      codes: ['0xC004F200', '0x8004FE21'],
      alsoCodes: ['0xC004E003'],
      symptoms: {
        en: [
          'KMS emulator was used before',
          'activator crack left behind',
          'KMSpico',
          'non genuine Windows',
          'someone used an activation script from the internet',
          'license files tampered',
          'not genuine on PCs where extra display languages were added',
          'language packs installed and now Windows says it is not genuine',
        ],
        fr: [
          'un émulateur KMS a été utilisé avant',
          'restes d’un crack d’activation',
          'Windows non authentique',
          'quelqu’un a utilisé un script d’activation trouvé sur internet',
          'fichiers de licence altérés',
          'non authentique sur les postes où l’on a ajouté des langues d’affichage',
          'des modules linguistiques installés et Windows se dit non authentique',
        ],
      },
    },
    cause: {
      en: 'The genuine check found Windows changed. An unofficial activator (KMS emulator, patched licence files) leaves a fake KMS host, scheduled tasks or altered files; language packs added to an edition not licensed for them, malware or damaged system files fail the same check (0x8004FE21). Legitimate keys then misbehave.',
      fr: 'La vérification d’authenticité a trouvé un Windows modifié. Un activateur non officiel (émulateur KMS, fichiers de licence modifiés) laisse un faux hôte KMS, des tâches planifiées ou des fichiers altérés ; des modules linguistiques ajoutés à une édition qui n’en a pas la licence, un logiciel malveillant ou des fichiers système abîmés échouent à la même vérification (0x8004FE21). Les clés légitimes se comportent alors mal.',
    },
    fix: [
      {
        en: 'Remove the emulator and its scheduled tasks, then clear the fake KMS host.',
        fr: 'Supprimez l’émulateur et ses tâches planifiées, puis effacez le faux hôte KMS.',
        command: 'slmgr /ckms',
      },
      {
        en: 'List the installed languages: extra language packs on a single-language edition fail the check.',
        fr: 'Listez les langues installées : des langues en trop sur une édition monolingue font échouer la vérification.',
        command: 'DISM /online /Get-Intl',
      },
      { en: 'Repair system files.', fr: 'Réparez les fichiers système.', command: 'sfc /scannow' },
      {
        en: "Install a genuine key (retail, MAK or the device's own firmware key) and activate.",
        fr: 'Installez une clé authentique (retail, MAK ou la clé du micrologiciel de l’appareil) et activez.',
        command: 'slmgr /ipk <key>',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
      {
        en: 'If it is still not genuine, reinstall Windows: Microsoft’s documented way out of 0x8004FE21.',
        fr: 'S’il reste non authentique, réinstallez Windows : c’est la sortie documentée par Microsoft pour 0x8004FE21.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §4.1 (0x8007232B on Home/Pro after an unofficial activator)',
      'activation-facts.md Appendix A',
      'activation-facts.md §1.1 (0x8004FE21: language packs, malware, corrupt files; reinstall)',
    ],
  },
];
