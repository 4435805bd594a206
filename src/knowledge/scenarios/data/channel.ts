/** Scenarios — Licensing channels: subscription activation, AVMA, Home to Pro, digital licences, OEM firmware keys, retail vs volume. */
import type { ScenarioInput } from '../schema.js';

export const CHANNELS: ScenarioInput[] = [
  {
    id: 'retail-key-on-volume',
    kind: 'channel',
    title: {
      en: "The key's channel does not match the installation (retail vs volume)",
      fr: 'Le canal de la clé ne correspond pas à l’installation (retail ou volume)',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F069', '0xC004E016', '0xC004F050'],
      // A retail key (MSDN, boxed) said to be typed on volume-licence media: the mismatch itself, stated.
      facts: { retailKeySource: true, volumeMedia: true },
      refines: ['kms-error-on-non-kms-key'],
      symptoms: {
        en: [
          'retail key on volume license media',
          'MSDN key on VL image',
          'consumer key on enterprise install',
          'volume license key on retail install',
          'channel mismatch',
        ],
        fr: [
          'clé retail sur un média en licence en volume',
          'clé MSDN sur une image VL',
          'clé grand public sur une installation entreprise',
          'clé en volume sur une installation retail',
        ],
      },
    },
    cause: {
      en: 'Retail, OEM and volume keys belong to different channels. A volume image takes GVLK or MAK keys; a retail key on it (or the other way round) is refused or never activates.',
      fr: 'Les clés retail, OEM et en volume appartiennent à des canaux différents. Une image en volume prend des clés GVLK ou MAK ; une clé retail dessus (ou l’inverse) est refusée ou ne s’active jamais.',
    },
    fix: [
      {
        en: 'See the channel of the installed product.',
        fr: 'Regardez le canal du produit installé.',
        command: 'slmgr /dlv',
      },
      {
        en: 'On volume media, install the KMS client key of this edition (or your MAK).',
        fr: 'Sur un média en volume, installez la clé client KMS de cette édition (ou votre MAK).',
        command: 'slmgr /ipk {gvlk}',
      },
      { en: 'Activate.', fr: 'Activez.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: ['activation-facts.md §1.2 (0xC004F069, 0xC004E016)'],
  },
  {
    id: 'subscription-activation-base',
    kind: 'channel',
    title: {
      en: 'Subscription activation needs an activated Pro base',
      fr: 'L’activation par abonnement exige une base Pro activée',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F034'],
      symptoms: {
        en: [
          'E5 includes Windows Enterprise',
          'get to Enterprise without buying Pro first',
          'Windows 10 Home laptop with Microsoft 365 E3',
          'Windows Enterprise E3 subscription not stepping up',
          'E5 licence assigned but still Pro',
          'subscription activation not working',
          'Enterprise subscription is not valid',
          'Pro never activated so Enterprise subscription fails',
          'LTSC with E3 subscription',
          'Enterprise LTSC device with an E3 licence does not activate',
          'E3 licence assigned to the Azure AD account but Windows is not activated',
          'E5 assigned, rebooted and signed in again but the PC stays on Pro',
          'force Windows to check for the Enterprise subscription',
          'Do not connect to any Windows Update Internet locations policy blocks the step-up',
          'activate Enterprise with the E3 licence without buying a Pro key',
          'PC came without Windows, can the Microsoft 365 E3 subscription activate it',
        ],
        fr: [
          'E5 inclut Windows Entreprise',
          'passer à Entreprise sans acheter Pro',
          'l’abonnement Windows Entreprise E3 ne s’applique pas',
          'licence E5 attribuée mais toujours Pro',
          'l’activation par abonnement ne fonctionne pas',
          'l’abonnement Entreprise n’est pas valide',
          'poste Entreprise LTSC avec une licence E3 qui ne s’active pas',
          'licence E3 attribuée au compte Azure AD mais Windows n’est pas activé',
          'licence E5 attribuée, redémarré et reconnecté mais le poste reste en Pro',
          'forcer Windows à vérifier l’abonnement Entreprise',
          'la stratégie Ne pas se connecter à des emplacements Internet Windows Update bloque le passage',
          'activer Entreprise avec la licence E3 sans acheter de clé Pro',
          'postes LTSC avec des utilisateurs sous licence E3 restent non activés',
        ],
      },
    },
    cause: {
      en: 'Enterprise E3/E5 (and Education A3/A5) step up an already activated Pro edition when a licensed user signs in on an Entra-joined device. If Pro was never activated (usually with the firmware key), the step-up cannot happen; LTSC is not covered at all.',
      fr: 'Entreprise E3/E5 (et Éducation A3/A5) font évoluer une édition Pro déjà activée quand un utilisateur licencié se connecte sur un appareil joint à Entra. Si Pro n’a jamais été activé (en général avec la clé du micrologiciel), l’évolution est impossible ; LTSC n’est pas couvert.',
    },
    fix: [
      {
        en: 'Read the firmware key (blank means none).',
        fr: 'Lisez la clé du micrologiciel (vide signifie aucune).',
        command: "(Get-CimInstance -query 'select * from SoftwareLicensingService').OA3xOriginalProductKey",
      },
      {
        en: 'Activate Pro with it.',
        fr: 'Activez Pro avec elle.',
        command: 'changepk.exe /ProductKey <firmware key>',
      },
      {
        en: 'Check the device is Entra joined (AzureAdJoined : YES).',
        fr: 'Vérifiez que l’appareil est joint à Entra (AzureAdJoined : YES).',
        command: 'dsregcmd /status',
      },
      {
        en: 'Assign the E3/E5 licence to the user (per user, not per device), then sign in again.',
        fr: 'Attribuez la licence E3/E5 à l’utilisateur (par utilisateur, pas par appareil), puis reconnectez-vous.',
      },
      {
        en: 'The step-up can take up to a day. On domain-joined PCs, turn off the policy "Do not connect to any Windows Update Internet locations": it also blocks the subscription check.',
        fr: 'Le passage peut prendre jusqu’à un jour. Sur les postes joints au domaine, désactivez la stratégie « Ne pas se connecter à des emplacements Internet Windows Update » : elle bloque aussi la vérification de l’abonnement.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §3',
      'https://learn.microsoft.com/windows/deployment/windows-subscription-activation',
    ],
  },
  {
    id: 'avma-requirements',
    kind: 'channel',
    title: { en: 'AVMA requirements are not met', fr: 'Les conditions d’AVMA ne sont pas remplies' },
    when: {
      codes: ['0xC004FD00', '0xC004FD01', '0xC004FD02', '0xC004FD03', '0xC004FD04'],
      symptoms: {
        en: [
          'AVMA not activating the guest',
          'automatic virtual machine activation fails',
          'Hyper-V host is Standard edition',
          'AVMA key for Windows 10 VM',
          'data exchange integration service disabled',
          'event 12309',
          'AVMA guest is a newer Windows Server than the Hyper-V host',
          'event 12309 invalid host in the guest',
        ],
        fr: [
          'AVMA n’active pas l’invité',
          'l’activation automatique des machines virtuelles échoue',
          'l’hôte Hyper-V est en édition Standard',
          'clé AVMA pour une VM Windows 10',
          'service d’intégration Échange de données désactivé',
          'invité AVMA plus récent que l’hôte Hyper-V',
          'événement 12309 hôte non valide dans la VM',
          'clé AVMA 2019 sur un hôte Hyper-V 2016',
        ],
      },
    },
    cause: {
      en: 'AVMA needs an activated Windows Server Datacenter Hyper-V host, a Windows Server guest of the same or an older version with the AVMA key of its own version, and the Data Exchange integration service on. Client editions and other hypervisors are not supported.',
      fr: 'AVMA exige un hôte Hyper-V Windows Server Datacenter activé, un invité Windows Server de même version ou plus ancienne avec la clé AVMA de sa version, et le service d’intégration Échange de données actif. Les éditions clientes et les autres hyperviseurs ne sont pas pris en charge.',
    },
    fix: [
      {
        en: 'On the host, check it is Datacenter and activated.',
        fr: 'Sur l’hôte, vérifiez qu’il est Datacenter et activé.',
        command: 'slmgr /dli',
      },
      {
        en: 'Turn on Data Exchange for the VM.',
        fr: 'Activez Échange de données pour la VM.',
        command: 'Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange"',
      },
      {
        en: "In the guest, install the AVMA key of the guest's version and edition.",
        fr: 'Dans l’invité, installez la clé AVMA de la version et de l’édition de l’invité.',
        command: 'slmgr /ipk <AVMA key>',
      },
      {
        en: 'Restart the VM; activation happens at start.',
        fr: 'Redémarrez la VM ; l’activation se fait au démarrage.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §2',
      'https://learn.microsoft.com/windows-server/get-started/automatic-vm-activation',
    ],
  },
  {
    id: 'home-to-pro',
    kind: 'channel',
    title: {
      en: 'Upgrading Home to Pro goes through Settings, not slmgr',
      fr: 'Le passage de Famille à Pro se fait par les Paramètres, pas par slmgr',
    },
    when: {
      codes: ['0x803FA067'],
      alsoCodes: ['0xC004F069', '0xC004F050'],
      symptoms: {
        en: [
          'upgrade Windows Home to Pro',
          'Home to Pro key not accepted',
          'slmgr ipk Pro key on Home',
          'change edition from Home to Professional',
        ],
        fr: [
          'passer de Windows Famille à Pro',
          'la clé Pro n’est pas acceptée sur Famille',
          'slmgr ipk clé Pro sur Famille',
          'changer l’édition de Famille à Professionnel',
        ],
      },
    },
    cause: {
      en: 'A Pro key cannot be installed on Home with slmgr /ipk: the edition must change first. Microsoft supports Home to Pro by entering the key in Settings (or through the Store); changepk.exe is also widely used.',
      fr: 'Une clé Pro ne s’installe pas sur Famille avec slmgr /ipk : l’édition doit d’abord changer. Microsoft prend en charge Famille vers Pro en saisissant la clé dans les Paramètres (ou via le Store) ; changepk.exe est aussi très utilisé.',
    },
    fix: [
      {
        en: 'Open Settings > System > Activation > Change product key and enter the Pro key.',
        fr: 'Ouvrez Paramètres > Système > Activation > Modifier la clé de produit et saisissez la clé Pro.',
        command: 'start ms-settings:activation',
      },
      {
        en: 'Or run changepk with the Pro key, then reboot.',
        fr: 'Ou lancez changepk avec la clé Pro, puis redémarrez.',
        command: 'changepk.exe /ProductKey <Pro key>',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §4.2',
      'https://learn.microsoft.com/windows/deployment/upgrade/windows-edition-upgrades',
    ],
  },
  {
    id: 'hardware-change-reactivation',
    kind: 'channel',
    title: {
      en: 'The digital licence no longer matches the hardware',
      fr: 'La licence numérique ne correspond plus au matériel',
    },
    when: {
      codes: ['0xC004F00F', '0x803F7001', '0xC004F211', '0xC004F213'],
      refines: ['clone-or-snapshot'],
      symptoms: {
        en: [
          'moved my drive into a new machine',
          'new motherboard and CPU',
          'after the repair the board was replaced',
          'get my licence back after changing hardware',
          'hardware out of tolerance',
          'replaced the motherboard',
          'new motherboard Windows not activated',
          'hardware change activation',
          'digital license lost after repair',
          'no product key found on the device',
          'linked to Microsoft account',
          'Activate Windows watermark after changing CPU and motherboard',
          'I changed hardware on this device recently',
          'Windows no longer activated since a BIOS update',
          'upgraded for free from Windows 7 and lost activation after changing a part',
        ],
        fr: [
          'j’ai déplacé mon disque dans une nouvelle machine',
          'nouvelle carte mère et processeur',
          'récupérer ma licence après un changement de matériel',
          'matériel hors tolérance',
          'carte mère remplacée',
          'nouvelle carte mère Windows non activé',
          'activation après changement de matériel',
          'licence numérique perdue après réparation',
          'aucune clé de produit trouvée sur l’appareil',
          'filigrane Activer Windows après changement de carte mère',
          'licence numérique liée au compte Microsoft',
          'j’ai changé de matériel sur cet appareil récemment',
          'carte mère remplacée et Windows n’est plus activé',
          'Windows n’est plus activé depuis la mise à jour du BIOS',
          'passé gratuitement de Windows 7 à Windows 10 puis activation perdue après un changement de pièce',
        ],
      },
    },
    cause: {
      en: 'A digital licence is tied to the hardware. After a motherboard change Windows no longer recognises the device; a retail licence linked to a Microsoft account can be moved with the Activation troubleshooter, an OEM licence stays with the original board.',
      fr: 'Une licence numérique est liée au matériel. Après un changement de carte mère, Windows ne reconnaît plus l’appareil ; une licence retail liée à un compte Microsoft peut être déplacée avec l’utilitaire de résolution des problèmes d’activation, une licence OEM reste attachée à la carte d’origine.',
    },
    fix: [
      {
        en: 'Open Settings > System > Activation > Troubleshoot, choose "I changed hardware on this device recently" and sign in with the Microsoft account.',
        fr: 'Ouvrez Paramètres > Système > Activation > Résolution des problèmes, choisissez « J’ai récemment changé de matériel sur cet appareil » et connectez-vous avec le compte Microsoft.',
        command: 'start ms-settings:activation',
      },
      {
        en: 'Without a linked account, enter a valid key for this edition.',
        fr: 'Sans compte lié, saisissez une clé valide pour cette édition.',
        command: 'changepk.exe /ProductKey <key>',
      },
      { en: 'Or activate by phone.', fr: 'Ou activez par téléphone.', command: 'slui 4' },
      {
        en: 'A licence from the free upgrade of a Windows 7/8.1 key that the troubleshooter cannot restore after a hardware change or firmware update: contact Microsoft support, which can restore it.',
        fr: 'Une licence issue de la mise à niveau gratuite d’une clé Windows 7/8.1 que l’utilitaire ne sait pas restaurer après un changement de matériel ou une mise à jour du micrologiciel : contactez le support Microsoft, qui peut la rétablir.',
      },
    ],
    escalate: false,
    // Licences from the free Windows 7/8.1 upgrade have been lost after a board swap or firmware update with no
    // way back through the troubleshooter: Microsoft support restores them.
    escalateWhen: { freeUpgradeLicence: true },
    source: [
      'activation-facts-more.md §4.1, §4.2',
      'https://www.phonandroid.com/windows-ne-veut-plus-sactiver-vous-etes-surement-dans-lun-de-ces-cas.html',
    ],
  },
  {
    id: 'oem-firmware-key',
    kind: 'channel',
    title: {
      en: 'The OEM firmware key is missing, not seen or for another edition',
      fr: 'La clé OEM du micrologiciel manque, n’est pas vue ou vise une autre édition',
    },
    when: {
      codes: ['0xC004F035', '0xC004F059', '0xC004F063'],
      alsoCodes: ['0xC004F034'],
      symptoms: {
        en: [
          'OEM key in BIOS',
          'firmware embedded key not picked up',
          'MSDM table',
          'OA3xOriginalProductKey empty',
          'VM does not see the OEM key',
          'laptop came with Windows Pro but installed Home',
          'The product key entered does not match any of the Windows images available for installation',
          'setup picks up the Windows key stored in the PC firmware',
        ],
        fr: [
          'clé OEM dans le BIOS',
          'la clé intégrée au micrologiciel n’est pas prise',
          'table MSDM',
          'OA3xOriginalProductKey vide',
          'la VM ne voit pas la clé OEM',
          'La clé de produit entrée ne correspond à aucune des images Windows disponibles pour l’installation',
          'le programme d’installation reprend la clé Windows stockée dans le micrologiciel du PC',
        ],
      },
    },
    cause: {
      en: "OEM devices carry their key in firmware (MSDM). Windows only picks it up during setup, a VM never sees the host's key, and a board swap removes it; the firmware key also decides which edition activates.",
      fr: 'Les appareils OEM portent leur clé dans le micrologiciel (MSDM). Windows ne la prend qu’à l’installation, une VM ne voit jamais la clé de l’hôte, et un changement de carte la supprime ; cette clé décide aussi de l’édition qui s’active.',
    },
    fix: [
      {
        en: 'Read the firmware key (blank means none).',
        fr: 'Lisez la clé du micrologiciel (vide signifie aucune).',
        command: "(Get-CimInstance -query 'select * from SoftwareLicensingService').OA3xOriginalProductKey",
      },
      {
        en: 'Install it for the matching edition.',
        fr: 'Installez-la pour l’édition correspondante.',
        command: 'changepk.exe /ProductKey <firmware key>',
      },
      {
        en: 'In a VM, use a volume, retail or AVMA key instead.',
        fr: 'Dans une VM, utilisez plutôt une clé en volume, retail ou AVMA.',
        command: 'slmgr /ipk <key>',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §4.3',
      'https://learn.microsoft.com/troubleshoot/windows-client/licensing-and-activation/validate-oem-activation-key',
    ],
  },
  {
    id: 'oem-licence-not-transferable',
    kind: 'channel',
    title: {
      en: 'An OEM licence stays with the machine it came with',
      fr: 'Une licence OEM reste attachée à la machine avec laquelle elle a été vendue',
    },
    when: {
      // No code of its own: 0xC004C003 or 0xC004C008 on a moved key say nothing more than on any other key.
      codes: [],
      alsoCodes: [],
      // The person says the key is OEM and was taken from another machine: the licence itself cannot follow.
      facts: { oemLicence: true, keyFromOtherMachine: true },
      symptoms: {
        en: [
          'move the licence of the old server to its replacement',
          'transfer a licence that came with the old hardware',
          'reuse the key of a retired machine on the machine that replaces it',
          'the OEM key of the old server typed on the new server',
        ],
        fr: [
          'transférer la licence de l’ancien serveur vers son remplaçant',
          'reprendre la licence livrée avec l’ancien matériel',
          'réutiliser la clé d’une machine retirée sur celle qui la remplace',
          'la clé OEM de l’ancien serveur saisie sur le nouveau serveur',
        ],
      },
    },
    cause: {
      en: 'An OEM licence is sold with one machine and ends with it: once its key has activated that hardware, it will not activate another, and removing it from the old machine changes nothing. Only retail keys can move, one machine at a time.',
      fr: 'Une licence OEM est vendue avec une machine et disparaît avec elle : une fois sa clé activée sur ce matériel, elle n’en active pas d’autre, et la retirer de l’ancienne machine n’y change rien. Seules les clés retail peuvent changer de machine, une à la fois.',
    },
    fix: [
      {
        en: 'Confirm the channel of the key: an OEM_… description is an OEM licence.',
        fr: 'Vérifiez le canal de la clé : une description OEM_… est une licence OEM.',
        command: 'slmgr /dli',
      },
      {
        en: 'Buy a licence for the new machine (retail, or volume through your licensing agreement) and install its key.',
        fr: 'Achetez une licence pour la nouvelle machine (retail, ou en volume par votre contrat de licences) et installez sa clé.',
        command: 'slmgr /ipk <key>',
      },
      {
        en: 'Activate it.',
        fr: 'Activez-la.',
        command: 'slmgr /ato',
      },
      {
        en: 'A retail key can move: remove it from the old machine first, or activate by phone if the old one is dead and explain the hardware replacement.',
        fr: 'Une clé retail peut changer de machine : retirez-la d’abord de l’ancienne, ou activez par téléphone si l’ancienne est hors service en expliquant le remplacement du matériel.',
        command: 'slmgr /upk',
      },
    ],
    escalate: false,
    check: {
      command: 'slmgr /dli',
      why: {
        en: 'OEM or retail: an OEM licence cannot move to new hardware, a retail key can once removed from the old machine.',
        fr: 'OEM ou retail : une licence OEM ne peut pas passer sur un nouveau matériel, une clé retail le peut une fois retirée de l’ancienne machine.',
      },
      answeredBy: ['channel', 'keyType'],
    },
    source: [
      'activation-facts-more.md §4 (OEM licences are tied to the original board)',
      'https://fr.ittrip.xyz/windows/windows-server/ws2019-oem-transfert-cle',
    ],
  },
  {
    id: 'volume-upgrade-needs-qualifying-os',
    kind: 'channel',
    title: {
      en: 'Windows client volume licences are upgrades: this PC has no qualifying Windows licence',
      fr: 'Les licences en volume des postes Windows sont des mises à niveau : ce PC n’a pas de licence Windows éligible',
    },
    when: {
      codes: ['0xC004F035'],
      alsoCodes: ['0xC004F059'],
      symptoms: {
        en: [
          'invalid volume license key',
          'no qualifying operating system',
          'BIOS has no Windows marker',
          'SLIC table missing',
          'PC bought without Windows cannot activate with KMS',
          'volume license is upgrade only',
        ],
        fr: [
          'clé de licence en volume non valide',
          'pas de système d’exploitation éligible',
          'le BIOS n’a pas de marqueur Windows',
          'table SLIC absente',
          'PC acheté sans Windows ne s’active pas avec le KMS',
        ],
      },
    },
    cause: {
      en: "KMS activation of Windows client editions checks that the PC's firmware carries a Windows marker from a qualifying OEM licence. A PC sold without Windows (or a whitebox build) has none, so KMS refuses it.",
      fr: 'L’activation KMS des éditions clientes vérifie que le micrologiciel du PC porte un marqueur Windows issu d’une licence OEM éligible. Un PC vendu sans Windows (ou un assemblage) n’en a pas : le KMS le refuse.',
    },
    fix: [
      {
        en: 'Buy a qualifying Windows licence for the PC (or a full licence), or activate it with a MAK or retail key.',
        fr: 'Achetez une licence Windows éligible pour ce PC (ou une licence complète), ou activez-le avec une MAK ou une clé retail.',
        command: 'slmgr /ipk <key>',
      },
      { en: 'Activate.', fr: 'Activez.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §4.3',
      'https://learn.microsoft.com/troubleshoot/windows-client/licensing-and-activation/cannot-activate-windows-from-oem',
    ],
  },
];
