/**
 * The App Home tab: how to ask, and a quick reference of the codes people hit most, with their one-line meaning
 * from the knowledge catalogue (so the tab never disagrees with the bot's answers).
 */
import type { types } from '@slack/bolt';
import { explain } from '../../knowledge/index.js';
import type { HexCode } from '../../knowledge/types.js';
import { ADAPTER_PHRASES } from '../phrases.js';

/** The most frequent volume-activation failures (KMS discovery, KMS count, blocked and exhausted MAKs). */
export const HOME_CODES: HexCode[] = [
  '0xC004F074',
  '0x8007232B',
  '0xC004F038',
  '0xC004C003',
  '0xC004C008',
  '0xC004F050',
  '0x8007007B',
  '0xC004F06C',
];

export function homeView(): types.HomeView {
  const p = ADAPTER_PHRASES.en.home;
  const reference = HOME_CODES.map((code) => {
    const entry = explain(code, 'en');
    return `*${code}*  ${entry.title}`;
  }).join('\n');
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: p.title } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${p.howToAsk}\n${ADAPTER_PHRASES.fr.home.alsoInThisLanguage}` },
      },
      { type: 'divider' },
      { type: 'header', text: { type: 'plain_text', text: p.commonCodes } },
      { type: 'section', text: { type: 'mrkdwn', text: reference } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: p.keyWarning }] },
    ],
  };
}
