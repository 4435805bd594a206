/**
 * A vague first message, then the output the bot asked for: the thread ends with the diagnosis the whole thread
 * supports (the story told first is remembered with the codes and the facts).
 */
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { slackThread } from './helpers.js';

const AZKMS_CLOSED = `PS C:\\> Test-NetConnection azkms.core.windows.net -Port 1688
WARNING: TCP connect to (20.118.99.224 : 1688) failed

ComputerName     : azkms.core.windows.net
RemoteAddress    : 20.118.99.224
RemotePort       : 1688
TcpTestSucceeded : False`;

describe('a thread that starts vague', () => {
  it('"0xC004F074 on our new Azure VMs", then the port test it asked for: Azure KMS unreachable', async () => {
    const engine = new ConversationEngine({ store: new MemoryStore() });
    const t = slackThread('T-story');
    const first = await engine.handle(
      t.say('0xC004F074 on our new Azure VMs since we added forced tunneling'),
    );
    expect(first.reply?.findings[0]?.id).toBe('azure-kms-unreachable');
    expect(first.reply?.questions.map((q) => q.command)).toContain(
      'Test-NetConnection azkms.core.windows.net -Port 1688',
    );

    const second = await engine.handle(t.say(AZKMS_CLOSED));
    expect(second.reply?.findings[0]?.id).toBe('azure-kms-unreachable');
    // The test is pasted: it is neither asked for again nor repeated as a fix step.
    expect(second.reply?.questions.map((q) => q.command)).not.toContain(
      'Test-NetConnection azkms.core.windows.net -Port 1688',
    );
    expect(second.reply?.findings[0]?.fix.map((s) => s.command)).not.toContain(
      'Test-NetConnection azkms.core.windows.net -Port 1688',
    );
  });

  it('in French, the story and the language are kept when the English output comes in', async () => {
    const engine = new ConversationEngine({ store: new MemoryStore() });
    const t = slackThread('T-histoire');
    const first = await engine.handle(
      t.say('0xC004F074 sur nos nouvelles VM Azure depuis la mise en place du tunnel forcé'),
    );
    expect(first.reply?.lang).toBe('fr');
    const second = await engine.handle(t.say(AZKMS_CLOSED));
    expect(second.reply?.lang).toBe('fr');
    expect(second.reply?.findings[0]?.id).toBe('azure-kms-unreachable');
  });
});
