/**
 * The App Home tab: how to ask, and a quick reference of the codes people hit most, with their one-line meaning
 * from the knowledge catalogue (so the tab never disagrees with the bot's answers).
 */
import type { types } from '@slack/bolt';
import { explain } from '../../knowledge/index.js';
import type { HexCode } from '../../knowledge/types.js';
import { SLASH_COMMAND_NAME, DIAGNOSE_SHORTCUT_NAME } from './names.js';

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
  const reference = HOME_CODES.map((code) => {
    const entry = explain(code, 'en');
    return `*${code}*  ${entry.title}`;
  }).join('\n');
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Activation Doctor' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            'Paste a Windows activation error code or the output of `slmgr /dlv`, `slmgr /ato`, `DISM /Get-CurrentEdition`, ' +
            '`nslookup -type=srv _vlmcs._tcp` or an event log entry, and I diagnose it.\n' +
            `• Mention me in a channel, or write to me here in Messages.\n` +
            `• \`${SLASH_COMMAND_NAME} 0xC004F074\` answers in the channel.\n` +
            `• *${DIAGNOSE_SHORTCUT_NAME}* in any message's ⋯ menu diagnoses that message in its thread.\n` +
            'Je réponds aussi en français : écrivez-moi en français.',
        },
      },
      { type: 'divider' },
      { type: 'header', text: { type: 'plain_text', text: 'Most common codes' } },
      { type: 'section', text: { type: 'mrkdwn', text: reference } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Never paste a full product key: I only need its last five characters, and I mask full keys anyway.',
          },
        ],
      },
    ],
  };
}
