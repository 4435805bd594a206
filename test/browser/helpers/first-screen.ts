/**
 * What "the first screen of a card" means in the browser tests, for the project's playground and Microsoft's Agents
 * Playground alike: about what a Teams chat shows of a new card without scrolling, and where a text sits in it.
 */
import type { Locator } from 'playwright-core';

export const FIRST_SCREEN_PX = 600;

/**
 * Where a visible text starts and ends, in px from the top of the card (undefined when it is not shown: hidden
 * behind Details, or absent).
 */
export async function placeOf(
  card: Locator,
  needle: string,
): Promise<{ top: number; bottom: number } | undefined> {
  return card.evaluate((root, text) => {
    const origin = root.getBoundingClientRect().top;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let best: { top: number; bottom: number } | undefined;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.includes(text) || !n.parentElement) continue;
      const r = n.parentElement.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (!best || r.top - origin < best.top) best = { top: r.top - origin, bottom: r.bottom - origin };
    }
    return best;
  }, needle);
}
