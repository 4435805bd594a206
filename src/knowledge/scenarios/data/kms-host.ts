/** Scenarios — The KMS host's own view: its key, its activation, its count, its replacement; AD-based activation. */
import type { ScenarioInput } from '../schema.js';

export const KMS_HOST: ScenarioInput[] = [
  {
    id: 'kms-count-low',
    kind: 'kms-host',
    title: {
      en: 'The KMS host has not reached its activation threshold',
      fr: 'L’hôte KMS n’a pas atteint son seuil d’activation',
    },
    when: {
      codes: ['0xC004F038'],
      symptoms: {
        en: [
          'KMS count too low',
          'current count below threshold',
          'count insufficient',
          'need 25 clients for Windows 10',
          'only a few machines in the KMS pool',
          'count is 3 on the KMS host',
          'the count reported by your Key Management Service is insufficient',
          'new KMS host with only a handful of servers',
          'just installed our own KMS host and none of the clients activate yet',
          'lab KMS with fewer than five servers',
          'set up our first KMS host and only a dozen PCs use it, none activate',
          'only twelve Windows 11 PCs so far and none activate against the new KMS',
          'fewer than 25 client PCs on the KMS host',
        ],
        fr: [
          'compteur KMS insuffisant',
          'le nombre actuel est sous le seuil',
          'décompte insuffisant',
          'il faut 25 clients pour Windows 10',
          'seulement quelques machines sur le KMS',
          'le compteur est à 3 sur l’hôte KMS',
          'le nombre signalé par votre service de gestion de clés est insuffisant',
          'nouveau KMS avec seulement quelques serveurs',
          'on vient d’installer notre propre KMS et aucun client ne s’active',
          'KMS de labo avec moins de cinq serveurs',
          'on vient de monter notre premier serveur KMS et aucun poste ne s’active',
          'premier hôte KMS avec une douzaine de postes seulement, aucun ne s’active',
          'moins de 25 postes sur le KMS',
        ],
      },
    },
    cause: {
      en: 'A KMS host only activates once it has seen enough distinct machines in the last 30 days: 5 for Windows Server clients, 25 for client editions of Windows. Current count: {count}; needed: {needed}.',
      fr: 'Un hôte KMS n’active qu’après avoir vu assez de machines distinctes au cours des 30 derniers jours : 5 pour des clients Windows Server, 25 pour des éditions clientes de Windows. Décompte actuel : {count} ; nécessaire : {needed}.',
    },
    fix: [
      {
        en: 'On the KMS host, read the current count.',
        fr: 'Sur l’hôte KMS, lisez le décompte actuel.',
        command: 'slmgr /dlv',
      },
      {
        en: 'Point more KMS clients at this host (each one adds to the count when it asks), or use a MAK for a small estate.',
        fr: 'Dirigez davantage de clients KMS vers cet hôte (chaque demande compte), ou utilisez une clé MAK pour un petit parc.',
      },
      {
        en: 'Once the count reaches the threshold, activate again on the client.',
        fr: 'Une fois le seuil atteint, relancez l’activation sur le client.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (Thresholds & count)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'kms-host-key-coverage',
    kind: 'kms-host',
    title: {
      en: 'The KMS host key is too old for {client}',
      fr: 'La clé de l’hôte KMS est trop ancienne pour {client}',
    },
    when: {
      codes: ['0xC004F042', '0xC004F015'],
      symptoms: {
        en: [
          'KMS host cannot activate Windows Server 2022 clients',
          'KMS host key too old for Windows 11',
          'new server version does not activate against our KMS',
          'event 12290 with 0xC004F042',
          'the specified KMS cannot be used',
          'failed requests rising on the KMS host',
          'KMS host running on a client OS only activates client editions',
          'Windows 10 KMS host key cannot activate Windows Server',
          'a KMS host running a client OS with the client host key never activates the Windows Server VMs',
          'after upgrading the KMS host to a newer Windows Server the clients stopped activating',
          'can a Windows Server 2019 or 2022 KMS host activate Windows 10 clients',
          'in-place upgrade of the KMS server and the desktops no longer get activated by it',
        ],
        fr: [
          'l’hôte KMS n’active pas les clients Windows Server 2022',
          'clé d’hôte KMS trop ancienne pour Windows 11',
          'la nouvelle version de serveur ne s’active pas sur notre KMS',
          'événement 12290 avec 0xC004F042',
          'le KMS spécifié ne peut pas être utilisé',
          'les demandes en échec augmentent sur l’hôte KMS',
          'un hôte KMS sur un système client n’active que des éditions clientes',
          'la clé d’hôte KMS Windows 10 n’active pas Windows Server',
          'un hôte KMS sur un OS client avec la clé d’hôte client n’active jamais les VM Windows Server',
          'après la mise à niveau de l’hôte KMS vers un Windows Server plus récent les clients ne s’activent plus',
          'un hôte KMS 2019 ou 2022 peut-il activer des clients Windows 10',
          'mise à niveau sur place du serveur KMS et les postes ne sont plus activés par lui',
        ],
      },
    },
    cause: {
      en: 'The host was reached but its CSVLK does not cover this client version, so it refuses the request. {client} needs a {csvlk} CSVLK (or newer) on a host running {hostOs}, with the latest cumulative update.',
      fr: 'L’hôte a bien été joint, mais sa clé CSVLK ne couvre pas cette version du client : il refuse donc la demande. {client} demande une CSVLK {csvlk} (ou plus récente) sur un hôte sous {hostOs}, avec la dernière mise à jour cumulative.',
    },
    fix: [
      {
        en: 'On the KMS host, install the latest cumulative update first (older hosts need it to accept newer CSVLKs).',
        fr: 'Sur l’hôte KMS, installez d’abord la dernière mise à jour cumulative (les anciens hôtes en ont besoin pour accepter une CSVLK récente).',
      },
      {
        en: 'Get the {csvlk} KMS host key from the Microsoft 365 admin center (Volume Licensing) and install it on the host.',
        fr: 'Récupérez la clé d’hôte KMS {csvlk} dans le centre d’administration Microsoft 365 (licences en volume) et installez-la sur l’hôte.',
        command: 'slmgr /ipk <CSVLK>',
      },
      {
        en: 'Activate the host with its new key.',
        fr: 'Activez l’hôte avec sa nouvelle clé.',
        command: 'slmgr /ato',
      },
      {
        en: 'Or point the client at a newer KMS host that already holds a recent CSVLK.',
        fr: 'Ou dirigez le client vers un hôte KMS plus récent qui possède déjà une CSVLK à jour.',
        command: 'slmgr /skms {host}:{port}',
      },
      {
        en: 'Activate the client again.',
        fr: 'Relancez l’activation du client.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (CSVLK version coverage)',
      'https://learn.microsoft.com/windows-server/get-started/kms-activation-planning',
    ],
  },
  {
    id: 'kms-host-not-activated',
    kind: 'kms-host',
    title: {
      en: 'The KMS host itself is not activated',
      fr: 'L’hôte KMS n’est pas lui-même activé',
    },
    when: {
      codes: ['0xC004F041', '0xC004F039'],
      alsoCodes: ['0xC004F074'],
      symptoms: {
        en: [
          'Key Management Server is not activated',
          'KMS needs to be activated',
          'clients report the KMS server isn’t activated',
          'the KMS host itself is not activated',
          'KMS host in grace period',
          'KMS server shows notification',
          'KMS host key never activated',
          'KMS host license status unlicensed',
        ],
        fr: [
          'le serveur de gestion des clés n’est pas activé',
          'le KMS doit être activé',
          'l’hôte KMS lui-même n’est pas activé',
          'hôte KMS en période de grâce',
          'le serveur KMS est en notification',
          'la clé d’hôte KMS n’a jamais été activée',
          'statut de licence de l’hôte KMS non activé',
        ],
      },
    },
    cause: {
      en: 'A KMS host only serves clients once its own CSVLK is activated with Microsoft. Until then every client request is refused.',
      fr: 'Un hôte KMS ne sert les clients qu’une fois sa propre clé CSVLK activée auprès de Microsoft. D’ici là, toutes les demandes sont refusées.',
    },
    fix: [
      {
        en: 'On the KMS host, check the licence status.',
        fr: 'Sur l’hôte KMS, vérifiez l’état de la licence.',
        command: 'slmgr /dlv',
      },
      {
        en: 'Activate the host online.',
        fr: 'Activez l’hôte en ligne.',
        command: 'slmgr /ato',
      },
      {
        en: 'Without internet access, read the Installation ID and activate by phone.',
        fr: 'Sans accès à Internet, relevez l’ID d’installation et activez par téléphone.',
        command: 'slmgr /dti',
      },
      {
        en: 'Enter the Confirmation ID you were given.',
        fr: 'Saisissez l’ID de confirmation obtenu.',
        command: 'slmgr /atp <Confirmation ID>',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.1 (0xC004F041, 0xC004F039)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'csvlk-host-update-needed',
    kind: 'kms-host',
    title: {
      en: 'The KMS host needs an update before it accepts this host key',
      fr: 'L’hôte KMS doit être mis à jour avant d’accepter cette clé d’hôte',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F050', '0xC004F015'],
      symptoms: {
        en: [
          'new KMS host key refused on the KMS server',
          'cannot install the Windows Server 2022 CSVLK on our 2016 KMS host',
          'KMS host needs an update to accept the new key',
          'volume license pack missing on the KMS host',
        ],
        fr: [
          'la nouvelle clé d’hôte KMS est refusée sur le serveur KMS',
          'impossible d’installer la CSVLK 2022 sur notre hôte KMS 2016',
          'l’hôte KMS doit être mis à jour pour accepter la nouvelle clé',
        ],
      },
    },
    cause: {
      en: 'Installing a newer CSVLK on an older KMS host fails as an invalid key until the host has the update that teaches it the newer product (for example KB3172614 on Windows Server 2012 R2).',
      fr: 'Une CSVLK récente installée sur un hôte KMS ancien est refusée comme clé non valide tant que l’hôte n’a pas la mise à jour qui lui fait connaître le nouveau produit (par exemple KB3172614 sur Windows Server 2012 R2).',
    },
    fix: [
      {
        en: 'Install the latest cumulative update on the KMS host and reboot.',
        fr: 'Installez la dernière mise à jour cumulative sur l’hôte KMS et redémarrez.',
        command: 'shutdown /r /t 0',
      },
      {
        en: 'Install the host key again.',
        fr: 'Réinstallez la clé d’hôte.',
        command: 'slmgr /ipk <CSVLK>',
      },
      {
        en: 'Activate the host.',
        fr: 'Activez l’hôte.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (required updates table)',
      'https://learn.microsoft.com/windows-server/get-started/kms-activation-planning',
    ],
  },
  {
    id: 'kms-count-split',
    kind: 'kms-host',
    title: {
      en: 'Clients are split across several KMS hosts, so none reaches the threshold',
      fr: 'Les clients sont répartis sur plusieurs hôtes KMS : aucun n’atteint le seuil',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F038'],
      refines: ['kms-count-low'],
      symptoms: {
        en: [
          'two KMS hosts',
          'second KMS server split the count',
          'several KMS hosts each with a low count',
          'added another KMS host and now neither activates',
        ],
        fr: [
          'deux hôtes KMS',
          'le second serveur KMS partage le compteur',
          'plusieurs hôtes KMS avec chacun un compteur bas',
          'ajout d’un autre hôte KMS et plus aucun n’active',
        ],
      },
    },
    cause: {
      en: 'Each KMS host counts only the machines that asked it. With two or more hosts published, clients spread over them and each count stays under 25 (clients) or 5 (servers).',
      fr: 'Chaque hôte KMS ne compte que les machines qui l’ont sollicité. Avec deux hôtes publiés ou plus, les clients se répartissent et chaque compteur reste sous 25 (postes) ou 5 (serveurs).',
    },
    fix: [
      {
        en: 'List every KMS host published in DNS.',
        fr: 'Listez tous les hôtes KMS publiés dans le DNS.',
        command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      },
      {
        en: 'Keep one host (or enough clients per host); on the extra host, install a KMS client key so it stops acting as a host, then remove its SRV record.',
        fr: 'Gardez un seul hôte (ou assez de clients par hôte) ; sur l’hôte en trop, installez une clé client KMS pour qu’il cesse d’être hôte, puis supprimez son enregistrement SRV.',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: 'Point the clients at the remaining host and activate.',
        fr: 'Dirigez les clients vers l’hôte restant et activez.',
        command: 'slmgr /skms {host}:{port}',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    check: {
      command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      why: {
        en: 'More than one KMS host in the answer means the count is split.',
        fr: 'Plus d’un hôte KMS dans la réponse signifie que le compteur est partagé.',
      },
      answeredBy: ['srvHosts'],
    },
    source: ['activation-facts.md §2 (Thresholds & count: too many KMS hosts split the count)'],
  },
  {
    id: 'kms-host-retirement',
    kind: 'kms-host',
    title: { en: 'Retiring or replacing a KMS host', fr: 'Retirer ou remplacer un hôte KMS' },
    when: {
      codes: [],
      refines: ['kms-wrong-host'],
      symptoms: {
        en: [
          'KMS host going end of life',
          'nothing points at the old server afterwards',
          'decommission the old KMS and move to ADBA',
          'in what order do we dismantle the KMS',
          'we are retiring our KMS host',
          'decommission the KMS server',
          'move KMS to a new server',
          'replace the KMS host',
          'migrate KMS host to Windows Server 2022',
          'uninstall the KMS host key',
          'we shut down the old KMS server and machines still show as licensed',
          'how long do clients stay activated once the KMS host is gone',
          'the _vlmcs record no longer points anywhere but clients still show Licensed',
        ],
        fr: [
          'arrêter notre ancien KMS et passer en ADBA',
          'dans quel ordre démonter le KMS',
          'l’hôte KMS arrive en fin de vie',
          'nous retirons notre hôte KMS',
          'décommissionner le serveur KMS',
          'déplacer le KMS vers un nouveau serveur',
          'remplacer l’hôte KMS',
          'migrer l’hôte KMS vers Windows Server 2022',
          'on a arrêté l’ancien serveur KMS et les postes affichent toujours Licensed',
          'combien de temps les postes restent activés une fois l’hôte KMS disparu',
          'l’enregistrement _vlmcs ne pointe plus vers rien mais les postes restent sous licence',
        ],
      },
    },
    cause: {
      en: 'KMS keeps no database to migrate: a new host only needs its CSVLK, activation and the port open. Clients keep their 180-day activation while the new host builds up its count; the old host must stop publishing.',
      fr: 'Le KMS n’a aucune base à migrer : un nouvel hôte n’a besoin que de sa CSVLK, de son activation et du port ouvert. Les clients gardent leur activation de 180 jours pendant que le nouvel hôte fait monter son compteur ; l’ancien doit cesser de se publier.',
    },
    fix: [
      {
        en: 'On the new server, add the Volume Activation role.',
        fr: 'Sur le nouveau serveur, ajoutez le rôle Volume Activation.',
        command: 'Install-WindowsFeature -Name VolumeActivation -IncludeManagementTools',
      },
      {
        en: 'Install and activate the CSVLK on the new host.',
        fr: 'Installez et activez la CSVLK sur le nouvel hôte.',
        command: 'slmgr /ipk <CSVLK>',
      },
      {
        en: 'Open TCP 1688 on the new host.',
        fr: 'Ouvrez le port TCP 1688 sur le nouvel hôte.',
        command:
          'New-NetFirewallRule -DisplayName "KMS Host Activation" -Direction Inbound -Protocol TCP -LocalPort 1688 -Action Allow',
      },
      {
        en: 'Once the new host answers, remove the old SRV record and, on the old host, install a KMS client key to end its host role.',
        fr: 'Quand le nouvel hôte répond, supprimez l’ancien enregistrement SRV et, sur l’ancien hôte, installez une clé client KMS pour mettre fin à son rôle.',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: 'Clients pinned with /skms must forget the old host.',
        fr: 'Les clients figés par /skms doivent oublier l’ancien hôte.',
        command: 'slmgr /ckms',
      },
      {
        en: 'Consider Active Directory-based activation, which removes this chore for domain members.',
        fr: 'Envisagez l’activation par Active Directory, qui supprime cette corvée pour les membres du domaine.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §6.1',
      'https://learn.microsoft.com/windows-server/get-started/kms-replace-host',
    ],
  },
  {
    id: 'adba-activation',
    kind: 'kms-host',
    title: { en: 'Active Directory-based activation', fr: 'Activation basée sur Active Directory' },
    when: {
      codes: [],
      symptoms: {
        en: [
          'Active Directory based activation',
          'activation object in AD',
          'ADBA offline forest',
          'ad-activation-get-IID',
          'ADBA not activating clients',
          'IPv6 only KMS host',
        ],
        fr: [
          'activation basée sur Active Directory',
          'objet d’activation dans AD',
          'ADBA forêt hors ligne',
          'ADBA n’active pas les clients',
        ],
      },
    },
    cause: {
      en: 'Domain members with a KMS client key activate against the activation object published in the forest, without SRV records, for 180 days from their last domain contact. The object needs the CSVLK activated online or by phone, Enterprise Admin rights and a Windows Server 2012 schema.',
      fr: 'Les membres du domaine avec une clé client KMS s’activent auprès de l’objet d’activation publié dans la forêt, sans enregistrement SRV, pour 180 jours depuis leur dernier contact avec le domaine. L’objet exige une CSVLK activée en ligne ou par téléphone, des droits Administrateur de l’entreprise et un schéma Windows Server 2012.',
    },
    fix: [
      {
        en: 'Create the activation object online with the CSVLK.',
        fr: 'Créez l’objet d’activation en ligne avec la CSVLK.',
        command: 'slmgr /ad-activation-online <CSVLK>',
      },
      {
        en: 'Offline forest: get the Installation ID for the CSVLK.',
        fr: 'Forêt hors ligne : obtenez l’ID d’installation de la CSVLK.',
        command: 'slmgr /ad-activation-get-IID <CSVLK>',
      },
      {
        en: 'Then apply the Confirmation ID Microsoft gives you.',
        fr: 'Puis appliquez l’ID de confirmation fourni par Microsoft.',
        command: 'slmgr /ad-activation-apply-cid <CSVLK> <Confirmation ID>',
      },
      {
        en: 'List the activation objects.',
        fr: 'Listez les objets d’activation.',
        command: 'slmgr /ao-list',
      },
      {
        en: 'On a client, check which activation it used (AD block in /dlv) and that the key is a KMS client key.',
        fr: 'Sur un client, vérifiez quelle activation il a utilisée (bloc AD dans /dlv) et que la clé est une clé client KMS.',
        command: 'slmgr /dlv',
      },
    ],
    escalate: false,
    source: ['activation-facts.md §2 (ADBA)', 'activation-facts-more.md §6.2'],
  },
  {
    id: 'csvlk-on-client',
    kind: 'kms-host',
    title: {
      en: 'A KMS host key was installed on machines that should be KMS clients',
      fr: 'Une clé d’hôte KMS a été installée sur des machines qui devraient être clientes KMS',
    },
    when: {
      codes: [],
      // The host key activates six machines, ten times each: the next machine it is typed on gets 0xC004C008.
      alsoCodes: ['0xC004C008'],
      // Typing one volume key on every machine, as with Windows XP/2003 volume keys, is how a CSVLK ends up there.
      facts: { sameKeyOnEveryMachine: true },
      // Its 0xC004C008 is the host key running out of activations: the general case, proved the same way.
      refines: ['kms-count-split', 'mak-quota-exhausted'],
      symptoms: {
        en: [
          'KMS host key installed on client machines',
          'workstations publish _vlmcs SRV records',
          'unexpected KMS hosts in DNS',
          'clients acting as KMS hosts',
          'someone used the CSVLK instead of the client key',
          'the KMS host key was installed on a dozen workstations so they would activate faster',
        ],
        fr: [
          'clé d’hôte KMS installée sur des postes clients',
          'des postes publient des enregistrements SRV _vlmcs',
          'hôtes KMS inattendus dans le DNS',
          'des clients se comportent en hôtes KMS',
          'quelqu’un a utilisé la CSVLK au lieu de la clé client',
          'la clé d’hôte KMS installée sur une dizaine de postes pour qu’ils s’activent plus vite',
        ],
      },
    },
    cause: {
      en: "A CSVLK turns any machine into a KMS host: it publishes its own _vlmcs record and spends the key's host activations. Clients then find stray hosts in DNS.",
      fr: 'Une CSVLK transforme toute machine en hôte KMS : elle publie son propre enregistrement _vlmcs et consomme les activations d’hôte de la clé. Les clients trouvent alors des hôtes parasites dans le DNS.',
    },
    fix: [
      {
        en: 'List the KMS hosts DNS publishes.',
        fr: 'Listez les hôtes KMS publiés dans le DNS.',
        command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      },
      {
        en: 'On each stray host, install the KMS client key of its edition.',
        fr: 'Sur chaque hôte parasite, installez la clé client KMS de son édition.',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: 'Restart the licensing service, then delete its SRV record from DNS.',
        fr: 'Redémarrez le service de licences, puis supprimez son enregistrement SRV du DNS.',
        command: 'Restart-Service sppsvc',
      },
    ],
    escalate: false,
    check: {
      command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      why: {
        en: 'Every host listed should be a real KMS host.',
        fr: 'Chaque hôte listé doit être un véritable hôte KMS.',
      },
      answeredBy: ['srvHosts'],
    },
    source: ['https://learn.microsoft.com/windows-server/get-started/activation-troubleshoot-kms-issues'],
  },
];
