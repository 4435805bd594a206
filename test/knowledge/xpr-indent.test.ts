/**
 * `slmgr /xpr` pasted as the dialog shows it (the status line indented under the edition) or flush left, as a
 * chat client often leaves it: both are the same output and must read and diagnose the same.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, extract, mergeFacts } from '../../src/knowledge/diagnose.js';

const EDITION = 'Windows(R), ServerStandard edition:';
const EXPIRY = 'Volume activation will expire 3/1/2027 10:15:00 AM';
const EXPIRE_FR = 'L’activation en volume expirera le 01/03/2027 10:15:00';

describe('an /xpr expiry line with or without its indent', () => {
  it('"here is slmgr /xpr": the indented and the flush-left paste give the same facts and findings', () => {
    const indented = `here is slmgr /xpr\n${EDITION}\n    ${EXPIRY}`;
    const flush = `here is slmgr /xpr\n${EDITION}\n${EXPIRY}`;
    expect(mergeFacts(extract(indented).observations)).toEqual(mergeFacts(extract(flush).observations));
    expect(mergeFacts(extract(flush).observations)).toMatchObject({
      edition: 'ServerStandard',
      activationExpiry: '3/1/2027 10:15:00 AM',
    });
    expect(diagnose(indented).findings.map((f) => f.id)).toEqual(diagnose(flush).findings.map((f) => f.id));
  });

  it('the same in French, with a tab for the indent', () => {
    const indented = `voici le slmgr /xpr\nWindows(R), ServerStandard edition :\n\t${EXPIRE_FR}`;
    const flush = `voici le slmgr /xpr\nWindows(R), ServerStandard edition :\n${EXPIRE_FR}`;
    expect(mergeFacts(extract(indented).observations)).toEqual(mergeFacts(extract(flush).observations));
    expect(diagnose(indented).findings.map((f) => f.id)).toEqual(diagnose(flush).findings.map((f) => f.id));
  });

  it('a real sentence of eight words or more next to an output is still read as the story', () => {
    const text = `${EDITION}\n    ${EXPIRY}\n    our VMs power off cleanly about an hour after boot every day`;
    expect(mergeFacts(extract(text).observations).storyMatches?.length ?? 0).toBeGreaterThan(0);
  });
});
