/**
 * Codes beyond Microsoft's volume-activation table: sections 1.2–1.4 of the fact sheet (other Microsoft
 * articles, retail/consumer codes, informational SL_I_* codes). The base table lives in `volume.ts`.
 *
 * Where the fact sheet marks a fact UNVERIFIED, the text says so with REPORTED_NOTE, so the bot never presents
 * hearsay as Microsoft's word (the catalogue test pins this for every such code).
 */
import type { CatalogueEntryInput, FixStep, Localized } from '../types.js';
import { ACTIVATE, BRING_AGREEMENT, BRING_DLV, BRING_ERROR, BRING_IID, l as t, step } from './phrasing.js';

/** Appended to any sentence whose fact comes from third-party reports or memory, not a Microsoft source. */
export const REPORTED_NOTE = t(
  '(reported, not documented by Microsoft)',
  '(information rapportée, non documentée par Microsoft)',
);
const reported = (en: string, fr: string): Localized =>
  t(`${en} ${REPORTED_NOTE.en}`, `${fr} ${REPORTED_NOTE.fr}`);

/** Codes whose very meaning is unconfirmed: their message carries REPORTED_NOTE. */
export const UNVERIFIED_MEANING_CODES = [
  '0x803F7001',
  '0x803FA067',
  '0x87E10BC6',
  '0x8004FE33',
  '0x800704CF',
];
/** Codes whose meaning is documented but whose activation context or fix is only reported. */
export const UNVERIFIED_CONTEXT_CODES = [
  '0x8007000D',
  '0x80072F8F',
  '0xC004E003',
  '0xC004F211',
  '0x80070422',
  '0x80070032',
];

// ---------------------------------------------------------------------------------------------------------
// Steps several codes share
// ---------------------------------------------------------------------------------------------------------

const ELEVATE = step(
  'Open Command Prompt or PowerShell with "Run as administrator": slmgr needs an elevated prompt to change the licence.',
  'Ouvrez l’invite de commandes ou PowerShell avec « Exécuter en tant qu’administrateur » : slmgr a besoin de droits élevés pour modifier la licence.',
);
const SHOW_LICENSE = step(
  'Look at the installed edition (Name), channel (Description) and partial key.',
  'Regardez l’édition installée (Nom), le canal (Description) et la clé partielle.',
  'slmgr /dlv',
);
const SLUI_TEXT = (code: string): FixStep =>
  step(
    'Ask Windows for its own wording of the code on the affected machine.',
    'Demandez à Windows son propre libellé du code, sur la machine concernée.',
    `slui 0x2a ${code}`,
  );
const INSTALL_KEY = (placeholder: string): FixStep =>
  step(
    'Install the right key (it silently replaces the current one).',
    'Installez la bonne clé (elle remplace la clé actuelle sans confirmation).',
    `slmgr /ipk <${placeholder}>`,
  );
const CURRENT_EDITION = step(
  'Check which edition is really installed.',
  'Vérifiez l’édition réellement installée.',
  'DISM /online /Get-CurrentEdition',
);
const TARGET_EDITIONS = step(
  'List the editions this installation can be converted to.',
  'Listez les éditions vers lesquelles cette installation peut être convertie.',
  'DISM /online /Get-TargetEditions',
);
const REBOOT = step('Restart the computer.', 'Redémarrez l’ordinateur.', 'shutdown /r /t 0');

/** Rebuild of a damaged licence store (Windows 8 / Server 2012 and later paths). */
const REBUILD_STORE: FixStep[] = [
  step(
    'Stop the Software Protection service.',
    'Arrêtez le service Protection logicielle.',
    'net stop sppsvc',
  ),
  step(
    'Rename the licence store so Windows recreates it.',
    'Renommez le magasin de licences pour que Windows le recrée.',
    'ren %windir%\\System32\\spp\\store\\2.0\\tokens.dat tokens.bak',
  ),
  step('Start the service again.', 'Redémarrez le service.', 'net start sppsvc'),
  step(
    'Reinstall the system licence files from their known-good copies.',
    'Réinstallez les fichiers de licence système à partir de leurs copies saines.',
    'slmgr /rilc',
  ),
  REBOOT,
];

const PHONE_ACTIVATION: FixStep[] = [
  step(
    'Show the Installation ID to read out for phone activation.',
    'Affichez l’ID d’installation à dicter pour l’activation par téléphone.',
    'slmgr /dti',
  ),
  step(
    'Call the number the phone wizard gives for your country and read the Installation ID.',
    'Appelez le numéro que l’assistant téléphonique indique pour votre pays et dictez l’ID d’installation.',
    'slui 4',
  ),
  step(
    'Enter the Confirmation ID you receive (48 digits).',
    'Saisissez l’ID de confirmation reçu (48 chiffres).',
    'slmgr /atp <Confirmation ID>',
  ),
];

const KMS_REACH: FixStep[] = [
  step(
    'Check that the KMS host answers on TCP 1688 (TcpTestSucceeded must be True).',
    'Vérifiez que l’hôte KMS répond sur TCP 1688 (TcpTestSucceeded doit valoir True).',
    'Test-NetConnection <KMS host> -Port 1688',
  ),
  step(
    'Check that DNS publishes the KMS SRV record.',
    'Vérifiez que le DNS publie l’enregistrement SRV du KMS.',
    'nslookup -type=srv _vlmcs._tcp.<domain>',
  ),
  step(
    'If discovery keeps failing, point the client at the host explicitly.',
    'Si la découverte échoue toujours, indiquez explicitement l’hôte au client.',
    'slmgr /skms <KMS host FQDN>:1688',
  ),
  ACTIVATE,
];

const BRING_VL: Localized[] = [BRING_AGREEMENT, BRING_DLV, BRING_IID, BRING_ERROR];
const BRING_RETAIL: Localized[] = [
  t('Proof of purchase of the key', 'La preuve d’achat de la clé'),
  BRING_DLV,
];

const ESCALATE_KEY = step(
  'Only Microsoft can lift or explain a server-side refusal: contact a Microsoft Licensing Activation Center (volume keys) or Microsoft Support (retail keys).',
  'Seul Microsoft peut lever ou expliquer un refus côté serveur : contactez un centre d’activation des licences Microsoft (clés en volume) ou le support Microsoft (clés de détail).',
);

/** "The product key didn't work": codes where the key itself is refused; same first checks, own message. */
function keyRefused(
  code: string,
  name: string,
  message: Localized,
  cause: Localized,
  sources: string[] = ['facts-1.3'],
): CatalogueEntryInput {
  return {
    code,
    name,
    types: ['Retail', 'MAK'],
    message,
    causes: [
      cause,
      t(
        'The key was copied with look-alike characters (long dashes, O instead of 0) or belongs to another product or version.',
        'La clé a été copiée avec des caractères trompeurs (tirets longs, O au lieu de 0) ou appartient à un autre produit ou une autre version.',
      ),
    ],
    fix: [
      step(
        'Retype the key by hand, checking each of the five groups.',
        'Retapez la clé à la main en vérifiant chacun des cinq groupes.',
      ),
      SHOW_LICENSE,
      ELEVATE,
      INSTALL_KEY('product key'),
      ACTIVATE,
      step(
        'If a genuine key is still refused, have it checked by a Microsoft Licensing Activation Center (volume) or the seller (retail).',
        'Si une clé authentique est toujours refusée, faites-la vérifier par un centre d’activation des licences Microsoft (volume) ou par le vendeur (détail).',
      ),
    ],
    escalate: false,
    related: ['0xC004F050', '0xC004C003'],
    sources,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The entries
// ---------------------------------------------------------------------------------------------------------

export const EXTENDED_ENTRIES: CatalogueEntryInput[] = [
  // ----- KMS host coverage and licence store (§1.2) ---------------------------------------------------------
  {
    code: '0xC004F015',
    name: 'SL_E_PRODUCT_SKU_NOT_INSTALLED',
    types: ['KMS client', 'KMS host'],
    message: t(
      'The KMS host has no licence for this product: its host key does not cover the client asking for activation.',
      'L’hôte KMS n’a pas de licence pour ce produit : sa clé d’hôte ne couvre pas le client qui demande l’activation.',
    ),
    causes: [
      t(
        'A newer client (for example Windows 10 Enterprise) talks to an older KMS host (Windows Server 2012 R2 or 2008 R2) whose host key (CSVLK) predates it; the host logs event 12290 with 0xC004F015 and details 0xC004F042.',
        'Un client plus récent (par exemple Windows 10 Entreprise) contacte un hôte KMS plus ancien (Windows Server 2012 R2 ou 2008 R2) dont la clé d’hôte (CSVLK) est antérieure ; l’hôte journalise l’événement 12290 avec 0xC004F015 et le détail 0xC004F042.',
      ),
      t(
        'The host lacks the update that lets it accept the newer host key.',
        'L’hôte n’a pas la mise à jour qui lui permet d’accepter la clé d’hôte plus récente.',
      ),
    ],
    fix: [
      step(
        'On the KMS host, install the prerequisite update: KB3172614 on Windows Server 2012 R2, KB3079821 on 2008 R2 (or any later cumulative update).',
        'Sur l’hôte KMS, installez la mise à jour prérequise : KB3172614 sur Windows Server 2012 R2, KB3079821 sur 2008 R2 (ou toute mise à jour cumulative plus récente).',
      ),
      step(
        'Get a host key that covers the client from the Volume Licensing portal (Microsoft 365 admin center), e.g. "Windows Srv 2012R2 DataCtr/Std KMS for Windows 10".',
        'Récupérez une clé d’hôte qui couvre le client sur le portail des licences en volume (centre d’administration Microsoft 365), par ex. « Windows Srv 2012R2 DataCtr/Std KMS for Windows 10 ».',
      ),
      step(
        'Install that host key on the KMS host.',
        'Installez cette clé d’hôte sur l’hôte KMS.',
        'slmgr /ipk <KMS host key (CSVLK)>',
      ),
      step('Activate the KMS host.', 'Activez l’hôte KMS.', 'slmgr /ato'),
      step('Then activate the client again.', 'Puis relancez l’activation du client.', 'slmgr /ato'),
    ],
    escalate: false,
    related: ['0xC004F042', '0xC004F074', '0xC004F050'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004E015',
    name: 'SL_E_EUL_CONSUMPTION_FAILED',
    types: ['KMS client', 'MAK'],
    message: t(
      'Windows could not use its licence: the licence store is damaged.',
      'Windows n’a pas pu utiliser sa licence : le magasin de licences est endommagé.',
    ),
    causes: [
      t(
        'The licence store file tokens.dat (%windir%\\System32\\spp\\store\\2.0) is corrupt.',
        'Le fichier du magasin de licences tokens.dat (%windir%\\System32\\spp\\store\\2.0) est corrompu.',
      ),
    ],
    fix: [
      ELEVATE,
      ...REBUILD_STORE,
      step(
        'If slmgr then says "Error: product not found", reinstall the KMS client setup key for the edition.',
        'Si slmgr indique ensuite « Error: product not found », réinstallez la clé d’installation client KMS de l’édition.',
        'slmgr /ipk <KMS client setup key>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004E002'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004E002',
    name: 'SL_E_TOKEN_STORE_INVALID_STATE',
    types: ['KMS client', 'MAK', 'Retail'],
    message: t(
      'The licence store contains inconsistent data.',
      'Le magasin de licences contient des données incohérentes.',
    ),
    causes: [
      t(
        'The permissions on tokens.dat or its folder were changed, so the service can no longer read the store.',
        'Les autorisations de tokens.dat ou de son dossier ont été modifiées : le service ne peut plus lire le magasin.',
      ),
      t('tokens.dat is corrupt.', 'tokens.dat est corrompu.'),
      t(
        'The same damage can surface as 0xC004C003 when activating.',
        'Le même dommage peut apparaître sous la forme de 0xC004C003 lors de l’activation.',
      ),
    ],
    fix: [
      step(
        'Compare the permissions of the store folder with a healthy machine of the same version and restore them if they differ.',
        'Comparez les autorisations du dossier du magasin avec une machine saine de la même version et rétablissez-les si elles diffèrent.',
        'icacls %windir%\\System32\\spp\\store\\2.0',
      ),
      ELEVATE,
      ...REBUILD_STORE,
      step(
        'Restart a second time: the store is only fully rebuilt after two restarts.',
        'Redémarrez une seconde fois : le magasin n’est entièrement reconstruit qu’après deux redémarrages.',
        'shutdown /r /t 0',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004E015', '0xC004C003'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x8007000D',
    name: 'ERROR_INVALID_DATA',
    types: ['MAK', 'KMS client'],
    message: t(
      'Windows reports that the data is invalid.',
      'Windows signale que les données ne sont pas valides.',
    ),
    causes: [
      t(
        'On Windows 7, the SYSTEM account lost its permission on the registry key HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root.',
        'Sous Windows 7, le compte SYSTEM a perdu son autorisation sur la clé de registre HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root.',
      ),
      reported(
        'It also appears when a KMS host cannot handle the product it is asked to activate.',
        'Il apparaît aussi quand un hôte KMS ne sait pas gérer le produit qu’on lui demande d’activer.',
      ),
    ],
    fix: [
      step(
        'Open the registry editor as administrator and go to HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root.',
        'Ouvrez l’éditeur du registre en administrateur et allez à HKLM\\SYSTEM\\CurrentControlSet\\Enum\\Root.',
        'regedit',
      ),
      step(
        'Right-click Root > Permissions and give SYSTEM at least "Enumerate Subkeys" (Advanced > Edit).',
        'Clic droit sur Root > Autorisations, puis donnez à SYSTEM au moins « Énumérer les sous-clés » (Avancé > Modifier).',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F042'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F063',
    name: 'SL_E_SLP_OEM_CERT_MISSING',
    types: ['Retail'],
    message: t(
      'The computer lacks the OEM licence its firmware should carry.',
      'L’ordinateur n’a pas la licence OEM que son micrologiciel devrait contenir.',
    ),
    causes: [
      t(
        'An OEM (pre-installed) Windows 8 / Server 2012 system had its motherboard replaced, and the new BIOS was not given the manufacturer’s licence data or service tag.',
        'La carte mère d’un système OEM (préinstallé) Windows 8 / Server 2012 a été remplacée et le nouveau BIOS n’a pas reçu les données de licence ni le numéro de service du fabricant.',
      ),
    ],
    fix: [
      step(
        'Check whether the BIOS still reports the machine’s serial number.',
        'Vérifiez si le BIOS indique toujours le numéro de série de la machine.',
        'wmic bios get serialnumber',
      ),
      step(
        'Ask the hardware manufacturer to update the BIOS with the OEM licence data; only the OEM can restore it.',
        'Demandez au fabricant du matériel de mettre à jour le BIOS avec les données de licence OEM : lui seul peut les restaurer.',
      ),
    ],
    escalate: false,
    related: ['0xC004F035', '0xC004F057'],
    sources: ['facts-1.2'],
  },
  // ----- DNS, RPC and network (§1.2) --------------------------------------------------------------------
  {
    code: '0x8007267C',
    name: 'DNS_ERROR_NO_DNS_SERVERS',
    types: ['KMS client', 'MAK'],
    message: t(
      'No DNS server is configured on this computer.',
      'Aucun serveur DNS n’est configuré sur cet ordinateur.',
    ),
    causes: [
      t(
        'The network adapter has no DNS server, so the client cannot look up the KMS host or the activation service.',
        'La carte réseau n’a pas de serveur DNS : le client ne peut pas trouver l’hôte KMS ni le service d’activation.',
      ),
    ],
    fix: [
      step(
        'Check the "DNS Servers" line of the active adapter.',
        'Vérifiez la ligne « Serveurs DNS » de la carte active.',
        'ipconfig /all',
      ),
      step(
        'Set a DNS server (or fix DHCP so it hands one out).',
        'Définissez un serveur DNS (ou corrigez le DHCP pour qu’il en distribue un).',
        'Set-DnsClientServerAddress -InterfaceAlias <adapter> -ServerAddresses <DNS server IP>',
      ),
      ACTIVATE,
      step(
        'On a network that must stay without DNS, use a MAK and activate by phone.',
        'Sur un réseau qui doit rester sans DNS, utilisez une clé MAK et activez par téléphone.',
        'slui 4',
      ),
    ],
    escalate: false,
    related: ['0x8007232B', '0xC004F074'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x80072338',
    name: 'DNS_ERROR_RCODE_BADSIG',
    types: ['KMS host'],
    message: t(
      'The KMS host could not publish its SRV record in DNS (event 12293).',
      'L’hôte KMS n’a pas pu publier son enregistrement SRV dans le DNS (événement 12293).',
    ),
    causes: [
      t(
        'Another KMS host created the _VLMCS record first and owns it; this new host has no right to update it.',
        'Un autre hôte KMS a créé l’enregistrement _VLMCS en premier et en est propriétaire ; ce nouvel hôte n’a pas le droit de le modifier.',
      ),
    ],
    fix: [
      step(
        'In DNS Manager, open the zone > _tcp > _VLMCS > Properties > Security and give the new KMS host’s computer account Full Control.',
        'Dans le Gestionnaire DNS, ouvrez la zone > _tcp > _VLMCS > Propriétés > Sécurité et donnez le contrôle total au compte ordinateur du nouvel hôte KMS.',
        'dnsmgmt.msc',
      ),
      step(
        'Restart the licensing service on the KMS host.',
        'Redémarrez le service de licences sur l’hôte KMS.',
        'Restart-Service sppsvc',
      ),
      step(
        'Confirm publishing succeeded (event 12294) and that the record now lists the host.',
        'Vérifiez que la publication a réussi (événement 12294) et que l’enregistrement cite maintenant l’hôte.',
        'nslookup -type=srv _vlmcs._tcp.<domain>',
      ),
    ],
    escalate: false,
    related: ['0x8007232B'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC0020017',
    name: 'RPC_NT_SERVER_UNAVAILABLE',
    types: ['KMS client'],
    message: t(
      'The client could not reach the KMS host (event 8198, RPC server unavailable).',
      'Le client n’a pas pu joindre l’hôte KMS (événement 8198, serveur RPC indisponible).',
    ),
    causes: [
      t(
        'A firewall or network security group blocks TCP 1688 to the KMS host.',
        'Un pare-feu ou un groupe de sécurité réseau bloque TCP 1688 vers l’hôte KMS.',
      ),
      t(
        'Forced tunnelling (VPN, DirectAccess, ExpressRoute) sends KMS traffic where it cannot reach the host — common for Azure VMs.',
        'Le tunnel forcé (VPN, DirectAccess, ExpressRoute) envoie le trafic KMS là où il ne peut pas joindre l’hôte — fréquent pour les VM Azure.',
      ),
      t(
        'DNS fails, a stale /skms name is set, or the Software Protection service is stuck.',
        'Le DNS échoue, un nom /skms obsolète est configuré, ou le service Protection logicielle est bloqué.',
      ),
    ],
    fix: [
      step('Clear any stale KMS name.', 'Effacez un éventuel nom KMS obsolète.', 'slmgr /ckms'),
      step(
        'Restart the licensing service on the client.',
        'Redémarrez le service de licences sur le client.',
        'Restart-Service sppsvc',
      ),
      ...KMS_REACH,
      step(
        'On Azure, exempt KMS traffic from forced tunnelling and use Azure’s KMS.',
        'Sur Azure, excluez le trafic KMS du tunnel forcé et utilisez le KMS d’Azure.',
        'slmgr /skms azkms.core.windows.net:1688',
      ),
    ],
    escalate: false,
    related: ['0x8007139F', '0xC004F074', '0x800706BA'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x8007139F',
    name: 'ERROR_INVALID_STATE',
    types: ['KMS client'],
    message: t(
      'Activation could not contact the KMS host (seen in event 8198 alongside 0xC0020017).',
      'L’activation n’a pas pu contacter l’hôte KMS (vu dans l’événement 8198 avec 0xC0020017).',
    ),
    causes: [
      t(
        'Same causes as 0xC0020017: TCP 1688 blocked, forced tunnelling, DNS failure, wrong /skms name or a stuck licensing service.',
        'Mêmes causes que 0xC0020017 : TCP 1688 bloqué, tunnel forcé, échec DNS, mauvais nom /skms ou service de licences bloqué.',
      ),
    ],
    fix: [
      step('Clear any stale KMS name.', 'Effacez un éventuel nom KMS obsolète.', 'slmgr /ckms'),
      step(
        'Restart the licensing service on the client.',
        'Redémarrez le service de licences sur le client.',
        'Restart-Service sppsvc',
      ),
      ...KMS_REACH,
    ],
    escalate: false,
    related: ['0xC0020017', '0xC004F074'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x80072EE7',
    name: 'ERROR_INTERNET_NAME_NOT_RESOLVED',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t(
      'A Windows component could not resolve an internet name (events 8200, 8208 or 900).',
      'Un composant de Windows n’a pas pu résoudre un nom internet (événements 8200, 8208 ou 900).',
    ),
    causes: [
      t(
        'A server without internet access tries to fetch a genuine ticket; the callers are wsqmcons.exe or WSHost.exe. Activation itself is not affected.',
        'Un serveur sans accès internet tente de récupérer un ticket d’authenticité ; les appelants sont wsqmcons.exe ou WSHost.exe. L’activation elle-même n’est pas touchée.',
      ),
    ],
    fix: [
      step(
        'If the server is offline by design and activation is fine (slmgr /dli shows Licensed), these events are harmless.',
        'Si le serveur est hors ligne par choix et que l’activation est correcte (slmgr /dli affiche « Licensed »), ces événements sont sans gravité.',
        'slmgr /dli',
      ),
      step(
        'Otherwise allow internet access through the proxy, or turn off the Customer Experience Improvement Program / Store app that triggers the call.',
        'Sinon, autorisez l’accès internet via le proxy, ou désactivez le programme d’amélioration de l’expérience utilisateur / l’application Store à l’origine de l’appel.',
      ),
    ],
    escalate: false,
    related: ['0x80072EE2'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x80072EE2',
    name: 'ERROR_INTERNET_TIMEOUT',
    types: ['MAK', 'Retail'],
    message: t('Online activation timed out.', 'L’activation en ligne a expiré (délai dépassé).'),
    causes: [
      t(
        'The computer has no route to Microsoft’s activation service (no internet, proxy or firewall).',
        'L’ordinateur n’a pas de chemin vers le service d’activation de Microsoft (pas d’internet, proxy ou pare-feu).',
      ),
    ],
    fix: [
      step(
        'Check internet access and any proxy that the SYSTEM account must use.',
        'Vérifiez l’accès internet et le proxy que le compte SYSTEM doit utiliser.',
      ),
      step(
        'If the machine cannot go online, activate by phone instead:',
        'Si la machine ne peut pas aller en ligne, activez-la plutôt par téléphone :',
      ),
      ...PHONE_ACTIVATION,
    ],
    escalate: false,
    related: ['0xC004F035', '0x80072EE7'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x80072F8F',
    name: 'ERROR_INTERNET_SECURE_FAILURE',
    types: ['Retail', 'MAK'],
    message: t(
      'A secure (TLS) connection to the activation service failed.',
      'Une connexion sécurisée (TLS) au service d’activation a échoué.',
    ),
    causes: [
      reported(
        'The system date and time are wrong, so certificates look invalid.',
        'La date et l’heure du système sont fausses : les certificats paraissent non valides.',
      ),
      reported(
        'A proxy or security appliance intercepts TLS traffic.',
        'Un proxy ou un équipement de sécurité intercepte le trafic TLS.',
      ),
    ],
    fix: [
      step(
        'Correct the date, time and time zone, then resync.',
        'Corrigez la date, l’heure et le fuseau horaire, puis resynchronisez.',
        'w32tm /resync',
      ),
      step(
        'Exempt Microsoft activation traffic from TLS inspection on the proxy.',
        'Exemptez le trafic d’activation Microsoft de l’inspection TLS sur le proxy.',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0x80072EE2'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  // ----- Genuine state, edition and key mismatches (§1.2) ---------------------------------------------------
  {
    code: '0xC004F200',
    name: 'SL_E_NOT_GENUINE',
    types: ['KMS client'],
    message: t(
      'Windows reports that it is not in a genuine state.',
      'Windows indique qu’il n’est pas dans un état authentique.',
    ),
    causes: [
      t(
        'Known incident of 8–9 January 2019: Windows 7 SP1 KMS clients with update KB971033 were flagged "not genuine" (slmgr /dlv shows 0xC004F200, events 8208 with 0xC004C4A2, 8209, 8196).',
        'Incident connu des 8 et 9 janvier 2019 : des clients KMS Windows 7 SP1 avec la mise à jour KB971033 ont été déclarés « non authentiques » (slmgr /dlv affiche 0xC004F200, événements 8208 avec 0xC004C4A2, 8209, 8196).',
      ),
    ],
    fix: [
      step(
        'Uninstall KB971033 from the volume-licensed client.',
        'Désinstallez KB971033 du client sous licence en volume.',
        'wusa /uninstall /kb:971033',
      ),
      step('Stop the licensing service.', 'Arrêtez le service de licences.', 'net stop sppsvc'),
      step(
        'Delete the Windows 7 licence store files tokens.dat and cache.dat so they are rebuilt.',
        'Supprimez les fichiers du magasin de licences de Windows 7, tokens.dat et cache.dat, pour qu’ils soient reconstruits.',
        'del %windir%\\ServiceProfiles\\NetworkService\\AppData\\Roaming\\Microsoft\\SoftwareProtectionPlatform\\tokens.dat',
      ),
      step(
        'Delete the cache file next to it as well.',
        'Supprimez aussi le fichier de cache situé à côté.',
        'del %windir%\\ServiceProfiles\\NetworkService\\AppData\\Roaming\\Microsoft\\SoftwareProtectionPlatform\\Cache\\cache.dat',
      ),
      step('Start the service again.', 'Redémarrez le service.', 'net start sppsvc'),
      INSTALL_KEY('KMS client setup key'),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004C4A2', '0x4004F065'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004C4A2',
    name: 'SL_E_VALIDATION_BLOCKED_PRODUCT_KEY',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t(
      'Genuine validation found the product key blocked.',
      'La validation d’authenticité a trouvé la clé de produit bloquée.',
    ),
    causes: [
      t(
        'Microsoft has blocked the key (leaked, misused or revoked).',
        'Microsoft a bloqué la clé (divulguée, mal utilisée ou révoquée).',
      ),
      t(
        'On Windows 7 KMS clients it appeared in event 8208 during the January 2019 "not genuine" incident (see 0xC004F200).',
        'Sur les clients KMS Windows 7, il est apparu dans l’événement 8208 lors de l’incident « non authentique » de janvier 2019 (voir 0xC004F200).',
      ),
    ],
    fix: [
      SHOW_LICENSE,
      step(
        'On a Windows 7 KMS client, follow the 0xC004F200 steps first.',
        'Sur un client KMS Windows 7, suivez d’abord les étapes de 0xC004F200.',
      ),
      INSTALL_KEY('new product key'),
      ACTIVATE,
      ESCALATE_KEY,
    ],
    escalate: true,
    bring: BRING_VL,
    related: ['0xC004F200', '0xC004C003', '0xC004C060'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004F069',
    name: 'SL_E_MISMATCHED_PRODUCT_SKU',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'The product (SKU) the key belongs to is not installed on this computer.',
      'Le produit (SKU) auquel la clé appartient n’est pas installé sur cet ordinateur.',
    ),
    causes: [
      t(
        'Classic on Windows Server Evaluation: slmgr /ipk with a retail, MAK or KMS client key fails because the evaluation edition does not contain that SKU. Convert the edition first.',
        'Cas classique sur Windows Server Évaluation : slmgr /ipk avec une clé de détail, MAK ou client KMS échoue car l’édition d’évaluation ne contient pas ce SKU. Il faut d’abord convertir l’édition.',
      ),
      t(
        'The key is for another edition than the one installed.',
        'La clé correspond à une autre édition que celle installée.',
      ),
    ],
    fix: [
      CURRENT_EDITION,
      TARGET_EDITIONS,
      step(
        'Convert the evaluation edition with your key (a domain controller cannot be converted). It can take a while and ends with a restart.',
        'Convertissez l’édition d’évaluation avec votre clé (un contrôleur de domaine ne peut pas être converti). Cela peut prendre du temps et se termine par un redémarrage.',
        'DISM /online /Set-Edition:ServerDatacenter /ProductKey:<key> /AcceptEula',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0x80070032', '0xC004FC07', '0xC004E016'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F012',
    name: 'SL_E_VALUE_NOT_FOUND',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'The licensing service could not find a value it was asked for.',
      'Le service de licences n’a pas trouvé une valeur qui lui était demandée.',
    ),
    causes: [
      t(
        'A generic query failure of the licensing service, usually a damaged licence store.',
        'Échec générique d’une requête du service de licences, le plus souvent un magasin de licences endommagé.',
      ),
    ],
    fix: [
      ELEVATE,
      step('Restart the licensing service.', 'Redémarrez le service de licences.', 'Restart-Service sppsvc'),
      ACTIVATE,
      step(
        'If it persists, rebuild the licence store:',
        'Si le problème persiste, reconstruisez le magasin de licences :',
      ),
      ...REBUILD_STORE,
    ],
    escalate: false,
    related: ['0xC004E015', '0xC004E002'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F025',
    name: 'SL_E_LUA_ACCESSDENIED',
    types: ['MAK', 'KMS client', 'KMS host', 'Retail'],
    message: t(
      'This action needs administrator rights.',
      'Cette action nécessite des droits d’administrateur.',
    ),
    causes: [
      t(
        'slmgr ran from a prompt that was not elevated; it prints "Access denied: the requested action requires elevated privileges".',
        'slmgr a été lancé depuis une invite non élevée ; il affiche « Access denied: the requested action requires elevated privileges ».',
      ),
    ],
    fix: [ELEVATE, ACTIVATE],
    escalate: false,
    related: ['0x80070005'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004E003',
    name: 'SL_E_EVALUATION_FAILED',
    types: ['Retail', 'MAK'],
    message: t('The licence evaluation failed.', 'L’évaluation de la licence a échoué.'),
    causes: [
      reported(
        'Third-party software changed system files that licensing depends on.',
        'Un logiciel tiers a modifié des fichiers système dont dépend la gestion des licences.',
      ),
    ],
    fix: [
      ELEVATE,
      step(
        'Check and repair protected system files.',
        'Vérifiez et réparez les fichiers système protégés.',
        'sfc /scannow',
      ),
      step(
        'Repair the component store if SFC cannot fix everything.',
        'Réparez le magasin de composants si SFC ne corrige pas tout.',
        'DISM /online /Cleanup-Image /RestoreHealth',
      ),
      step(
        'If a recent install caused it, use System Restore to go back before it.',
        'Si une installation récente en est la cause, utilisez la restauration du système pour revenir avant celle-ci.',
        'rstrui',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004E002'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004C060',
    name: 'SL_E_CHPA_DYNAMICALLY_BLOCKED_PRODUCT_KEY',
    types: ['Retail', 'MAK'],
    message: t(
      'The activation server has blocked this product key.',
      'Le serveur d’activation a bloqué cette clé de produit.',
    ),
    causes: [
      t(
        'Microsoft revoked or blocked the key on its side (for example after it leaked or was resold).',
        'Microsoft a révoqué ou bloqué la clé de son côté (par exemple après une fuite ou une revente).',
      ),
    ],
    fix: [
      SHOW_LICENSE,
      step(
        'Get a new key from the Volume Licensing portal (volume) or the seller (retail).',
        'Obtenez une nouvelle clé sur le portail des licences en volume (volume) ou auprès du vendeur (détail).',
      ),
      INSTALL_KEY('new product key'),
      ACTIVATE,
      ESCALATE_KEY,
    ],
    escalate: true,
    bring: BRING_VL,
    related: ['0xC004C003', '0xC004C4A2'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004F056',
    name: 'SL_E_VL_MACHINE_NOT_BOUND',
    types: ['KMS client'],
    message: t(
      'The product could not be activated through KMS.',
      'Le produit n’a pas pu être activé par KMS.',
    ),
    causes: [
      t(
        'Often seen as "Notification Reason" on a KMS client whose 180-day activation ran out because it could not renew with a KMS host.',
        'Souvent vu comme « Notification Reason » sur un client KMS dont l’activation de 180 jours a expiré faute d’avoir pu se renouveler auprès d’un hôte KMS.',
      ),
    ],
    fix: [SHOW_LICENSE, ...KMS_REACH],
    escalate: false,
    related: ['0xC004F074', '0xC004F038'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F034',
    name: 'SL_E_EUL_NOT_AVAILABLE',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t(
      'The licence could not be found or is not valid.',
      'La licence est introuvable ou n’est pas valide.',
    ),
    causes: [
      t(
        'Often shown as "Notification Reason: 0xC004F034" when the installed key does not fit the installed edition or channel.',
        'Souvent affiché comme « Notification Reason: 0xC004F034 » quand la clé installée ne correspond pas à l’édition ou au canal installés.',
      ),
    ],
    fix: [SHOW_LICENSE, CURRENT_EDITION, ELEVATE, INSTALL_KEY('key for the installed edition'), ACTIVATE],
    escalate: false,
    related: ['0xC004E016', '0xC004F210'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004E016',
    name: 'SL_E_PKEY_INVALID_CONFIG',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t(
      'The product key is not valid for this installation.',
      'La clé de produit n’est pas valide pour cette installation.',
    ),
    causes: [
      t(
        'The key is for another edition or channel than the one installed (for example a Standard key on Datacenter).',
        'La clé correspond à une autre édition ou un autre canal que ceux installés (par exemple une clé Standard sur Datacenter).',
      ),
    ],
    fix: [
      CURRENT_EDITION,
      ELEVATE,
      INSTALL_KEY('key for the installed edition'),
      step(
        'Or, if the key is the right one, change the edition to match it (only upgrades are possible, e.g. Standard to Datacenter).',
        'Ou, si la clé est la bonne, changez l’édition pour qu’elle corresponde (seules les montées sont possibles, par ex. Standard vers Datacenter).',
        'DISM /online /Set-Edition:ServerDatacenter /ProductKey:<key> /AcceptEula',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F210', '0xC004F069', '0xC004F034'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004D302',
    name: 'SL_REMAPPING_SP_PUB_TS_REARMED',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'The licensing data was just reset (rearmed) and needs a restart.',
      'Les données de licence viennent d’être réinitialisées (rearm) et nécessitent un redémarrage.',
    ),
    causes: [
      t(
        'slmgr /rearm ran and the computer has not been restarted yet.',
        'slmgr /rearm a été exécuté et l’ordinateur n’a pas encore redémarré.',
      ),
    ],
    fix: [REBOOT, ACTIVATE],
    escalate: false,
    related: ['0xC004D307'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004D307',
    name: 'SL_REMAPPING_SP_PUB_TS_MAX_REARM_REACHED',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'No rearms are left: the grace period cannot be reset again without reinstalling Windows.',
      'Il ne reste plus de réarmement : la période de grâce ne peut plus être réinitialisée sans réinstaller Windows.',
    ),
    causes: [
      t(
        'slmgr /rearm (also run by sysprep /generalize) has been used as many times as allowed; the remaining rearm count is 0.',
        'slmgr /rearm (également lancé par sysprep /generalize) a été utilisé autant de fois que permis ; le nombre de réarmements restants est 0.',
      ),
    ],
    fix: [
      step(
        'Check "Remaining Windows rearm count".',
        'Vérifiez « Remaining Windows rearm count » (nombre de réarmements restants).',
        'slmgr /dlv',
      ),
      step(
        'Activate instead of rearming: install a valid key and activate.',
        'Activez au lieu de réarmer : installez une clé valide puis activez.',
        'slmgr /ipk <product key>',
      ),
      ACTIVATE,
      step(
        'If activation is impossible, reinstall Windows; for images, generalize once per build rather than rearming repeatedly.',
        'Si l’activation est impossible, réinstallez Windows ; pour les images, généralisez une fois par build au lieu de réarmer à répétition.',
      ),
    ],
    escalate: false,
    related: ['0xC004D302'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004C770',
    name: 'SL_E_CHPA_PRODUCT_KEY_BEING_USED',
    types: ['Retail', 'MAK'],
    message: t(
      'The activation server says this key is already in use by another user.',
      'Le serveur d’activation indique que cette clé est déjà utilisée par un autre utilisateur.',
    ),
    causes: [
      t(
        'A server-side refusal: the key is registered to another user or device.',
        'Refus côté serveur : la clé est enregistrée pour un autre utilisateur ou appareil.',
      ),
    ],
    fix: [SHOW_LICENSE, ESCALATE_KEY, INSTALL_KEY('new product key'), ACTIVATE],
    escalate: true,
    bring: BRING_VL,
    related: ['0xC004C008', '0xC004C003'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F210',
    name: 'SL_E_EDITION_MISMATCHED',
    types: ['Retail', 'MAK'],
    message: t(
      'The licence is for a different edition than the one installed.',
      'La licence correspond à une autre édition que celle installée.',
    ),
    causes: [
      t(
        'The key belongs to another edition (for example a Home key on Pro). The SDK text literally says "does match", a known typo.',
        'La clé appartient à une autre édition (par exemple une clé Famille sur Professionnel). Le texte du SDK dit littéralement « does match », une coquille connue.',
      ),
    ],
    fix: [CURRENT_EDITION, ELEVATE, INSTALL_KEY('key for the installed edition'), ACTIVATE],
    escalate: false,
    related: ['0xC004E016', '0xC004F212'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004F211',
    name: 'SL_E_HWID_CHANGED',
    types: ['Retail'],
    message: t(
      'The device’s hardware may have changed, so its licence no longer matches.',
      'Le matériel de l’appareil a peut-être changé : sa licence ne correspond plus.',
    ),
    causes: [
      t(
        'A significant hardware change, typically a motherboard replacement, on a device with a retail or digital licence.',
        'Un changement matériel important, typiquement un remplacement de carte mère, sur un appareil avec une licence de détail ou numérique.',
      ),
    ],
    fix: [
      step(
        'Open Activation settings and run the troubleshooter, choosing "I changed hardware on this device recently".',
        'Ouvrez les paramètres d’activation et lancez l’utilitaire de résolution des problèmes, en choisissant « J’ai récemment changé le matériel de cet appareil ».',
        'start ms-settings:activation',
      ),
      reportedStep(
        'Sign in with the Microsoft account the digital licence is linked to so it can be reassigned.',
        'Connectez-vous avec le compte Microsoft lié à la licence numérique pour qu’elle puisse être réattribuée.',
      ),
      step(
        'Otherwise enter a new key for this edition.',
        'Sinon, saisissez une nouvelle clé pour cette édition.',
        'slmgr /ipk <product key>',
      ),
    ],
    escalate: false,
    related: ['0xC004F213', '0xC004F00F'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004F212',
    name: 'SL_E_OEM_KEY_EDITION_MISMATCH',
    types: ['Retail'],
    message: t(
      'The OEM key stored in the firmware is for a different edition than the installed one.',
      'La clé OEM stockée dans le micrologiciel correspond à une autre édition que celle installée.',
    ),
    causes: [
      t(
        'For example the firmware carries a Home key and Pro is installed.',
        'Par exemple, le micrologiciel contient une clé Famille et c’est Professionnel qui est installé.',
      ),
    ],
    fix: [
      step(
        'See which edition the firmware key is for.',
        'Regardez à quelle édition correspond la clé du micrologiciel.',
        '(Get-CimInstance SoftwareLicensingService).OA3xOriginalProductKeyDescription',
      ),
      step(
        'Either reinstall the edition that matches the firmware key, or install a key for the edition you run.',
        'Réinstallez l’édition qui correspond à la clé du micrologiciel, ou installez une clé pour l’édition utilisée.',
        'slmgr /ipk <key for the installed edition>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F210', '0xC004F215'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F213',
    name: 'SL_E_NO_PRODUCT_KEY_FOUND',
    types: ['Retail'],
    message: t(
      'No product key was found on this system.',
      'Aucune clé de produit n’a été trouvée sur ce système.',
    ),
    causes: [
      t(
        'There is no key and no digital licence for this device — typical after a hardware change, moving a VM, or a reinstall.',
        'Il n’y a ni clé ni licence numérique pour cet appareil — typique après un changement de matériel, le déplacement d’une VM ou une réinstallation.',
      ),
    ],
    fix: [
      ELEVATE,
      INSTALL_KEY('product key'),
      ACTIVATE,
      step(
        'Without a key, run the activation troubleshooter, or buy a licence.',
        'Sans clé, lancez l’utilitaire de résolution des problèmes d’activation, ou achetez une licence.',
        'start ms-settings:activation',
      ),
    ],
    escalate: false,
    related: ['0xC004F211', '0xC004F014'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0xC004F214',
    name: 'SL_E_DOWNLEVEL_SETUP_KEY',
    types: ['Retail'],
    message: t(
      'There is a problem with the downlevel (setup) product key.',
      'Il y a un problème avec la clé de produit d’installation (downlevel).',
    ),
    causes: [
      t(
        'slerror.h names the problem but gives no detail; Microsoft documents no typical scenario.',
        'slerror.h nomme le problème sans donner de détail ; Microsoft ne documente aucun scénario type.',
      ),
    ],
    fix: [SLUI_TEXT('0xC004F214'), SHOW_LICENSE, ELEVATE, INSTALL_KEY('product key'), ACTIVATE],
    escalate: false,
    related: ['0xC004F215'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F215',
    name: 'SL_E_BIOS_KEY',
    types: ['Retail'],
    message: t(
      'There is a problem with the product key stored in the BIOS / firmware.',
      'Il y a un problème avec la clé de produit stockée dans le BIOS / micrologiciel.',
    ),
    causes: [
      t(
        'slerror.h names the problem but gives no detail; Microsoft documents no typical scenario.',
        'slerror.h nomme le problème sans donner de détail ; Microsoft ne documente aucun scénario type.',
      ),
    ],
    fix: [
      SLUI_TEXT('0xC004F215'),
      step(
        'See which edition the firmware key is for.',
        'Regardez à quelle édition correspond la clé du micrologiciel.',
        '(Get-CimInstance SoftwareLicensingService).OA3xOriginalProductKeyDescription',
      ),
      ELEVATE,
      INSTALL_KEY('product key'),
      ACTIVATE,
      step(
        'If the firmware key itself is damaged, only the device manufacturer can fix it.',
        'Si la clé du micrologiciel est elle-même endommagée, seul le fabricant de l’appareil peut la corriger.',
      ),
    ],
    escalate: false,
    related: ['0xC004F212', '0xC004F214'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F06B',
    name: 'SL_E_VL_KEY_MANAGEMENT_SERVICE_VM_NOT_SUPPORTED',
    types: ['KMS host'],
    message: t(
      'KMS is not supported in a virtual machine in this mode.',
      'KMS n’est pas pris en charge dans une machine virtuelle dans ce mode.',
    ),
    causes: [
      t(
        'An old (Windows Vista / Server 2008 era) KMS host runs inside a virtual machine.',
        'Un ancien hôte KMS (époque Windows Vista / Server 2008) tourne dans une machine virtuelle.',
      ),
    ],
    fix: [
      step(
        'Move the KMS host role to a current, supported Windows Server version, or to a physical machine.',
        'Déplacez le rôle d’hôte KMS vers une version actuelle et prise en charge de Windows Server, ou vers une machine physique.',
      ),
      step(
        'Install the host key on the new host.',
        'Installez la clé d’hôte sur le nouvel hôte.',
        'slmgr /ipk <KMS host key (CSVLK)>',
      ),
      step('Activate the new host.', 'Activez le nouvel hôte.', 'slmgr /ato'),
    ],
    escalate: false,
    related: ['0xC004F074'],
    sources: ['facts-1.2'],
  },
  // ----- Active Directory-based activation (§1.2) -------------------------------------------------------
  {
    code: '0xC004F081',
    name: 'SL_E_VL_AD_AO_NOT_FOUND',
    types: ['KMS client'],
    message: t(
      'The Active Directory Activation Object is missing or invalid.',
      'L’objet d’activation Active Directory est introuvable ou non valide.',
    ),
    causes: [
      t(
        'The Activation Object was deleted or damaged, or the client cannot read it in the forest root domain.',
        'L’objet d’activation a été supprimé ou endommagé, ou le client ne peut pas le lire dans le domaine racine de la forêt.',
      ),
    ],
    fix: [
      step(
        'List the Activation Objects of the forest.',
        'Listez les objets d’activation de la forêt.',
        'slmgr /ao-list',
      ),
      step(
        'Recreate the Activation Object with the host key (needs write access to the Activation Objects container, not local admin).',
        'Recréez l’objet d’activation avec la clé d’hôte (il faut un accès en écriture au conteneur Activation Objects, pas un administrateur local).',
        'slmgr /ad-activation-online <KMS host key (CSVLK)> <AO name>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F082', '0xC004F083'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F082',
    name: 'SL_E_VL_AD_AO_NAME_TOO_LONG',
    types: ['KMS host'],
    message: t(
      'The name chosen for the Active Directory Activation Object is too long.',
      'Le nom choisi pour l’objet d’activation Active Directory est trop long.',
    ),
    causes: [t('The name exceeds 40 characters.', 'Le nom dépasse 40 caractères.')],
    fix: [
      step(
        'Create the Activation Object again with a name of 40 characters or fewer.',
        'Recréez l’objet d’activation avec un nom de 40 caractères au plus.',
        'slmgr /ad-activation-online <KMS host key (CSVLK)> <AO name of 40 characters or fewer>',
      ),
    ],
    escalate: false,
    related: ['0xC004F081'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F083',
    name: 'SL_E_VL_AD_SCHEMA_VERSION_NOT_SUPPORTED',
    types: ['KMS host', 'KMS client'],
    message: t(
      'The Active Directory schema is too old for Active Directory-based activation.',
      'Le schéma Active Directory est trop ancien pour l’activation via Active Directory.',
    ),
    causes: [
      t(
        'Active Directory-based activation needs the schema of Windows Server 2012 or later.',
        'L’activation via Active Directory nécessite le schéma de Windows Server 2012 ou ultérieur.',
      ),
    ],
    fix: [
      step(
        'Extend the forest schema from Windows Server 2012 or later media (or by promoting a newer domain controller).',
        'Étendez le schéma de la forêt depuis un support Windows Server 2012 ou ultérieur (ou en promouvant un contrôleur de domaine plus récent).',
        'adprep /forestprep',
      ),
      step(
        'Then create the Activation Object.',
        'Créez ensuite l’objet d’activation.',
        'slmgr /ad-activation-online <KMS host key (CSVLK)> <AO name>',
      ),
      step(
        'Until then, clients can still use a KMS host if one exists.',
        'En attendant, les clients peuvent encore utiliser un hôte KMS s’il en existe un.',
      ),
    ],
    escalate: false,
    related: ['0xC004F081'],
    sources: ['facts-1.2'],
  },
  // ----- Automatic Virtual Machine Activation (§1.2) ----------------------------------------------------
  // ActivationType has no AVMA value; AVMA guests are volume-style automatic activations, so they are filed
  // under 'KMS client' (the closest behaviour: a key that activates against a host, not online).
  {
    code: '0xC004FD00',
    name: 'SL_E_IA_THROTTLE_LIMIT_EXCEEDED',
    types: ['KMS client'],
    message: t(
      'Automatic VM Activation: too many requests; try again later.',
      'Activation automatique de VM (AVMA) : trop de demandes ; réessayez plus tard.',
    ),
    causes: [
      t(
        'The guest asked the Hyper-V host to activate it too often in a short time.',
        'L’invité a demandé trop souvent à l’hôte Hyper-V de l’activer en peu de temps.',
      ),
    ],
    fix: [step('Wait a while, then try again.', 'Patientez un moment, puis réessayez.', 'slmgr /ato')],
    escalate: false,
    related: ['0xC004FD04'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004FD01',
    name: 'SL_E_IA_INVALID_VIRTUALIZATION_PLATFORM',
    types: ['KMS client'],
    message: t(
      'Automatic VM Activation: this VM is not running on a supported Hyper-V host.',
      'Activation automatique de VM (AVMA) : cette VM ne tourne pas sur un hôte Hyper-V pris en charge.',
    ),
    causes: [
      t(
        'AVMA only works for guests on a Hyper-V host running an activated Windows Server Datacenter; the VM runs elsewhere (another hypervisor, a cloud, a client Hyper-V).',
        'AVMA ne fonctionne que pour des invités sur un hôte Hyper-V sous Windows Server Datacenter activé ; la VM tourne ailleurs (autre hyperviseur, cloud, Hyper-V client).',
      ),
    ],
    fix: [
      step(
        'Run the VM on a Windows Server Datacenter Hyper-V host, or activate it another way (KMS client setup key or MAK).',
        'Exécutez la VM sur un hôte Hyper-V Windows Server Datacenter, ou activez-la autrement (clé d’installation client KMS ou MAK).',
        'slmgr /ipk <KMS client setup key>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004FD02'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004FD02',
    name: 'SL_E_IA_PARENT_PARTITION_NOT_ACTIVATED',
    types: ['KMS client'],
    message: t(
      'Automatic VM Activation: Windows is not activated on the Hyper-V host.',
      'Activation automatique de VM (AVMA) : Windows n’est pas activé sur l’hôte Hyper-V.',
    ),
    causes: [
      t(
        'The Datacenter host itself is unactivated, so it cannot activate its guests.',
        'L’hôte Datacenter lui-même n’est pas activé : il ne peut pas activer ses invités.',
      ),
    ],
    fix: [
      step(
        'On the Hyper-V host, check its licence status.',
        'Sur l’hôte Hyper-V, vérifiez l’état de sa licence.',
        'slmgr /dli',
      ),
      step('Activate the host.', 'Activez l’hôte.', 'slmgr /ato'),
      step('Then activate the guest again.', 'Puis relancez l’activation de l’invité.', 'slmgr /ato'),
    ],
    escalate: false,
    related: ['0xC004FD04'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004FD03',
    name: 'SL_E_IA_ID_MISMATCH',
    types: ['KMS client'],
    message: t(
      'Automatic VM Activation: the host cannot activate this guest’s edition.',
      'Activation automatique de VM (AVMA) : l’hôte ne peut pas activer l’édition de cet invité.',
    ),
    causes: [
      t(
        'The guest runs a newer Windows Server version than the host supports, or has the AVMA key of another edition.',
        'L’invité exécute une version de Windows Server plus récente que celles prises en charge par l’hôte, ou porte la clé AVMA d’une autre édition.',
      ),
    ],
    fix: [
      SHOW_LICENSE,
      step(
        'Install the AVMA key that matches the guest’s version and edition.',
        'Installez la clé AVMA qui correspond à la version et à l’édition de l’invité.',
        'slmgr /ipk <AVMA key for the guest edition>',
      ),
      ACTIVATE,
      step(
        'If the guest is newer than the host, use KMS or a MAK for that guest.',
        'Si l’invité est plus récent que l’hôte, utilisez KMS ou une MAK pour cet invité.',
      ),
    ],
    escalate: false,
    related: ['0xC004FD02'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004FD04',
    name: 'SL_E_IA_MACHINE_NOT_BOUND',
    types: ['KMS client'],
    message: t(
      'Automatic VM Activation: Windows is not activated.',
      'Activation automatique de VM (AVMA) : Windows n’est pas activé.',
    ),
    causes: [
      t(
        'The guest could not complete AVMA: host not activated, wrong AVMA key, or unsupported host.',
        'L’invité n’a pas pu mener à bien l’AVMA : hôte non activé, mauvaise clé AVMA ou hôte non pris en charge.',
      ),
    ],
    fix: [
      step(
        'On the host, check that Windows is activated.',
        'Sur l’hôte, vérifiez que Windows est activé.',
        'slmgr /dli',
      ),
      SHOW_LICENSE,
      step(
        'Install the AVMA key for the guest’s edition if another key is present.',
        'Installez la clé AVMA de l’édition de l’invité si une autre clé est présente.',
        'slmgr /ipk <AVMA key for the guest edition>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004FD02', '0xC004FD03'],
    sources: ['facts-1.2'],
  },
  // ----- Time-based, upgrade, phone activation, misc. (§1.2) --------------------------------------------
  {
    code: '0xC004FC07',
    name: 'SL_E_VALIDITY_PERIOD_EXPIRED',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t(
      'The licence’s validity period has expired.',
      'La période de validité de la licence a expiré.',
    ),
    causes: [
      t(
        'A time-based licence — usually an Evaluation edition — reached its end date.',
        'Une licence limitée dans le temps — généralement une édition d’évaluation — a atteint sa date de fin.',
      ),
    ],
    fix: [
      step(
        'Check the "Timebased activation expiration" and "Evaluation End Date" lines.',
        'Vérifiez les lignes « Timebased activation expiration » et « Evaluation End Date ».',
        'slmgr /dlv',
      ),
      CURRENT_EDITION,
      TARGET_EDITIONS,
      step(
        'Convert the evaluation edition to a licensed one with your key.',
        'Convertissez l’édition d’évaluation en édition sous licence avec votre clé.',
        'DISM /online /Set-Edition:ServerStandard /ProductKey:<key> /AcceptEula',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F069', '0xC004F009'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F061',
    name: 'SL_E_PKEY_INVALID_UPGRADE',
    types: ['Retail'],
    message: t(
      'This product key can only upgrade an existing installation, not activate a clean install.',
      'Cette clé de produit ne peut que mettre à niveau une installation existante, pas activer une installation neuve.',
    ),
    causes: [
      t(
        'An upgrade-only key was used on a clean installation.',
        'Une clé réservée aux mises à niveau a été utilisée sur une installation neuve.',
      ),
    ],
    fix: [
      step(
        'Use a full (non-upgrade) key, or install over a qualifying earlier version.',
        'Utilisez une clé complète (pas de mise à niveau), ou installez par-dessus une version antérieure éligible.',
      ),
      ELEVATE,
      INSTALL_KEY('full product key'),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F035'],
    sources: ['facts-1.2'],
  },
  ...(
    [
      [
        '0xC004F031',
        'SL_E_CIDIID_MISMATCHED',
        t(
          'The Installation ID and the Confirmation ID do not match.',
          'L’ID d’installation et l’ID de confirmation ne correspondent pas.',
        ),
      ],
      [
        '0xC004F04D',
        'SL_E_CIDIID_INVALID_CHECK_DIGITS',
        t(
          'The Installation ID or the Confirmation ID is invalid (check digits wrong).',
          'L’ID d’installation ou l’ID de confirmation n’est pas valide (chiffres de contrôle erronés).',
        ),
      ],
      [
        '0xC004F07E',
        'SL_E_CIDIID_MISMATCHED_PKEY',
        t(
          'The Installation ID and the Confirmation ID do not match the product key.',
          'L’ID d’installation et l’ID de confirmation ne correspondent pas à la clé de produit.',
        ),
      ],
    ] as const
  ).map(([code, name, message]): CatalogueEntryInput => ({
    code,
    name,
    types: ['MAK', 'Retail', 'KMS host'],
    message,
    causes: [
      t(
        'A digit was mistyped while reading or entering the IDs during phone activation.',
        'Un chiffre a été mal lu ou mal saisi pendant l’activation par téléphone.',
      ),
      t(
        'The product key was changed after the Installation ID was generated, so the Confirmation ID belongs to the old key.',
        'La clé de produit a été changée après la génération de l’ID d’installation : l’ID de confirmation correspond à l’ancienne clé.',
      ),
    ],
    fix: [
      step(
        'Get a fresh Installation ID (after any key change) and start phone activation again:',
        'Obtenez un nouvel ID d’installation (après tout changement de clé) et recommencez l’activation par téléphone :',
      ),
      ...PHONE_ACTIVATION,
    ],
    escalate: false,
    related: (['0xC004F031', '0xC004F04D', '0xC004F07E', '0xC004F02C'] as string[]).filter((c) => c !== code),
    sources: ['facts-1.2'],
  })),
  {
    code: '0xC004C017',
    name: 'SL_E_CHPA_PRODUCT_KEY_BLOCKED_IPLOCATION',
    types: ['Retail', 'MAK'],
    message: t(
      'The product key is blocked in this geographic location.',
      'La clé de produit est bloquée dans cette zone géographique.',
    ),
    causes: [
      t(
        'The key is restricted to another country or region than the one the activation request comes from.',
        'La clé est limitée à un autre pays ou une autre région que celui d’où vient la demande d’activation.',
      ),
    ],
    fix: [
      step(
        'Check where the key was bought and for which region it was issued.',
        'Vérifiez où la clé a été achetée et pour quelle région elle a été émise.',
      ),
      ESCALATE_KEY,
      INSTALL_KEY('key valid for this region'),
      ACTIVATE,
    ],
    escalate: true,
    bring: BRING_RETAIL,
    related: ['0xC004C003'],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004E028',
    name: 'SL_E_ACTIVATION_IN_PROGRESS',
    types: ['MAK', 'KMS client', 'KMS host', 'Retail'],
    message: t(
      'Another activation attempt for this product is already running.',
      'Une autre tentative d’activation de ce produit est déjà en cours.',
    ),
    causes: [
      t(
        'Two activations were started at the same time (a script, the scheduler, or a second window).',
        'Deux activations ont été lancées en même temps (un script, le planificateur ou une seconde fenêtre).',
      ),
    ],
    fix: [
      step(
        'Wait for the first attempt to finish, then retry.',
        'Attendez la fin de la première tentative, puis réessayez.',
        'slmgr /ato',
      ),
    ],
    escalate: false,
    related: [],
    sources: ['facts-1.2'],
  },
  {
    code: '0xC004F075',
    name: 'SL_E_SERVICE_STOPPING',
    types: ['MAK', 'KMS client', 'KMS host', 'Retail'],
    message: t(
      'The operation could not finish because the licensing service is stopping.',
      'L’opération n’a pas pu aboutir car le service de licences est en cours d’arrêt.',
    ),
    causes: [
      t(
        'The Software Protection service (sppsvc) was shutting down when the command ran.',
        'Le service Protection logicielle (sppsvc) s’arrêtait au moment où la commande a été lancée.',
      ),
    ],
    fix: [
      step('Check the state of the service.', 'Vérifiez l’état du service.', 'Get-Service sppsvc'),
      step('Start it again.', 'Redémarrez-le.', 'Start-Service sppsvc'),
      ACTIVATE,
    ],
    escalate: false,
    related: [],
    sources: ['facts-1.2'],
  },
  {
    code: '0x80070422',
    name: 'ERROR_SERVICE_DISABLED',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'A service that activation needs is disabled.',
      'Un service dont l’activation a besoin est désactivé.',
    ),
    causes: [
      reported(
        'Software Protection (sppsvc), Client License Service (ClipSVC) or Windows Update (wuauserv) was set to Disabled.',
        'Protection logicielle (sppsvc), Service de licences client (ClipSVC) ou Windows Update (wuauserv) a été réglé sur Désactivé.',
      ),
    ],
    fix: [
      step(
        'See which of these services is disabled.',
        'Regardez lequel de ces services est désactivé.',
        'Get-Service sppsvc, ClipSVC, wuauserv | Select-Object Name, StartType, Status',
      ),
      step(
        'Set the disabled service back to its default start type in the Services console (or the policy that disabled it).',
        'Remettez le service désactivé à son type de démarrage par défaut dans la console Services (ou dans la stratégie qui l’a désactivé).',
        'services.msc',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F075'],
    sources: ['facts-1.2'],
  },
  {
    code: '0x80070032',
    name: 'ERROR_NOT_SUPPORTED',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t(
      'Windows reports that the request is not supported.',
      'Windows indique que la demande n’est pas prise en charge.',
    ),
    causes: [
      reported(
        'Activating an Evaluation edition with a key for a non-evaluation edition.',
        'Activation d’une édition d’évaluation avec une clé d’édition hors évaluation.',
      ),
    ],
    fix: [
      CURRENT_EDITION,
      step(
        'If the edition ends in "Eval", convert it with your key instead of using slmgr /ipk.',
        'Si l’édition se termine par « Eval », convertissez-la avec votre clé au lieu d’utiliser slmgr /ipk.',
        'DISM /online /Set-Edition:ServerDatacenter /ProductKey:<key> /AcceptEula',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F069'],
    sources: ['facts-1.2'],
  },
  // ----- Codes whose activation meaning is only reported (§1.2, §1.3) ----------------------------------------
  {
    code: '0x803F7001',
    name: 'Store licensing 0x803F7001',
    types: ['Retail'],
    message: reported(
      'No valid digital licence or product key was found for this device.',
      'Aucune licence numérique ni clé de produit valide n’a été trouvée pour cet appareil.',
    ),
    causes: [
      t(
        'The code belongs to the Windows Store licensing facility (0x3F); it is often logged by the automatic activation of slui on retail or digital-licence devices.',
        'Le code appartient au domaine de licences du Windows Store (0x3F) ; il est souvent journalisé par l’activation automatique de slui sur les appareils à licence de détail ou numérique.',
      ),
    ],
    fix: [
      ELEVATE,
      INSTALL_KEY('product key'),
      ACTIVATE,
      step(
        'Without a key, run the activation troubleshooter.',
        'Sans clé, lancez l’utilitaire de résolution des problèmes d’activation.',
        'start ms-settings:activation',
      ),
    ],
    escalate: false,
    related: ['0xC004F213'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0x803FA067',
    name: 'Store licensing 0x803FA067',
    types: ['Retail'],
    message: reported(
      'An edition upgrade or its activation failed (for example Home to Pro).',
      'Une mise à niveau d’édition ou son activation a échoué (par exemple Famille vers Professionnel).',
    ),
    causes: [
      t(
        'The code belongs to the Windows Store licensing facility (0x3F); Microsoft publishes no meaning for it.',
        'Le code appartient au domaine de licences du Windows Store (0x3F) ; Microsoft n’en publie pas la signification.',
      ),
    ],
    fix: [
      SLUI_TEXT('0x803FA067'),
      CURRENT_EDITION,
      step(
        'Make sure the key you enter is for the edition you are upgrading to, then enter it again.',
        'Vérifiez que la clé saisie correspond à l’édition visée par la mise à niveau, puis saisissez-la à nouveau.',
        'start ms-settings:activation',
      ),
    ],
    escalate: false,
    related: ['0xC004F210'],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0x87E10BC6',
    name: 'Licensing service 0x87E10BC6',
    types: ['Retail'],
    message: reported(
      'The activation server or licensing service had a problem.',
      'Le serveur d’activation ou le service de licences a rencontré un problème.',
    ),
    causes: [
      t(
        'Facility 0x7E1 is not one Windows can decode (slui says "Unknown facility code 0x7E1").',
        'Le domaine 0x7E1 n’est pas décodable par Windows (slui répond « Unknown facility code 0x7E1 »).',
      ),
    ],
    fix: [
      step('Wait a while and try again.', 'Patientez un moment et réessayez.', 'slmgr /ato'),
      step(
        'If it persists, run the activation troubleshooter.',
        'Si le problème persiste, lancez l’utilitaire de résolution des problèmes d’activation.',
        'start ms-settings:activation',
      ),
    ],
    escalate: false,
    related: [],
    sources: ['facts-1.2', 'facts-1.3'],
  },
  {
    code: '0x8004FE33',
    name: 'Undocumented 0x8004FE33',
    types: ['Retail', 'MAK', 'KMS client'],
    message: reported(
      'A Software Licensing code for which no source we know gives a meaning.',
      'Un code de gestion des licences dont aucune source connue ne donne la signification.',
    ),
    causes: [
      t(
        'It is not in slerror.h nor in Microsoft’s activation articles; its neighbour 0x8004FE21 is a genuine-validation code, which hints at a genuine check.',
        'Il ne figure ni dans slerror.h ni dans les articles d’activation de Microsoft ; son voisin 0x8004FE21 est un code de validation d’authenticité, ce qui évoque une vérification d’authenticité.',
      ),
    ],
    fix: [SLUI_TEXT('0x8004FE33'), SHOW_LICENSE],
    escalate: false,
    related: ['0x8004FE21'],
    sources: ['facts-1.2'],
  },
  // ----- Retail/consumer codes (§1.3) -------------------------------------------------------------------
  {
    code: '0x800704CF',
    name: 'ERROR_NETWORK_UNREACHABLE',
    types: ['Retail', 'MAK'],
    message: reported(
      'The network location cannot be reached, so Windows could not contact the activation service.',
      'L’emplacement réseau est inaccessible : Windows n’a pas pu contacter le service d’activation.',
    ),
    causes: [
      t(
        'No working network path: disconnected adapter, proxy or firewall.',
        'Pas de chemin réseau fonctionnel : carte déconnectée, proxy ou pare-feu.',
      ),
    ],
    fix: [
      step(
        'Check connectivity from the machine.',
        'Vérifiez la connectivité depuis la machine.',
        'Test-NetConnection www.microsoft.com -Port 443',
      ),
      ACTIVATE,
      step(
        'If the machine must stay offline, activate by phone.',
        'Si la machine doit rester hors ligne, activez-la par téléphone.',
        'slui 4',
      ),
    ],
    escalate: false,
    related: ['0x80072EE2'],
    sources: ['facts-1.3'],
  },
  {
    code: '0x80004005',
    name: 'E_FAIL',
    types: ['Retail', 'MAK', 'KMS client'],
    message: t('Unspecified error.', 'Erreur non spécifiée.'),
    causes: [
      t(
        'A generic failure code: the real cause is in the licensing events, not in the code itself.',
        'Un code d’échec générique : la vraie cause se trouve dans les événements de licences, pas dans le code lui-même.',
      ),
    ],
    fix: [
      step(
        'Read the latest activation failure events (8198) for a more precise inner code.',
        'Lisez les derniers événements d’échec d’activation (8198) pour obtenir un code interne plus précis.',
        "Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='Security-SPP'; Id=8198} -MaxEvents 5",
      ),
      SHOW_LICENSE,
      step(
        'Restart the licensing service and retry.',
        'Redémarrez le service de licences et réessayez.',
        'Restart-Service sppsvc',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: [],
    sources: ['facts-1.3'],
  },
  keyRefused(
    '0xC004C004',
    'SL_E_CHPA_INVALID_PRODUCT_KEY',
    t(
      'The activation server says the product key is invalid.',
      'Le serveur d’activation indique que la clé de produit n’est pas valide.',
    ),
    t(
      'The activation server does not recognise the key.',
      'Le serveur d’activation ne reconnaît pas la clé.',
    ),
  ),
  keyRefused(
    '0xC004F004',
    'SL_E_MISMATCHED_PKEY_RANGE',
    t(
      'The product key does not match the range this licence accepts.',
      'La clé de produit ne correspond pas à la plage acceptée par cette licence.',
    ),
    t(
      'The key is for another product or edition.',
      'La clé est destinée à un autre produit ou une autre édition.',
    ),
  ),
  keyRefused(
    '0xC004C007',
    'SL_E_CHPA_UNSUPPORTED_PRODUCT_KEY',
    t(
      'The activation server does not support this product key.',
      'Le serveur d’activation ne prend pas en charge cette clé de produit.',
    ),
    t(
      'The key cannot be activated online (wrong product, version or channel).',
      'La clé ne peut pas être activée en ligne (mauvais produit, version ou canal).',
    ),
  ),
  keyRefused(
    '0xC004F005',
    'SL_E_MISMATCHED_PID',
    t(
      'The product key does not match the key this licence expects.',
      'La clé de produit ne correspond pas à celle attendue par cette licence.',
    ),
    t(
      'The key is for another product or edition.',
      'La clé est destinée à un autre produit ou une autre édition.',
    ),
  ),
  keyRefused(
    '0xC004C00F',
    'SL_E_CHPA_INVALID_PRODUCT_KEY_FORMAT',
    t('The product key is not in a valid format.', 'La clé de produit n’a pas un format valide.'),
    t('The key was entered in a wrong format.', 'La clé a été saisie dans un mauvais format.'),
  ),
  keyRefused(
    '0xC004C010',
    'SL_E_CHPA_INVALID_PRODUCT_KEY_CHAR',
    t(
      'The product key contains an invalid character.',
      'La clé de produit contient un caractère non valide.',
    ),
    t(
      'A character that is not allowed in keys was typed or pasted (for example a long dash instead of a hyphen).',
      'Un caractère interdit dans les clés a été tapé ou collé (par exemple un tiret long au lieu d’un trait d’union).',
    ),
  ),
  keyRefused(
    '0xC004C00E',
    'SL_E_CHPA_INVALID_PRODUCT_KEY_LENGTH',
    t('The product key has the wrong length.', 'La clé de produit n’a pas la bonne longueur.'),
    t(
      'A character is missing or extra: a key has five groups of five.',
      'Un caractère manque ou est en trop : une clé compte cinq groupes de cinq.',
    ),
  ),
  keyRefused(
    '0xC004C4A4',
    'SL_E_MISMATCHED_KEY_TYPES',
    t('The product key type is not valid here.', 'Le type de clé de produit n’est pas valide ici.'),
    t(
      'The key’s type (retail, OEM, volume) does not fit this installation.',
      'Le type de la clé (détail, OEM, volume) ne convient pas à cette installation.',
    ),
  ),
  keyRefused(
    '0xC004C4A5',
    'SL_E_VALIDATION_INVALID_PRODUCT_KEY',
    t(
      'Genuine validation found the product key invalid.',
      'La validation d’authenticité a jugé la clé de produit non valide.',
    ),
    t('The key failed Microsoft’s validation.', 'La clé n’a pas passé la validation de Microsoft.'),
  ),
  keyRefused(
    '0xC004B001',
    'SL_E_SRV_INVALID_PUBLISH_LICENSE',
    t(
      'The activation server found the licence invalid.',
      'Le serveur d’activation a jugé la licence non valide.',
    ),
    t(
      'The activation server rejected the licence sent with the key.',
      'Le serveur d’activation a rejeté la licence envoyée avec la clé.',
    ),
  ),
  keyRefused(
    '0xC004F010',
    'SL_E_INVALID_PKEY',
    t('The product key is invalid.', 'La clé de produit n’est pas valide.'),
    t(
      'Windows rejected the key before contacting any server.',
      'Windows a rejeté la clé avant même de contacter un serveur.',
    ),
  ),
  // ----- Informational codes (§1.4) ------------------------------------------------------------------------
  {
    code: '0x4004F00C',
    name: 'SL_I_OOB_GRACE_PERIOD',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'Not an error: Windows is running within its initial grace period and still needs to be activated.',
      'Ce n’est pas une erreur : Windows fonctionne pendant sa période de grâce initiale et doit encore être activé.',
    ),
    causes: [
      t(
        'Windows was installed and not yet activated; KMS clients retry every two hours during the 30-day grace.',
        'Windows a été installé et pas encore activé ; les clients KMS réessaient toutes les deux heures pendant les 30 jours de grâce.',
      ),
    ],
    fix: [
      step('See when the grace period ends.', 'Regardez quand la période de grâce se termine.', 'slmgr /xpr'),
      ACTIVATE,
    ],
    escalate: false,
    informational: true,
    related: ['0xC004F009'],
    sources: ['facts-1.4'],
  },
  {
    code: '0x4004F00D',
    name: 'SL_I_OOT_GRACE_PERIOD',
    types: ['MAK', 'KMS client', 'Retail'],
    message: t(
      'Not an error: Windows is in its out-of-tolerance grace period and must be reactivated.',
      'Ce n’est pas une erreur : Windows est dans sa période de grâce hors tolérance et doit être réactivé.',
    ),
    causes: [
      t(
        'The hardware changed beyond tolerance, or the KMS activation expired (License Status "Additional grace period").',
        'Le matériel a changé au-delà de la tolérance, ou l’activation KMS a expiré (état de licence « Additional grace period »).',
      ),
    ],
    fix: [
      step('See when the grace period ends.', 'Regardez quand la période de grâce se termine.', 'slmgr /xpr'),
      ACTIVATE,
    ],
    escalate: false,
    informational: true,
    related: ['0xC004F00F'],
    sources: ['facts-1.4'],
  },
  {
    code: '0x4004F040',
    name: 'SL_E_VL_INFO_PRODUCT_USER_RIGHT',
    types: ['MAK', 'KMS client', 'KMS host'],
    message: t(
      'Not an error: the product is activated, but the owner should check the Product Use Rights.',
      'Ce n’est pas une erreur : le produit est activé, mais son propriétaire doit vérifier les droits d’utilisation du produit.',
    ),
    causes: [
      t(
        'Activation succeeded; Windows reminds you that volume licences come with usage terms.',
        'L’activation a réussi ; Windows rappelle que les licences en volume s’accompagnent de conditions d’utilisation.',
      ),
    ],
    fix: [
      step(
        'Confirm that the activated product is covered by your licensing agreement; nothing needs fixing technically.',
        'Vérifiez que le produit activé est couvert par votre contrat de licence ; rien n’est à corriger techniquement.',
        'slmgr /dli',
      ),
    ],
    escalate: false,
    informational: true,
    related: [],
    sources: ['facts-1.4'],
  },
];

function reportedStep(en: string, fr: string, command?: string): FixStep {
  const text = reported(en, fr);
  return command === undefined ? { text } : { text, command };
}
