/** Scenarios — Azure VMs: Azure KMS, the network path to it, DNS, AVMA keys, IMDS attestation, Azure Local, pay-as-you-go. */
import type { ScenarioInput } from '../schema.js';

export const AZURE: ScenarioInput[] = [
  {
    id: 'azure-kms-unreachable',
    kind: 'azure',
    title: { en: 'This Azure VM cannot reach Azure KMS', fr: 'Cette VM Azure ne joint pas le KMS Azure' },
    when: {
      codes: ['0x800705B4'],
      alsoCodes: ['0xC004F074', '0xC0020017', '0x8007139F'],
      facts: { onAzure: true },
      refines: ['kms-port-blocked'],
      symptoms: {
        en: [
          'Windows Firewall blocks all outbound traffic in the VM',
          'guest firewall outbound rule blocks 1688',
          'hub and spoke with site to site VPN next hop VirtualNetworkGateway',
          'next hop type VirtualNetworkGateway',
          'Azure VM cannot activate',
          'Azure VMs stopped activating',
          'forced tunneling',
          'ExpressRoute default route',
          'traffic goes through our on-premises firewall',
          'NVA next hop',
          'user defined route 0.0.0.0/0',
          'standard internal load balancer no outbound',
          'azkms.core.windows.net not reachable',
          'Azure virtual machine activation timeout',
          'turned off default outbound access on the VNet and the VMs stopped activating',
        ],
        fr: [
          'le pare-feu Windows de la VM bloque tout le trafic sortant',
          'prochain saut VirtualNetworkGateway',
          'le tronçon suivant de Network Watcher depuis la VM donne VirtualNetworkGateway',
          'la VM Azure ne s’active pas',
          'nos VM Azure ne s’activent plus',
          'tunnel forcé',
          'route par défaut ExpressRoute',
          'le trafic passe par notre pare-feu local',
          'appliance virtuelle en prochain saut',
          'route définie par l’utilisateur 0.0.0.0/0',
          'équilibreur de charge interne standard sans sortie',
          'azkms.core.windows.net injoignable',
          'accès sortant par défaut désactivé sur le VNet et les VM ne s’activent plus',
        ],
      },
    },
    cause: {
      en: 'Azure VMs activate against Azure KMS (azkms.core.windows.net, TCP 1688), which only answers requests coming from an Azure public IP. A default route to on-premises or an appliance (forced tunnelling, UDR), a Standard internal load balancer without outbound access, or a guest firewall rule stops the request.',
      fr: 'Les VM Azure s’activent auprès du KMS Azure (azkms.core.windows.net, TCP 1688), qui ne répond qu’aux demandes venant d’une IP publique Azure. Une route par défaut vers le site local ou une appliance (tunnel forcé, UDR), un équilibreur interne Standard sans sortie, ou une règle du pare-feu invité bloque la demande.',
    },
    fix: [
      {
        en: 'Test the path from the VM.',
        fr: 'Testez le chemin depuis la VM.',
        command: 'Test-NetConnection azkms.core.windows.net -Port 1688',
      },
      {
        en: 'In Network Watcher, check the next hop to 20.118.99.224: it must be Internet, not VirtualAppliance or VirtualNetworkGateway.',
        fr: 'Dans Network Watcher, vérifiez le prochain saut vers 20.118.99.224 : il doit être Internet, pas VirtualAppliance ni VirtualNetworkGateway.',
      },
      {
        en: 'Add /32 routes to the Azure KMS addresses with next hop Internet on the VM subnet.',
        fr: 'Ajoutez des routes /32 vers les adresses du KMS Azure avec Internet comme prochain saut sur le sous-réseau de la VM.',
        command:
          'Add-AzRouteConfig -Name AzureKMS1 -AddressPrefix 20.118.99.224/32 -NextHopType Internet -RouteTable $rt',
      },
      {
        en: 'Same for the second address.',
        fr: 'Idem pour la seconde adresse.',
        command:
          'Add-AzRouteConfig -Name AzureKMS2 -AddressPrefix 40.83.235.53/32 -NextHopType Internet -RouteTable $rt',
      },
      {
        en: 'Behind a Standard internal load balancer, give the subnet outbound access (NAT gateway).',
        fr: 'Derrière un équilibreur interne Standard, donnez un accès sortant au sous-réseau (passerelle NAT).',
      },
      {
        en: 'Point the VM at Azure KMS and activate.',
        fr: 'Dirigez la VM vers le KMS Azure et activez.',
        command: 'slmgr /skms azkms.core.windows.net:1688',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    check: {
      command: 'Test-NetConnection azkms.core.windows.net -Port 1688',
      why: {
        en: 'Tells whether this VM reaches Azure KMS on TCP 1688 (TcpTestSucceeded).',
        fr: 'Indique si cette VM joint le KMS Azure sur le port TCP 1688 (TcpTestSucceeded).',
      },
      answeredBy: ['port1688Reachable'],
    },
    source: [
      'activation-facts-more.md §1.2',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/windows-vm-activation-error-0xc004f074',
    ],
  },
  {
    id: 'azure-firewall-app-rule',
    kind: 'azure',
    title: {
      en: 'An Azure Firewall application rule cannot carry KMS traffic',
      fr: 'Une règle d’application Azure Firewall ne peut pas transporter le KMS',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F074', '0x800705B4'],
      facts: { onAzure: true },
      refines: ['kms-port-blocked'],
      symptoms: {
        en: [
          'Azure Firewall application rule for kms',
          'allowed azkms in the Azure Firewall application rules',
          'Azure Firewall blocks activation',
          'firewall policy FQDN kms.core.windows.net',
        ],
        fr: [
          'règle d’application Azure Firewall pour le KMS',
          'azkms autorisé dans les règles d’application d’Azure Firewall',
          'Azure Firewall bloque l’activation',
        ],
      },
    },
    cause: {
      en: 'KMS is plain TCP on port 1688. Azure Firewall application rules only handle HTTP, HTTPS and MSSQL, so an application rule for azkms.core.windows.net never matches; a network rule is needed.',
      fr: 'Le KMS est du TCP simple sur le port 1688. Les règles d’application d’Azure Firewall ne traitent que HTTP, HTTPS et MSSQL : une règle d’application pour azkms.core.windows.net ne s’applique jamais ; il faut une règle réseau.',
    },
    fix: [
      {
        en: 'Add a network rule: TCP 1688 to 20.118.99.224 and 40.83.235.53 (or the FQDN with DNS Proxy on).',
        fr: 'Ajoutez une règle réseau : TCP 1688 vers 20.118.99.224 et 40.83.235.53 (ou le FQDN avec le proxy DNS activé).',
      },
      {
        en: 'Test from the VM.',
        fr: 'Testez depuis la VM.',
        command: 'Test-NetConnection azkms.core.windows.net -Port 1688',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §1.2 (Azure Firewall)',
      'https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules',
    ],
  },
  {
    id: 'azure-custom-dns',
    kind: 'azure',
    title: {
      en: "The VNet's custom DNS cannot resolve Azure KMS",
      fr: 'Le DNS personnalisé du VNet ne résout pas le KMS Azure',
    },
    when: {
      codes: ['0x8007232A'],
      alsoCodes: ['0x8007232B', '0x8007251D'],
      facts: { onAzure: true },
      // A custom DNS that cannot resolve azkms also shows as a failed port test (the name never resolves).
      refines: ['kms-srv-missing', 'kms-port-blocked'],
      symptoms: {
        en: [
          'custom DNS servers on the VNet',
          'Azure VM uses custom DNS servers',
          'DNS server failure on Azure VM',
          'azkms cannot be resolved',
          'DNS name does not exist on Azure VM',
        ],
        fr: [
          'serveurs DNS personnalisés sur le VNet',
          'la VM Azure utilise nos contrôleurs de domaine comme DNS',
          'échec du serveur DNS sur la VM Azure',
          'azkms ne se résout pas',
        ],
      },
    },
    cause: {
      en: 'With custom DNS servers on the VNet, the VM resolves names through them. If they cannot resolve azkms.core.windows.net (or are unreachable), the VM cannot find Azure KMS.',
      fr: 'Avec des serveurs DNS personnalisés sur le VNet, la VM résout les noms par eux. S’ils ne résolvent pas azkms.core.windows.net (ou sont injoignables), la VM ne trouve pas le KMS Azure.',
    },
    fix: [
      {
        en: 'Check name resolution from the VM.',
        fr: 'Vérifiez la résolution de nom depuis la VM.',
        command: 'nslookup azkms.core.windows.net',
      },
      {
        en: 'Let the custom DNS servers forward to Azure DNS (168.63.129.16), or set the VNet DNS back to Azure-provided.',
        fr: 'Faites suivre les serveurs DNS personnalisés vers le DNS Azure (168.63.129.16), ou remettez le DNS du VNet sur celui d’Azure.',
      },
      {
        en: 'Set the KMS host explicitly (Azure KMS needs no SRV record).',
        fr: 'Indiquez explicitement l’hôte KMS (le KMS Azure n’a pas besoin d’enregistrement SRV).',
        command: 'slmgr /skms azkms.core.windows.net:1688',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    check: {
      command: 'nslookup azkms.core.windows.net',
      why: {
        en: 'An answer with 20.118.99.224 or 40.83.235.53 means DNS is fine.',
        fr: 'Une réponse avec 20.118.99.224 ou 40.83.235.53 signifie que le DNS fonctionne.',
      },
      answeredBy: [],
    },
    source: [
      'activation-facts-more.md §1.2',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/windows-vm-activation-error-0x8007232a',
    ],
  },
  {
    id: 'azure-kms-wrong-host',
    kind: 'azure',
    title: { en: 'This Azure VM uses the wrong KMS host', fr: 'Cette VM Azure utilise le mauvais hôte KMS' },
    when: {
      codes: [],
      alsoCodes: ['0xC004F074', '0x8007232B', '0xC004F042'],
      facts: { onAzure: true },
      refines: ['kms-wrong-host', 'kms-srv-missing', 'kms-host-key-coverage'],
      symptoms: {
        en: [
          'Azure VM still points at our on-premises KMS',
          'migrated VM from on premises to Azure',
          'old kms.core.windows.net address',
          'route only for 23.102.135.246',
          'activation stopped after Azure KMS IP change',
          'VM moved to Azure does not activate',
          'Azure VMs sent to our own on-premises KMS host through the VPN or ExpressRoute',
        ],
        fr: [
          'la VM Azure pointe encore vers notre KMS local',
          'VM migrée du site local vers Azure',
          'ancienne adresse kms.core.windows.net',
          'route seulement pour 23.102.135.246',
          'l’activation s’est arrêtée après le changement d’IP du KMS Azure',
          'VM Azure envoyées vers notre propre hôte KMS sur site par le VPN ou ExpressRoute',
        ],
      },
    },
    cause: {
      en: 'Azure VMs must use Azure KMS (azkms.core.windows.net:1688, 20.118.99.224 and 40.83.235.53). A VM migrated from on premises keeps its old /skms host or SRV discovery, and routes or firewall rules written for the old address 23.102.135.246 no longer match.',
      fr: 'Les VM Azure doivent utiliser le KMS Azure (azkms.core.windows.net:1688, 20.118.99.224 et 40.83.235.53). Une VM migrée garde son ancien hôte /skms ou sa découverte SRV, et les routes ou règles écrites pour l’ancienne adresse 23.102.135.246 ne correspondent plus.',
    },
    fix: [
      { en: 'Clear the old host.', fr: 'Effacez l’ancien hôte.', command: 'slmgr /ckms' },
      {
        en: 'Point the VM at Azure KMS.',
        fr: 'Dirigez la VM vers le KMS Azure.',
        command: 'slmgr /skms azkms.core.windows.net:1688',
      },
      {
        en: 'Update routes and firewall rules to 20.118.99.224 and 40.83.235.53.',
        fr: 'Mettez à jour les routes et règles de pare-feu vers 20.118.99.224 et 40.83.235.53.',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    check: {
      command: 'slmgr /dlv',
      why: {
        en: '"Registered KMS machine name" shows which host the VM asks.',
        fr: '« Nom de l’ordinateur KMS inscrit » montre quel hôte la VM interroge.',
      },
      answeredBy: ['kmsHostRegistered', 'kmsHostFromDns'],
    },
    source: [
      'activation-facts-more.md §1.1',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/windows-activation-stopped-working',
    ],
  },
  {
    id: 'azure-avma-key',
    kind: 'azure',
    title: {
      en: 'An AVMA key cannot activate in Azure',
      fr: 'Une clé AVMA ne peut pas s’activer dans Azure',
    },
    when: {
      codes: ['0xC004FD01', '0xC004FD02'],
      refines: ['avma-requirements'],
      symptoms: {
        en: [
          'AVMA key on Azure VM',
          'VIRTUAL_MACHINE_ACTIVATION channel in Azure',
          'VM migrated from Hyper-V with AVMA key',
          'automatic virtual machine activation in Azure',
        ],
        fr: [
          'clé AVMA sur une VM Azure',
          'canal VIRTUAL_MACHINE_ACTIVATION dans Azure',
          'VM migrée depuis Hyper-V avec une clé AVMA',
        ],
      },
    },
    cause: {
      en: 'AVMA only works on a Hyper-V Datacenter host you run. In Azure there is no such host: the VM needs a KMS client key and Azure KMS.',
      fr: 'AVMA ne fonctionne que sur un hôte Hyper-V Datacenter que vous gérez. Dans Azure, il n’y en a pas : la VM a besoin d’une clé client KMS et du KMS Azure.',
    },
    fix: [
      {
        en: 'Install the KMS client key of this edition.',
        fr: 'Installez la clé client KMS de cette édition.',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: 'Point the VM at Azure KMS.',
        fr: 'Dirigez la VM vers le KMS Azure.',
        command: 'slmgr /skms azkms.core.windows.net:1688',
      },
      { en: 'Activate.', fr: 'Activez.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §1.4',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/windows-vm-activation-error-0xc004fd01-0xc004fd02',
    ],
  },
  {
    id: 'azure-imds-attestation',
    kind: 'azure',
    title: {
      en: 'Azure attestation fails (IMDS): the VM shows as not activated',
      fr: 'L’attestation Azure échoue (IMDS) : la VM apparaît non activée',
    },
    when: {
      codes: [],
      facts: { azureLocal: true },
      symptoms: {
        en: [
          'Azure Edition watermark',
          'watermark Activate Windows while slmgr says licensed',
          'deactivated because you are not running on Azure',
          'Datacenter Azure Edition not activated',
          'IMDS 169.254.169.254 behind a proxy',
          'Azure benefits not enabled',
          'Azure verification for VMs',
          'Azure Local VM not activated',
          'Azure Stack HCI guest activation',
          'Azure Edition VM keeps the watermark behind a machine-wide web proxy for HTTP',
        ],
        fr: [
          'filigrane sur Azure Edition',
          'filigrane Activer Windows alors que slmgr indique sous licence',
          'désactivée car vous n’exécutez pas sur Azure',
          'Datacenter Azure Edition non activée',
          'IMDS 169.254.169.254 derrière un proxy',
          'avantages Azure non activés',
          'vérification Azure des VM',
          'VM Azure Local non activée',
          'la VM Azure Edition garde le filigrane derrière un proxy web configuré pour toute la machine',
        ],
      },
    },
    cause: {
      en: 'Azure Edition (and guests on Azure Local) prove they run on Azure through the instance metadata service. If 169.254.169.254 goes through a proxy, its certificates are missing, an update is missing (KB5036909 on Windows Server 2022) or Azure verification is off on Azure Local, Windows shows the watermark even though KMS activation succeeded.',
      fr: 'Azure Edition (et les invités d’Azure Local) prouvent qu’ils tournent sur Azure via le service de métadonnées d’instance. Si 169.254.169.254 passe par un proxy, si des certificats manquent, s’il manque une mise à jour (KB5036909 sur Windows Server 2022) ou si la vérification Azure est désactivée sur Azure Local, Windows affiche le filigrane bien que l’activation KMS ait réussi.',
    },
    fix: [
      {
        en: 'Test the attested document from the VM (bypassing any proxy).',
        fr: 'Testez le document attesté depuis la VM (en contournant tout proxy).',
        command:
          'Invoke-RestMethod -Headers @{"Metadata"="true"} -Method GET -NoProxy -Uri "http://169.254.169.254/metadata/attested/document?api-version=2020-09-01"',
      },
      { en: 'Exclude 169.254.169.254 from the web proxy.', fr: 'Excluez 169.254.169.254 du proxy web.' },
      {
        en: 'On Windows Server 2022, install KB5036909 or a later cumulative update; then run the licensing refresh and sign out.',
        fr: 'Sous Windows Server 2022, installez KB5036909 ou une mise à jour cumulative plus récente ; lancez ensuite le rafraîchissement de licence et fermez la session.',
        command: 'c:\\windows\\system32\\fclip.exe',
      },
      {
        en: "On Azure Local, turn Azure verification for VMs on and check the VM's state.",
        fr: 'Sur Azure Local, activez la vérification Azure des VM et vérifiez l’état de la VM.',
        command: 'Get-AzStackHCIVMAttestation',
      },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §1.5, §1.6',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/activation-watermark-appears',
      'https://learn.microsoft.com/azure/azure-local/deploy/azure-verification',
    ],
  },
  {
    id: 'azure-self-hosted-kms-cmid',
    kind: 'azure',
    title: {
      en: 'Azure Marketplace VMs share one CMID on a self-hosted KMS',
      fr: 'Les VM de la place de marché Azure partagent un CMID sur un KMS auto-hébergé',
    },
    when: {
      codes: [],
      alsoCodes: ['0xC004F038'],
      facts: { onAzure: true },
      refines: ['kms-duplicate-cmid', 'kms-count-low'],
      symptoms: {
        en: [
          'our own KMS server in Azure count stays low',
          'marketplace image same CMID',
          'self hosted KMS in Azure',
          'Azure VMs from the same image count as one',
          'we run our own KMS host inside Azure instead of Azure KMS',
          'Marketplace VMs show up in the duplicate client machine ID report of our KMS',
        ],
        fr: [
          'notre propre serveur KMS dans Azure a un compteur bas',
          'image de la place de marché même CMID',
          'KMS auto-hébergé dans Azure',
          'nous faisons tourner notre propre hôte KMS dans Azure à la place du KMS Azure',
          'les VM de la Marketplace figurent dans le rapport des CMID en double de notre KMS',
        ],
      },
    },
    cause: {
      en: 'Marketplace Windows Server images are generalized with SkipRearm=1, so VMs from one image present the same Client Machine ID and a self-hosted KMS host counts them as one. Azure KMS does not have this problem.',
      fr: 'Les images Windows Server de la place de marché sont généralisées avec SkipRearm=1 : les VM d’une même image présentent le même CMID et un KMS auto-hébergé les compte pour une. Le KMS Azure n’a pas ce problème.',
    },
    fix: [
      {
        en: 'On each VM, reset the licensing state, then reboot.',
        fr: 'Sur chaque VM, réinitialisez l’état des licences, puis redémarrez.',
        command: 'slmgr /rearm',
      },
      {
        en: 'Reboot and confirm a new CMID.',
        fr: 'Redémarrez et vérifiez le nouveau CMID.',
        command: 'slmgr /dlv',
      },
      {
        en: 'Or use Azure KMS instead of your own host.',
        fr: 'Ou utilisez le KMS Azure plutôt que votre propre hôte.',
        command: 'slmgr /skms azkms.core.windows.net:1688',
      },
      { en: 'Activate again.', fr: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
    escalate: false,
    source: [
      'activation-facts-more.md §1.2',
      'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/windows-activation-duplicate-client-machine-id',
    ],
  },
  {
    id: 'server-payg',
    kind: 'azure',
    title: {
      en: 'Windows Server pay-as-you-go through Azure Arc',
      fr: 'Windows Server en paiement à l’utilisation via Azure Arc',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'pay as you go Windows Server',
          'Windows Server licence through Azure Arc',
          'PAYG licensing on Arc enabled server',
          'billing Windows Server by the hour through Arc',
        ],
        fr: [
          'Windows Server en paiement à l’utilisation',
          'licence Windows Server via Azure Arc',
          'licence PAYG sur un serveur Arc',
        ],
      },
    },
    cause: {
      en: 'A Windows Server 2025 machine connected to Azure Arc can be licensed and billed per core-hour through Azure instead of a key; activation then depends on the Arc agent being connected and the licence being enabled on the Arc resource.',
      fr: 'Une machine Windows Server 2025 reliée à Azure Arc peut être licenciée et facturée par cœur et par heure via Azure plutôt qu’avec une clé ; l’activation dépend alors d’un agent Arc connecté et de la licence activée sur la ressource Arc.',
    },
    fix: [
      {
        en: 'Check that the Arc agent is connected.',
        fr: 'Vérifiez que l’agent Arc est connecté.',
        command: 'azcmagent show',
      },
      {
        en: 'In the Azure portal, on the Arc resource, turn Windows Server pay-as-you-go on (Licenses).',
        fr: 'Dans le portail Azure, sur la ressource Arc, activez Windows Server en paiement à l’utilisation (Licences).',
      },
      { en: 'Check the licence status.', fr: 'Vérifiez le statut de licence.', command: 'slmgr /dlv' },
    ],
    escalate: false,
    source: ['https://learn.microsoft.com/azure/azure-arc/servers/windows-server-pay-as-you-go'],
  },
  {
    id: 'multisession-outside-azure',
    kind: 'azure',
    title: {
      en: 'Windows Enterprise multi-session runs outside Azure',
      fr: 'Windows Entreprise multisession tourne hors d’Azure',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'Windows Enterprise multi-session on premises does not activate',
          'multi-session VMs on our own Hyper-V never activate against our KMS',
          'installed Windows 11 Enterprise multi-session on vSphere',
          'multi-session desktops on our own cluster stay not activated while normal Enterprise VMs activate',
          'ServerRdsh edition outside Azure',
        ],
        fr: [
          'Windows Entreprise multisession sur site ne s’active pas',
          'les VM multisession de notre Hyper-V ne s’activent pas sur notre KMS',
          'Windows 11 Entreprise multisession installé sur vSphere',
          'bureaux multisession sur notre cluster interne non activés alors que les VM Entreprise classiques s’activent',
          'édition ServerRdsh hors d’Azure',
        ],
      },
    },
    cause: {
      en: 'Windows Enterprise multi-session (edition ServerRdsh) is licensed for Azure Virtual Desktop (in Azure or on Azure Local) only. Elsewhere it does not activate against an on-premises KMS host, and running it in production outside Azure is not allowed.',
      fr: 'Windows Entreprise multisession (édition ServerRdsh) n’est licencié que pour Azure Virtual Desktop (dans Azure ou sur Azure Local). Ailleurs, il ne s’active pas auprès d’un hôte KMS local, et il n’est pas permis de l’exploiter en production hors d’Azure.',
    },
    fix: [
      {
        en: 'Confirm the edition: ServerRdsh is Enterprise multi-session.',
        fr: 'Confirmez l’édition : ServerRdsh correspond à Entreprise multisession.',
        command: 'dism /online /get-currentedition',
      },
      {
        en: 'For shared desktops on your own hypervisors, deploy Windows Enterprise (single session) or Windows Server with Remote Desktop Services, which activate through your KMS.',
        fr: 'Pour des bureaux partagés sur vos propres hyperviseurs, déployez Windows Entreprise (session unique) ou Windows Server avec les services Bureau à distance, qui s’activent via votre KMS.',
      },
      {
        en: 'To keep multi-session, run these desktops as Azure Virtual Desktop session hosts in Azure or on Azure Local.',
        fr: 'Pour garder le multisession, exécutez ces bureaux comme hôtes de session Azure Virtual Desktop dans Azure ou sur Azure Local.',
      },
    ],
    escalate: false,
    source: ['https://learn.microsoft.com/azure/virtual-desktop/windows-multisession-faq'],
  },
];
