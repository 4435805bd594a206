/**
 * The volume-activation codes: every row of Microsoft's error table (seed 003, French) and of section 1.1 of the
 * fact sheet, explained in our own words in English and French. Where the seed and the fact sheet disagree, the
 * fact sheet's verified facts win and the seed's resolution route (Activation Centers, phone activation) stays.
 * Commands are kept verbatim with placeholders in angle brackets; no product key is ever written out.
 */
import type { CatalogueEntryInput, FixStep } from '../types.js';
import {
  ACTIVATE,
  BRING_AGREEMENT,
  BRING_DLV,
  BRING_ERROR,
  BRING_IID,
  BRING_KEY_CASE,
  BRING_PARTIAL_KEY,
  l,
  step,
} from './phrasing.js';

// ---------------------------------------------------------------------------------------------------------
// Fix steps shared by several codes.
// ---------------------------------------------------------------------------------------------------------

const SHOW_PARTIAL_KEY = step(
  'Check which key is installed: compare the "Partial Product Key" (last five characters) with the key listed in your Volume Licensing portal (Microsoft 365 admin center).',
  "Vérifiez quelle clé est installée : comparez la clé de produit partielle (cinq derniers caractères) avec celle qui figure dans votre portail de licences en volume (centre d'administration Microsoft 365).",
  'slmgr /dli',
);

const INSTALL_MAK = step(
  'From an elevated command prompt, install the MAK, typed by hand rather than pasted.',
  "Depuis une invite de commandes ouverte en administrateur, installez la clé MAK en la saisissant à la main plutôt qu'en la collant.",
  'slmgr /ipk <MAK>',
);

const PHONE_SHOW_IID = step(
  'Phone activation: display the Installation ID and read it to the Microsoft activation line (or use the slui 4 wizard).',
  "Activation par téléphone : affichez l'ID d'installation et communiquez-le au service d'activation de Microsoft (ou passez par l'assistant slui 4).",
  'slmgr /dti',
);

const PHONE_ENTER_CID = step(
  'Enter the Confirmation ID you are given (48 digits, read out as 8 groups of 6).',
  "Saisissez l'ID de confirmation qui vous est donné (48 chiffres, dictés en 8 blocs de 6).",
  'slmgr /atp <Confirmation ID>',
);

const CALL_ACTIVATION_CENTER = (en: string, fr: string): FixStep =>
  step(
    `Contact a Microsoft Licensing Activation Center: ${en}`,
    `Contactez un centre d'activation des licences Microsoft : ${fr}`,
  );

const CHECK_SRV = step(
  'From the client, look up the KMS SRV record (_vlmcs._tcp, port 1688) in its DNS domain.',
  "Depuis le client, recherchez l'enregistrement SRV du KMS (_vlmcs._tcp, port 1688) dans son domaine DNS.",
  'nslookup -type=SRV _vlmcs._tcp',
);

const TEST_PORT = step(
  'Check that the client reaches the KMS host on TCP 1688: the result must show TcpTestSucceeded : True.',
  "Vérifiez que le client joint l'hôte KMS sur le port TCP 1688 : le résultat doit afficher TcpTestSucceeded : True.",
  'Test-NetConnection <KMS host FQDN> -Port 1688',
);

const OPEN_FIREWALL = step(
  'On the KMS host, allow inbound TCP 1688: the KMS exception of Windows Firewall exists but is not enabled automatically; this rule does the same job.',
  "Sur l'hôte KMS, autorisez le trafic entrant sur TCP 1688 : l'exception KMS du pare-feu Windows existe mais n'est pas activée d'office ; cette règle joue le même rôle.",
  'New-NetFirewallRule -DisplayName "KMS (TCP 1688)" -Direction Inbound -Protocol TCP -LocalPort 1688 -Action Allow',
);

const SET_KMS_HOST = step(
  'Bypass DNS discovery by naming the KMS host on the client, then activate.',
  "Contournez la découverte DNS en indiquant l'hôte KMS directement sur le client, puis lancez l'activation.",
  'slmgr /skms <KMS host FQDN>:1688',
);

const ENABLE_DNS_PUBLISHING = step(
  'Make sure a KMS host exists and publishes its SRV record in DNS (on by default); run this on the host if publishing was turned off.',
  "Assurez-vous qu'un hôte KMS existe et publie son enregistrement SRV dans le DNS (option active par défaut) ; exécutez cette commande sur l'hôte si la publication a été désactivée.",
  'slmgr /sdns',
);

const TRIAGE_SKMS = step(
  'To narrow it down: if /skms with the FQDN works, the SRV record is at fault; if only /skms with the IP address works, name resolution is; if neither works, look at the firewall and port 1688.',
  "Pour cerner le problème : si /skms avec le FQDN fonctionne, c'est l'enregistrement SRV qui pèche ; si seul /skms avec l'adresse IP fonctionne, c'est la résolution de noms ; si rien ne marche, regardez le pare-feu et le port 1688.",
);

// ---------------------------------------------------------------------------------------------------------
// The entries, in the order of Microsoft's table, then the code only the fact sheet lists.
// ---------------------------------------------------------------------------------------------------------

export const VOLUME_ENTRIES: CatalogueEntryInput[] = [
  {
    code: '0xC004C001',
    name: 'SL_E_CHPA_PRODUCT_KEY_OUT_OF_RANGE',
    types: ['MAK'],
    message: l(
      'The activation server says the product key is not valid.',
      "Le serveur d'activation indique que la clé de produit n'est pas valide.",
    ),
    causes: [
      l(
        'The MAK that was entered is invalid: a typing mistake, or a key that is not the MAK Microsoft issued for this product.',
        "La clé MAK saisie n'est pas valide : faute de frappe, ou clé qui n'est pas la MAK délivrée par Microsoft pour ce produit.",
      ),
    ],
    fix: [
      SHOW_PARTIAL_KEY,
      INSTALL_MAK,
      ACTIVATE,
      CALL_ACTIVATION_CENTER(
        'if the key is still refused, they can confirm whether it is valid.',
        'si la clé est toujours refusée, ils peuvent confirmer sa validité.',
      ),
    ],
    escalate: true,
    bring: BRING_KEY_CASE,
    related: ['0xC004B100', '0xC004C003', '0xC004F050'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004C003',
    name: 'SL_E_CHPA_PRODUCT_KEY_BLOCKED',
    types: ['MAK', 'Retail'],
    message: l(
      'The activation server reports that the product key is blocked.',
      "Le serveur d'activation signale que la clé de produit est bloquée.",
    ),
    causes: [
      l(
        "The key has been blocked on Microsoft's activation servers, so it will no longer activate any machine.",
        "La clé a été bloquée sur les serveurs d'activation de Microsoft : elle n'activera plus aucune machine.",
      ),
    ],
    fix: [
      SHOW_PARTIAL_KEY,
      CALL_ACTIVATION_CENTER(
        'ask for a replacement MAK; only Microsoft can lift a block or issue a new key.',
        'demandez une clé MAK de remplacement ; seul Microsoft peut lever un blocage ou délivrer une nouvelle clé.',
      ),
      step(
        'Install the new key from an elevated command prompt.',
        'Installez la nouvelle clé depuis une invite de commandes ouverte en administrateur.',
        'slmgr /ipk <new MAK>',
      ),
      ACTIVATE,
    ],
    escalate: true,
    bring: BRING_KEY_CASE,
    related: ['0xC004F051', '0xC004C001', '0xC004C020'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004C008',
    name: 'SL_E_CHPA_MAXIMUM_UNLOCK_EXCEEDED',
    types: ['KMS host'],
    message: l(
      'The activation server says this product key can no longer be used: it has reached its activation limit.',
      "Le serveur d'activation refuse cette clé de produit : elle a atteint sa limite d'activations.",
    ),
    causes: [
      l(
        'The KMS host key (CSVLK) has used up its allowance: it activates at most 10 times, on no more than 6 different computers.',
        "La clé d'hôte KMS (CSVLK) a épuisé son quota : elle s'active 10 fois au maximum, sur 6 ordinateurs différents au plus.",
      ),
      l(
        'Typical triggers: the CSVLK was left in a master image, reused in a lab, or the virtual machines running KMS were rebuilt or migrated.',
        'Causes fréquentes : la CSVLK a été laissée dans une image de référence, réutilisée en labo, ou les machines virtuelles hébergeant le KMS ont été reconstruites ou migrées.',
      ),
    ],
    fix: [
      step(
        'Keep the CSVLK on your real KMS hosts only; every other volume machine should carry the KMS client setup key (GVLK) for its edition.',
        "Réservez la CSVLK à vos véritables hôtes KMS ; toutes les autres machines en volume doivent porter la clé d'installation client KMS (GVLK) de leur édition.",
        'slmgr /ipk <KMS client setup key>',
      ),
      CALL_ACTIVATION_CENTER(
        'ask them to reset or raise the activation count of the host key.',
        "demandez-leur de réinitialiser ou d'augmenter le nombre d'activations de la clé d'hôte.",
      ),
      step(
        "On an Azure virtual machine, do not use your own host key: install the KMS client setup key and activate against Azure's KMS.",
        "Sur une machine virtuelle Azure, n'utilisez pas votre propre clé d'hôte : installez la clé d'installation client KMS et activez auprès du KMS d'Azure.",
        'slmgr /skms azkms.core.windows.net:1688',
      ),
    ],
    escalate: true,
    bring: [
      BRING_PARTIAL_KEY,
      l(
        'The names of the KMS hosts on which this host key has been installed.',
        "Les noms des hôtes KMS sur lesquels cette clé d'hôte a été installée.",
      ),
      BRING_AGREEMENT,
      BRING_ERROR,
    ],
    related: ['0xC004C020', '0xC004F041'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0xC004B100',
    name: 'SL_E_SRV_GENERAL_ERROR',
    types: ['MAK'],
    message: l(
      'The activation server determined that this computer cannot be activated.',
      "Le serveur d'activation a déterminé que cet ordinateur ne peut pas être activé.",
    ),
    causes: [
      l(
        'The MAK is not supported for this product, or it is not the MAK Microsoft issued to you.',
        "La clé MAK n'est pas prise en charge pour ce produit, ou ce n'est pas la MAK que Microsoft vous a délivrée.",
      ),
    ],
    fix: [
      SHOW_PARTIAL_KEY,
      CALL_ACTIVATION_CENTER(
        'they can check that the MAK is valid for this product.',
        'ils peuvent vérifier que la clé MAK est valable pour ce produit.',
      ),
    ],
    escalate: true,
    bring: BRING_KEY_CASE,
    related: ['0xC004C001', '0xC004F050'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004C020',
    name: 'SL_E_CHPA_DMAK_LIMIT_EXCEEDED',
    types: ['MAK'],
    message: l(
      'The activation server reports that the Multiple Activation Key has used up its activations.',
      "Le serveur d'activation signale que la clé d'activation multiple (MAK) a épuisé ses activations.",
    ),
    causes: [
      l(
        'A MAK comes with a fixed number of activations, and this one has none left.',
        "Une clé MAK donne droit à un nombre fixe d'activations, et celle-ci n'en a plus.",
      ),
    ],
    fix: [
      CALL_ACTIVATION_CENTER(
        'request additional activations for this MAK.',
        'demandez des activations supplémentaires pour cette clé MAK.',
      ),
      ACTIVATE,
    ],
    escalate: true,
    bring: [
      ...BRING_KEY_CASE,
      l(
        'How many more activations you need.',
        "Le nombre d'activations supplémentaires dont vous avez besoin.",
      ),
    ],
    related: ['0xC004C021', '0xC004C003'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004C021',
    name: 'SL_E_CHPA_DMAK_EXTENSION_LIMIT_EXCEEDED',
    types: ['MAK'],
    message: l(
      'The activation server reports that the extension limit of the Multiple Activation Key has been exceeded.',
      "Le serveur d'activation signale que la limite d'extension de la clé d'activation multiple (MAK) est dépassée.",
    ),
    causes: [
      l(
        'The MAK has reached its activation limit, extensions included: by design a MAK only allows a limited number of activations.',
        "La clé MAK a atteint sa limite d'activations, extensions comprises : par conception, une MAK n'autorise qu'un nombre limité d'activations.",
      ),
    ],
    fix: [
      CALL_ACTIVATION_CENTER(
        'request more activations for this MAK.',
        "demandez davantage d'activations pour cette clé MAK.",
      ),
      ACTIVATE,
    ],
    escalate: true,
    bring: [
      ...BRING_KEY_CASE,
      l(
        'How many more activations you need.',
        "Le nombre d'activations supplémentaires dont vous avez besoin.",
      ),
    ],
    related: ['0xC004C020'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F009',
    name: 'SL_E_GRACE_TIME_EXPIRED',
    types: ['MAK'],
    message: l(
      'The Software Licensing Service reports that the grace period has expired.',
      'Le service de gestion des licences logicielles signale que la période de grâce a expiré.',
    ),
    causes: [
      l(
        'The grace period ended before Windows was activated; the system is now in Notification mode.',
        "La période de grâce s'est achevée avant l'activation de Windows ; le système est désormais en mode Notification.",
      ),
    ],
    fix: [
      step(
        'Check the license state and which key is installed.',
        "Contrôlez l'état de la licence et la clé installée.",
        'slmgr /dlv',
      ),
      step(
        'Activate online with the installed MAK.',
        'Activez en ligne avec la clé MAK installée.',
        'slmgr /ato',
      ),
      PHONE_SHOW_IID,
      PHONE_ENTER_CID,
      CALL_ACTIVATION_CENTER(
        'if activation still fails, they can help bring the machine out of Notification mode.',
        "si l'activation échoue encore, ils peuvent aider à sortir la machine du mode Notification.",
      ),
    ],
    escalate: false,
    bring: [BRING_IID, BRING_PARTIAL_KEY, BRING_ERROR],
    related: ['0xC004F064', '0xC004F00F'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F00F',
    name: 'SL_E_OUT_OF_TOLERANCE',
    types: ['MAK', 'KMS client', 'KMS host'],
    message: l(
      'The hardware ID binding is beyond the level of tolerance.',
      "La liaison à l'ID matériel dépasse le seuil de tolérance.",
    ),
    causes: [
      l(
        'Hardware was replaced or drivers were updated, so the machine no longer matches the one Windows was activated on.',
        'Du matériel a été remplacé ou des pilotes mis à jour : la machine ne correspond plus à celle sur laquelle Windows a été activé.',
      ),
    ],
    fix: [
      step(
        'With a MAK: activate again online while the out-of-tolerance grace period lasts.',
        'Avec une clé MAK : réactivez en ligne tant que dure la période de grâce hors tolérance.',
        'slmgr /ato',
      ),
      PHONE_SHOW_IID,
      PHONE_ENTER_CID,
      step(
        'With KMS (client or host): restart the computer, or force a new activation straight away.',
        "Avec KMS (client ou hôte) : redémarrez l'ordinateur, ou forcez immédiatement une nouvelle activation.",
        'slmgr /ato',
      ),
    ],
    escalate: false,
    bring: [BRING_IID],
    related: ['0xC004F009'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F014',
    name: 'SL_E_PKEY_NOT_INSTALLED',
    types: ['MAK', 'KMS client'],
    message: l(
      'The Software Licensing Service reports that no product key is available.',
      "Le service de gestion des licences logicielles signale qu'aucune clé de produit n'est disponible.",
    ),
    causes: [
      l(
        'No product key is installed on the system.',
        "Aucune clé de produit n'est installée sur le système.",
      ),
    ],
    fix: [
      step(
        'For KMS activation, install the KMS client setup key (GVLK) of this edition: Microsoft publishes the list, and volume media carry it in \\sources\\pid.txt.',
        "Pour une activation KMS, installez la clé d'installation client KMS (GVLK) de cette édition : Microsoft en publie la liste, et le support d'installation en volume la contient dans \\sources\\pid.txt.",
        'slmgr /ipk <KMS client setup key>',
      ),
      step(
        'For MAK activation, install your MAK instead.',
        'Pour une activation par clé MAK, installez plutôt votre MAK.',
        'slmgr /ipk <MAK>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F050'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F02C',
    name: 'SL_E_CIDIID_INVALID_DATA',
    types: ['MAK', 'KMS client'],
    message: l(
      'The Software Licensing Service reports that the offline activation data is badly formatted.',
      "Le service de gestion des licences logicielles signale que les données d'activation hors connexion sont mal formées.",
    ),
    causes: [
      l(
        'What was typed during phone activation is not valid, most often a Confirmation ID copied with a mistake.',
        "Les données saisies pendant l'activation par téléphone ne sont pas valides ; le plus souvent, l'ID de confirmation a été mal recopié.",
      ),
    ],
    fix: [
      step(
        'Enter the Confirmation ID again, carefully: 48 digits, read out as 8 groups of 6.',
        "Saisissez de nouveau l'ID de confirmation, avec soin : 48 chiffres, dictés en 8 blocs de 6.",
        'slmgr /atp <Confirmation ID>',
      ),
      step(
        'If it is still refused, display a fresh Installation ID and ask for a new Confirmation ID that matches it.',
        "S'il est encore refusé, affichez un nouvel ID d'installation et demandez l'ID de confirmation qui lui correspond.",
        'slmgr /dti',
      ),
    ],
    escalate: false,
    bring: [BRING_IID],
    related: ['0xC004F031', '0xC004F04D', '0xC004F07E'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F035',
    name: 'SL_E_VL_NOT_WINDOWS_SLP',
    types: ['KMS client', 'KMS host'],
    message: l(
      'The computer cannot be activated with a Volume License product key ("Invalid Volume License Key").',
      "L'ordinateur ne peut pas être activé avec une clé de produit de licence en volume (« Invalid Volume License Key »).",
    ),
    causes: [
      l(
        'Volume editions of Windows 7 are licensed as upgrades only: KMS client activation requires a qualifying operating system, which OEM computers prove with a Windows marker (SLIC) in their BIOS.',
        "Les éditions en volume de Windows 7 ne sont concédées qu'en mise à niveau : l'activation d'un client KMS exige un système d'exploitation éligible, que les ordinateurs OEM attestent par un marqueur Windows (SLIC) dans leur BIOS.",
      ),
      l(
        'This BIOS has no such marker, so a volume edition on this computer is not supported; the error text is accurate but easy to misread.',
        "Ce BIOS ne porte pas ce marqueur : une édition en volume n'est donc pas prise en charge sur cet ordinateur ; le texte de l'erreur est exact, mais prête à confusion.",
      ),
    ],
    fix: [
      step(
        'Install a MAK (or a retail key), backed by a qualifying operating system license, then activate.',
        "Installez une clé MAK (ou une clé de vente au détail), adossée à une licence de système d'exploitation éligible, puis lancez l'activation.",
        'slmgr /ipk <MAK>',
      ),
      ACTIVATE,
      step(
        'If online activation times out (0x80072EE2), switch to phone activation: display the Installation ID and give it to the Activation Center.',
        "Si l'activation en ligne expire (0x80072EE2), passez à l'activation par téléphone : affichez l'ID d'installation et transmettez-le au centre d'activation.",
        'slmgr /dti',
      ),
      PHONE_ENTER_CID,
    ],
    escalate: false,
    bring: [BRING_IID],
    related: ['0x80072EE2'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F038',
    name: 'SL_E_VL_NOT_ENOUGH_COUNT',
    types: ['KMS client'],
    message: l(
      'The count reported by the KMS host is too low to activate this computer.',
      "Le décompte renvoyé par l'hôte KMS est insuffisant pour activer cet ordinateur.",
    ),
    causes: [
      l(
        'The KMS host has not yet seen enough distinct machines: it needs a count of at least 25 to activate client editions of Windows and at least 5 for Windows Server.',
        "L'hôte KMS n'a pas encore vu assez de machines distinctes : il lui faut un décompte d'au moins 25 pour activer les éditions clientes de Windows, et d'au moins 5 pour Windows Server.",
      ),
      l(
        'Machines cloned from an image that was not generalized share one Client Machine ID (CMID), so the host counts them once and the count stays low.',
        "Des machines clonées à partir d'une image non généralisée partagent le même ID d'ordinateur client (CMID) : l'hôte ne les compte qu'une fois et le décompte reste bas.",
      ),
    ],
    fix: [
      step(
        'On the KMS host, read the current count.',
        "Sur l'hôte KMS, relevez le décompte actuel.",
        'slmgr /dli',
      ),
      step(
        'On two clients, compare the Client Machine ID (CMID) lines: identical values mean the image was not generalized.',
        'Sur deux clients, comparez les lignes « Client Machine ID (CMID) » : des valeurs identiques indiquent une image non généralisée.',
        'slmgr /dli',
      ),
      step(
        'Rebuild the master image with sysprep /generalize; on a clone already deployed, reset the licensing state and restart it.',
        "Refaites l'image de référence avec sysprep /generalize ; sur un clone déjà déployé, réinitialisez l'état de licence puis redémarrez-le.",
        'slmgr /rearm',
      ),
      step(
        'Otherwise add machines to the KMS pool until the threshold is reached; waiting clients then activate on their next attempt.',
        "Sinon, ajoutez des machines au parc KMS jusqu'à atteindre le seuil ; les clients en attente s'activeront à leur prochaine tentative.",
      ),
    ],
    escalate: false,
    related: ['0xC004F074', '0xC004F039'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0xC004F039',
    name: 'SL_E_VL_BINDING_SERVICE_NOT_ENABLED',
    types: ['KMS client'],
    message: l(
      'The computer could not be activated: the Key Management Service (KMS) is not enabled.',
      "L'ordinateur n'a pas pu être activé : le service de gestion de clés (KMS) n'est pas activé.",
    ),
    causes: [
      l(
        'The KMS host never answered the activation request.',
        "L'hôte KMS n'a pas répondu à la demande d'activation.",
      ),
      l(
        'A firewall blocks or filters TCP 1688 (the default KMS port) between the client and the host.',
        "Un pare-feu bloque ou filtre le port TCP 1688 (port KMS par défaut) entre le client et l'hôte.",
      ),
    ],
    fix: [TEST_PORT, OPEN_FIREWALL, ACTIVATE],
    escalate: false,
    related: ['0xC004F074', '0x800706BA'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0xC004F041',
    name: 'SL_E_VL_KEY_MANAGEMENT_SERVICE_NOT_ACTIVATED',
    types: ['KMS client'],
    message: l(
      'The KMS host is not activated, so it cannot activate clients.',
      "L'hôte KMS n'est pas activé et ne peut donc pas activer de clients.",
    ),
    causes: [
      l(
        'The KMS host itself has not been activated with its host key (CSVLK).',
        "L'hôte KMS n'a pas lui-même été activé avec sa clé d'hôte (CSVLK).",
      ),
    ],
    fix: [
      step(
        'On the KMS host, check its license state.',
        "Sur l'hôte KMS, vérifiez l'état de sa licence.",
        'slmgr /dlv',
      ),
      step('Activate the host online.', "Activez l'hôte en ligne.", 'slmgr /ato'),
      PHONE_SHOW_IID,
      PHONE_ENTER_CID,
    ],
    escalate: false,
    bring: [BRING_IID],
    related: ['0xC004C008', '0xC004F074'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F042',
    name: 'SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH',
    types: ['KMS client'],
    message: l(
      'The KMS host that answered cannot be used to activate this product.',
      "L'hôte KMS qui a répondu ne peut pas servir à activer ce produit.",
    ),
    causes: [
      l(
        'The client reached a KMS host whose key does not cover this product, for example a Windows Server 2016 CSVLK asked to activate Windows Server 2022.',
        'Le client a contacté un hôte KMS dont la clé ne couvre pas ce produit, par exemple une CSVLK Windows Server 2016 sollicitée pour activer Windows Server 2022.',
      ),
      l(
        'Mixed environments: separate KMS hosts for applications and for the operating system, or leftovers of an older KMS setup.',
        "Environnement mixte : hôtes KMS distincts pour les applications et pour le système d'exploitation, ou reliquats d'une ancienne infrastructure KMS.",
      ),
    ],
    fix: [
      step(
        'Point the client at a KMS host that can activate this product, then activate.',
        "Orientez le client vers un hôte KMS capable d'activer ce produit, puis lancez l'activation.",
        'slmgr /skms <KMS host FQDN>:1688',
      ),
      ACTIVATE,
      step(
        'Or clear the manual setting to return to DNS auto-discovery.',
        'Ou effacez le réglage manuel pour revenir à la découverte automatique par DNS.',
        'slmgr /ckms',
      ),
      step(
        "On the KMS host, install the update it needs, then a host key (CSVLK) recent enough for the client's version, and activate the host.",
        "Sur l'hôte KMS, installez la mise à jour requise, puis une clé d'hôte (CSVLK) assez récente pour la version du client, et activez l'hôte.",
        'slmgr /ipk <KMS host key (CSVLK)>',
      ),
    ],
    escalate: false,
    related: ['0xC004F074', '0xC004F015', '0xC004F050'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F050',
    name: 'SL_E_INVALID_PRODUCT_KEY',
    types: ['MAK', 'KMS client', 'KMS host'],
    message: l(
      'The Software Licensing Service reports that the product key is invalid.',
      "Le service de gestion des licences logicielles signale que la clé de produit n'est pas valide.",
    ),
    causes: [
      l(
        'A typing mistake in the key, or a beta key used on a released version of Windows.',
        'Une faute de frappe dans la clé, ou une clé de version bêta utilisée sur une version finale de Windows.',
      ),
      l(
        'The key was copied and pasted and its hyphens were turned into long dashes.',
        "La clé a été copiée-collée et ses traits d'union ont été remplacés par des tirets longs.",
      ),
      l(
        'On a KMS host: a newer host key (CSVLK) was installed before the update the host needs (e.g. KB3172614 on Windows Server 2012 R2, KB3172615 on Windows Server 2012).',
        "Sur un hôte KMS : une clé d'hôte (CSVLK) plus récente a été installée avant la mise à jour requise (par exemple KB3172614 sous Windows Server 2012 R2, KB3172615 sous Windows Server 2012).",
      ),
    ],
    fix: [
      step(
        'Install the key that matches this version and edition of Windows, typed by hand; if it was pasted, replace any long dash with a plain hyphen.',
        "Installez la clé qui correspond à cette version et à cette édition de Windows, en la tapant à la main ; si elle a été collée, remplacez les tirets longs par des traits d'union simples.",
        'slmgr /ipk <product key>',
      ),
      step(
        'On a KMS host, install the required update (or the latest cumulative update) before installing the newer host key.',
        "Sur un hôte KMS, installez la mise à jour requise (ou la dernière mise à jour cumulative) avant d'installer la nouvelle clé d'hôte.",
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004C001', '0xC004F042', '0xC004F014'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F051',
    name: 'SL_E_BLOCKED_PRODUCT_KEY',
    types: ['MAK', 'KMS host'],
    message: l(
      'The Software Licensing Service reports that the product key is blocked.',
      'Le service de gestion des licences logicielles signale que la clé de produit est bloquée.',
    ),
    causes: [
      l(
        'Microsoft has blocked this key on its activation server.',
        "Microsoft a bloqué cette clé sur son serveur d'activation.",
      ),
    ],
    fix: [
      step(
        'Get another MAK or KMS host key from your Volume Licensing portal (Microsoft 365 admin center) and install it.',
        "Récupérez une autre clé MAK ou clé d'hôte KMS dans votre portail de licences en volume (centre d'administration Microsoft 365) et installez-la.",
        'slmgr /ipk <new key>',
      ),
      ACTIVATE,
      CALL_ACTIVATION_CENTER(
        'if you need to know why the key was blocked or have no other key.',
        "si vous devez savoir pourquoi la clé a été bloquée ou n'avez pas d'autre clé.",
      ),
    ],
    escalate: false,
    bring: BRING_KEY_CASE,
    related: ['0xC004C003'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F064',
    name: 'SL_E_NONGENUINE_GRACE_TIME_EXPIRED',
    types: ['MAK'],
    message: l(
      'The Software Licensing Service reports that the non-genuine grace period has expired.',
      'Le service de gestion des licences logicielles signale que la période de grâce non authentique a expiré.',
    ),
    causes: [
      l(
        'Windows Activation Technologies (WAT) found that this system is not genuine, and the grace period to correct it is over.',
        "Les technologies d'activation de Windows (WAT) ont jugé ce système non authentique, et le délai de grâce pour y remédier est écoulé.",
      ),
    ],
    fix: [
      step(
        'Install a genuine MAK and activate the system.',
        'Installez une clé MAK authentique et activez le système.',
        'slmgr /ipk <MAK>',
      ),
      ACTIVATE,
      CALL_ACTIVATION_CENTER(
        'they handle non-genuine states; the Volume Activation operations guide describes the procedure.',
        "ils traitent les situations de non-authenticité ; le guide d'exploitation de l'activation en volume décrit la marche à suivre.",
      ),
    ],
    escalate: true,
    bring: [BRING_PARTIAL_KEY, BRING_DLV, BRING_AGREEMENT, BRING_ERROR],
    related: ['0xC004F065', '0xC004F009'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F065',
    aliases: ['0x4004F065'],
    name: 'SL_I_NONGENUINE_GRACE_PERIOD',
    types: ['MAK', 'KMS client'],
    message: l(
      'Windows is running within its non-genuine grace period.',
      'Windows fonctionne pendant sa période de grâce non authentique.',
    ),
    causes: [
      l(
        'Windows Activation Technologies found that the system is not genuine; it keeps working until the non-genuine grace period ends.',
        "Les technologies d'activation de Windows ont jugé le système non authentique ; il continue de fonctionner jusqu'à la fin de la période de grâce non authentique.",
      ),
    ],
    fix: [
      step(
        'Before the grace period ends, install a genuine product key and activate; otherwise the system falls into Notification mode.',
        'Avant la fin de la période de grâce, installez une clé de produit authentique et activez ; sinon, le système passera en mode Notification.',
        'slmgr /ipk <product key>',
      ),
      ACTIVATE,
    ],
    escalate: false,
    informational: true,
    related: ['0xC004F064'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0xC004F06C',
    name: 'SL_E_VL_INVALID_TIMESTAMP',
    types: ['KMS client'],
    message: l(
      'The KMS host rejected the request because its timestamp is not valid.',
      "L'hôte KMS a rejeté la demande car son horodatage n'est pas valide.",
    ),
    causes: [
      l(
        "The client's clock is too far from the KMS host's clock (more than about 4 hours according to Microsoft). Times are compared in UTC, so the time zone setting plays no part.",
        "L'horloge du client s'écarte trop de celle de l'hôte KMS (plus de 4 heures environ selon Microsoft). La comparaison se fait en UTC : le fuseau horaire n'y est pour rien.",
      ),
    ],
    fix: [
      step(
        "Measure the offset between the client's clock and the KMS host's.",
        "Mesurez l'écart entre l'horloge du client et celle de l'hôte KMS.",
        'w32tm /stripchart /computer:<KMS host FQDN> /samples:3 /dataonly',
      ),
      step(
        'Resynchronize the client with its time source (NTP server or Active Directory domain hierarchy).',
        'Resynchronisez le client avec sa source de temps (serveur NTP ou hiérarchie du domaine Active Directory).',
        'w32tm /resync',
      ),
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F074'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0x80070005',
    name: 'E_ACCESSDENIED',
    types: ['MAK', 'KMS client', 'KMS host'],
    message: l(
      'Access denied: the requested action needs elevated privileges.',
      "Accès refusé : l'action demandée nécessite des privilèges élevés.",
    ),
    causes: [
      l(
        'slmgr was run from a command prompt that is not elevated, and User Account Control stopped it.',
        "slmgr a été lancé depuis une invite de commandes sans élévation, et le contrôle de compte d'utilisateur (UAC) l'a bloqué.",
      ),
      l(
        'On a domain-joined machine, the SELF account has lost its default DCOM access permissions; event 8229 then reports 0x80070005 for SLUI.exe.',
        "Sur une machine jointe à un domaine, le compte SELF a perdu ses autorisations d'accès DCOM par défaut ; l'événement 8229 signale alors 0x80070005 pour SLUI.exe.",
      ),
    ],
    fix: [
      step(
        'Right-click Command Prompt, choose "Run as administrator", then run slmgr again from that window.',
        "Faites un clic droit sur l'invite de commandes, choisissez « Exécuter en tant qu'administrateur », puis relancez slmgr dans cette fenêtre.",
      ),
      step(
        'If the prompt was already elevated: open Component Services, go to My Computer > Properties > COM Security > Access Permissions > Edit Default, add SELF and allow Local Access and Remote Access.',
        "Si l'invite était déjà élevée : ouvrez les services de composants, allez dans Poste de travail > Propriétés > Sécurité COM > Autorisations d'accès > Modifier les valeurs par défaut, ajoutez SELF et autorisez l'accès local et l'accès à distance.",
        'dcomcnfg',
      ),
      step(
        'Restart the computer so the new permissions apply.',
        "Redémarrez l'ordinateur pour appliquer les nouvelles autorisations.",
        'shutdown /r /t 0',
      ),
    ],
    escalate: false,
    related: ['0xC004F025'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0x8007232A',
    name: 'DNS_ERROR_RCODE_SERVER_FAILURE',
    types: ['KMS host'],
    message: l('DNS server failure.', 'Défaillance du serveur DNS.'),
    causes: [
      l(
        'The system has network or DNS trouble: the DNS server it queried failed to answer.',
        "Le système rencontre un problème réseau ou DNS : le serveur DNS interrogé n'a pas su répondre.",
      ),
    ],
    fix: [
      step(
        'Check which DNS servers the KMS host uses and that they are reachable.',
        "Vérifiez quels serveurs DNS l'hôte KMS utilise et qu'ils sont joignables.",
        'ipconfig /all',
      ),
      step(
        'Query the KMS SRV record through those servers; the query must succeed without a server failure.',
        "Interrogez l'enregistrement SRV du KMS via ces serveurs ; la requête doit aboutir sans échec du serveur.",
        'nslookup -type=SRV _vlmcs._tcp',
      ),
      step(
        'On the KMS host, look for event 12293 (DNS publishing failed) in the Application log.',
        "Sur l'hôte KMS, recherchez l'événement 12293 (échec de publication DNS) dans le journal Application.",
        "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12293} -MaxEvents 5",
      ),
    ],
    escalate: false,
    related: ['0x8007232B', '0x80072338'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0x8007232B',
    aliases: ['0x80092328'],
    name: 'DNS_ERROR_RCODE_NAME_ERROR',
    types: ['KMS client'],
    message: l('DNS name does not exist.', "Le nom DNS n'existe pas."),
    causes: [
      l(
        'The client finds no _vlmcs._tcp SRV record in its DNS zone(s): no KMS host exists, or the host never published its record to the DNS server this client uses.',
        "Le client ne trouve aucun enregistrement SRV _vlmcs._tcp dans sa ou ses zones DNS : aucun hôte KMS n'existe, ou l'hôte n'a jamais publié son enregistrement sur le serveur DNS qu'utilise ce client.",
      ),
      l(
        'A wrong KMS host name was set with /skms, or DNS traffic is blocked.',
        "Un nom d'hôte KMS erroné a été défini avec /skms, ou le trafic DNS est bloqué.",
      ),
    ],
    fix: [
      CHECK_SRV,
      ENABLE_DNS_PUBLISHING,
      SET_KMS_HOST,
      ACTIVATE,
      TRIAGE_SKMS,
      step(
        'If there is no KMS host on this network, install a MAK and activate with it instead.',
        "S'il n'y a pas d'hôte KMS sur ce réseau, installez plutôt une clé MAK et activez avec elle.",
        'slmgr /ipk <MAK>',
      ),
    ],
    escalate: false,
    related: ['0x8007251D', '0x8007007B', '0xC004F074', '0x8007232A'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0x800706BA',
    name: 'RPC_S_SERVER_UNAVAILABLE',
    types: ['KMS client'],
    message: l('The RPC server is unavailable.', "Le serveur RPC n'est pas disponible."),
    causes: [
      l(
        'The firewall on the KMS host does not let TCP 1688 through: the KMS exception was never enabled.',
        "Le pare-feu de l'hôte KMS ne laisse pas passer le port TCP 1688 : l'exception KMS n'a jamais été activée.",
      ),
      l(
        'Stale DNS SRV records send the client to a machine that is no longer a KMS host.',
        "Des enregistrements SRV obsolètes envoient le client vers une machine qui n'est plus un hôte KMS.",
      ),
    ],
    fix: [
      OPEN_FIREWALL,
      step(
        'Check that every SRV record points to a live KMS host; delete the stale ones.',
        'Vérifiez que chaque enregistrement SRV désigne un hôte KMS en service ; supprimez ceux qui sont périmés.',
        'nslookup -type=SRV _vlmcs._tcp',
      ),
      TEST_PORT,
      ACTIVATE,
    ],
    escalate: false,
    related: ['0xC004F039', '0xC004F074', '0x8007232B'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0x8007251D',
    name: 'DNS_INFO_NO_RECORDS',
    types: ['KMS client'],
    message: l(
      'No records were found for the DNS query.',
      "Aucun enregistrement n'a été trouvé pour la requête DNS.",
    ),
    causes: [
      l(
        'The KMS client cannot find the KMS SRV records in DNS.',
        'Le client KMS ne trouve pas les enregistrements SRV du KMS dans le DNS.',
      ),
    ],
    fix: [CHECK_SRV, ENABLE_DNS_PUBLISHING, SET_KMS_HOST, ACTIVATE, TRIAGE_SKMS],
    escalate: false,
    related: ['0x8007232B', '0x8007007B'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0xC004F074',
    name: 'SL_E_VL_BINDING_SERVICE_UNAVAILABLE',
    types: ['KMS client'],
    message: l(
      'No Key Management Service (KMS) could be contacted; the Application event log has the details.',
      "Aucun service de gestion de clés (KMS) n'a pu être contacté ; le journal des événements Application donne le détail.",
    ),
    causes: [
      l(
        'Every KMS host the client tried returned an error.',
        'Chaque hôte KMS essayé par le client a renvoyé une erreur.',
      ),
      l(
        'Usual culprits: Software Protection service (sppsvc) stopped on the host, TCP 1688 blocked, wrong or stale _vlmcs SRV or A record, clock skew (inner code 0xC004F06C), or a host too old for the client version.',
        "Suspects habituels : service Protection logicielle (sppsvc) arrêté sur l'hôte, port TCP 1688 bloqué, enregistrement SRV _vlmcs ou A erroné ou obsolète, décalage d'horloge (code interne 0xC004F06C), ou hôte trop ancien pour la version du client.",
      ),
    ],
    fix: [
      step(
        'On the client, read the 12288 events of this attempt and fix the error each one reports.',
        "Sur le client, lisez les événements 12288 de cette tentative et corrigez l'erreur que signale chacun d'eux.",
        "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12288} -MaxEvents 5",
      ),
      step(
        'On the KMS host, look for the matching 12290 event; if there is none, the request never reached the host.',
        "Sur l'hôte KMS, cherchez l'événement 12290 correspondant ; s'il n'existe pas, la demande n'est jamais arrivée jusqu'à l'hôte.",
        "Get-WinEvent -LogName 'Key Management Service' -MaxEvents 20",
      ),
      step(
        'On the KMS host, check that the Software Protection service is running.',
        "Sur l'hôte KMS, vérifiez que le service Protection logicielle est démarré.",
        'Get-Service sppsvc',
      ),
      TEST_PORT,
      CHECK_SRV,
      step(
        'If the inner code is 0xC004F06C, resynchronize the client clock; if the host is too old for this client, update it and install a newer host key.',
        "Si le code interne est 0xC004F06C, resynchronisez l'horloge du client ; si l'hôte est trop ancien pour ce client, mettez-le à jour et installez une clé d'hôte plus récente.",
        'w32tm /resync',
      ),
    ],
    escalate: false,
    related: ['0xC004F06C', '0xC004F042', '0x800706BA', '0x8007232B', '0xC004F039'],
    sources: ['seed-003', 'facts-1.1', 'facts-1.4'],
  },
  {
    code: '0x8004FE21',
    name: 'Genuine validation failure (not in slerror.h)',
    types: ['MAK', 'KMS client'],
    message: l(
      'This computer is not running genuine Windows.',
      "Cet ordinateur n'exécute pas une version authentique de Windows.",
    ),
    causes: [
      l(
        'Most often, language packs (MUI) were installed on an edition that is not licensed for extra languages. This is not necessarily tampering: some applications add multilingual support on their own.',
        "Le plus souvent, des modules linguistiques (MUI) ont été installés sur une édition qui n'en a pas la licence. Ce n'est pas forcément une falsification : certaines applications ajoutent d'elles-mêmes la prise en charge multilingue.",
      ),
      l(
        'Malware modified Windows to unlock extra features.',
        'Un logiciel malveillant a modifié Windows pour débloquer des fonctionnalités supplémentaires.',
      ),
      l('Some system files are damaged.', 'Certains fichiers système sont endommagés.'),
    ],
    fix: [
      step(
        'List the installed languages to see whether extra language packs are present.',
        'Listez les langues installées pour repérer des modules linguistiques en trop.',
        'DISM /online /Get-Intl',
      ),
      step(
        "Reinstall the operating system: it is Microsoft's documented resolution for this error.",
        "Réinstallez le système d'exploitation : c'est la résolution documentée par Microsoft pour cette erreur.",
      ),
    ],
    escalate: false,
    related: ['0xC004F064'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0x8007007B',
    name: 'ERROR_INVALID_NAME',
    types: ['KMS client'],
    message: l(
      "DNS name does not exist (Windows' generic text for this code talks about invalid file name syntax).",
      "Le nom DNS n'existe pas (le texte générique de Windows pour ce code évoque une syntaxe de nom de fichier incorrecte).",
    ),
    causes: [
      l(
        "The KMS client cannot find the KMS SRV records in DNS; Settings then says it cannot reach your organization's activation server.",
        "Le client KMS ne trouve pas les enregistrements SRV du KMS dans le DNS ; les Paramètres indiquent alors qu'ils ne peuvent pas joindre le serveur d'activation de votre organisation.",
      ),
    ],
    fix: [CHECK_SRV, ENABLE_DNS_PUBLISHING, SET_KMS_HOST, ACTIVATE, TRIAGE_SKMS],
    escalate: false,
    related: ['0x8007232B', '0x8007251D'],
    sources: ['seed-003', 'facts-1.1'],
  },
  {
    code: '0x80070490',
    name: 'ERROR_NOT_FOUND',
    types: ['MAK'],
    message: l("The product key you entered didn't work.", "La clé de produit saisie n'a pas fonctionné."),
    causes: [
      l('The MAK is not valid.', "La clé MAK n'est pas valide."),
      l(
        'A known Windows Server 2019 issue with key authentication.',
        "Un problème connu de Windows Server 2019 lors de l'authentification de la clé.",
      ),
    ],
    fix: [INSTALL_MAK, ACTIVATE],
    escalate: false,
    related: ['0xC004C001', '0xC004F050'],
    sources: ['facts-1.1'],
  },
];
