/** Scenarios — KMS clients: finding and reaching a KMS host, its answers, the 180-day validity. */
import type { ScenarioInput } from '../schema.js';

export const KMS_CLIENT: ScenarioInput[] = [
  {
    id: 'kms-srv-missing',
    kind: 'kms-client',
    title: {
      en: 'No KMS host is published in DNS',
      fr: 'Aucun hôte KMS n’est publié dans le DNS',
    },
    when: {
      codes: ['0xC004F074', '0x8007232B', '0x8007251D', '0x8007007B', '0x80072338'],
      symptoms: {
        en: [
          'no KMS host found in DNS',
          'DNS name does not exist',
          'no _vlmcs SRV record',
          'KMS name not available',
          'clients cannot find the KMS server',
          'DNS auto-discovery fails',
          'nslookup _vlmcs returns nothing',
          'non-existent domain for _vlmcs._tcp',
          'KMS server could not be located',
          'event 12293 on the KMS host',
          'KMS host fails to publish its SRV record in DNS',
          'clients in the child domain cannot find the KMS host',
          'no _vlmcs record in that DNS zone',
        ],
        fr: [
          'aucun hôte KMS trouvé dans le DNS',
          'le nom DNS n’existe pas',
          'pas d’enregistrement SRV _vlmcs',
          'les clients ne trouvent pas le serveur KMS',
          'la découverte DNS du KMS échoue',
          'nslookup _vlmcs ne renvoie rien',
          'domaine inexistant pour _vlmcs._tcp',
          'impossible de localiser le serveur KMS',
          'événement 12293 sur l’hôte KMS',
          'l’hôte KMS n’arrive pas à publier son enregistrement SRV dans le DNS',
          'les postes du domaine enfant ne trouvent pas le KMS',
          'aucun enregistrement _vlmcs dans la zone DNS',
        ],
      },
    },
    cause: {
      en: 'The client looks up the _vlmcs._tcp SRV record to find a KMS host and gets no answer, so it has nobody to ask. Either no KMS host exists, the host does not publish itself in DNS, or the client searches a different DNS zone.',
      fr: 'Le client cherche l’enregistrement SRV _vlmcs._tcp pour trouver un hôte KMS et n’obtient aucune réponse : il n’a donc personne à qui s’adresser. Soit aucun hôte KMS n’existe, soit l’hôte ne se publie pas dans le DNS, soit le client cherche dans une autre zone DNS.',
    },
    fix: [
      {
        en: 'On the KMS host, turn DNS publishing on, then restart the licensing service so it publishes again.',
        fr: 'Sur l’hôte KMS, activez la publication DNS, puis redémarrez le service de licences pour qu’il se publie à nouveau.',
        command: 'slmgr /sdns',
      },
      {
        en: 'Restart the Software Protection service on the KMS host.',
        fr: 'Redémarrez le service Protection logicielle sur l’hôte KMS.',
        command: 'Restart-Service sppsvc',
      },
      {
        en: 'Or create the SRV record by hand (priority 0, weight 0, port 1688) in the zone the clients use.',
        fr: 'Ou créez l’enregistrement SRV à la main (priorité 0, poids 0, port 1688) dans la zone utilisée par les clients.',
        command:
          'Add-DnsServerResourceRecord -Srv -ZoneName {domain} -Name _vlmcs._tcp -DomainName {host} -Priority 0 -Weight 0 -Port 1688',
      },
      {
        en: 'Or skip discovery and point this client at the host directly, then activate.',
        fr: 'Ou passez outre la découverte et indiquez directement l’hôte à ce client, puis activez.',
        command: 'slmgr /skms {host}:{port}',
      },
      {
        en: 'Activate again.',
        fr: 'Relancez l’activation.',
        command: 'slmgr /ato',
      },
      {
        en: 'No KMS host in your organisation? Install a MAK instead of the KMS client key.',
        fr: 'Pas d’hôte KMS dans votre organisation ? Installez une clé MAK à la place de la clé client KMS.',
        command: 'slmgr /ipk <MAK>',
      },
    ],
    escalate: false,
    check: {
      command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      why: {
        en: 'Shows whether DNS publishes a KMS host (_vlmcs._tcp SRV record) for this client to find.',
        fr: 'Montre si le DNS publie un hôte KMS (enregistrement SRV _vlmcs._tcp) que ce client peut trouver.',
      },
      answeredBy: ['srvRecords', 'kmsHostRegistered'],
    },
    source: [
      'activation-facts.md §2 (Network / DNS)',
      'https://learn.microsoft.com/windows-server/get-started/common-troubleshooting-procedures-kms-dns',
    ],
  },
  {
    id: 'kms-port-blocked',
    kind: 'kms-client',
    title: {
      en: 'The KMS host does not answer on TCP {port}',
      fr: 'L’hôte KMS ne répond pas sur le port TCP {port}',
    },
    when: {
      codes: ['0xC004F074', '0xC004F039', '0x800706BA', '0xC0020017', '0x8007139F'],
      symptoms: {
        en: [
          'KMS host not reachable on port 1688',
          'firewall blocks port 1688',
          'Test-NetConnection TcpTestSucceeded False',
          'RPC server is unavailable',
          'the Key Management Service could not be contacted',
          'VPN users cannot activate',
          'port 1688 closed on the KMS server',
          'laptops on Always On VPN with force tunnelling cannot reach the KMS host',
        ],
        fr: [
          'l’hôte KMS n’est pas joignable sur le port 1688',
          'le pare-feu bloque le port 1688',
          'TcpTestSucceeded False',
          'le serveur RPC n’est pas disponible',
          'impossible de contacter le service de gestion des clés',
          'les utilisateurs en VPN n’activent pas',
          'port 1688 fermé sur le serveur KMS',
          'les portables en VPN Always On avec tunnel forcé ne joignent pas l’hôte KMS',
        ],
      },
    },
    cause: {
      en: 'The client knows which host to use ({host}) but cannot open a connection to port {port}. The firewall rule for KMS is not enabled by default on the host, a network firewall or VPN tunnel filters the port, or the Software Protection service is stopped on the host.',
      fr: 'Le client sait quel hôte utiliser ({host}) mais ne parvient pas à ouvrir de connexion sur le port {port}. La règle de pare-feu KMS n’est pas activée par défaut sur l’hôte, un pare-feu réseau ou un tunnel VPN filtre le port, ou le service Protection logicielle est arrêté sur l’hôte.',
    },
    fix: [
      {
        en: 'Check the connection from the client.',
        fr: 'Testez la connexion depuis le client.',
        command: 'Test-NetConnection {host} -Port {port}',
      },
      {
        en: 'On the KMS host, check that the Software Protection service is running.',
        fr: 'Sur l’hôte KMS, vérifiez que le service Protection logicielle tourne.',
        command: 'Get-Service sppsvc',
      },
      {
        en: 'On the KMS host, allow inbound TCP 1688.',
        fr: 'Sur l’hôte KMS, autorisez le trafic entrant TCP 1688.',
        command:
          'netsh advfirewall firewall add rule name="KMS TCP 1688" dir=in action=allow protocol=TCP localport=1688',
      },
      {
        en: 'Ask the network team to open TCP {port} between the client and the host (and to exempt it from forced tunnelling).',
        fr: 'Demandez à l’équipe réseau d’ouvrir TCP {port} entre le client et l’hôte (et de l’exclure du tunnel forcé).',
      },
      {
        en: 'Activate again once the test succeeds.',
        fr: 'Relancez l’activation une fois le test réussi.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    check: {
      command: 'Test-NetConnection {host} -Port {port}',
      why: {
        en: 'Tells whether the KMS host answers on TCP 1688 from this client (look at TcpTestSucceeded).',
        fr: 'Indique si l’hôte KMS répond sur le port TCP 1688 depuis ce client (voir TcpTestSucceeded).',
      },
      answeredBy: ['port1688Reachable'],
    },
    source: [
      'activation-facts.md §2 (Network / DNS)',
      'https://learn.microsoft.com/windows-server/get-started/activation-troubleshoot-kms-general',
    ],
  },
  {
    id: 'kms-clock-skew',
    kind: 'kms-client',
    title: {
      en: 'The clocks of the client and the KMS host disagree',
      fr: 'Les horloges du client et de l’hôte KMS ne concordent pas',
    },
    when: {
      codes: ['0xC004F06C'],
      symptoms: {
        en: [
          'clock difference between client and KMS host',
          'time out of sync',
          'wrong date on the VM',
          'time zone wrong after restore',
          'request timestamp invalid',
          'system time is off by hours',
          'someone changed the time zone and now the KMS rejects the renewals',
          'the clock is several hours ahead',
          'the clock runs hours behind',
          'the server stopped syncing its time with the domain controller',
          'renewals against the KMS rejected since the clock changed',
          'only this machine has the wrong time and it alone fails to activate',
        ],
        fr: [
          'écart d’horloge entre le client et l’hôte KMS',
          'heure désynchronisée',
          'mauvaise date sur la VM',
          'mauvais fuseau après restauration',
          'horodatage de la requête non valide',
          'l’heure système est décalée de plusieurs heures',
          'l’horloge a plusieurs heures d’avance',
          'l’horloge a plusieurs heures de retard',
          'le serveur ne se synchronise plus avec le contrôleur de domaine',
          'on a changé le fuseau horaire et le KMS refuse le renouvellement',
          'seule cette machine est à la mauvaise heure et elle seule refuse de s’activer',
          'le service de temps w32time ne synchronise plus',
        ],
      },
    },
    cause: {
      en: 'The KMS host answered but rejected the request timestamp: the two clocks differ too much (compared in UTC, so time zones do not matter; Microsoft mentions more than 4 hours).',
      fr: 'L’hôte KMS a répondu mais a rejeté l’horodatage de la demande : les deux horloges sont trop éloignées (comparées en UTC, le fuseau horaire n’y est pour rien ; Microsoft parle de plus de 4 heures).',
    },
    fix: [
      {
        en: 'Compare the client clock with the KMS host.',
        fr: 'Comparez l’horloge du client à celle de l’hôte KMS.',
        command: 'w32tm /stripchart /computer:{host} /samples:3 /dataonly',
      },
      {
        en: 'Resynchronize the client with its time source (domain hierarchy or NTP).',
        fr: 'Resynchronisez le client avec sa source de temps (hiérarchie du domaine ou NTP).',
        command: 'w32tm /resync',
      },
      {
        en: 'Check the time source and its status on both machines.',
        fr: 'Vérifiez la source de temps et son état sur les deux machines.',
        command: 'w32tm /query /status',
      },
      {
        en: 'Activate again.',
        fr: 'Relancez l’activation.',
        command: 'slmgr /ato',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §1.1 (0xC004F06C)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes',
    ],
  },
  {
    id: 'kms-error-on-non-kms-key',
    kind: 'kms-client',
    title: {
      en: 'KMS error, but the installed key is a {keyType} key',
      fr: 'Erreur KMS, mais la clé installée est de type {keyType}',
    },
    when: {
      codes: [],
      // Event 8198 with 0x8007007B on a client with a retail key (Microsoft's ADBA troubleshooting article).
      alsoCodes: ['0x8007007B'],
      symptoms: {
        en: [
          'KMS error on a machine with a retail key',
          'description says RETAIL channel',
          'MAK installed but tries KMS',
          'installed from MSDN ISO retail media',
          'OEM key but trying to activate with KMS',
          'someone typed our MAK key into a KMS client and it ignores the KMS since',
          'skms has no effect on a server activated with a MAK',
          'VOLUME_MAK channel but it should use the KMS',
          'set to MAK activation instead of KMS',
          'with a retail key the hosting provider KMS never activates it',
        ],
        fr: [
          'erreur KMS sur une machine avec une clé retail',
          'la description indique le canal RETAIL',
          'MAK installée mais essaie KMS',
          'installée depuis un ISO MSDN retail',
          'quelqu’un a saisi notre clé MAK et la machine ignore le KMS',
          'skms est sans effet sur un serveur activé par MAK',
          'canal VOLUME_MAK alors qu’elle doit passer par le KMS',
          'activation MAK au lieu de KMS',
          'avec une clé retail le KMS de l’hébergeur ne l’active jamais',
        ],
      },
    },
    cause: {
      en: 'The error belongs to KMS activation, yet the machine holds a {keyType} key ({channel}), which never activates against a KMS host. Either the machine should be a KMS client and needs the published KMS client key (GVLK) for {edition}, or it should activate with Microsoft and the KMS settings are irrelevant.',
      fr: 'L’erreur relève de l’activation KMS, or la machine porte une clé {keyType} ({channel}), qui ne s’active jamais auprès d’un hôte KMS. Soit la machine doit être cliente KMS et il lui faut la clé client KMS publiée (GVLK) pour {edition}, soit elle doit s’activer auprès de Microsoft et les réglages KMS ne jouent aucun rôle.',
    },
    fix: [
      {
        en: 'To use your KMS host or Active Directory-based activation: install the published KMS client key (GVLK) for this edition.',
        fr: 'Pour utiliser votre hôte KMS ou l’activation via Active Directory : installez la clé client KMS publiée (GVLK) de cette édition.',
        command: 'slmgr /ipk <GVLK>',
      },
      {
        en: 'Then activate through KMS.',
        fr: 'Puis activez via KMS.',
        command: 'slmgr /ato',
      },
      {
        en: 'To keep the {keyType} key: clear any KMS host setting and activate online.',
        fr: 'Pour garder la clé {keyType} : effacez tout réglage d’hôte KMS et activez en ligne.',
        command: 'slmgr /ckms',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (ADBA case: RETAIL channel)',
      'https://learn.microsoft.com/troubleshoot/windows-server/licensing-and-activation/troubleshoot-adba-clients-not-activate',
    ],
  },
  {
    id: 'kms-wrong-host',
    kind: 'kms-client',
    title: {
      en: 'The client asks a KMS host that is gone or wrong',
      fr: 'Le client interroge un hôte KMS disparu ou erroné',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F074', '0x8007232B'],
      // Clients pinned with /skms to a host the person says is gone: they never look for its replacement in DNS.
      facts: { kmsHostGone: true, kmsHostRegistered: 'known' },
      refines: ['kms-srv-missing', 'kms-port-blocked'],
      symptoms: {
        en: [
          '_VLMCS record still names a decommissioned server',
          'old KMS server still listed in DNS',
          'clients still go to the old KMS box',
          'client still points at the old KMS server',
          'KMS server was decommissioned',
          'slmgr skms set to a host that no longer exists',
          'stale SRV record for an old KMS host',
          'registered KMS machine name is wrong',
          'we replaced our KMS server',
          'the KMS host died while the clients were pinned to it',
        ],
        fr: [
          'l’enregistrement _VLMCS pointe vers un serveur décommissionné',
          'l’ancien serveur KMS est toujours dans le DNS',
          'le client pointe encore vers l’ancien serveur KMS',
          'le serveur KMS a été décommissionné',
          'slmgr skms pointe vers un hôte retiré',
          'ancien enregistrement SRV d’un hôte KMS',
          'le nom de machine KMS enregistré est faux',
          'nous avons remplacé notre serveur KMS',
          'l’hôte KMS est mort alors que les postes étaient figés dessus',
        ],
      },
    },
    cause: {
      en: 'The client is pinned (slmgr /skms) or led by an old SRV record to a KMS host that was retired, renamed or never was a KMS host, so its requests go nowhere.',
      fr: 'Le client est figé (slmgr /skms) ou guidé par un ancien enregistrement SRV vers un hôte KMS retiré, renommé ou qui n’en a jamais été un : ses demandes n’aboutissent nulle part.',
    },
    fix: [
      {
        en: 'See which host the client uses ("Registered KMS machine name" and "KMS machine name from DNS").',
        fr: 'Regardez quel hôte le client utilise (« Nom de l’ordinateur KMS inscrit » et « Nom de l’ordinateur KMS provenant du DNS »).',
        command: 'slmgr /dlv',
      },
      {
        en: 'Clear the pinned host so the client finds the current one through DNS.',
        fr: 'Effacez l’hôte figé pour que le client trouve l’hôte actuel par le DNS.',
        command: 'slmgr /ckms',
      },
      {
        en: 'Or pin the current KMS host explicitly.',
        fr: 'Ou indiquez explicitement l’hôte KMS actuel.',
        command: 'slmgr /skms {host}:{port}',
      },
      {
        en: 'Remove SRV records of retired hosts from DNS.',
        fr: 'Supprimez du DNS les enregistrements SRV des hôtes retirés.',
        command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    check: {
      command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
      why: {
        en: 'Lists the KMS hosts DNS publishes: an old name there or in /skms is the culprit.',
        fr: 'Liste les hôtes KMS publiés dans le DNS : un ancien nom ici ou dans /skms est en cause.',
      },
      answeredBy: ['srvRecords'],
    },
    source: [
      'activation-facts-more.md §6.1',
      'https://learn.microsoft.com/windows-server/get-started/kms-replace-host',
    ],
  },
  {
    id: 'kms-validity-expired',
    kind: 'kms-client',
    title: {
      en: 'The KMS activation lapsed: the client did not renew within 180 days',
      fr: 'L’activation KMS a expiré : le client n’a pas renouvelé dans les 180 jours',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F074'],
      refines: ['kms-port-blocked'],
      symptoms: {
        en: [
          'remote site cut off from head office for months',
          'servers disconnected from the KMS for seven months',
          'activation lapsed after months offline',
          'laptops off the network for months lost activation',
          'activation expired after 180 days',
          'machine not connected to the corporate network for six months',
          'activation expires, needs to renew with KMS',
          'volume activation will expire',
          'remote users never on VPN',
          'laptops away from the office for a long time ask to be reactivated',
          'they only reactivate once they are back on the network that reaches the KMS',
        ],
        fr: [
          'site distant coupé du siège pendant des mois',
          'serveurs déconnectés du KMS depuis sept mois',
          'des portables hors réseau depuis des mois ont perdu l’activation',
          'activation expirée après 180 jours',
          'machine non connectée au réseau de l’entreprise depuis six mois',
          'l’activation en volume va expirer',
          'utilisateurs distants jamais en VPN',
          'des portables longtemps absents du bureau demandent à être réactivés',
          'ils ne se réactivent qu’une fois revenus sur le réseau qui joint le KMS',
        ],
      },
    },
    cause: {
      en: 'A KMS activation lasts 180 days and the client tries to renew it every 7 days. A machine that cannot reach its KMS host for that long (off network, no VPN) falls back to notification.',
      fr: 'Une activation KMS dure 180 jours et le client tente de la renouveler tous les 7 jours. Une machine qui ne joint pas son hôte KMS aussi longtemps (hors réseau, sans VPN) repasse en notification.',
    },
    fix: [
      {
        en: 'Bring the machine onto the corporate network or VPN and check it reaches the KMS host.',
        fr: 'Connectez la machine au réseau de l’entreprise ou au VPN et vérifiez qu’elle joint l’hôte KMS.',
        command: 'Test-NetConnection {host} -Port {port}',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
      {
        en: 'Check the new expiry date.',
        fr: 'Vérifiez la nouvelle date d’expiration.',
        command: 'slmgr /xpr',
      },
      {
        en: 'For machines that rarely join the network, use a MAK or subscription activation instead.',
        fr: 'Pour les machines rarement connectées, utilisez plutôt une MAK ou l’activation par abonnement.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §2 (Timers)',
      'https://learn.microsoft.com/windows-server/get-started/activation-troubleshoot-kms-general',
    ],
  },
];
