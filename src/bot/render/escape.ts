/**
 * Slack mrkdwn escaping. Slack reads `&`, `<` and `>` as control characters (`<@U123>`, `<!channel>`,
 * `<url|label>`), so text that came from users or pasted output must have them entity-encoded, or a paste
 * containing `<!here>` would ping a whole channel. Slack has no escape for `*`, `_` or `~`; text inside a code
 * block is not formatted, which is why commands go there.
 */
export function escapeMrkdwn(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A ``` in pasted text would open (or close) a code block: a zero-width space keeps it three backticks.
      .replace(/```/g, '`\u200b``')
  );
}

/** A code block for one command (or several lines). */
export function mrkdwnCodeBlock(code: string): string {
  return '```' + escapeMrkdwn(code) + '```';
}
