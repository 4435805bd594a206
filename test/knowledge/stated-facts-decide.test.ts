/**
 * Close causes told as stories: what the person says about their keys, media and hosts decides between
 * scenarios that the same error code fits (issue 15). Each conversation is one an admin could post.
 */
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { diagnose } from '../../src/knowledge/index.js';
import { slackThread } from '../conversations/helpers.js';

/** Plays the messages as one Slack thread; the findings of the last reply that had any, by id. */
async function thread(messages: readonly string[]): Promise<string[]> {
  const engine = new ConversationEngine({ store: new MemoryStore() });
  const t = slackThread('T1', 'C1');
  let ids: string[] = [];
  for (const [i, text] of messages.entries()) {
    const result = await engine.handle(t.say(text, i > 0 ? { botInThread: true } : {}));
    if (result.reply && result.reply.findings.length > 0) ids = result.reply.findings.map((f) => f.id);
  }
  return ids;
}

describe('0xC004C008 after the same volume key went on every machine', () => {
  it('is a KMS host key used on clients, fixed with the client key, not a call to Microsoft', () => {
    const d = diagnose(
      'slmgr /ato: Error: 0xC004C008 on the new servers. We type the same KMS key on every server during setup, like we did with 2003.',
    );
    expect(d.findings[0]?.id).toBe('csvlk-on-client');
    expect(d.findings[0]?.escalate).toBe(false);
  });

  it('stays a used-up key when nothing says where the key went', () => {
    const d = diagnose('slmgr /ato: Error: 0xC004C008 on our new servers.');
    expect(d.findings[0]?.id).toBe('mak-quota-exhausted');
  });
});

describe('0xC004C003 right after an evaluation was converted', () => {
  it('first proves the conversion finished, with DISM, before calling the key blocked', () => {
    const d = diagnose(
      'We converted our 2022 evaluation to Datacenter with DISM, installed our key and slmgr /ato says Error: 0xC004C003 The activation server determined the specified product key is blocked.',
    );
    expect(d.findings.map((f) => f.id).slice(0, 2)).toEqual(['eval-conversion-unfinished', 'key-blocked']);
    expect(d.findings[0]?.escalate).toBe(false);
    expect(d.ask.map((a) => a.command)).toContain('DISM /online /Get-CurrentEdition');
  });

  it('is Microsoft’s blocked key when nothing was converted', () => {
    const d = diagnose(
      'slmgr /ato says Error: 0xC004C003 The activation server determined the specified product key is blocked.',
    );
    expect(d.findings[0]?.id).toBe('key-blocked');
    expect(d.findings[0]?.escalate).toBe(true);
  });
});

describe('clients pinned to a KMS host that is gone', () => {
  it('points at the /skms setting once the thread says the host died', async () => {
    const ids = await thread([
      'Since last week every client fails to renew with 0xC004F074.',
      'Our KMS host died and we built kms02, which is in DNS. The clients were all set with slmgr /skms kms01.corp.example:1688.',
    ]);
    expect(ids[0]).toBe('kms-wrong-host');
  });

  it('en français aussi', () => {
    const d = diagnose(
      'Notre serveur KMS est mort, le nouveau est publié dans le DNS, mais les postes renvoient 0xC004F074 ; ils ont tous reçu slmgr /skms kms01.exemple.local:1688 au déploiement.',
    );
    expect(d.findings[0]?.id).toBe('kms-wrong-host');
  });
});

describe('a key that belongs to another channel or another machine', () => {
  it('a retail MSDN key on volume-licence media is a channel mismatch', () => {
    const d = diagnose(
      'Our MSDN key for Windows Server 2019 is not accepted. The ISO we installed is the volume license ISO from VLSC.',
    );
    expect(d.findings[0]?.id).toBe('retail-key-on-volume');
  });

  it('an OEM key taken from the replaced server cannot follow it', () => {
    const d = diagnose(
      'Le vieux serveur est hors service. Sa clé OEM, on l’a mise sur le nouveau serveur et l’activation est refusée.',
    );
    expect(d.lang).toBe('fr');
    expect(d.findings[0]?.id).toBe('oem-licence-not-transferable');
    expect(d.findings[0]?.escalate).toBe(false);
  });
});
