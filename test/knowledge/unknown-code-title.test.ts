import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { renderText } from '../../src/bot/render/text.js';
import { ConversationEngine } from '../../src/conversations/engine.js';

describe('a code outside the catalogue', () => {
  it('is said to be outside the catalogue once, without repeating the code in its title', () => {
    const d = diagnose('Error: 0x8007FFFF while activating', { lang: 'en' });
    expect(d.codes[0]).toMatchObject({ code: '0x8007FFFF', known: false });
    expect(d.codes[0]!.title).toBe('Outside the catalogue — Win32 error 65535');
  });

  it('reads cleanly on the card a user sees', async () => {
    const engine = new ConversationEngine();
    const r = await engine.handle({
      platform: 'web',
      tenant: 'local',
      channel: 'c',
      threadKey: 't',
      messageId: 'm1',
      user: { id: 'u' },
      text: 'Error: 0x8007FFFF while activating',
      addressed: 'dm',
    });
    const text = renderText(r.reply!);
    expect(text.match(/0x8007FFFF/g)?.length ?? 0).toBeGreaterThan(0);
    expect(text).not.toContain('0x8007FFFF  0x8007FFFF');
    expect(text.match(/outside the catalogue/gi)?.length).toBe(1);
  });
});
