/** What Slack and Teams do to a paste is undone before parsing. */
import { describe, expect, it } from 'vitest';
import { unwrapChatFormatting } from '../../src/knowledge/parse/index.js';

describe('unwrapChatFormatting', () => {
  it('Teams HTML becomes lines, mentions disappear, entities are decoded once', () => {
    const html =
      '<p><at id="0">Activation Doctor</at>&nbsp;hi</p><div>C:\\&gt;slmgr /dlv<br/>Name: Windows(R)</div><span style="x">a &amp;lt; b</span>';
    expect(
      unwrapChatFormatting(html)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['hi', 'C:\\>slmgr /dlv', 'Name: Windows(R)', 'a &lt; b']);
  });

  it('Slack fences, backticks, mentions and links are removed; labels kept', () => {
    const slack =
      '<@U04ABCD12> see `slmgr /ato`\n```powershell\nError: 0xC004F074\n```\n<https://learn.microsoft.com|the doc> and <https://contoso.com> <!here>';
    expect(unwrapChatFormatting(slack)).toBe(
      ' see slmgr /ato\n\nError: 0xC004F074\n\nthe doc and https://contoso.com ',
    );
  });

  it('CRLF, no-break and narrow no-break spaces become LF and spaces', () => {
    expect(unwrapChatFormatting('Nom\u202f: X\r\nÉtat\u00a0: Y\rZ')).toBe('Nom : X\nÉtat : Y\nZ');
  });

  it('angle brackets that are not markup survive', () => {
    expect(unwrapChatFormatting('slmgr /ipk <clé> then slmgr /skms <host:1688>')).toBe(
      'slmgr /ipk <clé> then slmgr /skms <host:1688>',
    );
  });
});
