/**
 * A first message that tells a loose story, then a second that says what actually happens: the clearer account
 * told later leads the thread's diagnosis, while a later paste alone leaves the first story as its context.
 */
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { EARLIER_STORY_DECAY, threadFacts } from '../../src/conversations/evidence.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { extract } from '../../src/knowledge/index.js';
import type { ObservationRecord } from '../../src/conversations/state.js';
import { slackThread } from './helpers.js';

function records(messages: string[]): ObservationRecord[] {
  return messages.flatMap((text, i) =>
    extract(text).observations.map((o) => ({ ...o, messageId: `m${i + 1}`, at: 1000 + i })),
  );
}

const storyOf = (messages: string[], scenario: string): number =>
  Math.max(
    0,
    ...(threadFacts(records(messages)).storyMatches ?? [])
      .filter((m) => m.scenario === scenario)
      .map((m) => m.score),
  );

describe('a later, clearer story in the same thread', () => {
  it('"the VM keeps going down", then "WLMS says the License is expired": the expired evaluation leads', async () => {
    const engine = new ConversationEngine({ store: new MemoryStore() });
    const t = slackThread('T-later-story');
    await engine.handle(
      t.say(
        'Just tried the new Server 2019 datacenter eval box with libvirt. The VM keeps going down on its own.',
      ),
    );
    const second = await engine.handle(
      t.say(
        'The VM gets shut down because WLMS says the License is expired. Something in the sysprep step of the build?',
      ),
    );
    expect(second.reply?.findings[0]?.id).toBe('eval-expired-shutdown');
  });

  it('« on loue un serveur en évaluation », puis « comment prolonger la période d’évaluation » : le réarmement', async () => {
    const engine = new ConversationEngine({ store: new MemoryStore() });
    const t = slackThread('T-rearm');
    await engine.handle(
      t.say(
        'On loue un dédié pour un labo, l’hébergeur ne propose que Windows Server 2022 Standard Evaluation.',
      ),
    );
    const second = await engine.handle(
      t.say(
        'Le compteur arrive bientôt au bout. Comment on prolonge la période d’évaluation sans tout réinstaller ?',
      ),
    );
    expect(second.reply?.findings[0]?.id).toBe('eval-rearm');
  });

  it('the first story is weighed down once per clearer story told after it, and kept whole otherwise', () => {
    const first =
      'Just tried the new Server 2019 datacenter eval box with libvirt. The VM keeps going down on its own.';
    const alone = storyOf([first], 'edition-key-mismatch');
    expect(alone).toBeGreaterThan(0);
    const later = 'The VM gets shut down because WLMS says the License is expired.';
    expect(storyOf([first, later], 'edition-key-mismatch')).toBeCloseTo(alone * EARLIER_STORY_DECAY, 2);
    // A paste with no story of its own leaves the first account as told.
    const paste = 'Name: Windows(R), ServerDatacenterEval edition\nLicense Status: Notification';
    expect(storyOf([first, paste], 'edition-key-mismatch')).toBe(alone);
  });
});
