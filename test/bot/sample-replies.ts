/**
 * Reply models as the engine produces them, for the renderer tests: a KMS diagnosis in English, the
 * Eval→Datacenter 0xC004C003 case in French with an escalation, a handoff card, a reply carrying hostile
 * pasted text, and a huge "all findings" reply.
 */
import {
  MICROSOFT_ACTIVATION_CENTERS_URL,
  ReplyModelSchema,
  type ReplyModel,
  type ReplyModelInput,
} from '../../src/conversations/types.js';

const reply = (input: ReplyModelInput): ReplyModel => ReplyModelSchema.parse(input);

export const kmsDiagnosisEn: ReplyModel = reply({
  kind: 'diagnosis',
  lang: 'en',
  title: '0xC004F074: no KMS host could be reached',
  summary: 'The client looked for a KMS host in DNS and found none, so it never tried to activate.',
  cause:
    'There is no _vlmcs._tcp SRV record in the client’s DNS domain, and no KMS host is set by hand with slmgr /skms.',
  fix: [
    {
      text: 'Check whether any KMS host publishes itself in DNS.',
      command: 'nslookup -type=srv _vlmcs._tcp',
    },
    {
      text: 'Point the client at the KMS host directly.',
      command: 'slmgr /skms kms01.corp.contoso.com:1688',
    },
    { text: 'Try activation again.', command: 'slmgr /ato' },
    { text: 'If it still fails, check that TCP 1688 is open between the client and the host.' },
  ],
  evidence: [
    'code 0xC004F074',
    'KMS SRV records in DNS: none',
    'Product Key Channel: Volume:GVLK',
    'DNS auto-discovery: KMS name not available',
  ],
  changes: ['The nslookup output you pasted shows no SRV record, which rules out a stale DNS entry.'],
  questions: [
    {
      command: 'Test-NetConnection kms01.corp.contoso.com -Port 1688',
      why: 'Shows whether the firewall lets the client reach the host.',
    },
  ],
  warnings: ['Thread memory is unavailable; this answer only uses the current message.'],
  codes: [
    { code: '0xC004F074', title: 'The KMS could not be contacted', known: true },
    { code: '0x8007232B', title: 'DNS name does not exist', known: true },
    { code: '0xDEADBEEF', title: 'Unknown code (facility 0x5EA)', known: false },
  ],
  findings: [
    {
      id: 'kms-no-srv',
      title: 'No KMS SRV record in DNS',
      cause: 'DNS has no _vlmcs._tcp record for the client domain.',
      fix: [{ text: 'Point the client at the host.', command: 'slmgr /skms kms01.corp.contoso.com:1688' }],
      confidence: 'high',
      escalate: false,
    },
    {
      id: 'kms-port-blocked',
      title: 'TCP 1688 blocked between client and host',
      cause: 'A firewall drops the RPC traffic to the KMS host.',
      fix: [
        {
          text: 'Open the port on the host.',
          command:
            'netsh advfirewall firewall set rule name="Key Management Service (TCP-In)" new enable=yes',
        },
      ],
      confidence: 'medium',
      escalate: false,
    },
    {
      id: 'kms-clock-skew',
      title: 'Client clock far from the host clock',
      cause: 'KMS rejects requests when the clocks differ by more than four hours.',
      fix: [{ text: 'Resync the clock.', command: 'w32tm /resync' }],
      confidence: 'low',
      escalate: false,
    },
  ],
  actions: [
    {
      id: 'resolved',
      label: 'That fixed it',
      payload: { action: 'resolved', findingId: 'kms-no-srv' },
      style: 'primary',
    },
    { id: 'didnt_help', label: 'Didn’t help', payload: { action: 'didnt_help', findingId: 'kms-no-srv' } },
    { id: 'show_all', label: 'Show all findings', payload: { action: 'show_all' } },
    {
      id: 'escalate',
      label: 'Escalate',
      payload: { action: 'escalate', findingId: 'kms-no-srv' },
      style: 'danger',
    },
  ],
  status: 'diagnosed',
});

export const evalConversionFr: ReplyModel = reply({
  kind: 'diagnosis',
  lang: 'fr',
  title: '0xC004C003 : clé bloquée par le serveur d’activation',
  summary:
    'Le serveur a été converti d’une édition Evaluation vers Datacenter, puis la clé saisie a été refusée par Microsoft.',
  cause: 'La clé MAK utilisée après la conversion DISM est bloquée ; seule Microsoft peut la remplacer.',
  fix: [
    { text: 'Vérifiez l’édition installée.', command: 'DISM /online /Get-CurrentEdition' },
    {
      text: 'Installez une autre clé valide pour Datacenter.',
      command: 'slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-7CFBY',
    },
    { text: 'Affichez l’ID d’installation pour l’activation par téléphone.', command: 'slmgr /dti' },
  ],
  evidence: [
    'Édition : ServerDatacenter',
    'Dernière erreur : 0xC004C003',
    'Canal de la clé de produit : Volume:MAK',
  ],
  questions: [{ command: 'slmgr /dlv', why: 'Confirme le canal de la clé et l’état de la licence.' }],
  codes: [{ code: '0xC004C003', title: 'La clé de produit est bloquée', known: true }],
  findings: [
    {
      id: 'key-blocked',
      title: 'Clé MAK bloquée',
      cause: 'Microsoft a bloqué cette clé.',
      fix: [],
      confidence: 'high',
      escalate: true,
    },
  ],
  escalation: {
    url: MICROSOFT_ACTIVATION_CENTERS_URL,
    label: 'Centres d’activation des licences Microsoft',
    bring: [
      'Les informations de votre contrat de licence en volume',
      'Une preuve d’achat',
      'L’ID d’installation affiché par slmgr /dti',
    ],
  },
  actions: [
    { id: 'resolved', label: 'C’est réglé', payload: { action: 'resolved', findingId: 'key-blocked' } },
    { id: 'escalate', label: 'Escalader', payload: { action: 'escalate', findingId: 'key-blocked' } },
  ],
});

export const handoffEn: ReplyModel = reply({
  kind: 'escalation',
  lang: 'en',
  title: 'Escalation: 0xC004F038 on SRV-APP-12',
  summary: 'Asked by Alex in #it-support. The KMS count stays below the threshold.',
  evidence: ['KMS host count: 3', 'code 0xC004F038'],
  actions: [
    {
      id: 'claim',
      label: 'I’ll take it',
      payload: { action: 'claim', escalationId: 'esc-42' },
      style: 'primary',
    },
    { id: 'need_info', label: 'Need more info', payload: { action: 'need_info', escalationId: 'esc-42' } },
    {
      id: 'escalated_ms',
      label: 'Escalated to Microsoft',
      payload: { action: 'escalated_ms', escalationId: 'esc-42' },
    },
    {
      id: 'handoff_resolved',
      label: 'Resolved',
      payload: { action: 'handoff_resolved', escalationId: 'esc-42' },
    },
  ],
  status: 'escalated',
});

/** Pasted text that would ping a channel or inject a link if it reached Slack unescaped. */
export const hostileEn: ReplyModel = reply({
  kind: 'diagnosis',
  lang: 'en',
  title: 'Output contains <!channel> & friends',
  summary: 'You pasted <!here> and <@U024BE7LH> with a link <https://evil.example|click me> & more.',
  cause: 'Host name <kms01> & port "1688" came from the paste.',
  fix: [
    {
      text: 'Run the check.',
      command: 'nslookup -type=srv _vlmcs._tcp.corp.contoso.com > out.txt && type out.txt',
    },
  ],
  evidence: ['Host tested: <script>&', 'note: a ``` fence inside'],
  questions: [
    { command: 'echo ```not a fence``` <!everyone>', why: 'Proves fences and mentions stay inert.' },
  ],
  actions: [],
});

const longCommand = (i: number) =>
  `DISM /online /Set-Edition:ServerDatacenter /ProductKey:XXXXX-XXXXX-XXXXX-XXXXX-${String(10000 + i)} /AcceptEula ` +
  `/LogPath:C:\\Windows\\Logs\\DISM\\conversion-attempt-${i}.log /LogLevel:4 /ScratchDir:D:\\scratch\\attempt-${i}`;

/** 50 findings with long commands and long lists: far beyond both platforms' limits. */
export function hugeReply(
  kind: 'all_findings' | 'diagnosis' = 'all_findings',
  lang: 'en' | 'fr' = 'en',
): ReplyModel {
  const findings = Array.from({ length: 50 }, (_, i) => ({
    id: `finding-${i}`,
    title: `Candidate cause number ${i}: the edition conversion left a mismatched SKU behind`,
    cause:
      `Finding ${i}. After DISM changed the edition, the licensing store still holds tokens of the evaluation SKU, ` +
      'so every key installed afterwards is checked against the wrong product and refused. '.repeat(3),
    fix: Array.from({ length: 4 }, (_, j) => ({
      text: `Step ${j + 1} of finding ${i}: run the command below from an elevated prompt and wait for it to finish.`,
      command: longCommand(i * 10 + j),
    })),
    confidence: (['high', 'medium', 'low'] as const)[i % 3]!,
    escalate: i % 7 === 0,
    note: i % 5 === 0 ? `Kept over finding ${i + 1} because the event log names the same SKU.` : undefined,
  }));
  return reply({
    kind,
    lang,
    title: 'Every finding for this thread',
    summary: 'All the causes the evidence supports, strongest first.',
    cause: kind === 'diagnosis' ? findings[0]!.cause : undefined,
    fix: kind === 'diagnosis' ? findings[0]!.fix : [],
    evidence: Array.from(
      { length: 60 },
      (_, i) =>
        `event ${12288 + (i % 3)}: client request ${i} answered with 0xC004F074 by kms${i}.corp.contoso.com`,
    ),
    changes: Array.from({ length: 20 }, (_, i) => `Paste ${i} added ${i + 1} events.`),
    questions: Array.from({ length: 20 }, (_, i) => ({
      command: longCommand(900 + i),
      why: `Question ${i} settles finding ${i}.`,
    })),
    warnings: Array.from({ length: 15 }, (_, i) => `Paste ${i} was cut at 1 MiB; later lines were not read.`),
    codes: Array.from({ length: 30 }, (_, i) => ({
      code: `0xC004F0${(16 + i).toString(16).toUpperCase().padStart(2, '0')}`,
      title: `Catalogue title for code ${i}`,
      known: i % 4 !== 0,
    })),
    findings,
    escalation: {
      url: MICROSOFT_ACTIVATION_CENTERS_URL,
      label: 'Microsoft Licensing Activation Centers',
      bring: ['Volume License agreement information', 'Proof of purchase', 'Installation ID from slmgr /dti'],
    },
    actions: [
      { id: 'resolved', label: 'That fixed it', payload: { action: 'resolved', findingId: 'finding-0' } },
      { id: 'didnt_help', label: 'Didn’t help', payload: { action: 'didnt_help', findingId: 'finding-0' } },
      { id: 'escalate', label: 'Escalate', payload: { action: 'escalate', findingId: 'finding-0' } },
    ],
  });
}

/** Every sample above, the huge reply in both languages included: what renderer and guard tests go round. */
export function everySample(): ReplyModel[] {
  return [kmsDiagnosisEn, evalConversionFr, handoffEn, hostileEn, hugeReply(), hugeReply('diagnosis', 'fr')];
}
