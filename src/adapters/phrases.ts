/**
 * Every sentence the adapters say themselves, one table per language with the same keys (a missing translation is
 * a type error): the /privacy and /terms pages (the Teams manifest links both), the Slack Home tab and invite hint,
 * and the notice served where the playground is off. Answers themselves come from the conversation layer.
 *
 * Every statement of the legal pages describes what the code does: src/conversations/state.ts (what a thread
 * keeps), the stores' TTLs, the Slack uninstall purge. Change them together.
 */
import type { Lang } from '../knowledge/index.js';
import { DIAGNOSE_SHORTCUT_NAME, SLASH_COMMAND_NAME } from './slack/names.js';

export interface RetentionFacts {
  /** STATE_TTL_DAYS: thread state, Teams conversation addresses and escalation records. */
  stateTtlDays: number;
  /** Delivery ids kept to ignore platform retries. */
  dedupTtlHours: number;
  /** false: in-memory state, lost on restart. */
  redis: boolean;
}

export interface LegalSection {
  heading: string;
  paragraphs: string[];
}

export interface LegalPage {
  title: string;
  sections: LegalSection[];
  /** The link to the same page in the other language. */
  otherLanguage: string;
}

export interface AdapterPhrases {
  privacy(r: RetentionFacts): LegalPage;
  terms(r: RetentionFacts): LegalPage;
  /** The Slack App Home tab. */
  home: {
    title: string;
    /** How to ask, in Slack mrkdwn. */
    howToAsk: string;
    /** Said in this language on a Home tab shown in the other one. */
    alsoInThisLanguage: string;
    commonCodes: string;
    keyWarning: string;
  };
  /** Above a card sent privately because the bot is not a member of the conversation it was asked in. */
  slackNotInChannel: string;
  /** The plain-text page served at the playground's address when it is off. */
  playgroundOff: string;
}

const days = (n: number, lang: Lang) =>
  lang === 'fr' ? `${n} jour${n > 1 ? 's' : ''}` : `${n} day${n > 1 ? 's' : ''}`;
const hours = (n: number, lang: Lang) =>
  lang === 'fr' ? `${n} heure${n > 1 ? 's' : ''}` : `${n} hour${n > 1 ? 's' : ''}`;

const en: AdapterPhrases = {
  privacy: (r) => ({
    title: 'Activation Doctor: privacy',
    otherLanguage: 'Version française',
    sections: [
      {
        heading: 'Who runs this bot',
        paragraphs: [
          'Activation Doctor is self-hosted software. This instance is run by your organisation or its service provider, who decides who may use it and answers questions about the data below. The software sends nothing to its authors.',
        ],
      },
      {
        heading: 'What it reads',
        paragraphs: [
          `The messages you address to it: direct messages, @mentions, the ${SLASH_COMMAND_NAME} command, a message you choose with the "${DIAGNOSE_SHORTCUT_NAME}" shortcut, and replies in a thread it is already part of. It does not read the rest of a channel.`,
        ],
      },
      {
        heading: 'What it keeps',
        paragraphs: [
          'For each conversation thread, the facts it derived from what was pasted: error codes, edition and licence status, activation type, KMS host names and ports, dates, which command each fact came from and when, the language of the thread, and the ids of the cards it posted so it can update them.',
          'For an escalation: its status, the evidence summary shown to the licensing team, and the ids and display names of the people who claimed, updated or resolved it. In Teams, the address of the conversation, so the bot can post a reminder or an update later.',
          "When it is installed in several Slack workspaces, each workspace's installation (its ids and the bot token Slack issued for it), kept until the app is uninstalled from that workspace or its tokens are revoked.",
          'It never keeps the transcript of the conversation, files or screenshots, or a full product key: keys are masked to their last five characters (XXXXX-XXXXX-XXXXX-XXXXX-ABCDE) before anything is stored or logged. The service logs record technical events (ids, outcomes, durations), not what you wrote.',
        ],
      },
      {
        heading: 'How long',
        paragraphs: [
          `Thread facts and conversation addresses expire ${days(r.stateTtlDays, 'en')} after the thread last changed. Escalation records expire ${days(r.stateTtlDays, 'en')} after their last update. The message ids used to ignore a platform's repeated deliveries expire after ${hours(r.dedupTtlHours, 'en')}.`,
          r.redis
            ? 'This instance keeps them in its Redis database, which only the bot uses.'
            : 'This instance keeps them in its own memory only: they are gone whenever it restarts.',
        ],
      },
      {
        heading: 'How to remove them',
        paragraphs: [
          'In a thread, say "start over" to make the bot forget what that thread has shown. Uninstalling the app from a Slack workspace (or revoking its tokens) deletes everything the bot kept for that workspace at once. For anything else, including Microsoft Teams tenants, ask the people who run this instance: the data of one workspace or tenant is stored under its own keys and can be deleted together.',
        ],
      },
    ],
  }),
  terms: (r) => ({
    title: 'Activation Doctor: terms of use',
    otherLanguage: 'Version française',
    sections: [
      {
        heading: 'What the bot is for',
        paragraphs: [
          'Activation Doctor helps IT staff understand Windows activation errors: it explains error codes, reads command output you paste and suggests the likely cause, commands to run and the evidence Microsoft support asks for.',
        ],
      },
      {
        heading: 'Advice, not a guarantee',
        paragraphs: [
          'Its answers come from rules applied to what you show it. Check a suggested command before running it on a production system, and keep your own change process. The software is provided "as is", without warranty of any kind, under the MIT licence.',
        ],
      },
      {
        heading: 'Licensing stays yours',
        paragraphs: [
          'The bot only points to legitimate activation routes (KMS, MAK, Active Directory-based activation, Microsoft support). It refuses requests about KMS emulators, cracks or bypassing activation; do not use it for them. You remain responsible for the licences of your systems.',
        ],
      },
      {
        heading: 'Your data',
        paragraphs: [
          `Do not paste passwords or secrets; product keys are masked automatically. What the bot keeps, and for how long (${days(r.stateTtlDays, 'en')} for thread facts on this instance), is described on the privacy page.`,
        ],
      },
    ],
  }),
  home: {
    title: 'Activation Doctor',
    howToAsk:
      'Paste a Windows activation error code or the output of `slmgr /dlv`, `slmgr /ato`, `DISM /Get-CurrentEdition`, ' +
      '`nslookup -type=srv _vlmcs._tcp` or an event log entry, and I diagnose it.\n' +
      '• Mention me in a channel, or write to me here in Messages.\n' +
      `• \`${SLASH_COMMAND_NAME} 0xC004F074\` answers in the channel.\n` +
      `• *${DIAGNOSE_SHORTCUT_NAME}* in any message's ⋯ menu diagnoses that message in its thread.`,
    alsoInThisLanguage: 'I answer in English too: write to me in English.',
    commonCodes: 'Most common codes',
    keyWarning:
      'Never paste a full product key: I only need its last five characters, and I mask full keys anyway.',
  },
  slackNotInChannel:
    'I could not answer in that conversation because I am not a member of it, so this answer is for you only. To have me answer there for everyone, add me: type `/invite @activation-doctor` in the channel, or open its details → Integrations → Add apps.',
  playgroundOff:
    'activation-doctor is running. The playground is off (PLAYGROUND=off, or platform credentials are configured); ' +
    'set PLAYGROUND=on to enable it.\n',
};

const fr: AdapterPhrases = {
  privacy: (r) => ({
    title: 'Activation Doctor : confidentialité',
    otherLanguage: 'English version',
    sections: [
      {
        heading: 'Qui exploite ce bot',
        paragraphs: [
          'Activation Doctor est un logiciel auto-hébergé. Cette instance est exploitée par votre organisation ou son prestataire, qui décide qui peut s’en servir et répond aux questions sur les données décrites ici. Le logiciel n’envoie rien à ses auteurs.',
        ],
      },
      {
        heading: 'Ce qu’il lit',
        paragraphs: [
          `Les messages qui lui sont adressés : messages directs, mentions @, la commande ${SLASH_COMMAND_NAME}, un message choisi avec le raccourci « ${DIAGNOSE_SHORTCUT_NAME} », et les réponses dans un fil auquel il participe déjà. Il ne lit pas le reste d’un canal.`,
        ],
      },
      {
        heading: 'Ce qu’il conserve',
        paragraphs: [
          'Pour chaque fil de discussion, les faits tirés de ce qui a été collé : codes d’erreur, édition et état de la licence, type d’activation, noms et ports des hôtes KMS, dates, la commande dont vient chaque fait et sa date, la langue du fil, et les identifiants des cartes publiées pour pouvoir les mettre à jour.',
          'Pour une escalade : son état, le résumé des éléments montré à l’équipe licences, et les identifiants et noms affichés des personnes qui l’ont prise en charge, mise à jour ou résolue. Dans Teams, l’adresse de la conversation, pour qu’un rappel ou une mise à jour puisse y être publié plus tard.',
          'Quand il est installé dans plusieurs espaces de travail Slack, l’installation de chaque espace (ses identifiants et le jeton que Slack a émis pour le bot), conservée jusqu’à la désinstallation de l’application de cet espace ou la révocation de ses jetons.',
          'Il ne conserve jamais la transcription de la conversation, ni fichiers ou captures d’écran, ni une clé de produit complète : les clés sont masquées à leurs cinq derniers caractères (XXXXX-XXXXX-XXXXX-XXXXX-ABCDE) avant tout enregistrement ou journalisation. Les journaux du service contiennent des événements techniques (identifiants, résultats, durées), pas ce que vous avez écrit.',
        ],
      },
      {
        heading: 'Combien de temps',
        paragraphs: [
          `Les faits d’un fil et les adresses de conversation expirent ${days(r.stateTtlDays, 'fr')} après la dernière modification du fil. Les escalades expirent ${days(r.stateTtlDays, 'fr')} après leur dernière mise à jour. Les identifiants de messages qui servent à ignorer les livraisons répétées d’une plateforme expirent au bout de ${hours(r.dedupTtlHours, 'fr')}.`,
          r.redis
            ? 'Cette instance les garde dans sa base Redis, utilisée par le bot seul.'
            : 'Cette instance les garde uniquement dans sa mémoire : ils disparaissent à chaque redémarrage.',
        ],
      },
      {
        heading: 'Comment les effacer',
        paragraphs: [
          'Dans un fil, écrivez « start over » (ou « recommencer ») pour que le bot oublie ce que ce fil a montré. Désinstaller l’application d’un espace de travail Slack (ou révoquer ses jetons) efface d’un coup tout ce que le bot conservait pour cet espace. Pour le reste, y compris les locataires Microsoft Teams, adressez-vous aux personnes qui exploitent cette instance : les données d’un espace ou d’un locataire sont rangées sous leurs propres clés et peuvent être effacées ensemble.',
        ],
      },
    ],
  }),
  terms: (r) => ({
    title: 'Activation Doctor : conditions d’utilisation',
    otherLanguage: 'English version',
    sections: [
      {
        heading: 'À quoi sert le bot',
        paragraphs: [
          'Activation Doctor aide les équipes informatiques à comprendre les erreurs d’activation de Windows : il explique les codes d’erreur, lit les sorties de commandes collées et propose la cause probable, les commandes à lancer et les éléments que demande le support Microsoft.',
        ],
      },
      {
        heading: 'Un conseil, pas une garantie',
        paragraphs: [
          'Ses réponses viennent de règles appliquées à ce que vous lui montrez. Vérifiez une commande proposée avant de la lancer sur un système de production et suivez votre propre processus de changement. Le logiciel est fourni « tel quel », sans garantie d’aucune sorte, sous licence MIT.',
        ],
      },
      {
        heading: 'Les licences restent les vôtres',
        paragraphs: [
          'Le bot n’indique que les voies d’activation légitimes (KMS, MAK, activation via Active Directory, support Microsoft). Il refuse les demandes d’émulateurs KMS, de cracks ou de contournement de l’activation ; ne l’utilisez pas pour cela. Vous restez responsable des licences de vos systèmes.',
        ],
      },
      {
        heading: 'Vos données',
        paragraphs: [
          `Ne collez ni mots de passe ni secrets ; les clés de produit sont masquées automatiquement. Ce que le bot conserve, et pour combien de temps (${days(r.stateTtlDays, 'fr')} pour les faits d’un fil sur cette instance), est décrit sur la page de confidentialité.`,
        ],
      },
    ],
  }),
  home: {
    title: 'Activation Doctor',
    howToAsk:
      'Collez un code d’erreur d’activation Windows ou la sortie de `slmgr /dlv`, `slmgr /ato`, ' +
      '`DISM /Get-CurrentEdition`, `nslookup -type=srv _vlmcs._tcp` ou une entrée du journal des événements, et je ' +
      'la diagnostique.\n' +
      '• Mentionnez-moi dans un canal, ou écrivez-moi ici dans Messages.\n' +
      `• \`${SLASH_COMMAND_NAME} 0xC004F074\` répond dans le canal.\n` +
      `• *${DIAGNOSE_SHORTCUT_NAME}* dans le menu ⋯ d’un message diagnostique ce message dans son fil.`,
    alsoInThisLanguage: 'Je réponds aussi en français : écrivez-moi en français.',
    commonCodes: 'Codes les plus fréquents',
    keyWarning:
      'Ne collez jamais une clé de produit complète : ses cinq derniers caractères me suffisent, et je masque les clés complètes de toute façon.',
  },
  slackNotInChannel:
    'Je n’ai pas pu répondre dans cette conversation car je n’en suis pas membre : cette réponse n’est visible que par vous. Pour que je réponde à tout le monde, ajoutez-moi : tapez `/invite @activation-doctor` dans le canal, ou ouvrez ses détails → Intégrations → Ajouter des applications.',
  playgroundOff:
    'activation-doctor fonctionne. Le playground est désactivé (PLAYGROUND=off, ou des identifiants de plateforme ' +
    'sont configurés) ; mettez PLAYGROUND=on pour l’activer.\n',
};

export const ADAPTER_PHRASES: Record<Lang, AdapterPhrases> = { en, fr };
