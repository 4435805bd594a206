/**
 * One support conversation per scenario, in English and in French: what an admin would post in the channel
 * (a story, a code, or a paste), and the scenario the bot must put first. Adding a scenario means adding its
 * entry in src/knowledge/scenarios/data and its two messages here.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { SCENARIOS } from '../../src/knowledge/scenarios/index.js';

const ASKED: Record<string, { en: string; fr: string }> = {
  // --- KMS clients -------------------------------------------------------------------------------------
  'kms-srv-missing': {
    en: 'Clients fail with 0x8007232B "DNS name does not exist" and nslookup _vlmcs returns nothing. We do have a KMS server.',
    fr: 'Les postes échouent avec 0x8007232B, le nom DNS n’existe pas et nslookup _vlmcs ne renvoie rien.',
  },
  'kms-port-blocked': {
    en: 'slmgr /ato gives 0x800706BA, the RPC server is unavailable. The KMS server is reachable by ping but I think the firewall blocks port 1688.',
    fr: 'slmgr /ato renvoie 0x800706BA, le serveur RPC n’est pas disponible. Je pense que le pare-feu bloque le port 1688 vers le serveur KMS.',
  },
  'kms-clock-skew': {
    en: 'Restored a VM from backup and now activation fails with 0xC004F06C; the clock on it is off by hours.',
    fr: 'VM restaurée depuis une sauvegarde, l’activation échoue avec 0xC004F06C ; l’heure système est décalée de plusieurs heures.',
  },
  'kms-error-on-non-kms-key': {
    en: `Getting 0xC004F074 on this box:
Name: Windows(R), ServerStandard edition
Description: Windows(R) Operating System, RETAIL channel
Partial Product Key: 3V66T
License Status: Notification`,
    fr: `0xC004F074 sur ce serveur :
Nom : Windows(R), ServerStandard edition
Description : Windows(R) Operating System, RETAIL channel
Clé de produit partielle : 3V66T
État de la licence : Notification`,
  },
  'kms-wrong-host': {
    en: 'We replaced our KMS server last month. Clients still go to the old KMS box: the registered KMS machine name is the decommissioned server.',
    fr: 'Nous avons remplacé notre serveur KMS le mois dernier ; les clients pointent encore vers l’ancien serveur KMS décommissionné.',
  },
  'kms-validity-expired': {
    en: 'Laptops off the network for months lost activation; those remote users never connect to the VPN.',
    fr: 'Des portables hors réseau depuis des mois ont perdu l’activation, ces utilisateurs distants ne se connectent jamais au VPN.',
  },
  'mak-error-on-kms-client': {
    en: `slmgr /ato says 0xC004C003 and /dlv shows:
Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
Partial Product Key: 6YTK4`,
    fr: `slmgr /ato renvoie 0xC004C003 et /dlv affiche :
Description : Windows(R) Operating System, VOLUME_KMSCLIENT channel
Clé de produit partielle : 6YTK4`,
  },
  // --- KMS host ----------------------------------------------------------------------------------------
  'kms-count-low': {
    en: 'Why 0xC004F038? We only have 3 Windows 10 machines on the KMS host so far.',
    fr: 'Pourquoi 0xC004F038 ? Nous n’avons que 3 postes Windows 10 sur l’hôte KMS pour l’instant, le compteur KMS est insuffisant.',
  },
  'kms-host-key-coverage': {
    en: 'New Windows Server 2022 VMs get 0xC004F042 from our KMS host, older servers activate fine.',
    fr: 'Les nouvelles VM Windows Server 2022 reçoivent 0xC004F042 de notre hôte KMS, les anciens serveurs s’activent bien.',
  },
  'kms-host-not-activated': {
    en: 'All clients get 0xC004F041: the Software Protection Service determined that the Key Management Server is not activated.',
    fr: 'Tous les clients reçoivent 0xC004F041 : le serveur de gestion des clés n’est pas activé.',
  },
  'csvlk-host-update-needed': {
    en: 'Cannot install the Windows Server 2022 CSVLK on our 2016 KMS host: slmgr /ipk says 0xC004F050. Does the KMS host need an update to accept the new key?',
    fr: 'Impossible d’installer la CSVLK 2022 sur notre hôte KMS 2016 : slmgr /ipk renvoie 0xC004F050. L’hôte KMS doit-il être mis à jour pour accepter la nouvelle clé ?',
  },
  'kms-count-split': {
    en: 'We added a second KMS server and now neither activates anyone: each of the two KMS hosts shows a low count.',
    fr: 'Nous avons ajouté un second serveur KMS et plus aucun n’active : chacun des deux hôtes KMS a un compteur bas.',
  },
  'kms-host-retirement': {
    en: 'We are retiring our KMS host (2012 R2, end of life). What is the plan to move KMS to a new server?',
    fr: 'Nous retirons notre hôte KMS (2012 R2 en fin de vie). Comment déplacer le KMS vers un nouveau serveur ?',
  },
  'adba-activation': {
    en: 'We want Active Directory based activation for the forest, but the DCs are offline: how do we use ad-activation-get-IID?',
    fr: 'Nous voulons l’activation basée sur Active Directory mais la forêt est hors ligne : comment créer l’objet d’activation dans AD ?',
  },
  'csvlk-on-client': {
    en: 'Some workstations publish _vlmcs SRV records: someone used the CSVLK instead of the client key on them.',
    fr: 'Des postes publient des enregistrements SRV _vlmcs : quelqu’un a utilisé la CSVLK au lieu de la clé client.',
  },
  // --- keys, MAK ---------------------------------------------------------------------------------------
  'key-blocked': {
    en: 'Error: 0xC004C003 The activation server determined the specified product key is blocked.',
    fr: 'Erreur : 0xC004C003 Le serveur d’activation a déterminé que la clé de produit spécifiée est bloquée.',
  },
  'mak-quota-exhausted': {
    en: 'slmgr /ato: 0xC004C020, the MAK has no more activations left.',
    fr: 'slmgr /ato : 0xC004C020, plus d’activations disponibles sur la MAK.',
  },
  'mak-invalid': {
    en: 'Activation fails with 0xC004C001: the activation server says the key is invalid.',
    fr: 'L’activation échoue avec 0xC004C001 : le serveur d’activation dit que la clé n’est pas valide.',
  },
  'edition-key-mismatch': {
    en: 'Installing our key gives 0xC004E016; the key is for a different edition than the one installed.',
    fr: 'L’installation de notre clé donne 0xC004E016, la clé est pour une autre édition que celle installée.',
  },
  'key-format-invalid': {
    en: 'slmgr /ipk gives 0xC004F050, the product key is invalid. I copied it from an email.',
    fr: 'slmgr /ipk renvoie 0xC004F050, la clé de produit n’est pas valide. Je l’ai copiée depuis un mail.',
  },
  'mak-proxy-vamt': {
    en: 'VAMT proxy activation fails: VAMT cannot reach the computers and shows duplicate computers.',
    fr: 'L’activation par proxy VAMT échoue : VAMT ne joint pas les ordinateurs et affiche des ordinateurs en double.',
  },
  'online-activation-network': {
    en: 'slmgr /ato fails with 0x80072EE7, the server name could not be resolved; everything goes through a proxy here.',
    fr: 'slmgr /ato échoue avec 0x80072EE7 : le nom du serveur n’a pas pu être résolu, tout passe par un proxy chez nous.',
  },
  'phone-activation': {
    en: 'This server is on an air gapped network with no internet. How do we activate it by phone?',
    fr: 'Ce serveur est sur un réseau isolé sans internet. Comment l’activer par téléphone ?',
  },
  'not-elevated': {
    en: 'slmgr /ato says 0xC004F025, access denied. I ran it from a normal command prompt, not as administrator.',
    fr: 'slmgr /ato renvoie 0xC004F025, accès refusé. Je l’ai lancé dans une invite normale, pas en administrateur.',
  },
  'dcom-self-access': {
    en: 'Access denied 0x80070005 even as administrator from an elevated prompt; event 8229 mentions SLUI with 0x80070005.',
    fr: 'Accès refusé 0x80070005 même en administrateur ; l’événement 8229 mentionne SLUI 0x80070005, les autorisations DCOM ont été modifiées.',
  },
  'non-genuine-tampered': {
    en: 'Before I joined, someone patched the licensing files on these PCs with a script from the internet; now Windows says it is not genuine.',
    fr: 'Avant mon arrivée, quelqu’un a modifié les fichiers de licence de ces PC avec un script trouvé sur internet ; maintenant Windows se dit non authentique.',
  },
  'licensing-permissions-registry': {
    en: 'slmgr /dlv fails with 0x8007000D, the data is invalid, right after our security baseline changed registry permissions.',
    fr: 'slmgr /dlv échoue avec 0x8007000D, les données ne sont pas valides, juste après que notre base de sécurité a modifié les autorisations du registre.',
  },
  // --- evaluation ----------------------------------------------------------------------------------------
  'eval-conversion-unfinished': {
    en: `slmgr /ipk with our key says 0xC004F069, and DISM shows:
Current Edition : ServerStandardEval`,
    fr: `slmgr /ipk avec notre clé renvoie 0xC004F069 et DISM affiche :
Édition actuelle : ServerStandardEval`,
  },
  'eval-dc-cannot-convert': {
    en: 'DISM set-edition on a domain controller fails; the server is an evaluation DC we want to convert.',
    fr: 'DISM set-edition sur un contrôleur de domaine échoue ; c’est un DC d’évaluation que nous voulons convertir.',
  },
  'eval-standard-core-datacenter-core': {
    en: `Trying to convert our Server Core eval to Standard, DISM only offers Datacenter:
C:\\>DISM /online /Get-CurrentEdition
Current Edition : ServerStandardEvalCor
C:\\>DISM /online /Get-TargetEditions
Target Edition : ServerDatacenterCor`,
    fr: `On veut convertir notre évaluation Server Core en Standard, DISM ne propose que Datacenter :
C:\\>DISM /online /Get-CurrentEdition
Édition actuelle : ServerStandardEvalCor
C:\\>DISM /online /Get-TargetEditions
Édition cible : ServerDatacenterCor`,
  },
  'no-datacenter-to-standard': {
    en: 'We installed Datacenter by mistake and only own Standard licences: can we convert Datacenter to Standard with DISM?',
    fr: 'Nous avons installé Datacenter par erreur et n’avons que des licences Standard : peut-on convertir Datacenter en Standard ?',
  },
  'eval-no-target-edition': {
    en: 'DISM /online /Get-TargetEditions shows nothing on our evaluation server, no target editions listed.',
    fr: 'DISM /online /Get-TargetEditions n’affiche rien sur notre serveur d’évaluation, aucune édition cible.',
  },
  'dism-set-edition-failed': {
    en: 'DISM /Set-Edition fails with error 1168, element not found.',
    fr: 'DISM /Set-Edition échoue avec l’erreur 1168, élément introuvable.',
  },
  'eval-expired-shutdown': {
    en: 'The server shuts down every hour since the trial ended; the event log says wlms.exe initiated the shutdown.',
    fr: 'Le serveur s’éteint toutes les heures depuis la fin de la période d’essai ; le journal indique que wlms.exe a lancé l’arrêt.',
  },
  'eval-rearm': {
    en: 'How many rearms are left on this trial, and can I extend the evaluation period once more?',
    fr: 'Combien de réarmements restent sur cette version d’essai, et puis-je prolonger la période d’évaluation ?',
  },
  'eval-online-activation-required': {
    en: 'Lab VMs from evaluation media have no internet access and each evaluation VM without internet shuts down after an hour.',
    fr: 'Nos VM de labo depuis un média d’évaluation sans accès internet s’arrêtent au bout d’une heure.',
  },
  // --- Azure -----------------------------------------------------------------------------------------------
  'azure-kms-unreachable': {
    en: 'Our Azure VMs stopped activating since we set up forced tunneling through the on-prem firewall.',
    fr: 'Nos VM Azure ne s’activent plus depuis qu’on a mis en place le tunnel forcé vers notre pare-feu local.',
  },
  'azure-firewall-app-rule': {
    en: 'We allowed azkms.core.windows.net in the Azure Firewall application rules but the VMs still cannot activate.',
    fr: 'Nous avons autorisé azkms.core.windows.net dans les règles d’application d’Azure Firewall mais les VM ne s’activent toujours pas.',
  },
  'azure-custom-dns': {
    en: 'Azure VM on a VNet with custom DNS servers: activation gives 0x8007232A, DNS server failure.',
    fr: 'VM Azure sur un VNet avec des serveurs DNS personnalisés : l’activation donne 0x8007232A, échec du serveur DNS.',
  },
  'azure-kms-wrong-host': {
    en: 'We migrated this VM from on premises to Azure and it still points at our on-premises KMS.',
    fr: 'Nous avons migré cette VM du site local vers Azure et elle pointe encore vers notre KMS local.',
  },
  'azure-avma-key': {
    en: 'Azure VM migrated from Hyper-V: activation fails with 0xC004FD02, it still has an AVMA key.',
    fr: 'VM Azure migrée depuis Hyper-V : l’activation échoue avec 0xC004FD02, elle a encore une clé AVMA.',
  },
  'multisession-outside-azure': {
    en: 'We run Windows 11 Enterprise multi-session on our own Hyper-V hosts and those VMs never activate against our KMS.',
    fr: 'On fait tourner Windows 11 Entreprise multisession sur nos hôtes Hyper-V et ces VM ne s’activent jamais sur notre KMS.',
  },
  'azure-imds-attestation': {
    en: 'Datacenter Azure Edition shows the Activate Windows watermark while slmgr /dlv says Licensed; we use a proxy for everything.',
    fr: 'Datacenter Azure Edition affiche le filigrane Activer Windows alors que slmgr indique sous licence ; tout passe par un proxy.',
  },
  'azure-self-hosted-kms-cmid': {
    en: 'We run our own KMS server in Azure and its count stays low: all VMs come from the same marketplace image.',
    fr: 'Nous avons notre propre serveur KMS dans Azure et son compteur reste bas : toutes les VM viennent de la même image de la place de marché.',
  },
  'server-payg': {
    en: 'Can we license Windows Server pay as you go through Azure Arc instead of buying keys?',
    fr: 'Peut-on payer la licence Windows Server à l’utilisation via Azure Arc au lieu d’acheter des clés ?',
  },
  // --- licensing channels ----------------------------------------------------------------------------------
  'subscription-activation-base': {
    en: 'Windows Enterprise E3 subscription is not stepping up: E5 licence assigned but the laptops are still Pro.',
    fr: 'L’abonnement Windows Entreprise E3 ne s’applique pas : licence E5 attribuée mais les portables restent en Pro.',
  },
  'avma-requirements': {
    en: 'AVMA is not activating the guest: the Hyper-V host is Standard edition and the guest logs event 12309.',
    fr: 'AVMA n’active pas l’invité : l’hôte Hyper-V est en édition Standard.',
  },
  'home-to-pro': {
    en: 'How do I upgrade Windows Home to Pro? slmgr /ipk with the Pro key is not accepted.',
    fr: 'Comment passer de Windows Famille à Pro ? La clé Pro n’est pas acceptée avec slmgr /ipk.',
  },
  'hardware-change-reactivation': {
    en: 'I replaced the motherboard and now Windows is not activated.',
    fr: 'J’ai remplacé la carte mère et maintenant Windows n’est plus activé.',
  },
  'oem-firmware-key': {
    en: 'The laptop came with Windows Pro, the OEM key in the BIOS is not picked up and OA3xOriginalProductKey looks empty.',
    fr: 'Le portable était livré avec Windows Pro, la clé OEM du BIOS n’est pas prise et OA3xOriginalProductKey est vide.',
  },
  'oem-licence-not-transferable': {
    en: 'Our old file server died. We put the OEM key from the old server on the new server and activation is refused.',
    fr: 'L’ancien serveur est mort. On a saisi sa clé OEM sur le nouveau serveur et l’activation est refusée.',
  },
  'volume-upgrade-needs-qualifying-os': {
    en: 'Whitebox PCs bought without Windows get 0xC004F035, invalid volume license key, from our KMS.',
    fr: 'Des PC achetés sans Windows reçoivent 0xC004F035 de notre KMS : clé de licence en volume non valide.',
  },
  'retail-key-on-volume': {
    en: 'We put an MSDN retail key on our volume license media image and it will not take it.',
    fr: 'Nous avons mis une clé retail MSDN sur une image issue d’un média en licence en volume et elle est refusée.',
  },
  // --- Office ----------------------------------------------------------------------------------------------
  'office-kms-host-pack': {
    en: 'Office LTSC 2021 is not activating against KMS; our KMS host does not activate Office, we never installed the Office volume license pack.',
    fr: 'Office LTSC 2021 ne s’active pas sur le KMS ; le pack de licences en volume Office n’a jamais été installé sur l’hôte KMS.',
  },
  'office-retail-c2r': {
    en: 'Microsoft 365 Apps cannot use KMS on our terminal server: ospp.vbs shows RETAIL channel.',
    fr: 'Microsoft 365 Apps ne peut pas utiliser le KMS sur notre serveur de terminaux : ospp.vbs affiche le canal RETAIL.',
  },
  'office-kms-client': {
    en: 'Office is not activating with KMS: ospp.vbs /act fails and the Office KMS client cannot find the host.',
    fr: 'Office ne s’active pas avec le KMS : ospp.vbs /act échoue, le client KMS Office ne trouve pas l’hôte.',
  },
  'office-kms-count': {
    en: 'Office activation count insufficient: the Office KMS count is below 5.',
    fr: 'Compteur KMS Office sous 5, le seuil KMS Office n’est pas atteint.',
  },
  'office-activation-at-first-launch': {
    en: 'After deploying the image, ospp.vbs /dstatus says "No installed product keys detected" for Office.',
    fr: 'Après le déploiement de l’image, ospp.vbs n’affiche aucune clé de produit pour Office.',
  },
  // --- imaging and VDI -------------------------------------------------------------------------------------
  'kms-duplicate-cmid': {
    en: 'KMS count stuck at 1: the VMs are cloned from one template that was never generalized with sysprep.',
    fr: 'Le compteur KMS reste à 1 : les VM sont clonées depuis un modèle jamais généralisé avec sysprep.',
  },
  'clone-or-snapshot': {
    en: 'Windows says activation needed again after we restored the VM from a snapshot.',
    fr: 'Windows redemande l’activation depuis que la VM a été restaurée depuis un instantané.',
  },
  'vdi-nonpersistent': {
    en: 'Our non persistent VDI pooled desktops reactivate on every boot from the golden image.',
    fr: 'Nos bureaux VDI non persistants en pool se réactivent à chaque démarrage depuis l’image maître.',
  },
  'sysprep-rearm-limit': {
    en: 'Sysprep fails: a fatal error occurred, maximum allowed number of re-arms exceeded.',
    fr: 'Sysprep échoue : nombre maximal de réarmements dépassé, plus de réarmements.',
  },
  'answer-file-generic-key': {
    en: 'Machines deployed with MDT are not activated; the unattend.xml product key is a generic key.',
    fr: 'Les machines déployées avec MDT ne sont pas activées ; la clé de produit dans unattend.xml est une clé générique.',
  },
  // --- machine state ---------------------------------------------------------------------------------------
  'updates-pending': {
    en: 'Activation keeps failing with 0xC004F074 on a server that is not up to date, many pending Windows updates.',
    fr: 'L’activation échoue avec 0xC004F074 sur un serveur qui n’est pas à jour, beaucoup de mises à jour en attente.',
  },
  'token-store-rebuild': {
    en: 'slmgr fails with 0xC004E015, the license store looks corrupt.',
    fr: 'slmgr échoue avec 0xC004E015, le magasin de licences semble corrompu.',
  },
  'license-store-reset': {
    en: 'slmgr reports 0xC004F012, value not found in the license store, since we changed the edition.',
    fr: 'slmgr renvoie 0xC004F012, valeur introuvable dans le magasin de licences, depuis le changement d’édition.',
  },
  'already-licensed': {
    en: `Is this fine?
Name: Windows(R), ServerDatacenter edition
Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
License Status: Licensed`,
    fr: `Est-ce que c’est bon ?
Nom : Windows(R), ServerDatacenter edition
Description : Windows(R) Operating System, VOLUME_KMSCLIENT channel
État de la licence : Licencié`,
  },
  'watermark-while-licensed': {
    en: 'The Activate Windows watermark still shows although slmgr says licensed; the desktop watermark will not go away.',
    fr: 'Le filigrane Activer Windows reste alors que slmgr dit sous licence, le filigrane ne part pas.',
  },
  'wat-update-on-volume-client': {
    en: 'Windows 7 KMS clients say this copy of Windows is not genuine; KB971033 got installed on them.',
    fr: 'Les clients KMS Windows 7 affichent « cette copie de Windows n’est pas authentique » ; KB971033 est installée.',
  },
  'essentials-compliance-shutdown': {
    en: 'Our Windows Server Essentials server shuts down and the event says silsvc.exe initiated the shutdown.',
    fr: 'Notre serveur Windows Server Essentials s’arrête, l’événement indique que silsvc.exe a lancé l’arrêt.',
  },
};

describe('every scenario has its support conversation', () => {
  it('in both languages, and no conversation names a scenario that does not exist', () => {
    expect(Object.keys(ASKED).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
  });
});

describe.each(Object.entries(ASKED))('%s', (id, asked) => {
  it.each(['en', 'fr'] as const)('is the first answer when asked in %s, in that language', (lang) => {
    const d = diagnose(asked[lang]);
    expect(d.lang).toBe(lang);
    expect(d.findings.map((f) => f.id).slice(0, 3)).toContain(id);
    expect(d.findings[0]?.id).toBe(id);
  });
});

describe('the DISM edition separates a Standard Core evaluation from other unconverted evaluations', () => {
  const dism = (edition: string) =>
    `C:\\>DISM /online /Get-CurrentEdition\n\nCurrent edition is:\n\nCurrent Edition : ${edition}\n\nThe operation completed successfully.`;

  it('leads with the Datacenter Core limit when the current edition is ServerStandardEvalCor', () => {
    expect(diagnose(dism('ServerStandardEvalCor')).findings[0]?.id).toBe(
      'eval-standard-core-datacenter-core',
    );
  });

  it('keeps the plain conversion answer for a Desktop Experience Standard evaluation', () => {
    const ids = diagnose(dism('ServerStandardEval')).findings.map((f) => f.id);
    expect(ids[0]).toBe('eval-conversion-unfinished');
    expect(ids).not.toContain('eval-standard-core-datacenter-core');
  });
});
