/**
 * What each finding says, per language, keyed by rule id. Logic never lives here: a translation only changes
 * words. `{name}` is replaced by the finding's params (or the language's placeholder when unknown); `{.name}`
 * expands to `.value` when known and to nothing otherwise (for `_vlmcs._tcp{.domain}`). Commands are verbatim
 * and must be identical across languages (a test checks it).
 */
import type { Lang } from '../types.js';

export interface FixText {
  readonly text: string;
  readonly command?: string;
}

export interface RuleText {
  readonly title: string;
  readonly cause: string;
  readonly fix: readonly FixText[];
}

const ACTIVATION_CENTERS = 'https://www.microsoft.com/licensing/existing-customer/activation-centers';
const SPP_EVENTS =
  "Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='Security-SPP'} -MaxEvents 50 | Format-List";

const en = {
  'kms-srv-missing': {
    title: 'No KMS host is published in DNS',
    cause:
      'The client looks up the _vlmcs._tcp SRV record to find a KMS host and gets no answer, so it has nobody to ask. Either no KMS host exists, the host does not publish itself in DNS, or the client searches a different DNS zone.',
    fix: [
      {
        text: 'On the KMS host, turn DNS publishing on, then restart the licensing service so it publishes again.',
        command: 'slmgr /sdns',
      },
      { text: 'Restart the Software Protection service on the KMS host.', command: 'Restart-Service sppsvc' },
      {
        text: 'Or create the SRV record by hand (priority 0, weight 0, port 1688) in the zone the clients use.',
        command:
          'Add-DnsServerResourceRecord -Srv -ZoneName {domain} -Name _vlmcs._tcp -DomainName {host} -Priority 0 -Weight 0 -Port 1688',
      },
      {
        text: 'Or skip discovery and point this client at the host directly, then activate.',
        command: 'slmgr /skms {host}:{port}',
      },
      { text: 'Activate again.', command: 'slmgr /ato' },
      {
        text: 'No KMS host in your organisation? Install a MAK instead of the KMS client key.',
        command: 'slmgr /ipk <MAK>',
      },
    ],
  },
  'kms-port-blocked': {
    title: 'The KMS host does not answer on TCP {port}',
    cause:
      'The client knows which host to use ({host}) but cannot open a connection to port {port}. The firewall rule for KMS is not enabled by default on the host, a network firewall or VPN tunnel filters the port, or the Software Protection service is stopped on the host.',
    fix: [
      { text: 'Check the connection from the client.', command: 'Test-NetConnection {host} -Port {port}' },
      {
        text: 'On the KMS host, check that the Software Protection service is running.',
        command: 'Get-Service sppsvc',
      },
      {
        text: 'On the KMS host, allow inbound TCP 1688.',
        command:
          'netsh advfirewall firewall add rule name="KMS TCP 1688" dir=in action=allow protocol=TCP localport=1688',
      },
      {
        text: 'Ask the network team to open TCP {port} between the client and the host (and to exempt it from forced tunnelling).',
      },
      { text: 'Activate again once the test succeeds.', command: 'slmgr /ato' },
    ],
  },
  'kms-count-low': {
    title: 'The KMS host has not reached its activation threshold',
    cause:
      'A KMS host only activates once it has seen enough distinct machines in the last 30 days: 5 for Windows Server clients, 25 for client editions of Windows. Current count: {count}; needed: {needed}.',
    fix: [
      { text: 'On the KMS host, read the current count.', command: 'slmgr /dlv' },
      {
        text: 'Point more KMS clients at this host (each one adds to the count when it asks), or use a MAK for a small estate.',
      },
      { text: 'Once the count reaches the threshold, activate again on the client.', command: 'slmgr /ato' },
    ],
  },
  'kms-duplicate-cmid': {
    title: 'Cloned machines share one Client Machine ID, so the KMS count stays low',
    cause:
      'The KMS host counts distinct Client Machine IDs (CMID). Machines copied from an image that was not generalized, or restored from the same snapshot, present the same CMID and count as one machine, so the threshold is never reached.',
    fix: [
      {
        text: 'Run this on two of the machines and compare the "Client Machine ID (CMID)" lines.',
        command: 'slmgr /dli',
      },
      {
        text: 'Check whether the image was generalized (the log should mention GENERALIZE).',
        command: 'findstr /i generalize %windir%\\System32\\sysprep\\Panther\\setupact.log',
      },
      {
        text: 'On each clone, reset the licensing state to get a fresh CMID, then reboot.',
        command: 'slmgr /rearm',
      },
      { text: 'Reboot.', command: 'shutdown /r /t 0' },
      {
        text: 'Build future images with sysprep /generalize (and without SkipRearm).',
        command: 'sysprep /generalize /oobe /shutdown',
      },
    ],
  },
  'kms-host-too-old': {
    title: 'The KMS host key is too old for {client}',
    cause:
      'The host was reached but its CSVLK does not cover this client version, so it refuses the request. {client} needs a {csvlk} CSVLK (or newer) on a host running {hostOs}, with the latest cumulative update.',
    fix: [
      {
        text: 'On the KMS host, install the latest cumulative update first (older hosts need it to accept newer CSVLKs).',
      },
      {
        text: 'Get the {csvlk} KMS host key from the Microsoft 365 admin center (Volume Licensing) and install it on the host.',
        command: 'slmgr /ipk <CSVLK>',
      },
      { text: 'Activate the host with its new key.', command: 'slmgr /ato' },
      {
        text: 'Or point the client at a newer KMS host that already holds a recent CSVLK.',
        command: 'slmgr /skms {host}:{port}',
      },
      { text: 'Activate the client again.', command: 'slmgr /ato' },
    ],
  },
  'kms-host-not-activated': {
    title: 'The KMS host itself is not activated',
    cause:
      'A KMS host only serves clients once its own CSVLK is activated with Microsoft. Until then every client request is refused.',
    fix: [
      { text: 'On the KMS host, check the licence status.', command: 'slmgr /dlv' },
      { text: 'Activate the host online.', command: 'slmgr /ato' },
      {
        text: 'Without internet access, read the Installation ID and activate by phone.',
        command: 'slmgr /dti',
      },
      { text: 'Enter the Confirmation ID you were given.', command: 'slmgr /atp <Confirmation ID>' },
    ],
  },
  'kms-clock-skew': {
    title: 'The clocks of the client and the KMS host disagree',
    cause:
      'The KMS host answered but rejected the request timestamp: the two clocks differ too much (compared in UTC, so time zones do not matter; Microsoft mentions more than 4 hours).',
    fix: [
      {
        text: 'Compare the client clock with the KMS host.',
        command: 'w32tm /stripchart /computer:{host} /samples:3 /dataonly',
      },
      {
        text: 'Resynchronize the client with its time source (domain hierarchy or NTP).',
        command: 'w32tm /resync',
      },
      { text: 'Check the time source and its status on both machines.', command: 'w32tm /query /status' },
      { text: 'Activate again.', command: 'slmgr /ato' },
    ],
  },
  'not-elevated': {
    title: 'The command was not run as administrator',
    cause:
      'Installing keys and activating change the licence store, which needs an elevated prompt. With UAC on, a normal prompt is refused even for members of Administrators.',
    fix: [
      { text: 'Open Command Prompt or PowerShell with "Run as administrator".' },
      {
        text: 'Check the prompt is elevated (the High Mandatory Level line must appear).',
        command: 'whoami /groups | findstr S-1-16-12288',
      },
      { text: 'Run the activation again from that prompt.', command: 'slmgr /ato' },
    ],
  },
  'dcom-self-access': {
    title: 'The SELF account lost its default DCOM access',
    cause:
      'Access is denied even from an elevated prompt. On domain-joined machines this happens when the SELF account was removed from the default DCOM access permissions (event 8229 names SLUI.exe with 0x80070005).',
    fix: [
      { text: 'Open Component Services.', command: 'dcomcnfg' },
      {
        text: 'Computers > My Computer > Properties > COM Security > Access Permissions > Edit Default: add SELF with Local and Remote Access allowed.',
      },
      { text: 'Reboot, then activate again.', command: 'shutdown /r /t 0' },
    ],
  },
  'mak-blocked': {
    title: 'Microsoft has blocked this product key',
    cause:
      "Microsoft's activation service refuses the key. Microsoft does not say why; in practice the key leaked or was resold, its activations were used up, or it does not match the installed edition and channel. Only Microsoft can unblock or replace it.",
    fix: [
      {
        text: 'Stop retrying with this key. Check where it comes from: the Microsoft 365 admin center (Volume Licensing) or an invoice from an authorized reseller.',
      },
      {
        text: 'Make sure the key matches the installed edition and channel.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      { text: 'Collect the licence details for Microsoft.', command: 'slmgr /dlv' },
      { text: 'Read the Installation ID (they will ask for it).', command: 'slmgr /dti' },
      { text: 'Export the licensing events.', command: SPP_EVENTS },
      {
        text: `Call a Microsoft Licensing Activation Center (${ACTIVATION_CENTERS}) with the agreement number, the proof of purchase, the output above and the last five characters of the key ({partial}). They can replace the key or confirm the block.`,
      },
    ],
  },
  'mak-quota-exhausted': {
    title: 'This MAK has no activations left',
    cause:
      'A Multiple Activation Key allows a fixed number of activations. This one has reached its limit, so Microsoft refuses new activations.',
    fix: [
      {
        text: 'Check the remaining activations in the Microsoft 365 admin center (Volume Licensing) or in VAMT.',
      },
      { text: 'Read the Installation ID for the call.', command: 'slmgr /dti' },
      {
        text: `Ask a Microsoft Licensing Activation Center (${ACTIVATION_CENTERS}) to add activations; have the agreement number and proof of purchase ready. Phone activation goes through the same agents.`,
        command: 'slui 4',
      },
      {
        text: 'For many machines, consider a KMS host or Active Directory-based activation instead of a MAK.',
      },
    ],
  },
  'csvlk-limit-exceeded': {
    title: 'The KMS host key has been used on too many hosts',
    cause:
      'A CSVLK activates at most 6 KMS hosts, each up to 10 times. Keys baked into images, reused in labs or moved with VMs reach that limit.',
    fix: [
      {
        text: `Ask a Microsoft Licensing Activation Center (${ACTIVATION_CENTERS}) to reset or raise the limit; bring the agreement number and proof of purchase.`,
      },
      {
        text: 'Never put a CSVLK in an image: clients need the published KMS client key (GVLK).',
        command: 'slmgr /ipk <GVLK>',
      },
      { text: 'On an Azure VM, use Azure KMS instead.', command: 'slmgr /skms azkms.core.windows.net:1688' },
      { text: 'Then activate.', command: 'slmgr /ato' },
    ],
  },
  'mak-invalid': {
    title: 'The product key was not accepted as valid',
    cause:
      'Microsoft does not recognise the key: usually a typo or an invisible character from a copy and paste, or a key for another product.',
    fix: [
      {
        text: 'Type the key again by hand (e-mails and PDFs insert dashes and invisible characters) from an elevated prompt.',
        command: 'slmgr /ipk <MAK>',
      },
      { text: 'Activate.', command: 'slmgr /ato' },
      {
        text: `Still refused? Confirm the key with a Microsoft Licensing Activation Center (${ACTIVATION_CENTERS}).`,
      },
    ],
  },
  'mak-error-on-kms-client': {
    title: 'A MAK error on a machine that is still a KMS client',
    cause:
      "The machine's licence channel is {channel} (a KMS client key is installed), yet the error comes from Microsoft's MAK activation service. KMS and MAK got mixed: the MAK was not installed, or the wrong route was tried. Pick one channel.",
    fix: [
      {
        text: 'Check which key is installed now (Description and Product Key Channel lines).',
        command: 'slmgr /dlv',
      },
      {
        text: 'If your organisation has a KMS host: keep the KMS client key, point the machine at the host and activate.',
        command: 'slmgr /skms {host}:{port}',
      },
      { text: 'Then activate through KMS.', command: 'slmgr /ato' },
      {
        text: 'If you have a MAK instead: install it, check that /dlv now shows VOLUME_MAK, then activate.',
        command: 'slmgr /ipk <MAK>',
      },
    ],
  },
  'kms-error-on-non-kms-key': {
    title: 'KMS error, but the installed key is a {keyType} key',
    cause:
      'The error belongs to KMS activation, yet the machine holds a {keyType} key ({channel}), which never activates against a KMS host. Either the machine should be a KMS client and needs the published KMS client key (GVLK) for {edition}, or it should activate with Microsoft and the KMS settings are irrelevant.',
    fix: [
      {
        text: 'To use your KMS host or Active Directory-based activation: install the published KMS client key (GVLK) for this edition.',
        command: 'slmgr /ipk <GVLK>',
      },
      { text: 'Then activate through KMS.', command: 'slmgr /ato' },
      {
        text: 'To keep the {keyType} key: clear any KMS host setting and activate online.',
        command: 'slmgr /ckms',
      },
    ],
  },
  'edition-key-mismatch': {
    title: 'The key does not match the installed edition',
    cause:
      'Edition, channel and key type must agree. The installed edition is {edition} but the key belongs to another edition or version ({keyEdition}), so the licence cannot be applied.',
    fix: [
      { text: 'Check the installed edition.', command: 'DISM /online /Get-CurrentEdition' },
      {
        text: 'Install a key for that exact edition and version (Retail, MAK, or the published KMS client key).',
        command: 'slmgr /ipk <key>',
      },
      {
        text: 'Or move to the edition the key is for, when DISM lists it as a target.',
        command: 'DISM /online /Get-TargetEditions',
      },
      { text: 'Activate.', command: 'slmgr /ato' },
    ],
  },
  'key-format-invalid': {
    title: 'The product key is invalid for this Windows',
    cause:
      'Windows rejects the key before contacting anyone: a typo, dashes turned into long dashes by a copy and paste, or a key for another version of Windows (each major version has its own keys).',
    fix: [
      {
        text: 'Type the key again by hand; do not paste it from an e-mail, chat or PDF.',
        command: 'slmgr /ipk <key>',
      },
      {
        text: 'Check that the key is for this Windows version and edition.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      { text: 'Activate.', command: 'slmgr /ato' },
    ],
  },
  'csvlk-host-update-needed': {
    title: 'The KMS host needs an update before it accepts this host key',
    cause:
      'Installing a newer CSVLK on an older KMS host fails as an invalid key until the host has the update that teaches it the newer product (for example KB3172614 on Windows Server 2012 R2).',
    fix: [
      {
        text: 'Install the latest cumulative update on the KMS host and reboot.',
        command: 'shutdown /r /t 0',
      },
      { text: 'Install the host key again.', command: 'slmgr /ipk <CSVLK>' },
      { text: 'Activate the host.', command: 'slmgr /ato' },
    ],
  },
  'eval-conversion-unfinished': {
    title: 'The evaluation edition has not been converted yet',
    cause:
      'The machine still runs {edition}. An evaluation edition does not accept retail, MAK or KMS keys through slmgr (0xC004F069): it must first be converted with DISM. An interrupted conversion (power loss, snapshot restored) leaves it in this state too.',
    fix: [
      { text: 'Check the current edition.', command: 'DISM /online /Get-CurrentEdition' },
      { text: 'List the editions it can become.', command: 'DISM /online /Get-TargetEditions' },
      {
        text: 'Convert with a key for the target edition (this takes a while and asks to reboot).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:<key> /AcceptEula',
      },
      { text: 'Reboot.', command: 'shutdown /r /t 0' },
      { text: 'Activate.', command: 'slmgr /ato' },
      {
        text: 'If an earlier conversion was interrupted, start again from a fresh VM or the image taken before the conversion.',
      },
    ],
  },
  'eval-dc-cannot-convert': {
    title: 'An evaluation domain controller cannot be converted',
    cause:
      'DISM refuses to convert a domain controller from evaluation to a licensed edition. The supported path is to move its roles to another DC and demote it.',
    fix: [
      { text: 'Add a domain controller that runs a licensed (retail or volume) edition.' },
      {
        text: 'Move the FSMO roles to it.',
        command:
          'Move-ADDirectoryServerOperationMasterRole -Identity <new-dc> -OperationMasterRole 0,1,2,3,4',
      },
      { text: 'Demote the evaluation domain controller.', command: 'Uninstall-ADDSDomainController' },
      {
        text: 'Then convert it as a member server, or retire it.',
        command: 'DISM /online /Get-TargetEditions',
      },
    ],
  },
  'eval-standard-core-datacenter-core': {
    title: 'Standard Core evaluation can only become Datacenter Core',
    cause:
      'Since Windows Server 2016, a Server Core Standard evaluation (ServerStandardEvalCor) has a single conversion target: ServerDatacenterCor. A Standard key cannot be used, and a Core installation never becomes Desktop Experience.',
    fix: [
      { text: 'Confirm the only target.', command: 'DISM /online /Get-TargetEditions' },
      {
        text: 'Convert with a Datacenter key.',
        command: 'DISM /online /Set-Edition:ServerDatacenterCor /ProductKey:<key> /AcceptEula',
      },
      { text: 'If you are licensed for Standard only, reinstall from Standard media instead.' },
    ],
  },
  'no-datacenter-to-standard': {
    title: 'Datacenter cannot be turned into Standard',
    cause:
      'The machine runs {edition} and the key is for {keyEdition}. Editions only go up: no command converts Datacenter to Standard, not even during an upgrade.',
    fix: [
      { text: 'Use a Datacenter key on this machine.', command: 'slmgr /ipk <key>' },
      { text: 'Activate.', command: 'slmgr /ato' },
      { text: 'If you are licensed for Standard only, reinstall from Standard media and move the workload.' },
    ],
  },
  'eval-no-target-edition': {
    title: 'This evaluation edition has no conversion target',
    cause:
      'DISM reports that {edition} cannot be upgraded to any edition (seen on early Windows Server 2016 Core evaluation builds). Only a reinstall fixes it.',
    fix: [
      { text: 'Confirm that no target is listed.', command: 'DISM /online /Get-TargetEditions' },
      { text: 'Reinstall from retail or volume media and move the roles and data over.' },
    ],
  },
  'dism-set-edition-failed': {
    title: 'DISM could not change the edition',
    cause:
      'DISM /Set-Edition stopped with: "{message}". The change needs a target that DISM lists for this machine, a product key valid for that target edition, and an up-to-date system.',
    fix: [
      { text: 'List the editions this machine can become.', command: 'DISM /online /Get-TargetEditions' },
      {
        text: 'Retry with a key for the target edition (the published KMS client key of that edition is accepted here; activate with your own key afterwards).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:<key> /AcceptEula',
      },
      {
        text: 'List the error lines of the DISM log to find the failing step.',
        command: 'findstr /i /c:"error" %windir%\\Logs\\DISM\\dism.log',
      },
      {
        text: 'Install the latest cumulative update, reboot and retry; if "Element not found" persists, reinstall from complete retail or volume media.',
        command: 'shutdown /r /t 0',
      },
    ],
  },
  'updates-pending': {
    title: 'Windows updates are pending',
    cause:
      'The machine is not fully updated. Several cumulative updates have fixed activation refusals and KMS compatibility, so update before going further.',
    fix: [
      {
        text: 'Install all updates (Server Core: sconfig, option 6; otherwise Settings > Windows Update).',
        command: 'sconfig',
      },
      { text: 'Reboot.', command: 'shutdown /r /t 0' },
      { text: 'Activate again.', command: 'slmgr /ato' },
    ],
  },
  'token-store-rebuild': {
    title: 'The licence store is damaged',
    cause:
      'The licence token store (tokens.dat) is corrupt or has wrong permissions, so licences cannot be read or consumed.',
    fix: [
      { text: 'Stop the Software Protection service.', command: 'net stop sppsvc' },
      {
        text: 'Rename the store so Windows rebuilds it.',
        command: 'ren %windir%\\System32\\spp\\store\\2.0\\tokens.dat tokens.bak',
      },
      { text: 'Start the service again.', command: 'net start sppsvc' },
      { text: 'Reinstall the system licence files.', command: 'slmgr /rilc' },
      { text: 'Reboot twice, then install the key and activate.', command: 'slmgr /ato' },
    ],
  },
  'license-store-reset': {
    title: 'Old licence data may survive the edition change',
    cause:
      'After an edition conversion, stale entries in the licence store can make a valid key fail. Clearing the key and its registry copy, resetting the licence state and reinstalling the key removes them. This step is disruptive: save work first.',
    fix: [
      { text: 'Remove the current key.', command: 'slmgr /upk' },
      { text: 'Clear the key from the registry.', command: 'slmgr /cpky' },
      {
        text: 'Reset the licensing state (skip this if the remaining rearm count is 0; current: {rearmCount}).',
        command: 'slmgr /rearm',
      },
      { text: 'Reboot.', command: 'shutdown /r /t 0' },
      { text: 'After the reboot, install a valid key.', command: 'slmgr /ipk <key>' },
      { text: 'Activate.', command: 'slmgr /ato' },
    ],
  },
  'clone-or-snapshot': {
    title: 'Cloned or restored machine',
    cause:
      'A clone of an activated machine, or a snapshot restored to before activation, carries a copied hardware identity. Microsoft then sees several identical activations (which can get a key blocked) and a KMS host sees one machine instead of many.',
    fix: [
      { text: 'Generalize images before cloning them.', command: 'sysprep /generalize /oobe /shutdown' },
      {
        text: 'On a clone that already exists, reset the licensing state and reboot.',
        command: 'slmgr /rearm',
      },
      {
        text: 'Do not restore snapshots taken before activation; activate again after a restore.',
        command: 'slmgr /ato',
      },
    ],
  },
  'already-licensed': {
    title: 'Windows is activated',
    cause: 'The licence status is Licensed and no error is shown: there is nothing to fix for this product.',
    fix: [
      {
        text: 'Check when the activation expires (KMS activations renew by themselves).',
        command: 'slmgr /xpr',
      },
    ],
  },
  'unknown-code': {
    title: 'Code {code} is not a documented activation failure',
    cause: 'This code is not a documented activation error. Decoded: {decoded}.',
    fix: [
      { text: 'Ask Windows for its own text for this code.', command: 'slui.exe 0x2a {code}' },
      { text: 'Paste the full licence details so the other facts can be checked.', command: 'slmgr /dlv' },
    ],
  },
} as const satisfies Record<string, RuleText>;

export type RuleTextId = keyof typeof en;

const fr: Record<RuleTextId, RuleText> = {
  'kms-srv-missing': {
    title: 'Aucun hôte KMS n’est publié dans le DNS',
    cause:
      'Le client cherche l’enregistrement SRV _vlmcs._tcp pour trouver un hôte KMS et n’obtient aucune réponse : il n’a donc personne à qui s’adresser. Soit aucun hôte KMS n’existe, soit l’hôte ne se publie pas dans le DNS, soit le client cherche dans une autre zone DNS.',
    fix: [
      {
        text: 'Sur l’hôte KMS, activez la publication DNS, puis redémarrez le service de licences pour qu’il se publie à nouveau.',
        command: 'slmgr /sdns',
      },
      {
        text: 'Redémarrez le service Protection logicielle sur l’hôte KMS.',
        command: 'Restart-Service sppsvc',
      },
      {
        text: 'Ou créez l’enregistrement SRV à la main (priorité 0, poids 0, port 1688) dans la zone utilisée par les clients.',
        command:
          'Add-DnsServerResourceRecord -Srv -ZoneName {domain} -Name _vlmcs._tcp -DomainName {host} -Priority 0 -Weight 0 -Port 1688',
      },
      {
        text: 'Ou passez outre la découverte et indiquez directement l’hôte à ce client, puis activez.',
        command: 'slmgr /skms {host}:{port}',
      },
      { text: 'Relancez l’activation.', command: 'slmgr /ato' },
      {
        text: 'Pas d’hôte KMS dans votre organisation ? Installez une clé MAK à la place de la clé client KMS.',
        command: 'slmgr /ipk <MAK>',
      },
    ],
  },
  'kms-port-blocked': {
    title: 'L’hôte KMS ne répond pas sur le port TCP {port}',
    cause:
      'Le client sait quel hôte utiliser ({host}) mais ne parvient pas à ouvrir de connexion sur le port {port}. La règle de pare-feu KMS n’est pas activée par défaut sur l’hôte, un pare-feu réseau ou un tunnel VPN filtre le port, ou le service Protection logicielle est arrêté sur l’hôte.',
    fix: [
      { text: 'Testez la connexion depuis le client.', command: 'Test-NetConnection {host} -Port {port}' },
      {
        text: 'Sur l’hôte KMS, vérifiez que le service Protection logicielle tourne.',
        command: 'Get-Service sppsvc',
      },
      {
        text: 'Sur l’hôte KMS, autorisez le trafic entrant TCP 1688.',
        command:
          'netsh advfirewall firewall add rule name="KMS TCP 1688" dir=in action=allow protocol=TCP localport=1688',
      },
      {
        text: 'Demandez à l’équipe réseau d’ouvrir TCP {port} entre le client et l’hôte (et de l’exclure du tunnel forcé).',
      },
      { text: 'Relancez l’activation une fois le test réussi.', command: 'slmgr /ato' },
    ],
  },
  'kms-count-low': {
    title: 'L’hôte KMS n’a pas atteint son seuil d’activation',
    cause:
      'Un hôte KMS n’active qu’après avoir vu assez de machines distinctes au cours des 30 derniers jours : 5 pour des clients Windows Server, 25 pour des éditions clientes de Windows. Décompte actuel : {count} ; nécessaire : {needed}.',
    fix: [
      { text: 'Sur l’hôte KMS, lisez le décompte actuel.', command: 'slmgr /dlv' },
      {
        text: 'Dirigez davantage de clients KMS vers cet hôte (chaque demande compte), ou utilisez une clé MAK pour un petit parc.',
      },
      { text: 'Une fois le seuil atteint, relancez l’activation sur le client.', command: 'slmgr /ato' },
    ],
  },
  'kms-duplicate-cmid': {
    title: 'Des machines clonées partagent le même identifiant client : le décompte KMS reste bas',
    cause:
      'L’hôte KMS compte les identifiants de machine client (CMID) distincts. Des machines copiées depuis une image non généralisée, ou restaurées depuis le même instantané, présentent le même CMID et ne comptent que pour une, si bien que le seuil n’est jamais atteint.',
    fix: [
      {
        text: 'Exécutez ceci sur deux des machines et comparez les lignes « ID de l’ordinateur client (CMID) ».',
        command: 'slmgr /dli',
      },
      {
        text: 'Vérifiez si l’image a été généralisée (le journal doit mentionner GENERALIZE).',
        command: 'findstr /i generalize %windir%\\System32\\sysprep\\Panther\\setupact.log',
      },
      {
        text: 'Sur chaque clone, réinitialisez l’état de licence pour obtenir un nouveau CMID, puis redémarrez.',
        command: 'slmgr /rearm',
      },
      { text: 'Redémarrez.', command: 'shutdown /r /t 0' },
      {
        text: 'Construisez les prochaines images avec sysprep /generalize (et sans SkipRearm).',
        command: 'sysprep /generalize /oobe /shutdown',
      },
    ],
  },
  'kms-host-too-old': {
    title: 'La clé de l’hôte KMS est trop ancienne pour {client}',
    cause:
      'L’hôte a bien été joint, mais sa clé CSVLK ne couvre pas cette version du client : il refuse donc la demande. {client} demande une CSVLK {csvlk} (ou plus récente) sur un hôte sous {hostOs}, avec la dernière mise à jour cumulative.',
    fix: [
      {
        text: 'Sur l’hôte KMS, installez d’abord la dernière mise à jour cumulative (les anciens hôtes en ont besoin pour accepter une CSVLK récente).',
      },
      {
        text: 'Récupérez la clé d’hôte KMS {csvlk} dans le centre d’administration Microsoft 365 (licences en volume) et installez-la sur l’hôte.',
        command: 'slmgr /ipk <CSVLK>',
      },
      { text: 'Activez l’hôte avec sa nouvelle clé.', command: 'slmgr /ato' },
      {
        text: 'Ou dirigez le client vers un hôte KMS plus récent qui possède déjà une CSVLK à jour.',
        command: 'slmgr /skms {host}:{port}',
      },
      { text: 'Relancez l’activation du client.', command: 'slmgr /ato' },
    ],
  },
  'kms-host-not-activated': {
    title: 'L’hôte KMS n’est pas lui-même activé',
    cause:
      'Un hôte KMS ne sert les clients qu’une fois sa propre clé CSVLK activée auprès de Microsoft. D’ici là, toutes les demandes sont refusées.',
    fix: [
      { text: 'Sur l’hôte KMS, vérifiez l’état de la licence.', command: 'slmgr /dlv' },
      { text: 'Activez l’hôte en ligne.', command: 'slmgr /ato' },
      {
        text: 'Sans accès à Internet, relevez l’ID d’installation et activez par téléphone.',
        command: 'slmgr /dti',
      },
      { text: 'Saisissez l’ID de confirmation obtenu.', command: 'slmgr /atp <Confirmation ID>' },
    ],
  },
  'kms-clock-skew': {
    title: 'Les horloges du client et de l’hôte KMS ne concordent pas',
    cause:
      'L’hôte KMS a répondu mais a rejeté l’horodatage de la demande : les deux horloges sont trop éloignées (comparées en UTC, le fuseau horaire n’y est pour rien ; Microsoft parle de plus de 4 heures).',
    fix: [
      {
        text: 'Comparez l’horloge du client à celle de l’hôte KMS.',
        command: 'w32tm /stripchart /computer:{host} /samples:3 /dataonly',
      },
      {
        text: 'Resynchronisez le client avec sa source de temps (hiérarchie du domaine ou NTP).',
        command: 'w32tm /resync',
      },
      {
        text: 'Vérifiez la source de temps et son état sur les deux machines.',
        command: 'w32tm /query /status',
      },
      { text: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
  },
  'not-elevated': {
    title: 'La commande n’a pas été lancée en administrateur',
    cause:
      'Installer une clé et activer modifient le magasin de licences, ce qui exige une invite élevée. Avec l’UAC active, une invite normale est refusée même pour un membre du groupe Administrateurs.',
    fix: [
      { text: 'Ouvrez l’invite de commandes ou PowerShell avec « Exécuter en tant qu’administrateur ».' },
      {
        text: 'Vérifiez que l’invite est élevée (la ligne du niveau obligatoire élevé doit apparaître).',
        command: 'whoami /groups | findstr S-1-16-12288',
      },
      { text: 'Relancez l’activation depuis cette invite.', command: 'slmgr /ato' },
    ],
  },
  'dcom-self-access': {
    title: 'Le compte SELF a perdu son accès DCOM par défaut',
    cause:
      'L’accès est refusé même depuis une invite élevée. Sur une machine membre d’un domaine, cela arrive quand le compte SELF a été retiré des autorisations d’accès DCOM par défaut (l’événement 8229 cite SLUI.exe avec 0x80070005).',
    fix: [
      { text: 'Ouvrez Services de composants.', command: 'dcomcnfg' },
      {
        text: 'Ordinateurs > Poste de travail > Propriétés > Sécurité COM > Autorisations d’accès > Modifier les valeurs par défaut : ajoutez SELF avec Accès local et Accès à distance autorisés.',
      },
      { text: 'Redémarrez, puis relancez l’activation.', command: 'shutdown /r /t 0' },
    ],
  },
  'mak-blocked': {
    title: 'Microsoft a bloqué cette clé de produit',
    cause:
      'Le service d’activation de Microsoft refuse la clé. Microsoft n’en donne pas la raison ; en pratique, la clé a fuité ou a été revendue, ses activations sont épuisées, ou elle ne correspond pas à l’édition et au canal installés. Seul Microsoft peut la débloquer ou la remplacer.',
    fix: [
      {
        text: 'Cessez les essais avec cette clé. Vérifiez sa provenance : centre d’administration Microsoft 365 (licences en volume) ou facture d’un revendeur agréé.',
      },
      {
        text: 'Vérifiez que la clé correspond à l’édition et au canal installés.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      { text: 'Rassemblez les détails de licence pour Microsoft.', command: 'slmgr /dlv' },
      { text: 'Relevez l’ID d’installation (il vous sera demandé).', command: 'slmgr /dti' },
      { text: 'Exportez les événements de licence.', command: SPP_EVENTS },
      {
        text: `Appelez un centre d’activation des licences Microsoft (${ACTIVATION_CENTERS}) avec le numéro de contrat, la preuve d’achat, les sorties ci-dessus et les cinq derniers caractères de la clé ({partial}). Ils peuvent remplacer la clé ou confirmer le blocage.`,
      },
    ],
  },
  'mak-quota-exhausted': {
    title: 'Cette clé MAK n’a plus d’activations disponibles',
    cause:
      'Une clé d’activation multiple permet un nombre fixe d’activations. Celle-ci a atteint sa limite : Microsoft refuse toute nouvelle activation.',
    fix: [
      {
        text: 'Consultez les activations restantes dans le centre d’administration Microsoft 365 (licences en volume) ou dans VAMT.',
      },
      { text: 'Relevez l’ID d’installation pour l’appel.', command: 'slmgr /dti' },
      {
        text: `Demandez à un centre d’activation des licences Microsoft (${ACTIVATION_CENTERS}) d’ajouter des activations ; préparez le numéro de contrat et la preuve d’achat. L’activation par téléphone passe par les mêmes agents.`,
        command: 'slui 4',
      },
      {
        text: 'Pour un grand parc, préférez un hôte KMS ou l’activation via Active Directory à une clé MAK.',
      },
    ],
  },
  'csvlk-limit-exceeded': {
    title: 'La clé d’hôte KMS a servi sur trop d’hôtes',
    cause:
      'Une CSVLK active au plus 6 hôtes KMS, chacun jusqu’à 10 fois. Une clé intégrée à une image, réutilisée en laboratoire ou déplacée avec des VM atteint cette limite.',
    fix: [
      {
        text: `Demandez à un centre d’activation des licences Microsoft (${ACTIVATION_CENTERS}) de réinitialiser ou d’augmenter la limite ; munissez-vous du numéro de contrat et de la preuve d’achat.`,
      },
      {
        text: 'Ne mettez jamais de CSVLK dans une image : les clients ont besoin de la clé client KMS publiée (GVLK).',
        command: 'slmgr /ipk <GVLK>',
      },
      {
        text: 'Sur une VM Azure, utilisez plutôt le KMS d’Azure.',
        command: 'slmgr /skms azkms.core.windows.net:1688',
      },
      { text: 'Puis activez.', command: 'slmgr /ato' },
    ],
  },
  'mak-invalid': {
    title: 'La clé de produit n’a pas été reconnue comme valide',
    cause:
      'Microsoft ne reconnaît pas la clé : le plus souvent une faute de frappe ou un caractère invisible venu d’un copier-coller, ou une clé d’un autre produit.',
    fix: [
      {
        text: 'Retapez la clé à la main (les e-mails et PDF insèrent des tirets et caractères invisibles) depuis une invite élevée.',
        command: 'slmgr /ipk <MAK>',
      },
      { text: 'Activez.', command: 'slmgr /ato' },
      {
        text: `Toujours refusée ? Faites vérifier la clé par un centre d’activation des licences Microsoft (${ACTIVATION_CENTERS}).`,
      },
    ],
  },
  'mak-error-on-kms-client': {
    title: 'Une erreur MAK sur une machine encore cliente KMS',
    cause:
      'Le canal de licence de la machine est {channel} (une clé client KMS est installée), et pourtant l’erreur vient du service d’activation MAK de Microsoft. KMS et MAK ont été mélangés : la clé MAK n’a pas été installée, ou le mauvais chemin a été tenté. Choisissez un seul canal.',
    fix: [
      {
        text: 'Vérifiez quelle clé est installée maintenant (lignes Description et Canal de la clé de produit).',
        command: 'slmgr /dlv',
      },
      {
        text: 'Si votre organisation a un hôte KMS : gardez la clé client KMS, indiquez l’hôte à la machine et activez.',
        command: 'slmgr /skms {host}:{port}',
      },
      { text: 'Puis activez via KMS.', command: 'slmgr /ato' },
      {
        text: 'Si vous avez plutôt une clé MAK : installez-la, vérifiez que /dlv affiche VOLUME_MAK, puis activez.',
        command: 'slmgr /ipk <MAK>',
      },
    ],
  },
  'kms-error-on-non-kms-key': {
    title: 'Erreur KMS, mais la clé installée est de type {keyType}',
    cause:
      'L’erreur relève de l’activation KMS, or la machine porte une clé {keyType} ({channel}), qui ne s’active jamais auprès d’un hôte KMS. Soit la machine doit être cliente KMS et il lui faut la clé client KMS publiée (GVLK) pour {edition}, soit elle doit s’activer auprès de Microsoft et les réglages KMS ne jouent aucun rôle.',
    fix: [
      {
        text: 'Pour utiliser votre hôte KMS ou l’activation via Active Directory : installez la clé client KMS publiée (GVLK) de cette édition.',
        command: 'slmgr /ipk <GVLK>',
      },
      { text: 'Puis activez via KMS.', command: 'slmgr /ato' },
      {
        text: 'Pour garder la clé {keyType} : effacez tout réglage d’hôte KMS et activez en ligne.',
        command: 'slmgr /ckms',
      },
    ],
  },
  'edition-key-mismatch': {
    title: 'La clé ne correspond pas à l’édition installée',
    cause:
      'Édition, canal et type de clé doivent concorder. L’édition installée est {edition} mais la clé appartient à une autre édition ou version ({keyEdition}) : la licence ne peut pas s’appliquer.',
    fix: [
      { text: 'Vérifiez l’édition installée.', command: 'DISM /online /Get-CurrentEdition' },
      {
        text: 'Installez une clé de cette édition et de cette version exactes (Retail, MAK ou clé client KMS publiée).',
        command: 'slmgr /ipk <key>',
      },
      {
        text: 'Ou passez à l’édition visée par la clé, si DISM la propose comme cible.',
        command: 'DISM /online /Get-TargetEditions',
      },
      { text: 'Activez.', command: 'slmgr /ato' },
    ],
  },
  'key-format-invalid': {
    title: 'La clé de produit n’est pas valide pour ce Windows',
    cause:
      'Windows rejette la clé avant même de contacter qui que ce soit : faute de frappe, tirets changés en tirets longs par un copier-coller, ou clé d’une autre version de Windows (chaque version majeure a ses propres clés).',
    fix: [
      {
        text: 'Retapez la clé à la main ; ne la collez pas depuis un e-mail, une discussion ou un PDF.',
        command: 'slmgr /ipk <key>',
      },
      {
        text: 'Vérifiez que la clé correspond à cette version et à cette édition de Windows.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      { text: 'Activez.', command: 'slmgr /ato' },
    ],
  },
  'csvlk-host-update-needed': {
    title: 'L’hôte KMS doit être mis à jour avant d’accepter cette clé d’hôte',
    cause:
      'Une CSVLK récente installée sur un hôte KMS ancien est refusée comme clé non valide tant que l’hôte n’a pas la mise à jour qui lui fait connaître le nouveau produit (par exemple KB3172614 sur Windows Server 2012 R2).',
    fix: [
      {
        text: 'Installez la dernière mise à jour cumulative sur l’hôte KMS et redémarrez.',
        command: 'shutdown /r /t 0',
      },
      { text: 'Réinstallez la clé d’hôte.', command: 'slmgr /ipk <CSVLK>' },
      { text: 'Activez l’hôte.', command: 'slmgr /ato' },
    ],
  },
  'eval-conversion-unfinished': {
    title: 'L’édition d’évaluation n’a pas encore été convertie',
    cause:
      'La machine tourne toujours sous {edition}. Une édition d’évaluation n’accepte pas de clé Retail, MAK ou KMS via slmgr (0xC004F069) : il faut d’abord la convertir avec DISM. Une conversion interrompue (coupure de courant, instantané restauré) laisse aussi la machine dans cet état.',
    fix: [
      { text: 'Vérifiez l’édition actuelle.', command: 'DISM /online /Get-CurrentEdition' },
      { text: 'Listez les éditions cibles possibles.', command: 'DISM /online /Get-TargetEditions' },
      {
        text: 'Convertissez avec une clé de l’édition cible (c’est long et un redémarrage est demandé).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:<key> /AcceptEula',
      },
      { text: 'Redémarrez.', command: 'shutdown /r /t 0' },
      { text: 'Activez.', command: 'slmgr /ato' },
      {
        text: 'Si une conversion précédente a été interrompue, repartez d’une VM neuve ou de l’image prise avant la conversion.',
      },
    ],
  },
  'eval-dc-cannot-convert': {
    title: 'Un contrôleur de domaine d’évaluation ne peut pas être converti',
    cause:
      'DISM refuse de convertir un contrôleur de domaine d’une édition d’évaluation vers une édition sous licence. La voie prise en charge consiste à transférer ses rôles à un autre contrôleur puis à le rétrograder.',
    fix: [
      { text: 'Ajoutez un contrôleur de domaine sous une édition sous licence (Retail ou volume).' },
      {
        text: 'Transférez-lui les rôles FSMO.',
        command:
          'Move-ADDirectoryServerOperationMasterRole -Identity <new-dc> -OperationMasterRole 0,1,2,3,4',
      },
      {
        text: 'Rétrogradez le contrôleur de domaine d’évaluation.',
        command: 'Uninstall-ADDSDomainController',
      },
      {
        text: 'Convertissez-le ensuite comme serveur membre, ou retirez-le.',
        command: 'DISM /online /Get-TargetEditions',
      },
    ],
  },
  'eval-standard-core-datacenter-core': {
    title: 'Une évaluation Standard Core ne peut devenir que Datacenter Core',
    cause:
      'Depuis Windows Server 2016, une évaluation Standard en installation Core (ServerStandardEvalCor) n’a qu’une seule cible de conversion : ServerDatacenterCor. Une clé Standard ne convient pas, et une installation Core ne devient jamais Expérience de bureau.',
    fix: [
      { text: 'Confirmez la seule cible proposée.', command: 'DISM /online /Get-TargetEditions' },
      {
        text: 'Convertissez avec une clé Datacenter.',
        command: 'DISM /online /Set-Edition:ServerDatacenterCor /ProductKey:<key> /AcceptEula',
      },
      { text: 'Si vous n’avez qu’une licence Standard, réinstallez plutôt depuis un média Standard.' },
    ],
  },
  'no-datacenter-to-standard': {
    title: 'Datacenter ne peut pas redevenir Standard',
    cause:
      'La machine tourne sous {edition} et la clé est prévue pour {keyEdition}. Les éditions ne font que monter : aucune commande ne convertit Datacenter en Standard, pas même lors d’une mise à niveau.',
    fix: [
      { text: 'Utilisez une clé Datacenter sur cette machine.', command: 'slmgr /ipk <key>' },
      { text: 'Activez.', command: 'slmgr /ato' },
      {
        text: 'Si vous n’avez qu’une licence Standard, réinstallez depuis un média Standard et déplacez la charge.',
      },
    ],
  },
  'eval-no-target-edition': {
    title: 'Cette édition d’évaluation n’a aucune cible de conversion',
    cause:
      'DISM indique que {edition} ne peut être mise à niveau vers aucune édition (cas connu des premières versions d’évaluation Core de Windows Server 2016). Seule une réinstallation règle le problème.',
    fix: [
      { text: 'Confirmez qu’aucune cible n’est proposée.', command: 'DISM /online /Get-TargetEditions' },
      { text: 'Réinstallez depuis un média Retail ou en volume et transférez rôles et données.' },
    ],
  },
  'dism-set-edition-failed': {
    title: 'DISM n’a pas pu changer l’édition',
    cause:
      'DISM /Set-Edition s’est arrêté avec : « {message} ». Le changement exige une cible que DISM propose pour cette machine, une clé de produit valide pour l’édition cible et un système à jour.',
    fix: [
      {
        text: 'Listez les éditions que cette machine peut devenir.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        text: 'Réessayez avec une clé de l’édition cible (la clé client KMS publiée de cette édition est acceptée ici ; activez ensuite avec votre propre clé).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:<key> /AcceptEula',
      },
      {
        text: 'Affichez les lignes d’erreur du journal DISM pour trouver l’étape en échec.',
        command: 'findstr /i /c:"error" %windir%\\Logs\\DISM\\dism.log',
      },
      {
        text: 'Installez la dernière mise à jour cumulative, redémarrez et réessayez ; si « Element not found » persiste, réinstallez depuis un média Retail ou en volume complet.',
        command: 'shutdown /r /t 0',
      },
    ],
  },
  'updates-pending': {
    title: 'Des mises à jour Windows sont en attente',
    cause:
      'La machine n’est pas entièrement à jour. Plusieurs mises à jour cumulatives ont corrigé des refus d’activation et la compatibilité KMS : mettez à jour avant d’aller plus loin.',
    fix: [
      {
        text: 'Installez toutes les mises à jour (Server Core : sconfig, option 6 ; sinon Paramètres > Windows Update).',
        command: 'sconfig',
      },
      { text: 'Redémarrez.', command: 'shutdown /r /t 0' },
      { text: 'Relancez l’activation.', command: 'slmgr /ato' },
    ],
  },
  'token-store-rebuild': {
    title: 'Le magasin de licences est endommagé',
    cause:
      'Le magasin de jetons de licence (tokens.dat) est corrompu ou ses autorisations sont incorrectes : les licences ne peuvent être ni lues ni consommées.',
    fix: [
      { text: 'Arrêtez le service Protection logicielle.', command: 'net stop sppsvc' },
      {
        text: 'Renommez le magasin pour que Windows le reconstruise.',
        command: 'ren %windir%\\System32\\spp\\store\\2.0\\tokens.dat tokens.bak',
      },
      { text: 'Redémarrez le service.', command: 'net start sppsvc' },
      { text: 'Réinstallez les fichiers de licence du système.', command: 'slmgr /rilc' },
      { text: 'Redémarrez deux fois, puis installez la clé et activez.', command: 'slmgr /ato' },
    ],
  },
  'license-store-reset': {
    title: 'D’anciennes données de licence ont pu survivre au changement d’édition',
    cause:
      'Après une conversion d’édition, des entrées périmées du magasin de licences peuvent faire échouer une clé valide. Retirer la clé et sa copie dans le registre, réinitialiser l’état de licence puis réinstaller la clé les élimine. Cette étape est disruptive : sauvegardez votre travail avant.',
    fix: [
      { text: 'Retirez la clé actuelle.', command: 'slmgr /upk' },
      { text: 'Effacez la clé du registre.', command: 'slmgr /cpky' },
      {
        text: 'Réinitialisez l’état de licence (sautez cette étape si le nombre de réarmements restants est 0 ; actuellement : {rearmCount}).',
        command: 'slmgr /rearm',
      },
      { text: 'Redémarrez.', command: 'shutdown /r /t 0' },
      { text: 'Après le redémarrage, installez une clé valide.', command: 'slmgr /ipk <key>' },
      { text: 'Activez.', command: 'slmgr /ato' },
    ],
  },
  'clone-or-snapshot': {
    title: 'Machine clonée ou restaurée',
    cause:
      'Le clone d’une machine activée, ou un instantané restauré d’avant l’activation, porte une identité matérielle copiée. Microsoft voit alors plusieurs activations identiques (ce qui peut faire bloquer une clé) et un hôte KMS ne voit qu’une machine au lieu de plusieurs.',
    fix: [
      { text: 'Généralisez les images avant de les cloner.', command: 'sysprep /generalize /oobe /shutdown' },
      {
        text: 'Sur un clone existant, réinitialisez l’état de licence et redémarrez.',
        command: 'slmgr /rearm',
      },
      {
        text: 'Ne restaurez pas d’instantané antérieur à l’activation ; réactivez après une restauration.',
        command: 'slmgr /ato',
      },
    ],
  },
  'already-licensed': {
    title: 'Windows est activé',
    cause:
      'L’état de la licence est « avec licence » et aucune erreur n’apparaît : il n’y a rien à corriger pour ce produit.',
    fix: [
      {
        text: 'Vérifiez la date d’expiration de l’activation (les activations KMS se renouvellent seules).',
        command: 'slmgr /xpr',
      },
    ],
  },
  'unknown-code': {
    title: 'Le code {code} n’est pas une erreur d’activation documentée',
    cause: 'Ce code n’est pas une erreur d’activation documentée. Décodage : {decoded}.',
    fix: [
      { text: 'Demandez à Windows son propre texte pour ce code.', command: 'slui.exe 0x2a {code}' },
      {
        text: 'Collez les détails complets de la licence pour vérifier les autres éléments.',
        command: 'slmgr /dlv',
      },
    ],
  },
};

export const RULE_TEXTS: Readonly<Record<Lang, Readonly<Record<RuleTextId, RuleText>>>> = { en, fr };

/** Values shown when a placeholder has no known value (commands keep a visible `<…>` to fill in). */
export const PLACEHOLDER_DEFAULTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    host: '<kms-host>',
    port: '1688',
    domain: '<dns-zone>',
    count: 'unknown',
    needed: '5 for servers, 25 for client editions',
    client: 'this client',
    csvlk: 'recent enough',
    hostOs: 'a supported Windows Server version',
    partial: 'not shown',
    channel: 'unknown',
    keyType: 'non-KMS',
    edition: 'this edition',
    keyEdition: 'another edition',
    target: '<target-edition>',
    message: 'no message',
    rearmCount: 'unknown',
    code: '<code>',
    decoded: 'unknown',
  },
  fr: {
    host: '<kms-host>',
    port: '1688',
    domain: '<dns-zone>',
    count: 'inconnu',
    needed: '5 pour des serveurs, 25 pour des éditions clientes',
    client: 'ce client',
    csvlk: 'suffisamment récente',
    hostOs: 'une version de Windows Server prise en charge',
    partial: 'non affichés',
    channel: 'inconnu',
    keyType: 'non KMS',
    edition: 'cette édition',
    keyEdition: 'une autre édition',
    target: '<target-edition>',
    message: 'aucun message',
    rearmCount: 'inconnu',
    code: '<code>',
    decoded: 'inconnu',
  },
};

/**
 * Why a finding beat a conflicting one, keyed `winner>loser`; `default` covers pairs without their own text.
 * `{other}` is the beaten finding's title.
 */
export const NOTE_TEXTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    default: 'Preferred over "{other}": the evidence for this cause is more direct.',
    'kms-port-blocked>kms-srv-missing':
      'Preferred over "{other}": DNS did return a KMS host, so discovery works; the connection to port 1688 is what fails.',
    'kms-srv-missing>kms-port-blocked':
      'Preferred over "{other}": the client has no KMS host to connect to in the first place, so fix DNS discovery first.',
    'kms-duplicate-cmid>kms-count-low':
      'Preferred over "{other}": the count is low because cloned machines share one CMID, so adding machines will not help until they are generalized.',
    'kms-count-low>kms-duplicate-cmid':
      'Preferred over "{other}": the count shown is simply below the threshold.',
    'kms-duplicate-cmid>clone-or-snapshot':
      'Preferred over "{other}": the clones matter here because they keep the KMS count low.',
    'kms-clock-skew>kms-srv-missing':
      'Preferred over "{other}": the KMS host answered (it judged the timestamp), so DNS discovery works.',
    'kms-clock-skew>kms-port-blocked':
      'Preferred over "{other}": the KMS host answered (it judged the timestamp), so the port is open.',
    'kms-host-too-old>kms-srv-missing':
      'Preferred over "{other}": the request reached a KMS host, which refused this client version.',
    'kms-host-too-old>kms-port-blocked':
      'Preferred over "{other}": the request reached a KMS host, which refused this client version.',
    'mak-error-on-kms-client>mak-blocked':
      'Preferred over "{other}": the installed key is a KMS client key, so the MAK verdict does not describe the key this machine uses.',
    'mak-error-on-kms-client>mak-quota-exhausted':
      'Preferred over "{other}": the installed key is a KMS client key, so the MAK verdict does not describe the key this machine uses.',
    'mak-error-on-kms-client>mak-invalid':
      'Preferred over "{other}": the installed key is a KMS client key, so the MAK verdict does not describe the key this machine uses.',
    'eval-conversion-unfinished>mak-blocked':
      'Preferred over "{other}": the edition is still an evaluation, so the key cannot apply until the DISM conversion is done; check the key again afterwards.',
    'eval-conversion-unfinished>edition-key-mismatch':
      'Preferred over "{other}": the mismatch comes from the evaluation edition that is still installed.',
    'eval-dc-cannot-convert>eval-conversion-unfinished':
      'Preferred over "{other}": DISM refuses to convert a domain controller, so demote it first.',
    'eval-standard-core-datacenter-core>eval-conversion-unfinished':
      'Preferred over "{other}": the conversion is indeed pending, but this edition can only go to ServerDatacenterCor.',
    'no-datacenter-to-standard>edition-key-mismatch':
      'Preferred over "{other}": the mismatch is a Standard key on Datacenter, which cannot be converted down.',
    'kms-error-on-non-kms-key>kms-srv-missing':
      'Preferred over "{other}": this machine does not use KMS with its current key, so DNS is not the issue.',
    'kms-error-on-non-kms-key>kms-port-blocked':
      'Preferred over "{other}": this machine does not use KMS with its current key, so the network is not the issue.',
    'csvlk-host-update-needed>key-format-invalid':
      'Preferred over "{other}": the key is being installed on a KMS host, which needs the update first.',
    'kms-error-on-non-kms-key>kms-count-low':
      'Preferred over "{other}": this machine does not use KMS with its current key, so the KMS count does not matter.',
    'kms-error-on-non-kms-key>kms-host-too-old':
      'Preferred over "{other}": this machine does not use KMS with its current key, so the KMS host key does not matter.',
    'kms-error-on-non-kms-key>kms-clock-skew':
      'Preferred over "{other}": this machine does not use KMS with its current key; fix the key first.',
    'eval-dc-cannot-convert>eval-standard-core-datacenter-core':
      'Preferred over "{other}": whatever the target, DISM refuses to convert a domain controller.',
    'eval-no-target-edition>eval-conversion-unfinished':
      'Preferred over "{other}": DISM lists no target edition, so no conversion is possible.',
    'eval-no-target-edition>eval-standard-core-datacenter-core':
      'Preferred over "{other}": DISM lists no target edition at all on this build.',
    'no-datacenter-to-standard>eval-conversion-unfinished':
      'Preferred over "{other}": a Standard key can never apply to Datacenter, converted or not.',
    'eval-conversion-unfinished>mak-error-on-kms-client':
      'Preferred over "{other}": the evaluation edition must be converted before any key or channel applies.',
    'eval-dc-cannot-convert>dism-set-edition-failed':
      'Preferred over "{other}": DISM refused because this machine is a domain controller.',
    'eval-standard-core-datacenter-core>dism-set-edition-failed':
      'Preferred over "{other}": DISM refused because Standard Core evaluation only converts to Datacenter Core.',
    'eval-no-target-edition>dism-set-edition-failed':
      'Preferred over "{other}": DISM lists no target edition for this build.',
    'no-datacenter-to-standard>dism-set-edition-failed':
      'Preferred over "{other}": no command turns Datacenter into Standard.',
    'kms-host-not-activated>kms-count-low':
      'Preferred over "{other}": a KMS host that is not activated refuses every client, whatever its count.',
    'dcom-self-access>not-elevated':
      'Preferred over "{other}": the prompt was elevated, so the permission problem is elsewhere.',
    'not-elevated>dcom-self-access':
      'Preferred over "{other}": the prompt was not elevated, which explains the refusal.',
  },
  fr: {
    default: 'Retenu plutôt que « {other} » : les éléments en faveur de cette cause sont plus directs.',
    'kms-port-blocked>kms-srv-missing':
      'Retenu plutôt que « {other} » : le DNS a bien renvoyé un hôte KMS, la découverte fonctionne ; c’est la connexion au port 1688 qui échoue.',
    'kms-srv-missing>kms-port-blocked':
      'Retenu plutôt que « {other} » : le client n’a d’abord aucun hôte KMS à joindre ; corrigez la découverte DNS en premier.',
    'kms-duplicate-cmid>kms-count-low':
      'Retenu plutôt que « {other} » : le décompte est bas parce que les clones partagent le même CMID ; ajouter des machines n’y changera rien tant qu’elles ne sont pas généralisées.',
    'kms-count-low>kms-duplicate-cmid':
      'Retenu plutôt que « {other} » : le décompte affiché est simplement sous le seuil.',
    'kms-duplicate-cmid>clone-or-snapshot':
      'Retenu plutôt que « {other} » : les clones comptent ici parce qu’ils maintiennent le décompte KMS trop bas.',
    'kms-clock-skew>kms-srv-missing':
      'Retenu plutôt que « {other} » : l’hôte KMS a répondu (il a jugé l’horodatage), la découverte DNS fonctionne donc.',
    'kms-clock-skew>kms-port-blocked':
      'Retenu plutôt que « {other} » : l’hôte KMS a répondu (il a jugé l’horodatage), le port est donc ouvert.',
    'kms-host-too-old>kms-srv-missing':
      'Retenu plutôt que « {other} » : la demande a atteint un hôte KMS, qui a refusé cette version du client.',
    'kms-host-too-old>kms-port-blocked':
      'Retenu plutôt que « {other} » : la demande a atteint un hôte KMS, qui a refusé cette version du client.',
    'mak-error-on-kms-client>mak-blocked':
      'Retenu plutôt que « {other} » : la clé installée est une clé client KMS, le verdict MAK ne concerne donc pas la clé utilisée par cette machine.',
    'mak-error-on-kms-client>mak-quota-exhausted':
      'Retenu plutôt que « {other} » : la clé installée est une clé client KMS, le verdict MAK ne concerne donc pas la clé utilisée par cette machine.',
    'mak-error-on-kms-client>mak-invalid':
      'Retenu plutôt que « {other} » : la clé installée est une clé client KMS, le verdict MAK ne concerne donc pas la clé utilisée par cette machine.',
    'eval-conversion-unfinished>mak-blocked':
      'Retenu plutôt que « {other} » : l’édition est encore une évaluation, la clé ne peut s’appliquer qu’une fois la conversion DISM faite ; revérifiez la clé ensuite.',
    'eval-conversion-unfinished>edition-key-mismatch':
      'Retenu plutôt que « {other} » : l’incohérence vient de l’édition d’évaluation encore installée.',
    'eval-dc-cannot-convert>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : DISM refuse de convertir un contrôleur de domaine ; rétrogradez-le d’abord.',
    'eval-standard-core-datacenter-core>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : la conversion est bien en attente, mais cette édition ne peut aller que vers ServerDatacenterCor.',
    'no-datacenter-to-standard>edition-key-mismatch':
      'Retenu plutôt que « {other} » : il s’agit d’une clé Standard sur Datacenter, qu’aucune conversion descendante ne permet.',
    'kms-error-on-non-kms-key>kms-srv-missing':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; le DNS n’est pas en cause.',
    'kms-error-on-non-kms-key>kms-port-blocked':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; le réseau n’est pas en cause.',
    'csvlk-host-update-needed>key-format-invalid':
      'Retenu plutôt que « {other} » : la clé est installée sur un hôte KMS, qui doit d’abord être mis à jour.',
    'kms-error-on-non-kms-key>kms-count-low':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; le décompte KMS ne joue aucun rôle.',
    'kms-error-on-non-kms-key>kms-host-too-old':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; la clé de l’hôte KMS ne joue aucun rôle.',
    'kms-error-on-non-kms-key>kms-clock-skew':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; corrigez d’abord la clé.',
    'eval-dc-cannot-convert>eval-standard-core-datacenter-core':
      'Retenu plutôt que « {other} » : quelle que soit la cible, DISM refuse de convertir un contrôleur de domaine.',
    'eval-no-target-edition>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : DISM ne propose aucune édition cible, aucune conversion n’est donc possible.',
    'eval-no-target-edition>eval-standard-core-datacenter-core':
      'Retenu plutôt que « {other} » : DISM ne propose aucune édition cible sur cette version.',
    'no-datacenter-to-standard>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : une clé Standard ne s’applique jamais à Datacenter, converti ou non.',
    'eval-conversion-unfinished>mak-error-on-kms-client':
      'Retenu plutôt que « {other} » : l’édition d’évaluation doit être convertie avant qu’une clé ou un canal puisse s’appliquer.',
    'eval-dc-cannot-convert>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : DISM a refusé parce que cette machine est un contrôleur de domaine.',
    'eval-standard-core-datacenter-core>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : DISM a refusé car une évaluation Standard Core ne se convertit qu’en Datacenter Core.',
    'eval-no-target-edition>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : DISM ne propose aucune édition cible sur cette version.',
    'no-datacenter-to-standard>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : aucune commande ne transforme Datacenter en Standard.',
    'kms-host-not-activated>kms-count-low':
      'Retenu plutôt que « {other} » : un hôte KMS non activé refuse tous les clients, quel que soit son décompte.',
    'dcom-self-access>not-elevated':
      'Retenu plutôt que « {other} » : l’invite était élevée, le problème d’autorisation est donc ailleurs.',
    'not-elevated>dcom-self-access':
      'Retenu plutôt que « {other} » : l’invite n’était pas élevée, ce qui explique le refus.',
  },
};

/** A template cut at its placeholders: literal text at even indexes, placeholders (with their dot) at odd ones. */
type TemplateParts = readonly { text: string; dot: boolean; name: string }[];

const PLACEHOLDER = /\{(\.?)([a-zA-Z]+)\}/g;
/** Templates are our own texts (a few hundred), so cutting each once is enough; bounded all the same. */
const TEMPLATE_CACHE = new Map<string, TemplateParts>();
const TEMPLATE_CACHE_MAX = 4096;

function templateParts(template: string): TemplateParts {
  let parts = TEMPLATE_CACHE.get(template);
  if (parts) return parts;
  const out: { text: string; dot: boolean; name: string }[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push({ text: template.slice(last, m.index), dot: m[1] === '.', name: m[2] ?? '' });
    last = m.index + m[0].length;
  }
  out.push({ text: template.slice(last), dot: false, name: '' });
  parts = out;
  if (TEMPLATE_CACHE.size >= TEMPLATE_CACHE_MAX) TEMPLATE_CACHE.clear();
  TEMPLATE_CACHE.set(template, parts);
  return parts;
}

/** Replace `{name}` and `{.name}` placeholders. */
export function fill(template: string, params: Readonly<Record<string, string>>, lang: Lang): string {
  if (!template.includes('{')) return template;
  const parts = templateParts(template);
  let out = parts[0]!.text;
  for (let i = 1; i < parts.length; i++) {
    // parts[i - 1] holds the placeholder that ends before parts[i].text.
    const { dot, name } = parts[i - 1]!;
    const value = params[name];
    if (dot) out += value ? `.${value}` : '';
    else out += value ?? PLACEHOLDER_DEFAULTS[lang][name] ?? `{${name}}`;
    out += parts[i]!.text;
  }
  return out;
}
