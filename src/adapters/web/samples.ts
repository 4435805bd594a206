/**
 * The playground's gallery: pastes a support engineer would really send, one click away. Written here rather than
 * read from test fixtures so the runtime never depends on test files. Keys are published KMS client setup keys
 * (GVLKs) or already redacted; host names and ids are made up.
 */
import type { Lang } from '../../knowledge/types.js';

export interface Sample {
  /** Stable id (used by the page and the tests). */
  id: string;
  lang: Lang;
  /** Button label in the gallery. */
  label: string;
  /** What the paste shows, for the button's tooltip. */
  hint: string;
  text: string;
}

const KMS_CLIENT_NO_HOST_EN = `C:\\Windows\\system32>cscript //nologo %windir%\\system32\\slmgr.vbs /dlv
Software licensing service version: 10.0.20348.2849

Name: Windows(R), ServerDatacenter edition
Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
Activation ID: 00091344-1ea4-4f37-b789-01750ba6988c
Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f
Extended PID: 03612-04279-000-000001-03-1033-20348.0000-0752025
Product Key Channel: Volume:GVLK
Partial Product Key: 6VM33
License Status: Initial grace period
Time remaining: 43020 minute(s) (29 day(s))
Remaining Windows rearm count: 1000
Trusted time: 3/14/2025 9:12:44 AM
Configured Activation Type: All

Most recent activation information:
Key Management Service client information
    Client Machine ID (CMID): 2c1e5c8b-7f0a-4d3e-9b61-4a7d2f08c913
    DNS auto-discovery: KMS name not available
    KMS machine IP address: not available
    KMS machine extended PID:
    Activation interval: 120 minutes
    Renewal interval: 10080 minutes
    KMS host caching is enabled`;

const EVAL_CONVERSION_EN = `C:\\>DISM /online /Get-CurrentEdition

Deployment Image Servicing and Management tool
Version: 10.0.20348.1

Image Version: 10.0.20348.524

Current Edition : ServerDatacenterEval

The operation completed successfully.

C:\\>slmgr /ipk WX4NM-KYWYW-QJJR4-XV3QB-6VM33
Error: 0xC004F069 On a computer running Microsoft Windows non-core edition, run 'slui.exe 0x2a 0xC004F069' to display the error text.`;

const BLOCKED_MAK_EN = `C:\\>slmgr /ato
Activating Windows(R), ServerDatacenter edition (00091344-1ea4-4f37-b789-01750ba6988c) ...
Error: 0xC004C003 The activation server determined the specified product key is blocked.`;

const KMS_HOST_BELOW_THRESHOLD_EN = `C:\\>slmgr /dlv
Software licensing service version: 10.0.17763.6532

Name: Windows(R), ServerStandard edition
Description: Windows(R) Operating System, VOLUME_KMS channel
Activation ID: 7e3f5a21-6c8d-4b2e-a1f0-93d4c6b7e812
Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f
Product Key Channel: Volume:CSVLK
Partial Product Key: Q7K2M
License Status: Licensed
Trusted time: 3/14/2025 10:01:12 AM
Configured Activation Type: All

Key Management Service is enabled on this machine
    Current count: 3
    Listening on Port: 1688
    DNS publishing enabled
    KMS priority: Normal

Key Management Service cumulative requests received from clients
    Total requests received: 57
    Failed requests received: 0
    Requests with License Status Licensed: 3
    Requests with License Status Initial grace period: 54`;

const CLOCK_SKEW_EN = `Log Name:      Application
Source:        Microsoft-Windows-Security-SPP
Date:          3/14/2025 9:12:44 AM
Event ID:      12288
Level:         Information
Computer:      WS22-APP01.contoso.com
Description:
The client has sent an activation request to the key management service machine.
Info:
0xC004F06C, 0x00000000, kms01.contoso.com:1688, 2c1e5c8b-7f0a-4d3e-9b61-4a7d2f08c913, 2025/3/14 9:12, 1, 2, 43020, 00091344-1ea4-4f37-b789-01750ba6988c, 5`;

const KMS_CLIENT_NO_HOST_FR = `C:\\Windows\\system32>cscript //nologo %windir%\\system32\\slmgr.vbs /dlv
Version du service de gestion des licences logicielles : 10.0.20348.2849

Nom : Windows(R), ServerStandard edition
Description : Windows(R) Operating System, VOLUME_KMSCLIENT channel
ID d'activation : c52ed9a5-4aee-4f37-a2a5-4d4a2b1b1a2e
ID d'application : 55c92734-d682-4d71-983e-d6ec3f16059f
Canal de la clé de produit : Volume:GVLK
Clé de produit partielle : 6PKJ7
État de la licence : Période de grâce initiale
Temps restant : 43140 minute(s) (29 jour(s))
Nombre de réarmements Windows restants : 1000
Heure approuvée : 11/03/2025 09:14:02
Type d'activation configuré : All

Informations d'activation les plus récentes :
Informations sur le client du service de gestion de clés
    ID de l'ordinateur client (CMID) : 8a0c2f6e-0d4b-4c6f-9a3e-51c7d2a4e9b1
    Découverte automatique DNS : nom KMS non disponible
    Adresse IP de l'ordinateur KMS : non disponible
    PID étendu de l'ordinateur KMS :
    Intervalle d'activation : 120 minutes
    Intervalle de renouvellement : 10080 minutes
    La mise en cache de l'hôte KMS est activée`;

const BLOCKED_AFTER_EVAL_FR = `Bonjour, après la conversion de notre Windows Server 2022 d'évaluation en Datacenter (DISM /Set-Edition), slmgr /ato échoue :

Erreur : 0xC004C003 Le serveur d'activation a déterminé que la clé de produit spécifiée est bloquée.

La clé installée se termine par XXXXX-XXXXX-XXXXX-XXXXX-7QH4D. Une idée ?`;

const EXPLAIN_FR = `pourquoi 0xC004F074 ?`;

export const SAMPLES: readonly Sample[] = [
  {
    id: 'kms-client-no-host',
    lang: 'en',
    label: 'KMS client cannot find its host',
    hint: 'slmgr /dlv on a KMS client: DNS auto-discovery found no KMS host',
    text: KMS_CLIENT_NO_HOST_EN,
  },
  {
    id: 'eval-conversion',
    lang: 'en',
    label: 'Eval edition: 0xC004F069',
    hint: 'DISM shows an Evaluation edition; slmgr /ipk fails with 0xC004F069',
    text: EVAL_CONVERSION_EN,
  },
  {
    id: 'blocked-mak',
    lang: 'en',
    label: 'Blocked MAK: 0xC004C003',
    hint: 'slmgr /ato: the activation server says the key is blocked',
    text: BLOCKED_MAK_EN,
  },
  {
    id: 'kms-host-threshold',
    lang: 'en',
    label: 'KMS host below threshold (count 3)',
    hint: 'slmgr /dlv on a KMS host that has only counted 3 clients',
    text: KMS_HOST_BELOW_THRESHOLD_EN,
  },
  {
    id: 'clock-skew',
    lang: 'en',
    label: 'Clock skew (event 12288)',
    hint: 'Security-SPP event 12288 carrying 0xC004F06C',
    text: CLOCK_SKEW_EN,
  },
  {
    id: 'kms-client-no-host-fr',
    lang: 'fr',
    label: 'Client KMS sans hôte (/dlv)',
    hint: 'slmgr /dlv en français : la découverte DNS ne trouve aucun hôte KMS',
    text: KMS_CLIENT_NO_HOST_FR,
  },
  {
    id: 'blocked-after-eval-fr',
    lang: 'fr',
    label: 'Clé bloquée après conversion Eval',
    hint: '0xC004C003 après passage de l’édition d’évaluation à Datacenter',
    text: BLOCKED_AFTER_EVAL_FR,
  },
  {
    id: 'explain-fr',
    lang: 'fr',
    label: 'Pourquoi 0xC004F074 ?',
    hint: 'Une question courte sur un code',
    text: EXPLAIN_FR,
  },
];
