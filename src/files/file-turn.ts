/**
 * What a message's files add to its turn. An adapter hands the turn runner a `FileReading` (its platform's refs
 * bound to `readFileTurn`); the runner calls it once before the engine and decorates the engine's result:
 *
 *   const turn = await readFiles(msg, { acknowledge });   // before engine.prepare
 *   const result = turn.decorate(prepared.result);         // after it
 *
 * `acknowledge` is called with the "Reading your screenshot…" reply before any OCR starts, when a file will go
 * through OCR; the adapter posts it and later replaces it with the diagnosis (Slack's 3 s, Teams' 15 s). The
 * engine sees the typed text followed by every file's text, exactly as if it had been pasted; `decorate` adds to
 * the reply where the evidence came from (the screenshot's lines, the file's name) and the files refused. When
 * nothing could be read and nothing was typed, the reply is the refusal itself, in the user's language.
 */
import { detectLang, type Lang } from '../knowledge/index.js';
import { makeReply } from '../conversations/reply.js';
import { langOfLocale } from '../conversations/turn.js';
import type { EngineResult, InboundMessage, ReplyModel } from '../conversations/types.js';
import {
  refusalSentence,
  type AttachmentReader,
  type AttachmentReading,
  type AttachmentRef,
} from './attachments.js';

export interface FileTurn {
  /** The message with the files' text after what was typed. */
  msg: InboundMessage;
  reading: AttachmentReading;
  /** Whether the acknowledgement was sent (the adapter then updates it rather than posting). */
  acknowledged: boolean;
  /** The engine's result with the files' provenance and refusals on its reply. */
  decorate(result: EngineResult): EngineResult;
}

export interface FileTurnOptions {
  /** Posts the "Reading your screenshot…" message; called once, before OCR, only when an image is attached. */
  acknowledge?: (ack: ReplyModel) => Promise<void>;
}

/** Reads a message's files into its text: what an adapter gives the turn runner when the message carries some. */
export type FileReading = (msg: InboundMessage, options: FileTurnOptions) => Promise<FileTurn>;

/** A message with no files: the engine's result as is. */
export function noFiles(msg: InboundMessage): FileTurn {
  return { msg, reading: { files: [], refusals: [] }, acknowledged: false, decorate: (r) => r };
}

const TEXT: Record<
  Lang,
  {
    ack: string;
    ackSummary: string;
    fromScreenshot: (name: string) => string;
    fromFile: (name: string) => string;
    /** The first screen's note: which files were read and, for a screenshot, the first lines it relied on. */
    readNote: (files: string, lines: string) => string;
    /** A file as the note names it. */
    fileNamed: (kind: 'text' | 'screenshot', quotedName: string) => string;
    refusedTitle: string;
    nothingFound: string;
  }
> = {
  en: {
    ack: 'Reading your screenshot…',
    ackSummary: 'The diagnosis will replace this message in a few seconds.',
    fromScreenshot: (n) => `Read from the screenshot “${n}” (check for misreadings):`,
    fromFile: (n) => `Read from the attached file “${n}”.`,
    readNote: (files, lines) => `Read from ${files}${lines ? `, relying on ${lines}` : ''}.`,
    fileNamed: (kind, name) => (kind === 'screenshot' ? `the screenshot ${name}` : `the file ${name}`),
    refusedTitle: 'I could not read your file',
    nothingFound: 'I read your file but found nothing about Windows activation in it.',
  },
  fr: {
    ack: 'Je lis votre capture d’écran…',
    ackSummary: 'Le diagnostic remplacera ce message dans quelques secondes.',
    fromScreenshot: (n) => `Lu sur la capture « ${n} » (vérifiez la lecture) :`,
    fromFile: (n) => `Lu dans le fichier joint « ${n} ».`,
    readNote: (files, lines) => `D’après ${files}${lines ? ` (lignes lues : ${lines})` : ''}.`,
    fileNamed: (kind, name) => (kind === 'screenshot' ? `la capture d’écran ${name}` : `le fichier ${name}`),
    refusedTitle: 'Je n’ai pas pu lire votre fichier',
    nothingFound: 'J’ai lu votre fichier mais n’y ai rien trouvé sur l’activation de Windows.',
  },
};

/** "Reading your screenshot…" in the user's language. */
export function readingAck(lang: Lang): ReplyModel {
  const t = TEXT[lang];
  return makeReply({ kind: 'notice', lang, title: t.ack, summary: t.ackSummary, warnings: [] });
}

/** The language of a turn before the engine has decided it: the platform locale, the typed text, else English. */
export function guessLang(msg: Pick<InboundMessage, 'localeHint' | 'text'>): Lang {
  return langOfLocale(msg.localeHint) ?? (msg.text.trim() ? detectLang(msg.text) : undefined) ?? 'en';
}

export async function readFileTurn(
  msg: InboundMessage,
  refs: readonly AttachmentRef[],
  reader: AttachmentReader,
  opts: FileTurnOptions = {},
): Promise<FileTurn> {
  if (refs.length === 0) return noFiles(msg);
  const lang = guessLang(msg);
  let acknowledged = false;
  if (opts.acknowledge && reader.willReadScreenshot(refs)) {
    await opts.acknowledge(readingAck(lang));
    acknowledged = true;
  }
  const reading = await reader.read(refs);
  const text = [msg.text.trim(), ...reading.files.map((f) => f.text)].filter(Boolean).join('\n\n');
  return {
    msg: { ...msg, text },
    reading,
    acknowledged,
    decorate: (result) => decorateResult(result, reading, reader, lang, acknowledged, msg.text.trim() !== ''),
  };
}

function decorateResult(
  result: EngineResult,
  reading: AttachmentReading,
  reader: AttachmentReader,
  guessed: Lang,
  acknowledged: boolean,
  typed: boolean,
): EngineResult {
  // A second delivery of the same message is answered by the first.
  if (result.reason === 'duplicate') return result;
  if (reading.files.length === 0 && reading.refusals.length === 0) return result;
  const lang = result.reply?.lang ?? guessed;
  const refusals = reading.refusals.map((r) => refusalSentence(r, lang, reader.limits));
  // Only refused files and nothing typed: the refusal is the answer (not the help an empty message gets).
  const onlyRefusals = reading.files.length === 0 && !typed && result.reply?.kind !== 'diagnosis';
  if (!result.reply || result.mode === 'none' || onlyRefusals) {
    // Something must replace the acknowledgement, and a refused file is always answered.
    if (refusals.length === 0 && !acknowledged) return result;
    const t = TEXT[lang];
    const reply =
      refusals.length > 0
        ? makeReply({
            kind: 'refusal',
            lang,
            title: t.refusedTitle,
            summary: refusals.join('\n'),
            warnings: [],
          })
        : makeReply({
            kind: 'notice',
            lang,
            title: t.ack.replace(/…$/, ''),
            summary: t.nothingFound,
            warnings: [],
          });
    return { ...result, reply, mode: 'post' };
  }
  return { ...result, reply: withProvenance(result.reply, reading, refusals) };
}

/** Lines of a screenshot quoted on the first screen; the evidence lists them all. */
const NOTE_LINES = 3;
const NOTE_LINE_CHARS = 80;

/**
 * Where the answer was read from, for the first screen: Slack's Details are rebuilt from the thread's state, which
 * keeps no file, so a misreading must be visible before them.
 */
function readNote(lang: Lang, reading: AttachmentReading): string {
  const quote = (s: string) => (lang === 'fr' ? `« ${s} »` : `“${s}”`);
  const names = reading.files.map((f) => TEXT[lang].fileNamed(f.kind, quote(f.name))).join(', ');
  const lines = reading.files
    .flatMap((f) => (f.kind === 'screenshot' ? f.lines : []))
    .slice(0, NOTE_LINES)
    .map((l) => quote(l.length > NOTE_LINE_CHARS ? `${l.slice(0, NOTE_LINE_CHARS - 1)}…` : l))
    .join(', ');
  return TEXT[lang].readNote(names, lines);
}

/** The files' provenance first in the evidence, the refusals among the warnings. */
export function withProvenance(
  reply: ReplyModel,
  reading: AttachmentReading,
  refusals: string[],
): ReplyModel {
  const t = TEXT[reply.lang];
  const provenance: string[] = [];
  for (const file of reading.files) {
    if (file.kind === 'text') provenance.push(t.fromFile(file.name));
    else provenance.push(t.fromScreenshot(file.name), ...file.lines.map((l) => `“${l}”`));
  }
  return makeReply({
    ...reply,
    summary: reading.files.length > 0 ? `${reply.summary} ${readNote(reply.lang, reading)}` : reply.summary,
    evidence: [...provenance, ...reply.evidence],
    warnings: [...reply.warnings, ...refusals],
  });
}
