/**
 * The messaging-extension search command (`searchCode`, parameter `code`): people look a code up from the compose
 * box and insert its card into the conversation. Pure and in memory (the catalogue is a few hundred entries), so
 * it answers well inside the 5 s Teams allows an invoke.
 */
import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResponse } from 'botbuilder';
import { adaptiveCardAttachment, renderAdaptiveCard } from '../../bot/render/adaptive-card.js';
import { explanationReply } from '../../conversations/reply.js';
import { fold } from '../../knowledge/fold.js';
import { allEntries, explain, normalizeCode, type CatalogueEntry, type Lang } from '../../knowledge/index.js';

export const SEARCH_COMMAND_ID = 'searchCode';
export const SEARCH_PARAMETER = 'code';
export const MAX_SEARCH_RESULTS = 10;
/** Teams caps a message-extension result card at 28 KB; keep a margin. */
export const SEARCH_CARD_BUDGET_BYTES = 24 * 1024;

const HEX_FRAGMENT = /^(?:0x)?([0-9a-f]{1,8})$/i;

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** 0 = exact code, 1 = code starts with the digits, 2 = code ends with them, 3 = the title has every word. */
function rank(entry: CatalogueEntry, query: string, exact: string | undefined): number | undefined {
  const codes = [entry.code, ...entry.aliases];
  if (exact && codes.includes(exact as CatalogueEntry['code'])) return 0;
  const hex = HEX_FRAGMENT.exec(query)?.[1]?.toUpperCase();
  if (hex) {
    const digits = codes.map((c) => c.slice(2));
    if (digits.some((d) => d.startsWith(hex))) return 1;
    if (digits.some((d) => d.endsWith(hex))) return 2;
  }
  const words = wordsOf(query);
  if (words.length === 0) return undefined;
  const haystack = new Set(wordsOf(`${entry.name} ${entry.message.en} ${entry.message.fr}`));
  const all = [...haystack];
  // The last word may still be being typed: a prefix is enough for it.
  const matches = words.every(
    (w, i) => haystack.has(w) || (i === words.length - 1 && all.some((h) => h.startsWith(w))),
  );
  return matches ? 3 : undefined;
}

/** Catalogue entries for a search box query, best first, at most `limit`. An empty query lists the first ones. */
export function searchCatalogue(rawQuery: string, limit = MAX_SEARCH_RESULTS): CatalogueEntry[] {
  const query = rawQuery.trim().slice(0, 200);
  const entries = allEntries();
  if (query === '') return entries.slice(0, limit);
  const exact = normalizeCode(query);
  const ranked: Array<{ entry: CatalogueEntry; rank: number; order: number }> = [];
  entries.forEach((entry, order) => {
    const r = rank(entry, query, exact);
    if (r !== undefined) ranked.push({ entry, rank: r, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, limit).map((r) => r.entry);
}

/** One result: the code's card (no buttons: it is pasted into a conversation), with a list preview. */
export function searchResultAttachment(entry: CatalogueEntry, lang: Lang): MessagingExtensionAttachment {
  const explanation = explain(entry.code, lang);
  const reply = { ...explanationReply({ lang, warnings: [] }, explanation, [], [], []), actions: [] };
  const card = renderAdaptiveCard(reply, { budgetBytes: SEARCH_CARD_BUDGET_BYTES });
  return {
    ...adaptiveCardAttachment(card),
    preview: CardFactory.thumbnailCard(entry.code, explanation.title),
  };
}

export function searchResponse(query: string, lang: Lang): MessagingExtensionResponse {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: searchCatalogue(query).map((entry) => searchResultAttachment(entry, lang)),
    },
  };
}
